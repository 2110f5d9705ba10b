"""Plotly figures built from the workshop; no Streamlit here, so exports can reuse them.

Plotly renders a small subset of HTML in labels, so every user text is escaped first.
"""

import html
import textwrap
from decimal import Decimal

import plotly.graph_objects as go

from canvas.analysis import SegmentFigures, workshop_figures
from canvas.board import GREY, LAYOUT, BoardItem, Box, board_items, layer_items
from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, Language, RelationshipType, WorkshopSnapshot
from canvas.i18n import money, number, percent, t

FONT = "Inter, 'PT Sans', 'DejaVu Sans', Arial, sans-serif"


def plotly_text(text: str) -> str:
    """User text for a Plotly label or hover: Plotly renders some HTML tags, so escape it."""
    return html.escape(text, quote=False)


def centre_note(figure: go.Figure, text: str) -> None:
    """A grey note in the middle of an empty chart (no answers yet, no dates, …)."""
    figure.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"size": 14, "color": "#666"},
    )


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _finish(figure: go.Figure, title: str, rows: int, **layout: object) -> go.Figure:
    """The layout every chart shares: a title, rows top-down, height that grows with rows."""
    figure.update_layout(
        title=title,
        yaxis={"autorange": "reversed"},
        height=max(240, 120 + 36 * rows),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        font={"family": FONT},
        **layout,
    )
    return figure


def _segment_bars(
    figures: list[SegmentFigures], values: list[float], labels: list[str], hover: str
) -> go.Figure:
    """One horizontal bar per segment, in the segment's colour."""
    return go.Figure(
        go.Bar(
            x=values,
            y=[plotly_text(_short(f.name, 28)) for f in figures],
            orientation="h",
            marker={"color": [f.colour for f in figures]},
            text=labels,
            textposition="auto",
            hovertemplate="%{y}: %{text}<extra>" + hover + "</extra>",
        )
    )


def gap_heatmap(snapshot: WorkshopSnapshot, lang: Language | str) -> go.Figure:
    """Segments × types: expected minus established; red under-served, blue over-served."""
    cat = catalogue()
    kinds = list(RelationshipType)
    names = [plotly_text(_short(v.segment.name, 28)) for v in snapshot.segments]
    z, labels, hover = [], [], []
    for view in snapshot.segments:
        row_z, row_text, row_hover = [], [], []
        for kind in kinds:
            answer = view.answer(kind)
            row_z.append(answer.gap)
            row_text.append(f"{answer.expected}→{answer.established}")
            row_hover.append(
                t(
                    "chart.gap.hover",
                    lang,
                    segment=plotly_text(view.segment.name),
                    type=cat.type(kind).name(lang),
                    expected=answer.expected,
                    established=answer.established,
                    gap=answer.gap,
                )
            )
        z.append(row_z)
        labels.append(row_text)
        hover.append(row_hover)
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=[cat.type(k).name(lang) for k in kinds],
            y=names,
            text=labels,
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            zmin=-3,
            zmax=3,
            colorscale=[[0, "#2166AC"], [0.5, "#F7F7F7"], [1, "#B2182B"]],
            colorbar={"title": {"text": t("chart.gap.scale", lang)}},
        )
    )
    return _finish(figure, t("chart.gap.title", lang), len(names))


def spectrum_chart(snapshot: WorkshopSnapshot, lang: Language | str) -> go.Figure:
    """Each segment on the personal-to-automated line: where it expects to be, where it is."""
    figures = workshop_figures(snapshot)
    figure = go.Figure()
    names = [plotly_text(_short(f.name, 28)) for f in figures]
    for name, fig in zip(names, figures, strict=True):
        if fig.expected_position is not None and fig.established_position is not None:
            figure.add_trace(
                go.Scatter(
                    x=[fig.expected_position, fig.established_position],
                    y=[name, name],
                    mode="lines",
                    line={"color": fig.colour, "width": 3},
                    showlegend=False,
                    hoverinfo="skip",
                )
            )
    for attr, symbol, key in (
        ("expected_position", "circle-open", "chart.spectrum.expected"),
        ("established_position", "circle", "chart.spectrum.established"),
    ):
        points = [(n, getattr(f, attr), f.colour) for n, f in zip(names, figures, strict=True)]
        points = [p for p in points if p[1] is not None]
        figure.add_trace(
            go.Scatter(
                x=[p[1] for p in points],
                y=[p[0] for p in points],
                mode="markers",
                marker={
                    "symbol": symbol,
                    "size": 14,
                    "color": [p[2] for p in points],
                    "line": {"width": 2, "color": [p[2] for p in points]},
                },
                name=t(key, lang),
                hovertemplate="%{y}: %{x:.0f}<extra>" + t(key, lang) + "</extra>",
            )
        )
    return _finish(
        figure,
        t("chart.spectrum.title", lang),
        len(names),
        xaxis={
            "range": [-5, 105],
            "tickvals": [0, 50, 100],
            "ticktext": [
                t("chart.spectrum.personal", lang),
                t("chart.spectrum.middle", lang),
                t("chart.spectrum.automated", lang),
            ],
        },
        legend={"orientation": "h", "y": -0.15},
    )


