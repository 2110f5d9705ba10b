"""The live classroom in AppTest: the trainer's page and a participant's pages follow each
other's saves through a fragment that ticks alone, with no SQL while nothing changed;
the trainer's comments are counted unread, marked read when opened, and stand beside the
block or segment they are about, in both languages."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event
from streamlit.testing.v1 import AppTest, local_script_runner

from tests.app import test_trainer_pages
from tests.app.driver import assert_ok, block_name, open_app, say, seen, widget
from tests.app.test_trainer_pages import _comment, _trainer

room = test_trainer_pages.room  # the fixture: Anna and Boris in the course "Spring"


def tick(at: AppTest) -> AppTest:
    """What the browser's timer asks for every second: a rerun of the page's live
    fragments alone (``st.fragment(run_every=…)``), not of the page."""
    fragments = list(at._fragment_storage._fragments)
    assert fragments, "the page has no live fragment"
    made = local_script_runner.RerunData

    def fragment_rerun(**fields: Any) -> Any:
        return made(**fields, fragment_id_queue=fragments, is_auto_rerun=True)

    local_script_runner.RerunData = fragment_rerun  # type: ignore[assignment,misc]
    try:
        return at.run()
    finally:
        local_script_runner.RerunData = made  # type: ignore[misc]


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every SQL statement the app's engine sends inside the block (BEGIN aside)."""
    from ui.engine import engine

    sent: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if statement.strip().upper() != "BEGIN":
            sent.append(statement)

    event.listen(engine(), "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(engine(), "before_cursor_execute", count)


def open_expander(at: AppTest, box: Any) -> AppTest:
    """Click an expander open, as a person does (AppTest has no verb for it yet)."""
    states = at._tree.get_widget_states()
    opened = states.widgets.add()
    opened.id = box.proto.id
    opened.bool_value = True
    return assert_ok(at._run(states))


@pytest.fixture
def ticks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every live check that ran, tick or page run."""
    import ui.live

    ran: list[str] = []
    real = ui.live.tick

    def spy(name: str, *args: Any) -> bool:
        ran.append(name)
        return real(name, *args)

    monkeypatch.setattr(ui.live, "tick", spy)
    return ran


def _add_segment(at: AppTest, lang: str, name: str) -> None:
    at.switch_page("app_pages/segments.py").run()
    widget(at.text_input, say(lang, "field.name"), form="add_segment").input(name)
    widget(at.button, say(lang, "segments.add_button")).click().run()
    assert_ok(at)


def _gallery(at: AppTest) -> dict[str, str]:
    """Each participant's segment count as the gallery table shows it."""
    [table] = [m.value for m in at.markdown if m.value.startswith("| ")]
    rows = [row.strip("|").split(" | ") for row in table.splitlines()[2:]]
    return {seen(row[0].strip()).strip("*"): row[1].strip() for row in rows}


# ------------------------------------------------------------------ the trainer's page


def test_a_tick_that_finds_nothing_changed_sends_no_sql_and_leaves_the_page_alone(
    room, lang, monkeypatch, ticks
):
    at = _trainer(lang, monkeypatch)
    with statements() as sent:
        tick(at)
    assert ticks[-1] == "room"  # the check ran…
    assert sent == []  # …from memory
    assert list(at.title) == []  # and the page was not drawn again: only the fragment ran


def test_a_participants_new_segment_reaches_the_trainers_gallery_on_the_next_tick(
    room, lang, monkeypatch
):
    at = _trainer(lang, monkeypatch)
    assert _gallery(at) == {"Anna": "1", "Boris": "1"}
    anna = open_app(lang, k=room["people"]["Anna"][0].access_token)
    _add_segment(anna, lang, "Freelancers")

    with statements() as sent:
        assert_ok(tick(at))  # no click by the trainer
    assert sent  # the gallery was read again, once it had moved on
    assert _gallery(at) == {"Anna": "2", "Boris": "1"}
    with statements() as sent:
        tick(at)
    assert sent == []  # and the tick after that is quiet again


# ------------------------------------------------------------------ the participant's pages


def _participant(room: dict[str, Any], lang: str, page: str = "app_pages/segments.py") -> AppTest:
    at = open_app(lang, k=room["people"]["Anna"][0].access_token)
    at.switch_page(page).run()
    return assert_ok(at)


def test_a_new_comment_reaches_the_participant_as_a_toast_on_the_next_tick(room, lang, monkeypatch):
    anna = _participant(room, lang)
    with statements() as sent:
        tick(anna)
    assert sent == [] and list(anna.toast) == []  # nothing new, nothing read

    trainer = _trainer(lang, monkeypatch)
    _comment(trainer, lang, "block:channels", "Which channel brings the regulars?")
    assert_ok(tick(anna))
    about = block_name("channels", lang)
    expected = say(lang, "comments.toast", about=about, text="Which channel brings the regulars?")
    assert [seen(t.value) for t in anna.toast] == [expected]
    # the page was drawn again: the count of unread comments is in the sidebar and on top
    labels = [e.label for e in anna.expander]
    assert say(lang, "comments.sidebar_unread", n=1, unread=1) in labels
    assert say(lang, "comments.inbox_unread", n=1, unread=1) in labels

    assert list(assert_ok(anna.run()).toast) == []  # a toast is said once


def test_opening_the_comments_marks_them_read_for_every_page_and_the_trainer_keeps_them(
    room, lang, monkeypatch
):
    trainer = _trainer(lang, monkeypatch)
    _comment(trainer, lang, "whole", "Good start")
    _comment(trainer, lang, "block:channels", "Which channel?")
    anna = _participant(room, lang)
    unread_top = say(lang, "comments.inbox_unread", n=2, unread=2)
    [top] = [e for e in anna.main.expander if e.label == unread_top]
    assert say(lang, "comments.sidebar_unread", n=2, unread=2) in [
        e.label for e in anna.sidebar.expander
    ]

    open_expander(anna, top)
    labels = [e.label for e in anna.expander]
    assert say(lang, "comments.inbox", n=2) in labels
    assert say(lang, "comments.sidebar", n=2) in labels
    # read in the store, so a new tab of the same participant counts none unread either
    again = _participant(room, lang, "app_pages/canvas.py")
    assert say(lang, "comments.inbox", n=2) in [e.label for e in again.expander]
    # a later comment is unread again, the earlier two stay read
    _comment(trainer, lang, "whole", "And now the canvas")
    tick(again)
    assert say(lang, "comments.inbox_unread", n=3, unread=1) in [e.label for e in again.expander]


def test_the_trainer_opening_a_participants_comments_leaves_them_unread(room, lang, monkeypatch):
    trainer = _trainer(lang, monkeypatch)
    _comment(trainer, lang, "whole", "Good start")
    widget(trainer.button, say(lang, "trainer.open")).click().run()  # Anna's canvas
    unread = say(lang, "comments.inbox_unread", n=1, unread=1)
    [top] = [e for e in trainer.main.expander if e.label == unread]
    assert top.proto.id == ""  # a plain expander for the trainer: opening it tells nobody
    anna = _participant(room, lang)
    assert say(lang, "comments.inbox_unread", n=1, unread=1) in [e.label for e in anna.expander]


def test_comments_stand_beside_their_block_their_segment_and_atop_every_page(
    room, lang, monkeypatch
):
    trainer = _trainer(lang, monkeypatch)
    segment = room["people"]["Anna"][1]
    _comment(trainer, lang, "whole", "Good start")
    _comment(trainer, lang, "block:channels", "Which channel?")
    _comment(trainer, lang, f"segment:{segment}", "Ask them what they miss")
    label = say(lang, "comments.beside")

    canvas = _participant(room, lang, "app_pages/canvas.py")
    [area] = _keyed(canvas.main, "comments-channels")
    texts = [seen(m.value) for m in area.markdown] + [seen(w.value) for w in area.warning]
    assert texts == [block_name("channels", lang), f"{label}: Which channel?"]
    whole = f"{say(lang, 'comments.on_whole')}: Good start"
    assert [seen(i.value) for i in canvas.main.info][:1] == [whole]

    relationships = _participant(room, lang, "app_pages/relationships.py")
    assert [seen(w.value) for w in relationships.main.warning] == [
        f"{label}: Ask them what they miss"
    ]
    assert whole in [seen(i.value) for i in relationships.main.info]


def _keyed(node: Any, key: str) -> list[Any]:
    """The containers under ``node`` made with ``key`` (a container's id ends with it)."""
    found = []
    for child in getattr(node, "children", {}).values():
        if str(getattr(getattr(child, "proto", None), "id", "")).endswith(key):
            found.append(child)
        found += _keyed(child, key)
    return found


def test_the_presentation_keeps_the_comments_off_the_projector(room, lang, monkeypatch):
    trainer = _trainer(lang, monkeypatch)
    _comment(trainer, lang, "whole", "Good start")
    widget(trainer.button, say(lang, "trainer.open")).click().run()  # Anna's canvas
    assert say(lang, "comments.inbox_unread", n=1, unread=1) in [
        e.label for e in trainer.main.expander
    ]
    trainer.switch_page("app_pages/present.py").run()
    assert_ok(trainer)
    assert [e.label for e in trainer.main.expander] == []
    assert "Good start" not in " ".join(seen(i.value) for i in trainer.main.info)


def test_the_trainers_freeze_reaches_the_participant_on_the_next_tick(room, lang, monkeypatch):
    anna = _participant(room, lang)
    trainer = _trainer(lang, monkeypatch)
    widget(trainer.toggle, say(lang, "course.freeze")).set_value(True).run()
    assert_ok(trainer)

    assert_ok(tick(anna))  # no click by the participant
    assert say(lang, "frozen.banner") in [w.value for w in anna.warning]
    assert widget(anna.button, say(lang, "segments.add_button")).disabled
    assert list(anna.toast) == []  # a freeze is no comment

    widget(trainer.toggle, say(lang, "course.freeze")).set_value(False).run()
    assert_ok(tick(anna))
    assert say(lang, "frozen.banner") not in [w.value for w in anna.warning]
    assert not widget(anna.button, say(lang, "segments.add_button")).disabled
