"""A workshop as a portable document: the demo files, duplicates and (later) JSON export.

Ids and timestamps are left out on purpose; segments are referred to by name, so a
document moves between databases unchanged.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from canvas.domain.canvas_note import CanvasNoteInput
from canvas.domain.fields import AnswerText, Name, StickyNote
from canvas.domain.loyalty_check import (
    FORMER_STEP,
    FORMER_STEPS,
    CheckKind,
    LoyaltyRatingInput,
    check_key,
)
from canvas.domain.nps import NpsCounts, Score
from canvas.domain.relationship import RelationshipInput
from canvas.domain.segment import SegmentInput, name_key
from canvas.domain.shura import Audience, ShuraCellInput, ShuraRisk, ShuraRiskInput, ShuraStage
from canvas.domain.touchpoint import MAX_TOUCHPOINTS, TouchpointFields
from canvas.domain.twelve_rules import ClevelandRule, RuleScoreInput
from canvas.domain.vocabulary import CanvasBlock, RelationshipType
from canvas.domain.workshop import MAX_SEGMENTS, WorkshopInput
from canvas.domain.workshop_view import WorkshopView

SCHEMA_VERSION = 4
# Version 1 had no course frameworks, version 2 no NPS survey or touchpoints; such files
# still import, without them. Up to version 3 the loyalty check rated a path of five
# steps (kind "step"); ``upgraded`` turns those answers into elements and stages.
READABLE_VERSIONS = (1, 2, 3, 4)
FIRST_WITH_ELEMENTS = 4  # the first version with the five elements and two later stages
MAX_ANSWERS = 10_000_000  # NPS answers in one document, counting grouped ones


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


class ShuraCellDocument(ShuraCellInput):
    model_config = ConfigDict(frozen=True, extra="forbid")

    stage: ShuraStage
    audience: Audience


class ShuraRiskDocument(ShuraRiskInput):
    model_config = ConfigDict(frozen=True, extra="forbid")

    risk: ShuraRisk


class RuleScoreDocument(RuleScoreInput):
    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: ClevelandRule


class LoyaltyDocument(LoyaltyRatingInput):
    """A loyalty check answer; ``segment`` names the segment, or is absent for everyone."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    segment: Name | None = None
    kind: CheckKind
    key: str

    @model_validator(mode="after")
    def _known_key(self) -> "LoyaltyDocument":
        try:
            check_key(self.kind, self.key)
        except ValueError as error:
            raise PydanticCustomError("enum", "not one of the allowed values") from error
        return self


class NpsCountsDocument(NpsCounts):
    """Typed-in NPS counts for everyone, or for the segment ``segment`` names."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    segment: Name | None = None


class NpsAnswerDocument(BaseModel):
    """One NPS answer, or ``count`` identical ones (same score, texts, segment and day)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    score: Score
    why: AnswerText = ""
    make_it_ten: AnswerText = ""
    segment: Name | None = None
    answered_on: date | None = None
    count: int = Field(default=1, ge=1, le=MAX_ANSWERS)


class TouchpointDocument(TouchpointFields):
    """A touchpoint; ``segment`` names the segment it touches, or is absent for all."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    segment: Name | None = None


def _unique(keys: Sequence[tuple[object, ...]], code: str) -> None:
    if len(keys) != len(set(keys)):
        raise PydanticCustomError(code, "an answer appears twice")


class WorkshopDocument(BaseModel):
    """Everything a workshop holds, without ids."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = SCHEMA_VERSION
    workshop: WorkshopInput
    segments: list[SegmentDocument] = Field(default_factory=list, max_length=MAX_SEGMENTS)
    notes: list[NoteDocument] = Field(default_factory=list)
    shura_cells: list[ShuraCellDocument] = Field(default_factory=list)
    shura_risks: list[ShuraRiskDocument] = Field(default_factory=list)
    twelve_rules: list[RuleScoreDocument] = Field(default_factory=list)
    loyalty: list[LoyaltyDocument] = Field(default_factory=list)
    nps_counts: list[NpsCountsDocument] = Field(default_factory=list)
    nps_answers: list[NpsAnswerDocument] = Field(default_factory=list)
    touchpoints: list[TouchpointDocument] = Field(default_factory=list, max_length=MAX_TOUCHPOINTS)

    @model_validator(mode="after")
    def _names_unique_and_known(self) -> "WorkshopDocument":
        keys = [name_key(s.name) for s in self.segments]
        if len(keys) != len(set(keys)):
            raise PydanticCustomError("duplicate_segment_in_document", "segment names repeat")
        named = [
            *(n.segment for n in self.notes),
            *(a.segment for a in self.loyalty),
            *(c.segment for c in self.nps_counts),
            *(a.segment for a in self.nps_answers),
            *(p.segment for p in self.touchpoints),
        ]
        for segment in named:
            if segment is not None and name_key(segment) not in keys:
                raise PydanticCustomError(
                    "unknown_segment", "an answer names a segment that is not in the document"
                )
        _unique([(c.stage, c.audience) for c in self.shura_cells], "duplicate_answer")
        _unique([(r.risk,) for r in self.shura_risks], "duplicate_answer")
        _unique([(r.rule,) for r in self.twelve_rules], "duplicate_answer")
        scopes = [(name_key(a.segment) if a.segment else None, a.kind, a.key) for a in self.loyalty]
        _unique(scopes, "duplicate_answer")
        _unique(
            [(name_key(c.segment) if c.segment else None,) for c in self.nps_counts],
            "duplicate_answer",
        )
        if sum(a.count for a in self.nps_answers) > MAX_ANSWERS:
            raise PydanticCustomError(
                "too_many_answers", "at most {limit} NPS answers", {"limit": MAX_ANSWERS}
            )
        return self


