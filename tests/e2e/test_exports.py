"""Exports as a user gets them: the PDF from the page's button, and JSON out and back in."""

import json
from pathlib import Path

import pytest
from e2e_support import open_expander, wait_for_run
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from canvas.content.catalogue import catalogue
from canvas.content.demo import load_demo
from canvas.domain.document import SCHEMA_VERSION
from canvas.i18n import t

pytestmark = pytest.mark.e2e
WAIT_MS = 30_000


def _load_demo(page: Page, url: str) -> None:
    page.goto(f"{url}/?lang=en")
    wait_for_run(page, timeout_ms=WAIT_MS)
    page.get_by_role("button", name=t("workshops.demo_button", "en")).click()
    title = t("page.canvas", "en")
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible(timeout=WAIT_MS)
    wait_for_run(page, timeout_ms=WAIT_MS)


def test_the_pdf_from_the_canvas_page_opens_and_holds_the_workshop(
    page: Page, app_url: str, tmp_path: Path
):
    _load_demo(page, app_url)
    with page.expect_download(timeout=WAIT_MS) as started:
        page.get_by_role("button", name=t("summary.pdf", "en")).click()
    saved = tmp_path / "summary.pdf"
    started.value.save_as(saved)

    assert started.value.suggested_filename.endswith(".pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(saved).pages)
    for segment in load_demo("en").segments:
        assert segment.name in text
    assert catalogue().credit("en") in text


def test_a_workshop_exported_as_json_comes_back_through_the_upload(
    page: Page, app_url: str, tmp_path: Path
):
    _load_demo(page, app_url)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=t("page.summary", "en")).click()
    expect(page.get_by_role("heading", name=t("page.summary", "en"), level=1)).to_be_visible(
        timeout=WAIT_MS
    )
    wait_for_run(page, timeout_ms=WAIT_MS)
    with page.expect_download(timeout=WAIT_MS) as started:
        page.get_by_role("button", name=t("summary.json", "en")).click()
    exported = tmp_path / "workshop.json"
    started.value.save_as(exported)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["schema_version"] == SCHEMA_VERSION
    document["workshop"]["title"] = "Imported in Chromium"
    exported.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    page.get_by_test_id("stSidebarNav").get_by_role("link", name=t("page.workshops", "en")).click()
    wait_for_run(page, timeout_ms=WAIT_MS)
    open_expander(page.get_by_text(t("summary.import", "en")))
    page.locator("input[type=file]").set_input_files(str(exported))
    ready = t("summary.import_ready", "en", title="Imported in Chromium", n=4)
    expect(page.get_by_text(ready)).to_be_visible(timeout=WAIT_MS)
    page.get_by_role("button", name=t("summary.import_button", "en")).click()

    expect(page.get_by_role("heading", name=t("page.canvas", "en"), level=1)).to_be_visible(
        timeout=WAIT_MS
    )
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Imported in Chromium")).to_be_visible(timeout=WAIT_MS)
