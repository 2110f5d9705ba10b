"""Reading a workshop for pages and exports: its header, its change counter, the whole
workshop as a view (``WorkshopView``), and the whole workshop in portable form.

However many segments or answers a workshop has, a view costs a fixed number of queries.
"""

from sqlalchemy import select
from sqlmodel import Session, col

from canvas.domain import (
    NotFound,
    Relationship,
    RelationshipType,
    SegmentView,
    Workshop,
    WorkshopDocument,
    WorkshopView,
    to_document,
)
from canvas.domain.document import NpsAnswerDocument
from canvas.domain.workshop import WorkshopState
from canvas.store.comments import list_comments
from canvas.store.frameworks import load_frameworks
from canvas.store.nps import load_answer_groups, load_survey
from canvas.store.records import (
    note_from_row,
    relationship_from_row,
    segment_from_row,
    workshop_from_row,
)
from canvas.store.tables import CanvasNoteRow, RelationshipRow, SegmentRow, WorkshopRow, row_columns
from canvas.store.touchpoints import list_touchpoints
from canvas.store.writes import course_frozen


def get_workshop(session: Session, *, workshop_id: int) -> Workshop:
    """The workshop's title, language, currency and versions; raises ``NotFound`` if gone."""
    row = session.get(WorkshopRow, workshop_id)
    if row is None:
        raise NotFound(id=workshop_id)
    return workshop_from_row(row)


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


def load_view(session: Session, *, workshop_id: int) -> WorkshopView:
    """The whole workshop in fourteen queries (fifteen in a course), however many segments
    or answers it has."""
    workshop = get_workshop(session, workshop_id=workshop_id)
    segment_rows = session.execute(
        row_columns(SegmentRow)
        .where(col(SegmentRow.workshop_id) == workshop_id)
        .order_by(col(SegmentRow.position), col(SegmentRow.id))
    )
    segments = [segment_from_row(row) for row in segment_rows]
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
    notes = [note_from_row(r) for r in note_rows]
    return WorkshopView(
        workshop=workshop,
        segments=views,
        notes=notes,
        frameworks=load_frameworks(session, workshop_id=workshop_id),
        nps=load_survey(session, workshop_id=workshop_id),
        touchpoints=list_touchpoints(session, workshop_id=workshop_id),
        comments=list_comments(session, workshop_id=workshop_id),
        frozen=course_frozen(session, workshop.course_id),
    )


def load_document(session: Session, *, workshop_id: int) -> WorkshopDocument:
    """The whole workshop in portable form, the NPS survey's single answers included."""
    view = load_view(session, workshop_id=workshop_id)
    names = {segment_view.segment.id: segment_view.segment.name for segment_view in view.segments}
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
    return to_document(view, nps_answers=answers)
