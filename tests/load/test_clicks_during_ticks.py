"""A click that meets a live page's timer tick runs after it, alone, in the main area.

A real server with the app's ``.streamlit/config.toml`` serves a small page
(``tick_and_click_app.py``) whose tick sits in the sidebar, as the comments' watcher does.

- Streamlit's default ``runner.fastReruns`` would start the click's run at once in a second
  script thread, beside the tick still running in the first, both changing the one
  session's state: a form submitted in that moment could lose its button press (seen in
  CI). The config turns it off, so a session runs one script at a time.
- Then a click that arrives just as a tick's run ends runs next in the same thread, where
  the tick left the sidebar as the current container: the whole page was drawn into the
  sidebar (seen in CI), until ``start_in_main_area`` at the top of each page run.
"""

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.e2e.e2e_support import running_app
from tests.load.streamlit_ws import Run, StreamlitSession

APP = Path(__file__).with_name("tick_and_click_app.py")
ROOT = Path(__file__).resolve().parents[2]  # the page imports the app's ``ui`` package


async def _click_during_a_tick(base: str, query: str) -> Run:
    async with StreamlitSession(base, query) as session:
        page = await session.open()
        button = page.widget("Count")
        fragment = next(iter(session.fragments))
        await session.ask([], fragment=fragment)  # the browser's timer
        await session.until("markdown")  # the tick's caption: its run has begun
        await session.ask([session.press(button)])
        return await session.finish()


def _served(tmp_path: Path, query: str, visit: Callable[[str, str], Awaitable[Run]]) -> Run:
    url = f"sqlite:///{tmp_path / 'unused.db'}"
    with (
        running_app(
            url, tmp_path / "streamlit.log", script=APP, env={"PYTHONPATH": str(ROOT)}
        ) as base,
        ThreadPoolExecutor(max_workers=1) as own_loop,  # pytest's Playwright holds this one
    ):
        return own_loop.submit(asyncio.run, visit(base, query)).result()


def test_a_click_during_a_busy_tick_runs_after_it_and_is_counted(tmp_path: Path) -> None:
    done = _served(tmp_path, "slow=1", _click_during_a_tick)
    assert "clicks: 1; began while a tick was busy: False" in done.markdown()


def test_a_click_as_a_tick_ends_draws_its_page_in_the_main_area(tmp_path: Path) -> None:
    done = _served(tmp_path, "late=1", _click_during_a_tick)
    assert "clicks: 1; began while a tick was busy: False" in done.markdown()
    assert [m.body for m in done.in_sidebar("markdown")] == ["tick"]  # the tick's own
    assert done.in_sidebar("button") == []
