"""Repository functions: the only code that reads and writes workshop rows.

Each takes a session and keyword-only arguments and never commits: the caller wraps
one user action in ``canvas.store.db.transaction`` so it is saved whole or not at all.
Every change inside a workshop bumps its ``revision``, the key the UI caches reads by.
"""

import secrets
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from canvas.domain import (
    MAX_SEGMENTS,
    CanvasNote,
    CanvasNoteInput,
    CustomerSegment,
    DuplicateSegmentName,
    NotFound,
    Relationship,
    RelationshipInput,
    RelationshipType,
    SegmentInput,
    SegmentView,
    TooManySegments,
    Workshop,
    WorkshopDocument,
    WorkshopInput,
    WorkshopSnapshot,
    name_key,
    to_document,
)
from canvas.domain.document import NpsAnswerDocument
from canvas.domain.saved_snapshot import SavedSnapshot, SnapshotInput
from canvas.domain.workshop import WorkshopState
from canvas.store.comments import list_comments
from canvas.store.frameworks import load_frameworks
from canvas.store.nps import insert_answer_groups, load_answer_groups, load_survey
from canvas.store.tables import (
    CanvasNoteRow,
    LoyaltyRatingRow,
    NpsAggregateRow,
    NpsResponseRow,
    RelationshipRow,
    RuleScoreRow,
    SavedSnapshotRow,
    SegmentRow,
    ShuraCellRow,
    ShuraRiskRow,
    TouchpointRow,
    TrainerCommentRow,
    WorkshopRow,
    row_columns,
)
from canvas.store.touchpoints import list_touchpoints
from canvas.store.writes import announce as _announce
from canvas.store.writes import delete_where as _delete_where
from canvas.store.writes import guarded_update as _guarded_update
from canvas.store.writes import touch as _touch

# ---------------------------------------------------------------- conversions


def _to_minor(amount: Decimal | None) -> int | None:
    return None if amount is None else int((amount * 100).to_integral_value())


def _from_minor(minor: int | None) -> Decimal | None:
    return None if minor is None else Decimal(minor) / 100


def _workshop(row: WorkshopRow) -> Workshop:
    return Workshop.model_validate(row, from_attributes=True)


