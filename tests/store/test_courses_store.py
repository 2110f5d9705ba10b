"""Courses in the store, on SQLite and PostgreSQL: codes, joining, private links, gallery."""

import re
import threading
import time
from decimal import Decimal

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, event, func, select
from sqlmodel import SQLModel, col

from canvas.content.demo import load_demo
from canvas.domain import (
    CanvasBlock,
    IntegrationBlock,
    NotFound,
    RelationshipInput,
    RelationshipType,
    SegmentInput,
    WorkshopInput,
)
from canvas.domain.course import (
    CODE_ALPHABET,
    CommentInput,
    CourseInput,
    JoinRequest,
    ParticipantRename,
)
from canvas.domain.errors import NameTaken, ParticipantGone, StaleRename, UnknownJoinCode
from canvas.domain.saved_snapshot import SnapshotInput
from canvas.domain.vocabulary import GuidingQuestion, Language
from canvas.store import (
    comments,
    courses,
    participants,
    reads,
    relationships,
    saved_snapshots,
    workshops,
)
from canvas.store import segments as segment_store
from canvas.store.db import reading, transaction
from canvas.store.tables import RelationshipRow, SegmentRow, WorkshopRow


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


# ------------------------------------------------------------------ names in the room


def _participants(engine: Engine, course_id: int) -> list[str]:
    with reading(engine) as session:
        return [entry.participant for entry in courses.gallery(session, course_id=course_id)]


@pytest.mark.parametrize(
    "again",
    [
        "anna",  # case
        "  ANNA ",  # surrounding spaces
        "An\u200bna",  # a zero-width space inside
        "\u200eAnna\u200f",  # direction marks around it
        "An\u00adna",  # a soft hyphen
        "Anna\ufeff",  # a zero-width no-break space (byte order mark)
    ],
)
def test_a_name_already_taken_in_the_course_is_refused_and_nothing_is_written(engine, again):
    course = _course(engine)
    _join(engine, course.join_code, "Anna")

    with pytest.raises(NameTaken) as refused, transaction(engine) as session:
        courses.join_course(session, request=JoinRequest(code=course.join_code, display_name=again))

    assert refused.value.params == {"name": again.strip()}
    assert _participants(engine, course.id) == ["Anna"]
    with reading(engine) as session:
        assert len(workshops.list_workshops(session)) == 1


def test_repeated_inner_spaces_count_as_one_when_names_are_compared(engine):
    course = _course(engine)
    _join(engine, course.join_code, "Anna Maria")
    with pytest.raises(NameTaken), transaction(engine) as session:
        courses.join_course(
            session, request=JoinRequest(code=course.join_code, display_name="anna   MARIA")
        )
    assert _participants(engine, course.id) == ["Anna Maria"]


def test_the_same_name_may_join_another_course_and_a_different_name_the_same_one(engine):
    spring, autumn = _course(engine), _course(engine)
    _join(engine, spring.join_code, "Anna")
    _join(engine, autumn.join_code, "anna")
    _join(engine, spring.join_code, "Anna K.")
    assert _participants(engine, spring.id) == ["Anna", "Anna K."]
    assert _participants(engine, autumn.id) == ["anna"]


def test_the_database_itself_refuses_a_taken_name_when_the_check_is_skipped(engine, monkeypatch):
    course = _course(engine)
    _join(engine, course.join_code, "Anna")
    # As if a second join had checked before the first one was written: only the unique
    # index on (course, name key) stands between them.
    monkeypatch.setattr(courses, "check_name_free", lambda *_args, **_kwargs: None)
    with pytest.raises(NameTaken), transaction(engine) as session:
        courses.join_course(
            session, request=JoinRequest(code=course.join_code, display_name=" ANNA")
        )
    assert _participants(engine, course.id) == ["Anna"]


def test_two_joins_with_the_same_name_at_once_give_one_workshop_and_one_refusal(engine):
    course = _course(engine)
    request = JoinRequest(code=course.join_code, display_name="Vera")
    first_written = threading.Event()
    second_started = threading.Event()
    outcomes: dict[str, object] = {}

    def first() -> None:
        with transaction(engine) as session:
            outcomes["first"] = courses.join_course(session, request=request).id
            first_written.set()
            # hold the transaction open while the second join runs into it
            second_started.wait(timeout=10)
            time.sleep(0.5)

    def second() -> None:
        first_written.wait(timeout=10)
        second_started.set()
        try:
            with transaction(engine) as session:
                outcomes["second"] = courses.join_course(session, request=request).id
        except Exception as error:
            outcomes["second"] = error

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert isinstance(outcomes["first"], int)
    assert isinstance(outcomes["second"], NameTaken)
    assert _participants(engine, course.id) == ["Vera"]


def _rename(engine: Engine, course_id: int, workshop_id: int, name: str, version: int) -> None:
    with transaction(engine) as session:
        participants.rename_participant(
            session,
            course_id=course_id,
            workshop_id=workshop_id,
            data=ParticipantRename(new_name=name, expected_version=version),
        )


def _workshop(engine: Engine, workshop_id: int):
    with reading(engine) as session:
        return reads.get_workshop(session, workshop_id=workshop_id)


