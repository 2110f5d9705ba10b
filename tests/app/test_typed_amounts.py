"""Money and numbers in the forms read as in the tables: a Russian user types and sees
«1 500 000,50» beside a label with ₽, an English one "1,500,000.50" with $, and text that
is no number is refused in the user's words with nothing saved."""

from decimal import Decimal

from canvas.domain import RelationshipType
from tests.app.driver import (
    add_segment,
    add_workshop,
    assert_ok,
    expander,
    load,
    run_app,
    say,
    shown,
    type_name,
    widget,
)

ADD = "add_segment"
NBSP = "\u00a0"
# the signs of the workshop's currency (RUB in Russian, USD in English), as the tables write
SIGN = {"ru": "₽", "en": "$"}
# 1 500 000.50 written the way each language writes it
WRITTEN = {"ru": f"1{NBSP}500{NBSP}000,50", "en": "1,500,000.50"}


def _money_label(lang: str, field: str) -> str:
    return f"{say(lang, f'field.{field}')}, {SIGN[lang]}"


def _problems(at, lang: str) -> list[str]:
    [box] = shown(at.error)
    heading, _, items = box.partition("\n\n")
    assert heading == say(lang, "error.title")
    return [line.removeprefix("- ") for line in items.split("\n")]


def _type_into_add_form(at, lang: str, name: str, **typed: str) -> None:
    widget(at.text_input, say(lang, "field.name"), form=ADD).set_value(name)
    for field, text in typed.items():
        label = _money_label(lang, field) if field.endswith(("customer", "cost")) else None
        widget(at.text_input, label or say(lang, f"field.{field}"), form=ADD).set_value(text)
    widget(at.button, say(lang, "segments.add_button"), form=ADD).click()
    assert_ok(at.run())


def test_a_russian_amount_typed_with_spaces_and_a_comma_is_saved_and_shown_so(db):
    workshop = add_workshop(db, "Кофейня", "ru")
    at = run_app("ru", workshop, page="segments")

    _type_into_add_form(
        at,
        "ru",
        "Офисы",
        customers="1 200",
        revenue_per_customer="1 500 000,50",
        acquisition_cost="3000 ₽",
        retention_rate="65,5",
    )

    assert not at.error
    [view] = load(db, workshop).segments
    segment = view.segment
    assert segment.customers == 1200
    assert segment.revenue_per_customer == Decimal("1500000.50")
    assert segment.acquisition_cost == Decimal(3000)
    assert segment.retention_rate == 65.5
    # the edit form shows the figures as the table does: grouped, a decimal comma
    form = f"edit-{segment.id}-1"
    revenue = widget(at.text_input, _money_label("ru", "revenue_per_customer"), form=form)
    assert revenue.value == WRITTEN["ru"]
    assert widget(at.text_input, say("ru", "field.customers"), form=form).value == f"1{NBSP}200"
    assert widget(at.text_input, say("ru", "field.retention_rate"), form=form).value == "65,5"
    [table] = at.dataframe
    assert list(table.value[say("ru", "field.revenue_per_customer")]) == [f"{WRITTEN['ru']}{NBSP}₽"]


def test_an_english_amount_with_commas_and_a_point_is_saved_and_shown_so(db):
    workshop = add_workshop(db, "Roastery", "en")
    at = run_app("en", workshop, page="segments")

    _type_into_add_form(at, "en", "Offices", revenue_per_customer="$1,500,000.50")

    [view] = load(db, workshop).segments
    assert view.segment.revenue_per_customer == Decimal("1500000.50")
    form = f"edit-{view.segment.id}-1"
    revenue = widget(at.text_input, _money_label("en", "revenue_per_customer"), form=form)
    assert revenue.value == WRITTEN["en"]


