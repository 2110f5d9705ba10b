"""This visitor's standing: local or course mode, trainer or participant, and their key.

Course mode starts when a trainer password is set in the environment or in Streamlit's
secrets (``TRAINER_PASSWORD`` / ``trainer_password``). The password stays here: it is
never logged, echoed or kept in the session, only the fact that the login succeeded.
"""

import os

import streamlit as st

from canvas.domain import Workshop
from canvas.domain.access import PASSWORD_SETTING, Deployment, LoginThrottle, Mode, may_open

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


@st.cache_resource(show_spinner=False)
def login_throttle() -> LoginThrottle:
    """Failed logins for the whole server process, so new sessions don't reset the count."""
    return LoginThrottle()


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


def client_key() -> str:
    """Who is trying to log in, for the slow-down: the client's address when known."""
    return str(getattr(st.context, "ip_address", None) or "unknown")


def allowed(workshop: Workshop) -> bool:
    """Whether this visitor may see ``workshop``."""
    return may_open(
        mode=deployment().mode,
        trainer=is_trainer(),
        token=visitor_token(),
        access_token=workshop.access_token,
    )
