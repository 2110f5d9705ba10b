"""The live classroom as deployed, at the size of a big room: through the shipped nginx
configuration in front of two ``streamlit run`` servers on one PostgreSQL database,
``PARTICIPANTS`` websocket sessions (``tests/load/classroom_ws.py``) save at once while
the trainer's session watches the course gallery, ticking like the browser's timer.

The figure: from the last participant's save (the latest ``updated_at`` the app servers
stamped on the course's workshops as they committed) to the moment the trainer's page
showing all of them arrived, with nobody clicking on the trainer's side; the median of
``ROUNDS`` rounds (round one: everyone joins and adds a segment; each later round:
everyone adds one more). Both are wall-clock times on this one machine. Budget: 3 s, as
for one participant in ``live_browser_bench``.

The participants' 200 websocket clients run here, on the app servers' two cores; on a
course they are 200 devices. Their thread therefore runs at a lower CPU priority, and the
trainer's client has a thread and event loop of its own at normal priority (sharing the
participants' loop, its ticks waited behind their messages: 6–7 s instead of under one).
The CPU time each side used is printed beside the figure.

Also printed: the same from the moment the last participant's page confirmed its save.
That one can be negative: under the load of the whole room a page's run goes on drawing
for seconds after its commit, and the trainer's tick may show the news first.
"""

import asyncio
import os
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import AsyncExitStack, ExitStack
from dataclasses import dataclass
from pathlib import Path
from queue import Queue
from typing import Any

PARTICIPANTS = 200
ROUNDS = 3
BUDGET_S = 3.0
PASSWORD = "benchmark nginx trainer"
ROUND_BOUND_S = 300  # a round that takes longer than this has hung
CLIENT_NICE = 10  # the participants' clients yield the CPU to the app servers (see _rounds)


def _last_save(url: str, course_id: int) -> float:
    """When the course's last save was stamped (``time.time()`` scale)."""
    from sqlalchemy import func, select
    from sqlmodel import col

    from canvas.store.db import make_engine, reading
    from canvas.store.tables import WorkshopRow

    engine = make_engine(url)
    try:
        with reading(engine) as session:
            stamp = session.execute(
                select(func.max(col(WorkshopRow.updated_at))).where(
                    col(WorkshopRow.course_id) == course_id
                )
            ).scalar_one()
    finally:
        engine.dispose()
    return float(stamp.timestamp())


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class _TrainerLink:
    """What the participants' side and the trainer's thread pass each other."""

    rounds: Queue[dict[str, int] | None]  # what the gallery must show; None: the end
    shown: Queue[float]  # when the trainer's page showed it
    server_pids: list[int]


def _watch_as_trainer(base: str, rounds: Queue[dict[str, int] | None], shown: Queue[float]) -> None:
    """The trainer's browser: logs in, then for each round ticks until the gallery shows
    what the round wants, and reports when. A thread and event loop of its own, at normal
    priority, as the trainer's laptop is a machine of its own."""
    from tests.load.classroom_ws import trainer

    async def watch() -> None:
        async with AsyncExitStack() as stack:
            watching = await trainer(stack, base, PASSWORD)
            shown.put(time.time())  # logged in
            while (everyone := await asyncio.to_thread(rounds.get)) is not None:
                shown.put(await watching.watch(lambda rows, e=everyone: rows == e))

    asyncio.run(watch())


async def _participants_rounds(
    base: str, url: str, course_id: int, code: str, participants: int, trainer: _TrainerLink
) -> list[dict[str, float]]:
    from tests.load.classroom_ws import Participant, join, participant_name

    measured = []
    async with AsyncExitStack() as stack:
        room: list[Participant] = []
        for round_ in range(1, ROUNDS + 1):
            everyone = {participant_name(p): round_ for p in range(participants)}
            trainer.rounds.put(everyone)
            servers_before = [_cpu_seconds(pid) for pid in trainer.server_pids]
            client_before = time.thread_time()
            start = time.time()
            if round_ == 1:

                async def first(number: int) -> Participant:
                    joined = await join(stack, base, number, code)
                    await joined.add_segment(1)
                    return joined

                saves = [first(p) for p in range(participants)]
                room = list(await asyncio.wait_for(asyncio.gather(*saves), ROUND_BOUND_S))
            else:
                more = [p.add_segment(round_) for p in room]
                await asyncio.wait_for(asyncio.gather(*more), ROUND_BOUND_S)
            last_confirmed = max(p.confirmed_at[-1] for p in room)
            client_cpu = time.thread_time() - client_before
            servers_cpu = sum(
                _cpu_seconds(pid) - before
                for pid, before in zip(trainer.server_pids, servers_before, strict=True)
            )
            shown = await asyncio.to_thread(trainer.shown.get, True, ROUND_BOUND_S)
            last_save = await asyncio.to_thread(_last_save, url, course_id)
            measured.append(
                {
                    "saves_s": last_confirmed - start,
                    "lag_s": shown - last_save,
                    "after_confirmation_s": shown - last_confirmed,
                    "servers_cpu_s": servers_cpu,
                    "clients_cpu_s": client_cpu,
                }
            )
    return measured


