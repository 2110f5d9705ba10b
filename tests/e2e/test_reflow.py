"""Reflow as a person on a laptop or a phone meets it: the HTML report and the app's pages
never scroll sideways, the canvas is a list of blocks on a phone, and words stay whole."""

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from canvas.content.demo import load_demo
from canvas.domain import Language
from canvas.export.html import render_html
from canvas.export.report import build_report
from canvas.ops.migrate import upgrade
from canvas.store import reads, workshops
from canvas.store.db import make_engine, reading, transaction

pytestmark = pytest.mark.e2e
LAPTOP, PHONE = 1440, 390

# Every table's and the board's box: how far its content runs past its own width.
_OVERRUNS_JS = """() => [...document.querySelectorAll('.table-wrap, .board-wrap, .board-list')]
  .filter((box) => box.offsetParent !== null && box.scrollWidth > box.clientWidth + 1)
  .map((box) => `${box.closest('section').id}: ${box.scrollWidth - box.clientWidth} px`)"""


def _demo_report(folder: Path, lang: Language) -> Path:
    engine = make_engine(f"sqlite:///{folder}/report.db")
    try:
        upgrade(engine)
        with transaction(engine) as session:
            workshop = workshops.create_from_document(session, document=load_demo(lang))
        with reading(engine) as session:
            view = reads.load_view(session, workshop_id=workshop.id)
    finally:
        engine.dispose()
    path = folder / f"report-{lang.value}.html"
    path.write_text(render_html(build_report(view, lang, today=date(2026, 11, 23))), "utf-8")
    return path


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
@pytest.mark.parametrize("width", [LAPTOP, PHONE])
def test_the_html_report_fits_the_window_on_a_laptop_and_on_a_phone(
    browser: Browser, tmp_path: Path, lang: Language, width: int
):
    report = _demo_report(tmp_path, lang)
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(report.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate(_OVERRUNS_JS) == []
        # On the phone the board is one column of blocks, on the laptop the drawing.
        board, blocks = page.locator("svg.board"), page.locator(".board-list > .board-block")
        if width == PHONE:
            assert not board.is_visible()
            assert blocks.count() == 9
            lefts = {round(blocks.nth(i).bounding_box()["x"]) for i in range(9)}  # type: ignore[index]
            assert len(lefts) == 1
        else:
            assert board.is_visible()
            assert not blocks.first.is_visible()
    finally:
        page.close()
