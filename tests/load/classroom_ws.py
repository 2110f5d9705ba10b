"""A whole room over websockets through nginx: participants who join and save, and a
trainer whose gallery follows them, each a real session of the app (``streamlit_ws``).

Shared by the load test (``test_participants_over_websockets.py``) and the benchmark
(``benchmarks/nginx_bench.py``). Every client first loads the page over plain HTTP, as a
browser does, and keeps the route cookie nginx sets on that answer; its websocket then
carries the cookie, so the session stays on the app server that served the page. The
trainer's session does what the browser's timer does for the page's live fragment
(``ui.live``): asks for a fragment rerun every tick, and reads the gallery whenever the
fragment reran the whole page.

Times are wall-clock (``time.time()``), the clock the app servers stamp a workshop's
``updated_at`` with at each save, so a client's times compare with a save's own moment.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field

from canvas.i18n import t
from tests.e2e.nginx_support import ROUTE_COOKIE, fetch
from tests.load.streamlit_ws import Run, StreamlitSession

LANG = "en"


def say(key: str) -> str:
    return t(key, LANG)


def participant_name(number: int) -> str:
    return f"Participant {number:03d}"


def segment_name(number: int, round_: int) -> str:
    return f"P{number:03d} segment {round_}"


@dataclass(frozen=True)
class FirstVisit:
    """What a browser keeps from its first page load through nginx."""

    route: str  # the route cookie nginx set
    upstream: str  # the app server that answered (host:port)


async def first_visit(base: str) -> FirstVisit:
    """Load the app's page without a cookie, as a new browser does; keep nginx's cookie."""
    # as long as a run may take (the session's 180 s): with two hundred pages loading at
    # once on two cores, the servers' event loops wait their turn behind the scripts, and
    # a 30 s bound once failed 4 page loads of 200 that would have been served
    answer = await asyncio.to_thread(fetch, f"{base}/", timeout=180)
    if answer.status != 200 or not answer.set_cookie:
        raise RuntimeError(
            f"the first page load gave {answer.status}, cookie {answer.set_cookie!r}"
        )
    return FirstVisit(answer.set_cookie, answer.upstream)


def _confirmed(run: Run, heading: str, toast: str | None) -> Run:
    """The run ended on ``heading``, confirmed the save, and showed no error."""
    if run.errors():
        raise AssertionError(run.errors())
    if heading not in run.headings():
        raise AssertionError(f"expected {heading!r}, the page shows {run.headings()}")
    if toast is not None and [x.body for x in run.of("toast")] != [toast]:
        raise AssertionError(f"expected the toast {toast!r}, got {run.of('toast')}")
    return run


@dataclass
class Participant:
    """One participant's open session and the time of each save the page confirmed."""

    number: int
    visit: FirstVisit
    session: StreamlitSession
    page: Run
    token: str = ""
    confirmed_at: list[float] = field(default_factory=list)  # time.time(), see below

    async def add_segment(self, round_: int) -> None:
        """Add a segment through the segments page's form; wait for the page's confirmation."""
        self.page = await self.session.submit(
            self.page,
            say("segments.add_button"),
            {say("field.name"): segment_name(self.number, round_)},
            form="add_segment",
        )
        _confirmed(self.page, say("page.segments"), say("segments.added"))
        self.confirmed_at.append(time.time())


async def join(stack: AsyncExitStack, base: str, number: int, code: str) -> Participant:
    """A new participant: first page load, websocket, join page, join (a save: a workshop of
    their own, confirmed by their segments page opening by its private key)."""
    visit = await first_visit(base)
    session = await stack.enter_async_context(
        StreamlitSession(base, f"lang={LANG}", cookies={ROUTE_COOKIE: visit.route}, timeout=180)
    )
    page = await session.open()
    if say("page.join") not in page.headings():
        raise AssertionError(page.headings())
    page = await session.submit(
        page,
        say("join.button"),
        {say("field.code"): code, say("field.display_name"): participant_name(number)},
        form="join",
    )
    _confirmed(page, say("page.segments"), None)
    token = dict(p.split("=", 1) for p in session.query.split("&")).get("k", "")
    if not token:
        raise AssertionError(f"no private key in {session.query!r}")
    joined = Participant(number, visit, session, page, token)
    joined.confirmed_at.append(time.time())
    return joined


def gallery_rows(run: Run) -> dict[str, int]:
    """The trainer's gallery table as the page drew it: participant -> segments."""
    rows: dict[str, int] = {}
    for body in run.markdown():
        for line in body.splitlines():
            if line.startswith("| **"):
                cells = [cell.strip() for cell in line.strip("|").split("|")]
                rows[cells[0].strip("*")] = int(cells[1])
    return rows


@dataclass
class Trainer:
    """The trainer's logged-in session on the course gallery."""

    visit: FirstVisit
    session: StreamlitSession
    page: Run

    async def watch(self, wanted: Callable[[dict[str, int]], bool]) -> float:
        """Tick like the browser until the gallery shows what ``wanted`` accepts; returns
        the time (``time.time()``) the page showing it arrived."""
        rows = gallery_rows(self.page)
        while not wanted(rows):
            interval = next(iter(self.session.fragments.values()), 1.0)
            await asyncio.sleep(interval)  # the browser's timer between two ticks
            run = await self.session.tick()
            if not run.fragment_only:  # the tick saw a change and redrew the page
                self.page = run
                rows = gallery_rows(run)
        return time.time()


async def trainer(stack: AsyncExitStack, base: str, password: str) -> Trainer:
    """The trainer loads the app, logs in on the login page and lands on the gallery."""
    visit = await first_visit(base)
    session = await stack.enter_async_context(
        StreamlitSession(
            base,
            f"lang={LANG}",
            page="trainer-login",
            cookies={ROUTE_COOKIE: visit.route},
            timeout=180,
        )
    )
    page = await session.open()
    page = await session.submit(
        page, say("trainer.login"), {say("trainer.password"): password}, form="trainer_login"
    )
    _confirmed(page, say("page.trainer"), None)
    if not session.fragments:
        raise AssertionError("the trainer's page has no live fragment")
    return Trainer(visit, session, page)