def test_renaming_a_participant_changes_their_name_and_the_title_that_was_their_name(engine):
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")

    _rename(engine, course.id, anna.id, "Anna Kovaleva", anna.version)

    renamed = _workshop(engine, anna.id)
    assert (renamed.participant, renamed.title) == ("Anna Kovaleva", "Anna Kovaleva")
    assert renamed.version == anna.version + 1
    # the old name is free again
    assert _join(engine, course.join_code, "anna").participant == "anna"


def test_renaming_keeps_a_title_the_participant_chose_themselves(engine):
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    with transaction(engine) as session:
        workshops.update_workshop(
            session,
            workshop_id=anna.id,
            data=WorkshopInput(title="Coffee shop", language=Language.EN, currency="USD"),
            expected_version=anna.version,
        )
    version = _workshop(engine, anna.id).version

    _rename(engine, course.id, anna.id, "Anna K.", version)

    renamed = _workshop(engine, anna.id)
    assert (renamed.participant, renamed.title) == ("Anna K.", "Coffee shop")


def test_a_participant_may_be_renamed_to_their_own_name_in_another_case(engine):
    course = _course(engine)
    anna = _join(engine, course.join_code, "anna")
    _rename(engine, course.id, anna.id, "ANNA", anna.version)
    assert _participants(engine, course.id) == ["ANNA"]


def test_renaming_to_a_name_another_participant_has_is_refused(engine):
    course = _course(engine)
    _join(engine, course.join_code, "Anna")
    boris = _join(engine, course.join_code, "Boris")
    with pytest.raises(NameTaken):
        _rename(engine, course.id, boris.id, "anna\u200b", boris.version)
    assert _participants(engine, course.id) == ["Anna", "Boris"]


def test_a_stale_rename_is_refused_and_overwrites_nothing(engine):
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    _rename(engine, course.id, anna.id, "Anna K.", anna.version)
    with pytest.raises(StaleRename):
        _rename(engine, course.id, anna.id, "Annie", anna.version)  # the version before
    assert _participants(engine, course.id) == ["Anna K."]


def test_renaming_or_removing_someone_already_removed_or_in_another_course_is_refused(engine):
    spring, autumn = _course(engine), _course(engine)
    anna = _join(engine, spring.join_code, "Anna")
    other = _join(engine, autumn.join_code, "Olga")
    with transaction(engine) as session:
        participants.remove_participant(session, course_id=spring.id, workshop_id=anna.id)
    with pytest.raises(ParticipantGone):
        _rename(engine, spring.id, anna.id, "Annie", anna.version)
    with pytest.raises(ParticipantGone), transaction(engine) as session:
        participants.remove_participant(session, course_id=spring.id, workshop_id=anna.id)
    with pytest.raises(ParticipantGone), transaction(engine) as session:
        participants.remove_participant(session, course_id=spring.id, workshop_id=other.id)
    assert _participants(engine, autumn.id) == ["Olga"]


def _rows_of(engine: Engine, workshop_id: int) -> dict[str, int]:
    """How many rows each table holds for the workshop (answers through its segments)."""
    with reading(engine) as session:
        found = {}
        for table in SQLModel.metadata.sorted_tables:
            if "workshop_id" in table.c:
                found[table.name] = session.execute(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.workshop_id == workshop_id)
                ).scalar_one()
        found["relationship"] = session.execute(
            select(func.count())
            .select_from(RelationshipRow)
            .join(SegmentRow, col(SegmentRow.id) == col(RelationshipRow.segment_id))
            .where(col(SegmentRow.workshop_id) == workshop_id)
        ).scalar_one()
        found["workshop"] = session.execute(
            select(func.count()).where(col(WorkshopRow.id) == workshop_id)
        ).scalar_one()
    return found


def test_removing_a_participant_deletes_their_workshop_and_every_row_of_it_only(engine):
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    boris = _join(engine, course.join_code, "Boris")
    for person in (anna, boris):
        with transaction(engine) as session:
            workshops.fill_workshop(session, workshop_id=person.id, document=load_demo("en"))
            comments.add_comment(session, workshop_id=person.id, data=CommentInput(text="Good"))
            saved_snapshots.save_snapshot(
                session, workshop_id=person.id, data=SnapshotInput(name="Before")
            )
    before = _rows_of(engine, anna.id)
    kept = _rows_of(engine, boris.id)
    # every kind of row is there to be deleted: segments, answers, notes, frameworks, NPS
    # answers, touchpoints, comments, saved snapshots (and the workshop itself)
    assert [name for name, rows in before.items() if rows == 0] == []

    with transaction(engine) as session:
        participants.remove_participant(session, course_id=course.id, workshop_id=anna.id)

    assert _rows_of(engine, anna.id) == dict.fromkeys(before, 0)
    assert _rows_of(engine, boris.id) == kept
    assert _participants(engine, course.id) == ["Boris"]
    with pytest.raises(NotFound), reading(engine) as session:
        courses.workshop_for_token(session, token=anna.access_token)
    # the removed participant's name is free again
    assert _join(engine, course.join_code, "Anna").participant == "Anna"