def cost_chart(snapshot: WorkshopSnapshot, lang: Language | str) -> go.Figure:
    """Relationship cost per customer for each segment, labelled with its share of revenue."""
    figures = [f for f in workshop_figures(snapshot) if f.cost_per_customer is not None]
    currency = snapshot.workshop.currency
    per_customer = [f.cost_per_customer or Decimal(0) for f in figures]
    labels = [
        money(round(cost, 2), currency, lang)
        + (f" · {percent(f.cost_share, lang, 1)}" if f.cost_share is not None else "")
        for f, cost in zip(figures, per_customer, strict=True)
    ]
    figure = _segment_bars(figures, [float(c) for c in per_customer], labels, "")
    axis = {"title": {"text": t("chart.cost.axis", lang, currency=currency)}}
    return _finish(figure, t("chart.cost.title", lang), len(figures), xaxis=axis)


def ltv_chart(snapshot: WorkshopSnapshot, lang: Language | str) -> go.Figure:
    """LTV:CAC per segment with the common 3:1 line of health."""
    figures = [f for f in workshop_figures(snapshot) if f.ltv_to_cac is not None]
    ratios = [f.ltv_to_cac or 0.0 for f in figures]
    labels = [number(r, lang, 1) for r in ratios]
    figure = _segment_bars(figures, ratios, labels, "LTV:CAC")
    figure.add_vline(x=3, line_dash="dash", line_color=GREY, annotation_text="3:1")
    return _finish(figure, t("chart.ltv.title", lang), len(figures))


# ------------------------------------------------------------------ the canvas board


# Characters of 11 px text per board unit at a typical page width; Cyrillic runs wider.
CHARS_PER_UNIT = {Language.EN: 12.5, Language.RU: 11.0}
LINES_PER_UNIT = 5.0  # 11 px lines per unit of an 820 px tall board


LAYER_MARKER = "◆"  # the loyalty-and-touchpoints layer; the block's own items get ■


def _block_text(
    title: str,
    entries: list[BoardItem],
    box: Box,
    lang: Language | str,
    layer: list[BoardItem] | None = None,
) -> str:
    """A block's heading and items, wrapped to fit; the layer's items come first."""
    width = max(12, int((box.x1 - box.x0) * CHARS_PER_UNIT[Language(lang)]))
    heading = textwrap.wrap(title, width) or [title]
    budget = max(2, int((box.y1 - box.y0) * LINES_PER_UNIT) - 1 - len(heading))
    lines = [f"<b>{plotly_text(line)}</b>" for line in heading]
    marked = [(LAYER_MARKER, entry) for entry in layer or []]
    marked += [("■", entry) for entry in entries]
    used = 0
    for index, (symbol, entry) in enumerate(marked):
        wrapped = textwrap.wrap(
            entry.text, width - 2, break_on_hyphens=False, break_long_words=False
        ) or [""]
        if used + len(wrapped) > budget:
            lines.append(t("canvas.board.more", lang, n=len(marked) - index))
            break
        marker = f"<span style='color:{entry.colour}'>{symbol}</span> "
        lines.append(marker + plotly_text(wrapped[0]))
        lines.extend("&nbsp;&nbsp;&nbsp;" + plotly_text(rest) for rest in wrapped[1:])
        used += len(wrapped)
    return "<br>".join(lines)


def canvas_figure(
    snapshot: WorkshopSnapshot,
    lang: Language | str,
    *,
    highlight: bool = True,
    credit: bool = True,
    layer: bool = False,
) -> go.Figure:
    """The whole Business Model Canvas as a vector drawing, relationships highlighted.

    ``credit`` draws the licence line under the board; a page that prints it as text
    beneath the figure turns it off rather than showing it twice. ``layer`` adds the
    loyalty-and-touchpoints layer (``canvas.board.layer_items``) at the top of its blocks,
    marked ◆.
    """
    cat = catalogue()
    items = board_items(snapshot, lang)
    extra = layer_items(snapshot, lang) if layer else {}
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
                cat.block(block).name(lang), items[block], box, lang, extra.get(block)
            ),
            font={"size": 11, "family": FONT, "color": "#222"},
        )
    if credit:
        figure.add_annotation(
            x=10,
            y=-0.15,
            xanchor="right",
            yanchor="top",
            showarrow=False,
            text=plotly_text(cat.credit(lang)),
            font={"size": 10, "color": "#666"},
        )
    figure.update_layout(
        xaxis={"visible": False, "range": [-0.05, 10.05], "fixedrange": True},
        yaxis={"visible": False, "range": [-0.6 if credit else -0.05, 10.05], "fixedrange": True},
        height=820,
        margin={"l": 4, "r": 4, "t": 4, "b": 4},
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        showlegend=False,
        font={"family": FONT},
    )
    return figure
