"""What a real server does with the large workshop: Chromium's click-to-visible time on the
relationships page, and the server's peak memory with 20 open sessions.

Both run ``streamlit run app.py`` (as the e2e tests do) on a copy of the benchmark's
SQLite database.

- Click to visible: on the relationships page, raise one type's "expected" level with the
  keyboard, click "Save", and time in the page, from the click event to the DOM change
  that shows the saved answer in that type's heading ("Name · 2 → 1", where the page's gap
  analysis of the segment is updated). Median of ``CLICKS``; needs Debian's Chromium
  (``/usr/bin/chromium``).
- Memory: the server's resident memory after start-up, then 20 websocket sessions
  (``tests/load/streamlit_ws.py``) each open one of the step pages on the workshop and
  stay connected; the peak (``VmHWM``) is read from ``/proc``.
"""

import asyncio
import re
import statistics
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

CLICKS = 7
# Notes the next click and the first DOM change after it that shows ``text`` in an element
# matching ``selector``; ``window.__shownAfter`` is the time between them, in ms.
WATCH = """({selector, text}) => {
  window.__shownAfter = null;
  let clicked = null;
  document.addEventListener('click', () => { clicked = performance.now(); },
                            {capture: true, once: true});
  const shows = () => Array.from(document.querySelectorAll(selector))
    .some(element => element.textContent.includes(text));
  const watcher = new MutationObserver(() => {
    if (clicked !== null && shows()) {
      window.__shownAfter = performance.now() - clicked;
      watcher.disconnect();
    }
  });
  watcher.observe(document.body, {childList: true, subtree: true, characterData: true});
}"""
SHOWN_AFTER = "() => window.__shownAfter === null ? false : {ms: window.__shownAfter}"
# The floor for click to visible: one button whose click makes a new text appear.
FLOOR_APP = """import streamlit as st

if st.button("Show the text"):
    st.session_state.clicks = st.session_state.get("clicks", 0) + 1
    st.write(f"Text number {st.session_state.clicks}")
"""
FLOOR_BUTTON = "Show the text"
FLOOR_SELECTOR = '[data-testid="stMarkdownContainer"]'
SESSIONS = 20
STEP_PAGES = [
    "segments",
    "relationships",
    "canvas",
    "analysis",
    "shura",
    "twelve-rules",
    "loyalty_check",
    "nps",
    "touchpoints",
    "summary",
]


def memory_mb(pid: int, field: str) -> float:
    """A line of ``/proc/<pid>/status`` in MB: ``VmRSS`` now, ``VmHWM`` the peak."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    raise LookupError(field)


async def _open_sessions(base: str, workshop_id: int) -> list[Any]:
    from tests.load.streamlit_ws import StreamlitSession

    sessions = []
    for number in range(SESSIONS):
        page = STEP_PAGES[number % len(STEP_PAGES)]
        session = StreamlitSession(base, f"w={workshop_id}&lang=en", page=page, timeout=120)
        await session.__aenter__()
        run = await session.open()
        # (error boxes can be content here: the analysis page flags gaps with them)
        assert not run.of("exception"), (page, [e.message for e in run.of("exception")])
        sessions.append(session)
    return sessions


def measure_memory(base: str, workshop_id: int) -> dict[str, float | int]:
    from tests.e2e.e2e_support import server_pid

    pid = server_pid(base)
    idle = memory_mb(pid, "VmRSS")

    async def run() -> None:
        sessions = await _open_sessions(base, workshop_id)
        for session in sessions:
            await session.__aexit__()

    asyncio.run(run())
    return {
        "sessions": SESSIONS,
        "rss_idle_mb": idle,
        "peak_rss_mb": memory_mb(pid, "VmHWM"),
    }


def _timed_click(page: "Page", button: "Locator", selector: str, text: str) -> float:
    """Milliseconds in the page from the click on ``button`` until ``text`` shows."""
    from tests.e2e.e2e_support import wait_for_run

    page.evaluate(WATCH, {"selector": selector, "text": text})
    button.click()
    shown = page.wait_for_function(SHOWN_AFTER, timeout=60_000).json_value()
    wait_for_run(page, timeout_ms=60_000)
    return float(shown["ms"])


def _new_page(browser: "Browser") -> "Page":
    from tests.e2e.e2e_support import app_context

    context = app_context(browser, viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(60_000)
    return context.new_page()


def measure_floor_click(browser: "Browser", base: str) -> float:
    """Median ms from a click to the text it makes appear, on a one-button page."""
    from tests.e2e.e2e_support import wait_for_run

    page = _new_page(browser)
    try:
        page.goto(base)
        wait_for_run(page, timeout_ms=60_000)
        button = page.get_by_role("button", name=FLOOR_BUTTON)
        times = [
            _timed_click(page, button, FLOOR_SELECTOR, f"Text number {number}")
            for number in range(1, CLICKS + 1)
        ]
    finally:
        page.context.close()
    return statistics.median(times)


def measure_click(browser: "Browser", base: str, workshop_id: int) -> float:
    """Median ms from the relationships page's Save click to the saved answer shown."""
    from canvas.i18n import t
    from tests.e2e.e2e_support import wait_for_run

    name = "Personal assistance"
    times: list[float] = []
    page = _new_page(browser)
    try:
        page.goto(f"{base}/relationships?w={workshop_id}&lang=en")
        wait_for_run(page, timeout_ms=60_000)
        label = re.compile(rf"^{name} · (\d) → (\d)$")
        save = page.get_by_role("button", name=t("relationships.save", "en"))
        for _ in range(CLICKS):
            section = page.get_by_test_id("stExpander").filter(has=page.get_by_text(label))
            summary = section.get_by_text(label)
            found = label.match(summary.inner_text().strip())
            assert found, summary.inner_text()
            expected, established = int(found[1]), int(found[2])
            slider = section.get_by_role("slider").first
            if not slider.is_visible():
                summary.click()  # open the type's section
            slider.focus()
            # a step up, or back to 0 from the top (levels 0-3)
            for _ in range(1 if expected < 3 else 3):
                slider.press("ArrowRight" if expected < 3 else "ArrowLeft")
            new = expected + 1 if expected < 3 else 0
            wait_for_run(page, timeout_ms=60_000)
            # timed in the page: from the click event to the moment the saved answer is in
            # the DOM, so Playwright's own checks before a click do not count
            target = f"{name} · {new} → {established}"
            times.append(_timed_click(page, save, '[data-testid="stExpander"] summary', target))
    finally:
        page.context.close()
    return statistics.median(times)


def measure_server(database_url: str, workshop_id: int, segment: str, log: Path) -> dict:
    """Memory with open sessions, and click to visible next to its one-button floor."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.e2e_support import CHROMIUM, launch_chromium, running_app

    floor_script = log.with_name("floor_click.py")
    floor_script.write_text(FLOOR_APP, encoding="utf-8")
    with running_app(database_url, log) as base:
        memory = measure_memory(base, workshop_id)
        if not CHROMIUM.exists():
            return {"memory": memory, "click_to_visible": {"skipped": f"no Chromium at {CHROMIUM}"}}
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                click_ms = measure_click(browser, base, workshop_id)
                floor_log = log.with_name("floor.log")
                with running_app(database_url, floor_log, script=floor_script) as floor_base:
                    floor_ms = measure_floor_click(browser, floor_base)
            finally:
                browser.close()
    click = {
        "clicks": CLICKS,
        "segment": segment,
        "median_ms": round(click_ms, 1),
        "floor_median_ms": round(floor_ms, 1),
        "times_floor": round(click_ms / floor_ms, 1),
    }
    return {"memory": memory, "click_to_visible": click}
