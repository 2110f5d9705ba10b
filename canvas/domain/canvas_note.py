"""Short notes on the other eight blocks of the canvas, optionally tied to a segment."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from canvas.domain.fields import StickyNote
from canvas.domain.vocabulary import NOTE_BLOCKS, CanvasBlock


class CanvasNoteInput(BaseModel):
    """A sticky note: which block, what it says, which segment it belongs to (if any)."""

    model_config = ConfigDict(frozen=True)

    block: CanvasBlock
    text: StickyNote
    segment_id: int | None = None

    @field_validator("block")
    @classmethod
    def _not_the_relationships_block(cls, value: CanvasBlock) -> CanvasBlock:
        # The relationships block is drawn from the answers, never typed in by hand.
        if value not in NOTE_BLOCKS:
            raise PydanticCustomError("block_not_for_notes", "this block is filled from answers")
        return value


class CanvasNote(CanvasNoteInput):
    """A stored note."""

    id: int
    workshop_id: int
    position: int = 0
    version: int = 1
    created_at: datetime
    updated_at: datetime
