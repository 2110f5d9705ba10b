"""Take a screenshot of the demo workshop's canvas for the docs.

Starts ``streamlit run app.py`` on a throwaway SQLite database, loads the demo
workshop through the UI in the chosen language, waits for the Canvas page and saves
a PNG (default ``docs/canvas.png``). Uses Debian's Chromium at /usr/bin/chromium.

    .venv/bin/python scripts/screenshot.py [--lang en|ru] [--output docs/canvas.png]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1400, 1120
TIMEOUT_MS = 60_000
LANGUAGES = ("en", "ru")


def _support() -> ModuleType:
    """``tests/e2e/e2e_support.py``, the same server start-up the e2e tests use."""
    path = ROOT / "tests" / "e2e" / "e2e_support.py"
    spec = importlib.util.spec_from_file_location("e2e_support", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _ui_strings(lang: str) -> dict[str, str]:
    """The app's own interface strings, so the script follows any rewording."""
    path = ROOT / "data" / "i18n" / f"{lang}.json"
    strings: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return strings


@contextmanager
def app_page(lang: str, width: int, height: int) -> Iterator[tuple[Any, str, ModuleType]]:
    """A fresh ``streamlit run app.py`` on a throw-away database and a Chromium page of
    ``width``×``height`` in ``lang``: yields the page, the app's URL and ``e2e_support``."""
    from playwright.sync_api import sync_playwright

    support = _support()
    if not support.CHROMIUM.is_file():
        raise SystemExit(f"{support.CHROMIUM} is missing: run scripts/system-deps.sh")
    with tempfile.TemporaryDirectory(prefix="app-shot-") as tmp:
        database = f"sqlite:///{Path(tmp) / 'screenshot.db'}"
        log = Path(tmp) / "streamlit.log"
        with support.running_app(database, log) as url, sync_playwright() as playwright:
            browser = support.launch_chromium(playwright)
            try:
                context = support.app_context(
                    browser, viewport={"width": width, "height": height}, locale=lang
                )
                page = context.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                yield page, url, support
            finally:
                browser.close()


def take(output: Path, lang: str) -> Path:
    from playwright.sync_api import expect

    ui = _ui_strings(lang)
    output.parent.mkdir(parents=True, exist_ok=True)
    with app_page(lang, WIDTH, HEIGHT) as (page, url, support):
        page.goto(f"{url}/?lang={lang}")
        support.wait_for_run(page, timeout_ms=TIMEOUT_MS)
        page.get_by_role("button", name=ui["workshops.demo_button"]).click()
        title = page.get_by_role("heading", name=ui["page.canvas"], level=1)
        expect(title).to_be_visible(timeout=TIMEOUT_MS)
        board = page.locator(".js-plotly-plot").first
        expect(board).to_be_visible(timeout=TIMEOUT_MS)
        support.wait_for_run(page, timeout_ms=TIMEOUT_MS)
        page.wait_for_timeout(1_000)  # let Plotly finish laying out the text
        # The top of the page is the board itself: title, help line, canvas.
        page.screenshot(path=str(output))
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, default="en")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "canvas.png")
    args = parser.parse_args()
    print(take(args.output.resolve(), args.lang))


if __name__ == "__main__":
    main()
