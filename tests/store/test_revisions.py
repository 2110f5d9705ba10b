"""The revision board: remembered revisions, forgotten on saves, here and on other servers."""

import time

import pytest

from canvas.domain import WorkshopInput
from canvas.store import reads, workshops
from canvas.store.db import make_engine, reading, transaction
from canvas.store.revisions import RevisionBoard, start_listener
from tests.store.listening import wait_until_listening


class CountingRead:
    def __init__(self, value: int) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> int:
        self.calls += 1
        return self.value


def test_a_known_revision_is_answered_without_reading_again():
    board, read = RevisionBoard(), CountingRead(4)
    assert board.get(1, read) == 4
    assert board.get(1, read) == 4
    assert read.calls == 1


def test_forgetting_one_workshop_or_all_makes_the_next_ask_read():
    board, first, second = RevisionBoard(), CountingRead(1), CountingRead(7)
    board.get(1, first)
    board.get(2, second)
    assert board.knows(1) and board.knows(2) and not board.knows(3)
    first.value = 2
    board.forget(1)
    assert board.get(1, first) == 2 and first.calls == 2
    assert board.get(2, second) == 7 and second.calls == 1
    board.forget_all()
    board.get(2, second)
    assert second.calls == 2


def test_the_generation_moves_on_with_every_forgetting_and_not_with_reads():
    board: RevisionBoard[int] = RevisionBoard()
    start = board.generation
    board.get(1, CountingRead(3))
    assert board.generation == start  # reading changes nothing
    board.forget(1)
    board.forget(99)  # even an unknown workshop: a course gallery may hold it
    board.forget_all()
    assert board.generation == start + 3


def _eventually(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_a_save_committed_by_another_server_is_heard_and_a_rolled_back_one_is_not(
    engine, database_url
):
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite serves one process; only PostgreSQL announces changes")
    with transaction(engine) as session:
        workshop = workshops.create_workshop(session, data=WorkshopInput(title="Shared")).id
    board = RevisionBoard()
    listener = start_listener(engine, board)
    assert wait_until_listening(listener)
    other_server = make_engine(database_url)
    try:

        def revision() -> int:
            with reading(engine) as session:
                return reads.workshop_state(session, workshop_id=workshop).revision

        board.get(workshop, revision)
        with pytest.raises(RuntimeError), transaction(other_server) as session:
            workshops.update_workshop(
                session,
                workshop_id=workshop,
                data=WorkshopInput(title="Renamed"),
                expected_version=1,
            )
            raise RuntimeError("the user's action failed after the write")
        # A refused change is never announced (a wait long enough for a NOTIFY to arrive)
        assert not _eventually(lambda: not board.knows(workshop), seconds=1.0)

        with transaction(other_server) as session:
            workshops.update_workshop(
                session,
                workshop_id=workshop,
                data=WorkshopInput(title="Renamed"),
                expected_version=1,
            )
        assert _eventually(lambda: not board.knows(workshop))
        assert board.get(workshop, revision) == 2
    finally:
        assert listener is not None
        listener.stop()
        listener.join(5)
        other_server.dispose()


def test_creating_a_workshop_or_a_course_is_announced_for_the_galleries(engine):
    from canvas.domain.course import CourseInput
    from canvas.store import courses
    from canvas.store.writes import COURSE_LIST, TOUCHED

    with transaction(engine) as session:
        made = workshops.create_workshop(session, data=WorkshopInput(title="New", language="en"))
        assert session.info[TOUCHED] == {made.id}
    with transaction(engine) as session:
        courses.create_course(session, data=CourseInput(title="Spring", language="en"))
        assert session.info[TOUCHED] == {COURSE_LIST}
