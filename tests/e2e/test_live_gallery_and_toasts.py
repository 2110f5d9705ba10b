"""The live classroom in Chromium: with nobody clicking, a participant's new segment shows
in the trainer's gallery, a trainer's comment pops up on the participant's page, and the
trainer's freeze locks and unlocks the participant's page, typing spared.

The tests wait for what a person waits for, never for a fixed time. How fast the news
arrives (three seconds is the budget) is a figure of ``make bench``
(``benchmarks/live_browser_bench.py``), not a timeout here: on a busy machine a page may
take longer, and a live change is waited for as generously as a page load.
"""

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from e2e_support import app_context, open_expander, running_app, wait_for_run
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from canvas.domain import SegmentInput
from canvas.domain.course import CourseInput, JoinRequest
from canvas.i18n import t
from canvas.ops.migrate import upgrade
from canvas.store import courses, segments
from canvas.store.db import make_engine, transaction

pytestmark = pytest.mark.e2e

LANG = "en"
WAIT_MS = 30_000  # for pages to load and a person's own clicks to be done
LIVE_WAIT_MS = 30_000  # for someone else's change to arrive: generous, never the budget
VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
PASSWORD = "e2e live trainer password"  # course mode wants twelve characters or more
PARTICIPANT = "Olga from Bakery"


def _say(key: str, **params: object) -> str:
    return t(key, LANG, **params)


