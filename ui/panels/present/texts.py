"""The teaching slides: the title, why relationships matter, the four questions, the six
types and the sources. Their words come from the catalogue and the sources file."""

import streamlit as st

from canvas.content.catalogue import catalogue
from canvas.domain import GuidingQuestion, Language, WorkshopView
from canvas.presenters.deck import Slide
from canvas.presenters.relationship_overview import overview_rows
from canvas.presenters.sources import source_lines, sources_intro
from ui.language import plain, tr
from ui.panels.present.look import heading, lines

SHOWN_SEGMENTS = 8  # named on the title slide; a room of 40 segments gets "and 32 more"


def title_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    with st.container(key="deck_cover"):
        heading(view.workshop.title)
        st.header(tr("deck.subtitle"), anchor=False)
    with st.container(key="deck_large"):
        if view.workshop.company:
            st.markdown(plain(view.workshop.company))
        if view.segments:
            names = " · ".join(plain(s.segment.name) for s in view.segments[:SHOWN_SEGMENTS])
            if len(view.segments) > SHOWN_SEGMENTS:
                more = len(view.segments) - SHOWN_SEGMENTS
                names = tr("deck.segments_more", names=names, n=more)
            st.markdown(tr("deck.segments", names=names))
        else:
            st.markdown(tr("deck.no_segments"))
    st.markdown(plain(catalogue().credit(language)))


def why_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    cat = catalogue()
    heading(tr("deck.slide.why"))
    with st.container(key="deck_large"):
        st.markdown(plain(cat.intro(language)))
        st.markdown(f"**{tr('deck.why_point')}**")
        st.markdown(plain(cat.spectrum_note(language)))


def questions_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    cat = catalogue()
    heading(tr("deck.slide.questions"))
    with st.container(key="deck_large"):
        questions = [cat.question(q).text(language) for q in GuidingQuestion]
        st.markdown("\n".join(f"{n}. {plain(text)}" for n, text in enumerate(questions, 1)))
        st.markdown(f"*{plain(cat.practical_task(language))}*")


def types_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    heading(tr("deck.slide.types"))
    rows = overview_rows(language)
    with st.container(key="deck_dense"):
        for start in range(0, len(rows), 3):
            for column, row in zip(st.columns(3), rows[start : start + 3], strict=False):
                with column.container(border=True):
                    st.markdown(f"**{plain(row.name)}**  \n{row.place}")
                    st.markdown(plain(row.definition))
                    st.markdown(f"*{tr('deck.example')}: {plain(row.example)}*")


def sources_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    heading(tr("deck.slide.sources"))
    entries = source_lines(language)
    half = (len(entries) + 1) // 2
    with st.container(key="deck_dense"):
        st.markdown(plain(sources_intro(language)))
        for column, part in zip(st.columns(2), (entries[:half], entries[half:]), strict=True):
            with column:
                for entry in part:
                    st.markdown(f"**{plain(entry.framework)}**")
                    lines([plain(reference) for reference in entry.references])
