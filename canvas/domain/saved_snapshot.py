"""Named snapshots: a workshop's whole state saved under a name, to compare or restore."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from canvas.domain.document import WorkshopDocument
from canvas.domain.fields import Name


class SnapshotInput(BaseModel):
    """What a user types to save a snapshot: its name ("before the course")."""

    model_config = ConfigDict(frozen=True)

    name: Name


class SavedSnapshot(SnapshotInput):
    """A stored snapshot with the document it holds."""

    id: int
    workshop_id: int
    document: WorkshopDocument
    created_at: datetime