def _from_former_step(entry: object) -> list[object]:
    """A loyalty answer of a version 3 (or older) document in the current shape.

    A rating of a former step counts for each element or stage the step covered (see
    ``FORMER_STEPS``); anything else is passed on as it is, for validation to judge.
    """
    if not isinstance(entry, dict) or entry.get("kind") != FORMER_STEP:
        return [entry]
    key = entry.get("key")
    if not isinstance(key, str) or key not in FORMER_STEPS:
        return [entry]
    return [{**entry, "kind": kind.value, "key": str(new)} for kind, new in FORMER_STEPS[key]]


def upgraded(data: dict[str, Any]) -> dict[str, Any]:
    """The raw data of a readable document, reshaped as the current version.

    Call it after checking that ``schema_version`` is in ``READABLE_VERSIONS``; what an
    older version lacks stays empty, and its loyalty answers move from the former path
    steps to the elements and stages they covered.
    """
    version = data.get("schema_version")
    shaped = {**data, "schema_version": SCHEMA_VERSION}
    loyalty = data.get("loyalty")
    # json.loads reads 3.0 as a float equal to 3, which READABLE_VERSIONS lets through
    older = (
        isinstance(version, int | float)
        and not isinstance(version, bool)
        and version < FIRST_WITH_ELEMENTS
    )
    if older and isinstance(loyalty, list):
        shaped["loyalty"] = [new for entry in loyalty for new in _from_former_step(entry)]
    return shaped


def to_document(
    view: WorkshopView, *, nps_answers: Sequence[NpsAnswerDocument] = ()
) -> WorkshopDocument:
    """The portable form of a workshop view: types in catalogue order, empty answers left out.

    A view holds the NPS survey as counts only; the store passes the single answers.
    """
    names = {segment_view.segment.id: segment_view.segment.name for segment_view in view.segments}
    segments = [
        SegmentDocument(
            **segment_view.segment.model_dump(include=set(SegmentInput.model_fields)),
            relationships=[
                RelationshipDocument(
                    type=kind,
                    **segment_view.relationships[kind].model_dump(
                        include=set(RelationshipInput.model_fields)
                    ),
                )
                for kind in RelationshipType
                if kind in segment_view.relationships and segment_view.relationships[kind].touched
            ],
        )
        for segment_view in view.segments
    ]
    notes = [
        NoteDocument(
            block=note.block,
            text=note.text,
            segment=names.get(note.segment_id) if note.segment_id is not None else None,
        )
        for note in view.notes
    ]
    workshop = WorkshopInput(**view.workshop.model_dump(include=set(WorkshopInput.model_fields)))
    answers = view.frameworks
    return WorkshopDocument(
        workshop=workshop,
        segments=segments,
        notes=notes,
        shura_cells=[
            ShuraCellDocument(**cell.model_dump(exclude={"version"}))
            for cell in answers.shura_cells
            if not cell.empty
        ],
        shura_risks=[
            ShuraRiskDocument(**risk.model_dump(exclude={"version"}))
            for risk in answers.shura_risks
        ],
        twelve_rules=[
            RuleScoreDocument(**score.model_dump(exclude={"version"}))
            for score in answers.rule_scores
            if not score.empty
        ],
        loyalty=[
            LoyaltyDocument(
                **rating.model_dump(exclude={"version", "segment_id"}),
                segment=names[rating.segment_id] if rating.segment_id is not None else None,
            )
            for rating in answers.loyalty
            if not rating.empty and (rating.segment_id is None or rating.segment_id in names)
        ],
        nps_counts=[
            NpsCountsDocument(
                **counts.model_dump(),
                segment=names[segment_id] if segment_id is not None else None,
            )
            for segment_id, counts in view.nps.typed.items()
            if segment_id is None or segment_id in names
        ],
        nps_answers=list(nps_answers),
        touchpoints=[
            TouchpointDocument(
                **point.model_dump(include=set(TouchpointFields.model_fields)),
                segment=names.get(point.segment_id) if point.segment_id is not None else None,
            )
            for point in view.touchpoints
            if point.segment_id is None or point.segment_id in names
        ],
    )
