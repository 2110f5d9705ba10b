"""The workshop's own slides: its canvas, each segment's gap, its recommendations."""

import streamlit as st

from canvas.content.catalogue import catalogue
from canvas.domain import Language, RelationshipType, WorkshopView
from canvas.figures.projected import deck_canvas, deck_levels
from canvas.presenters.deck import Slide
from canvas.presenters.deck_texts import slide_title
from canvas.presenters.recommendations import advice
from ui.language import plain, tr
from ui.panels.present.look import figure, heading, lines
from ui.widgets import derived

SHOWN_ADVICE = 6  # recommendations on the slide; the rest are counted


def canvas_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    heading(tr("deck.slide.canvas"))
    figure(deck_canvas, view, language, source=source, key="deck-canvas")


def gap_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    heading(slide_title(slide, view, language))
    segment_view = view.segment(slide.segment_id or 0)
    if segment_view is None:
        return
    cat = catalogue()
    left, right = st.columns([2, 1], gap="large")  # six type names under the bars
    with left:
        figure(deck_levels, view, segment_view.segment.id, language, source=source, key="deck-gap")
    answers = [(kind, segment_view.answer(kind)) for kind in RelationshipType]
    short = sorted((a for a in answers if a[1].gap > 0), key=lambda a: -a[1].gap)
    with right:
        st.header(tr("deck.gap.largest"), anchor=False)
        lines(
            [
                tr(
                    "deck.gap.line",
                    type=plain(cat.type(kind).name(language)),
                    expected=answer.expected,
                    established=answer.established,
                )
                for kind, answer in short
            ]
        )
        if not short:
            st.markdown(tr("deck.gap.none"))


def recommendations_slide(
    view: WorkshopView, slide: Slide, language: Language, source: str
) -> None:
    heading(tr("deck.slide.recommendations"))
    found = derived(advice, view, language, source=source)
    if not found:
        st.markdown(tr("deck.recommendations.none"))
        return
    with st.container(key="deck_dense"):
        shown = found[:SHOWN_ADVICE]
        for start in range(0, len(shown), 2):  # row by row, in the order of seriousness
            for column, (_, text) in zip(st.columns(2), shown[start : start + 2], strict=False):
                with column.container(border=True):
                    st.markdown(f"**{plain(text['title'])}**")
                    st.markdown(plain(text["advice"]))
        if len(found) > SHOWN_ADVICE:
            st.markdown(tr("deck.recommendations.more", n=len(found) - SHOWN_ADVICE))
