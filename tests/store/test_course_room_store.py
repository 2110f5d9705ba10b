"""Closing a course for joining and freezing it for editing, on SQLite and PostgreSQL."""

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlmodel import Session

from canvas.domain import (
    CanvasBlock,
    RelationshipInput,
    RelationshipType,
    SegmentInput,
    WorkshopInput,
)
from canvas.domain.canvas_note import CanvasNoteInput
from canvas.domain.course import CommentInput, CourseInput, JoinRequest, ParticipantRename
from canvas.domain.errors import CourseClosed, CourseFrozen
from canvas.domain.nps import NpsResponseInput
from canvas.domain.saved_snapshot import SnapshotInput
from canvas.domain.touchpoint import TouchpointCategory, TouchpointInput
from canvas.domain.twelve_rules import ClevelandRule, RuleScoreInput
from canvas.domain.vocabulary import Language
from canvas.ops.migrate import alembic_config, upgrade
from canvas.store import (
    comments,
    courses,
    notes,
    nps,
    participants,
    reads,
    relationships,
    saved_snapshots,
    touchpoints,
    workshops,
)
from canvas.store import frameworks as framework_store
from canvas.store import segments as segment_store
from canvas.store.db import make_engine, reading, transaction
from canvas.store.writes import TOUCHED


def _course(engine: Engine):
    with transaction(engine) as session:
        return courses.create_course(
            session, data=CourseInput(title="Spring", language=Language.EN)
        )


def _join(engine: Engine, code: str, name: str):
    with transaction(engine) as session:
        return courses.join_course(session, request=JoinRequest(code=code, display_name=name))


def _set(engine: Engine, course_id: int, *, frozen: bool) -> set[int]:
    """Freeze or unfreeze; what the transaction announced."""
    with transaction(engine) as session:
        courses.set_frozen(session, course_id=course_id, frozen=frozen)
        return set(session.info[TOUCHED])


def test_a_closed_course_refuses_new_participants_and_reopening_admits_them(engine):
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    with transaction(engine) as session:
        closed = courses.set_closed(session, course_id=course.id, closed=True)
    assert closed.closed and not closed.frozen

    with pytest.raises(CourseClosed), transaction(engine) as session:
        courses.join_course(session, request=JoinRequest(code=course.join_code, display_name="Eve"))
    with reading(engine) as session:
        assert [e.participant for e in courses.gallery(session, course_id=course.id)] == ["Anna"]
        assert courses.get_course(session, course_id=course.id).closed

    # Anna, who joined before, keeps working.
    with transaction(engine) as session:
        segment_store.add_segment(session, workshop_id=anna.id, data=SegmentInput(name="Cafés"))

    with transaction(engine) as session:
        assert not courses.set_closed(session, course_id=course.id, closed=False).closed
    assert _join(engine, course.join_code, "Eve").participant == "Eve"


def _segment(engine: Engine, workshop_id: int):
    with transaction(engine) as session:
        segment = segment_store.add_segment(
            session, workshop_id=workshop_id, data=SegmentInput(name="Cafés")
        )
        note = notes.add_note(
            session,
            workshop_id=workshop_id,
            data=CanvasNoteInput(block=CanvasBlock.CHANNELS, text="Telegram"),
        )
        point = touchpoints.add_touchpoints(
            session,
            workshop_id=workshop_id,
            items=[TouchpointInput(name="Website", category=TouchpointCategory.BUSINESS)],
        )[0]
    return segment, note, point


