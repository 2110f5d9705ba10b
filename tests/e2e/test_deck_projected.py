"""The projected deck in Chromium at 1920×1080: every slide of the demo, in both languages,
fits one screen and is legible from the back of a room.

Each slide is measured in the page: no vertical scroll (the document nor Streamlit's own
scrolling main area), body text at least 24 px, chart tick labels and legends at least
18 px (as computed, after Streamlit's styles and Plotly's), no sidebar, no chart toolbar,
and no button label cut off.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_support import app_context, running_app, wait_for_run
from playwright.sync_api import Browser, Page, expect

from canvas.i18n import t

pytestmark = pytest.mark.e2e

WAIT_MS = 30_000
WIDTH, HEIGHT = 1920, 1080
BODY_MIN, CHART_MIN = 24, 18  # px

# What a slide looks like to a measuring eye. Body text: every visible element outside the
# charts with text of its own (a paragraph, a list item, a heading, a button's label).
# Chart text: Plotly's tick labels (axes, colour bars, polar axes), legend entries and
# notes (the canvas's blocks are notes on a blank plot).
MEASURE_JS = """() => {
  const shown = (el) => {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
      && style.display !== 'none' && style.opacity !== '0';
  };
  const main = document.querySelector('[data-testid="stMain"]');
  const scrollers = [document.scrollingElement, main,
    document.querySelector('[data-testid="stAppViewContainer"]')].filter(Boolean);
  const overflow = Math.max(...scrollers.map((el) => el.scrollHeight - el.clientHeight));
  const body = [];
  for (const el of main.querySelectorAll('*')) {
    if (el.closest('svg, .js-plotly-plot')) continue;
    // a chart's words for a screen reader, clipped to nothing on the slide (look.py)
    if (el.closest('[class*="st-key-deck_spoken_"]')) continue;
    const own = el.tagName === 'INPUT' ? el.type === 'text' && el.value.trim()
      : [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !shown(el)) continue;
    body.push({ text: (el.value || el.textContent).trim().slice(0, 50),
                size: parseFloat(getComputedStyle(el).fontSize) });
  }
  const chart = [];
  const ticks = main.querySelectorAll(
    '.js-plotly-plot :is(.xtick, .ytick, .angularaxistick, .radialaxistick) text,'
    + ' .js-plotly-plot text.legendtext, .js-plotly-plot .colorbar text,'
    + ' .js-plotly-plot text.annotation-text'
  );
  for (const el of ticks) {
    if (!el.textContent.trim() || !shown(el)) continue;
    chart.push({ text: el.textContent.trim().slice(0, 50),
                 size: parseFloat(getComputedStyle(el).fontSize) });
  }
  const cut = [...main.querySelectorAll('button p, a p')]
    .filter((el) => shown(el) && el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent);
  const sidebar = [...document.querySelectorAll(
    '[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],'
    + ' [data-testid="stExpandSidebarButton"]'
  )].filter(shown).length;
  return {
    overflow, body, chart, cut, sidebar,
    charts: main.querySelectorAll('.js-plotly-plot').length,
    modebars: document.querySelectorAll('.modebar').length,
    innerHeight: window.innerHeight,
  };
}"""


@pytest.fixture(scope="module")
def deck_app(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A local-mode server on an empty database: the deck shows the demo."""
    folder = tmp_path_factory.mktemp("deck")
    with running_app(f"sqlite:///{folder / 'deck.db'}", folder / "streamlit.log") as base:
        yield base


@pytest.fixture
def projector(browser: Browser) -> Iterator[Page]:
    context = app_context(browser, viewport={"width": WIDTH, "height": HEIGHT})
    try:
        opened = context.new_page()
        opened.set_default_timeout(WAIT_MS)
        yield opened
    finally:
        context.close()


def _settled(page: Page, tries: int = 40) -> dict:
    """The slide's measures once two in a row agree: Plotly lays its text out after the
    first draw, and a loaded machine may take a while to replace the previous slide."""
    measured = page.evaluate(MEASURE_JS)
    for _ in range(tries):
        page.wait_for_timeout(250)
        again = page.evaluate(MEASURE_JS)
        if again == measured:
            return measured
        measured = again
    return measured


