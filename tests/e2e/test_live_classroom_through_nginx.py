"""The live classroom as deployed: Chromium through the shipped nginx configuration in
front of two ``streamlit run`` servers in course mode on one PostgreSQL database.

The trainer's browser is pinned to server A and the participant's to server B by their
route cookies (nginx hashes the cookie to pick the server), and nginx's access log proves
where each page and websocket went. With nobody clicking on the receiving side, the
participant's save on B shows in the trainer's gallery on A (B's commit reaches A through
PostgreSQL's NOTIFY, A's page notices it on its next tick), and the trainer's comment on A
pops up as a toast on the participant's page on B. The waits are generous (30 s): the
time these take is a benchmark figure (``make bench``), not a test's limit.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from e2e_support import app_context, open_expander, running_app, wait_for_run
from nginx_support import ROUTE_COOKIE, Nginx, route_to, running_nginx
from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize, expect

from canvas.domain import SegmentInput
from canvas.domain.course import CourseInput, JoinRequest
from canvas.i18n import t
from canvas.ops.migrate import upgrade
from canvas.store import courses, segments
from canvas.store.db import make_engine, transaction

if TYPE_CHECKING:
    from tests.postgres_support import PostgresServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

LANG = "en"
WAIT_MS = 30_000
VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
PASSWORD = "e2e nginx trainer password"  # course mode wants twelve characters or more


def _say(key: str, **params: object) -> str:
    return t(key, LANG, **params)


@dataclass(frozen=True)
class Deployment:
    """nginx's address and log, the two app servers behind it, and the shared database."""

    proxy: Nginx
    servers: tuple[str, str]
    database: str
    course_id: int


@pytest.fixture(scope="module")
def deployment(
    chromium_path: str,
    nginx_binary: Path,
    postgres_server: PostgresServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Deployment]:
    folder = tmp_path_factory.mktemp("nginx-classroom")
    env = {"TRAINER_PASSWORD": PASSWORD}
    with ExitStack() as stack:
        url = stack.enter_context(postgres_server.scratch_database("t_nginx_classroom"))
        engine = make_engine(url)
        try:
            upgrade(engine)
            with transaction(engine) as session:
                course = courses.create_course(
                    session, data=CourseInput(title="Live", language=LANG)
                )
        finally:
            engine.dispose()
        a = stack.enter_context(running_app(url, folder / "a.log", env=env))
        b = stack.enter_context(running_app(url, folder / "b.log", env=env))
        proxy = stack.enter_context(running_nginx([a, b], folder / "nginx"))
        yield Deployment(proxy, (a, b), url, course.id or 0)


def _participant(deployment: Deployment, name: str) -> str:
    """A new participant in the course with one segment; returns their private key."""
    engine = make_engine(deployment.database)
    try:
        with transaction(engine) as session:
            course = courses.get_course(session, course_id=deployment.course_id)
            joined = courses.join_course(
                session, request=JoinRequest(code=course.join_code, display_name=name)
            )
            segments.add_segment(session, workshop_id=joined.id, data=SegmentInput(name="Cafés"))
    finally:
        engine.dispose()
    return joined.access_token


@dataclass(frozen=True)
class Person:
    """One person's browser, pinned to one app server by its route cookie."""

    context: BrowserContext
    page: Page
    route: str
    server: str  # host:port, as nginx's X-Upstream and access log name it


@pytest.fixture
def people(browser: Browser, deployment: Deployment) -> Iterator[tuple[Person, Person]]:
    """The trainer's browser on server A and the participant's on server B."""
    made: list[Person] = []
    try:
        for who, server in zip(("trainer", "participant"), deployment.servers, strict=True):
            route = route_to(deployment.proxy.url, server, f"{who}-{uuid.uuid4().hex[:8]}")
            context = app_context(browser, locale="en-US", viewport=VIEWPORT)
            # as if nginx had set it on this browser's first visit
            cookie = {"name": ROUTE_COOKIE, "value": route, "url": deployment.proxy.url}
            context.add_cookies([cookie])  # type: ignore[list-item]
            page = context.new_page()
            page.set_default_timeout(WAIT_MS)
            made.append(Person(context, page, route, server.removeprefix("http://")))
        yield made[0], made[1]
    finally:
        for person in made:
            with suppress(Exception):
                person.context.close()


@contextmanager
def _shots(tmp_path: Path, *people: Person) -> Iterator[None]:
    try:
        yield
    except BaseException:
        for person in people:
            with suppress(Exception):
                person.page.screenshot(path=str(tmp_path / f"{person.route}.png"), full_page=True)
        raise


def _goto(person: Person, url: str) -> None:
    """Open ``url``; the answer must come from the person's own app server."""
    response = person.page.goto(url)
    assert response is not None
    assert response.headers.get("x-upstream") == person.server


def _form(page: Page, button_key: str) -> Locator:
    button = page.get_by_role("button", name=_say(button_key))
    return page.get_by_test_id("stForm").filter(has=button)


