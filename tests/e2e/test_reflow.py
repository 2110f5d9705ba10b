"""Reflow as a person on a laptop or a phone meets it: the HTML report and the app's pages
never scroll sideways, the canvas is a list of blocks on a phone, and words stay whole."""

from datetime import date
from pathlib import Path

import pytest
from e2e_support import app_context, wait_for_run
from playwright.sync_api import Browser, Dialog, Page, expect

from canvas.content.catalogue import catalogue
from canvas.content.demo import load_demo
from canvas.domain import Language
from canvas.export.html import render_html
from canvas.export.report import build_report
from canvas.i18n import t
from canvas.ops.preview import view_of

pytestmark = pytest.mark.e2e
LAPTOP, PHONE = 1440, 390

# Every table's and the board's box: how far its content runs past its own width.
_OVERRUNS_JS = """() => [...document.querySelectorAll('.table-wrap, .board-wrap, .board-list')]
  .filter((box) => box.offsetParent !== null && box.scrollWidth > box.clientWidth + 1)
  .map((box) => `${box.closest('section').id}: ${box.scrollWidth - box.clientWidth} px`)"""


def _demo_report(folder: Path, lang: Language) -> Path:
    view = view_of(load_demo(lang))
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


# ------------------------------------------------------------------ the app on a phone

IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
WAIT_MS = 30_000

# Every word of a visible title, label, tab, expander or button whose letters land on more
# than one line: the browser broke it inside (Range rects of the word's characters).
_SPLIT_WORDS_JS = """() => {
  const selectors = ['h1', 'h2', 'h3', '[data-testid="stWidgetLabel"] p', 'button p',
    '[data-baseweb="tab"] p', '[data-testid="stExpander"] summary p',
    '[data-testid="stMetricLabel"] p'].join(', ');
  const main = document.querySelector('[data-testid="stMain"]');
  const split = [];
  for (const element of main.querySelectorAll(selectors)) {
    if (!element.checkVisibility()) continue;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const word = /[\\p{L}\\p{N}]+/gu;
      for (let match = word.exec(node.data); match; match = word.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0)
          .map((r) => Math.round(r.bottom)));
        if (lines.size > 1) split.push(match[0]);
      }
    }
  }
  return split;
}"""


def _phone(browser: Browser, lang: str) -> Page:
    context = app_context(
        browser,
        viewport={"width": PHONE, "height": 844},
        user_agent=IPHONE,
        is_mobile=True,
        has_touch=True,
        locale="ru-RU" if lang == "ru" else "en-US",
    )
    context.set_default_timeout(WAIT_MS)
    return context.new_page()


def _open_demo(page: Page, url: str, lang: str) -> str:
    """The demo workshop opened from the workshop list; its address (``?w=…&lang=…``)."""
    page.goto(f"{url}/?lang={lang}")
    wait_for_run(page, timeout_ms=WAIT_MS)
    page.get_by_role("button", name=t("workshops.demo_button", lang)).click()
    expect(page.get_by_role("heading", name=t("page.canvas", lang), level=1)).to_be_visible(
        timeout=WAIT_MS
    )
    wait_for_run(page, timeout_ms=WAIT_MS)
    return page.url.split("?", 1)[1]


PHONE_PAGES = [
    *("relationships", "canvas", "segments", "nps", "touchpoints", "loyalty-check"),
    *("shura", "twelve-rules", "analysis", "summary"),
]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_on_a_phone_no_page_scrolls_sideways_and_no_word_is_broken_inside(
    browser: Browser, app_url: str, lang: str
):
    page = _phone(browser, lang)
    try:
        query = _open_demo(page, app_url, lang)
        problems = {}
        for path in PHONE_PAGES:
            page.goto(f"{app_url}/{path}?{query}")
            wait_for_run(page, timeout_ms=WAIT_MS)
            page.locator('[data-testid="stMain"] h1').first.wait_for()
            wide = page.evaluate("document.documentElement.scrollWidth") > PHONE
            split = page.evaluate(_SPLIT_WORDS_JS)
            if wide or split:
                problems[path] = {"scrolls sideways": wide, "words broken": split}
        assert problems == {}
        # the canvas page on a phone shows the blocks as a list, not the drawing
        page.goto(f"{app_url}/canvas?{query}")
        wait_for_run(page, timeout_ms=WAIT_MS)
        relationships = catalogue().block("customer_relationships").name(lang)
        expect(page.get_by_text(relationships, exact=True).first).to_be_visible()
        assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
    finally:
        page.context.close()


def test_leaving_a_form_with_unsaved_changes_asks_first(page: Page, app_url: str):
    query = _open_demo(page, app_url, "en")
    page.goto(f"{app_url}/relationships?{query}")
    wait_for_run(page, timeout_ms=WAIT_MS)
    asked: list[str] = []
    accept = [False]  # how the person answers the next question

    def answer(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept[0] else dialog.dismiss()

    page.on("dialog", answer)
    nav = page.get_by_test_id("stSidebarNav")
    form = page.get_by_test_id("stForm")
    # untouched: leaving asks nothing
    nav.get_by_role("link", name=t("page.segments", "en")).click()
    expect(page.get_by_role("heading", name=t("page.segments", "en"), level=1)).to_be_visible()
    assert asked == []

    page.goto(f"{app_url}/relationships?{query}")
    wait_for_run(page, timeout_ms=WAIT_MS)
    typed = "A weekly call, typed and not saved"
    form.get_by_role("textbox").first.fill(typed)
    nav.get_by_role("link", name=t("page.canvas", "en")).click()
    assert asked == [t("reflow.unsaved.leave", "en")]
    relationships = page.get_by_role("heading", name=t("page.relationships", "en"), level=1)
    expect(relationships).to_be_visible()
    expect(form.get_by_role("textbox").first).to_have_value(typed)

    accept[0] = True
    nav.get_by_role("link", name=t("page.canvas", "en")).click()
    expect(page.get_by_role("heading", name=t("page.canvas", "en"), level=1)).to_be_visible()
    assert len(asked) == 2

    # typed and saved: nothing is lost, so leaving asks nothing
    page.goto(f"{app_url}/relationships?{query}")
    wait_for_run(page, timeout_ms=WAIT_MS)
    page.get_by_test_id("stForm").get_by_role("textbox").first.fill("A weekly call, saved")
    page.get_by_role("button", name=t("relationships.save", "en")).click()
    wait_for_run(page, timeout_ms=WAIT_MS)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=t("page.canvas", "en")).click()
    expect(page.get_by_role("heading", name=t("page.canvas", "en"), level=1)).to_be_visible()
    assert len(asked) == 2


def test_a_narrow_desktop_window_shows_the_canvas_as_a_list_and_a_wide_one_the_drawing(
    page: Page, app_url: str
):
    query = _open_demo(page, app_url, "en")
    page.goto(f"{app_url}/canvas?{query}")
    wait_for_run(page, timeout_ms=WAIT_MS)
    drawing = page.locator(".st-key-canvas-drawing [data-testid='stPlotlyChart']")
    relationships = page.locator(".st-key-canvas-narrow-customer_relationships")
    page.set_viewport_size({"width": LAPTOP, "height": 900})
    expect(drawing).to_be_visible()
    expect(relationships).to_be_hidden()
    page.set_viewport_size({"width": PHONE, "height": 844})
    expect(drawing).to_be_hidden()
    expect(relationships).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