@pytest.fixture
def classroom(chromium_path: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A course-mode server with one course and Olga in it (one segment): the base URL and
    Olga's private key."""
    url = f"sqlite:///{tmp_path / 'live.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            course = courses.create_course(session, data=CourseInput(title="Live", language=LANG))
            olga = courses.join_course(
                session, request=JoinRequest(code=course.join_code, display_name=PARTICIPANT)
            )
            segments.add_segment(session, workshop_id=olga.id, data=SegmentInput(name="Cafés"))
    finally:
        engine.dispose()
    with running_app(url, tmp_path / "streamlit.log", env={"TRAINER_PASSWORD": PASSWORD}) as base:
        yield base, olga.access_token


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
def _shots(tmp_path: Path, *pages: Page) -> Iterator[None]:
    try:
        yield
    except BaseException:
        for number, page in enumerate(pages):
            with suppress(Exception):
                page.screenshot(path=str(tmp_path / f"page-{number}.png"), full_page=True)
        raise


def _form(page: Page, button_key: str) -> Locator:
    button = page.get_by_role("button", name=_say(button_key))
    return page.get_by_test_id("stForm").filter(has=button)


def _log_in(trainer: Page, base: str) -> None:
    trainer.goto(f"{base}/trainer-login?lang={LANG}")
    wait_for_run(trainer, timeout_ms=WAIT_MS)
    login = _form(trainer, "trainer.login")
    login.get_by_label(_say("trainer.password")).fill(PASSWORD)
    login.get_by_role("button", name=_say("trainer.login")).click()
    heading = trainer.get_by_role("heading", name=_say("page.trainer"), level=1)
    expect(heading).to_be_visible(timeout=WAIT_MS)
    wait_for_run(trainer, timeout_ms=WAIT_MS)


def _open_own_workshop(participant: Page, base: str, token: str) -> None:
    participant.goto(f"{base}/?k={token}&lang={LANG}")  # the first step: segments
    heading = participant.get_by_role("heading", name=_say("page.segments"), level=1)
    expect(heading).to_be_visible(timeout=WAIT_MS)
    wait_for_run(participant, timeout_ms=WAIT_MS)


def test_a_participants_new_segment_shows_in_the_trainers_gallery_with_nobody_clicking(
    classroom: tuple[str, str], two_people: tuple[Page, Page], tmp_path: Path
) -> None:
    base, token = classroom
    participant, trainer = two_people
    with _shots(tmp_path, participant, trainer):
        _log_in(trainer, base)
        row = trainer.get_by_test_id("stMain").get_by_role("row").filter(has_text=PARTICIPANT)
        segments_cell = row.get_by_role("cell").nth(1)
        expect(segments_cell).to_have_text("1", timeout=WAIT_MS)

        _open_own_workshop(participant, base, token)
        open_expander(participant.get_by_text(_say("segments.add"), exact=True))
        add = _form(participant, "segments.add_button")
        add.get_by_label(_say("field.name"), exact=True).fill("Office lunches")
        add.get_by_role("button", name=_say("segments.add_button")).click()
        main = participant.get_by_test_id("stMain")
        expect(main).to_contain_text("Office lunches", timeout=WAIT_MS)

        # Saved. The trainer does nothing; the gallery comes to count two segments.
        expect(segments_cell).to_have_text("2", timeout=LIVE_WAIT_MS)


def test_a_trainers_comment_pops_up_on_the_participants_page_sparing_her_typing(
    classroom: tuple[str, str], two_people: tuple[Page, Page], tmp_path: Path
) -> None:
    base, token = classroom
    participant, trainer = two_people
    with _shots(tmp_path, participant, trainer):
        _open_own_workshop(participant, base, token)
        # Olga is half-way through typing a new segment's name when the comment comes.
        open_expander(participant.get_by_text(_say("segments.add"), exact=True))
        typing = _form(participant, "segments.add_button").get_by_label(
            _say("field.name"), exact=True
        )
        typing.fill("Half-typed")
        _log_in(trainer, base)
        trainer.get_by_role("tab", name=_say("trainer.comments")).click()
        form = _form(trainer, "trainer.comment.add")
        form.get_by_label(_say("trainer.comment.text")).fill("Lovely start, Olga")
        add = form.get_by_role("button", name=_say("trainer.comment.add"))
        # The page may still be running (the login's cookie, a live tick): click the form
        # once the run is done and drawn, as a person waits for the page to settle.
        wait_for_run(trainer, add, timeout_ms=WAIT_MS)
        add.click()
        added = trainer.get_by_test_id("stToast").filter(has_text=_say("trainer.comment.added"))
        expect(added).to_be_visible(timeout=WAIT_MS)

        # Stored. Olga does nothing; the toast reaches her page, and the count.
        toast = participant.get_by_test_id("stToast").filter(has_text="Lovely start, Olga")
        expect(toast).to_be_visible(timeout=LIVE_WAIT_MS)
        expect(toast).to_contain_text(_say("comments.toast", about="", text="").split(" · ")[0])
        unread = _say("comments.inbox_unread", n=1, unread=1)
        expect(participant.get_by_test_id("stMain")).to_contain_text(unread, timeout=WAIT_MS)
        expect(typing).to_have_value("Half-typed")  # the page was redrawn around her typing


def _set_freeze(trainer: Page, frozen: bool) -> None:
    """The trainer flips "Freeze editing" and waits for the switch's own confirmation."""
    switch = trainer.get_by_role("switch", name=_say("course.freeze"))
    expect(switch).to_be_checked(checked=not frozen)
    wait_for_run(trainer, switch, timeout_ms=WAIT_MS)
    # the switch's input is hidden under its drawing: a person clicks the label
    trainer.get_by_test_id("stCheckbox").filter(has=switch).get_by_text(
        _say("course.freeze"), exact=True
    ).click()
    said = _say("course.frozen" if frozen else "course.unfrozen")
    expect(trainer.get_by_test_id("stToast").filter(has_text=said)).to_be_visible()
    wait_for_run(trainer, timeout_ms=WAIT_MS)
    expect(switch).to_be_checked(checked=frozen)


def test_the_trainers_freeze_locks_the_open_page_and_unfreezing_unlocks_it_sparing_typing(
    classroom: tuple[str, str], two_people: tuple[Page, Page], tmp_path: Path
) -> None:
    base, token = classroom
    participant, trainer = two_people
    with _shots(tmp_path, participant, trainer):
        _open_own_workshop(participant, base, token)
        # Olga is half-way through typing a new segment's name when the trainer freezes.
        open_expander(participant.get_by_text(_say("segments.add"), exact=True))
        add_button = participant.get_by_role("button", name=_say("segments.add_button"))
        save_button = participant.get_by_role("button", name=_say("segments.save"))
        typing = _form(participant, "segments.add_button").get_by_label(
            _say("field.name"), exact=True
        )
        typing.fill("Half-typed")
        banner = participant.get_by_test_id("stAlert").filter(has_text=_say("frozen.banner"))
        expect(banner).to_have_count(0)
        expect(add_button).to_be_enabled()
        expect(save_button).to_be_enabled()

        _log_in(trainer, base)
        _set_freeze(trainer, True)
        # Olga does nothing; her open page comes to say editing is paused and locks saving.
        expect(banner).to_be_visible(timeout=LIVE_WAIT_MS)
        wait_for_run(participant, timeout_ms=WAIT_MS)
        expect(add_button).to_be_disabled()
        expect(save_button).to_be_disabled()
        expect(typing).to_have_value("Half-typed")  # the banner came without a redraw

        _set_freeze(trainer, False)
        expect(banner).to_have_count(0, timeout=LIVE_WAIT_MS)
        wait_for_run(participant, timeout_ms=WAIT_MS)
        expect(add_button).to_be_enabled()
        expect(save_button).to_be_enabled()
        expect(typing).to_have_value("Half-typed")