def _problems(measured: dict) -> list[str]:
    found = []
    if measured["overflow"] > 0:
        found.append(f"scrolls by {measured['overflow']} px")
    found += [f"body {m['size']} px: {m['text']!r}" for m in measured["body"] if m["size"] < 24]
    found += [f"chart {m['size']} px: {m['text']!r}" for m in measured["chart"] if m["size"] < 18]
    found += [f"cut-off label {text!r}" for text in measured["cut"]]
    if measured["sidebar"]:
        found.append("the sidebar shows")
    if measured["modebars"]:
        found.append("a chart toolbar shows")
    return found


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_slide_of_the_demo_fits_the_screen_in_type_a_room_can_read(
    deck_app: str, projector: Page, lang: str, tmp_path: Path
) -> None:
    page = projector
    page.goto(f"{deck_app}/present?lang={lang}")
    wait_for_run(page, timeout_ms=WAIT_MS)
    next_button = page.get_by_role("button", name=t("deck.next", lang))
    problems: dict[str, list[str]] = {}
    seen_charts, slides, keys = 0, 0, []
    while True:
        slides += 1
        key = page.url.split("slide=", 1)[1].split("&", 1)[0]
        keys.append(key)
        measured = _settled(page)
        assert measured["innerHeight"] == HEIGHT
        assert measured["body"], key  # something was measured on every slide
        seen_charts += measured["charts"]
        if measured["charts"]:
            assert measured["chart"], key  # a chart's ticks or legend were measured
        found = _problems(measured)
        if found:
            problems[key] = found
            page.screenshot(path=str(tmp_path / f"{lang}-{slides:02d}-{key}.png"))
        if next_button.is_disabled():
            break
        next_button.click()
        wait_for_run(page, timeout_ms=WAIT_MS)
        expect(page).not_to_have_url(re.compile(rf"slide={re.escape(key)}(&|$)"))
    # the whole demo: 5 teaching slides, 4 segments' gaps, 5 frameworks, 2 closing slides
    assert slides == 16, keys
    assert keys[0] == "title" and keys[-1] == "sources"
    assert seen_charts >= 9  # canvas, 4 gaps, SHURA, rules, 2 NPS, touchpoints, 2 crisis …
    assert problems == {}, f"screenshots in {tmp_path}"


def test_a_clickers_page_down_and_page_up_step_through_the_slides(
    deck_app: str, projector: Page
) -> None:
    page = projector
    page.goto(f"{deck_app}/present?lang=ru&slide=why")
    wait_for_run(page, timeout_ms=WAIT_MS)
    page.keyboard.press("PageDown")
    wait_for_run(page, timeout_ms=WAIT_MS)
    expect(page.get_by_role("heading", name=t("deck.slide.questions", "ru"))).to_be_visible()
    assert "slide=questions" in page.url
    page.keyboard.press("PageUp")
    wait_for_run(page, timeout_ms=WAIT_MS)
    expect(page.get_by_role("heading", name=t("deck.slide.why", "ru"))).to_be_visible()
    assert "slide=why" in page.url


def test_the_other_language_redraws_the_slide_on_screen(deck_app: str, projector: Page) -> None:
    page = projector
    page.goto(f"{deck_app}/present?lang=en&slide=nps")
    wait_for_run(page, timeout_ms=WAIT_MS)
    page.get_by_role("button", name="Русский").click()
    wait_for_run(page, timeout_ms=WAIT_MS)
    expect(page.get_by_role("heading", name=t("deck.slide.nps", "ru"))).to_be_visible()
    assert "slide=nps" in page.url and "lang=ru" in page.url


def test_a_reload_stays_on_the_slide_in_the_address(deck_app: str, projector: Page) -> None:
    page = projector
    page.goto(f"{deck_app}/present?lang=en&slide=twelve_rules")
    wait_for_run(page, timeout_ms=WAIT_MS)
    expect(page.get_by_role("heading", name=t("deck.slide.twelve_rules", "en"))).to_be_visible()
    page.reload()
    wait_for_run(page, timeout_ms=WAIT_MS)
    expect(page.get_by_role("heading", name=t("deck.slide.twelve_rules", "en"))).to_be_visible()
    assert "slide=twelve_rules" in page.url
