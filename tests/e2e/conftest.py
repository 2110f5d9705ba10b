"""Browser fixtures: ``streamlit run app.py`` on a temp SQLite file and Debian's Chromium.

Chromium is ``/usr/bin/chromium`` (never ``playwright install``). Without it the e2e
tests are skipped locally and fail in CI (``CI=true``).
"""

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_support import CHROMIUM, app_context, launch_chromium, running_app
from nginx_support import NGINX, nginx_missing

VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
TIMEOUT_MS = 20_000


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium, or a skip (locally) / failure (CI) when it is missing."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        reason = f"{CHROMIUM} is missing; install Debian's chromium (scripts/system-deps.sh)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    return str(CHROMIUM)


@pytest.fixture(scope="session")
def nginx_binary() -> Path:
    """Debian's nginx, or a skip (locally) / failure (CI) when it is missing."""
    reason = nginx_missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"nginx is required in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    return NGINX


@pytest.fixture(scope="session")
def e2e_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the database, the server log and failure screenshots go."""
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def app_url(chromium_path: str, e2e_dir: Path) -> Iterator[str]:
    """The base URL of a fresh ``streamlit run app.py`` on an empty SQLite database."""
    with running_app(f"sqlite:///{e2e_dir / 'e2e.db'}", e2e_dir / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    """One headless Chromium for the session (Playwright's sync API)."""
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context and page per test, English locale, desktop size."""
    context = app_context(browser, viewport=VIEWPORT, locale="en-US")
    context.set_default_timeout(TIMEOUT_MS)
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()
