"""Courses in the store: opening one, joining it, the trainer's gallery and comments.

The gallery reads a whole course in five queries, however many participants it has:
the course, the workshops, their segments, their segments' answers and comment counts.
The trainer's comments themselves are in ``canvas.store.comments``.
"""

import hmac
from collections import defaultdict

from sqlalchemy import Text, cast, func, select, update
from sqlmodel import Session, col

from canvas.domain import Language, NotFound, Workshop, WorkshopInput
from canvas.domain.course import (
    Course,
    CourseInput,
    GalleryEntry,
    JoinRequest,
    new_join_code,
)
from canvas.domain.errors import CourseClosed, UnknownJoinCode
from canvas.domain.progress import AnswerFacts, answered_from
from canvas.domain.vocabulary import GuidingQuestion
from canvas.domain.workshop import DEFAULT_CURRENCY
from canvas.store.participants import check_name_free, flush_name
from canvas.store.reads import get_workshop
from canvas.store.tables import (
    CourseRow,
    RelationshipRow,
    SegmentRow,
    TrainerCommentRow,
    WorkshopRow,
    utcnow,
)
from canvas.store.workshops import create_workshop
from canvas.store.writes import COURSE_LIST, announce

CODE_ATTEMPTS = 20  # clashes are one in millions; twenty in a row means something is wrong


def _course(row: CourseRow) -> Course:
    return Course.model_validate(row, from_attributes=True)


def create_course(session: Session, *, data: CourseInput) -> Course:
    """A new course with a fresh join code."""
    for _ in range(CODE_ATTEMPTS):
        code = new_join_code()
        taken = session.execute(
            select(func.count()).where(col(CourseRow.join_code) == code)
        ).scalar_one()
        if not taken:
            row = CourseRow(**data.model_dump(mode="json"), join_code=code)
            session.add(row)
            session.flush()
            announce(session, COURSE_LIST)  # every server's trainer page lists it
            return _course(row)
    raise RuntimeError("no free join code found")


def list_courses(session: Session) -> list[Course]:
    """Every course, the newest first."""
    rows = session.execute(select(CourseRow).order_by(col(CourseRow.id).desc())).scalars()
    return [_course(row) for row in rows]


def get_course(session: Session, *, course_id: int) -> Course:
    return _course(_course_row(session, course_id))


def _course_row(session: Session, course_id: int) -> CourseRow:
    row = session.get(CourseRow, course_id)
    if row is None:
        raise NotFound(id=course_id)
    return row


def set_closed(session: Session, *, course_id: int, closed: bool) -> Course:
    """Close the course for joining (its code admits nobody new) or open it again.

    Participants who joined keep their workshops and keep working either way.
    """
    row = _course_row(session, course_id)
    row.closed = closed
    row.version += 1
    row.updated_at = utcnow()
    session.flush()
    announce(session, COURSE_LIST)  # every server's trainer page shows the new state
    return _course(row)


def set_frozen(session: Session, *, course_id: int, frozen: bool) -> Course:
    """Freeze the course (every participant's workshop refuses saves) or unfreeze it.

    Every participant's workshop moves on a revision and is announced, so every app
    server forgets its cached view and the participants' pages show the new state on
    their next rerun. The workshops' rows are locked before the flag changes: a save that
    waits for one of them then reads the flag as this transaction leaves it
    (``canvas.store.writes.touch``).
    """
    row = _course_row(session, course_id)
    participants = session.execute(
        update(WorkshopRow)
        .where(col(WorkshopRow.course_id) == course_id)
        .values(revision=WorkshopRow.revision + 1)  # not updated_at: nobody edited them
        .returning(col(WorkshopRow.id))
    ).scalars()
    for workshop_id in sorted(participants):
        announce(session, workshop_id)
    row.frozen = frozen
    row.version += 1
    row.updated_at = utcnow()
    session.flush()
    announce(session, COURSE_LIST)
    return _course(row)


