"""Native PowerPoint charts: the trainer clicks one, edits its data in PowerPoint's sheet
and restyles it like any chart of their own. Every label is in the deck's language.

Bars for the gap per type, the NPS distribution, the touchpoints and the crisis check's
conditions; a line for the customer's path; a radar for the twelve rules. SHURA's heat
map has no chart kind in PowerPoint, so it is a table with coloured cells.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.text import PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Pt

from canvas.export.pptx.look import FONT, INK, rgb

TICK_SIZE = 14  # category and value labels: read from the back of a room when projected
LEGEND_SIZE = 14


@dataclass(frozen=True)
class Series:
    """One series: its name, values (``None`` leaves a gap) and colour; ``points`` gives
    each point a colour of its own (the NPS categories)."""

    name: str
    values: Sequence[float | None]
    colour: str
    points: Sequence[str] | None = None


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int


def chart(
    slide: Slide,
    kind: XL_CHART_TYPE,
    box: Box,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    name: str,
    scale: tuple[float, float] | None = None,
    step: float | None = None,
    legend: bool = True,
    labels: bool = False,
) -> Chart:
    """A chart of ``kind`` with ``series`` over ``categories``; ``scale`` fixes the value
    axis (0–3 for the levels, 0–5 for the rules), ``labels`` writes each value on its bar."""
    data = CategoryChartData()
    data.categories = list(categories)
    for one in series:
        data.add_series(one.name, list(one.values))
    frame: Any = slide.shapes.add_chart(
        kind,
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
        data,  # type: ignore[arg-type]
    )
    frame.name = name
    made: Chart = frame.chart
    made.font.name = FONT
    made.font.size = Pt(TICK_SIZE)
    made.font.color.rgb = rgb(INK)
    made.has_title = False
    made.has_legend = legend
    # a radar's twelve spoke names share the circle: smaller, or they crowd the plot out
    spokes = TICK_SIZE - 2 if kind is XL_CHART_TYPE.RADAR_MARKERS else TICK_SIZE
    made.category_axis.tick_labels.font.size = Pt(spokes)
    made.value_axis.tick_labels.font.size = Pt(TICK_SIZE)
    if legend:
        made.legend.position = XL_LEGEND_POSITION.BOTTOM
        made.legend.include_in_layout = False
        made.legend.font.size = Pt(LEGEND_SIZE)
    axis = made.value_axis
    if scale is not None:
        axis.minimum_scale, axis.maximum_scale = scale
    if step is not None:
        axis.major_unit = step
    for drawn, one in zip(made.plots[0].series, series, strict=True):
        _colour(drawn, one, kind)
    if labels:
        plot = made.plots[0]
        plot.has_data_labels = True
        plot.data_labels.font.size = Pt(TICK_SIZE)
        plot.data_labels.number_format = "0"
        plot.data_labels.number_format_is_linked = False
    return made


def _colour(drawn, one: Series, kind: XL_CHART_TYPE) -> None:
    if kind in {XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.RADAR_MARKERS}:
        drawn.format.line.color.rgb = rgb(one.colour)
        drawn.format.line.width = Pt(2.5)
        drawn.marker.style = XL_MARKER_STYLE.CIRCLE
        drawn.marker.format.fill.solid()
        drawn.marker.format.fill.fore_color.rgb = rgb(one.colour)
        drawn.smooth = False
        return
    drawn.format.fill.solid()
    drawn.format.fill.fore_color.rgb = rgb(one.colour)
    for index, colour in enumerate(one.points or []):
        point = drawn.points[index].format.fill
        point.solid()
        point.fore_color.rgb = rgb(colour)


def heat_table(
    slide: Slide,
    box: Box,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    fills: Sequence[Sequence[str | None]],
    *,
    name: str,
    size: float = 14,
    widths: Sequence[float] | None = None,
) -> None:
    """A table whose cells carry background colours: a heat map PowerPoint can edit."""
    shape = slide.shapes.add_table(
        len(rows) + 1, len(header), Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    shape.name = name
    table = shape.table
    shares = widths or [1.0] * len(header)
    for index, share in enumerate(shares):
        table.columns[index].width = Emu(round(box.width * share / sum(shares)))
    for column, text in enumerate(header):
        _cell(table.cell(0, column), text, size, bold=True)
    for row_index, (row, row_fills) in enumerate(zip(rows, fills, strict=True), start=1):
        for column, (text, fill) in enumerate(zip(row, row_fills, strict=True)):
            cell = table.cell(row_index, column)
            _cell(cell, text, size, centre=fill is not None)
            if fill is not None:
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(fill)


def _cell(cell, text: str, size: float, *, bold: bool = False, centre: bool = False) -> None:
    frame = cell.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER if centre else PP_ALIGN.LEFT
    run = paragraph.add_run()
    run.text = text
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
