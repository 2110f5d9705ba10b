"""What this server process knows of each workshop's revision, kept fresh across processes.

Every page rerun asks the board for the open workshop's revision and re-reads the
workshop only when it moved on: an unchanged rerun costs no SQL. A save in this process
forgets the workshop's entry, so the next rerun of any session reads the new revision.
With PostgreSQL a listener thread hears every committed change (``NOTIFY`` sent by
``touch``) from every app server sharing the database, and forgets those entries too;
if its connection drops it forgets everything, because it may have missed a change.
"""

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import psycopg
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

CHANNEL = "workshop_changed"
State = TypeVar("State")
log = logging.getLogger(__name__)


class RevisionBoard(Generic[State]):
    """Known revisions (or whole ``WorkshopState``s) by workshop id; safe to share between
    the server's threads."""

    def __init__(self) -> None:
        self._known: dict[int, State] = {}
        self._lock = threading.Lock()
        self._generation = 0

    @property
    def generation(self) -> int:
        """A counter that moves on whenever any workshop (or the course list) may have
        changed: what reads spanning many workshops, like a course gallery, are keyed by."""
        with self._lock:
            return self._generation

    def get(self, workshop_id: int, read: Callable[[], State]) -> State:
        """The known revision, or ``read()`` it (a query) and remember it."""
        with self._lock:
            known = self._known.get(workshop_id)
        if known is not None:
            return known
        revision = read()
        with self._lock:
            self._known[workshop_id] = revision
        return revision

    def knows(self, workshop_id: int) -> bool:
        with self._lock:
            return workshop_id in self._known

    def forget(self, workshop_id: int) -> None:
        with self._lock:
            self._known.pop(workshop_id, None)
            self._generation += 1

    def forget_all(self) -> None:
        with self._lock:
            self._known.clear()
            self._generation += 1


def _conninfo(engine: Engine) -> str:
    url = make_url(engine.url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class ChangeListener(threading.Thread):
    """Forgets a workshop on the board whenever any server commits a change to it."""

    def __init__(self, engine: Engine, board: RevisionBoard[Any], *, retry_seconds: float = 1.0):
        super().__init__(name="workshop-change-listener", daemon=True)
        self._conninfo = _conninfo(engine)
        self._board = board
        self._retry = retry_seconds
        self._halt = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is active (tests wait on it)

    def stop(self) -> None:
        self._halt.set()

    def run(self) -> None:
        while not self._halt.is_set():
            try:
                self._listen()
            except Exception:
                log.warning("change listener lost its connection; reconnecting", exc_info=True)
            self.listening.clear()
            # Changes may have been missed while disconnected: trust nothing remembered.
            self._board.forget_all()
            self._halt.wait(self._retry)

    def _listen(self) -> None:
        with psycopg.connect(self._conninfo, autocommit=True) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self._board.forget_all()
            self.listening.set()
            while not self._halt.is_set():
                for note in connection.notifies(timeout=1.0):
                    if note.payload.isdigit():
                        self._board.forget(int(note.payload))
                    else:
                        self._board.forget_all()


def start_listener(engine: Engine, board: RevisionBoard[Any]) -> ChangeListener | None:
    """A running listener for PostgreSQL; ``None`` for SQLite (one process per file)."""
    if engine.dialect.name != "postgresql":
        return None
    listener = ChangeListener(engine, board)
    listener.start()
    return listener
