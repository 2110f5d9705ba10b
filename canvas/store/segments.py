"""Storing customer segments: add (with an empty answer for each relationship type),
edit, delete and reorder; a segment's name is unique in its workshop.
"""

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from canvas.domain import (
    MAX_SEGMENTS,
    CustomerSegment,
    DuplicateSegmentName,
    NotFound,
    RelationshipType,
    SegmentInput,
    TooManySegments,
    name_key,
)
from canvas.store.reads import get_workshop
from canvas.store.records import segment_from_row, segment_values
from canvas.store.tables import (
    CanvasNoteRow,
    NpsAggregateRow,
    NpsResponseRow,
    RelationshipRow,
    SegmentRow,
    TouchpointRow,
)
from canvas.store.writes import delete_where, guarded_update, touch


def segment_row(session: Session, segment_id: int) -> SegmentRow:
    """The segment's row; raises ``NotFound`` if it is gone."""
    row = session.get(SegmentRow, segment_id)
    if row is None:
        raise NotFound(id=segment_id)
    return row


def _check_name_free(
    session: Session, workshop_id: int, name: str, except_id: int | None = None
) -> None:
    query = select(col(SegmentRow.id)).where(
        col(SegmentRow.workshop_id) == workshop_id, col(SegmentRow.name_key) == name_key(name)
    )
    if except_id is not None:
        query = query.where(col(SegmentRow.id) != except_id)
    if session.execute(query).first() is not None:
        raise DuplicateSegmentName(name=name)


def _flush_unique(session: Session, name: str) -> None:
    """Flush, reporting a clash on the unique segment name as ``DuplicateSegmentName``."""
    # The unique index is the last word when two people add the same name at once.
    try:
        session.flush()
    except IntegrityError as error:
        raise DuplicateSegmentName(name=name) from error


def add_segment(session: Session, *, workshop_id: int, data: SegmentInput) -> CustomerSegment:
    """Add a segment at the end, with an empty answer for each of the six types."""
    get_workshop(session, workshop_id=workshop_id)
    count, last = session.execute(
        select(func.count(), func.max(SegmentRow.position)).where(
            col(SegmentRow.workshop_id) == workshop_id
        )
    ).one()
    if count >= MAX_SEGMENTS:
        raise TooManySegments(limit=MAX_SEGMENTS)
    _check_name_free(session, workshop_id, data.name)
    row = SegmentRow(
        workshop_id=workshop_id,
        position=(last if last is not None else -1) + 1,
        **segment_values(data),
    )
    session.add(row)
    _flush_unique(session, data.name)
    assert row.id is not None
    for kind in RelationshipType:
        session.add(RelationshipRow(segment_id=row.id, type=kind.value))
    session.flush()
    touch(session, workshop_id)
    return segment_from_row(row)


def update_segment(
    session: Session, *, segment_id: int, data: SegmentInput, expected_version: int
) -> None:
    """Save a segment's fields, refusing a stale edit or a name another segment has."""
    row = segment_row(session, segment_id)
    _check_name_free(session, row.workshop_id, data.name, except_id=segment_id)
    try:
        guarded_update(session, SegmentRow, segment_id, expected_version, segment_values(data))
    except IntegrityError as error:
        raise DuplicateSegmentName(name=data.name) from error
    touch(session, row.workshop_id)


def delete_segment(session: Session, *, segment_id: int) -> None:
    """Delete a segment, its answers, and the notes tied to it."""
    row = segment_row(session, segment_id)
    workshop_id = row.workshop_id
    delete_where(session, RelationshipRow, col(RelationshipRow.segment_id) == segment_id)
    delete_where(session, CanvasNoteRow, col(CanvasNoteRow.segment_id) == segment_id)
    delete_where(session, TouchpointRow, col(TouchpointRow.segment_id) == segment_id)
    delete_where(session, NpsAggregateRow, col(NpsAggregateRow.segment_id) == segment_id)
    # The segment's NPS answers are real answers still: keep them, without a segment.
    session.execute(
        update(NpsResponseRow)
        .where(col(NpsResponseRow.segment_id) == segment_id)
        .values(segment_id=None)
    )
    session.delete(row)
    session.flush()
    touch(session, workshop_id)


def move_segment(session: Session, *, segment_id: int, offset: int) -> None:
    """Move a segment ``offset`` places up (negative) or down (positive) in the list."""
    row = segment_row(session, segment_id)
    ordered = list(
        session.execute(
            select(SegmentRow)
            .where(col(SegmentRow.workshop_id) == row.workshop_id)
            .order_by(col(SegmentRow.position), col(SegmentRow.id))
        ).scalars()
    )
    index = next(i for i, r in enumerate(ordered) if r.id == segment_id)
    target = max(0, min(len(ordered) - 1, index + offset))
    if target == index:
        return
    ordered.insert(target, ordered.pop(index))
    for position, segment in enumerate(ordered):
        segment.position = position
    session.flush()
    touch(session, row.workshop_id)
