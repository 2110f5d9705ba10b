"""A page with a live tick in the sidebar and a button, served with the app's own config.

The tick draws a caption and, with ``?slow=1``, then stays busy for half a second without
drawing anything (as a live page's check of the database does). The page notes at its very
top whether a tick of this session was still busy when the run began; the button counts
its clicks and says so in the main area.

With ``?late=1`` the end of each tick's run is held for a second *after* its last point
where Streamlit could stop it: a click sent then can only run next, in the same thread,
as a click arriving in that instant does on a busy server.
"""

import time

import streamlit as st
from streamlit.runtime.scriptrunner import script_runner
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from ui.rerun_guard import start_in_main_area

LATE: set[str] = set()  # sessions whose ticks end late


def _hold_the_end_of_late_ticks() -> None:
    runner = script_runner.ScriptRunner
    if getattr(runner, "_held_for_tests", False):
        return
    finish = runner._on_script_finished

    def held(self, ctx, event, premature_stop, run_descriptor):  # type: ignore[no-untyped-def]
        fragment_done = event == script_runner.ScriptRunnerEvent.FRAGMENT_STOPPED_WITH_SUCCESS
        if fragment_done and ctx.session_id in LATE:
            time.sleep(1.0)
        return finish(self, ctx, event, premature_stop, run_descriptor)

    runner._on_script_finished = held
    runner._held_for_tests = True


start_in_main_area()  # what app.py does first
_hold_the_end_of_late_ticks()
state = st.session_state
# A plain dict, changed in place: setting a session state key can itself be a point where
# Streamlit stops a run, which would leave the mark set.
busy = state.setdefault("busy", {"tick": False})
overlapped = busy["tick"]  # first: before this run's own tick below
slow = st.query_params.get("slow") == "1"
if st.query_params.get("late") == "1":
    running = get_script_run_ctx()
    if running is not None:
        LATE.add(running.session_id)


@st.fragment(run_every=3600)  # the test's client times the ticks itself
def tick() -> None:
    st.caption("tick")
    busy["tick"] = True
    if slow:
        time.sleep(0.5)  # no element drawn: no point where Streamlit could stop this run
    busy["tick"] = False


with st.sidebar:  # where the comments' watcher is
    tick()
if st.button("Count"):
    state.clicks = state.get("clicks", 0) + 1
    st.markdown(f"clicks: {state.clicks}; began while a tick was busy: {overlapped}")
