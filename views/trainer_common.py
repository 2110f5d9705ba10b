"""What the trainer's panels share: the courses, a course's gallery, a participant's
workshop, and their names. No SQL on a rerun when nothing changed anywhere."""

import streamlit as st

from canvas.domain import WorkshopSnapshot
from canvas.domain.course import Course, GalleryEntry
from canvas.store import courses
from canvas.store.db import reading
from views.common import engine, latest, revision_board


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


def participant_snapshot(workshop: int) -> WorkshopSnapshot:
    """A participant's workshop at its latest known revision; no SQL when nothing changed."""
    return latest(workshop)


def who(entries: list[GalleryEntry]) -> dict[int, str]:
    """Each workshop's participant name, by workshop id, in the gallery's order."""
    return {entry.workshop_id: entry.participant or entry.title for entry in entries}
