"""Widgets the pages share: charts cached per workshop state, and download buttons that
build their file only when clicked."""

from collections.abc import Callable, Hashable
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from canvas.domain import (
    Language,
    WorkshopView,
)
from canvas.export.files import MIME, ExportFormat, export_file, file_name
from ui.workshop import document


def chart(
    build: Callable[..., go.Figure], view: WorkshopView, *args: Hashable, **options: Hashable
) -> go.Figure:
    """``build(snap, *args, **options)``, built once per workshop state and shared by every
    session: a Plotly figure takes 5–25 ms to build, and ``st.plotly_chart`` only reads it.

    The figure may depend on nothing but the view and the arguments. A view that is
    not from the database (the presentation's demo) passes ``source`` to keep its own key.
    """
    source = str(options.pop("source", "database"))
    name = f"{build.__module__}.{build.__qualname__}"
    key = (source, view.workshop.id, view.workshop.state, args, tuple(sorted(options.items())))
    return _chart(name, key, _build=build, _snap=view)


@st.cache_resource(max_entries=512, show_spinner=False)
def _chart(
    name: str, key: tuple[Hashable, ...], *, _build: Callable[..., go.Figure], _snap: Any
) -> go.Figure:
    options = dict(key[-1])  # type: ignore[call-overload]
    return _build(_snap, *key[-2], **options)  # type: ignore[misc]


def download(
    label: str, view: WorkshopView, fmt: ExportFormat, report_lang: Language, *, icon: str
) -> None:
    """A download button that builds its file only when clicked."""

    def build() -> bytes:
        portable = document(view) if fmt is ExportFormat.JSON else None
        return export_file(view, fmt, report_lang, document=portable).data

    st.download_button(
        label,
        data=build,
        file_name=file_name(view, fmt),
        mime=MIME[fmt],
        icon=icon,
        on_click="ignore",
        key=f"download-{fmt.value}-{view.workshop.id}",
    )
