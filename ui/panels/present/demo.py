"""The demo workshop for the deck, read through a throw-away database."""

import streamlit as st

from canvas.content.demo import load_demo
from canvas.domain import Language, WorkshopView
from canvas.ops.preview import view_of


@st.cache_resource(max_entries=4, show_spinner=False)
def demo_view(language: Language) -> WorkshopView:
    """The demo as a workshop view (built once per language and process)."""
    return view_of(load_demo(language))
