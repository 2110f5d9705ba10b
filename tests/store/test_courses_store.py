"""Courses in the store, on SQLite and PostgreSQL: codes, joining, private links, gallery."""

import re
from decimal import Decimal

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, event

from canvas.domain import (
    CanvasBlock,
    IntegrationBlock,
    NotFound,
    RelationshipInput,
    RelationshipType,
    SegmentInput,
    WorkshopInput,
)
from canvas.domain.course import CODE_ALPHABET, CommentInput, CourseInput, JoinRequest
from canvas.domain.errors import UnknownJoinCode
from canvas.domain.vocabulary import GuidingQuestion, Language
from canvas.store import comments, courses, reads, relationships, workshops
from canvas.store import segments as segment_store
from canvas.store.db import reading, transaction


def _course(engine: Engine, language: Language = Language.EN):
    with transaction(engine) as session:
        return courses.create_course(session, data=CourseInput(title="Spring", language=language))


def _join(engine: Engine, code: str, name: str):
    with transaction(engine) as session:
        return courses.join_course(session, request=JoinRequest(code=code, display_name=name))


def test_a_course_gets_a_six_character_code_without_look_alike_characters(engine):
    codes = {_course(engine).join_code for _ in range(5)}
    assert len(codes) == 5
    for code in codes:
        assert re.fullmatch(f"[{CODE_ALPHABET}]{{6}}", code)
        assert not set(code) & set("01OIL")


def test_joining_gives_a_participant_their_own_workshop_behind_a_private_token(engine):
    course = _course(engine, Language.RU)
    spaced = " " + course.join_code[:3].lower() + "-" + course.join_code[3:] + " "
    anna = _join(engine, spaced, "Анна")
    boris = _join(engine, course.join_code, "Борис")

    assert (anna.course_id, anna.participant, anna.title) == (course.id, "Анна", "Анна")
    assert (anna.language, anna.currency) == (Language.RU, "RUB")
    assert anna.id != boris.id
    assert len(anna.access_token) >= 32 and anna.access_token != boris.access_token
    with reading(engine) as session:
        assert courses.workshop_for_token(session, token=anna.access_token).id == anna.id
        assert courses.workshop_for_token(session, token=boris.access_token).id == boris.id


@pytest.mark.parametrize("token", ["", "nope", "x" * 32])
def test_a_wrong_or_empty_token_opens_nothing(engine, token):
    course = _course(engine)
    _join(engine, course.join_code, "Anna")
    with pytest.raises(NotFound), reading(engine) as session:
        courses.workshop_for_token(session, token=token)


def test_an_unknown_code_is_refused_and_creates_no_workshop(engine):
    _course(engine)
    with pytest.raises(UnknownJoinCode), transaction(engine) as session:
        courses.join_course(session, request=JoinRequest(code="ZZZZZZ", display_name="Eve"))
    with reading(engine) as session:
        assert workshops.list_workshops(session) == []


@pytest.mark.parametrize(
    ("code", "name"), [("ABC", "Anna"), ("ABCDE0", "Anna"), ("ABCDEF", "  "), ("ABCDEF", "a\nb")]
)
def test_a_malformed_join_request_is_refused_before_the_store(code, name):
    with pytest.raises(ValidationError):
        JoinRequest(code=code, display_name=name)


def _fill(engine: Engine, workshop_id: int, segments: int, answered: int) -> None:
    """``segments`` segments, of which ``answered`` answer all four questions."""
    with transaction(engine) as session:
        for index in range(segments):
            segment = segment_store.add_segment(
                session, workshop_id=workshop_id, data=SegmentInput(name=f"S{index}")
            )
            if index < answered:
                view = reads.load_view(session, workshop_id=workshop_id).segment(segment.id)
                assert view is not None
                answer = view.relationships[RelationshipType.COMMUNITIES]
                relationships.save_relationships(
                    session,
                    segment_id=segment.id,
                    answers={
                        RelationshipType.COMMUNITIES: (
                            RelationshipInput(
                                expected=2,
                                established=1,
                                yearly_cost=Decimal("100"),
                                integration={IntegrationBlock.CHANNELS: "Telegram"},
                            ),
                            answer.version,
                        )
                    },
                )


