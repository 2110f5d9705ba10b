"""The trainer closes and freezes a course, and shows it on the room screen; participants
are refused or read their workshop read-only, in both languages (AppTest)."""

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from canvas.domain.course import CourseInput, JoinRequest
from canvas.store import courses, reads
from canvas.store.db import make_engine, reading, transaction
from tests.app.driver import (
    PAGES,
    TRAINER_GALLERY,
    alerts,
    assert_ok,
    open_app,
    say,
    titles,
    trainer_at,
    widget,
)

PASSWORD = "room trainer password"
ADDRESS = "https://workshop.example.org/crm"


@pytest.fixture
def course(db: str, monkeypatch: pytest.MonkeyPatch, lang: str) -> dict[str, Any]:
    """Course mode on, a course with Anna in it, and the address participants open."""
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    monkeypatch.setenv("PUBLIC_URL", ADDRESS + "/")
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            made = courses.create_course(session, data=CourseInput(title="Spring", language=lang))
            anna = courses.join_course(
                session, request=JoinRequest(code=made.join_code, display_name="Anna")
            )
    finally:
        engine.dispose()
    return {"course": made, "anna": anna, "db": db}


def _trainer(lang: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return trainer_at(TRAINER_GALLERY, lang, PASSWORD, monkeypatch)


def _toggle(at: AppTest, lang: str, key: str) -> Any:
    return widget(at.toggle, say(lang, key))


def _set(db: str, course_id: int, *, closed: bool | None = None, frozen: bool | None = None):
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            if closed is not None:
                courses.set_closed(session, course_id=course_id, closed=closed)
            if frozen is not None:
                courses.set_frozen(session, course_id=course_id, frozen=frozen)
    finally:
        engine.dispose()


def _stored(db: str, course_id: int, workshop_id: int):
    engine = make_engine(db)
    try:
        with reading(engine) as session:
            return (
                courses.get_course(session, course_id=course_id),
                reads.load_view(session, workshop_id=workshop_id),
                [e.participant for e in courses.gallery(session, course_id=course_id)],
            )
    finally:
        engine.dispose()


def _join(at: AppTest, lang: str, code: str, name: str) -> AppTest:
    widget(at.text_input, say(lang, "field.code")).input(code)
    widget(at.text_input, say(lang, "field.display_name")).input(name)
    at.button[0].click().run()
    return assert_ok(at)


def test_the_room_screen_shows_the_code_the_address_and_its_qr_code(course, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    at.switch_page("app_pages/room.py").run()
    assert_ok(at)
    assert titles(at) == [course["course"].join_code]
    markdown = [m.value for m in at.markdown]
    assert say(lang, "room.join_at") in markdown and say(lang, "room.code") in markdown
    assert "https\\://workshop\\.example\\.org/crm" in markdown  # the setting, shown literally
    [image] = at.get("image")
    assert image.proto.imgs[0].url  # served as a file; its pixels are checked in Chromium


def test_a_public_url_that_is_no_web_address_is_refused_with_a_message(course, lang, monkeypatch):
    monkeypatch.setenv("PUBLIC_URL", "workshop example org")
    at = _trainer(lang, monkeypatch)
    at.switch_page("app_pages/room.py").run()
    refusal = say(
        lang, "room.bad_public_url", setting="PUBLIC_URL", example="https://workshop.example.org"
    )
    assert refusal in alerts(assert_ok(at))
    assert len(at.get("image")) == 0  # no QR code of an address nobody can open
    assert titles(at) == [course["course"].join_code]  # the code is still there to read out


def test_the_trainer_closes_and_reopens_joining_with_a_switch(course, lang, monkeypatch):
    made = course["course"]
    at = _trainer(lang, monkeypatch)
    _toggle(at, lang, "course.open_for_joining").set_value(False).run()
    assert_ok(at)
    assert _stored(course["db"], made.id, course["anna"].id)[0].closed
    assert _toggle(at, lang, "course.open_for_joining").value is False

    _toggle(at, lang, "course.open_for_joining").set_value(True).run()
    assert not _stored(course["db"], made.id, course["anna"].id)[0].closed


def test_a_closed_course_refuses_a_new_participant_with_a_clear_message(course, lang):
    made = course["course"]
    _set(course["db"], made.id, closed=True)
    at = _join(open_app(lang), lang, made.join_code, "Vera")
    assert titles(at) == [say(lang, "page.join")]
    assert any(say(lang, "error.course_closed") in alert for alert in alerts(at))
    assert "k" not in at.query_params
    assert _stored(course["db"], made.id, course["anna"].id)[2] == ["Anna"]


def test_a_participant_of_a_closed_course_keeps_working(course, lang):
    made, anna = course["course"], course["anna"]
    _set(course["db"], made.id, closed=True)
    at = open_app(lang, k=anna.access_token)
    at.switch_page(PAGES["segments"]).run()
    _add_segment(assert_ok(at), lang, "Cafés")
    assert [s.segment.name for s in _stored(course["db"], made.id, anna.id)[1].segments] == [
        "Cafés"
    ]


def _add_button(at: AppTest, lang: str) -> Any:
    [button] = [b for b in at.button if b.label == say(lang, "segments.add_button")]
    return button


def _add_segment(at: AppTest, lang: str, name: str) -> AppTest:
    widget(at.text_input, say(lang, "field.name"), form="add_segment").input(name)
    _add_button(at, lang).click().run()
    return assert_ok(at)


@pytest.mark.parametrize("page", ["segments", "canvas", "nps", "touchpoints", "summary"])
def test_a_participant_of_a_frozen_course_sees_the_banner_on_every_step(course, lang, page):
    _set(course["db"], course["course"].id, frozen=True)
    at = open_app(lang, k=course["anna"].access_token)
    at.switch_page(PAGES[page]).run()
    assert say(lang, "frozen.banner") in alerts(assert_ok(at))


def test_a_save_in_a_frozen_course_is_refused_and_unfreezing_allows_it_again(
    course, lang, monkeypatch
):
    made, anna, db = course["course"], course["anna"], course["db"]
    at = open_app(lang, k=anna.access_token)
    at.switch_page(PAGES["segments"]).run()
    assert say(lang, "frozen.banner") not in alerts(assert_ok(at))
    trainer = _trainer(lang, monkeypatch)  # the same app server as the participant's

    # Frozen behind this server's back (as if its notice were still on the way): the page
    # still offers the button, the store refuses the save, and the page says why.
    _set(db, made.id, frozen=True)
    _add_segment(at, lang, "Cafés")
    assert any(say(lang, "error.course_frozen") in alert for alert in alerts(at))
    assert say(lang, "frozen.banner") in alerts(at)
    assert _add_button(at, lang).disabled
    assert _stored(db, made.id, anna.id)[1].segments == []

    trainer.run()  # the trainer's page now shows the course frozen
    assert _toggle(trainer, lang, "course.freeze").value is True
    _toggle(trainer, lang, "course.freeze").set_value(False).run()
    at.run()  # a plain rerun: the banner goes, the button is back
    assert say(lang, "frozen.banner") not in alerts(assert_ok(at))
    assert not _add_button(at, lang).disabled
    _add_segment(at, lang, "Cafés")
    assert [s.segment.name for s in _stored(db, made.id, anna.id)[1].segments] == ["Cafés"]


def test_a_plain_rerun_shows_the_banner_once_the_trainer_froze_the_course(
    course, lang, monkeypatch
):
    at = open_app(lang, k=course["anna"].access_token)
    at.switch_page(PAGES["segments"]).run()
    trainer = _trainer(lang, monkeypatch)
    _toggle(trainer, lang, "course.freeze").set_value(True).run()
    at.run()
    assert say(lang, "frozen.banner") in alerts(assert_ok(at))
    assert _add_button(at, lang).disabled


def test_the_trainer_freezes_and_unfreezes_with_a_switch(course, lang, monkeypatch):
    made, anna, db = course["course"], course["anna"], course["db"]
    at = _trainer(lang, monkeypatch)
    _toggle(at, lang, "course.freeze").set_value(True).run()
    assert_ok(at)
    assert _stored(db, made.id, anna.id)[1].frozen
    participant = open_app(lang, k=anna.access_token)
    assert say(lang, "frozen.banner") in alerts(participant)

    _toggle(at, lang, "course.freeze").set_value(False).run()
    assert not _stored(db, made.id, anna.id)[1].frozen
    participant.run()
    assert say(lang, "frozen.banner") not in alerts(assert_ok(participant))