def _segment(row: SegmentRow | Row[Any]) -> CustomerSegment:
    return CustomerSegment(
        id=row.id or 0,
        workshop_id=row.workshop_id,
        name=row.name,
        description=row.description,
        customers=row.customers,
        revenue_per_customer=_from_minor(row.revenue_per_customer_minor),
        acquisition_cost=_from_minor(row.acquisition_cost_minor),
        retention_rate=row.retention_rate,
        colour=row.colour,
        position=row.position,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def relationship_from_row(row: RelationshipRow | Row[Any]) -> Relationship:
    """A stored answer as the domain knows it (money back from minor units)."""
    return Relationship(
        id=row.id or 0,
        segment_id=row.segment_id,
        type=RelationshipType(row.type),
        expected=row.expected,
        established=row.established,
        motives=frozenset(row.motives or []),
        yearly_cost=_from_minor(row.yearly_cost_minor),
        integration=dict(row.integration or {}),
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _note(row: CanvasNoteRow | Row[Any]) -> CanvasNote:
    return CanvasNote.model_validate(row, from_attributes=True)


def _segment_values(data: SegmentInput) -> dict[str, Any]:
    return {
        "name": data.name,
        "name_key": name_key(data.name),
        "description": data.description,
        "customers": data.customers,
        "revenue_per_customer_minor": _to_minor(data.revenue_per_customer),
        "acquisition_cost_minor": _to_minor(data.acquisition_cost),
        "retention_rate": data.retention_rate,
        "colour": data.colour,
    }


def _relationship_values(data: RelationshipInput) -> dict[str, Any]:
    return {
        "expected": data.expected,
        "established": data.established,
        "motives": sorted(str(m) for m in data.motives),
        "yearly_cost_minor": _to_minor(data.yearly_cost),
        "integration": {str(block): text for block, text in sorted(data.integration.items())},
    }


# ---------------------------------------------------------------- helpers


def _segment_row(session: Session, segment_id: int) -> SegmentRow:
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
    # The unique index is the last word when two people add the same name at once.
    try:
        session.flush()
    except IntegrityError as error:
        raise DuplicateSegmentName(name=name) from error


# ---------------------------------------------------------------- workshops


def list_workshops(session: Session, *, in_courses: bool = True) -> list[Workshop]:
    """All workshops (or those outside every course), the most recently changed first."""
    query = select(WorkshopRow).order_by(col(WorkshopRow.updated_at).desc(), col(WorkshopRow.id))
    if not in_courses:
        query = query.where(col(WorkshopRow.course_id).is_(None))
    rows = session.execute(query).scalars()
    return [_workshop(row) for row in rows]


def create_workshop(session: Session, *, data: WorkshopInput) -> Workshop:
    """A new, empty workshop with its own unguessable access token."""
    row = WorkshopRow(**data.model_dump(mode="json"), access_token=secrets.token_urlsafe(24))
    session.add(row)
    session.flush()
    _announce(session, row.id or 0)  # a course's gallery (on every server) gains a workshop
    return _workshop(row)


def get_workshop(session: Session, *, workshop_id: int) -> Workshop:
    row = session.get(WorkshopRow, workshop_id)
    if row is None:
        raise NotFound(id=workshop_id)
    return _workshop(row)


def workshop_state(session: Session, *, workshop_id: int) -> WorkshopState:
    """The workshop's revision and creation time; raises ``NotFound`` if it is gone."""
    found = session.execute(
        select(col(WorkshopRow.revision), col(WorkshopRow.created_at)).where(
            col(WorkshopRow.id) == workshop_id
        )
    ).one_or_none()
    if found is None:
        raise NotFound(id=workshop_id)
    return WorkshopState(found[0], found[1])


def workshop_revision(session: Session, *, workshop_id: int) -> int:
    """The workshop's change counter; raises ``NotFound`` if it is gone."""
    return workshop_state(session, workshop_id=workshop_id).revision


def update_workshop(
    session: Session, *, workshop_id: int, data: WorkshopInput, expected_version: int
) -> None:
    """Rename or re-describe a workshop, refusing a stale edit."""
    _guarded_update(
        session, WorkshopRow, workshop_id, expected_version, data.model_dump(mode="json")
    )
    _touch(session, workshop_id)


def delete_workshop(session: Session, *, workshop_id: int) -> None:
    """Delete a workshop with everything in it."""
    row = session.get(WorkshopRow, workshop_id)
    if row is None:
        raise NotFound(id=workshop_id)
    # Delete children explicitly too: the cascade needs foreign keys on, and we
    # don't want a database opened without them to keep orphans.
    _empty(session, workshop_id)
    _delete_where(session, SavedSnapshotRow, col(SavedSnapshotRow.workshop_id) == workshop_id)
    _delete_where(session, TrainerCommentRow, col(TrainerCommentRow.workshop_id) == workshop_id)
    session.delete(row)
    session.flush()
    _announce(session, workshop_id)


def load_snapshot(session: Session, *, workshop_id: int) -> WorkshopSnapshot:
    """The whole workshop in fourteen queries, however many segments or answers it has."""
    workshop = get_workshop(session, workshop_id=workshop_id)
    segment_rows = session.execute(
        row_columns(SegmentRow)
        .where(col(SegmentRow.workshop_id) == workshop_id)
        .order_by(col(SegmentRow.position), col(SegmentRow.id))
    )
    segments = [_segment(row) for row in segment_rows]
    relationship_rows = session.execute(
        row_columns(RelationshipRow)
        .join(SegmentRow, col(SegmentRow.id) == col(RelationshipRow.segment_id))
        .where(col(SegmentRow.workshop_id) == workshop_id)
    )
    by_segment: dict[int, dict[RelationshipType, Relationship]] = {s.id: {} for s in segments}
    for row in relationship_rows:
        relationship = relationship_from_row(row)
        by_segment[relationship.segment_id][relationship.type] = relationship
    note_rows = session.execute(
        row_columns(CanvasNoteRow)
        .where(col(CanvasNoteRow.workshop_id) == workshop_id)
        .order_by(col(CanvasNoteRow.position), col(CanvasNoteRow.id))
    )
    views = [
        SegmentView(
            segment=segment,
            relationships={
                k: by_segment[segment.id][k]
                for k in RelationshipType
                if k in by_segment[segment.id]
            },
        )
        for segment in segments
    ]
    notes = [_note(r) for r in note_rows]
    return WorkshopSnapshot(
        workshop=workshop,
        segments=views,
        notes=notes,
        frameworks=load_frameworks(session, workshop_id=workshop_id),
        nps=load_survey(session, workshop_id=workshop_id),
        touchpoints=list_touchpoints(session, workshop_id=workshop_id),
        comments=list_comments(session, workshop_id=workshop_id),
    )


def load_document(session: Session, *, workshop_id: int) -> WorkshopDocument:
    """The whole workshop in portable form, the NPS survey's single answers included."""
    snapshot = load_snapshot(session, workshop_id=workshop_id)
    names = {view.segment.id: view.segment.name for view in snapshot.segments}
    answers = [
        NpsAnswerDocument(
            score=score,
            why=why,
            make_it_ten=ten,
            segment=names.get(segment) if segment is not None else None,
            answered_on=day,
            count=count,
        )
        for score, why, ten, segment, day, count in load_answer_groups(
            session, workshop_id=workshop_id
        )
    ]
    return to_document(snapshot, nps_answers=answers)


def _fill(session: Session, workshop_id: int, document: WorkshopDocument) -> None:
    """Write a document's segments, answers and notes into an empty workshop."""
    ids: dict[str, int] = {}
    for position, entry in enumerate(document.segments):
        segment = SegmentRow(workshop_id=workshop_id, position=position, **_segment_values(entry))
        session.add(segment)
        _flush_unique(session, entry.name)
        assert segment.id is not None
        ids[name_key(entry.name)] = segment.id
        given = {r.type: r for r in entry.relationships}
        for kind in RelationshipType:
            answer = given.get(kind)
            values = _relationship_values(answer) if answer else {}
            session.add(RelationshipRow(segment_id=segment.id, type=kind.value, **values))
    for position, note in enumerate(document.notes):
        session.add(
            CanvasNoteRow(
                workshop_id=workshop_id,
                segment_id=ids[name_key(note.segment)] if note.segment else None,
                block=note.block.value,
                text=note.text,
                position=position,
            )
        )
    for cell in document.shura_cells:
        session.add(ShuraCellRow(workshop_id=workshop_id, **cell.model_dump(mode="json")))
    for risk in document.shura_risks:
        session.add(ShuraRiskRow(workshop_id=workshop_id, **risk.model_dump(mode="json")))
    for score in document.twelve_rules:
        session.add(RuleScoreRow(workshop_id=workshop_id, **score.model_dump(mode="json")))
    for rating in document.loyalty:
        segment_id = ids[name_key(rating.segment)] if rating.segment else None
        session.add(
            LoyaltyRatingRow(
                workshop_id=workshop_id,
                segment_id=segment_id,
                scope="all" if segment_id is None else str(segment_id),
                **rating.model_dump(mode="json", exclude={"segment"}),
            )
        )
    for counts in document.nps_counts:
        segment_id = ids[name_key(counts.segment)] if counts.segment else None
        session.add(
            NpsAggregateRow(
                workshop_id=workshop_id,
                segment_id=segment_id,
                scope="all" if segment_id is None else str(segment_id),
                **counts.model_dump(exclude={"segment"}),
            )
        )
    for position, point in enumerate(document.touchpoints):
        session.add(
            TouchpointRow(
                workshop_id=workshop_id,
                segment_id=ids[name_key(point.segment)] if point.segment else None,
                position=position,
                **point.model_dump(mode="json", exclude={"segment"}),
            )
        )
    session.flush()
    insert_answer_groups(
        session,
        workshop_id=workshop_id,
        groups=(
            (
                answer.score,
                answer.why,
                answer.make_it_ten,
                ids[name_key(answer.segment)] if answer.segment else None,
                answer.answered_on,
                answer.count,
            )
            for answer in document.nps_answers
        ),
    )


def _empty(session: Session, workshop_id: int) -> None:
    """Remove a workshop's segments, answers and notes, keeping the workshop itself."""
    segment_ids = select(col(SegmentRow.id)).where(col(SegmentRow.workshop_id) == workshop_id)
    _delete_where(session, RelationshipRow, col(RelationshipRow.segment_id).in_(segment_ids))
    _delete_where(session, CanvasNoteRow, col(CanvasNoteRow.workshop_id) == workshop_id)
    tables = (
        ShuraCellRow,
        ShuraRiskRow,
        RuleScoreRow,
        LoyaltyRatingRow,
        NpsResponseRow,
        NpsAggregateRow,
        TouchpointRow,
    )
    for table in tables:
        _delete_where(session, table, table.workshop_id == workshop_id)
    _delete_where(session, SegmentRow, col(SegmentRow.workshop_id) == workshop_id)


def create_from_document(session: Session, *, document: WorkshopDocument) -> Workshop:
    """A new workshop holding everything in ``document`` (the demo, a duplicate, an import)."""
    workshop = create_workshop(session, data=document.workshop)
    _fill(session, workshop.id, document)
    return workshop


def duplicate_workshop(session: Session, *, workshop_id: int, title: str) -> Workshop:
    """A full copy of a workshop under a new title."""
    document = load_document(session, workshop_id=workshop_id)
    workshop = WorkshopInput(**{**document.workshop.model_dump(), "title": title})
    return create_from_document(
        session, document=document.model_copy(update={"workshop": workshop})
    )


# ---------------------------------------------------------------- segments


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
        **_segment_values(data),
    )
    session.add(row)
    _flush_unique(session, data.name)
    assert row.id is not None
    for kind in RelationshipType:
        session.add(RelationshipRow(segment_id=row.id, type=kind.value))
    session.flush()
    _touch(session, workshop_id)
    return _segment(row)


def update_segment(
    session: Session, *, segment_id: int, data: SegmentInput, expected_version: int
) -> None:
    """Save a segment's fields, refusing a stale edit or a name another segment has."""
    row = _segment_row(session, segment_id)
    _check_name_free(session, row.workshop_id, data.name, except_id=segment_id)
    try:
        _guarded_update(session, SegmentRow, segment_id, expected_version, _segment_values(data))
    except IntegrityError as error:
        raise DuplicateSegmentName(name=data.name) from error
    _touch(session, row.workshop_id)


def delete_segment(session: Session, *, segment_id: int) -> None:
    """Delete a segment, its answers, and the notes tied to it."""
    row = _segment_row(session, segment_id)
    workshop_id = row.workshop_id
    _delete_where(session, RelationshipRow, col(RelationshipRow.segment_id) == segment_id)
    _delete_where(session, CanvasNoteRow, col(CanvasNoteRow.segment_id) == segment_id)
    _delete_where(session, TouchpointRow, col(TouchpointRow.segment_id) == segment_id)
    _delete_where(session, NpsAggregateRow, col(NpsAggregateRow.segment_id) == segment_id)
    # The segment's NPS answers are real answers still: keep them, without a segment.
    session.execute(
        update(NpsResponseRow)
        .where(col(NpsResponseRow.segment_id) == segment_id)
        .values(segment_id=None)
    )
    session.delete(row)
    session.flush()
    _touch(session, workshop_id)


def move_segment(session: Session, *, segment_id: int, offset: int) -> None:
    """Move a segment ``offset`` places up (negative) or down (positive) in the list."""
    row = _segment_row(session, segment_id)
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
    _touch(session, row.workshop_id)


# ---------------------------------------------------------------- relationships


def save_relationships(
    session: Session,
    *,
    segment_id: int,
    answers: dict[RelationshipType, tuple[RelationshipInput, int]],
) -> None:
    """Save several of a segment's answers at once; each comes with the version it was read at.

    One stale answer refuses the whole save, so a form is never half-applied.
    """
    segment = _segment_row(session, segment_id)
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
        if _relationship_values(answer) == _relationship_values(relationship_from_row(row)):
            continue  # unchanged: don't bump its version and refuse someone else later
        assert row.id is not None
        _guarded_update(session, RelationshipRow, row.id, version, _relationship_values(answer))
    _touch(session, segment.workshop_id)


# ---------------------------------------------------------------- canvas notes


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
    _touch(session, workshop_id)
    return _note(row)


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
    _guarded_update(session, CanvasNoteRow, note_id, expected_version, values)
    _touch(session, row.workshop_id)


def delete_note(session: Session, *, note_id: int) -> None:
    row = session.get(CanvasNoteRow, note_id)
    if row is None:
        raise NotFound(id=note_id)
    session.delete(row)
    session.flush()
    _touch(session, row.workshop_id)


# ---------------------------------------------------------------- named snapshots


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
    session.delete(row)
    session.flush()


def restore_snapshot(session: Session, *, snapshot_id: int, backup: SnapshotInput) -> SavedSnapshot:
    """Bring a workshop back to a snapshot, saving its current state first as ``backup``.

    Returns the backup, so nothing is lost: restoring the backup undoes the restore.
    """
    target = get_snapshot(session, snapshot_id=snapshot_id)
    workshop_id = target.workshop_id
    saved = save_snapshot(session, workshop_id=workshop_id, data=backup)
    _empty(session, workshop_id)
    session.flush()
    _fill(session, workshop_id, target.document)
    session.execute(
        update(WorkshopRow)
        .where(col(WorkshopRow.id) == workshop_id)
        .values(**target.document.workshop.model_dump(mode="json"), version=WorkshopRow.version + 1)
    )
    _touch(session, workshop_id)
    return saved
