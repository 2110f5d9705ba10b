"""Storing canvas notes: add at the end of a block, edit, delete.

A note may be tied to a segment, only ever one of its own workshop.
"""

from sqlalchemy import func, select
from sqlmodel import Session, col

from canvas.domain import CanvasNote, CanvasNoteInput, NotFound
from canvas.store.reads import get_workshop
from canvas.store.records import note_from_row
from canvas.store.tables import CanvasNoteRow, SegmentRow
from canvas.store.writes import guarded_update, touch


def add_note(session: Session, *, workshop_id: int, data: CanvasNoteInput) -> CanvasNote:
    """Add a note at the end of its block."""
    get_workshop(session, workshop_id=workshop_id)
    if data.segment_id is not None:
        segment = session.get(SegmentRow, data.segment_id)
        if segment is None or segment.workshop_id != workshop_id:
            raise NotFound(id=data.segment_id)
    last = session.execute(
        select(func.max(CanvasNoteRow.position)).where(
            col(CanvasNoteRow.workshop_id) == workshop_id
        )
    ).scalar()
    row = CanvasNoteRow(
        workshop_id=workshop_id,
        segment_id=data.segment_id,
        block=data.block.value,
        text=data.text,
        position=(last if last is not None else -1) + 1,
    )
    session.add(row)
    session.flush()
    touch(session, workshop_id)
    return note_from_row(row)


def update_note(
    session: Session, *, note_id: int, data: CanvasNoteInput, expected_version: int
) -> None:
    """Change a note's text, block or segment, refusing a stale edit."""
    row = session.get(CanvasNoteRow, note_id)
    if row is None:
        raise NotFound(id=note_id)
    if data.segment_id is not None:
        # As in add_note: a note may only name a segment of its own workshop.
        segment = session.get(SegmentRow, data.segment_id)
        if segment is None or segment.workshop_id != row.workshop_id:
            raise NotFound(id=data.segment_id)
    values = {"block": data.block.value, "text": data.text, "segment_id": data.segment_id}
    guarded_update(session, CanvasNoteRow, note_id, expected_version, values)
    touch(session, row.workshop_id)


def delete_note(session: Session, *, note_id: int) -> None:
    row = session.get(CanvasNoteRow, note_id)
    if row is None:
        raise NotFound(id=note_id)
    session.delete(row)
    session.flush()
    touch(session, row.workshop_id)
