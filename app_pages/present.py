"""Presentation: a workshop on the projector, in large type, with nothing to edit.

The canvas fills the width; below it the segments come one at a time with what each
expects of the six relationship types and what has been established. Without an open
workshop (or on request) the prepared demo is shown, read into a throw-away database so
nothing is written to the real one.
"""

import tempfile

import plotly.graph_objects as go
import streamlit as st

from canvas.content import catalogue
from canvas.content.demo import load_demo
from canvas.domain import Language, RelationshipType, WorkshopView
from canvas.figures.canvas import canvas_figure
from canvas.ops.migrate import upgrade
from canvas.store import reads
from canvas.store import workshops as workshop_store
from canvas.store.db import make_engine, reading, transaction
from ui.language import lang, plain, tr
from ui.widgets import chart
from ui.workshop import current_view

# Static CSS only: no user text ever goes into this markup.
LARGE_TYPE = """<style>
section.main p, section.main li, [data-testid="stMarkdownContainer"] p { font-size: 1.35rem; }
[data-testid="stHeading"] h1 { font-size: 3rem; }
[data-testid="stHeading"] h2 { font-size: 2.4rem; }
[data-testid="stHeading"] h3 { font-size: 2rem; }
[data-testid="stBaseButton-secondary"] p { font-size: 1.25rem; }
</style>"""
INDEX = "present_segment"


@st.cache_resource(max_entries=4, show_spinner=False)
def demo_view(language: Language) -> WorkshopView:
    """The demo as a workshop view, read through a temporary database that is then dropped."""
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/demo.db")
        try:
            upgrade(engine)
            with transaction(engine) as session:
                made = workshop_store.create_from_document(session, document=load_demo(language))
            with reading(engine) as session:
                return reads.load_view(session, workshop_id=made.id)
        finally:
            engine.dispose()


def _levels(view: WorkshopView, index: int, language: Language) -> go.Figure:
    """One segment's six types: expected next to established, 0–3."""
    cat = catalogue()
    segment_view = view.segments[index]
    kinds = list(RelationshipType)
    names = [cat.type(kind).name(language) for kind in kinds]
    figure = go.Figure()
    for attr, colour in (("expected", "#B2182B"), ("established", "#2166AC")):
        figure.add_bar(
            x=names,
            y=[getattr(segment_view.answer(kind), attr) for kind in kinds],
            name=tr(f"present.{attr}"),
            marker_color=colour,
        )
    figure.update_layout(
        barmode="group",
        height=460,
        font={"size": 18},
        yaxis={"range": [0, 3.2], "dtick": 1},
        legend={"orientation": "h", "y": 1.12},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
    )
    return figure


def _step(delta: int, total: int) -> None:
    st.session_state[INDEX] = max(0, min(total - 1, st.session_state.get(INDEX, 0) + delta))


st.html(LARGE_TYPE)
language = lang()
current = current_view()
st.title(tr("page.present"))
use_demo = current is None or st.toggle(tr("present.demo"), key="present_demo")
view = demo_view(language) if use_demo or current is None else current
st.header(plain(view.workshop.title))
source = "demo" if view is not current else "database"  # the demo's ids are its own
st.plotly_chart(
    chart(canvas_figure, view, language, source=source),
    width="stretch",
    config={"displayModeBar": False},
)

total = len(view.segments)
if not total:
    st.info(tr("present.no_segments"))
    st.stop()
index = min(st.session_state.get(INDEX, 0), total - 1)
st.session_state[INDEX] = index
back, where, forward = st.columns([1, 4, 1], vertical_alignment="center")
back.button(
    tr("present.previous"),
    icon=":material/arrow_back:",
    disabled=index == 0,
    on_click=_step,
    args=(-1, total),
    width="stretch",
)
forward.button(
    tr("present.next"),
    icon=":material/arrow_forward:",
    disabled=index == total - 1,
    on_click=_step,
    args=(1, total),
    width="stretch",
)
name = view.segments[index].segment.name
where.subheader(tr("present.segment", n=index + 1, total=total, name=plain(name)))
st.plotly_chart(
    chart(_levels, view, index, language, source=source), width="stretch", key="present-levels"
)
st.caption(tr("present.help"))
