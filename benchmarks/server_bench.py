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
from typing import Any

CLICKS = 7
# Notes the click on "Save" and the first DOM change after it that shows ``target`` in an
# expander's heading; ``window.__savedAfter`` is the time between them, in ms.
WATCH = """target => {
  window.__savedAfter = null;
  let clicked = null;
  document.addEventListener('click', () => { clicked = performance.now(); },
                            {capture: true, once: true});
  const shows = () => Array.from(
      document.querySelectorAll('[data-testid="stExpander"] summary'))
    .some(summary => summary.textContent.includes(target));
  const watcher = new MutationObserver(() => {
    if (clicked !== null && shows()) {
      window.__savedAfter = performance.now() - clicked;
      watcher.disconnect();
    }
  });
  watcher.observe(document.body, {childList: true, subtree: true, characterData: true});
}"""
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


def _memory_mb(pid: int, field: str) -> float:
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
    idle = _memory_mb(pid, "VmRSS")

    async def run() -> None:
        sessions = await _open_sessions(base, workshop_id)
        for session in sessions:
            await session.__aexit__()

    asyncio.run(run())
    return {
        "sessions": SESSIONS,
        "rss_idle_mb": idle,
        "peak_rss_mb": _memory_mb(pid, "VmHWM"),
    }


def measure_click(base: str, workshop_id: int, segment: str) -> dict[str, float | int]:
    from playwright.sync_api import expect, sync_playwright

    from canvas.i18n import t
    from tests.e2e.e2e_support import launch_chromium, wait_idle

    name = "Personal assistance"
    times: list[float] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(f"{base}/relationships?w={workshop_id}&lang=en")
            wait_idle(page, 60_000)
            label = re.compile(rf"^{name} · (\d) → (\d)$")
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
                wait_idle(page, 60_000)
                # timed in the page: from the click event to the moment the saved answer
                # is in the DOM, so Playwright's own checks before a click do not count
                page.evaluate(WATCH, f"{name} · {new} → {established}")
                page.get_by_role("button", name=t("relationships.save", "en")).click()
                saved = page.get_by_text(f"{name} · {new} → {established}", exact=True)
                expect(saved).to_be_visible(timeout=60_000)
                times.append(
                    page.wait_for_function("window.__savedAfter", timeout=60_000).json_value()
                )
                wait_idle(page, 60_000)
        finally:
            browser.close()
    return {"clicks": CLICKS, "median_ms": round(statistics.median(times), 1), "segment": segment}


def measure_server(database_url: str, workshop_id: int, segment: str, log: Path) -> dict:
    from tests.e2e.e2e_support import CHROMIUM, running_app

    with running_app(database_url, log) as base:
        memory = measure_memory(base, workshop_id)
        click = (
            measure_click(base, workshop_id, segment)
            if CHROMIUM.exists()
            else {"skipped": "no Chromium at /usr/bin/chromium"}
        )
    return {"memory": memory, "click_to_visible": click}
