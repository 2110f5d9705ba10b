"""Reloads keep a page's choices (they live in the URL), and the canvas reads as a list of
blocks when asked, on a phone and in the trainer's comparison."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from canvas.domain import CanvasBlock, CanvasNoteInput
from canvas.domain.touchpoint import TouchpointRating
from canvas.store import notes as note_store
from canvas.store.db import make_engine, transaction
from tests.app.driver import (
    APP,
    PAGES,
    TIMEOUT,
    add_demo,
    add_segment,
    add_workshop,
    assert_ok,
    block_name,
    load,
    say,
    widget,
)
from tests.app.test_trainer_pages import _trainer, room  # noqa: F401 (a fixture)


def _open(lang: str, page: str, **params: str) -> AppTest:
    """A browser opening ``page`` at an address with ``params``, as a reload does."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    for name, value in params.items():
        at.query_params[name] = value
    assert_ok(at.run())
    return assert_ok(at.switch_page(PAGES.get(page, page)).run())


def _three_segments(db: str, lang: str) -> tuple[int, list[int]]:
    workshop = add_workshop(db, "Roastery", lang)
    return workshop, [add_segment(db, workshop, name) for name in ("Cafés", "Offices", "Homes")]


def test_a_reload_opens_the_relationships_page_on_the_segment_in_the_url(db, lang):
    workshop, (_, offices, homes) = _three_segments(db, lang)
    at = _open(lang, "relationships", w=str(workshop), segment=str(offices))
    chooser = widget(at.selectbox, say(lang, "relationships.segment"))
    assert chooser.value == offices

    chooser.set_value(homes).run()
    assert at.query_params["segment"] == str(homes)
    again = _open(lang, "relationships", w=str(workshop), segment=str(homes))
    assert widget(again.selectbox, say(lang, "relationships.segment")).value == homes


def test_an_unknown_segment_in_the_url_opens_the_first_and_leaves_the_url(db, lang):
    workshop, (cafes, _, _) = _three_segments(db, lang)
    at = _open(lang, "relationships", w=str(workshop), segment="999")
    assert widget(at.selectbox, say(lang, "relationships.segment")).value == cafes
    assert "segment" not in at.query_params


def test_the_loyalty_checks_scope_follows_the_url_both_ways(db, lang):
    workshop, (_, offices, _) = _three_segments(db, lang)
    at = _open(lang, "loyalty_check", w=str(workshop), scope=str(offices))
    scope = widget(at.selectbox, say(lang, "loyalty_check.scope"))
    assert scope.value == offices
    scope.set_value(0).run()  # all customers: the default, so the URL says nothing
    assert "scope" not in at.query_params


def test_the_nps_page_reopens_on_the_way_of_entering_answers_in_the_url(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _open(lang, "nps", w=str(workshop), way="counts")
    way = at.get("button_group")[0]
    assert way.value == "counts"
    way.set_value("file").run()
    assert at.query_params["way"] == "file"


def test_the_touchpoint_filters_are_kept_in_the_url_as_codes_and_ids(db, lang):
    workshop = add_demo(db, lang)
    second = load(db, workshop).segments[1].segment.id
    at = _open(lang, "touchpoints", w=str(workshop), segment=str(second), rating="awful,none")
    assert widget(at.selectbox, say(lang, "touchpoints.filter_segment")).value == second
    ratings = widget(at.multiselect, say(lang, "touchpoints.filter_rating"))
    assert ratings.value == [TouchpointRating.AWFUL, None]  # "none": not rated yet

    ratings.set_value([TouchpointRating.WOW]).run()
    assert at.query_params["rating"] == "wow"
    assert at.query_params["segment"] == str(second)


def test_the_canvas_as_a_list_shows_the_nine_blocks_in_the_canvas_order(db, lang):
    workshop, (cafes, _, _) = _three_segments(db, lang)
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            note = CanvasNoteInput(
                block=CanvasBlock.CHANNELS, text="Weekly newsletter", segment_id=cafes
            )
            note_store.add_note(session, workshop_id=workshop, data=note)
    finally:
        engine.dispose()
    at = _open(lang, "canvas", w=str(workshop))
    assert len(at.get("plotly_chart")) == 1  # a desktop browser gets the drawing first
    widget(at.toggle, say(lang, "reflow.list.toggle")).set_value(True).run()

    assert at.get("plotly_chart") == []
    order = [
        "key_partners",
        "key_activities",
        "key_resources",
        "value_propositions",
        "customer_relationships",
        "channels",
        "customer_segments",
        "cost_structure",
        "revenue_streams",
    ]
    names = [block_name(key, lang) for key in order]
    listed = [m.value for m in at.markdown if any(m.value.startswith(f"**{n}**") for n in names)]
    assert [next(n for n in names if text.startswith(f"**{n}**")) for text in listed] == names
    channels = listed[order.index("channels")]
    # the note's segment is named in words beside its coloured marker
    named = say(lang, "a11y.canvas.of_segment", segment="Cafés", text="Weekly newsletter")
    assert f"] {named}" in channels and channels.count("Cafés") == 1
    assert at.query_params["list"] == "1"
    again = _open(lang, "canvas", w=str(workshop), list="1", layer="1")
    assert again.get("plotly_chart") == []
    assert widget(again.toggle, say(lang, "touchpoints.layer.toggle")).value is True


@pytest.mark.usefixtures("room")
def test_the_trainers_open_tab_is_kept_in_the_url(lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    at.query_params["tab"] = "compare"
    assert_ok(at.run())
    assert at.session_state["trainer_tab"] == say(lang, "trainer.compare")


def test_every_page_asks_before_unsaved_changes_are_lost_in_the_users_language(db, lang):
    workshop, _ = _three_segments(db, lang)
    at = _open(lang, "relationships", w=str(workshop))
    [guard] = at.sidebar.get("html")
    question = json.dumps(say(lang, "reflow.unsaved.leave"), ensure_ascii=False)
    assert guard.proto.unsafe_allow_javascript
    assert f"state.message = {question};" in guard.proto.body
    assert f'document.documentElement.lang = "{lang}";' in guard.proto.body
    # constant: the next page sends the very same script, with no text of the workshop's
    assert_ok(at.switch_page(PAGES["canvas"]).run())
    assert [h.proto.body for h in at.sidebar.get("html")] == [guard.proto.body]
    assert "Roastery" not in guard.proto.body and "Offices" not in guard.proto.body