def test_text_that_is_no_number_is_refused_naming_the_field_and_nothing_is_saved(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    at = run_app(lang, workshop, page="segments")

    _type_into_add_form(at, lang, "Offices", revenue_per_customer="полтора", customers="12,34,5")

    quoted = {"ru": "«{}»", "en": "“{}”"}[lang]
    expected = [
        say(
            lang,
            "numbers.unreadable",
            field=say(lang, "field.customers"),
            typed=quoted.format("12,34,5"),
            example={"ru": f"1{NBSP}500{NBSP}000", "en": "1,500,000"}[lang],
        ),
        say(
            lang,
            "numbers.unreadable",
            field=say(lang, "field.revenue_per_customer"),
            typed=quoted.format("полтора"),
            example=WRITTEN[lang],
        ),
    ]
    assert _problems(at, lang) == expected
    assert list(load(db, workshop).segments) == []
    # what was typed stays there to correct
    revenue = widget(at.text_input, _money_label(lang, "revenue_per_customer"), form=ADD)
    assert revenue.value == "полтора"


def test_a_yearly_cost_is_typed_as_the_language_writes_it_and_bad_text_is_refused(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    add_segment(db, workshop, "Offices")
    at = run_app(lang, workshop, page="relationships")
    label = _money_label(lang, "yearly_cost")

    personal = expander(at, f"{type_name('personal_assistance', lang)} · 0 → 0")
    widget(personal.text_input, label).set_value({"ru": "12 000,5", "en": "12,000.5"}[lang])
    communities = expander(at, f"{type_name('communities', lang)} · 0 → 0")
    widget(communities.text_input, label).set_value("двенадцать")
    widget(at.button, say(lang, "relationships.save")).click()
    assert_ok(at.run())

    quoted = {"ru": "«двенадцать»", "en": "“двенадцать”"}[lang]
    refusal = say(
        lang,
        "numbers.unreadable",
        field=say(lang, "field.yearly_cost"),
        typed=quoted,
        example=WRITTEN[lang],
    )
    assert _problems(at, lang) == [f"{type_name('communities', lang)} · {refusal}"]
    [view] = load(db, workshop).segments
    assert all(not r.touched for r in view.relationships.values())

    # what was typed stays; corrected, the form saves both
    personal = expander(at, f"{type_name('personal_assistance', lang)} · 0 → 0")
    typed = widget(personal.text_input, label).value
    assert typed == {"ru": "12 000,5", "en": "12,000.5"}[lang]
    communities = expander(at, f"{type_name('communities', lang)} · 0 → 0")
    widget(communities.text_input, label).set_value("0")
    widget(at.button, say(lang, "relationships.save")).click()
    assert_ok(at.run())
    [view] = load(db, workshop).segments
    assert view.relationships[RelationshipType.PERSONAL_ASSISTANCE].yearly_cost == Decimal(
        "12000.5"
    )
    assert view.relationships[RelationshipType.COMMUNITIES].yearly_cost == Decimal(0)


def _counts_form(lang: str, workshop: int):
    at = run_app(lang, workshop, page="nps")
    way = widget(at.segmented_control, say(lang, "nps.way"))
    assert_ok(way.set_value("counts").run())
    return at


def test_nps_counts_typed_with_grouping_are_saved_and_shown_grouped(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    at = _counts_form(lang, workshop)
    typed = {"ru": "1 500", "en": "1,500"}[lang]
    widget(at.text_input, say(lang, "nps.counts.promoters")).set_value(typed)
    widget(at.text_input, say(lang, "nps.counts.passives")).set_value("")
    widget(at.text_input, say(lang, "nps.counts.detractors")).set_value("500")
    assert_ok(widget(at.button, say(lang, "nps.counts.save")).click().run())

    assert not at.error
    counts = load(db, workshop).nps.typed[None]
    # an empty field counts no one
    assert (counts.promoters, counts.passives, counts.detractors) == (1500, 0, 500)
    written = {"ru": f"1{NBSP}500", "en": "1,500"}[lang]
    assert widget(at.text_input, say(lang, "nps.counts.promoters")).value == written


def test_an_nps_count_that_is_no_number_is_refused_in_the_users_words(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    at = _counts_form(lang, workshop)
    widget(at.text_input, say(lang, "nps.counts.promoters")).set_value("много")
    assert_ok(widget(at.button, say(lang, "nps.counts.save")).click().run())

    quoted = {"ru": "«много»", "en": "“много”"}[lang]
    example = {"ru": f"1{NBSP}500{NBSP}000", "en": "1,500,000"}[lang]
    refusal = say(
        lang,
        "numbers.unreadable",
        field=say(lang, "field.promoters"),
        typed=quoted,
        example=example,
    )
    assert _problems(at, lang) == [refusal]
    assert load(db, workshop).nps.typed == {}
