"""What the trainer's panels share: a participant's workshop, and their names."""

from canvas.domain import WorkshopSnapshot
from canvas.domain.course import GalleryEntry
from views.common import latest


def participant_snapshot(workshop: int) -> WorkshopSnapshot:
    """A participant's workshop at its latest known revision; no SQL when nothing changed."""
    return latest(workshop)


def who(entries: list[GalleryEntry]) -> dict[int, str]:
    """Each workshop's participant name, by workshop id, in the gallery's order."""
    return {entry.workshop_id: entry.participant or entry.title for entry in entries}
