"""Server memory per open session: a room of ``PARTICIPANTS`` on two app servers.

Two ``streamlit run app.py`` servers in course mode share one PostgreSQL database
(``tests/postgres_support.running_postgres``, migrated first), as two replicas behind a
proxy would. Websocket clients (``tests/load/streamlit_ws.py``), half on each server, do
what a participant's browser does on arrival: open the join page, join the course with
its code and a name of their own, and land on their workshop's first step; then they stay
connected. Each server's resident memory (``VmRSS`` in ``/proc/<pid>/status``) is read
with no session open and again with all of them open, and its peak (``VmHWM``) at the
end:

    MB per open session = (RSS with the sessions - RSS idle) / sessions on that server

"Idle" is read after one warm-up participant has joined and left, so the modules and
caches that the first visitor loads once per process are not spread over the sessions
(the fresh server's memory, before that visitor, is reported too).

The floor is measured in the same run the same way: a bare Streamlit app (one
``st.write``) on two servers holding the same number of sessions, so the app's cost per
session is also printed as a multiple of what Streamlit itself costs.

The clients do not run the pages' live fragment (a browser's timer asks for it every
second); a tick keeps nothing in memory, so the figure is the same.
"""

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Any

PARTICIPANTS = 200
SERVERS = 2
PASSWORD = "benchmark session memory"
OPENING_AT_ONCE = 8  # sessions opening at the same moment on one server, as people trickle in
BOUND_SECONDS = 300  # the whole room must have joined by then, or the benchmark stops
FLOOR_APP = "import streamlit as st\n\nst.write('A bare page')\n"
LANG = "en"

Opener = Callable[[str, int], Awaitable[Any]]


def _participant_opener(code: str) -> Opener:
    """Opens one participant's session on ``base``: joins as participant ``number``."""
    from canvas.i18n import t
    from tests.load.streamlit_ws import StreamlitSession

    async def joined(base: str, number: int) -> StreamlitSession:
        session = StreamlitSession(base, f"lang={LANG}", timeout=120)
        await session.__aenter__()
        try:
            page = await session.open()
            page = await session.submit(
                page,
                t("join.button", LANG),
                {t("field.code", LANG): code, t("field.display_name", LANG): f"Person {number}"},
                form="join",
            )
            # joining opens the participant's own workshop at its first step
            if page.errors() or t("page.segments", LANG) not in page.headings():
                raise RuntimeError(f"participant {number}: {page.errors() or page.headings()}")
        except BaseException:
            await session.__aexit__()
            raise
        return session

    return joined


async def _bare(base: str, number: int) -> Any:
    """Opens one session of the bare app."""
    from tests.load.streamlit_ws import StreamlitSession

    session = StreamlitSession(base, "", timeout=120)
    await session.__aenter__()
    try:
        run = await session.open()
        if run.errors() or not run.of("markdown"):
            raise RuntimeError(f"bare session {number}: {run.errors() or run.elements}")
    except BaseException:
        await session.__aexit__()
        raise
    return session


async def _room(bases: list[str], opener: Opener, sessions: int) -> list[dict[str, Any]]:
    """Warm each server up, read its idle memory, open ``sessions`` split over the
    servers, read the memory with them open, then close them all."""
    from benchmarks.server_bench import memory_mb
    from tests.e2e.e2e_support import server_pid

    pids = [server_pid(base) for base in bases]
    fresh = [memory_mb(pid, "VmRSS") for pid in pids]
    for index, base in enumerate(bases):  # one visitor each, gone again
        warm = await opener(base, -1 - index)
        await warm.__aexit__()
    idle = [memory_mb(pid, "VmRSS") for pid in pids]
    gates = [asyncio.Semaphore(OPENING_AT_ONCE) for _ in bases]

    async def one(number: int) -> Any:
        server = number % len(bases)
        async with gates[server]:
            return await opener(bases[server], number)

    opened = await asyncio.wait_for(
        asyncio.gather(*(one(n) for n in range(sessions)), return_exceptions=True),
        BOUND_SECONDS,
    )
    try:
        failures = [o for o in opened if isinstance(o, BaseException)]
        if failures:
            raise RuntimeError(f"{len(failures)} sessions failed to open: {failures[0]!r}")
        after = [memory_mb(pid, "VmRSS") for pid in pids]
        peak = [memory_mb(pid, "VmHWM") for pid in pids]
    finally:
        for session in opened:
            if not isinstance(session, BaseException):
                await session.__aexit__()
    figures = []
    for index in range(len(bases)):
        held = len(range(index, sessions, len(bases)))
        figures.append(
            {
                "sessions": held,
                "rss_fresh_mb": fresh[index],
                "rss_idle_mb": idle[index],
                "rss_with_sessions_mb": after[index],
                "peak_rss_mb": peak[index],
                "mb_per_session": round((after[index] - idle[index]) / held, 3),
            }
        )
    return figures


