"""The room screen in Chromium at 1920×1080: the join code and the QR code of the join
address are big enough for the back of a room, and the page needs no scrolling."""

import base64
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_support import app_context, running_app, wait_for_run
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from canvas.domain.course import CourseInput
from canvas.domain.vocabulary import Language
from canvas.figures.qr import qr_png
from canvas.i18n import t
from canvas.ops.migrate import upgrade
from canvas.store import courses
from canvas.store.db import make_engine, transaction

pytestmark = pytest.mark.e2e

WAIT_MS = 30_000
PASSWORD = "room screen trainer password"

# The image's bytes as the browser got them, read inside the page.
FETCH_IMAGE_JS = """async (img) => {
  const response = await fetch(img.currentSrc || img.src);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}"""


@pytest.fixture(scope="module")
def course_app(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A course-mode server, no ``PUBLIC_URL``: the address comes from the browser's."""
    folder = tmp_path_factory.mktemp("room")
    url = f"sqlite:///{folder / 'course.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            course = courses.create_course(
                session, data=CourseInput(title="Spring cohort", language=Language.EN)
            )
    finally:
        engine.dispose()
    environment = {"TRAINER_PASSWORD": PASSWORD, "PUBLIC_URL": None}
    with running_app(url, folder / "streamlit.log", env=environment) as base:
        yield {"base": base, "code": course.join_code}


@pytest.fixture
def projector(browser: Browser) -> Iterator[Page]:
    context = app_context(browser, viewport={"width": 1920, "height": 1080})
    try:
        opened = context.new_page()
        opened.set_default_timeout(WAIT_MS)
        yield opened
    finally:
        context.close()


def _pixels(png: bytes) -> tuple[tuple[int, int], bytes]:
    image = Image.open(io.BytesIO(png)).convert("L")
    return image.size, image.tobytes()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_room_screen_shows_a_huge_code_and_a_qr_code_of_the_join_address(
    course_app: dict, projector: Page, lang: str, tmp_path: Path
) -> None:
    page, base = projector, course_app["base"]
    page.goto(f"{base}/trainer-login?lang={lang}")
    wait_for_run(page, timeout_ms=WAIT_MS)
    page.get_by_label(t("trainer.password", lang)).fill(PASSWORD)
    page.get_by_role("button", name=t("trainer.login", lang)).click()
    expect(page.get_by_role("heading", name=t("page.trainer", lang), level=1)).to_be_visible()
    wait_for_run(page, timeout_ms=WAIT_MS)
    page.get_by_role("link", name=t("room.open", lang)).click()

    code = page.locator(".st-key-room_code h1")
    expect(code).to_have_text(course_app["code"])
    qr = page.locator(".st-key-room_qr img")
    expect(qr).to_be_visible()
    wait_for_run(page, timeout_ms=WAIT_MS)
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=qr.element_handle())
    try:
        # The participants' address is the app's own, as the browser reached it.
        expect(page.locator(".st-key-room_address")).to_have_text(base)
        font_px = float(code.evaluate("h => parseFloat(getComputedStyle(h).fontSize)"))
        assert font_px >= 120
        box = qr.bounding_box()
        assert box is not None and box["width"] >= 500 and box["height"] >= 500
        assert page.evaluate("() => document.scrollingElement.scrollHeight <= window.innerHeight")
        assert page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=\"stMain\"] *')]"
            ".every(e => e.scrollHeight <= e.clientHeight + 1 || "
            "getComputedStyle(e).overflowY === 'visible')"
        )
        expect(page.get_by_test_id("stSidebar")).to_be_hidden()
        expect(page.get_by_test_id("stToolbar")).to_be_hidden()
        # The QR code is the one segno makes for that address, pixel for pixel.
        shown = base64.b64decode(qr.evaluate(FETCH_IMAGE_JS))
        assert _pixels(shown) == _pixels(qr_png(base))
    except AssertionError:
        page.screenshot(path=str(tmp_path / "room.png"))
        raise
