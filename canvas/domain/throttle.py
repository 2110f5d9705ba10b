"""Slowing down guesses without locking out the trainer.

Two brakes, both pure arithmetic over an injected clock:

- ``own_delay``: each browser session's own wrong guesses (trainer password or join code)
  make its next attempt wait longer, doubling from half a second up to thirty. Nobody else
  waits for them, whatever address they share (a classroom behind one NAT).
- ``CheckLimiter``: a token bucket for the whole server process, so that no more than
  ``rate`` password checks a second reach the comparison however many sessions are opened.
  An attempt waits for its turn at most ``max_wait`` (one second); past that it is refused
  with a message and may try again. So others' guesses add at most a second to the
  trainer's correct password.
"""

import threading
import time
from collections.abc import Callable

FIRST_DELAY = 0.5  # seconds before the attempt after a session's first wrong guess
MAX_DELAY = 30.0  # the delay doubles with each wrong guess up to this
CHECKS_PER_SECOND = 10.0
MAX_WAIT = 1.0  # the longest a password check waits for the server-wide limiter


def pause(seconds: float) -> None:
    """Wait ``seconds``: the one place the slow-downs sleep, so tests can record it instead."""
    if seconds > 0:
        time.sleep(seconds)


def own_delay(failures: int) -> float:
    """Seconds a session waits before its next attempt after ``failures`` wrong guesses."""
    if failures <= 0:
        return 0.0
    return min(MAX_DELAY, FIRST_DELAY * 2 ** min(failures - 1, 16))


class CheckLimiter:
    """A token bucket: ``rate`` checks a second, bursts of up to ``rate``, waits <= ``max_wait``.

    ``reserve`` takes the next free turn: it returns the seconds to wait for it, or ``None``
    (nothing taken) when that turn is more than ``max_wait`` away.
    """

    def __init__(
        self,
        *,
        rate: float = CHECKS_PER_SECOND,
        burst: float = CHECKS_PER_SECOND,
        max_wait: float = MAX_WAIT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rate = rate
        self._burst = burst
        self._max_wait = max_wait
        self._clock = clock
        self._tokens = burst
        self._last = clock()
        self._lock = threading.Lock()

    def reserve(self) -> float | None:
        with self._lock:
            now = self._clock()
            self._tokens = min(self._burst, self._tokens + (now - self._last) * self._rate)
            self._last = now
            wait = max(0.0, (1 - self._tokens) / self._rate)
            if wait > self._max_wait + 1e-9:
                return None
            self._tokens -= 1  # below zero: turns promised to those now waiting
            return wait
