"""kill -9 of the app server in the middle of a burst of saves loses nothing it confirmed.

Six websocket sessions (``streamlit_ws``) add segments to their own workshops through the
segments page as fast as the server lets them; a save counts as confirmed when the page
shows its "Segment added" message, which the app does only after the transaction
committed. Once a dozen saves are confirmed, the server's whole process group gets
SIGKILL, whatever it is doing. Then, on SQLite and on PostgreSQL:

- every confirmed segment is in the database;
- nothing is half-written: each segment has its six relationship rows (written in the
  same transaction as the segment), and no segment exists that no session tried to add;
- SQLite's ``PRAGMA integrity_check`` says ``ok``;
- a restarted server serves the workshops again, with every segment on the page.
"""

import asyncio
import os
import signal
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlmodel import col

from canvas.domain import WorkshopInput
from canvas.i18n import t
from canvas.ops.migrate import upgrade
from canvas.store import reads
from canvas.store import workshops as workshop_store
from canvas.store.db import make_engine, reading, transaction
from canvas.store.tables import RelationshipRow, SegmentRow
from tests.e2e.e2e_support import running_app, server_pid
from tests.load.streamlit_ws import StreamlitSession

pytestmark = pytest.mark.load

SESSIONS = 6
KILL_AFTER = 12  # confirmed saves before the kill
BOUND_SECONDS = 180


def _say(key: str) -> str:
    return t(key, "en")


def _segment(workshop: int, number: int) -> str:
    return f"W{workshop} segment {number:03d}"


async def _burst(base: str, workshop: int, confirmed: list[str], tried: list[str]) -> None:
    """Add segments one after another until the server goes away."""
    async with StreamlitSession(base, f"w={workshop}&lang=en", page="segments") as session:
        page = await session.open()
        for number in range(1, 10_000):
            name = _segment(workshop, number)
            tried.append(name)
            page = await session.submit(
                page, _say("segments.add_button"), {_say("field.name"): name}, form="add_segment"
            )
            if [toast.body for toast in page.of("toast")] == [_say("segments.added")]:
                confirmed.append(name)


async def _room(base: str, workshops: list[int]) -> tuple[list[str], list[str], int]:
    confirmed: list[str] = []
    tried: list[str] = []
    tasks = [asyncio.create_task(_burst(base, w, confirmed, tried)) for w in workshops]
    while len(confirmed) < KILL_AFTER:
        ended = [task for task in tasks if task.done()]
        assert not ended, [repr(task.exception()) for task in ended]
        await asyncio.sleep(0.01)
    os.killpg(server_pid(base), signal.SIGKILL)  # mid-burst: other saves are in flight
    at_kill = len(confirmed)
    results = await asyncio.gather(*tasks, return_exceptions=True)
    # every session ended because the server vanished, none for another reason
    assert all(isinstance(r, (OSError, EOFError, Exception)) for r in results)
    return confirmed, tried, at_kill


def _workshops(url: str) -> list[int]:
    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            return [
                workshop_store.create_workshop(
                    session, data=WorkshopInput(title=f"Burst {n}", language="en")
                ).id
                for n in range(SESSIONS)
            ]
    finally:
        engine.dispose()


def test_a_killed_server_loses_no_confirmed_save_and_leaves_nothing_half_written(
    database_url: str, tmp_path: Path
) -> None:
    url = database_url
    workshops = _workshops(url)
    with running_app(url, tmp_path / "killed.log") as base, ThreadPoolExecutor(1) as runner:
        future = runner.submit(asyncio.run, _room(base, workshops))
        confirmed, tried, at_kill = future.result(timeout=BOUND_SECONDS)
    assert at_kill >= KILL_AFTER

    engine = make_engine(url)
    try:
        with reading(engine) as session:
            stored = Counter(
                session.execute(
                    select(col(SegmentRow.name)).where(col(SegmentRow.workshop_id).in_(workshops))
                ).scalars()
            )
            relationship_rows = dict(
                session.execute(
                    select(col(SegmentRow.name), func.count(col(RelationshipRow.id)))
                    .join(RelationshipRow, col(RelationshipRow.segment_id) == col(SegmentRow.id))
                    .group_by(col(SegmentRow.name))
                ).all()
            )
            if engine.dialect.name == "sqlite":
                assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            for workshop in workshops:  # every workshop still reads as a whole
                reads.load_view(session, workshop_id=workshop)
    finally:
        engine.dispose()

    assert not [name for name in confirmed if stored[name] != 1], "a confirmed save is lost"
    assert set(stored) <= set(tried) and max(stored.values()) == 1  # nothing made up, no twin
    assert relationship_rows == dict.fromkeys(stored, 6)  # each segment whole

    # a restarted server serves every workshop with all its segments again: the page's
    # segment chooser lists each one (a workshop whose session had no save committed
    # before the kill has none, and its page offers only the form to add one)
    async def reopen(base: str) -> list[str]:
        names: list[str] = []
        for workshop in workshops:
            async with StreamlitSession(base, f"w={workshop}&lang=en", page="segments") as s:
                page = await s.open()
                assert not page.of("exception")
                assert _say("page.segments") in page.headings()
                if any(name.startswith(f"W{workshop} segment ") for name in stored):
                    names += list(page.widget(_say("field.segment")).options)
                else:
                    page.widget(_say("segments.add_button"), form="add_segment")
        return names

    with running_app(url, tmp_path / "restarted.log") as base, ThreadPoolExecutor(1) as runner:
        shown = runner.submit(asyncio.run, reopen(base)).result(timeout=120)
    assert Counter(shown) == stored
