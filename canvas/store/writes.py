"""Small write helpers every store module shares."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlmodel import Session, SQLModel, col

from canvas.domain import NotFound, StaleEdit
from canvas.domain.errors import CourseFrozen
from canvas.store.revisions import CHANNEL
from canvas.store.tables import CourseRow, WorkshopRow, core_table, utcnow


def touch(session: Session, workshop_id: int, *, even_frozen: bool = False) -> None:
    """Mark the workshop changed, so every cached read of it is refreshed.

    Every save of a workshop's content ends here, so this is where a workshop of a frozen
    course refuses it (``CourseFrozen``): the caller's transaction rolls back whole. Only
    the trainer's own actions on a participant (comments, a rename) pass ``even_frozen``.

    On PostgreSQL every app server sharing the database hears of it when the
    transaction commits (``canvas.store.revisions``); a rollback tells nobody.
    """
    course_id = session.execute(
        update(WorkshopRow)
        .where(col(WorkshopRow.id) == workshop_id)
        .values(revision=WorkshopRow.revision + 1, updated_at=utcnow())
        .returning(col(WorkshopRow.course_id))
    ).scalar_one_or_none()
    # The workshop's row is locked now, and freezing locks every row of its course before
    # it sets the flag: this read sees a freeze that committed while we waited for the row.
    if course_id is not None and not even_frozen and course_frozen(session, course_id):
        raise CourseFrozen()
    announce(session, workshop_id)


def course_frozen(session: Session, course_id: int | None) -> bool:
    """Whether the course (if any) is frozen: its participants' workshops take no save."""
    if course_id is None:
        return False
    frozen = session.execute(
        select(col(CourseRow.frozen)).where(col(CourseRow.id) == course_id)
    ).scalar_one_or_none()
    return bool(frozen)


TOUCHED = "touched_workshops"  # key in ``Session.info``: what this unit of work changed
COURSE_LIST = 0  # announced in place of a workshop id when a course is created


def announce(session: Session, workshop_id: int) -> None:
    """Record that the workshop changed or went, for the caller to forget its cached reads;
    on PostgreSQL, also tell every app server at commit."""
    session.info.setdefault(TOUCHED, set()).add(workshop_id)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_notify(CHANNEL, str(workshop_id))))


def guarded_update(
    session: Session, table: Any, record_id: int, expected_version: int, values: dict[str, Any]
) -> None:
    """Update one row only if nobody changed it since ``expected_version`` was read."""
    result = session.execute(
        update(table)
        .where(table.id == record_id, table.version == expected_version)
        .values(**values, version=table.version + 1, updated_at=utcnow())
    )
    if result.rowcount == 1:  # type: ignore[attr-defined]
        return
    if session.get(table, record_id) is None:
        raise NotFound(id=record_id)
    raise StaleEdit(id=record_id)


def delete_where(session: Session, table: Any, condition: Any) -> None:
    """Delete every row of ``table`` matching ``condition`` in one statement."""
    session.execute(table.__table__.delete().where(condition))


def insert_rows(session: Session, model: type[SQLModel], rows: Sequence[dict[str, Any]]) -> None:
    """Insert many rows of one table in a single statement, without building ORM objects.

    What a row leaves out takes the model's default, as it would on an ORM object; the
    timestamps are the same moment for every row.
    """
    if not rows:
        return
    now = utcnow()
    defaults = {
        name: now
        if name in ("created_at", "updated_at")
        else field.get_default(call_default_factory=True)
        for name, field in model.model_fields.items()
        if name != "id" and not field.is_required()
    }
    session.execute(core_table(model).insert(), [{**defaults, **row} for row in rows])
