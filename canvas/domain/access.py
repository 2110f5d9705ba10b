"""Who may open what: local mode for one person, course mode for a trainer's room.

Local mode (no trainer password configured) shows every workshop to everyone, as a
desktop tool would. Course mode (a trainer password is configured) opens a workshop
only to the trainer or to a visitor holding its access token, and keeps the trainer
area behind the password, compared in constant time and slowed down after failures.
"""

import hashlib
import hmac
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

PASSWORD_SETTING = "TRAINER_PASSWORD"  # environment variable or Streamlit secret
FIRST_DELAY = 0.5  # seconds after the first failed login
MAX_DELAY = 30.0  # the delay doubles with each failure up to this


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


class LoginThrottle:
    """Failed trainer logins per client; each failure doubles the wait before the next answer.

    Shared by every session of the server process, so opening new sessions does not
    reset it; a success clears the client's count.
    """

    def __init__(self) -> None:
        self._failures: dict[str, int] = {}
        self._lock = threading.Lock()

    def delay(self, client: str) -> float:
        """Seconds to wait before checking this client's next attempt."""
        with self._lock:
            failures = self._failures.get(client, 0)
        if not failures:
            return 0.0
        return min(MAX_DELAY, FIRST_DELAY * 2 ** (failures - 1))

    def failed(self, client: str) -> None:
        with self._lock:
            self._failures[client] = self._failures.get(client, 0) + 1

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)


def attempt_login(
    given: str,
    *,
    deployment: Deployment,
    throttle: LoginThrottle,
    client: str,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Check a trainer password after the client's current delay; record the outcome."""
    if deployment.trainer_password is None:
        return False
    sleep(throttle.delay(client))
    if password_matches(given, deployment.trainer_password):
        throttle.succeeded(client)
        return True
    throttle.failed(client)
    return False
