"""A live page's timer tick must not swallow a person's click.

Every page that follows others' changes carries a fragment that reruns on a timer
(``ui.live``). A session runs one script at a time (``runner.fastReruns`` is off in
``.streamlit/config.toml``), so a request that arrives while a run is going on waits, and
Streamlit 1.67 folds any later request into the waiting one, taking the *later* one's
page. Two later requests would undo a person's click that way:

- the browser's next tick, arriving between a click on a page link and the start of its
  run, would send the person back to the page they were leaving;
- the tick's own ``st.rerun()``, when it finds news while the click waits, would do the
  same.

Both only ask to draw the page again, and the person's waiting run draws it whole, the
watcher included, so while it waits they are dropped (a tick also while the script's own
``st.switch_page`` waits). On a busy server that window is long enough to hit.

One more leftover of a tick: a fragment's run draws into the container the fragment was
called in (the sidebar, for the comments' watcher) and, when it ends without being
interrupted, leaves that container current in the script thread. A click that arrived
just then runs next in the same thread, and its whole page would be drawn into the
sidebar. ``start_in_main_area`` at the top of ``app.py`` puts every page run back.
"""

from typing import Any

from streamlit.delta_generator_singletons import context_dg_stack, get_default_dg_stack_value
from streamlit.runtime.scriptrunner_utils.script_requests import (
    RerunData,
    ScriptRequests,
    ScriptRequestType,
)
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

_MARK = "_tick_yields_to_clicks"


def _from_a_person(request: RerunData) -> bool:
    """Sent by the browser for a click, a choice or a link; not by its timer, nor by
    the script (``st.rerun`` and ``st.switch_page`` send no widget states)."""
    return request.widget_states is not None and not request.is_auto_rerun


def _whole_page(request: RerunData) -> bool:
    return not (
        request.fragment_id or request.fragment_id_queue or request.is_fragment_scoped_rerun
    )


def _redraw_by_the_script(request: RerunData) -> bool:
    """``st.rerun()`` of the whole page the script is running (not a switch of pages)."""
    if request.widget_states is not None or request.is_auto_rerun:
        return False
    running = get_script_run_ctx(suppress_warning=True)
    return (
        running is not None
        and _whole_page(request)
        and request.page_script_hash == running.page_script_hash
    )


def install() -> None:
    """Make a waiting request from a person win over a tick and a redraw (idempotent)."""
    original = ScriptRequests._request_rerun_locked
    if getattr(original, _MARK, False):
        return

    def request_rerun_locked(self: ScriptRequests, new_data: RerunData) -> Any:
        if self._state == ScriptRequestType.RERUN and _whole_page(self._rerun_data):
            waiting = self._rerun_data
            tick = new_data.is_auto_rerun and not waiting.is_auto_rerun
            redraw = _from_a_person(waiting) and _redraw_by_the_script(new_data)
            if tick or redraw:
                return True  # accepted: the waiting run draws the whole page anew
        return original(self, new_data)

    setattr(request_rerun_locked, _MARK, True)
    ScriptRequests._request_rerun_locked = request_rerun_locked  # type: ignore[method-assign]


def start_in_main_area() -> None:
    """Make ``st.*`` draw into the main area, as at the start of a fresh script thread.

    Streamlit 1.67 resets its stack of open containers after a run stopped for a rerun,
    not after a fragment's run that ended normally.
    """
    context_dg_stack.set(get_default_dg_stack_value())
