"""A course in Chromium: a participant joins with the code and fills a segment; the trainer,
in another browser context, logs in and finds them with their progress in the gallery."""

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from e2e_support import app_context, running_app, wait_for_run
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from canvas.domain.course import CourseInput
from canvas.i18n import t
from canvas.ops.migrate import upgrade
from canvas.store import courses
from canvas.store.db import make_engine, reading, transaction

pytestmark = pytest.mark.e2e

LANG = "en"
WAIT_MS = 30_000
VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
PASSWORD = "e2e trainer password"
PARTICIPANT = "Olga from Bakery"
SEGMENT = "Corner cafés"


def _say(key: str, **params: object) -> str:
    return t(key, LANG, **params)


@pytest.fixture
def course_app(chromium_path: str, tmp_path: Path) -> Iterator[tuple[str, str, int, str]]:
    """A course-mode server (trainer password set) on a database with one empty course."""
    url = f"sqlite:///{tmp_path / 'course.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            course = courses.create_course(
                session, data=CourseInput(title="Spring cohort", language=LANG)
            )
    finally:
        engine.dispose()
    env = {"TRAINER_PASSWORD": PASSWORD}
    with running_app(url, tmp_path / "streamlit.log", env=env) as base:
        yield base, url, course.id, course.join_code


@pytest.fixture
def two_people(browser: Browser) -> Iterator[tuple[Page, Page]]:
    """The participant's and the trainer's own browser contexts (no shared cookies)."""
    contexts = [app_context(browser, locale="en-US", viewport=VIEWPORT) for _ in range(2)]
    try:
        pages = [context.new_page() for context in contexts]
        for opened in pages:
            opened.set_default_timeout(WAIT_MS)
        yield pages[0], pages[1]
    finally:
        for context in contexts:
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


def _form(page: Page, button_key: str) -> Locator:
    button = page.get_by_role("button", name=_say(button_key))
    return page.get_by_test_id("stForm").filter(has=button)


def test_a_participant_joins_fills_a_segment_and_the_trainer_sees_it_in_the_gallery(
    course_app: tuple[str, str, int, str], two_people: tuple[Page, Page], tmp_path: Path
) -> None:
    base, url, course_id, code = course_app
    participant, trainer = two_people

    with _shot_on_failure(participant, tmp_path / "participant.png"):
        participant.goto(f"{base}/?lang={LANG}")
        expect(_heading(participant, "page.join")).to_be_visible(timeout=WAIT_MS)
        wait_for_run(participant, timeout_ms=WAIT_MS)
        join = _form(participant, "join.button")
        join.get_by_role("textbox", name=_say("field.code")).fill(code)
        join.get_by_role("textbox", name=_say("field.display_name")).fill(PARTICIPANT)
        join.get_by_role("button", name=_say("join.button")).click()
        # Joining opens the participant's own workshop at the segments step.
        expect(_heading(participant, "page.segments")).to_be_visible(timeout=WAIT_MS)
        wait_for_run(participant, timeout_ms=WAIT_MS)

        add = _form(participant, "segments.add_button")
        add.get_by_label(_say("field.name"), exact=True).fill(SEGMENT)
        add.get_by_role("button", name=_say("segments.add_button")).click()
        expect(participant.get_by_test_id("stMain")).to_contain_text(SEGMENT, timeout=WAIT_MS)
        wait_for_run(participant, timeout_ms=WAIT_MS)

    # The participant's save is in the course: one workshop, one segment.
    engine = make_engine(url)
    try:
        with reading(engine) as session:
            [entry] = courses.gallery(session, course_id=course_id)
    finally:
        engine.dispose()
    assert (entry.participant, entry.segments) == (PARTICIPANT, 1)

    with _shot_on_failure(trainer, tmp_path / "trainer.png"):
        trainer.goto(f"{base}/trainer-login?lang={LANG}")
        expect(_heading(trainer, "page.trainer_login")).to_be_visible(timeout=WAIT_MS)
        wait_for_run(trainer, timeout_ms=WAIT_MS)
        login = _form(trainer, "trainer.login")
        login.get_by_label(_say("trainer.password")).fill(PASSWORD)
        login.get_by_role("button", name=_say("trainer.login")).click()
        expect(_heading(trainer, "page.trainer")).to_be_visible(timeout=WAIT_MS)
        wait_for_run(trainer, timeout_ms=WAIT_MS)

        main = trainer.get_by_test_id("stMain")
        expect(main).to_contain_text(_say("trainer.gallery", n=1), timeout=WAIT_MS)
        # The only participant, with one segment and no relationship answered yet: one
        # row of the gallery table, each guiding question at 0 of 1 segments, 0 % overall.
        row = main.get_by_role("row").filter(has_text=PARTICIPANT)
        expect(row).to_have_count(1)
        cells = ["1", "▱" * 10 + " 0%", "0/1", "0/1", "0/1", "0/1", "0"]
        expect(row.get_by_role("cell")).to_have_text([PARTICIPANT, *cells])
        # The password is never echoed back into the page.
        expect(trainer.locator("body")).not_to_contain_text(PASSWORD)
