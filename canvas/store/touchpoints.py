"""Storing the touchpoint inventory: add (one or several at once), edit, delete, list.

Every change bumps the workshop's revision, and edits are guarded by the version read,
as everywhere in the store.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from canvas.domain import NotFound
from canvas.domain.errors import TooManyTouchpoints
from canvas.domain.touchpoint import MAX_TOUCHPOINTS, Touchpoint, TouchpointInput
from canvas.store.tables import SegmentRow, TouchpointRow, WorkshopRow, row_columns
from canvas.store.writes import guarded_update, touch


def _values(data: TouchpointInput) -> dict[str, Any]:
    return data.model_dump(mode="json")


def _check_segment(session: Session, workshop_id: int, segment_id: int | None) -> None:
    if segment_id is None:
        return
    segment = session.get(SegmentRow, segment_id)
    if segment is None or segment.workshop_id != workshop_id:
        raise NotFound(id=segment_id)


def list_touchpoints(session: Session, *, workshop_id: int) -> list[Touchpoint]:
    """The inventory in the order it was built, in one query."""
    rows = session.execute(
        row_columns(TouchpointRow)
        .where(col(TouchpointRow.workshop_id) == workshop_id)
        .order_by(col(TouchpointRow.position), col(TouchpointRow.id))
    )
    return [Touchpoint.model_validate(row, from_attributes=True) for row in rows]


def add_touchpoints(
    session: Session, *, workshop_id: int, items: Sequence[TouchpointInput]
) -> list[int]:
    """Add touchpoints at the end of the inventory (one, or a batch of suggestions)."""
    if session.get(WorkshopRow, workshop_id) is None:
        raise NotFound(id=workshop_id)
    count, last = session.execute(
        select(func.count(), func.max(TouchpointRow.position)).where(
            col(TouchpointRow.workshop_id) == workshop_id
        )
    ).one()
    if count + len(items) > MAX_TOUCHPOINTS:
        raise TooManyTouchpoints(limit=MAX_TOUCHPOINTS)
    start = (last if last is not None else -1) + 1
    rows = []
    for offset, item in enumerate(items):
        _check_segment(session, workshop_id, item.segment_id)
        row = TouchpointRow(workshop_id=workshop_id, position=start + offset, **_values(item))
        session.add(row)
        rows.append(row)
    session.flush()
    if rows:
        touch(session, workshop_id)
    return [row.id for row in rows if row.id is not None]


def update_touchpoint(
    session: Session, *, touchpoint_id: int, data: TouchpointInput, expected_version: int
) -> None:
    """Save a touchpoint, refusing a stale edit."""
    row = session.get(TouchpointRow, touchpoint_id)
    if row is None:
        raise NotFound(id=touchpoint_id)
    _check_segment(session, row.workshop_id, data.segment_id)
    guarded_update(session, TouchpointRow, touchpoint_id, expected_version, _values(data))
    touch(session, row.workshop_id)


def delete_touchpoint(session: Session, *, touchpoint_id: int) -> None:
    row = session.get(TouchpointRow, touchpoint_id)
    if row is None:
        raise NotFound(id=touchpoint_id)
    workshop_id = row.workshop_id
    session.delete(row)
    session.flush()
    touch(session, workshop_id)
