"""Course mode through AppTest: joining, private links, refusals that leak nothing, and the
trainer's password and gallery."""

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from canvas.domain import SegmentInput
from canvas.domain.course import CommentInput, CourseInput, JoinRequest
from canvas.store import comments, courses, segments
from canvas.store.db import make_engine, reading, transaction
from tests.app.driver import (
    PAGES,
    alerts,
    assert_ok,
    block_name,
    log_in,
    open_app,
    say,
    seen,
    titles,
    widget,
)

PASSWORD = "correct horse battery staple"
SECRET_SEGMENT = "Secret segment of Boris"


@pytest.fixture
def room(db: str, monkeypatch: pytest.MonkeyPatch, lang: str) -> dict[str, Any]:
    """Course mode on, a course with two participants; Boris has a segment."""
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            course = courses.create_course(session, data=CourseInput(title="Spring", language=lang))
            anna = courses.join_course(
                session, request=JoinRequest(code=course.join_code, display_name="Anna")
            )
            boris = courses.join_course(
                session, request=JoinRequest(code=course.join_code, display_name="Boris")
            )
            segments.add_segment(
                session, workshop_id=boris.id, data=SegmentInput(name=SECRET_SEGMENT)
            )
    finally:
        engine.dispose()
    return {"course": course, "anna": anna, "boris": boris, "db": db}