def join_course(session: Session, *, request: JoinRequest) -> Workshop:
    """A participant's own new workshop in the course the code names.

    The workshop's access token is the participant's private key to it. A display name
    another participant of the course has (``name_key``) is refused with ``NameTaken``.
    """
    row = session.execute(
        select(CourseRow).where(col(CourseRow.join_code) == request.code)
    ).scalar_one_or_none()
    if row is None:
        raise UnknownJoinCode()
    if row.closed:
        raise CourseClosed()
    course_id = row.id or 0
    check_name_free(session, course_id=course_id, key=request.name_key, name=request.display_name)
    language = Language(row.language)
    workshop = create_workshop(
        session,
        data=WorkshopInput(
            title=request.display_name, language=language, currency=DEFAULT_CURRENCY[language]
        ),
    )
    stored = session.get(WorkshopRow, workshop.id)
    assert stored is not None
    stored.course_id = course_id
    stored.participant = request.display_name
    stored.participant_key = request.name_key
    flush_name(session, name=request.display_name)
    return get_workshop(session, workshop_id=workshop.id)


def workshop_for_token(session: Session, *, token: str) -> Workshop:
    """The workshop a private link opens; ``NotFound`` for a wrong or empty token."""
    if not token:
        raise NotFound(id=0)
    row = session.execute(
        select(WorkshopRow).where(col(WorkshopRow.access_token) == token)
    ).scalar_one_or_none()
    # The index lookup finds the row; the comparison that decides is constant-time.
    if row is None or not hmac.compare_digest(row.access_token, token):
        raise NotFound(id=0)
    return get_workshop(session, workshop_id=row.id or 0)


def gallery(session: Session, *, course_id: int) -> list[GalleryEntry]:
    """Every participant's workshop with its progress, in a fixed number of queries."""
    get_course(session, course_id=course_id)
    # Plain columns, not whole rows: a row carries the workshop's JSON columns, and
    # decoding them for 200 participants was most of a live gallery tick.
    workshops = session.execute(
        select(
            col(WorkshopRow.id),
            col(WorkshopRow.participant),
            col(WorkshopRow.title),
            col(WorkshopRow.updated_at),
            col(WorkshopRow.version),
        )
        .where(col(WorkshopRow.course_id) == course_id)
        .order_by(col(WorkshopRow.participant), col(WorkshopRow.id))
    ).all()
    in_course = select(col(WorkshopRow.id)).where(col(WorkshopRow.course_id) == course_id)
    segments = session.execute(
        select(col(SegmentRow.id), col(SegmentRow.workshop_id)).where(
            col(SegmentRow.workshop_id).in_(in_course)
        )
    ).all()
    # plain columns, not rows turned into models: 500 workshops hold 9,000 answers
    facts: dict[int, list[AnswerFacts]] = defaultdict(list)
    for segment_id, expected, established, cost, integration in session.execute(
        select(
            col(RelationshipRow.segment_id),
            col(RelationshipRow.expected),
            col(RelationshipRow.established),
            col(RelationshipRow.yearly_cost_minor),
            # whether any tie is written, asked of the database: decoding every answer's
            # JSON only to see that it is not empty cost a live tick more than the rest
            cast(col(RelationshipRow.integration), Text) != "{}",
        )
        .join(SegmentRow, col(SegmentRow.id) == col(RelationshipRow.segment_id))
        .where(col(SegmentRow.workshop_id).in_(in_course))
    ):
        facts[segment_id].append(
            AnswerFacts(expected, established, cost is not None, bool(integration))
        )
    comment_counts = dict(
        session.execute(
            select(col(TrainerCommentRow.workshop_id), func.count())
            .where(col(TrainerCommentRow.workshop_id).in_(in_course))
            .group_by(col(TrainerCommentRow.workshop_id))
        ).all()
    )
    answered: dict[int, dict[GuidingQuestion, int]] = {
        row.id or 0: dict.fromkeys(GuidingQuestion, 0) for row in workshops
    }
    segment_count: dict[int, int] = defaultdict(int)
    for segment_id, workshop_id in segments:
        segment_count[workshop_id] += 1
        for question, done in answered_from(facts[segment_id]).items():
            answered[workshop_id][question] += done
    return [
        GalleryEntry(
            workshop_id=row.id or 0,
            participant=row.participant,
            title=row.title,
            segments=segment_count[row.id or 0],
            answered=answered[row.id or 0],
            comments=comment_counts.get(row.id, 0),
            updated_at=row.updated_at,
            version=row.version,
        )
        for row in workshops
    ]
