"""The Relationships page: answering the four guiding questions for one type of one segment,
and refusing an impossible cost without saving anything."""

from decimal import Decimal

from canvas.domain import IntegrationBlock, Motive, RelationshipType
from tests.app.driver import (
    add_segment,
    add_workshop,
    assert_ok,
    block_name,
    expander,
    lead,
    load,
    motive_name,
    refused_as_stale,
    run_app,
    say,
    shown,
    type_name,
    widget,
)


def _question(key: str, lang: str) -> str:
    """The short question a type's 0–3 slider asks (the guiding question heads the page)."""
    return say(lang, f"relationships.slider.{key}")


def _type_section(at, kind: str, lang: str, expected: int = 0, established: int = 0):
    """The expander of one relationship type, labelled ``Name · expected → established``."""
    return expander(at, f"{type_name(kind, lang)} · {expected} → {established}")


def _cost_label(lang: str, sign: str) -> str:
    return f"{say(lang, 'field.yearly_cost')}, {sign}"


def test_answers_for_one_type_are_saved_and_shown_again(db, lang):
    currency = {"ru": "₽", "en": "$"}[lang]  # the sign of the workshop's RUB or USD
    workshop = add_workshop(db, "Roastery", lang)
    segment = add_segment(db, workshop, "Offices")
    at = run_app(lang, workshop, page="relationships")

    section = _type_section(at, "personal_assistance", lang)
    widget(section.select_slider, _question("expected", lang)).set_value(3)
    widget(section.select_slider, _question("established", lang)).set_value(1)
    motives = widget(section.multiselect, say(lang, "field.motives"))
    assert motives.options == [
        motive_name(m, lang) for m in ("acquisition", "retention", "upselling")
    ]
    motives.set_value([Motive.RETENTION, Motive.UPSELLING])
    widget(section.text_input, _cost_label(lang, currency)).set_value("12000")
    widget(section.text_area, block_name("channels", lang)).set_value("A weekly call")
    widget(at.button, say(lang, "relationships.save")).click()
    assert_ok(at.run())

    assert not at.error
    [view] = load(db, workshop).segments
    saved = view.relationships[RelationshipType.PERSONAL_ASSISTANCE]
    assert (saved.expected, saved.established) == (3, 1)
    assert saved.motives == {Motive.RETENTION, Motive.UPSELLING}
    assert saved.yearly_cost == Decimal("12000")
    assert saved.integration == {IntegrationBlock.CHANNELS: "A weekly call"}
    untouched = view.relationships[RelationshipType.SELF_SERVICE]
    assert (untouched.expected, untouched.version) == (0, 1)

    # a new visit reads the answers back into the form
    again = run_app(lang, workshop, page="relationships")
    assert widget(again.selectbox, say(lang, "relationships.segment")).value == segment
    section = _type_section(again, "personal_assistance", lang, 3, 1)
    assert widget(section.select_slider, _question("expected", lang)).value == 3
    assert widget(section.select_slider, _question("established", lang)).value == 1
    assert set(widget(section.multiselect, say(lang, "field.motives")).value) == {
        Motive.RETENTION,
        Motive.UPSELLING,
    }
    # shown back grouped as the tables write it
    written = {"ru": "12\u00a0000", "en": "12,000"}[lang]
    assert widget(section.text_input, _cost_label(lang, currency)).value == written
    assert widget(section.text_area, block_name("channels", lang)).value == "A weekly call"
    # the other five types are still unanswered
    for kind in ("dedicated_personal_assistance", "self_service", "communities"):
        _type_section(again, kind, lang)


def test_a_negative_cost_is_refused_naming_the_type_and_the_field_and_nothing_is_saved(db, lang):
    currency = {"ru": "₽", "en": "$"}[lang]  # the sign of the workshop's RUB or USD
    workshop = add_workshop(db, "Roastery", lang)
    add_segment(db, workshop, "Offices")
    at = run_app(lang, workshop, page="relationships")

    # a valid answer on one type, an impossible cost on another, in the same form
    valid = _type_section(at, "communities", lang)
    widget(valid.select_slider, _question("expected", lang)).set_value(2)
    invalid = _type_section(at, "self_service", lang)
    widget(invalid.text_input, _cost_label(lang, currency)).set_value("-500")
    widget(at.button, say(lang, "relationships.save")).click()
    assert_ok(at.run())

    [box] = shown(at.error)
    heading, _, problems = box.partition("\n\n")
    assert heading == say(lang, "error.title")
    [problem] = problems.split("\n")
    named = f"- {type_name('self_service', lang)} · {say(lang, 'field.yearly_cost')}: "
    assert problem.startswith(named + lead(lang, "invalid.greater_than_equal"))
    [view] = load(db, workshop).segments
    assert all(r.version == 1 and not r.touched for r in view.relationships.values())


def test_a_save_over_another_sessions_save_of_the_segment_is_refused_and_keeps_theirs(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    add_segment(db, workshop, "Offices")
    mine, theirs = (run_app(lang, workshop, page="relationships") for _ in range(2))

    section = _type_section(theirs, "personal_assistance", lang)
    widget(section.select_slider, _question("expected", lang)).set_value(3)
    widget(theirs.button, say(lang, "relationships.save")).click()
    assert_ok(theirs.run())
    assert not theirs.error

    # my page still shows the answers as they were when I opened it
    section = _type_section(mine, "personal_assistance", lang)
    widget(section.select_slider, _question("expected", lang)).set_value(1)
    widget(mine.button, say(lang, "relationships.save")).click()
    assert_ok(mine.run())

    assert refused_as_stale(mine, lang)
    [view] = load(db, workshop).segments
    assert view.relationships[RelationshipType.PERSONAL_ASSISTANCE].expected == 3
    _type_section(mine, "personal_assistance", lang, expected=3)  # the fresh value is shown
