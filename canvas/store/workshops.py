"""Storing workshops: create, rename, duplicate, delete and list them, and import a whole
workshop from its portable document (the demo, a duplicate, a JSON import).

As everywhere in the store, functions never commit: the caller wraps one user action in
``canvas.store.db.transaction`` so it is saved whole or not at all.
"""

import secrets

from sqlalchemy import select
from sqlmodel import Session, col

from canvas.domain import (
    DuplicateSegmentName,
    NotFound,
    RelationshipType,
    Workshop,
    WorkshopDocument,
    WorkshopInput,
    name_key,
)
from canvas.store.nps import insert_answer_groups
from canvas.store.reads import load_document
from canvas.store.records import relationship_values, segment_values, workshop_from_row
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
)
from canvas.store.writes import announce, delete_where, guarded_update, insert_rows, touch


def list_workshops(session: Session, *, in_courses: bool = True) -> list[Workshop]:
    """All workshops (or those outside every course), the most recently changed first."""
    query = select(WorkshopRow).order_by(col(WorkshopRow.updated_at).desc(), col(WorkshopRow.id))
    if not in_courses:
        query = query.where(col(WorkshopRow.course_id).is_(None))
    rows = session.execute(query).scalars()
    return [workshop_from_row(row) for row in rows]


def create_workshop(session: Session, *, data: WorkshopInput) -> Workshop:
    """A new, empty workshop with its own unguessable access token."""
    row = WorkshopRow(**data.model_dump(mode="json"), access_token=secrets.token_urlsafe(24))
    session.add(row)
    session.flush()
    announce(session, row.id or 0)  # a course's gallery (on every server) gains a workshop
    return workshop_from_row(row)


def update_workshop(
    session: Session, *, workshop_id: int, data: WorkshopInput, expected_version: int
) -> None:
    """Rename or re-describe a workshop, refusing a stale edit."""
    guarded_update(
        session, WorkshopRow, workshop_id, expected_version, data.model_dump(mode="json")
    )
    touch(session, workshop_id)


def delete_workshop(session: Session, *, workshop_id: int) -> None:
    """Delete a workshop with everything in it."""
    row = session.get(WorkshopRow, workshop_id)
    if row is None:
        raise NotFound(id=workshop_id)
    # Delete children explicitly too: the cascade needs foreign keys on, and we
    # don't want a database opened without them to keep orphans.
    empty_workshop(session, workshop_id=workshop_id)
    delete_where(session, SavedSnapshotRow, col(SavedSnapshotRow.workshop_id) == workshop_id)
    delete_where(session, TrainerCommentRow, col(TrainerCommentRow.workshop_id) == workshop_id)
    session.delete(row)
    session.flush()
    announce(session, workshop_id)


def fill_workshop(session: Session, *, workshop_id: int, document: WorkshopDocument) -> None:
    """Write a document's segments, answers, notes and frameworks into an empty workshop.

    Each table's rows go in one statement, the NPS answers in a few: a 40-segment workshop
    with thousands of answers imports in about a dozen statements.
    """
    seen: set[str] = set()
    for entry in document.segments:
        if name_key(entry.name) in seen:
            raise DuplicateSegmentName(name=entry.name)
        seen.add(name_key(entry.name))
    insert_rows(
        session,
        SegmentRow,
        [
            {"workshop_id": workshop_id, "position": position, **segment_values(entry)}
            for position, entry in enumerate(document.segments)
        ],
    )
    found = session.execute(
        select(col(SegmentRow.name_key), col(SegmentRow.id)).where(
            col(SegmentRow.workshop_id) == workshop_id
        )
    )
    ids: dict[str, int] = {key: segment for key, segment in found}

    def segment_id(name: str | None) -> int | None:
        return ids[name_key(name)] if name else None

    answers = []
    for entry in document.segments:
        given = {r.type: r for r in entry.relationships}
        for kind in RelationshipType:
            answer = given.get(kind)
            values = relationship_values(answer) if answer else {}
            answers.append({"segment_id": ids[name_key(entry.name)], "type": kind.value, **values})
    insert_rows(session, RelationshipRow, answers)
    insert_rows(
        session,
        CanvasNoteRow,
        [
            {
                "workshop_id": workshop_id,
                "segment_id": segment_id(note.segment),
                "block": note.block.value,
                "text": note.text,
                "position": position,
            }
            for position, note in enumerate(document.notes)
        ],
    )
    for model, entries in (
        (ShuraCellRow, document.shura_cells),
        (ShuraRiskRow, document.shura_risks),
        (RuleScoreRow, document.twelve_rules),
    ):
        insert_rows(
            session,
            model,
            [{"workshop_id": workshop_id, **e.model_dump(mode="json")} for e in entries],
        )
    insert_rows(
        session,
        LoyaltyRatingRow,
        [
            {
                "workshop_id": workshop_id,
                "segment_id": segment_id(rating.segment),
                "scope": _scope(segment_id(rating.segment)),
                **rating.model_dump(mode="json", exclude={"segment"}),
            }
            for rating in document.loyalty
        ],
    )
    insert_rows(
        session,
        NpsAggregateRow,
        [
            {
                "workshop_id": workshop_id,
                "segment_id": segment_id(counts.segment),
                "scope": _scope(segment_id(counts.segment)),
                **counts.model_dump(exclude={"segment"}),
            }
            for counts in document.nps_counts
        ],
    )
    insert_rows(
        session,
        TouchpointRow,
        [
            {
                "workshop_id": workshop_id,
                "segment_id": segment_id(point.segment),
                "position": position,
                **point.model_dump(mode="json", exclude={"segment"}),
            }
            for position, point in enumerate(document.touchpoints)
        ],
    )
    insert_answer_groups(
        session,
        workshop_id=workshop_id,
        groups=(
            (
                answer.score,
                answer.why,
                answer.make_it_ten,
                segment_id(answer.segment),
                answer.answered_on,
                answer.count,
            )
            for answer in document.nps_answers
        ),
    )


def _scope(segment_id: int | None) -> str:
    """How a per-segment answer is kept unique: ``all`` or the segment's id."""
    return "all" if segment_id is None else str(segment_id)


def empty_workshop(session: Session, *, workshop_id: int) -> None:
    """Remove a workshop's segments, answers and notes, keeping the workshop itself."""
    segment_ids = select(col(SegmentRow.id)).where(col(SegmentRow.workshop_id) == workshop_id)
    delete_where(session, RelationshipRow, col(RelationshipRow.segment_id).in_(segment_ids))
    delete_where(session, CanvasNoteRow, col(CanvasNoteRow.workshop_id) == workshop_id)
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
        delete_where(session, table, table.workshop_id == workshop_id)
    delete_where(session, SegmentRow, col(SegmentRow.workshop_id) == workshop_id)


def create_from_document(session: Session, *, document: WorkshopDocument) -> Workshop:
    """A new workshop holding everything in ``document`` (the demo, a duplicate, an import)."""
    workshop = create_workshop(session, data=document.workshop)
    fill_workshop(session, workshop_id=workshop.id, document=document)
    return workshop


def duplicate_workshop(session: Session, *, workshop_id: int, title: str) -> Workshop:
    """A full copy of a workshop under a new title."""
    document = load_document(session, workshop_id=workshop_id)
    workshop = WorkshopInput(**{**document.workshop.model_dump(), "title": title})
    return create_from_document(
        session, document=document.model_copy(update={"workshop": workshop})
    )
