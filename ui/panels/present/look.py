"""What every slide shares: the projected page's CSS, a slide's heading, its charts."""

from collections.abc import Callable, Hashable

import plotly.graph_objects as go
import streamlit as st

from canvas.domain import WorkshopView
from ui.language import plain
from ui.widgets import chart, said_in_words

SPOKEN = "deck_spoken_"  # the key prefix of a chart's words, read aloud and never shown

# Static CSS only: no user text ever goes into this markup. On this page alone it hides
# the sidebar, its buttons and Streamlit's header, and sets type a room can read: body
# text 26 px (24 px on the dense slides), headings from 30 px up, controls 24 px; the
# PageUp / PageDown hints on the buttons stay off the screen (the keys still work).
DECK_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {
  display: none !important;
}
[data-testid="stMainBlockContainer"] { padding: 0.75rem 2rem 0 2rem; max-width: none; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] :is(p, li, td, th) {
  font-size: 26px; line-height: 1.35;
}
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li { margin-bottom: 0.35rem; }
.st-key-deck_dense [data-testid="stMarkdownContainer"] :is(p, li) {
  font-size: 24px; line-height: 1.3;
}
.st-key-deck_large [data-testid="stMarkdownContainer"] :is(p, li) {
  font-size: 34px; line-height: 1.4;
}
[data-testid="stMain"] [data-testid="stHeading"] h1 { font-size: 50px; padding: 0.2rem 0; }
[data-testid="stMain"] [data-testid="stHeading"] h2 { font-size: 30px; padding: 0.1rem 0; }
[data-testid="stMain"] [data-testid="stHeading"] h3 { font-size: 30px; padding: 0.1rem 0; }
[data-testid="stMain"] :is(button, a) :is(p, span) { font-size: 24px; white-space: nowrap; }
.st-key-deck_cover { padding-top: 12vh; }
.st-key-deck_cover [data-testid="stHeading"] h1 { font-size: 80px; }
.st-key-deck_cover [data-testid="stHeading"] h2 { font-size: 44px; font-weight: 400; }
[data-testid="stMain"] button kbd { display: none; }
[class*="st-key-deck_spoken_"] {
  position: absolute !important; width: 1px !important; height: 1px !important;
  overflow: hidden !important; clip-path: inset(50%); white-space: nowrap;
}
[data-testid="stMain"] [data-testid="stWidgetLabel"] p { font-size: 24px; }
[data-testid="stMain"] [data-testid="stSelectbox"] input { font-size: 24px; height: 2.6rem; }
</style>"""

# the slide's own area: 1080 px less the bar of controls and the heading
CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def heading(text: str) -> None:
    """The slide's title as its top heading; ``text`` may hold user text (escaped here)."""
    st.title(plain(text), anchor=False)


def lines(items: list[str]) -> None:
    """A bulleted list, one markdown item each (user text in them already escaped)."""
    if items:
        st.markdown("\n".join(f"- {item}" for item in items))


def figure(
    build: Callable[..., go.Figure],
    view: WorkshopView,
    *args: Hashable,
    source: str,
    key: str,
) -> None:
    """A projected figure: cached per workshop state, no toolbar, Plotly's own fonts.

    ``theme=None``: Streamlit's chart theme would set its own (small) fonts over the
    figure's, the very labels a room must read.
    """
    drawn = chart(build, view, *args, source=source)
    st.plotly_chart(drawn, width="stretch", theme=None, config=CHART_CONFIG, key=key)
    # The chart in words for a screen reader; DECK_CSS keeps it off the projected slide.
    place = st.container(key=f"{SPOKEN}{key}")
    said_in_words(build, view, drawn, {"source": source}, place=place, folded=False)
