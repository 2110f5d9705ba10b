"""The language of the workshop: pydantic models and pure rules, no storage, no UI."""

from canvas.domain.canvas_note import CanvasNote, CanvasNoteInput
from canvas.domain.document import WorkshopDocument, to_document
from canvas.domain.errors import (
    DuplicateSegmentName,
    NotFound,
    StaleEdit,
    TooManySegments,
    WorkshopError,
)
from canvas.domain.relationship import Relationship, RelationshipInput
from canvas.domain.segment import CustomerSegment, SegmentInput, name_key
from canvas.domain.vocabulary import (
    NOTE_BLOCKS,
    CanvasBlock,
    GuidingQuestion,
    IntegrationBlock,
    Language,
    Motive,
    RelationshipType,
    default_colour,
)
from canvas.domain.workshop import MAX_SEGMENTS, Workshop, WorkshopInput
from canvas.domain.workshop_view import SegmentView, WorkshopView

__all__ = [
    "MAX_SEGMENTS",
    "NOTE_BLOCKS",
    "CanvasBlock",
    "CanvasNote",
    "CanvasNoteInput",
    "CustomerSegment",
    "DuplicateSegmentName",
    "GuidingQuestion",
    "IntegrationBlock",
    "Language",
    "Motive",
    "NotFound",
    "Relationship",
    "RelationshipInput",
    "RelationshipType",
    "SegmentInput",
    "SegmentView",
    "StaleEdit",
    "TooManySegments",
    "Workshop",
    "WorkshopDocument",
    "WorkshopError",
    "WorkshopInput",
    "WorkshopView",
    "default_colour",
    "name_key",
    "to_document",
]
