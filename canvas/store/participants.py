"""A course's participants in the store: their display names, unique in the course, and
the trainer's rename and removal.

A name is compared by its key (``canvas.domain.fields.name_key``: any case, spacing and
invisible characters). The store looks for the key before writing, so the usual refusal
costs one query; the unique index on (course_id, participant_key) is the last word when
two people join with the same name at the same moment, and its clash is refused the same
way (``NameTaken``), never as a server error.
"""

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from canvas.domain.course import ParticipantRename, renamed_title
from canvas.domain.errors import NameTaken, ParticipantGone, StaleRename
from canvas.store.tables import WorkshopRow, utcnow
from canvas.store.workshops import delete_workshop
from canvas.store.writes import touch


def check_name_free(
    session: Session, *, course_id: int, key: str, name: str, except_id: int | None = None
) -> None:
    """Refuse ``name`` if another participant of the course has its key."""
    query = select(col(WorkshopRow.id)).where(
        col(WorkshopRow.course_id) == course_id, col(WorkshopRow.participant_key) == key
    )
    if except_id is not None:
        query = query.where(col(WorkshopRow.id) != except_id)
    if session.execute(query).first() is not None:
        raise NameTaken(name=name)


def flush_name(session: Session, *, name: str) -> None:
    """Flush, reporting a clash on the unique name key as ``NameTaken``."""
    try:
        session.flush()
    except IntegrityError as error:
        raise NameTaken(name=name) from error


def _participant_row(session: Session, course_id: int, workshop_id: int) -> WorkshopRow:
    row = session.get(WorkshopRow, workshop_id)
    if row is None or row.course_id != course_id:
        raise ParticipantGone(id=workshop_id)
    return row


def rename_participant(
    session: Session, *, course_id: int, workshop_id: int, data: ParticipantRename
) -> None:
    """Give a participant a new display name, unique in the course.

    The workshop's title follows only if it was the old name (``renamed_title``). A rename
    based on a workshop version someone changed since is refused (``StaleRename``).
    """
    row = _participant_row(session, course_id, workshop_id)
    check_name_free(
        session, course_id=course_id, key=data.name_key, name=data.new_name, except_id=row.id
    )
    values = {
        "participant": data.new_name,
        "participant_key": data.name_key,
        "title": renamed_title(row.title, row.participant, data.new_name),
    }
    try:
        result = session.execute(
            update(WorkshopRow)
            .where(
                col(WorkshopRow.id) == workshop_id,
                col(WorkshopRow.version) == data.expected_version,
            )
            .values(**values, version=WorkshopRow.version + 1, updated_at=utcnow())
        )
    except IntegrityError as error:
        raise NameTaken(name=data.new_name) from error
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleRename(id=workshop_id)
    touch(session, workshop_id, even_frozen=True)  # the trainer's, frozen course or not


def remove_participant(session: Session, *, course_id: int, workshop_id: int) -> None:
    """Delete a participant's workshop with everything in it, in the caller's transaction."""
    _participant_row(session, course_id, workshop_id)
    delete_workshop(session, workshop_id=workshop_id)
