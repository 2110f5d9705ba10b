"""Who may open what: local mode for one person, course mode for a trainer's room.

Local mode (no trainer password configured) shows every workshop to everyone, as a
desktop tool would. Course mode (a trainer password is configured) opens a workshop
only to the trainer or to a visitor holding its access token, and keeps the trainer
area behind the password, compared in constant time and slowed down after failures
(``canvas.domain.throttle``); a successful login becomes a session
(``canvas.domain.trainer_session``).
"""

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from canvas.domain import throttle
from canvas.domain.throttle import CheckLimiter, own_delay

PASSWORD_SETTING = "TRAINER_PASSWORD"  # environment variable or Streamlit secret
MIN_PASSWORD_LENGTH = 12  # characters; a shorter password stops course mode from starting


class Mode(StrEnum):
    LOCAL = "local"
    COURSE = "course"


@dataclass(frozen=True)
class Deployment:
    """How this deployment is configured; the password is never logged or shown."""

    trainer_password: str | None = None

    @property
    def mode(self) -> Mode:
        return Mode.COURSE if self.trainer_password else Mode.LOCAL

    @property
    def password_too_short(self) -> bool:
        """Course mode with a password a room could guess: the server refuses to start."""
        return bool(self.trainer_password) and len(self.trainer_password or "") < (
            MIN_PASSWORD_LENGTH
        )

    def __repr__(self) -> str:  # keep the password out of logs and tracebacks
        return f"Deployment(mode={self.mode.value})"


def password_matches(given: str, expected: str) -> bool:
    """Constant-time comparison; hashing first makes the time independent of length too."""
    digest = hashlib.sha256
    return hmac.compare_digest(
        digest(given.encode("utf-8")).digest(), digest(expected.encode("utf-8")).digest()
    )


def may_open(*, mode: Mode, trainer: bool, token: str | None, access_token: str) -> bool:
    """Whether this visitor may see a workshop with ``access_token``."""
    if mode is Mode.LOCAL or trainer:
        return True
    return bool(token) and hmac.compare_digest(token or "", access_token)


class Login(StrEnum):
    """How a password attempt ended."""

    ACCEPTED = "accepted"
    WRONG = "wrong"  # counts towards this session's own slow-down
    BUSY = "busy"  # too many checks on the server this second: not checked, try again


def attempt_login(
    given: str,
    *,
    deployment: Deployment,
    failures: int,
    limiter: CheckLimiter,
    sleep: Callable[[float], None] | None = None,
) -> Login:
    """Check a trainer password after this session's own delay and its server-wide turn.

    ``failures`` is this browser session's count of wrong passwords so far; the caller
    keeps it (one more after ``Login.WRONG``, none after ``Login.ACCEPTED``).
    """
    sleep = sleep or throttle.pause  # looked up now, so a test can record the waits
    if deployment.trainer_password is None:
        return Login.WRONG
    sleep(own_delay(failures))
    turn = limiter.reserve()
    if turn is None:
        return Login.BUSY
    sleep(turn)
    if password_matches(given, deployment.trainer_password):
        return Login.ACCEPTED
    return Login.WRONG
