"""This visitor's standing: local or course mode, trainer or participant, and their key.

Course mode starts when a trainer password is set in the environment or in Streamlit's
secrets (``TRAINER_PASSWORD`` / ``trainer_password``). The password stays here: it is
never logged, echoed or kept in the session, only the fact that the login succeeded (and
the trainer session's token, ``ui.trainer_session``). A password shorter than
``MIN_PASSWORD_LENGTH`` stops every page with the reason (``course_ready``).
"""

import os

import streamlit as st

from canvas.domain import Workshop
from canvas.domain.access import (
    MIN_PASSWORD_LENGTH,
    PASSWORD_SETTING,
    Deployment,
    Mode,
    may_open,
)
from canvas.domain.throttle import CheckLimiter
from ui.language import tr

TOKEN_PARAM = "k"


@st.cache_resource(show_spinner=False)
def deployment() -> Deployment:
    password = os.environ.get(PASSWORD_SETTING) or _secret()
    return Deployment(trainer_password=password or None)


def _secret() -> str | None:
    try:
        value = st.secrets.get(PASSWORD_SETTING.lower())
    except Exception:
        return None
    return str(value) if value else None


def course_ready() -> None:
    """Stop the page with the reason if course mode's trainer password is too short."""
    if deployment().password_too_short:
        reason = tr(
            "error.password_too_short",
            n=MIN_PASSWORD_LENGTH,
            setting=PASSWORD_SETTING,
            secret=PASSWORD_SETTING.lower(),
        )
        st.error(reason, icon=":material/key:")
        st.stop()


@st.cache_resource(show_spinner=False)
def check_limiter() -> CheckLimiter:
    """The process's limit on password checks a second, shared by every session."""
    return CheckLimiter()


def course_mode() -> bool:
    return deployment().mode is Mode.COURSE


def is_trainer() -> bool:
    return course_mode() and st.session_state.get("trainer") is True


def participant() -> bool:
    """A course visitor who is not the trainer: sees only the workshop their key opens."""
    return course_mode() and not is_trainer()


def visitor_token() -> str | None:
    token = st.session_state.get("token")
    return str(token) if token else None


def allowed(workshop: Workshop) -> bool:
    """Whether this visitor may see ``workshop``."""
    return may_open(
        mode=deployment().mode,
        trainer=is_trainer(),
        token=visitor_token(),
        access_token=workshop.access_token,
    )
