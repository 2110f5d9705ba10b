"""A link to an inner page is the first thing a freshly started server is asked for.

That happens whenever the server restarts (a deploy, ``make run`` again) while people
have the app open: their tabs reconnect on ``/analysis?w=…`` or similar. The page must
still run through ``app.py``: the app's navigation, and the workshop from the URL open.

(Regression guard: while the page scripts lived in ``pages/``, Streamlit treated that
folder as a legacy multipage directory until ``app.py`` had called ``st.navigation``
once, so such a first request ran the page file alone: raw file names as navigation,
no workshop open.)
"""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_support import running_app, wait_for_run
from playwright.sync_api import Page, expect

from canvas.domain import SegmentInput, WorkshopInput
from canvas.ops.migrate import upgrade
from canvas.store import segments, workshops
from canvas.store.db import make_engine, transaction

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
WORKSHOP = "Deep-link workshop"
WAIT_MS = 20_000
CHECK_MS = 5_000  # the page has finished its run by then; this is only slack


@pytest.fixture
def fresh_app_with_workshop(chromium_path: str, tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A server no browser has talked to yet, on a database with one workshop in it."""
    url = f"sqlite:///{tmp_path / 'deep.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            workshop = workshops.create_workshop(
                session,
                data=WorkshopInput(title=WORKSHOP, company="", language="en", currency="USD"),
            )
            segments.add_segment(
                session, workshop_id=workshop.id, data=SegmentInput(name="Walk-in customers")
            )
    finally:
        engine.dispose()
    with running_app(url, tmp_path / "streamlit.log") as base:
        yield base, workshop.id


def test_inner_page_is_the_first_request_after_a_restart(
    page: Page, fresh_app_with_workshop: tuple[str, int], tmp_path: Path
) -> None:
    base, workshop_id = fresh_app_with_workshop
    page.goto(f"{base}/analysis?w={workshop_id}&lang=en")
    wait_for_run(page, timeout_ms=WAIT_MS)
    try:
        expect(page.get_by_role("heading", name="Analysis", level=1)).to_be_visible(
            timeout=CHECK_MS
        )
        nav = page.get_by_test_id("stSidebarNav")
        expect(nav.get_by_role("link", name="Relationships")).to_be_visible(timeout=CHECK_MS)
        expect(nav.get_by_role("link", name="common")).to_have_count(0, timeout=CHECK_MS)
        expect(page.get_by_test_id("stSidebar").get_by_text(WORKSHOP)).to_be_visible(
            timeout=CHECK_MS
        )
    except AssertionError:
        page.screenshot(path=str(tmp_path / "deep-link.png"), full_page=True)
        raise


def test_a_course_address_on_a_server_without_courses_says_so_in_the_visitors_language(
    page: Page, fresh_app_with_workshop: tuple[str, int], tmp_path: Path
) -> None:
    base, _ = fresh_app_with_workshop
    words = json.loads((ROOT / "data" / "i18n" / "ru.navigation.json").read_text("utf-8"))
    pages = json.loads((ROOT / "data" / "i18n" / "ru.json").read_text("utf-8"))
    page.goto(f"{base}/trainer?lang=ru")
    wait_for_run(page, timeout_ms=WAIT_MS)
    try:
        expect(page.get_by_role("heading", name=words["elsewhere.title"], level=1)).to_be_visible(
            timeout=CHECK_MS
        )
        expect(page.get_by_text(words["elsewhere.local"])).to_be_visible(timeout=CHECK_MS)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        page.get_by_role("link", name=pages["page.workshops"]).last.click()
        wait_for_run(page, timeout_ms=WAIT_MS)
        expect(page.get_by_role("heading", name=pages["page.workshops"], level=1)).to_be_visible(
            timeout=CHECK_MS
        )
        assert page.title() == words["app.name"]  # the browser tab, in Russian too
    except AssertionError:
        page.screenshot(path=str(tmp_path / "elsewhere.png"), full_page=True)
        raise