def _saves(engine: Engine, workshop_id: int) -> dict[str, Callable[[Session], object]]:
    """One of every kind of save a participant makes, against the workshop as it is now."""
    segment, note, point = _segment(engine, workshop_id)
    with reading(engine) as session:
        view = reads.load_view(session, workshop_id=workshop_id)
    found = view.segment(segment.id)
    assert found is not None
    answer = found.relationships[RelationshipType.COMMUNITIES]
    name = SegmentInput(name="Bakeries")
    return {
        "add segment": lambda s: segment_store.add_segment(
            s, workshop_id=workshop_id, data=SegmentInput(name="Offices")
        ),
        "edit segment": lambda s: segment_store.update_segment(
            s, segment_id=segment.id, data=name, expected_version=segment.version
        ),
        "delete segment": lambda s: segment_store.delete_segment(s, segment_id=segment.id),
        "relationships": lambda s: relationships.save_relationships(
            s,
            segment_id=segment.id,
            answers={
                RelationshipType.COMMUNITIES: (
                    RelationshipInput(expected=2, established=1, yearly_cost=Decimal("100")),
                    answer.version,
                )
            },
        ),
        "add note": lambda s: notes.add_note(
            s,
            workshop_id=workshop_id,
            data=CanvasNoteInput(block=CanvasBlock.KEY_PARTNERS, text="Farms"),
        ),
        "delete note": lambda s: notes.delete_note(s, note_id=note.id),
        "twelve rules": lambda s: framework_store.save_rules(
            s,
            workshop_id=workshop_id,
            scores={ClevelandRule.STUDY_CUSTOMERS: (RuleScoreInput(score=4), 0)},
        ),
        "nps answer": lambda s: nps.add_responses(
            s, workshop_id=workshop_id, responses=[NpsResponseInput(score=9)]
        ),
        "touchpoint": lambda s: touchpoints.add_touchpoints(
            s,
            workshop_id=workshop_id,
            items=[TouchpointInput(name="Shop", category=TouchpointCategory.SERVICE)],
        ),
        "delete touchpoint": lambda s: touchpoints.delete_touchpoint(s, touchpoint_id=point),
        "saved snapshot": lambda s: saved_snapshots.save_snapshot(
            s, workshop_id=workshop_id, data=SnapshotInput(name="Before the course")
        ),
    }


SAVES = [
    "add segment",
    "edit segment",
    "delete segment",
    "relationships",
    "add note",
    "delete note",
    "twelve rules",
    "nps answer",
    "touchpoint",
    "delete touchpoint",
    "saved snapshot",
]


@pytest.mark.parametrize("kind", SAVES)
def test_a_frozen_course_refuses_every_kind_of_save_and_unfreezing_allows_it(engine, kind):
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    save = _saves(engine, anna.id)[kind]
    with reading(engine) as session:
        before = reads.load_document(session, workshop_id=anna.id)
    _set(engine, course.id, frozen=True)

    with pytest.raises(CourseFrozen), transaction(engine) as session:
        save(session)
    with reading(engine) as session:
        assert reads.load_document(session, workshop_id=anna.id) == before  # nothing written
        assert saved_snapshots.list_snapshots(session, workshop_id=anna.id) == []

    _set(engine, course.id, frozen=False)
    with transaction(engine) as session:
        save(session)


def test_freezing_announces_every_participant_and_moves_their_revision_on(engine):
    course, other = _course(engine), _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    boris = _join(engine, course.join_code, "Boris")
    elsewhere = _join(engine, other.join_code, "Vera")
    with reading(engine) as session:
        views = {w: reads.load_view(session, workshop_id=w) for w in (anna.id, boris.id)}
    assert not any(view.frozen for view in views.values())

    announced = _set(engine, course.id, frozen=True)
    assert {anna.id, boris.id} <= announced and elsewhere.id not in announced
    with reading(engine) as session:
        for workshop_id, view in views.items():
            now = reads.load_view(session, workshop_id=workshop_id)
            assert now.frozen
            assert now.workshop.revision == view.workshop.revision + 1
            assert now.workshop.updated_at == view.workshop.updated_at  # nobody edited it
        assert not reads.load_view(session, workshop_id=elsewhere.id).frozen
        assert courses.get_course(session, course_id=course.id).frozen

    assert {anna.id, boris.id} <= _set(engine, course.id, frozen=False)
    with reading(engine) as session:
        assert not reads.load_view(session, workshop_id=anna.id).frozen


