"""The look every figure shares: the font stack, escaping user text for Plotly labels, the
empty-chart note and the common layout. No Streamlit here, so exports reuse the figures."""

import html
import textwrap
from collections.abc import Iterable
from decimal import Decimal

import plotly.graph_objects as go

from canvas.domain import Language
from canvas.i18n import compact

FONT = "Inter, 'PT Sans', 'DejaVu Sans', Arial, sans-serif"
TITLE_WIDTH = 44  # characters of a chart title per line: a half-width column (~480 px) holds this
WIDE_TITLE_WIDTH = 66  # the same for a chart across the page (~700 px and more)
TITLE_LINE_PX = 22  # the height of one more title line, at Plotly's 17 px title font


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


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` broken at spaces into lines of about ``width`` characters.

    A word longer than the line stays whole: a type's or a stage's name is never cut
    mid-word or shortened with "…", it only takes a line of its own.
    """
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def wrap_label(text: str, width: int) -> str:
    """``text`` as a Plotly label: escaped, its lines (``wrap_lines``) joined with <br>."""
    return "<br>".join(plotly_text(line) for line in wrap_lines(text, width))


def title_lines(title: str, width: int = TITLE_WIDTH) -> tuple[str, int]:
    """A chart title wrapped to lines of ``width`` characters, and how many it took.

    Plotly never wraps a title: a long one ran past the figure's right edge and was cut.
    """
    lines = wrap_lines(title, width)
    return "<br>".join(lines), len(lines)


def finish(
    figure: go.Figure,
    title: str,
    rows: int,
    *,
    top: int = 0,
    bottom: int = 0,
    title_width: int = TITLE_WIDTH,
    **layout: object,
) -> go.Figure:
    """The layout every chart shares: a title, rows top-down, height that grows with rows.

    ``top`` and ``bottom`` are pixels more above and below the plot (for a legend or
    labels placed there); the figure grows by as much, so the plot keeps its height.
    ``title_width``: ``WIDE_TITLE_WIDTH`` for a chart that spans the page.
    """
    text, lines = title_lines(title, title_width)
    top += TITLE_LINE_PX * (lines - 1)
    settings: dict[str, object] = {
        "title": {"text": text},
        "yaxis": {"autorange": "reversed"},
        "height": max(240, 120 + 36 * rows) + top + bottom,
        "margin": {"l": 10, "r": 10, "t": 60 + top, "b": 10 + bottom},
        "font": {"family": FONT},
    }
    figure.update_layout(**(settings | layout))
    return figure


TICKS = 5  # about how many steps a number axis is cut into
NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def number_axis(
    values: Iterable[float | int | Decimal], lang: Language | str, *, whole: bool = False
) -> dict[str, list]:
    """Ticks for a number axis written as the language writes them: «50 тыс.», «1,5 млн»,
    "50K", "1.5M". Plotly's own ticks say "50k" and "1.5M" in any language, so the values
    are chosen here (a round step: 1, 2, 2.5 or 5 times a power of ten, from zero or the
    lowest value) and each is labelled by Babel. ``whole`` keeps counts on whole steps.
    """
    numbers = [Decimal(str(value)) for value in values] or [Decimal(0)]
    low, high = min(Decimal(0), *numbers), max(Decimal(0), *numbers)
    if high == low:
        high = low + 1
    rough = (high - low) / TICKS
    power = Decimal(10) ** (rough.adjusted())  # the power of ten at or below the rough step
    step = next(power * nice for nice in NICE_STEPS if power * nice >= rough)
    if whole:
        step = max(Decimal(1), step.to_integral_value(rounding="ROUND_CEILING"))
    first, last = (
        (low / step).to_integral_value(rounding="ROUND_FLOOR"),
        (high / step).to_integral_value(rounding="ROUND_CEILING"),
    )
    ticks = [(first + i) * step for i in range(int(last - first) + 1)]
    return {
        "tickvals": [float(tick) for tick in ticks],
        "ticktext": [compact(tick, lang) for tick in ticks],
    }
