"""Fifty participants of one course saving at the same time on PostgreSQL.

Each participant is a thread of its own that does what the join page and the segments
page do on a save: one transaction joins the course with the code
(``courses.join_course``), then one transaction per segment adds it
(``segments.add_segment``, which also bumps the workshop's revision and sends the
NOTIFY). All fifty start together, on two engines as two app servers would have, so the
transactions really overlap in the database. Afterwards every save must be there
exactly once: fifty workshops in the course, one per participant, each with exactly its
own segments, counted row by row in the database.

This is the store's half of the room; test_participants_over_websockets.py drives the
same room through the pages, as fifty websocket sessions of two running servers. (AppTest
sessions in threads cannot: AppTest keeps global state per run, and with several runs at
once Streamlit's forms lose their widgets, which a real server does not do.)

The run is bounded: every session must finish within ``BOUND_SECONDS`` or the test
fails instead of hanging (a bound against hangs, not a speed figure).
"""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor, wait
from threading import Barrier

import pytest
from sqlalchemy import Engine, func, select
from sqlmodel import col

from canvas.domain import SegmentInput
from canvas.domain.course import JoinRequest
from canvas.store import courses, segments
from canvas.store.db import make_engine, reading, transaction
from canvas.store.tables import SegmentRow, WorkshopRow

pytestmark = [pytest.mark.postgres, pytest.mark.load]

PARTICIPANTS = 50
SEGMENTS_EACH = 4
SERVERS = 2
BOUND_SECONDS = 120


def _name(participant: int) -> str:
    return f"Participant {participant:02d}"


def _segment(participant: int, number: int) -> str:
    return f"P{participant:02d} segment {number}"


def _session(engine: Engine, participant: int, code: str, start: Barrier) -> tuple[int, str]:
    """One participant: join, then add ``SEGMENTS_EACH`` segments, a transaction each."""
    start.wait()  # every session starts at once
    with transaction(engine) as session:
        workshop = courses.join_course(
            session, request=JoinRequest(code=code, display_name=_name(participant))
        )
    for number in range(1, SEGMENTS_EACH + 1):
        with transaction(engine) as session:
            segments.add_segment(
                session,
                workshop_id=workshop.id,
                data=SegmentInput(name=_segment(participant, number)),
            )
    return workshop.id, workshop.access_token


def test_fifty_participants_saving_at_once_lose_and_duplicate_nothing(
    course: tuple[str, int, str],
) -> None:
    url, course_id, code = course
    # Two app servers, each with its own engine and the default pool (5 + 10 overflow):
    # 25 sessions per server compete for its connections, as in a full room.
    engines = [make_engine(url) for _ in range(SERVERS)]
    start = Barrier(PARTICIPANTS)
    try:
        with ThreadPoolExecutor(max_workers=PARTICIPANTS) as pool:
            futures = [
                pool.submit(_session, engines[p % SERVERS], p, code, start)
                for p in range(PARTICIPANTS)
            ]
            _done, not_done = wait(futures, timeout=BOUND_SECONDS)
            for future in not_done:
                future.cancel()
        assert not not_done, f"{len(not_done)} sessions did not finish in {BOUND_SECONDS} s"
        joined = [future.result() for future in futures]  # re-raises a session's failure
    finally:
        for engine in engines:
            engine.dispose()
    # every participant got a workshop and a private key of their own
    assert len({workshop for workshop, _ in joined}) == PARTICIPANTS
    assert len({token for _, token in joined}) == PARTICIPANTS

    engine = make_engine(url)
    try:
        with reading(engine) as session:
            workshops = session.execute(
                select(col(WorkshopRow.id), col(WorkshopRow.participant)).where(
                    col(WorkshopRow.course_id) == course_id
                )
            ).all()
            per_workshop = dict(
                session.execute(
                    select(col(SegmentRow.workshop_id), func.count()).group_by(
                        col(SegmentRow.workshop_id)
                    )
                ).all()
            )
            names = session.execute(
                select(col(WorkshopRow.participant), col(SegmentRow.name)).join(
                    SegmentRow, col(SegmentRow.workshop_id) == col(WorkshopRow.id)
                )
            ).all()
            entries = courses.gallery(session, course_id=course_id)
    finally:
        engine.dispose()

    # One workshop per participant: 50 joins, none lost, none twice.
    assert Counter(p for _, p in workshops) == Counter(_name(p) for p in range(PARTICIPANTS))
    # Exactly 4 segment rows in each workshop and none elsewhere: 50 × 4 = 200 in all.
    assert {w: per_workshop.get(w) for w, _ in workshops} == {
        w: SEGMENTS_EACH for w, _ in workshops
    }
    assert sum(per_workshop.values()) == 200
    # each row is its own participant's segment, every one of them once
    assert Counter(names) == Counter(
        (_name(p), _segment(p, n)) for p in range(PARTICIPANTS) for n in range(1, 5)
    )
    # and the trainer's gallery tells the same story
    assert sorted((e.participant, e.segments) for e in entries) == [
        (_name(p), SEGMENTS_EACH) for p in range(PARTICIPANTS)
    ]
