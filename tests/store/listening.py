"""Waiting for the PostgreSQL change listener, for tests that need other servers' news."""

import time

from canvas.store.revisions import ChangeListener


def wait_until_listening(listener: ChangeListener | None, timeout: float = 10.0) -> bool:
    """For start-up and tests: block until the listener is connected."""
    if listener is None:
        return True
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if listener.listening.wait(0.1):
            return True
    return False