def _summary(servers: list[dict[str, Any]]) -> dict[str, Any]:
    grown = sum(s["rss_with_sessions_mb"] - s["rss_idle_mb"] for s in servers)
    sessions = sum(s["sessions"] for s in servers)
    return {
        "sessions": sessions,
        "servers": servers,
        "mb_per_session": round(grown / sessions, 3),
    }


def _course(url: str) -> str:
    """Migrate the database at ``url`` and open a course in it; its join code."""
    from canvas.domain.course import CourseInput
    from canvas.ops.migrate import upgrade
    from canvas.store import courses
    from canvas.store.db import make_engine, transaction

    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            course = courses.create_course(session, data=CourseInput(title="Room", language=LANG))
    finally:
        engine.dispose()
    return course.join_code


def measure_session_memory(participants: int = PARTICIPANTS) -> dict[str, Any]:
    """MB per open session and each server's peak, for the app and for a bare page."""

    from tests.e2e.e2e_support import running_app
    from tests.postgres_support import PostgresUnavailable, running_postgres

    started = time.perf_counter()
    directory = Path(tempfile.mkdtemp(prefix="crmemory-"))
    floor_script = directory / "bare.py"
    floor_script.write_text(FLOOR_APP, encoding="utf-8")
    try:
        with running_postgres() as server, server.scratch_database("memory") as url:
            code = _course(url)
            env = {"TRAINER_PASSWORD": PASSWORD}

            def room(script: Path | None, opener: Opener) -> list[dict[str, Any]]:
                with ExitStack() as servers, ThreadPoolExecutor(max_workers=1) as runner:
                    bases = [
                        servers.enter_context(
                            running_app(url, directory / f"s{n}.log", env=env, script=script)
                        )
                        for n in range(SERVERS)
                    ]
                    # a thread of its own for the clients' event loop: Playwright's sync
                    # API, used earlier in make bench's process, may hold this thread's
                    return runner.submit(asyncio.run, _room(bases, opener, participants)).result()

            app = room(None, _participant_opener(code))
            floor = room(floor_script, _bare)
    except PostgresUnavailable as missing:
        return {"skipped": f"no PostgreSQL server: {missing}"}
    result = {**_summary(app), "floor": _summary(floor)}
    floor_mb = result["floor"]["mb_per_session"]
    # (a floor too small to read would make the ratio meaningless, not infinite)
    result["times_floor"] = round(result["mb_per_session"] / floor_mb, 1) if floor_mb > 0 else None
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def print_session_memory(figures: dict[str, Any]) -> None:
    if "skipped" in figures:
        print(f"\nServer memory per open session: skipped ({figures['skipped']})")
        return
    floor = figures["floor"]
    print(
        f"\nServer memory per open session: {figures['sessions']} participants joined and "
        f"on their workshop, over {len(figures['servers'])} course-mode servers on PostgreSQL"
    )
    for number, server in enumerate(figures["servers"], start=1):
        print(
            f"  server {number}: {server['mb_per_session']:.3f} MB a session over "
            f"{server['sessions']} sessions, peak {server['peak_rss_mb']:.1f} MB\n"
            f"    ({server['rss_fresh_mb']:.1f} MB fresh, {server['rss_idle_mb']:.1f} MB idle "
            f"after one visitor, {server['rss_with_sessions_mb']:.1f} MB with the sessions open)"
        )
    print(
        f"  floor, a bare page (one st.write), the same {floor['sessions']} sessions: "
        f"{floor['mb_per_session']:.3f} MB a session (peaks "
        + ", ".join(f"{s['peak_rss_mb']:.1f}" for s in floor["servers"])
        + " MB)"
    )
    ratio = figures["times_floor"]
    times = f"{ratio:.1f} × the floor" if ratio is not None else "the floor too small to compare"
    print(
        f"  the app: {figures['mb_per_session']:.3f} MB a session, {times} "
        f"({figures['seconds']:.0f} s for all of it)"
    )


if __name__ == "__main__":
    print_session_memory(measure_session_memory())
