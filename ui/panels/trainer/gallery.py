"""What the trainer's panels share: the courses, a course's gallery, a participant's
workshop, and their names. No SQL on a rerun when nothing changed anywhere."""

import streamlit as st

from canvas.domain import WorkshopView
from canvas.domain.course import Course, GalleryEntry
from canvas.domain.vocabulary import GuidingQuestion, Language
from canvas.i18n import percent
from canvas.store import courses
from canvas.store.db import reading
from ui.engine import engine, revision_board
from ui.language import plain, tr
from ui.workshop import latest, open_workshop


@st.cache_resource(max_entries=4, show_spinner=False)
def _courses(generation: int) -> list[Course]:
    with reading(engine()) as session:
        return courses.list_courses(session)


@st.cache_resource(max_entries=64, show_spinner=False)
def _gallery(course_id: int, generation: int) -> list[GalleryEntry]:
    with reading(engine()) as session:
        return courses.gallery(session, course_id=course_id)


def course_list() -> list[Course]:
    """Every course, the newest first; re-read only after something changed."""
    return _courses(revision_board().generation)


def course_gallery(course_id: int) -> list[GalleryEntry]:
    """A course's participants with their progress; re-read after any workshop changed
    (here, or on another server that shares the database)."""
    return _gallery(course_id, revision_board().generation)


def participant_view(workshop: int) -> WorkshopView:
    """A participant's workshop at its latest known revision; no SQL when nothing changed."""
    return latest(workshop)


def open_as_deck(workshop: int) -> None:
    """Open a participant's workshop as the projected deck, on its first slide.

    The same opening as the gallery's Open (``open_workshop``, then the page), so the deck
    reads the workshop with the trainer's rights and keeps its number in the URL.
    """
    open_workshop(workshop)
    st.session_state.pop("present_demo", None)  # the participant's workshop, not the demo
    st.switch_page("app_pages/present.py")


def who(entries: list[GalleryEntry]) -> dict[int, str]:
    """Each workshop's participant name, by workshop id, in the gallery's order."""
    return {entry.workshop_id: entry.participant or entry.title for entry in entries}


BAR = 10  # cells of the text progress bar in the gallery table


def gallery_table(entries: list[GalleryEntry], code: Language) -> str:
    """The whole room as one markdown table: a row per participant with their progress.

    One element instead of a card of eight per participant keeps the page's rerun within
    budget for a room of 30 (and readable for 200).
    """
    questions = [tr(f"question.short.{q.value}") for q in GuidingQuestion]
    head = [
        tr("trainer.table.participant"),
        tr("trainer.table.segments"),
        tr("trainer.table.progress"),
        *questions,
        tr("trainer.table.comments"),
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * 2 + "---|" + "--:|" * 5]
    for entry in entries:
        filled = round(entry.progress * BAR)
        bar = "▰" * filled + "▱" * (BAR - filled)
        answered = [f"{entry.answered[q]}/{entry.segments}" for q in GuidingQuestion]
        cells = [
            f"**{plain(entry.participant or entry.title)}**",
            str(entry.segments),
            f"{bar} {percent(entry.progress, code)}",
            *answered,
            str(entry.comments),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
