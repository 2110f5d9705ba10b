"""A workshop as a portable document: the demo files, duplicates and (later) JSON export.

Ids and timestamps are left out on purpose; segments are referred to by name, so a
document moves between databases unchanged.
"""

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from canvas.domain.canvas_note import CanvasNoteInput
from canvas.domain.fields import Name, StickyNote
from canvas.domain.relationship import RelationshipInput
from canvas.domain.segment import SegmentInput, name_key
from canvas.domain.snapshot import WorkshopSnapshot
from canvas.domain.vocabulary import CanvasBlock, RelationshipType
from canvas.domain.workshop import MAX_SEGMENTS, WorkshopInput

SCHEMA_VERSION = 1


class RelationshipDocument(RelationshipInput):
    """One type's answers inside a segment."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: RelationshipType


class SegmentDocument(SegmentInput):
    """A segment with the answers given for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    relationships: list[RelationshipDocument] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_answer_per_type(self) -> "SegmentDocument":
        kinds = [r.type for r in self.relationships]
        if len(kinds) != len(set(kinds)):
            raise PydanticCustomError("duplicate_type", "a relationship type appears twice")
        return self


class NoteDocument(BaseModel):
    """A canvas note; ``segment`` names the segment it belongs to, if any."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    block: CanvasBlock
    text: StickyNote
    segment: Name | None = None

    @model_validator(mode="after")
    def _valid_block(self) -> "NoteDocument":
        CanvasNoteInput(block=self.block, text=self.text)
        return self


class WorkshopDocument(BaseModel):
    """Everything a workshop holds, without ids."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = SCHEMA_VERSION
    workshop: WorkshopInput
    segments: list[SegmentDocument] = Field(default_factory=list, max_length=MAX_SEGMENTS)
    notes: list[NoteDocument] = Field(default_factory=list)

    @model_validator(mode="after")
    def _names_unique_and_known(self) -> "WorkshopDocument":
        keys = [name_key(s.name) for s in self.segments]
        if len(keys) != len(set(keys)):
            raise PydanticCustomError("duplicate_segment_in_document", "segment names repeat")
        for note in self.notes:
            if note.segment is not None and name_key(note.segment) not in keys:
                raise PydanticCustomError(
                    "unknown_segment", "a note names a segment that is not in the document"
                )
        return self


def to_document(snapshot: WorkshopSnapshot) -> WorkshopDocument:
    """The portable form of a snapshot: types in catalogue order, empty answers left out."""
    names = {view.segment.id: view.segment.name for view in snapshot.segments}
    segments = [
        SegmentDocument(
            **view.segment.model_dump(include=set(SegmentInput.model_fields)),
            relationships=[
                RelationshipDocument(
                    type=kind,
                    **view.relationships[kind].model_dump(
                        include=set(RelationshipInput.model_fields)
                    ),
                )
                for kind in RelationshipType
                if kind in view.relationships and view.relationships[kind].touched
            ],
        )
        for view in snapshot.segments
    ]
    notes = [
        NoteDocument(
            block=note.block,
            text=note.text,
            segment=names.get(note.segment_id) if note.segment_id is not None else None,
        )
        for note in snapshot.notes
    ]
    workshop = WorkshopInput(
        **snapshot.workshop.model_dump(include=set(WorkshopInput.model_fields))
    )
    return WorkshopDocument(workshop=workshop, segments=segments, notes=notes)