def _everything(at: AppTest) -> str:
    """Every element's content on the page and in the sidebar, as one text."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    walk(at.sidebar)
    return "\n".join(parts)


def _leaks_nothing_of(at: AppTest, *workshops: Any) -> None:
    text = _everything(at)
    for workshop in workshops:
        assert workshop.title not in text
    assert SECRET_SEGMENT not in text


def test_without_a_key_the_visitor_sees_only_the_join_page(room, lang):
    at = open_app(lang)
    assert titles(at) == [say(lang, "page.join")]
    _leaks_nothing_of(at, room["anna"], room["boris"])


@pytest.mark.parametrize("page", ["segments", "canvas", "summary", "nps", "touchpoints"])
def test_a_workshop_number_without_its_key_opens_nothing(room, lang, page):
    at = open_app(lang, w=str(room["boris"].id))
    assert titles(at) == [say(lang, "page.join")]
    # Without a workshop of their own, a visitor has no workshop pages to go to at all
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGES[page])
    _leaks_nothing_of(at, room["boris"])


def test_a_wrong_key_is_refused_with_a_clear_message(room, lang):
    at = open_app(lang, k="not-a-real-key-at-all-000000000000")
    assert titles(at) == [say(lang, "page.join")]
    assert say(lang, "join.link_refused") in alerts(at)
    _leaks_nothing_of(at, room["anna"], room["boris"])


def test_a_key_opens_its_own_workshop_and_never_another(room, lang):
    anna, boris = room["anna"], room["boris"]
    at = open_app(lang, k=anna.access_token, w=str(boris.id))
    at.switch_page(PAGES["segments"]).run()
    assert_ok(at)
    assert titles(at) == [say(lang, "page.segments")]
    assert "Anna" in _everything(at)
    _leaks_nothing_of(at, boris)


def test_joining_with_the_code_gives_a_private_workshop(room, lang):
    at = open_app(lang)
    code = room["course"].join_code
    widget(at.text_input, say(lang, "field.code")).input(code.lower())
    widget(at.text_input, say(lang, "field.display_name")).input("Vera")
    at.button[0].click().run()
    assert_ok(at)
    assert titles(at) == [say(lang, "page.segments")]
    token = at.query_params["k"]
    assert token and "w" not in at.query_params
    assert "Vera" in _everything(at)


def test_a_wrong_code_is_refused_and_creates_nothing(room, lang):
    at = open_app(lang)
    widget(at.text_input, say(lang, "field.code")).input("ZZZZZZ")
    widget(at.text_input, say(lang, "field.display_name")).input("Eve")
    at.button[0].click().run()
    assert_ok(at)
    assert titles(at) == [say(lang, "page.join")]
    assert any(say(lang, "error.unknown_join_code") in a for a in alerts(at))


def _course_names(room: dict[str, Any]) -> list[str]:
    engine = make_engine(room["db"])
    try:
        with reading(engine) as session:
            entries = courses.gallery(session, course_id=room["course"].id)
            return [entry.participant for entry in entries]
    finally:
        engine.dispose()


def _join_as(at: AppTest, lang: str, code: str, name: str) -> AppTest:
    widget(at.text_input, say(lang, "field.code")).input(code)
    widget(at.text_input, say(lang, "field.display_name")).input(name)
    at.button[0].click().run()
    return assert_ok(at)


def test_the_join_page_says_a_lost_tab_comes_back_through_the_private_link(room, lang):
    at = open_app(lang)
    assert say(lang, "join.lost_tab") in alerts(at)


def test_a_name_taken_in_the_course_is_refused_in_the_users_language_and_writes_nothing(room, lang):
    at = open_app(lang)
    # "Anna" joined already; the same name in another case, with spaces and a zero-width
    # space inside, is still hers
    _join_as(at, lang, room["course"].join_code, "  an\u200bNA ")
    assert titles(at) == [say(lang, "page.join")]
    assert "k" not in at.query_params
    taken = say(lang, "error.participant_name_taken", name="an\u200bNA")
    assert any(taken in alert for alert in alerts(at))
    assert _course_names(room) == ["Anna", "Boris"]


def test_an_empty_name_is_refused_with_a_message_and_writes_nothing(room, lang):
    at = open_app(lang)
    _join_as(at, lang, room["course"].join_code, "   ")
    assert titles(at) == [say(lang, "page.join")]
    blank = f"{say(lang, 'field.display_name')}: {say(lang, 'invalid.blank')}"
    assert any(blank in alert for alert in alerts(at))
    assert _course_names(room) == ["Anna", "Boris"]


def test_after_joining_the_sidebar_offers_the_private_link_to_bookmark(room, lang):
    at = open_app(lang)
    _join_as(at, lang, room["course"].join_code, "Vera")
    token = at.query_params["k"]
    [box] = [e for e in at.sidebar.expander if e.label == say(lang, "link.title")]
    assert [c.value for c in box.caption] == [say(lang, "link.help")]
    [link] = box.code
    assert link.value.endswith(f"?k={token}")
    assert _course_names(room) == ["Anna", "Boris", "Vera"]


def test_a_wrong_trainer_password_shows_no_gallery_and_is_not_echoed(room, lang, monkeypatch):
    at = log_in(lang, "guess", monkeypatch)
    assert say(lang, "trainer.wrong_password") in alerts(at)
    assert titles(at) == [say(lang, "page.trainer_login")]
    _leaks_nothing_of(at, room["anna"], room["boris"])
    assert PASSWORD not in _everything(at)


def test_the_trainer_sees_every_participant_in_the_gallery(room, lang, monkeypatch):
    at = log_in(lang, PASSWORD, monkeypatch)
    assert titles(at) == [say(lang, "page.trainer")]
    text = _everything(at)
    assert "Anna" in text and "Boris" in text
    assert say(lang, "trainer.gallery", n=2) in [h.value for h in at.header]
    assert PASSWORD not in text


def test_the_participant_reads_the_trainers_comments_in_the_sidebar(room, lang):
    anna = room["anna"]
    engine = make_engine(room["db"])
    try:
        with transaction(engine) as session:
            comments.add_comment(
                session,
                workshop_id=anna.id,
                data=CommentInput(text="Who pays for the <b>community</b>?", block="channels"),
            )
    finally:
        engine.dispose()
    at = open_app(lang, k=anna.access_token)
    label = say(lang, "comments.sidebar_unread", n=1, unread=1)
    [box] = [e for e in at.sidebar.expander if e.label == label]
    channels = block_name("channels", lang)
    assert [seen(m.value) for m in box.markdown] == [
        f"- {channels}: Who pays for the <b>community</b>?"
    ]


# An address that is not this visitor's answers in their language (not Streamlit's English
# "Page not found"): the app serves every page's address, running app_pages/elsewhere.py for
# those this visitor may not use. AppTest opens the first such address of the mode.
ELSEWHERE = "app_pages/elsewhere.py"


def test_a_participant_on_a_trainers_address_is_told_whose_page_it_is(room, lang):
    at = open_app(lang, k=room["anna"].access_token)
    at.switch_page(ELSEWHERE).run()
    assert_ok(at)
    assert titles(at) == [say(lang, "elsewhere.title")]
    assert say(lang, "elsewhere.participant") in alerts(at)
    assert "Page not found" not in _everything(at)
    _leaks_nothing_of(at, room["boris"])


def test_a_visitor_on_a_participants_address_is_taken_to_the_join_page(room, lang):
    at = open_app(lang)
    at.switch_page(ELSEWHERE).run()
    assert_ok(at)
    assert titles(at) == [say(lang, "page.join")]
    _leaks_nothing_of(at, room["anna"], room["boris"])


def test_the_trainer_on_a_participants_address_is_sent_to_the_gallery(room, lang, monkeypatch):
    at = log_in(lang, PASSWORD, monkeypatch)
    at.switch_page(ELSEWHERE).run()
    assert_ok(at)
    assert titles(at) == [say(lang, "elsewhere.title")]
    assert say(lang, "elsewhere.trainer") in alerts(at)
