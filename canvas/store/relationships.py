"""Storing a segment's answers about its relationship types, saved a form at a time."""

from sqlalchemy import select
from sqlmodel import Session, col

from canvas.domain import NotFound, RelationshipInput, RelationshipType
from canvas.store.records import relationship_from_row, relationship_values
from canvas.store.segments import segment_row
from canvas.store.tables import RelationshipRow
from canvas.store.writes import guarded_update, touch


def save_relationships(
    session: Session,
    *,
    segment_id: int,
    answers: dict[RelationshipType, tuple[RelationshipInput, int]],
) -> None:
    """Save several of a segment's answers at once; each comes with the version it was read at.

    One stale answer refuses the whole save, so a form is never half-applied.
    """
    segment = segment_row(session, segment_id)
    rows = {
        row.type: row
        for row in session.execute(
            select(RelationshipRow).where(col(RelationshipRow.segment_id) == segment_id)
        ).scalars()
    }
    for kind, (answer, version) in answers.items():
        row = rows.get(kind.value)
        if row is None:
            raise NotFound(id=segment_id)
        if relationship_values(answer) == relationship_values(relationship_from_row(row)):
            continue  # unchanged: don't bump its version and refuse someone else later
        assert row.id is not None
        guarded_update(session, RelationshipRow, row.id, version, relationship_values(answer))
    touch(session, segment.workshop_id)
