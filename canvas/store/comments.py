"""The trainer's comments on a participant's workshop: on a block, a segment, or all of it.

Adding or deleting one moves the workshop's revision on, so the participant's pages
show the change on their next rerun (and their live watch, ``ui.live``, within seconds).
Reading them (``mark_read``) moves it on too, for the unread count to drop everywhere.
"""

from sqlalchemy import select, update
from sqlmodel import Session, col

from canvas.domain import NotFound
from canvas.domain.course import CommentInput, TrainerComment
from canvas.store.tables import SegmentRow, TrainerCommentRow, WorkshopRow, utcnow
from canvas.store.writes import announce, touch


def add_comment(session: Session, *, workshop_id: int, data: CommentInput) -> TrainerComment:
    """A trainer's comment; a segment must belong to the workshop."""
    if session.get(WorkshopRow, workshop_id) is None:
        raise NotFound(id=workshop_id)
    if data.segment_id is not None:
        segment = session.get(SegmentRow, data.segment_id)
        if segment is None or segment.workshop_id != workshop_id:
            raise NotFound(id=data.segment_id)
    row = TrainerCommentRow(workshop_id=workshop_id, **data.model_dump(mode="json"))
    session.add(row)
    session.flush()
    touch(session, workshop_id, even_frozen=True)  # the trainer's, frozen course or not
    return TrainerComment.model_validate(row, from_attributes=True)


def list_comments(session: Session, *, workshop_id: int) -> list[TrainerComment]:
    rows = session.execute(
        select(TrainerCommentRow)
        .where(col(TrainerCommentRow.workshop_id) == workshop_id)
        .order_by(col(TrainerCommentRow.id))
    ).scalars()
    return [TrainerComment.model_validate(row, from_attributes=True) for row in rows]


def delete_comment(session: Session, *, comment_id: int) -> None:
    row = session.get(TrainerCommentRow, comment_id)
    if row is None:
        raise NotFound(id=comment_id)
    workshop_id = row.workshop_id
    session.delete(row)
    session.flush()
    touch(session, workshop_id, even_frozen=True)  # the trainer's, frozen course or not


def mark_read(session: Session, *, workshop_id: int) -> int:
    """The participant opened the trainer's comments: every unread one is read now.

    Returns how many were unread. Nothing unread writes nothing. The workshop's revision
    moves on (its ``updated_at`` does not: the participant changed nothing of theirs).
    """
    if session.get(WorkshopRow, workshop_id) is None:
        raise NotFound(id=workshop_id)
    result = session.execute(
        update(TrainerCommentRow)
        .where(
            col(TrainerCommentRow.workshop_id) == workshop_id,
            col(TrainerCommentRow.read_at).is_(None),
        )
        .values(read_at=utcnow())
    )
    marked = int(result.rowcount)  # type: ignore[attr-defined]
    if marked:
        session.execute(
            update(WorkshopRow)
            .where(col(WorkshopRow.id) == workshop_id)
            .values(revision=WorkshopRow.revision + 1)
        )
        announce(session, workshop_id)
    return marked
