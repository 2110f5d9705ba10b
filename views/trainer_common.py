"""What the trainer's panels share: a participant's workshop read once per revision."""

import streamlit as st

from canvas.domain import WorkshopSnapshot
from canvas.domain.course import GalleryEntry
from canvas.store import repository
from canvas.store.db import reading
from views.common import engine, revision_board


@st.cache_data(max_entries=256, show_spinner=False)
def _loaded(workshop: int, revision: int) -> WorkshopSnapshot:
    with reading(engine()) as session:
        return repository.load_snapshot(session, workshop_id=workshop)


def participant_snapshot(workshop: int) -> WorkshopSnapshot:
    """A participant's workshop at its latest known revision; no SQL when nothing changed."""

    def read() -> int:
        with reading(engine()) as session:
            return repository.workshop_revision(session, workshop_id=workshop)

    return _loaded(workshop, revision_board().get(workshop, read))


def who(entries: list[GalleryEntry]) -> dict[int, str]:
    """Each workshop's participant name, by workshop id, in the gallery's order."""
    return {entry.workshop_id: entry.participant or entry.title for entry in entries}
