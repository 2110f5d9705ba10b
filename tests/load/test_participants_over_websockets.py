"""Fifty participants in one room, each a real session of a running app, all at once.

Two ``streamlit run`` servers in course mode share one PostgreSQL database, as two
replicas behind a proxy would. Fifty websocket clients (``streamlit_ws``), half on each
server, do what a participant's browser does: open the join page, join with the code and
their name, add two segments through the segments page's form and then rename the first
one through its edit form. That is 150 saves through the pages' own code, under
optimistic locking, while the other 49 sessions save too. Afterwards every save the page
confirmed must be in the database exactly once: fifty workshops, one per participant,
each with exactly its own two segments, the first one renamed once (version 2).

The run is bounded: the whole room must finish within ``BOUND_SECONDS`` or the test fails
instead of hanging (a bound against hangs, not a speed figure; ``make bench`` measures).
"""

import asyncio
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import col

from canvas.i18n import t
from canvas.store.db import make_engine, reading
from canvas.store.tables import SegmentRow, WorkshopRow
from tests.e2e.e2e_support import running_app
from tests.load.streamlit_ws import Run, StreamlitSession

pytestmark = [pytest.mark.postgres, pytest.mark.load]

PARTICIPANTS = 50
SERVERS = 2
BOUND_SECONDS = 240
LANG = "en"


def _say(key: str) -> str:
    return t(key, LANG)


def _name(participant: int) -> str:
    return f"Participant {participant:02d}"


def _segment(participant: int, number: int) -> str:
    return f"P{participant:02d} segment {number}"


def _renamed(participant: int) -> str:
    return f"P{participant:02d} renamed"


def _saved(run: Run, heading: str, confirmation: str | None) -> Run:
    """The run ended on ``heading``, confirmed the save, and showed no error or exception."""
    assert not run.errors(), run.errors()
    assert heading in run.headings(), run.headings()
    if confirmation is not None:
        assert [toast.body for toast in run.of("toast")] == [confirmation]
    return run


async def _participant(base: str, participant: int, code: str) -> str:
    """One participant's session from the join page to a renamed segment; returns its key."""
    async with StreamlitSession(base, f"lang={LANG}") as session:
        page = await session.open()
        assert _say("page.join") in page.headings()
        page = await session.submit(
            page,
            _say("join.button"),
            {_say("field.code"): code, _say("field.display_name"): _name(participant)},
            form="join",
        )
        # joining opens the participant's own workshop at the segments step, by its key
        page = _saved(page, _say("page.segments"), None)
        token = dict(p.split("=", 1) for p in session.query.split("&")).get("k", "")
        assert token, session.query
        for number in (1, 2):
            page = await session.submit(
                page,
                _say("segments.add_button"),
                {_say("field.name"): _segment(participant, number)},
                form="add_segment",
            )
            _saved(page, _say("page.segments"), _say("segments.added"))
        # the edit form shows the first segment, at its first version
        page = await session.submit(
            page,
            _say("segments.save"),
            {_say("field.name"): _renamed(participant), _say("field.customers"): participant + 1},
            form="edit-",
        )
        _saved(page, _say("page.segments"), _say("segments.saved"))
        return token


async def _room(bases: list[str], code: str) -> list[str | BaseException]:
    sessions = [_participant(bases[p % len(bases)], p, code) for p in range(PARTICIPANTS)]
    return await asyncio.wait_for(asyncio.gather(*sessions, return_exceptions=True), BOUND_SECONDS)


def test_fifty_participant_sessions_on_two_servers_lose_and_duplicate_no_save(
    course: tuple[str, int, str], tmp_path: Path
) -> None:
    url, course_id, code = course
    env = {"TRAINER_PASSWORD": "load test trainer password"}
    # the clients' event loop gets a thread of its own: Playwright's sync API, used by
    # the e2e tests in this process, may hold this thread's loop
    with (
        running_app(url, tmp_path / "one.log", env=env) as one,
        running_app(url, tmp_path / "two.log", env=env) as two,
        ThreadPoolExecutor(max_workers=1) as runner,
    ):
        outcomes = runner.submit(asyncio.run, _room([one, two], code)).result()
    failures = [o for o in outcomes if isinstance(o, BaseException)]
    assert not failures, [repr(f) for f in failures[:5]]
    assert len(set(outcomes)) == PARTICIPANTS  # a private key each

    engine = make_engine(url)
    try:
        with reading(engine) as session:
            workshops = dict(
                session.execute(
                    select(col(WorkshopRow.id), col(WorkshopRow.participant)).where(
                        col(WorkshopRow.course_id) == course_id
                    )
                ).all()
            )
            rows = session.execute(
                select(
                    col(SegmentRow.workshop_id),
                    col(SegmentRow.name),
                    col(SegmentRow.customers),
                    col(SegmentRow.version),
                )
            ).all()
    finally:
        engine.dispose()

    # one workshop per participant: fifty joins, none lost, none twice
    assert Counter(workshops.values()) == Counter(_name(p) for p in range(PARTICIPANTS))
    # every workshop holds its own participant's two segments, the first renamed once
    expected = Counter()
    for p in range(PARTICIPANTS):
        expected[(_name(p), _renamed(p), p + 1, 2)] += 1
        expected[(_name(p), _segment(p, 2), None, 1)] += 1
    found = Counter(
        (workshops.get(workshop), name, customers, version)
        for workshop, name, customers, version in rows
    )
    assert found == expected
    assert len(rows) == 2 * PARTICIPANTS
