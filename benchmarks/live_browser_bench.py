"""The live classroom in Chromium, median of ``ROUNDS``: a participant's save until the
trainer's gallery shows it, a trainer's comment until the participant's toast shows it, and
the trainer's "Freeze editing" switch until the frozen banner shows on the participant's
open page, with nobody clicking on the receiving side.

Each time runs from the sender's click to the receiver's page showing the change (Python's
clock around Playwright; the receiver's page polls through ``ui.live`` once a second, so a
time is about one tick plus one page rerun). A course-mode server on a temporary SQLite file,
one participant, two browser contexts.
"""

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

ROUNDS = 10
PASSWORD = "benchmark live trainer"
WAIT_MS = 30_000


def _setup(directory: Path) -> tuple[str, str]:
    from canvas.domain import SegmentInput
    from canvas.domain.course import CourseInput, JoinRequest
    from canvas.ops.migrate import upgrade
    from canvas.store import courses, segments
    from canvas.store.db import make_engine, transaction

    url = f"sqlite:///{directory / 'live.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            course = courses.create_course(session, data=CourseInput(title="Live", language="en"))
            olga = courses.join_course(
                session, request=JoinRequest(code=course.join_code, display_name="Olga")
            )
            segments.add_segment(session, workshop_id=olga.id, data=SegmentInput(name="S0"))
    finally:
        engine.dispose()
    return url, olga.access_token


def _timed(browser: Any, base: str, token: str) -> dict[str, list[float]]:
    from playwright.sync_api import expect

    from canvas.i18n import t
    from tests.e2e.e2e_support import app_context, wait_for_run

    def say(key: str, **params: object) -> str:
        return t(key, "en", **params)

    viewport = {"width": 1400, "height": 1000}
    participant = app_context(browser, locale="en-US", viewport=viewport).new_page()
    trainer = app_context(browser, locale="en-US", viewport=viewport).new_page()
    for page in (participant, trainer):
        page.set_default_timeout(WAIT_MS)
    trainer.goto(f"{base}/trainer-login?lang=en")
    wait_for_run(trainer, timeout_ms=WAIT_MS)
    trainer.get_by_label(say("trainer.password")).fill(PASSWORD)
    trainer.get_by_role("button", name=say("trainer.login")).click()
    cell = trainer.get_by_role("row").filter(has_text="Olga").get_by_role("cell").nth(1)
    expect(cell).to_have_text("1", timeout=WAIT_MS)
    participant.goto(f"{base}/?k={token}&lang=en")
    wait_for_run(participant, timeout_ms=WAIT_MS)

    saves = []
    for number in range(2, ROUNDS + 2):
        form = participant.get_by_test_id("stForm").filter(
            has=participant.get_by_role("button", name=say("segments.add_button"))
        )
        name = form.get_by_label(say("field.name"), exact=True)
        if not name.is_visible():  # the expander "Add a segment" is folded
            participant.get_by_text(say("segments.add"), exact=True).click()
        name.fill(f"S{number}")
        start = time.perf_counter()
        form.get_by_role("button", name=say("segments.add_button")).click()
        expect(cell).to_have_text(str(number), timeout=WAIT_MS)
        saves.append((time.perf_counter() - start) * 1000)
        wait_for_run(participant, timeout_ms=WAIT_MS)

    trainer.get_by_role("tab", name=say("trainer.comments")).click()
    comments = []
    for number in range(ROUNDS):
        form = trainer.get_by_test_id("stForm").filter(
            has=trainer.get_by_role("button", name=say("trainer.comment.add"))
        )
        text = f"Comment number {number}"
        form.get_by_label(say("trainer.comment.text")).fill(text)
        start = time.perf_counter()
        form.get_by_role("button", name=say("trainer.comment.add")).click()
        toast = participant.get_by_test_id("stToast").filter(has_text=text)
        expect(toast).to_be_visible(timeout=WAIT_MS)
        comments.append((time.perf_counter() - start) * 1000)
        wait_for_run(trainer, timeout_ms=WAIT_MS)

    switch = trainer.get_by_role("switch", name=say("course.freeze"))
    # the switch's input is hidden under its drawing: a person clicks the label
    label = (
        trainer.get_by_test_id("stCheckbox")
        .filter(has=switch)
        .get_by_text(say("course.freeze"), exact=True)
    )
    banner = participant.get_by_test_id("stAlert").filter(has_text=say("frozen.banner"))
    freezes = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        label.click()
        expect(banner).to_be_visible(timeout=WAIT_MS)
        freezes.append((time.perf_counter() - start) * 1000)
        wait_for_run(trainer, timeout_ms=WAIT_MS)
        expect(switch).to_be_checked()
        label.click()  # unfreeze, untimed, for the next round
        expect(banner).to_have_count(0, timeout=WAIT_MS)
        wait_for_run(trainer, timeout_ms=WAIT_MS)
        expect(switch).not_to_be_checked()
    return {"saves": saves, "comments": comments, "freezes": freezes}


def measure_live_browser() -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from tests.e2e.e2e_support import CHROMIUM, launch_chromium, running_app

    if not CHROMIUM.exists():
        return {"skipped": f"no Chromium at {CHROMIUM}"}
    directory = Path(tempfile.mkdtemp(prefix="crlive-"))
    url, token = _setup(directory)
    env = {"TRAINER_PASSWORD": PASSWORD}
    with running_app(url, directory / "streamlit.log", env=env) as base, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            times = _timed(browser, base, token)
        finally:
            browser.close()
    return {
        "rounds": ROUNDS,
        "save_to_gallery_median_ms": round(statistics.median(times["saves"]), 1),
        "comment_to_toast_median_ms": round(statistics.median(times["comments"]), 1),
        "freeze_to_banner_median_ms": round(statistics.median(times["freezes"]), 1),
    }


def print_live_browser(figures: dict[str, Any]) -> None:
    if "skipped" in figures:
        print(f"\nLive classroom in Chromium: skipped ({figures['skipped']})")
        return
    print(
        f"\nLive classroom in Chromium, median of {figures['rounds']} (budget 3000 ms each):\n"
        f"  participant's save to the trainer's gallery: "
        f"{figures['save_to_gallery_median_ms']:.1f} ms\n"
        f"  trainer's comment to the participant's toast: "
        f"{figures['comment_to_toast_median_ms']:.1f} ms\n"
        f"  trainer's freeze switch to the banner on the participant's page: "
        f"{figures['freeze_to_banner_median_ms']:.1f} ms"
    )


if __name__ == "__main__":
    print_live_browser(measure_live_browser())
