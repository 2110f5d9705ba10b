"""The Business Model Canvas drawn as a Plotly figure: the nine blocks in the standard
layout, the relationships block highlighted, notes coloured by segment, and the optional
loyalty-and-touchpoints layer. The PDF draws the same layout (``canvas.export.pdf``)."""

import textwrap

import plotly.graph_objects as go

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, Language, WorkshopView
from canvas.figures.style import FONT, plotly_text
from canvas.i18n import t
from canvas.presenters.canvas_layout import LAYOUT, Box, CanvasItem, canvas_items, layer_items

# Characters of 11 px text per board unit at a typical page width; Cyrillic runs wider.
CHARS_PER_UNIT = {Language.EN: 12.5, Language.RU: 11.0}
LINES_PER_UNIT = 5.0  # 11 px lines per unit of an 820 px tall board
BASE_FONT, BASE_HEIGHT = 11, 820  # the page's board; a projected one scales from these
LAYER_MARKER = "◆"  # the loyalty-and-touchpoints layer; the block's own items get ■


def _block_text(
    title: str,
    entries: list[CanvasItem],
    box: Box,
    lang: Language | str,
    layer: list[CanvasItem] | None = None,
    scale: tuple[float, float] = (1.0, 1.0),
) -> str:
    """A block's heading and items, wrapped to fit; the layer's items come first.

    ``scale`` multiplies the characters per line and the lines per block, for a board
    drawn in another type size or at another size than the page's.
    """
    per_unit = CHARS_PER_UNIT[Language(lang)] * scale[0]
    width = max(12, int((box.x1 - box.x0) * per_unit))
    heading = textwrap.wrap(title, width) or [title]
    budget = max(2, int((box.y1 - box.y0) * LINES_PER_UNIT * scale[1]) - 1 - len(heading))
    lines = [f"<b>{plotly_text(line)}</b>" for line in heading]
    marked = [(LAYER_MARKER, entry) for entry in layer or []]
    marked += [("■", entry) for entry in entries]
    used = 0
    for index, (symbol, entry) in enumerate(marked):
        wrapped = textwrap.wrap(
            entry.text, width - 2, break_on_hyphens=False, break_long_words=False
        ) or [""]
        if used + len(wrapped) > budget:
            lines.append(t("canvas.item.more", lang, n=len(marked) - index))
            break
        marker = f"<span style='color:{entry.colour}'>{symbol}</span> "
        lines.append(marker + plotly_text(wrapped[0]))
        lines.extend("&nbsp;&nbsp;&nbsp;" + plotly_text(rest) for rest in wrapped[1:])
        used += len(wrapped)
    return "<br>".join(lines)


def canvas_figure(
    view: WorkshopView,
    lang: Language | str,
    *,
    highlight: bool = True,
    credit: bool = True,
    layer: bool = False,
    font_size: int = BASE_FONT,
    height: int = BASE_HEIGHT,
    width_ratio: float = 1.0,
) -> go.Figure:
    """The whole Business Model Canvas as a vector drawing, relationships highlighted.

    ``credit`` draws the licence line under the canvas; a page that prints it as text
    beneath the figure turns it off rather than showing it twice. ``layer`` adds the
    loyalty-and-touchpoints layer (``canvas_layout.layer_items``) at the top of its
    blocks, marked ◆. ``font_size``, ``height`` and ``width_ratio`` (the board's width
    against the page's) draw it larger, for a projector, wrapping the notes to match.
    """
    cat = catalogue()
    items = canvas_items(view, lang)
    extra = layer_items(view, lang) if layer else {}
    scale = (BASE_FONT / font_size * width_ratio, BASE_FONT / font_size * height / BASE_HEIGHT)
    figure = go.Figure()
    for block, box in LAYOUT.items():
        focus = highlight and block is CanvasBlock.CUSTOMER_RELATIONSHIPS
        figure.add_shape(
            type="rect",
            x0=box.x0,
            y0=box.y0,
            x1=box.x1,
            y1=box.y1,
            line={"color": "#B8860B" if focus else "#444", "width": 3 if focus else 1},
            fillcolor="#FFF4CC" if focus else "#FFFFFF",
            layer="below",
        )
        figure.add_annotation(
            x=box.x0 + 0.08,
            y=box.y1 - 0.1,
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            text=_block_text(
                cat.block(block).name(lang), items[block], box, lang, extra.get(block), scale
            ),
            font={"size": font_size, "family": FONT, "color": "#222"},
        )
    if credit:
        figure.add_annotation(
            x=10,
            y=-0.15,
            xanchor="right",
            yanchor="top",
            showarrow=False,
            text=plotly_text(cat.credit(lang)),
            font={"size": font_size - 1, "color": "#666"},
        )
    figure.update_layout(
        xaxis={"visible": False, "range": [-0.05, 10.05], "fixedrange": True},
        yaxis={"visible": False, "range": [-0.6 if credit else -0.05, 10.05], "fixedrange": True},
        height=height,
        margin={"l": 4, "r": 4, "t": 4, "b": 4},
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        showlegend=False,
        font={"family": FONT},
    )
    return figure
