"""The text alternative of every chart: one sentence and the chart's data as rows, for a
screen reader, a keyboard and anyone who reads numbers rather than colours.

``figure_text`` reads any figure the app draws (bars, heatmaps, lines and points, radar)
from its own traces, so a new chart has a text alternative without more code; the canvas,
drawn as text in boxes, has its own (``canvas_text``): every item of every block, in
full, with the segment it belongs to.
"""

import re
from dataclasses import dataclass
from html import unescape
from typing import Any

import plotly.graph_objects as go

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, Language, WorkshopView
from canvas.figures.style import shorten
from canvas.i18n import number, t
from canvas.presenters.canvas_layout import LAYOUT, canvas_items, layer_items

_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class ChartText:
    """A chart said in words: ``summary`` is one sentence, ``rows`` its data as a table."""

    summary: str
    rows: list[dict[str, str]]


def _plain(text: object) -> str:
    # Plotly labels carry <br>, <b> and entities: a table cell wants the words only.
    return " ".join(unescape(_TAG.sub(" ", str(text).replace("<br>", " "))).split())


def _value(value: object, lang: Language) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _plain(value)
    return number(value, lang, 0 if float(value).is_integer() else 1)


def _labels(axis: Any, values: Any) -> list[str]:
    """The labels a reader sees on an axis: tick texts replace numbered positions."""
    values = list(values) if values is not None else []
    ticks = dict(zip(axis.tickvals or (), axis.ticktext or (), strict=False))
    return [_plain(ticks.get(value, value)) for value in values]


def _title(figure: go.Figure, lang: Language) -> str:
    text = figure.layout.title.text if figure.layout.title else None
    return _plain(text) if text else t("a11y.chart.untitled", lang)


def _heatmap(figure: go.Figure, trace: Any, lang: Language) -> list[dict[str, str]]:
    columns = _labels(figure.layout.xaxis, trace.x)
    rows = _labels(figure.layout.yaxis, trace.y)
    cells = trace.text if trace.text is not None else trace.z
    first = t("a11y.chart.row", lang)
    return [
        {first: row, **{c: _value(cell, lang) for c, cell in zip(columns, line, strict=False)}}
        for row, line in zip(rows, cells, strict=False)
    ]


def _keys(figure: go.Figure, trace: Any) -> list[str]:
    """The categories of a trace's points, as their axis labels them."""
    if trace.type == "scatterpolar":
        return [_plain(k) for k in trace.theta or ()]
    if getattr(trace, "orientation", None) == "h" or _along_y(trace):
        return _labels(figure.layout.yaxis, trace.y)
    return _labels(figure.layout.xaxis, trace.x)


def _amounts(trace: Any) -> list[Any]:
    """The values of a trace's points."""
    if trace.type == "scatterpolar":
        return list(trace.r or ())
    if getattr(trace, "orientation", None) == "h" or _along_y(trace):
        return list(trace.x or ())
    return list(trace.y or ())


def _along_y(trace: Any) -> bool:
    # Points placed on named rows (segments on the spectrum) read along the y axis.
    return bool(trace.y is not None and len(trace.y) and isinstance(trace.y[0], str))


def _series(figure: go.Figure, trace: Any, lang: Language) -> list[dict[str, str]]:
    """One row per point: the trace's name, the category and the value (its own label
    when the chart prints one)."""
    shown = trace.text if isinstance(trace.text, list | tuple) else None
    series, item, amount = (t(f"a11y.chart.{k}", lang) for k in ("series", "item", "value"))
    name = _plain(trace.name) if trace.name else ""
    keys, values = _keys(figure, trace), _amounts(trace)
    if trace.type == "scatterpolar" and len(keys) > 1 and keys[0] == keys[-1]:
        keys, values = keys[:-1], values[:-1]  # the radar closes its ring with the first point
    pairs = zip(keys, values, strict=False)
    return [
        {
            **({series: name} if name else {}),
            item: key,
            amount: _plain(shown[i]) if shown and i < len(shown) else _value(value, lang),
        }
        for i, (key, value) in enumerate(pairs)
    ]


def _highest(figure: go.Figure, lang: Language) -> tuple[str, str] | None:
    """The largest value of the bars or heatmap cells, as (where, what the chart shows)."""
    best: tuple[float, str, str] | None = None
    for trace in figure.data:
        if trace.type == "heatmap" and trace.z is not None:
            columns = _labels(figure.layout.xaxis, trace.x)
            names = _labels(figure.layout.yaxis, trace.y)
            for r, line in enumerate(trace.z):
                for c, cell in enumerate(line):
                    if isinstance(cell, int | float) and (best is None or cell > best[0]):
                        shown = trace.text[r][c] if trace.text is not None else cell
                        where = f"{names[r]} · {columns[c]}"
                        best = (float(cell), where, shorten(_value(shown, lang), 60))
        elif trace.type == "bar":
            shown = _series(figure, trace, lang)
            for row, value in zip(shown, _amounts(trace), strict=False):
                if isinstance(value, int | float) and (best is None or value > best[0]):
                    *series, item, label = row.values()
                    if series and sum(d.type == "bar" for d in figure.data) > 1:
                        item = f"{series[0]} · {item}"  # which bars: the NPS categories
                    best = (float(value), item, label)
    return None if best is None else (best[1], best[2])


def figure_text(figure: go.Figure, lang: Language | str) -> ChartText:
    """Any chart of the app as one sentence and rows, read from its traces."""
    lang = Language(lang)
    rows: list[dict[str, str]] = []
    for trace in figure.data:
        if trace.type == "heatmap":
            rows += _heatmap(figure, trace, lang)
        elif trace.type in ("bar", "scatter", "scatterpolar"):
            if trace.showlegend is False and trace.hoverinfo == "skip":
                continue  # a connecting line: its ends are the next traces' points
            rows += _series(figure, trace, lang)
    title = _title(figure, lang)
    if not rows:
        return ChartText(t("a11y.chart.empty", lang, title=title), [])
    n = number(len(rows), lang)
    top = _highest(figure, lang)
    if top is None:
        return ChartText(t("a11y.chart.summary", lang, title=title, n=n), rows)
    return ChartText(t("a11y.chart.top", lang, title=title, n=n, top=top[0], shown=top[1]), rows)


def canvas_text(view: WorkshopView, lang: Language | str, **options: Any) -> ChartText:
    """The canvas as rows: each block's items in full, the layer's first when it is on."""
    lang, cat = Language(lang), catalogue()
    items = canvas_items(view, lang)
    extra = layer_items(view, lang) if options.get("layer") else {}
    block_col, item_col = t("a11y.canvas.block", lang), t("a11y.canvas.item", lang)
    rows = [
        {block_col: cat.block(block).name(lang), item_col: entry.text}  # as typed, in full
        for block in LAYOUT
        for entry in [*extra.get(block, []), *items[block]]
    ]
    filled = sum(1 for block in CanvasBlock if items[block] or extra.get(block))
    summary = t(
        "a11y.canvas.summary",
        lang,
        filled=number(filled, lang),
        blocks=number(len(LAYOUT), lang),
        n=number(len(rows), lang),
    )
    return ChartText(summary, rows)
