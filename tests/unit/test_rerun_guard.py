"""A live page's timer tick never swallows a click that is waiting to run."""

from types import SimpleNamespace

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData, ScriptRequests

import ui.live  # noqa: F401  (installs the guard, as every live page does)
from ui import rerun_guard

# The browser sends its widgets' states with every request (none here: a page link).
ROOM = RerunData(page_script_hash="room-hash", page_name="room", widget_states=WidgetStates())
TICK = RerunData(
    page_script_hash="trainer-hash",
    page_name="trainer",
    fragment_id="watch",
    is_auto_rerun=True,
    widget_states=WidgetStates(),
)
# What st.rerun() asks for, from a run of the trainer's page; st.switch_page names another.
REDRAW = RerunData(page_script_hash="trainer-hash")
SWITCH = RerunData(page_script_hash="join-hash")


@pytest.fixture
def on_the_trainers_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests made from a script thread running the trainer's page."""
    running = SimpleNamespace(page_script_hash="trainer-hash")
    monkeypatch.setattr(rerun_guard, "get_script_run_ctx", lambda **_: running)


def _run_that_starts(*requests: RerunData) -> RerunData:
    waiting = ScriptRequests()
    for request in requests:
        assert waiting.request_rerun(request)
    return waiting.on_scriptrunner_ready().rerun_data


def test_a_tick_arriving_after_a_page_link_click_leaves_the_click_s_page() -> None:
    run = _run_that_starts(ROOM, TICK)
    assert run.page_script_hash == "room-hash"
    assert run.fragment_id_queue == []  # the whole new page runs, not the watcher alone
    assert not run.is_auto_rerun


def test_a_tick_arriving_after_a_form_submit_keeps_the_submitted_values() -> None:
    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    submitted = WidgetStates()
    name = submitted.widgets.add()
    name.id, name.string_value = "name", "Office lunches"
    ticking = WidgetStates()
    stale = ticking.widgets.add()
    stale.id, stale.string_value = "name", ""
    run = _run_that_starts(
        RerunData(page_script_hash="segments", widget_states=submitted),
        RerunData(
            page_script_hash="segments",
            widget_states=ticking,
            fragment_id="watch",
            is_auto_rerun=True,
        ),
    )
    assert run.widget_states is not None
    assert [(w.id, w.string_value) for w in run.widget_states.widgets] == [
        ("name", "Office lunches")
    ]


def test_the_tick_s_redraw_while_a_page_link_click_waits_leaves_the_click_s_page(
    on_the_trainers_page: None,
) -> None:
    run = _run_that_starts(ROOM, REDRAW)
    assert run.page_script_hash == "room-hash"
    assert run.widget_states is not None


def test_a_switch_of_pages_by_the_script_still_wins_over_a_waiting_click(
    on_the_trainers_page: None,
) -> None:
    assert _run_that_starts(ROOM, SWITCH).page_script_hash == "join-hash"


def test_a_redraw_with_nobody_waiting_runs_the_page_again(on_the_trainers_page: None) -> None:
    run = _run_that_starts(REDRAW)
    assert run.page_script_hash == "trainer-hash"
    assert run.fragment_id_queue == []


def test_a_tick_after_the_script_s_switch_of_pages_leaves_the_new_page() -> None:
    assert _run_that_starts(SWITCH, TICK).page_script_hash == "join-hash"


def test_ticks_alone_still_run_the_watcher() -> None:
    run = _run_that_starts(TICK, TICK)
    assert run.fragment_id_queue == ["watch"]
    assert run.is_auto_rerun


def test_a_click_after_a_tick_still_wins() -> None:
    run = _run_that_starts(TICK, ROOM)
    assert run.page_script_hash == "room-hash"
    assert run.fragment_id_queue == []


def test_installing_twice_wraps_once() -> None:
    before = ScriptRequests._request_rerun_locked
    rerun_guard.install()
    assert ScriptRequests._request_rerun_locked is before


@pytest.mark.parametrize("first", [ROOM, TICK])
def test_a_stopped_runner_still_refuses_every_request(first: RerunData) -> None:
    stopped = ScriptRequests()
    stopped.request_stop()
    assert not stopped.request_rerun(first)
