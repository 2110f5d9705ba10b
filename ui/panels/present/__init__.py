"""The projected deck: the bar that steps through the slides, and which slide draws what.

The slide on screen is in the URL (``?slide=shura``, ``?slide=gap-12``), so a reload stays
on it; the slide list, the two steps and the address always agree.
"""

from collections.abc import Callable

import streamlit as st

from canvas.domain import Language, WorkshopView
from canvas.i18n import LANGUAGE_NAMES
from canvas.presenters.deck import Slide, SlideKind
from canvas.presenters.deck_texts import slide_label
from ui.gate import is_trainer
from ui.language import tr
from ui.panels.present import frameworks, texts, workshop
from ui.panels.present.demo import demo_view
from ui.panels.present.look import DECK_CSS

__all__ = ["DECK_CSS", "DEMO_KEY", "SLIDE_PARAM", "controls", "demo_view", "show"]

SLIDE_PARAM = "slide"
SLIDE_KEY = "deck_slide"
DEMO_KEY = "present_demo"
LANGUAGE_KEY = "lang_choice"  # the sidebar's language switch (ui/sidebar.py)

Draw = Callable[[WorkshopView, Slide, Language, str], None]
DRAW: dict[SlideKind, Draw] = {
    SlideKind.TITLE: texts.title_slide,
    SlideKind.WHY: texts.why_slide,
    SlideKind.QUESTIONS: texts.questions_slide,
    SlideKind.TYPES: texts.types_slide,
    SlideKind.CANVAS: workshop.canvas_slide,
    SlideKind.GAP: workshop.gap_slide,
    SlideKind.SHURA: frameworks.shura_slide,
    SlideKind.TWELVE_RULES: frameworks.rules_slide,
    SlideKind.NPS: frameworks.nps_slide,
    SlideKind.TOUCHPOINTS: frameworks.touchpoints_slide,
    SlideKind.LOYALTY_CHECK: frameworks.loyalty_check_slide,
    SlideKind.RECOMMENDATIONS: workshop.recommendations_slide,
    SlideKind.SOURCES: texts.sources_slide,
}


def _go(keys: list[str], index: int) -> None:
    st.session_state[SLIDE_KEY] = keys[max(0, min(len(keys) - 1, index))]


def _speak(language: Language) -> None:
    # the sidebar's switch (hidden here) holds the choice too, or it would switch back
    st.session_state.lang = language
    st.session_state[LANGUAGE_KEY] = language


def controls(slides: list[Slide], view: WorkshopView, language: Language, *, demo: bool) -> int:
    """Previous, the slide list, next, the demo switch (when a workshop is open), the
    other language and the way out; returns the index of the slide to show and writes
    its key into the URL."""
    keys = [slide.key for slide in slides]
    if st.session_state.get(SLIDE_KEY) not in keys:
        asked = st.query_params.get(SLIDE_PARAM)
        st.session_state[SLIDE_KEY] = asked if asked in keys else keys[0]
    index = keys.index(st.session_state[SLIDE_KEY])
    back, where, forward, switch, other, leave = st.columns(
        [1.2, 5, 1.2, 2.2, 1.2, 1.1], vertical_alignment="center"
    )
    back.button(
        tr("deck.previous"),
        icon=":material/arrow_back:",
        disabled=index == 0,
        on_click=_go,
        args=(keys, index - 1),
        width="stretch",
        shortcut="PageUp",  # what a presentation clicker sends
    )
    where.selectbox(
        tr("deck.jump"),
        keys,
        format_func=lambda key: slide_label(slides, keys.index(key), view, language),
        key=SLIDE_KEY,
        label_visibility="collapsed",
    )
    forward.button(
        tr("deck.next"),
        icon=":material/arrow_forward:",
        disabled=index == len(keys) - 1,
        on_click=_go,
        args=(keys, index + 1),
        width="stretch",
        shortcut="PageDown",
    )
    if demo:
        switch.toggle(tr("deck.demo"), key=DEMO_KEY)
    (spoken,) = (code for code in Language if code is not language)
    other.button(
        LANGUAGE_NAMES[spoken], on_click=_speak, args=(spoken,), width="stretch", key="deck_lang"
    )
    home = "app_pages/trainer.py" if is_trainer() else "app_pages/workshops.py"
    leave.page_link(home, label=tr("deck.leave"), icon=":material/close:")
    index = keys.index(st.session_state[SLIDE_KEY])
    st.query_params[SLIDE_PARAM] = keys[index]
    return index


def show(slide: Slide, view: WorkshopView, language: Language, *, source: str) -> None:
    """Draw one slide; ``source`` keeps the demo's cached figures apart from the database's."""
    DRAW[slide.kind](view, slide, language, source)
