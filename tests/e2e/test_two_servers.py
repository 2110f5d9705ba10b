"""Two app servers on one PostgreSQL database, as a course deployment runs them.

Two ``streamlit run app.py`` processes on different ports share one database. A segment
renamed through server A shows in server B on B's next run, with nothing cleared by
hand in B (B's revision board hears A's commit through PostgreSQL's NOTIFY). And
optimistic locking holds across the processes: when both pages were loaded at the same
version and A saves first, B's save writes nothing and A's value is the one in the
database, and B shows the stale-edit message instead of the typed value silently lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from e2e_support import app_context, running_app, wait_for_run
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from canvas.domain import SegmentInput, WorkshopInput
from canvas.i18n import t
from canvas.ops.migrate import upgrade
from canvas.store import reads, segments, workshops
from canvas.store.db import make_engine, reading, transaction

if TYPE_CHECKING:
    from tests.postgres_support import PostgresServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

LANG = "en"
WAIT_MS = 30_000
CHECK_MS = 5_000  # the message comes with the run that wait_for_run waited for; only slack
VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
FIRST_NAME = "Walk-in customers"
RENAMED_IN_A = "Walk-in customers (renamed on server A)"
A_WINS = "Renamed by A, saved first"
B_LOSES = "Renamed by B, saved second"


def _say(key: str) -> str:
    return t(key, LANG)


@pytest.fixture(scope="module")
def shared_url(postgres_server: PostgresServer) -> Iterator[str]:
    """One migrated PostgreSQL database for the module's servers; dropped afterwards."""
    with postgres_server.scratch_database("t_two_servers") as url:
        engine = make_engine(url)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        yield url


