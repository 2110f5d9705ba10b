"""A whole workshop as read in one go, at one revision: the view pages, charts and exports
work from. Not to be confused with a saved snapshot (``SavedSnapshot``), a copy the user
named and stored."""

from pydantic import BaseModel, ConfigDict, Field

from canvas.domain.canvas_note import CanvasNote
from canvas.domain.course import TrainerComment
from canvas.domain.frameworks import FrameworkAnswers
from canvas.domain.nps import NpsSurvey
from canvas.domain.relationship import Relationship, RelationshipInput
from canvas.domain.segment import CustomerSegment
from canvas.domain.touchpoint import Touchpoint
from canvas.domain.vocabulary import CanvasBlock, RelationshipType
from canvas.domain.workshop import Workshop


class SegmentView(BaseModel):
    """A segment with its six relationships, one per type, in the catalogue's order."""

    model_config = ConfigDict(frozen=True)

    segment: CustomerSegment
    relationships: dict[RelationshipType, Relationship]

    def answer(self, kind: RelationshipType) -> RelationshipInput:
        """The answer for ``kind``; an empty one if the row is somehow missing."""
        return self.relationships.get(kind) or RelationshipInput()


class WorkshopView(BaseModel):
    """One workshop with everything in it, at one revision."""

    model_config = ConfigDict(frozen=True)

    workshop: Workshop
    segments: list[SegmentView]
    notes: list[CanvasNote]
    frameworks: FrameworkAnswers = Field(default_factory=FrameworkAnswers)
    nps: NpsSurvey = Field(default_factory=NpsSurvey)
    touchpoints: list[Touchpoint] = Field(default_factory=list)
    comments: list[TrainerComment] = Field(default_factory=list)  # the trainer's, in a course
    frozen: bool = False  # the trainer froze its course: read-only until unfrozen

    def segment(self, segment_id: int) -> SegmentView | None:
        """The segment with ``segment_id``, if it is in this workshop."""
        return next((s for s in self.segments if s.segment.id == segment_id), None)

    def notes_in(self, block: CanvasBlock) -> list[CanvasNote]:
        """The notes on one block, in their order."""
        return [note for note in self.notes if note.block is block]
