"""What changed between two states of a workshop: a saved snapshot against the present."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from canvas.domain.document import RelationshipDocument, SegmentDocument, WorkshopDocument
from canvas.domain.segment import SegmentInput, name_key
from canvas.domain.vocabulary import RelationshipType

SEGMENT_FIELDS = [name for name in SegmentInput.model_fields if name != "name"]
ANSWER_FIELDS = ["expected", "established", "motives", "yearly_cost", "integration"]


@dataclass(frozen=True)
class FieldChange:
    """One value that differs: where (``field``, and ``type`` for an answer), before, after."""

    field: str
    before: Any
    after: Any
    type: RelationshipType | None = None


@dataclass(frozen=True)
class SegmentChanges:
    name: str
    changes: list[FieldChange]


@dataclass(frozen=True)
class WorkshopChanges:
    """Segments added, removed and changed, workshop fields changed, notes added/removed."""

    workshop: list[FieldChange] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[SegmentChanges] = field(default_factory=list)
    notes_added: int = 0
    notes_removed: int = 0
    # Answers that differ, by page: "shura", "twelve_rules", "loyalty_check", "nps", "touchpoints".
    frameworks: dict[str, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (
            self.workshop
            or self.added
            or self.removed
            or self.changed
            or self.notes_added
            or self.notes_removed
            or self.frameworks
        )


def _answers(segment: SegmentDocument) -> dict[RelationshipType, RelationshipDocument]:
    given = {r.type: r for r in segment.relationships}
    return {kind: given.get(kind) or RelationshipDocument(type=kind) for kind in RelationshipType}


def _segment_changes(before: SegmentDocument, after: SegmentDocument) -> list[FieldChange]:
    found = [
        FieldChange(name, getattr(before, name), getattr(after, name))
        for name in SEGMENT_FIELDS
        if getattr(before, name) != getattr(after, name)
    ]
    old, new = _answers(before), _answers(after)
    for kind in RelationshipType:
        for name in ANSWER_FIELDS:
            if getattr(old[kind], name) != getattr(new[kind], name):
                found.append(
                    FieldChange(name, getattr(old[kind], name), getattr(new[kind], name), kind)
                )
    return found


def _differing(before: Sequence[BaseModel], after: Sequence[BaseModel]) -> int:
    """How many answers were added, removed or changed between two lists of answers."""
    old = {item.model_dump_json() for item in before}
    new = {item.model_dump_json() for item in after}
    return max(len(old - new), len(new - old))


def _answer_total(document: WorkshopDocument) -> int:
    return sum(answer.count for answer in document.nps_answers)


def compare(before: WorkshopDocument, after: WorkshopDocument) -> WorkshopChanges:
    """The changes that lead from ``before`` to ``after``; segments are matched by name."""
    old = {name_key(s.name): s for s in before.segments}
    new = {name_key(s.name): s for s in after.segments}
    workshop = [
        FieldChange(name, getattr(before.workshop, name), getattr(after.workshop, name))
        for name in type(before.workshop).model_fields
        if getattr(before.workshop, name) != getattr(after.workshop, name)
    ]
    changed = []
    for key, segment in new.items():
        if key in old and (found := _segment_changes(old[key], segment)):
            changed.append(SegmentChanges(segment.name, found))
    shura_before: list[BaseModel] = [*before.shura_cells, *before.shura_risks]
    shura_after: list[BaseModel] = [*after.shura_cells, *after.shura_risks]
    counts = {
        "shura": _differing(shura_before, shura_after),
        "twelve_rules": _differing(before.twelve_rules, after.twelve_rules),
        "loyalty_check": _differing(before.loyalty, after.loyalty),
        "nps": _differing(before.nps_counts, after.nps_counts)
        + abs(_answer_total(after) - _answer_total(before)),
        "touchpoints": _differing(before.touchpoints, after.touchpoints),
    }
    frameworks = {name: count for name, count in counts.items() if count}
    old_notes = {(n.block, n.text, n.segment) for n in before.notes}
    new_notes = {(n.block, n.text, n.segment) for n in after.notes}
    return WorkshopChanges(
        workshop=workshop,
        added=[s.name for k, s in new.items() if k not in old],
        removed=[s.name for k, s in old.items() if k not in new],
        changed=changed,
        notes_added=len(new_notes - old_notes),
        notes_removed=len(old_notes - new_notes),
        frameworks=frameworks,
    )
