"""A live page's timer tick must not swallow a person's click.

Every page that follows others' changes carries a fragment that reruns on a timer
(``ui.live``). Streamlit 1.67 folds a rerun request that arrives while another is
still waiting into one, and takes the *newer* request's page: a tick that lands
between a click on a page link and the start of its run sends the person back to the
page they were leaving (their click is lost). On a busy server that window is long
enough to hit. A tick is only a check for news, so while a person's own request
waits, the tick is dropped: the waiting run draws the page, the watcher included,
and the timer asks again a second later.
"""

from typing import Any

from streamlit.runtime.scriptrunner_utils.script_requests import (
    RerunData,
    ScriptRequests,
    ScriptRequestType,
)

_MARK = "_tick_yields_to_clicks"


def install() -> None:
    """Make a waiting request from a person win over a timer tick (idempotent)."""
    original = ScriptRequests._request_rerun_locked
    if getattr(original, _MARK, False):
        return

    def request_rerun_locked(self: ScriptRequests, new_data: RerunData) -> Any:
        waiting = self._state == ScriptRequestType.RERUN
        if waiting and new_data.is_auto_rerun and not self._rerun_data.is_auto_rerun:
            return True  # accepted: the person's waiting run covers the check
        return original(self, new_data)

    setattr(request_rerun_locked, _MARK, True)
    ScriptRequests._request_rerun_locked = request_rerun_locked  # type: ignore[method-assign]
