"""The trainer's login kept across reloads, new tabs and app servers, in a cookie.

A login opens a session in the store (``canvas.store.trainer_sessions``) and gives the
browser its random token in a ``SameSite=Strict`` cookie (``Secure`` over HTTPS) for twelve
hours; the URL never holds it, since the trainer's screen is projected. Each new page
(a reload, a new tab, another app server) reads the cookie from the request that opened
it (``st.context.cookies``) and becomes the trainer's again while the token is valid.
Streamlit 1.67 can read cookies but not write them, so the page writes it: a one-line
script, sent once after the login (and once after a logout, to delete it). It only writes;
a cookie component that also reported the browser's cookies back asked for another run
each time it appeared, and that run could swallow the trainer's first click.
"Log out" revokes the token on every server.
"""

import json
import time

import streamlit as st

from canvas.domain.trainer_session import (
    COOKIE_NAME,
    SESSION_LIFETIME,
    Standing,
    parse_token,
)
from canvas.store import trainer_sessions
from canvas.store.db import reading, transaction
from ui.engine import engine
from ui.gate import course_mode, is_trainer
from ui.language import tr

WRITE = "trainer_cookie_write"  # the cookie line the next run's page script writes
TOKEN = "trainer_token"
CHECKED = "trainer_cookie_checked"  # the cookie value this session already looked up
EXPIRED = "trainer_expired"
CHECKED_AT = "trainer_checked_at"
RECHECK_SECONDS = 60.0  # a logged-in tab looks its token up again at most once a minute


def _https() -> bool:
    return (st.context.url or "").startswith("https:")


def restore() -> None:
    """Make this session the trainer's if its cookie holds a valid session; drop it if not.

    Runs before the page table is chosen. A session that is already the trainer's is
    checked again on its first run after a minute (an unchanged rerun sends no SQL), so a
    logout in another tab or the expiry ends it within a minute, at its next click.
    """
    if not course_mode():
        return
    token = st.session_state.get(TOKEN)
    if token is not None and time.monotonic() - st.session_state.get(CHECKED_AT, 0) < (
        RECHECK_SECONDS
    ):
        return
    if token is None and not is_trainer():
        raw = st.context.cookies.get(COOKIE_NAME)
        if raw is None or st.session_state.get(CHECKED) == raw:
            return
        st.session_state[CHECKED] = raw  # a wrong or ended cookie is looked up once
        token = parse_token(raw)
    if token is None:
        return
    with reading(engine()) as session:
        standing = trainer_sessions.check_session(session, token=token)
    if standing is Standing.VALID:
        st.session_state.trainer = True
        st.session_state[TOKEN] = token
        st.session_state[CHECKED_AT] = time.monotonic()
        st.session_state.pop(EXPIRED, None)
        return
    st.session_state.pop("trainer", None)
    st.session_state.pop(TOKEN, None)
    if standing is Standing.EXPIRED:
        st.session_state[EXPIRED] = True


def remember() -> None:
    """After a correct password: a new session in the store, its token into the cookie."""
    with transaction(engine()) as session:
        token = trainer_sessions.open_session(session)
    st.session_state.trainer = True
    st.session_state[TOKEN] = token
    st.session_state[CHECKED_AT] = time.monotonic()
    st.session_state[WRITE] = _cookie(token, max_age=int(SESSION_LIFETIME.total_seconds()))
    st.session_state.pop(EXPIRED, None)


def log_out() -> None:
    """Revoke this browser's trainer session everywhere and delete its cookie."""
    token = st.session_state.pop(TOKEN, None)
    if token is not None:
        with transaction(engine()) as session:
            trainer_sessions.revoke_session(session, token=token)
    st.session_state.pop("trainer", None)
    st.session_state[WRITE] = _cookie("", max_age=0)  # an expired cookie is deleted


def _cookie(value: str, *, max_age: int) -> str:
    """The ``document.cookie`` line for the trainer's token (``value`` is a token or "")."""
    line = f"{COOKIE_NAME}={value}; Max-Age={max_age}; Path=/; SameSite=Strict"
    return line + "; Secure" if _https() else line


def keep_cookie() -> None:
    """Write a pending cookie in the browser: a script in the sidebar's foot, sent once.

    The write is forgotten only after its script was sent; a run stopped before that
    sends it on the next.
    """
    line = st.session_state.get(WRITE)
    if line is None:
        return
    # A token is 43 URL-safe characters (parse_token) and no user text reaches this
    # script; the line is still quoted as a JavaScript string, with "<" escaped so that
    # nothing in it could close the script element.
    quoted = json.dumps(line).replace("<", "\\u003c")
    with st.sidebar:
        st.html(f"<script>document.cookie = {quoted};</script>", unsafe_allow_javascript=True)
    st.session_state.pop(WRITE, None)


def expired_notice() -> None:
    """Tell a visitor whose trainer session ran out why the trainer area is closed, and the
    trainer who just logged out that they did."""
    if st.session_state.pop("trainer_logout_note", False):
        st.toast(tr("trainer.logged_out"), icon=":material/logout:")
    if st.session_state.get(EXPIRED) and not is_trainer():
        st.warning(tr("trainer.session_expired"), icon=":material/timer_off:")


def logout_button() -> None:
    if is_trainer() and st.sidebar.button(
        tr("trainer.logout"), icon=":material/logout:", key="trainer_logout"
    ):
        log_out()
        st.session_state.trainer_logout_note = True
        st.rerun()