def _log_in(trainer: Person, base: str) -> None:
    _goto(trainer, f"{base}/trainer-login?lang={LANG}")
    wait_for_run(trainer.page, timeout_ms=WAIT_MS)
    login = _form(trainer.page, "trainer.login")
    login.get_by_label(_say("trainer.password")).fill(PASSWORD)
    login.get_by_role("button", name=_say("trainer.login")).click()
    heading = trainer.page.get_by_role("heading", name=_say("page.trainer"), level=1)
    expect(heading).to_be_visible(timeout=WAIT_MS)
    wait_for_run(trainer.page, timeout_ms=WAIT_MS)


def _open_own_workshop(participant: Person, base: str, token: str) -> None:
    _goto(participant, f"{base}/?k={token}&lang={LANG}")  # the first step: segments
    heading = participant.page.get_by_role("heading", name=_say("page.segments"), level=1)
    expect(heading).to_be_visible(timeout=WAIT_MS)
    wait_for_run(participant.page, timeout_ms=WAIT_MS)


def _served_only_by_their_own_servers(proxy: Nginx, *people: Person) -> None:
    """Close the browsers, then read in nginx's log where every request of each went.

    A websocket is logged when it closes, so the log is read until each person's session
    socket is in it (nginx writes the line as the browser's close reaches it)."""
    for person in people:
        person.context.close()
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        logged = proxy.requests()
        streams = {r.cookie for r in logged if r.uri == "/_stcore/stream"}
        if all(person.route in streams for person in people) or time.monotonic() > deadline:
            break
        time.sleep(0.1)  # polling the log file for the state above, bounded by the deadline
    for person in people:
        own = [r for r in logged if r.cookie == person.route]
        assert any(r.uri == "/_stcore/stream" and r.status == 101 for r in own), own
        assert {r.upstream for r in own} == {person.server}, own


def test_a_participants_save_on_one_server_shows_in_the_trainers_gallery_on_the_other(
    deployment: Deployment, people: tuple[Person, Person], tmp_path: Path
) -> None:
    trainer, participant = people
    assert trainer.server != participant.server
    base = deployment.proxy.url
    name = f"Olga {uuid.uuid4().hex[:6]}"
    token = _participant(deployment, name)
    with _shots(tmp_path, trainer, participant):
        _log_in(trainer, base)
        row = trainer.page.get_by_test_id("stMain").get_by_role("row").filter(has_text=name)
        segments_cell = row.get_by_role("cell").nth(1)
        expect(segments_cell).to_have_text("1", timeout=WAIT_MS)

        _open_own_workshop(participant, base, token)
        open_expander(participant.page.get_by_text(_say("segments.add"), exact=True))
        add = _form(participant.page, "segments.add_button")
        field = add.get_by_label(_say("field.name"), exact=True)
        field.fill("Office lunches")
        expect(field).to_have_value("Office lunches")
        add.get_by_role("button", name=_say("segments.add_button")).click()
        expect(participant.page.get_by_test_id("stMain")).to_contain_text(
            "Office lunches", timeout=WAIT_MS
        )

        # Saved on B. The trainer on A does nothing; the gallery counts two segments.
        expect(segments_cell).to_have_text("2", timeout=WAIT_MS)
    _served_only_by_their_own_servers(deployment.proxy, trainer, participant)


def test_a_trainers_comment_on_one_server_pops_up_on_the_participants_page_on_the_other(
    deployment: Deployment, people: tuple[Person, Person], tmp_path: Path
) -> None:
    trainer, participant = people
    base = deployment.proxy.url
    name = f"Ivan {uuid.uuid4().hex[:6]}"
    token = _participant(deployment, name)
    with _shots(tmp_path, trainer, participant):
        _open_own_workshop(participant, base, token)
        _log_in(trainer, base)
        trainer.page.get_by_role("tab", name=_say("trainer.comments")).click()
        # the comment goes to this test's participant, chosen in the comments tab
        choose = trainer.page.get_by_test_id("stSelectbox").filter(
            has_text=_say("trainer.comment.participant"), visible=True
        )  # the gallery tab's "rename or remove" has one too, hidden now
        choose.click()
        trainer.page.get_by_role("option", name=name).click()
        wait_for_run(trainer.page, timeout_ms=WAIT_MS)
        form = _form(trainer.page, "trainer.comment.add")
        form.get_by_label(_say("trainer.comment.text")).fill(f"Well done, {name}")
        form.get_by_role("button", name=_say("trainer.comment.add")).click()
        added = trainer.page.get_by_test_id("stToast").filter(
            has_text=_say("trainer.comment.added")
        )
        expect(added).to_be_visible(timeout=WAIT_MS)

        # Stored through A. The participant on B does nothing; the toast reaches her page.
        toast = participant.page.get_by_test_id("stToast").filter(has_text=f"Well done, {name}")
        expect(toast).to_be_visible(timeout=WAIT_MS)
    _served_only_by_their_own_servers(deployment.proxy, trainer, participant)