def _rounds(
    base: str, url: str, course_id: int, code: str, participants: int, server_pids: list[int]
) -> list[dict[str, float]]:
    """The rounds, with the 200 participants' clients in a thread of lower CPU priority.

    On a real course the participants' browsers run on 200 phones and laptops; here their
    websocket clients share the app servers' two cores. Lowering their thread's priority
    (``nice`` 10, Linux sets it per thread) lets the app servers go first, as they would
    with the clients elsewhere; the trainer's client keeps normal priority. The CPU each
    side used is printed beside the figure.
    """
    link = _TrainerLink(Queue(), Queue(), server_pids)
    trainer_thread = threading.Thread(
        target=_watch_as_trainer, args=(base, link.rounds, link.shown), daemon=True
    )
    trainer_thread.start()
    link.shown.get(timeout=ROUND_BOUND_S)  # the trainer is logged in and on the gallery

    def participants_side() -> list[dict[str, float]]:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), CLIENT_NICE)
        return asyncio.run(_participants_rounds(base, url, course_id, code, participants, link))

    try:
        with ThreadPoolExecutor(max_workers=1) as runner:
            return runner.submit(participants_side).result()
    finally:
        link.rounds.put(None)
        trainer_thread.join(timeout=60)


def measure_nginx_room(participants: int = PARTICIPANTS) -> dict[str, Any]:
    """Median seconds from the last save to the trainer's complete gallery, through nginx."""

    from canvas.domain.course import CourseInput
    from canvas.ops.migrate import upgrade
    from canvas.store import courses
    from canvas.store.db import make_engine, transaction
    from tests.e2e.e2e_support import running_app, server_pid
    from tests.e2e.nginx_support import NGINX, running_nginx
    from tests.postgres_support import PostgresUnavailable, running_postgres

    if not NGINX.is_file():
        return {"skipped": f"no nginx at {NGINX}"}
    folder = Path(tempfile.mkdtemp(prefix="crnginx-"))
    env = {"TRAINER_PASSWORD": PASSWORD}
    try:
        with ExitStack() as stack:
            server = stack.enter_context(running_postgres())
            url = stack.enter_context(server.scratch_database("bench_nginx"))
            engine = make_engine(url)
            try:
                upgrade(engine)
                with transaction(engine) as session:
                    course = courses.create_course(
                        session, data=CourseInput(title="Big room", language="en")
                    )
            finally:
                engine.dispose()
            one = stack.enter_context(running_app(url, folder / "one.log", env=env))
            two = stack.enter_context(running_app(url, folder / "two.log", env=env))
            proxy = stack.enter_context(running_nginx([one, two], folder / "nginx"))
            # event loops of their own: the Chromium benchmarks' Playwright may hold this one
            pids = [server_pid(one), server_pid(two)]
            rounds = _rounds(proxy.url, url, course.id or 0, course.join_code, participants, pids)
    except PostgresUnavailable as missing:
        return {"skipped": str(missing)}
    lags = [r["lag_s"] for r in rounds]
    return {
        "participants": participants,
        "servers": 2,
        "rounds": len(rounds),
        "save_to_full_gallery_median_s": round(statistics.median(lags), 3),
        "save_to_full_gallery_s": [round(lag, 3) for lag in lags],
        "confirmation_to_full_gallery_median_s": round(
            statistics.median(r["after_confirmation_s"] for r in rounds), 3
        ),
        "round_saves_s": [round(r["saves_s"], 1) for r in rounds],
        "servers_cpu_s": [round(r["servers_cpu_s"], 1) for r in rounds],
        "participant_clients_cpu_s": [round(r["clients_cpu_s"], 1) for r in rounds],
        "participant_clients_nice": CLIENT_NICE,
        "budget_s": BUDGET_S,
    }


def print_nginx_room(figures: dict[str, Any]) -> None:
    if "skipped" in figures:
        print(f"\nThe room through nginx: skipped ({figures['skipped']})")
        return
    each = ", ".join(f"{lag:.2f}" for lag in figures["save_to_full_gallery_s"])
    saves = ", ".join(f"{s:.0f}" for s in figures["round_saves_s"])
    servers = ", ".join(f"{s:.0f}" for s in figures["servers_cpu_s"])
    clients = ", ".join(f"{s:.1f}" for s in figures["participant_clients_cpu_s"])
    print(
        f"\nThe room through nginx, {figures['participants']} participants on "
        f"{figures['servers']} app servers, median of {figures['rounds']} rounds:\n"
        f"  last participant's save to the trainer's gallery showing all of them: "
        f"{figures['save_to_full_gallery_median_s']:.2f} s (budget {figures['budget_s']:.0f} s;"
        f" rounds: {each} s)\n"
        f"  the same from the last page's confirmation of its save: "
        f"{figures['confirmation_to_full_gallery_median_s']:.2f} s\n"
        f"  the rounds' saves themselves took {saves} s from the first to the last\n"
        f"  CPU per round: app servers {servers} s, "
        f"the {figures['participants']} participants' clients {clients} s"
        f" (their thread at nice {figures['participant_clients_nice']})"
    )


if __name__ == "__main__":
    from benchmarks.quiet import quiet_streamlit

    quiet_streamlit()
    print_nginx_room(measure_nginx_room())
