"""axe-core on every page in Chromium, in both languages, in local mode (the demo loaded)
and in course mode (a participant's steps, a newcomer's join page, the trainer's gallery
and room screen): no critical or serious violation, and no skipped heading level.

Violations in Streamlit's own chrome are dropped by rule and selector only
(``axe_support.KNOWN``, listed in the README); everything the app draws is checked. One
browser, one server per mode, and the sidebar's links (no reload) keep it to minutes.
"""

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_support import axe_source, describe, violations
from e2e_support import app_context, running_app, wait_for_run
from playwright.sync_api import Browser, Page, ViewportSize, expect
from sqlalchemy import Engine

from canvas.content.demo import load_demo
from canvas.domain.course import CourseInput, JoinRequest
from canvas.domain.vocabulary import Language
from canvas.i18n import t
from canvas.ops.migrate import upgrade
from canvas.store import courses, workshops
from canvas.store.db import make_engine, transaction

pytestmark = pytest.mark.e2e

WAIT_MS = 40_000
VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
PASSWORD = "accessibility test trainer password"
LANGS = ("en", "ru")


@pytest.fixture(scope="module", autouse=True)
def axe_fetched() -> None:
    """The pinned axe-core, fetched once; without npm a local run skips and CI fails."""
    try:
        axe_source()
    except (RuntimeError, OSError, subprocess.SubprocessError) as problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"axe-core is required in CI: {problem}", pytrace=False)
        pytest.skip(f"axe-core could not be fetched: {problem}")


def _engine(folder: Path) -> tuple[str, Engine]:
    url = f"sqlite:///{folder / 'a11y.db'}"
    engine = make_engine(url)
    upgrade(engine)
    return url, engine


@pytest.fixture(scope="module")
def local(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A local-mode server with the demo workshop loaded once per language."""
    folder = tmp_path_factory.mktemp("a11y-local")
    url, engine = _engine(folder)
    try:
        with transaction(engine) as session:
            ids = {
                lang: workshops.create_from_document(session, document=load_demo(lang)).id
                for lang in LANGS
            }
    finally:
        engine.dispose()
    with running_app(url, folder / "streamlit.log") as base:
        yield {"base": base, "ids": ids}


@pytest.fixture(scope="module")
def course(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A course-mode server: one participant per language whose workshop holds the demo."""
    folder = tmp_path_factory.mktemp("a11y-course")
    url, engine = _engine(folder)
    tokens = {}
    try:
        with transaction(engine) as session:
            made = courses.create_course(
                session, data=CourseInput(title="Accessibility cohort", language=Language.EN)
            )
            for lang in LANGS:
                request = JoinRequest(code=made.join_code, display_name=f"Reader {lang}")
                workshop = courses.join_course(session, request=request)
                workshops.fill_workshop(session, workshop_id=workshop.id, document=load_demo(lang))
                tokens[lang] = workshop.access_token
    finally:
        engine.dispose()
    with running_app(url, folder / "streamlit.log", env={"TRAINER_PASSWORD": PASSWORD}) as base:
        yield {"base": base, "tokens": tokens}


@pytest.fixture
def reader(browser: Browser) -> Iterator[Page]:
    context = app_context(browser, locale="en-US", viewport=VIEWPORT)
    try:
        opened = context.new_page()
        opened.set_default_timeout(WAIT_MS)
        yield opened
    finally:
        context.close()


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_run(page, timeout_ms=WAIT_MS)


def _check_here(page: Page, where: str, found: dict[str, str]) -> None:
    """axe on the page as drawn; what it finds is kept under the page's name."""
    expect(page.get_by_test_id("stMain").get_by_role("heading", level=1).first).to_be_visible()
    if problems := violations(page):
        found[where] = describe(problems)


def _every_listed_page(page: Page, lang: str, found: dict[str, str]) -> list[str]:
    """Each page the sidebar lists, reached by its link (no reload), checked."""
    links = page.get_by_test_id("stSidebarNav").get_by_role("link")
    # a link's text is its icon's ligature name, then the page's title on the last line
    names = [text.strip().splitlines()[-1] for text in links.all_inner_texts()]
    assert names, "the sidebar lists no page"
    # The deck hides the sidebar (it is projected): its link comes last.
    deck = [
        i
        for i, href in enumerate(links.evaluate_all("ls => ls.map(l => l.href)"))
        if href.split("?")[0].endswith("/present")
    ]
    order = [i for i in range(len(names)) if i not in deck] + deck
    for index in order:
        links.nth(index).click()
        wait_for_run(page, timeout_ms=WAIT_MS)
        _check_here(page, f"{lang} {names[index]}", found)
    return names


def _report(found: dict[str, str]) -> str:
    return "\n".join(f"== {where}\n{text}" for where, text in found.items())


@pytest.mark.parametrize("lang", LANGS)
def test_every_local_page_with_the_demo_has_no_serious_violation(local, reader, lang):
    _open(reader, f"{local['base']}/?lang={lang}&w={local['ids'][lang]}")
    found: dict[str, str] = {}
    names = _every_listed_page(reader, lang, found)
    # every step of the workshop is there, named in the page's language
    assert t("page.segments", lang) in names and t("page.summary", lang) in names
    assert not found, _report(found)


@pytest.mark.parametrize("lang", LANGS)
def test_every_course_page_a_participant_and_the_trainer_see_has_no_serious_violation(
    course, reader, lang
):
    found: dict[str, str] = {}
    # a newcomer without a key: the join page and the trainer's login
    _open(reader, f"{course['base']}/?lang={lang}")
    _every_listed_page(reader, lang, found)
    # the participant's own steps, their demo workshop filled in
    _open(reader, f"{course['base']}/?lang={lang}&k={course['tokens'][lang]}")
    names = _every_listed_page(reader, lang, found)
    assert t("page.nps", lang) in names
    # the trainer: log in, then the gallery and the room screen
    _open(reader, f"{course['base']}/trainer-login?lang={lang}")
    form = reader.get_by_test_id("stForm")
    form.get_by_label(t("trainer.password", lang)).fill(PASSWORD)
    form.get_by_role("button", name=t("trainer.login", lang)).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(t("page.trainer", lang))
    wait_for_run(reader, timeout_ms=WAIT_MS)
    _check_here(reader, f"{lang} {t('page.trainer', lang)}", found)
    nav = reader.get_by_test_id("stSidebarNav")
    nav.get_by_role("link").filter(has_text=t("page.room", lang)).click()
    wait_for_run(reader, timeout_ms=WAIT_MS)
    _check_here(reader, f"{lang} {t('page.room', lang)}", found)
    assert not found, _report(found)