def test_the_gallery_shows_each_participant_with_progress_and_comments(engine):
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    boris = _join(engine, course.join_code, "Boris")
    with transaction(engine) as session:
        workshops.create_workshop(session, data=WorkshopInput(title="Not in the course"))
    _fill(engine, anna.id, segments=2, answered=1)
    with transaction(engine) as session:
        comments.add_comment(
            session, workshop_id=anna.id, data=CommentInput(text="Good start", block=None)
        )

    with reading(engine) as session:
        entries = courses.gallery(session, course_id=course.id)
    assert [e.participant for e in entries] == ["Anna", "Boris"]
    first, second = entries
    assert first.segments == 2 and first.comments == 1
    # One of two segments answers each of the four questions: 4 of 4 × 2 = 8 → 50 %
    assert first.answered == dict.fromkeys(GuidingQuestion, 1)
    assert first.progress == pytest.approx(0.5)
    assert (second.segments, second.progress, second.comments) == (0, 0.0, 0)
    assert second.workshop_id == boris.id


def _selects(engine: Engine, course_id: int) -> int:
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        with reading(engine) as session:
            courses.gallery(session, course_id=course_id)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sum(1 for s in seen if s.lstrip().upper().startswith("SELECT"))


def test_the_gallery_costs_the_same_queries_for_2_or_25_participants(engine):
    small, large = _course(engine), _course(engine)
    for index in range(2):
        _fill(engine, _join(engine, small.join_code, f"P{index}").id, segments=1, answered=1)
    for index in range(25):
        _fill(engine, _join(engine, large.join_code, f"P{index}").id, segments=2, answered=1)
    # The course, its workshops, their segments, their answers, the comment counts
    assert _selects(engine, small.id) == _selects(engine, large.id) == 5


def test_comments_sit_on_a_block_or_a_segment_of_the_same_workshop(engine):
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    other = _join(engine, course.join_code, "Boris")
    with transaction(engine) as session:
        mine = segment_store.add_segment(
            session, workshop_id=anna.id, data=SegmentInput(name="Cafés")
        )
        theirs = segment_store.add_segment(
            session, workshop_id=other.id, data=SegmentInput(name="X")
        )
    with transaction(engine) as session:
        comments.add_comment(
            session,
            workshop_id=anna.id,
            data=CommentInput(text="Which channel?", block=CanvasBlock.CHANNELS),
        )
        comments.add_comment(
            session, workshop_id=anna.id, data=CommentInput(text="Size?", segment_id=mine.id)
        )
    with pytest.raises(NotFound), transaction(engine) as session:
        comments.add_comment(
            session, workshop_id=anna.id, data=CommentInput(text="Hm", segment_id=theirs.id)
        )
    with reading(engine) as session:
        listed = comments.list_comments(session, workshop_id=anna.id)
    assert [(c.text, c.block, c.segment_id) for c in listed] == [
        ("Which channel?", CanvasBlock.CHANNELS, None),
        ("Size?", None, mine.id),
    ]
    with transaction(engine) as session:
        comments.delete_comment(session, comment_id=listed[0].id)
    with reading(engine) as session:
        assert [c.text for c in comments.list_comments(session, workshop_id=anna.id)] == ["Size?"]


@pytest.mark.parametrize(
    "values",
    [{"text": "  "}, {"text": "x" * 601}, {"text": "ok", "block": "channels", "segment_id": 1}],
)
def test_a_bad_comment_is_refused_before_the_store(values):
    with pytest.raises(ValidationError):
        CommentInput(**values)


def test_a_comment_moves_the_workshop_revision_on_so_the_participant_sees_it(engine):
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    with reading(engine) as session:
        before = reads.workshop_state(session, workshop_id=anna.id).revision
    with transaction(engine) as session:
        comments.add_comment(session, workshop_id=anna.id, data=CommentInput(text="Nice"))
    with reading(engine) as session:
        assert reads.workshop_state(session, workshop_id=anna.id).revision == before + 1