def test_a_frozen_course_leaves_other_courses_and_the_trainers_own_workshops_editable(engine):
    course, other = _course(engine), _course(engine)
    _join(engine, course.join_code, "Anna")
    vera = _join(engine, other.join_code, "Vera")
    with transaction(engine) as session:
        own = workshops.create_workshop(session, data=WorkshopInput(title="Trainer example"))
    _set(engine, course.id, frozen=True)
    for workshop_id in (vera.id, own.id):
        with transaction(engine) as session:
            segment_store.add_segment(session, workshop_id=workshop_id, data=SegmentInput(name="X"))


def test_the_trainer_comments_renames_and_removes_participants_of_a_frozen_course(engine):
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    boris = _join(engine, course.join_code, "Boris")
    _set(engine, course.id, frozen=True)

    with transaction(engine) as session:
        comment = comments.add_comment(
            session, workshop_id=anna.id, data=CommentInput(text="Which channel?")
        )
    with transaction(engine) as session:
        comments.delete_comment(session, comment_id=comment.id)
    with reading(engine) as session:
        version = reads.get_workshop(session, workshop_id=anna.id).version
    with transaction(engine) as session:
        participants.rename_participant(
            session,
            course_id=course.id,
            workshop_id=anna.id,
            data=ParticipantRename(new_name="Anna K.", expected_version=version),
        )
    with transaction(engine) as session:
        participants.remove_participant(session, course_id=course.id, workshop_id=boris.id)

    with reading(engine) as session:
        entries = courses.gallery(session, course_id=course.id)
        assert [(e.participant, e.comments) for e in entries] == [("Anna K.", 0)]
        assert reads.load_view(session, workshop_id=anna.id).frozen


def _someone_waits_for_a_lock(engine: Engine) -> bool:
    with engine.connect() as connection:
        waiting = connection.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        ).scalar_one()
    return bool(waiting)


def test_a_save_that_waited_for_the_freeze_to_commit_is_refused_on_postgresql(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite takes the write lock for the whole transaction up front")
    course = _course(engine)
    anna = _join(engine, course.join_code, "Anna")
    outcome: dict[str, object] = {}

    def participant_saves() -> None:
        try:
            with transaction(engine) as session:
                segment_store.add_segment(
                    session, workshop_id=anna.id, data=SegmentInput(name="Cafés")
                )
            outcome["saved"] = True
        except Exception as error:
            outcome["error"] = error

    with transaction(engine) as session:
        courses.set_frozen(session, course_id=course.id, frozen=True)
        saver = threading.Thread(target=participant_saves)
        saver.start()
        # The participant's save runs into the workshop row the freeze holds.
        deadline = time.monotonic() + 20
        while not _someone_waits_for_a_lock(engine):
            assert time.monotonic() < deadline, "the save never waited for the freeze"
            time.sleep(0.02)
    saver.join(timeout=30)

    assert isinstance(outcome.get("error"), CourseFrozen)
    with reading(engine) as session:
        assert reads.load_view(session, workshop_id=anna.id).segments == []


def test_a_course_made_before_the_switches_upgrades_open_and_editable(database_url):
    blank = make_engine(database_url)
    try:
        config = alembic_config(blank)
        with blank.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0007")
        now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
        with blank.begin() as connection:
            course_id = connection.execute(
                text(
                    "INSERT INTO course (title, language, join_code, version, created_at,"
                    " updated_at) VALUES ('Spring', 'en', 'ABCDEF', 1, :now, :now) RETURNING id"
                ),
                {"now": now},
            ).scalar_one()
        upgrade(blank)
        with reading(blank) as session:
            course = courses.get_course(session, course_id=course_id)
        assert (course.closed, course.frozen) == (False, False)
        assert _join(blank, "ABCDEF", "Anna").participant == "Anna"
    finally:
        blank.dispose()
