"""The trainer's session and the login's slow-downs through AppTest, in ru and en: a login
opens a stored session, "Log out" revokes it, an expired one says so; a short password
stops course mode; wrong guesses slow only their own browser session."""

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from streamlit.testing.v1 import AppTest

from canvas.domain.access import MIN_PASSWORD_LENGTH, PASSWORD_SETTING
from canvas.domain.course import CourseInput
from canvas.domain.throttle import CheckLimiter
from canvas.domain.trainer_session import Standing
from canvas.store import courses, trainer_sessions
from canvas.store.db import make_engine, reading, transaction
from canvas.store.tables import TrainerSessionRow, utcnow
from tests.app.driver import (
    TRAINER_LOGIN,
    alerts,
    assert_ok,
    open_app,
    say,
    titles,
    try_password,
    widget,
)

PASSWORD = "correct horse battery staple"


@pytest.fixture
def course_mode(db: str, monkeypatch: pytest.MonkeyPatch, lang: str) -> str:
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            courses.create_course(session, data=CourseInput(title="Spring", language=lang))
    finally:
        engine.dispose()
    return db


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every pause the login and join pages ask for, instead of waiting it."""
    asked: list[float] = []
    monkeypatch.setattr("canvas.domain.throttle.pause", asked.append)
    return asked


def _open(lang: str, page: str | None = None) -> AppTest:
    at = open_app(lang)
    return assert_ok(at.switch_page(page).run()) if page else at


def _sessions(db: str) -> list[TrainerSessionRow]:
    engine = make_engine(db)
    try:
        with reading(engine) as session:
            return list(session.execute(select(TrainerSessionRow)).scalars())
    finally:
        engine.dispose()


def test_a_login_opens_a_twelve_hour_session_whose_token_stays_out_of_the_url(
    course_mode, lang, waits
):
    at = try_password(_open(lang, TRAINER_LOGIN), lang, PASSWORD)

    assert titles(at) == [say(lang, "page.trainer")]
    [row] = _sessions(course_mode)
    token = at.session_state["trainer_token"]
    assert row.revoked_at is None
    assert timedelta(hours=11, minutes=59) < row.expires_at - row.created_at <= timedelta(hours=12)
    assert token not in str(dict(at.query_params))
    assert PASSWORD not in str(dict(at.query_params))


def _cookie_scripts(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.sidebar.get("html") if "document.cookie" in h.proto.body]


def test_the_page_writes_the_cookie_once_after_the_login_and_deletes_it_after_log_out(
    course_mode, lang, waits
):
    at = try_password(_open(lang, TRAINER_LOGIN), lang, PASSWORD)
    token = at.session_state["trainer_token"]
    # twelve hours are 43,200 seconds; plain HTTP here, so no Secure
    assert _cookie_scripts(at) == [
        "<script>document.cookie = "
        f'"cr_trainer_session={token}; Max-Age=43200; Path=/; SameSite=Strict";</script>'
    ]
    assert _cookie_scripts(assert_ok(at.run())) == []  # written once: no script, no run

    at.sidebar.button(key="trainer_logout").click().run()
    assert _cookie_scripts(assert_ok(at)) == [
        '<script>document.cookie = "cr_trainer_session=; Max-Age=0; Path=/; SameSite=Strict";'
        "</script>"
    ]


def test_log_out_revokes_the_session_and_closes_the_trainer_area(course_mode, lang, waits):
    at = try_password(_open(lang, TRAINER_LOGIN), lang, PASSWORD)
    token = at.session_state["trainer_token"]

    at.sidebar.button(key="trainer_logout").click().run()

    assert_ok(at)
    assert titles(at) == [say(lang, "page.join")]
    assert not [b for b in at.sidebar.button if b.key == "trainer_logout"]
    engine = make_engine(course_mode)
    try:
        with reading(engine) as session:
            assert trainer_sessions.check_session(session, token=token) is Standing.REVOKED
    finally:
        engine.dispose()


def test_an_expired_session_closes_the_trainer_area_and_says_why(course_mode, lang, waits):
    at = try_password(_open(lang, TRAINER_LOGIN), lang, PASSWORD)
    engine = make_engine(course_mode)
    try:
        with transaction(engine) as session:
            past = utcnow() - timedelta(minutes=1)
            session.execute(update(TrainerSessionRow).values(expires_at=past))
    finally:
        engine.dispose()
    at.session_state["trainer_checked_at"] = 0.0  # the once-a-minute look-up is due

    at.run()

    assert_ok(at)
    assert titles(at) == [say(lang, "page.join")]  # the gallery is gone: a visitor's start
    assert say(lang, "trainer.session_expired") in alerts(at)


def test_each_wrong_password_slows_only_this_sessions_next_attempt(course_mode, lang, waits):
    guesser = _open(lang, TRAINER_LOGIN)
    for _ in range(3):
        try_password(guesser, lang, "wrong guess number")
        assert say(lang, "trainer.wrong_password") in alerts(guesser)
    assert [w for w in waits if w] == [0.5, 1.0]  # before the second and the third guess

    waits.clear()
    trainer = try_password(_open(lang, TRAINER_LOGIN), lang, PASSWORD)

    assert titles(trainer) == [say(lang, "page.trainer")]
    assert [w for w in waits if w] == []


def test_a_busy_server_asks_to_try_again_and_checks_nothing(course_mode, lang, waits, monkeypatch):
    monkeypatch.setattr(CheckLimiter, "reserve", lambda self: None)

    at = try_password(_open(lang, TRAINER_LOGIN), lang, PASSWORD)

    assert say(lang, "trainer.busy") in alerts(at)
    assert titles(at) == [say(lang, "page.trainer_login")]
    assert _sessions(course_mode) == []


def test_wrong_join_codes_slow_this_sessions_next_attempts(course_mode, lang, waits):
    at = _open(lang)
    for _ in range(3):
        widget(at.text_input, say(lang, "field.code")).input("ZZZZZZ")
        widget(at.text_input, say(lang, "field.display_name")).input("Vera")
        at.button[0].click().run()
        assert_ok(at)
        assert any(say(lang, "error.unknown_join_code") in a for a in alerts(at))

    assert [w for w in waits if w] == [0.5, 1.0]


def test_course_mode_with_a_short_password_stops_with_the_reason(db, lang, monkeypatch):
    monkeypatch.setenv("TRAINER_PASSWORD", "x" * (MIN_PASSWORD_LENGTH - 1))

    at = _open(lang)

    reason = say(
        lang,
        "error.password_too_short",
        n=MIN_PASSWORD_LENGTH,
        setting=PASSWORD_SETTING,
        secret=PASSWORD_SETTING.lower(),
    )
    assert alerts(at) == [reason]
    assert titles(at) == []
    assert not at.text_input
