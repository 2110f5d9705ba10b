"""Presentation: the workshop as a deck of slides the trainer steps through on a projector.

Title, why relationships matter, the four questions, the six types, the canvas, one gap
slide per segment, the five frameworks, the recommendations and the sources, in large
type with no sidebar and nothing to edit (``ui/panels/present``). Without an open
workshop (or on request) the prepared demo is shown, read into a throw-away database so
nothing is written to the real one.
"""

import streamlit as st

from canvas.presenters.deck import deck
from ui.language import lang
from ui.panels.present import DECK_CSS, DEMO_KEY, controls, demo_view, show
from ui.workshop import current_view

st.html(DECK_CSS)
language = lang()
current = current_view()
use_demo = current is None or bool(st.session_state.get(DEMO_KEY))
view = demo_view(language) if use_demo or current is None else current
source = "demo" if view is not current else "database"  # the demo's ids are its own
slides = deck(view)
index = controls(slides, view, language, demo=current is not None)
show(slides[index], view, language, source=source)