@pytest.fixture(scope="module")
def two_servers(
    chromium_path: str, shared_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """Base URLs of servers A and B, both in local mode on the same database."""
    logs = tmp_path_factory.mktemp("two-servers")
    local = {"TRAINER_PASSWORD": None}  # local mode: a workshop opens by its number
    with ExitStack() as stack:
        a = stack.enter_context(running_app(shared_url, logs / "server-a.log", env=local))
        b = stack.enter_context(running_app(shared_url, logs / "server-b.log", env=local))
        assert a != b
        yield a, b


@pytest.fixture
def workshop_id(shared_url: str) -> int:
    """A new workshop with one segment, made after both servers started."""
    engine = make_engine(shared_url)
    try:
        with transaction(engine) as session:
            workshop = workshops.create_workshop(
                session, data=WorkshopInput(title="Two servers", language="en", currency="USD")
            )
            segments.add_segment(
                session, workshop_id=workshop.id, data=SegmentInput(name=FIRST_NAME)
            )
    finally:
        engine.dispose()
    return workshop.id


@pytest.fixture
def two_pages(browser: Browser) -> Iterator[tuple[Page, Page]]:
    """One browser context per server, as two people on two machines."""
    contexts = [app_context(browser, locale="en-US", viewport=VIEWPORT) for _ in range(2)]
    try:
        pages = [context.new_page() for context in contexts]
        for opened in pages:
            opened.set_default_timeout(WAIT_MS)
        yield pages[0], pages[1]
    finally:
        for context in contexts:
            context.close()


def _open_segments(page: Page, base: str, workshop_id: int) -> None:
    page.goto(f"{base}/segments?w={workshop_id}&lang={LANG}")
    heading = page.get_by_role("heading", name=_say("page.segments"), level=1)
    expect(heading).to_be_visible(timeout=WAIT_MS)
    wait_for_run(page, _edit_form(page), timeout_ms=WAIT_MS)


def _edit_form(page: Page) -> Locator:
    button = page.get_by_role("button", name=_say("segments.save"))
    return page.get_by_test_id("stForm").filter(has=button)


def _name_field(page: Page) -> Locator:
    return _edit_form(page).get_by_label(_say("field.name"), exact=True)


def _rename(page: Page, name: str) -> None:
    """Type a new name into the segment's edit form, press Save and wait for that run."""
    _name_field(page).fill(name)
    _edit_form(page).get_by_role("button", name=_say("segments.save")).click()
    wait_for_run(page, _edit_form(page), timeout_ms=WAIT_MS)


def _stored(url: str, workshop_id: int) -> list[tuple[str, int]]:
    """Each segment's name and version, as the database holds them."""
    engine = make_engine(url)
    try:
        with reading(engine) as session:
            snap = reads.load_view(session, workshop_id=workshop_id)
    finally:
        engine.dispose()
    return [(view.segment.name, view.segment.version) for view in snap.segments]


@contextmanager
def _shot_on_failure(pages: tuple[Page, Page], folder: Path) -> Iterator[None]:
    """Keep a screenshot of both pages if a step fails."""
    try:
        yield
    except BaseException:
        for name, page in zip(("a", "b"), pages, strict=True):
            with suppress(Exception):
                page.screenshot(path=str(folder / f"two-servers-{name}.png"), full_page=True)
        raise


def _both_open(pages: tuple[Page, Page], servers: tuple[str, str], workshop_id: int) -> None:
    """Each page on its own server, showing the segment as first saved."""
    for page, base in zip(pages, servers, strict=True):
        _open_segments(page, base, workshop_id)
        expect(_name_field(page)).to_have_value(FIRST_NAME)


def test_a_save_on_one_server_shows_on_the_other_at_its_next_run(
    two_servers: tuple[str, str],
    two_pages: tuple[Page, Page],
    shared_url: str,
    workshop_id: int,
    tmp_path: Path,
) -> None:
    page_a, page_b = two_pages
    with _shot_on_failure(two_pages, tmp_path):
        # Both servers have read the workshop, so both remember its revision.
        _both_open(two_pages, two_servers, workshop_id)

        _rename(page_a, RENAMED_IN_A)
        expect(_name_field(page_a)).to_have_value(RENAMED_IN_A)
        assert _stored(shared_url, workshop_id) == [(RENAMED_IN_A, 2)]  # version 1 + 1 save

        # B's next run: a reload (a new session on the same server process), without
        # "Reload data"; only the NOTIFY from A's commit tells B's server to re-read.
        page_b.reload()
        wait_for_run(page_b, _edit_form(page_b), timeout_ms=WAIT_MS)
        expect(_name_field(page_b)).to_have_value(RENAMED_IN_A)


def _stale_save_in_b(pages: tuple[Page, Page]) -> None:
    """Both pages hold version 1; A saves its name first, then B saves another."""
    page_a, page_b = pages
    _rename(page_a, A_WINS)
    expect(_name_field(page_a)).to_have_value(A_WINS)
    # B's form was read before A's save and has not rerun since.
    expect(_name_field(page_b)).to_have_value(FIRST_NAME)
    _rename(page_b, B_LOSES)


def test_a_stale_save_on_the_other_server_does_not_overwrite(
    two_servers: tuple[str, str],
    two_pages: tuple[Page, Page],
    shared_url: str,
    workshop_id: int,
    tmp_path: Path,
) -> None:
    with _shot_on_failure(two_pages, tmp_path):
        _both_open(two_pages, two_servers, workshop_id)
        _stale_save_in_b(two_pages)

        # Only A's save was written: version 1 + 1 save = 2, and A's name.
        assert _stored(shared_url, workshop_id) == [(A_WINS, 2)]
        # B now shows the fresh value, not its own.
        expect(_name_field(two_pages[1])).to_have_value(A_WINS)


def test_a_stale_save_on_the_other_server_shows_the_stale_edit_message(
    two_servers: tuple[str, str],
    two_pages: tuple[Page, Page],
    workshop_id: int,
    tmp_path: Path,
) -> None:
    with _shot_on_failure(two_pages, tmp_path):
        _both_open(two_pages, two_servers, workshop_id)
        _stale_save_in_b(two_pages)
        expect(two_pages[1].get_by_test_id("stAlert")).to_contain_text(
            _say("error.stale_edit"), timeout=CHECK_MS
        )
