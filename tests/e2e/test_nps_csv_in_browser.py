"""A survey file uploaded in Chromium (a CSV, and a workbook with a sheet to pick): read, its
columns confirmed, the bad row listed, the good rows kept, and the loyalty index on screen
as worked out by hand."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from e2e_support import running_app, wait_for_run
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from canvas.domain import SegmentInput, WorkshopInput
from canvas.i18n import t
from canvas.ops.migrate import upgrade
from canvas.store import nps, workshops
from canvas.store import segments as segment_store
from canvas.store.db import make_engine, reading, transaction
from tests import workbooks

pytestmark = pytest.mark.e2e
WAIT_MS = 30_000
LANG = "ru"

# Semicolons and Russian headers, UTF-8 with a byte order mark, as Excel saves "CSV UTF-8".
SURVEY = (
    "\ufeffОценка;Почему;Что нужно, чтобы поставили 10;Сегмент;Дата\r\n"
    "10;Быстро и вежливо;;Розница;14.03.2026\r\n"  # line 2: promoter, Розница
    "десять;Словами;;Розница;15.03.2026\r\n"  # 3: bad, the score in words
    "9;Вкусно;;Опт;15.03.2026\r\n"  # 4: promoter, a segment the workshop lacks
    "4;Дорого;Скидки для постоянных;Опт;02.04.2026\r\n"  # 5: detractor
    "8;;;;\r\n"  # 6: passive, no segment
)


def _say(key: str, **params: str) -> str:
    return t(key, LANG, **params)


@pytest.fixture
def app_with_workshop(chromium_path: str, tmp_path: Path) -> Iterator[tuple[str, str, int]]:
    """A server on a database holding one Russian workshop with the segment «Розница»."""
    url = f"sqlite:///{tmp_path / 'nps.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            workshop = workshops.create_workshop(
                session,
                data=WorkshopInput(title="Обжарка", language="ru", currency="RUB"),
            )
            segment_store.add_segment(
                session, workshop_id=workshop.id, data=SegmentInput(name="Розница")
            )
    finally:
        engine.dispose()
    with running_app(url, tmp_path / "streamlit.log") as base:
        yield base, url, workshop.id


def _answers(url: str, workshop: int) -> dict[int | None, list[int]]:
    engine = make_engine(url)
    try:
        with reading(engine) as session:
            return nps.load_survey(session, workshop_id=workshop).by_segment
    finally:
        engine.dispose()


def test_a_semicolon_file_with_russian_headers_and_a_bad_row_gives_the_expected_nps(
    page: Page, app_with_workshop: tuple[str, str, int], tmp_path: Path
):
    base, url, workshop = app_with_workshop
    survey = tmp_path / "опрос.csv"
    survey.write_bytes(SURVEY.encode("utf-8"))
    try:
        page.goto(f"{base}/nps?w={workshop}&lang={LANG}")
        heading = page.get_by_role("heading", name=_say("page.nps"), level=1)
        expect(heading).to_be_visible(timeout=WAIT_MS)
        wait_for_run(page, timeout_ms=WAIT_MS)
        expect(page.get_by_text(_say("nps.empty"))).to_be_visible()

        page.get_by_role("radio", name=_say("nps.way.file")).click()  # a segmented control
        wait_for_run(page, timeout_ms=WAIT_MS)
        page.locator("input[type=file]").set_input_files(str(survey))
        read = _say(
            "nps.file.read",
            encoding="UTF-8 (BOM)",
            separator=_say("nps.file.separator.semicolon"),
            rows="5",
        )
        expect(page.get_by_text(read)).to_be_visible(timeout=WAIT_MS)
        wait_for_run(page, timeout_ms=WAIT_MS)

        # the guessed columns are confirmed as they are
        page.get_by_role("button", name=_say("nps.file.check")).click()
        expect(page.get_by_text(_say("nps.file.good", good="4"))).to_be_visible(timeout=WAIT_MS)
        reason = _say("nps_import.bad.score_invalid", value="десять")
        bad = _say("nps_import.bad_row", row="3", reason=reason)
        expect(page.get_by_text(bad)).to_be_visible()
        unknown = _say("nps.file.unknown_name", name="Опт")
        expect(page.get_by_text(unknown)).to_be_visible()
        wait_for_run(page, timeout_ms=WAIT_MS)
        assert _answers(url, workshop) == {}  # nothing saved before the user confirms

        page.get_by_role("button", name=_say("nps.file.save", good="4")).click()
        # 2 promoters (10, 9), 1 passive (8), 1 detractor (4) of 4: 50 % − 25 % = 25
        score = page.get_by_test_id("stMetric").filter(has_text=_say("nps.metric.score"))
        expect(score.get_by_test_id("stMetricValue")).to_have_text("25", timeout=WAIT_MS)
        answers = page.get_by_test_id("stMetric").filter(has_text=_say("nps.metric.n"))
        expect(answers.get_by_test_id("stMetricValue")).to_have_text("4")
        wait_for_run(page, timeout_ms=WAIT_MS)
        chart = page.locator(".js-plotly-plot").first
        expect(chart.get_by_text("Apple 73")).to_be_visible()
        expect(chart.locator("text.bartext").first).to_have_text("25")
    except (AssertionError, PlaywrightError):
        page.screenshot(path=str(tmp_path / "nps-upload.png"), full_page=True)
        raise

    segments = {key: sum(dist) for key, dist in _answers(url, workshop).items()}
    assert segments == {1: 1, None: 3}  # Розница: the 10; «Опт» kept without a segment


def test_a_workbook_with_two_sheets_and_surveymonkeys_second_header_row_in_the_browser(
    page: Page, app_with_workshop: tuple[str, str, int], tmp_path: Path
):
    base, url, workshop = app_with_workshop
    answers = [
        ["Оценка", "Почему", "Сегмент", "Дата"],
        ["Response", "Open-Ended Response", "Response", "Response"],  # SurveyMonkey's 2nd row
        [10, "Быстро", "Розница", date(2026, 3, 14)],  # promoter, «Розница»
        [7, "Нормально", None, date(2026, 3, 20)],  # passive
        [2, "Долго", None, date(2026, 4, 2)],  # detractor
    ]
    book = tmp_path / "опрос.xlsx"
    book.write_bytes(workbooks.xlsx({"Сводка": [], "Ответы": answers}))
    try:
        page.goto(f"{base}/nps?w={workshop}&lang={LANG}")
        wait_for_run(page, timeout_ms=WAIT_MS)
        page.get_by_role("radio", name=_say("nps.way.file")).click()
        wait_for_run(page, timeout_ms=WAIT_MS)
        page.locator("input[type=file]").set_input_files(str(book))

        # the first sheet is empty: the message says so and the sheets are offered
        empty = _say("nps_import.empty_sheet", sheet="Сводка")
        expect(page.get_by_text(empty)).to_be_visible(timeout=WAIT_MS)
        wait_for_run(page, timeout_ms=WAIT_MS)
        picker = page.get_by_test_id("stSelectbox").filter(has_text=_say("nps.file.sheet"))
        picker.get_by_role("combobox").click()
        option = page.get_by_role("option", name="Ответы")
        try:
            expect(option).to_be_visible(timeout=3_000)
        except AssertionError:  # the click only focused the box: open it by keyboard
            picker.get_by_role("combobox").press("ArrowDown")
        option.click()
        # three answers under a header of two rows: the second row is no bad answer
        read = _say("nps.file.read_sheet", sheet="Ответы", kind="Excel (.xlsx)", rows="3")
        expect(page.get_by_text(read)).to_be_visible(timeout=WAIT_MS)
        wait_for_run(page, timeout_ms=WAIT_MS)

        page.get_by_role("button", name=_say("nps.file.check")).click()
        expect(page.get_by_text(_say("nps.file.good", good="3"))).to_be_visible(timeout=WAIT_MS)
        wait_for_run(page, timeout_ms=WAIT_MS)
        page.get_by_role("button", name=_say("nps.file.save", good="3")).click()
        # 1 promoter, 1 passive, 1 detractor of 3: 33.3 % − 33.3 % = 0
        score = page.get_by_test_id("stMetric").filter(has_text=_say("nps.metric.score"))
        expect(score.get_by_test_id("stMetricValue")).to_have_text("0", timeout=WAIT_MS)
        answered = page.get_by_test_id("stMetric").filter(has_text=_say("nps.metric.n"))
        expect(answered.get_by_test_id("stMetricValue")).to_have_text("3")
    except (AssertionError, PlaywrightError):
        page.screenshot(path=str(tmp_path / "nps-workbook.png"), full_page=True)
        raise

    segments = {key: sum(dist) for key, dist in _answers(url, workshop).items()}
    assert segments == {1: 1, None: 2}  # Розница: the 10; the others without a segment
