"""Course-mode access in Chromium: a visitor without their own key gets no page, no export
and no trace of anyone's workshop; a participant's exports hold their workshop only."""

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_support import app_context, running_app, wait_for_run
from playwright.sync_api import Browser, Page, ViewportSize, expect
from pypdf import PdfReader

from canvas.domain import SegmentInput
from canvas.domain.course import CourseInput, JoinRequest
from canvas.domain.vocabulary import Language
from canvas.i18n import t
from canvas.ops.migrate import upgrade
from canvas.store import courses, segments
from canvas.store.db import make_engine, transaction

pytestmark = pytest.mark.e2e

LANG = "en"
WAIT_MS = 30_000
VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
PASSWORD = "access test trainer password"
COURSE = "Autumn cohort of the bakery trainers"
ANNA_SEGMENT = "Anna's wholesale buyers"
BORIS = "Boris Secretovich"
BORIS_SEGMENT = "Boris's hidden segment"
# Every file a visitor could take away: the step pages' and the trainer's downloads.
PAGES = ("summary", "canvas", "trainer", "present", "trainer-login")


def _say(key: str, **params: object) -> str:
    return t(key, LANG, **params)


@pytest.fixture(scope="module")
def room(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A course-mode server with Anna's and Boris's workshops, each with a segment."""
    folder = tmp_path_factory.mktemp("access")
    url = f"sqlite:///{folder / 'course.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            course = courses.create_course(
                session, data=CourseInput(title=COURSE, language=Language(LANG))
            )
            found = {}
            for name, segment in (("Anna", ANNA_SEGMENT), (BORIS, BORIS_SEGMENT)):
                request = JoinRequest(code=course.join_code, display_name=name)
                workshop = courses.join_course(session, request=request)
                segments.add_segment(
                    session, workshop_id=workshop.id, data=SegmentInput(name=segment)
                )
                found[name] = workshop
    finally:
        engine.dispose()
    with running_app(url, folder / "streamlit.log", env={"TRAINER_PASSWORD": PASSWORD}) as base:
        yield {"base": base, "anna": found["Anna"], "boris": found[BORIS]}


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Page]:
    context = app_context(browser, locale="en-US", viewport=VIEWPORT, accept_downloads=True)
    try:
        opened = context.new_page()
        opened.set_default_timeout(WAIT_MS)
        yield opened
    finally:
        context.close()


def _secrets_absent(page: Page) -> None:
    """Nothing of Boris's workshop or of the course is on the page, and nothing to download."""
    body = page.locator("body")
    for secret in (BORIS, BORIS_SEGMENT, COURSE, PASSWORD):
        expect(body).not_to_contain_text(secret)
    expect(page.get_by_test_id("stDownloadButton")).to_have_count(0)


def _query(room: dict, case: str) -> str:
    anna, boris = room["anna"], room["boris"]
    token = anna.access_token
    # one character off Anna's key (a key that begins with "x" once made this her own)
    wrong = ("y" if token[0] == "x" else "x") + token[1:]
    return {
        "no key": f"w={boris.id}",
        "a wrong key": f"k={wrong}&w={boris.id}",
        "another participant's key": f"k={anna.access_token}&w={boris.id}",
    }[case]


@pytest.mark.parametrize("case", ["no key", "a wrong key", "another participant's key"])
def test_a_visitor_without_borises_key_gets_nothing_of_his_on_any_page(room, visitor, case):
    for path in PAGES:
        visitor.goto(f"{room['base']}/{path}?lang={LANG}&{_query(room, case)}")
        wait_for_run(visitor, timeout_ms=WAIT_MS)
        main = visitor.get_by_test_id("stMain")
        expect(main.get_by_role("heading", level=1)).to_be_visible()
        if case == "another participant's key":
            # Anna's own key opens Anna's own workshop, whatever the URL asks for
            expect(visitor.get_by_test_id("stSidebar")).to_contain_text("Anna")
        else:
            headings = (_say("page.join"), _say("page.trainer_login"))
            expect(main.get_by_role("heading", level=1)).to_have_text(headings[path == PAGES[-1]])
        if case == "a wrong key" and path != "trainer-login":  # the join page says why
            expect(main).to_contain_text(_say("join.link_refused"))
        if case == "another participant's key":
            for secret in (BORIS, BORIS_SEGMENT, COURSE):
                expect(visitor.locator("body")).not_to_contain_text(secret)
        else:
            _secrets_absent(visitor)


def test_a_wrong_trainer_password_opens_no_gallery_and_no_course_export(room, visitor):
    visitor.goto(f"{room['base']}/trainer-login?lang={LANG}")
    wait_for_run(visitor, timeout_ms=WAIT_MS)
    form = visitor.get_by_test_id("stForm")
    form.get_by_label(_say("trainer.password")).fill("not the password")
    form.get_by_role("button", name=_say("trainer.login")).click()
    expect(visitor.get_by_text(_say("trainer.wrong_password"))).to_be_visible()
    wait_for_run(visitor, timeout_ms=WAIT_MS)
    visitor.goto(f"{room['base']}/trainer?lang={LANG}")
    wait_for_run(visitor, timeout_ms=WAIT_MS)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(_say("page.join"))
    _secrets_absent(visitor)


def _download(page: Page, label: str, folder: Path) -> bytes:
    with page.expect_download(timeout=WAIT_MS) as started:
        page.get_by_role("button", name=label).click()
    saved = folder / started.value.suggested_filename
    started.value.save_as(saved)
    wait_for_run(page, timeout_ms=WAIT_MS)
    return saved.read_bytes()


def _text(data: bytes, kind: str) -> str:
    if kind == "summary.pdf":
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if kind == "summary.json":
        return json.dumps(json.loads(data), ensure_ascii=False)
    return data.decode("utf-8")


def test_a_participants_exports_hold_their_workshop_and_nobody_elses(room, visitor, tmp_path):
    anna = room["anna"]
    visitor.goto(f"{room['base']}/summary?lang={LANG}&k={anna.access_token}&w={room['boris'].id}")
    wait_for_run(visitor, timeout_ms=WAIT_MS)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(_say("page.summary"))
    for kind in ("summary.pdf", "summary.html", "summary.markdown", "summary.json"):
        text = _text(_download(visitor, _say(kind), tmp_path), kind)
        assert ANNA_SEGMENT in text or ANNA_SEGMENT.replace("'", "&#x27;") in text, kind
        for secret in (BORIS, BORIS_SEGMENT, COURSE):
            assert secret not in text, (kind, secret)
    # the trainer's whole-course exports are not among a participant's pages
    visitor.goto(f"{room['base']}/trainer?lang={LANG}&k={anna.access_token}")
    wait_for_run(visitor, timeout_ms=WAIT_MS)
    expect(visitor.get_by_test_id("stMain")).not_to_contain_text(COURSE)
    for name in (_say("trainer.export.pdf"), _say("trainer.export.zip")):
        expect(visitor.get_by_role("button", name=name)).to_have_count(0)


def test_the_trainer_downloads_the_whole_course_with_both_participants(room, visitor, tmp_path):
    visitor.goto(f"{room['base']}/trainer-login?lang={LANG}")
    wait_for_run(visitor, timeout_ms=WAIT_MS)
    form = visitor.get_by_test_id("stForm")
    form.get_by_label(_say("trainer.password")).fill(PASSWORD)
    form.get_by_role("button", name=_say("trainer.login")).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(_say("page.trainer"))
    wait_for_run(visitor, timeout_ms=WAIT_MS)
    visitor.get_by_role("tab", name=_say("trainer.export")).click()
    wait_for_run(visitor, timeout_ms=WAIT_MS)
    archive = zipfile.ZipFile(io.BytesIO(_download(visitor, _say("trainer.export.zip"), tmp_path)))
    texts = [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
    assert any(BORIS_SEGMENT in text for text in texts)
    assert any(ANNA_SEGMENT in text or "Anna" in text for text in texts)
