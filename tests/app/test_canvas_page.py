"""The Canvas page: sticky notes on the other blocks of the Business Model Canvas."""

from canvas.domain import CanvasBlock
from tests.app.ui import (
    add_segment,
    add_workshop,
    assert_ok,
    block_name,
    load,
    run_app,
    say,
    shown,
    widget,
)

ADD = "add_note"


def _add_note(at, lang: str, block: CanvasBlock, segment: int | None, text: str) -> None:
    widget(at.selectbox, say(lang, "field.block"), form=ADD).set_value(block)
    widget(at.selectbox, say(lang, "field.segment"), form=ADD).set_value(segment)
    widget(at.text_area, say(lang, "field.text"), form=ADD).set_value(text)
    widget(at.button, say(lang, "canvas.add_button"), form=ADD).click()
    assert_ok(at.run())


def _subheaders(at) -> list[str]:
    return [s.value for s in at.subheader]


def test_a_note_added_through_the_form_is_listed_and_can_be_deleted(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    segment = add_segment(db, workshop, "Offices")
    at = run_app(lang, workshop, page="canvas")
    assert say(lang, "canvas.notes") not in _subheaders(at)
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
    assert say(lang, "canvas.notes") in _subheaders(at)
    [listed] = [s for s in at.selectbox if s.label == say(lang, "field.block") and not s.form_id]
    assert listed.options == [f"{block_name('channels', lang)} (1)"]
    [text] = [t for t in at.text_area if (t.form_id or "").startswith("note-")]
    assert (text.label, text.value) == ("Offices", "Tasting days at the office")

    widget(at.button, say(lang, "canvas.delete_note"), form=f"note-{note.id}-").click()
    assert_ok(at.run())

    assert load(db, workshop).notes == []
    assert say(lang, "canvas.notes") not in _subheaders(at)
    assert not [t for t in at.text_area if (t.form_id or "").startswith("note-")]


def test_an_empty_note_is_refused_and_not_saved(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page="canvas")

    _add_note(at, lang, CanvasBlock.KEY_PARTNERS, None, "   ")

    expected = f"{say(lang, 'field.text')}: {say(lang, 'invalid.blank')}"
    assert shown(at.error) == [f"{say(lang, 'error.title')}\n\n- {expected}"]
    assert load(db, workshop).notes == []
