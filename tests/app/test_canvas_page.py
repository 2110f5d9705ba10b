"""The Canvas page: sticky notes on the other blocks of the Business Model Canvas."""

import json

from canvas.domain import CanvasBlock, RelationshipType
from canvas.domain.nps import NpsCounts
from canvas.domain.touchpoint import TouchpointCategory, TouchpointInput, TouchpointRating
from canvas.store import nps, touchpoints
from canvas.store.db import make_engine, transaction
from tests.app.driver import (
    add_segment,
    add_workshop,
    assert_ok,
    block_name,
    load,
    run_app,
    say,
    shown,
    type_name,
    widget,
)

ADD = "add_note"


def _add_note(at, lang: str, block: CanvasBlock, segment: int | None, text: str) -> None:
    widget(at.selectbox, say(lang, "field.block"), form=ADD).set_value(block)
    widget(at.selectbox, say(lang, "field.segment"), form=ADD).set_value(segment)
    widget(at.text_area, say(lang, "field.text"), form=ADD).set_value(text)
    widget(at.button, say(lang, "canvas.add_button"), form=ADD).click()
    assert_ok(at.run())


def _headers(at) -> list[str]:
    return [s.value for s in at.header]


def test_a_note_added_through_the_form_is_listed_and_can_be_deleted(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    segment = add_segment(db, workshop, "Offices")
    at = run_app(lang, workshop, page="canvas")
    assert say(lang, "canvas.notes") not in _headers(at)
    blocks = widget(at.selectbox, say(lang, "field.block"), form=ADD)
    assert block_name("customer_relationships", lang) not in blocks.options
    assert widget(at.selectbox, say(lang, "field.segment"), form=ADD).options == [
        say(lang, "canvas.all_segments"),
        "Offices",
    ]

    _add_note(at, lang, CanvasBlock.CHANNELS, segment, "Tasting days at the office")

    assert not at.error
    [note] = load(db, workshop).notes
    assert (note.block, note.segment_id, note.text) == (
        CanvasBlock.CHANNELS,
        segment,
        "Tasting days at the office",
    )
    assert say(lang, "canvas.notes") in _headers(at)
    [listed] = [s for s in at.selectbox if s.label == say(lang, "field.block") and not s.form_id]
    assert listed.options == [f"{block_name('channels', lang)} (1)"]
    [text] = [t for t in at.text_area if (t.form_id or "").startswith("note-")]
    assert (text.label, text.value) == ("Offices", "Tasting days at the office")

    widget(at.button, say(lang, "canvas.delete_note"), form=f"note-{note.id}-").click()
    assert_ok(at.run())

    assert load(db, workshop).notes == []
    assert say(lang, "canvas.notes") not in _headers(at)
    assert not [t for t in at.text_area if (t.form_id or "").startswith("note-")]


def test_an_empty_note_is_refused_and_not_saved(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page="canvas")

    _add_note(at, lang, CanvasBlock.KEY_PARTNERS, None, "   ")

    expected = f"{say(lang, 'field.text')}: {say(lang, 'invalid.blank')}"
    assert shown(at.error) == [f"{say(lang, 'error.title')}\n\n- {expected}"]
    assert load(db, workshop).notes == []


# ------------------------------------------------------------------ the loyalty layer


def _canvas_text(at) -> str:
    """Every text drawn on the canvas figure, the first chart on the page."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    text = "\n".join(a.get("text", "") for a in spec["layout"].get("annotations", []))
    return text.replace("<br>&nbsp;&nbsp;&nbsp;", " ")


def _layered_workshop(url: str, lang: str) -> int:
    """Offices 3 × 2,000 a year; typed NPS counts 3 promoters, 1 passive, 1 detractor;
    an awful and an OK touchpoint of personal assistance."""
    workshop = add_workshop(url, "Roastery", lang)
    offices = add_segment(url, workshop, "Offices", customers=3, revenue_per_customer=2000)
    engine = make_engine(url)
    try:
        with transaction(engine) as session:
            nps.set_counts(
                session,
                workshop_id=workshop,
                segment_id=offices,
                counts=NpsCounts(promoters=3, passives=1, detractors=1),
                expected_version=0,
            )
            touchpoints.add_touchpoints(
                session,
                workshop_id=workshop,
                items=[
                    TouchpointInput(
                        name="Call-back",
                        category=TouchpointCategory.SERVICE,
                        relationship_type=RelationshipType.PERSONAL_ASSISTANCE,
                        rating=TouchpointRating.AWFUL,
                        segment_id=offices,
                    ),
                    TouchpointInput(
                        name="Smile",
                        category=TouchpointCategory.EMPLOYEE,
                        relationship_type=RelationshipType.PERSONAL_ASSISTANCE,
                        rating=TouchpointRating.OK,
                    ),
                ],
            )
    finally:
        engine.dispose()
    return workshop


def test_the_loyalty_layer_is_off_by_default_and_the_toggle_draws_it_with_what_to_fix(db, lang):
    workshop = _layered_workshop(db, lang)
    at = run_app(lang, workshop, page="canvas")

    toggle = widget(at.toggle, say(lang, "touchpoints.layer.toggle"))
    assert toggle.value is False
    assert "◆" not in _canvas_text(at)
    assert len(at.get("plotly_chart")) == 1 and not at.dataframe

    assert_ok(toggle.set_value(True).run())

    drawing = _canvas_text(at)
    # NPS of the offices: 100 × (3 − 1) / 5 = 40; the same for all customers
    assert (
        f"◆</span> {say(lang, 'touchpoints.layer.nps', name='Offices', score=40, n=5)}" in drawing
    )
    kind = type_name("personal_assistance", lang)
    awful, ok = {"en": ("Awful", "OK"), "ru": ("Ужасно", "Нормально")}[lang]
    assert f"◆</span> {kind}: {awful}\u00a01 · {ok}\u00a01" in drawing
    assert say(lang, "touchpoints.layer.legend") in shown(at.caption)
    assert len(at.get("plotly_chart")) == 2  # the canvas and the heatmap
    [fix_first] = [frame.value for frame in at.dataframe]
    assert list(fix_first[say(lang, "field.name")]) == ["Call-back"]
    revenue = {"en": "$6,000", "ru": "6\u00a0000\u00a0₽"}[lang]  # 3 × 2,000
    assert list(fix_first[say(lang, "touchpoints.revenue")]) == [revenue]


def test_the_layer_of_a_workshop_without_touchpoints_points_to_their_page(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page="canvas")

    assert_ok(widget(at.toggle, say(lang, "touchpoints.layer.toggle")).set_value(True).run())

    assert say(lang, "touchpoints.layer.empty") in shown(at.info)
    assert len(at.get("plotly_chart")) == 1
    assert not at.error
