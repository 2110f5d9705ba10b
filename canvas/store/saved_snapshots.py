"""The user's named snapshots of a workshop: save the current state under a name, list,
delete, and restore one (keeping the state it replaces as a snapshot too).
"""

from sqlalchemy import select, update
from sqlmodel import Session, col

from canvas.domain import NotFound, WorkshopDocument
from canvas.domain.saved_snapshot import SavedSnapshot, SnapshotInput
from canvas.store.reads import load_document
from canvas.store.tables import SavedSnapshotRow, WorkshopRow
from canvas.store.workshops import empty_workshop, fill_workshop
from canvas.store.writes import touch


def _saved(row: SavedSnapshotRow) -> SavedSnapshot:
    return SavedSnapshot(
        id=row.id or 0,
        workshop_id=row.workshop_id,
        name=row.name,
        document=WorkshopDocument.model_validate_json(row.document),
        created_at=row.created_at,
    )


def save_snapshot(session: Session, *, workshop_id: int, data: SnapshotInput) -> SavedSnapshot:
    """Keep the workshop's current state under a name."""
    document = load_document(session, workshop_id=workshop_id)
    row = SavedSnapshotRow(
        workshop_id=workshop_id, name=data.name, document=document.model_dump_json()
    )
    session.add(row)
    session.flush()
    touch(session, workshop_id)  # refused in a frozen course, like every other save
    return _saved(row)


def list_snapshots(session: Session, *, workshop_id: int) -> list[SavedSnapshot]:
    """The workshop's snapshots, newest first."""
    rows = session.execute(
        select(SavedSnapshotRow)
        .where(col(SavedSnapshotRow.workshop_id) == workshop_id)
        # Ids only grow, while a machine's clock may step back: order by id.
        .order_by(col(SavedSnapshotRow.id).desc())
    ).scalars()
    return [_saved(row) for row in rows]


def get_snapshot(session: Session, *, snapshot_id: int) -> SavedSnapshot:
    row = session.get(SavedSnapshotRow, snapshot_id)
    if row is None:
        raise NotFound(id=snapshot_id)
    return _saved(row)


def delete_snapshot(session: Session, *, snapshot_id: int) -> None:
    row = session.get(SavedSnapshotRow, snapshot_id)
    if row is None:
        raise NotFound(id=snapshot_id)
    workshop_id = row.workshop_id
    session.delete(row)
    session.flush()
    touch(session, workshop_id)


def restore_snapshot(session: Session, *, snapshot_id: int, backup: SnapshotInput) -> SavedSnapshot:
    """Bring a workshop back to a snapshot, saving its current state first as ``backup``.

    Returns the backup, so nothing is lost: restoring the backup undoes the restore.
    """
    target = get_snapshot(session, snapshot_id=snapshot_id)
    workshop_id = target.workshop_id
    saved = save_snapshot(session, workshop_id=workshop_id, data=backup)
    empty_workshop(session, workshop_id=workshop_id)
    session.flush()
    fill_workshop(session, workshop_id=workshop_id, document=target.document)
    session.execute(
        update(WorkshopRow)
        .where(col(WorkshopRow.id) == workshop_id)
        .values(**target.document.workshop.model_dump(mode="json"), version=WorkshopRow.version + 1)
    )
    touch(session, workshop_id)
    return saved
