"""The trainer's session in Chromium: a login survives a reload and a new tab of the same
browser, "Log out" ends it, and an expired one is refused with the reason; the token is
never in the URL."""

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path

import pytest
from e2e_support import app_context, running_app, wait_for_run
from playwright.sync_api import Browser, BrowserContext, Locator, Page, ViewportSize, expect
from sqlalchemy import update

from canvas.domain.trainer_session import COOKIE_NAME
from canvas.i18n import t
from canvas.ops.migrate import upgrade
from canvas.store.db import make_engine, transaction
from canvas.store.tables import TrainerSessionRow, utcnow

pytestmark = pytest.mark.e2e

LANG = "en"
WAIT_MS = 30_000
VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
PASSWORD = "session test trainer password"
HAS_COOKIE = f"() => document.cookie.split('; ').some(c => c.startsWith('{COOKIE_NAME}='))"


def _say(key: str) -> str:
    return t(key, LANG)


@pytest.fixture
def course_app(chromium_path: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    url = f"sqlite:///{tmp_path / 'course.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    with running_app(url, tmp_path / "streamlit.log", env={"TRAINER_PASSWORD": PASSWORD}) as base:
        yield base, url


@pytest.fixture
def browser_context(browser: Browser) -> Iterator[BrowserContext]:
    """One browser: its tabs share cookies."""
    context = app_context(browser, locale="en-US", viewport=VIEWPORT)
    context.set_default_timeout(WAIT_MS)
    try:
        yield context
    finally:
        context.close()


@contextmanager
def _shot_on_failure(page: Page, path: Path) -> Iterator[None]:
    try:
        yield
    except BaseException:
        with suppress(Exception):
            page.screenshot(path=str(path), full_page=True)
        raise


def _heading(page: Page, key: str) -> Locator:
    return page.get_by_role("heading", name=_say(key), level=1)


def _shows(page: Page, key: str) -> None:
    expect(_heading(page, key)).to_be_visible(timeout=WAIT_MS)
    wait_for_run(page, timeout_ms=WAIT_MS)


def _log_in(page: Page, base: str) -> None:
    page.goto(f"{base}/trainer-login?lang={LANG}")
    _shows(page, "page.trainer_login")
    page.get_by_role("textbox", name=_say("trainer.password")).fill(PASSWORD)
    page.get_by_role("button", name=_say("trainer.login")).click()
    _shows(page, "page.trainer")
    page.wait_for_function(HAS_COOKIE, timeout=WAIT_MS)  # the cookie manager has written it
    wait_for_run(page, timeout_ms=WAIT_MS)


def test_a_login_survives_a_reload_and_a_new_tab_and_log_out_ends_it(
    course_app: tuple[str, str], browser_context: BrowserContext, tmp_path: Path
) -> None:
    base, _url = course_app
    page = browser_context.new_page()
    with _shot_on_failure(page, tmp_path / "first-tab.png"):
        _log_in(page, base)
        [cookie] = [c for c in browser_context.cookies() if c["name"] == COOKIE_NAME]
        assert cookie["sameSite"] == "Strict"
        assert cookie["value"] not in page.url and PASSWORD not in page.url

        page.reload()
        _shows(page, "page.trainer")

    second = browser_context.new_page()
    with _shot_on_failure(second, tmp_path / "second-tab.png"):
        second.goto(f"{base}/?lang={LANG}")
        _shows(second, "page.trainer")
        assert cookie["value"] not in second.url

    with _shot_on_failure(page, tmp_path / "logout.png"):
        page.get_by_test_id("stSidebar").get_by_role("button", name=_say("trainer.logout")).click()
        _shows(page, "page.join")
        page.wait_for_function(f"() => !({HAS_COOKIE})()", timeout=WAIT_MS)
        page.reload()
        _shows(page, "page.join")
        expect(page.get_by_text(_say("trainer.session_expired"))).to_have_count(0)


def test_writing_the_cookie_asks_for_no_run_that_could_swallow_the_next_click(
    course_app: tuple[str, str], browser_context: BrowserContext, tmp_path: Path
) -> None:
    """A run the page asks for by itself just after the login would replace the run of
    the trainer's first click (a page link led back to the gallery that way)."""
    base, _url = course_app
    page = browser_context.new_page()
    with _shot_on_failure(page, tmp_path / "asked.png"):
        page.goto(f"{base}/trainer-login?lang={LANG}")
        _shows(page, "page.trainer_login")
        asked = page.evaluate("() => window.__stRuns.asked")
        page.get_by_role("textbox", name=_say("trainer.password")).fill(PASSWORD)
        page.get_by_role("button", name=_say("trainer.login")).click()
        _shows(page, "page.trainer")
        page.wait_for_function(HAS_COOKIE, timeout=WAIT_MS)
        # two of the gallery's timer ticks answered after the cookie is there: whatever the
        # page would ask for by itself on showing the trainer's page has been asked by then
        ticks = page.evaluate("() => window.__stRuns.ticks")
        page.wait_for_function(f"() => window.__stRuns.ticks >= {ticks + 2}", timeout=WAIT_MS)
        wait_for_run(page, timeout_ms=WAIT_MS)
        assert page.evaluate("() => window.__stRuns.asked") == asked + 1  # the click alone


def test_an_expired_session_is_refused_and_says_so(
    course_app: tuple[str, str], browser_context: BrowserContext, tmp_path: Path
) -> None:
    base, url = course_app
    page = browser_context.new_page()
    with _shot_on_failure(page, tmp_path / "expired.png"):
        _log_in(page, base)
        engine = make_engine(url)
        try:
            with transaction(engine) as session:
                past = utcnow() - timedelta(minutes=1)
                session.execute(update(TrainerSessionRow).values(expires_at=past))
        finally:
            engine.dispose()

        page.reload()

        _shows(page, "page.join")
        expect(page.get_by_text(_say("trainer.session_expired"))).to_be_visible()
        expect(page.get_by_role("heading", name=_say("page.trainer"))).to_have_count(0)
