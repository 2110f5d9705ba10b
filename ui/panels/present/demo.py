"""The demo workshop for the deck, read through a throw-away database."""

import tempfile

import streamlit as st

from canvas.content.demo import load_demo
from canvas.domain import Language, WorkshopView
from canvas.ops.migrate import upgrade
from canvas.store import reads
from canvas.store import workshops as workshop_store
from canvas.store.db import make_engine, reading, transaction


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
