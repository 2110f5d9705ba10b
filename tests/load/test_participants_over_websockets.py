"""Two hundred participants in one room, through nginx, each a real session, all at once.

The shipped nginx configuration (``deploy/nginx/customer-relationships.conf``) runs in
front of two ``streamlit run`` servers in course mode on one PostgreSQL database, as a
course is deployed. The trainer logs in first and watches the course gallery, ticking like
the browser's timer does. Then two hundred websocket clients (``classroom_ws``) each load
the page through nginx (which sets their route cookie), open the join page over a
websocket carrying that cookie, join with the code and their name, and add a segment
through the segments page's form, all at the same time.

Afterwards every save the page confirmed must be in the database exactly once (two hundred
workshops, one per participant, each with its own one segment), nginx's access log must
show each participant's page load and websocket on one and the same app server (both
servers in use), and the trainer's gallery, with nobody clicking, must show all two
hundred with their segment. How long that took after the last save is a benchmark figure
(``benchmarks/nginx_bench.py``); here the bounds only stop a hang.
"""

import asyncio
import os
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import AsyncExitStack, ExitStack
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import col

from canvas.store.db import make_engine, reading
from canvas.store.tables import SegmentRow, WorkshopRow
from tests.e2e.e2e_support import running_app
from tests.e2e.nginx_support import nginx_missing, running_nginx
from tests.load.classroom_ws import (
    Participant,
    join,
    participant_name,
    segment_name,
    trainer,
)

pytestmark = [pytest.mark.postgres, pytest.mark.load]

PARTICIPANTS = 200
BOUND_SECONDS = 480  # the whole room: joins and saves (a hang guard; ~100 s on 2 cores)
GALLERY_BOUND_SECONDS = 60  # after the last save, for the trainer's gallery to show them all
PASSWORD = "load test trainer password"


async def _participant(stack: AsyncExitStack, base: str, number: int, code: str) -> Participant:
    joined = await join(stack, base, number, code)
    await joined.add_segment(1)
    return joined


async def _room(base: str, code: str) -> tuple[list[Participant | BaseException], bool]:
    """Every participant's outcome, and whether the gallery showed all of them."""
    everyone = {participant_name(p): 1 for p in range(PARTICIPANTS)}
    async with AsyncExitStack() as stack:
        watching = await trainer(stack, base, PASSWORD)
        watch = asyncio.create_task(watching.watch(lambda rows: rows == everyone))
        sessions = [_participant(stack, base, p, code) for p in range(PARTICIPANTS)]
        outcomes = await asyncio.wait_for(
            asyncio.gather(*sessions, return_exceptions=True), BOUND_SECONDS
        )
        try:
            await asyncio.wait_for(watch, GALLERY_BOUND_SECONDS)
            shown = True
        except TimeoutError:
            shown = False
        return outcomes, shown


def test_two_hundred_participants_through_nginx_lose_no_save_and_all_reach_the_trainers_gallery(
    course: tuple[str, int, str], tmp_path: Path
) -> None:
    missing = nginx_missing()
    if missing is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"nginx is required in CI: {missing}", pytrace=False)
        pytest.skip(missing)
    url, course_id, code = course
    env = {"TRAINER_PASSWORD": PASSWORD}
    # the clients' event loop gets a thread of its own: Playwright's sync API, used by
    # the e2e tests in this process, may hold this thread's loop
    with ExitStack() as stack:
        one = stack.enter_context(running_app(url, tmp_path / "one.log", env=env))
        two = stack.enter_context(running_app(url, tmp_path / "two.log", env=env))
        proxy = stack.enter_context(running_nginx([one, two], tmp_path / "nginx"))
        runner = stack.enter_context(ThreadPoolExecutor(max_workers=1))
        outcomes, shown = runner.submit(asyncio.run, _room(proxy.url, code)).result()
        logged = proxy.requests()  # the sessions are closed: their websockets are logged
    failures = [o for o in outcomes if isinstance(o, BaseException)]
    assert not failures, [repr(f) for f in failures[:5]]
    joined = [o for o in outcomes if isinstance(o, Participant)]
    assert len({p.token for p in joined}) == PARTICIPANTS  # a private key each
    assert shown, "the trainer's gallery did not show all participants with their segment"

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
                select(col(SegmentRow.workshop_id), col(SegmentRow.name), col(SegmentRow.version))
            ).all()
    finally:
        engine.dispose()
    # one workshop per participant: two hundred joins, none lost, none twice
    assert Counter(workshops.values()) == Counter(participant_name(p) for p in range(PARTICIPANTS))
    # each workshop holds its own participant's one segment, at its first version
    expected = Counter((participant_name(p), segment_name(p, 1), 1) for p in range(PARTICIPANTS))
    found = Counter((workshops.get(w), name, version) for w, name, version in rows)
    assert found == expected

    # each participant's page load and websocket reached one server, the one nginx chose
    # first; the two servers shared the room
    servers: dict[str, set[str]] = defaultdict(set)
    streams = Counter()
    for request in logged:
        servers[request.route].add(request.upstream)
        if request.uri == "/_stcore/stream" and request.status == 101:
            streams[request.route] += 1
    for participant in joined:
        assert servers[participant.visit.route] == {participant.visit.upstream}
        assert streams[participant.visit.route] == 1
    assert {p.visit.upstream for p in joined} == {
        one.removeprefix("http://"),
        two.removeprefix("http://"),
    }
