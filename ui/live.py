"""Pages that follow what others change, with nobody clicking.

``follow`` puts a small fragment on the page that reruns alone every ``TICK`` seconds
(a fragment's rerun runs only the fragment, not the page). Each tick asks for a
*signature* of what the page shows and compares it with the one the page was drawn
with; only when it moved does it rerun the whole page (``st.rerun(scope="app")``), whose
cached reads then fetch the news. Signatures come from the process's revision board
(``ui.engine.revision_board``), so a tick that finds nothing changed sends no SQL: the
board's ``generation`` moves on with any save in this process and, on PostgreSQL, with
every other server's ``NOTIFY``.
"""

from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st

from ui import rerun_guard
from ui.engine import revision_board

rerun_guard.install()  # a tick must not swallow a click waiting to run

TICK = 1.0  # seconds between checks: a change shows within about one tick and a rerun
_SEEN = "live_seen"  # session state: the signature each follower's page was drawn with

Signature = Callable[[], Hashable]
Changed = Callable[[Any, Any], None]


def any_change() -> int:
    """The revision board's generation: moves on when any workshop or course changed."""
    return revision_board().generation


def follow(
    name: str,
    signature: Signature,
    *,
    changed: Changed | None = None,
    drawn: Hashable | None = None,
) -> None:
    """Rerun this page when ``signature()`` moves on from ``drawn`` (what the page shows;
    by default ``signature()`` now, so call it before the reads it guards).

    ``changed(before, now)`` runs first (to queue a toast, say). ``name`` tells apart the
    followers of one page.
    """
    seen: dict[str, Hashable] = st.session_state.setdefault(_SEEN, {})
    seen[name] = signature() if drawn is None else drawn
    _watch(name, signature, changed)


def tick(name: str, signature: Signature, changed: Changed | None = None) -> bool:
    """One check: ``True`` (with the new signature remembered) when the page must rerun."""
    seen: dict[str, Hashable] = st.session_state.setdefault(_SEEN, {})
    now = signature()
    before = seen.get(name)
    if now == before:
        return False
    seen[name] = now
    if changed is not None:
        changed(before, now)
    return True


@st.fragment(run_every=TICK)
def _watch(name: str, signature: Signature, changed: Changed | None) -> None:
    if tick(name, signature, changed):
        st.rerun(scope="app")
