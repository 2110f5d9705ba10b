"""Widgets the pages share: charts and other derived data cached per workshop state, and
download buttons that build their file only when clicked."""

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from canvas.domain import Language, WorkshopView
from canvas.export.files import MIME, ExportFormat, export_file, file_name
from canvas.figures.canvas import canvas_figure
from canvas.figures.projected import deck_canvas
from canvas.figures.text_alternative import canvas_text, figure_text
from ui.language import lang, plain, tr
from ui.workshop import document

T = TypeVar("T")
WORKSHEET_SUFFIX = "worksheet"  # the file name stays ASCII in every language


def derived(build: Callable[..., T], view: WorkshopView, *args: Hashable, **options: Hashable) -> T:
    """``build(view, *args, **options)``, computed once per workshop state and shared by
    every session: figures, table rows and recommendations of a large workshop take tens of
    milliseconds to build, and a rerun that changed nothing should not pay for them again.

    ``build`` may depend on nothing but the view and the arguments, and its result is
    shared, so nobody may change it. A view that is not from the database (the
    presentation's demo) passes ``source`` to keep its own key.
    """
    source = str(options.pop("source", "database"))
    name = f"{build.__module__}.{build.__qualname__}"
    key = (source, view.workshop.id, view.workshop.state, args, tuple(sorted(options.items())))
    result: T = _derived(name, key, _build=build, _view=view)
    return result


def chart(
    build: Callable[..., go.Figure], view: WorkshopView, *args: Hashable, **options: Hashable
) -> go.Figure:
    """A Plotly figure through ``derived``: ``st.plotly_chart`` only reads it."""
    return derived(build, view, *args, **options)


def show_chart(
    build: Callable[..., go.Figure],
    view: WorkshopView,
    *args: Hashable,
    where: DeltaGenerator | None = None,
    key: str | None = None,
    config: dict[str, Any] | None = None,
    **options: Hashable,
) -> None:
    """A chart and its text alternative beneath it: one sentence, and the chart's data as
    a table in an expander that a keyboard reaches and a screen reader reads."""
    place = where or st.container()
    figure = chart(build, view, *args, **options)
    place.plotly_chart(figure, width="stretch", key=key, config=config or {})
    said_in_words(build, view, figure, options, place=place, folded=True)


def said_in_words(
    build: Callable[..., go.Figure],
    view: WorkshopView,
    figure: go.Figure,
    options: dict[str, Hashable],
    *,
    place: DeltaGenerator,
    folded: bool,
) -> None:
    """``figure``'s text alternative: its sentence, and its data as a table, in an expander
    when ``folded`` (a page's chart) or open (the deck's, kept out of sight by its CSS)."""
    code = lang()
    if build in (canvas_figure, deck_canvas):  # text in boxes: the items in full, unclipped
        layer = bool(options.get("layer", False))
        described = derived(
            canvas_text, view, code, layer=layer, source=options.get("source", "database")
        )
    else:
        described = figure_text(figure, code)
    place.caption(plain(described.summary))  # it names segments and rules: user text
    if described.rows:
        # st.table reads its cells as markdown: names and notes are user text
        table = pd.DataFrame(described.rows).map(plain).rename(columns=plain)
        table = table.set_index(table.columns[0])
        if folded:
            with place.expander(tr("a11y.chart.table")):
                st.table(table)
        else:
            place.table(table)


@st.cache_resource(max_entries=1024, show_spinner=False)
def _derived(
    name: str, key: tuple[Hashable, ...], *, _build: Callable[..., Any], _view: Any
) -> Any:
    options = dict(key[-1])  # type: ignore[call-overload]
    return _build(_view, *key[-2], **options)  # type: ignore[misc]


def download(
    label: str,
    view: WorkshopView,
    fmt: ExportFormat,
    report_lang: Language,
    *,
    icon: str,
    help: str | None = None,
    with_theory: bool = False,
) -> None:
    """A download button that builds its file only when clicked (the PDF ``with_theory``
    for a handout); the button shows a spinner in place of its icon while it builds."""

    def build() -> bytes:
        portable = document(view) if fmt is ExportFormat.JSON else None
        return export_file(view, fmt, report_lang, document=portable, with_theory=with_theory).data

    st.download_button(
        label,
        data=build,
        file_name=file_name(view, fmt),
        mime=MIME[fmt],
        icon=icon,
        help=help,
        on_click="ignore",
        key=f"download-{fmt.value}-{view.workshop.id}",
    )


def worksheet_download(
    label: str, lang: Language, segments: Sequence[str], *, stem: str, key: str, title: str = ""
) -> None:
    """A download button for the blank worksheet in ``lang``: a form per segment named
    (blank copies without any), and the canvas on A3; built only when clicked."""
    names = list(segments)

    def build() -> bytes:
        from canvas.export.pdf.worksheet import render_worksheet

        return render_worksheet(lang, names, title=title)

    st.download_button(
        label,
        data=build,
        file_name=f"{stem}-{WORKSHEET_SUFFIX}.pdf",
        mime=MIME[ExportFormat.PDF],
        icon=":material/print:",
        on_click="ignore",
        key=key,
    )
