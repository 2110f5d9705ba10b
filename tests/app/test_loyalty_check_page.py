"""The crisis loyalty check page: the demo on screen, an empty workshop, saving a rating,
and refusing an overlong evidence without saving anything."""

import json
from typing import Any

from canvas.domain.loyalty_check import CheckKind
from tests.app.driver import (
    DATA,
    add_workshop,
    alerts,
    assert_ok,
    demo_segment_names,
    expander,
    lead,
    load,
    refused_as_stale,
    run_app,
    shown,
    titles,
    widget,
)

PAGE = "app_pages/loyalty_check.py"
CONTENT: dict[str, Any] = json.loads(
    (DATA / "frameworks" / "loyalty_check.json").read_text(encoding="utf-8")
)


def _strings(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for name in (f"{lang}.json", f"{lang}.loyalty_check.json"):
        merged |= json.loads((DATA / "i18n" / name).read_text(encoding="utf-8"))
    return merged


def words(lang: str, key: str, **params: Any) -> str:
    """A UI string as the translator wrote it, from the main and the loyalty files."""
    template = _strings(lang)[key]
    return template.format(**params) if params else template


def name_of(part: str, key: str, lang: str) -> str:
    return str(next(e for e in CONTENT[part] if e["key"] == key)["name"][lang])


def section(at: Any, part: str, key: str, lang: str) -> Any:
    """The expander of one item: ``position. name`` (a stage without the position, trust
    flagged hardest)."""
    keys = [e["key"] for e in CONTENT[part]]
    label = name_of(part, key, lang)
    if part != "stages":
        label = f"{keys.index(key) + 1}. {label}"
    if key == "trust":
        label += f" · {words(lang, 'loyalty_check.hardest')}"
    return expander(at, label)


def rating(at: Any, part: str, key: str, lang: str) -> Any:
    return widget(section(at, part, key, lang).radio, words(lang, "field.rating"))


def evidence(at: Any, part: str, key: str, lang: str) -> Any:
    return widget(section(at, part, key, lang).text_area, words(lang, "field.evidence"))


def test_the_demo_shows_the_five_elements_in_order_then_the_decision_and_use_and_both_charts(
    shared, lang
):
    at = run_app(lang, shared.demo[lang], page=PAGE)

    assert titles(at) == [words(lang, "page.loyalty_check")]
    assert CONTENT["intro"][lang] in shown(at.markdown)
    elements = [f"{n}. {e['name'][lang]}" for n, e in enumerate(CONTENT["elements"], start=1)]
    stages = [s["name"][lang] for s in CONTENT["stages"]]
    assert [e.label for e in at.expander][:7] == elements + stages
    parts = ("loyalty_check.elements", "loyalty_check.stages", "loyalty_check.conditions")
    assert [h.value for h in at.header][:3] == [words(lang, key) for key in parts]
    trust = CONTENT["trust"]
    assert f"{trust['title'][lang]}. {trust['body'][lang]}" in alerts(at)
    assert len(at.get("plotly_chart")) == 2

    scope = widget(at.selectbox, words(lang, "loyalty_check.scope"))
    assert scope.options == [words(lang, "loyalty_check.scope_all"), *demo_segment_names(lang)]
    # the demo rates brand 4, culture 5, use 2 and trust 3 for all customers
    assert rating(at, "elements", "brand", lang).value == 4
    assert rating(at, "elements", "culture", lang).value == 5
    assert rating(at, "stages", "use", lang).value == 2
    assert rating(at, "conditions", "trust", lang).value == 3
    assert evidence(at, "conditions", "trust", lang).value
    # elements 4, 3, 3, 4, 5 and stages 3, 2: 24 / 7 = 3.43; use is the lowest
    average = {"ru": "3,4", "en": "3.4"}[lang]
    point = name_of("stages", "use", lang)
    summary = words(lang, "loyalty_check.summary", average=average, point=point)
    assert summary in shown(at.markdown)


def test_choosing_a_segment_shows_that_segments_own_ratings(shared, lang):
    at = run_app(lang, shared.demo[lang], page=PAGE)
    offices = demo_segment_names(lang)[1]
    scope = widget(at.selectbox, words(lang, "loyalty_check.scope"))
    assert scope.options[2] == offices
    assert_ok(scope.select_index(2).run())

    assert rating(at, "elements", "brand", lang).value == 0  # not rated for the offices
    assert rating(at, "stages", "decision", lang).value == 2
    assert rating(at, "conditions", "trust", lang).value == 2
    assert len(at.get("plotly_chart")) == 2


def test_an_empty_workshop_shows_the_form_unrated_and_empty_charts(shared, lang):
    at = run_app(lang, shared.empty[lang], page=PAGE)

    assert titles(at) == [words(lang, "page.loyalty_check")]
    assert not at.error
    scope = widget(at.selectbox, words(lang, "loyalty_check.scope"))
    assert scope.options == [words(lang, "loyalty_check.scope_all")]
    assert all(radio.value == 0 for radio in at.radio)
    assert len(at.radio) == 5 + 2 + 5  # elements, stages, conditions
    captions = shown(at.caption)
    assert words(lang, "loyalty_check.no_segments") in captions
    assert words(lang, "loyalty_check.summary_empty") in captions
    assert len(at.get("plotly_chart")) == 2


def test_rating_one_element_for_all_customers_saves_only_that_element(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page=PAGE)

    rating(at, "elements", "environment", lang).set_value(2)
    evidence(at, "elements", "environment", lang).set_value("  The shop opens on Saturdays only ")
    widget(at.button, words(lang, "loyalty_check.save")).click()
    assert_ok(at.run())

    assert not at.error
    [answer] = load(db, workshop).frameworks.loyalty
    assert (answer.segment_id, answer.kind, answer.key) == (None, CheckKind.ELEMENT, "environment")
    assert (answer.rating, answer.evidence, answer.version) == (
        2,
        "The shop opens on Saturdays only",
        1,
    )
    # the page shows the saved answer again
    assert rating(at, "elements", "environment", lang).value == 2
    assert rating(at, "elements", "brand", lang).value == 0


def test_an_evidence_of_700_characters_is_refused_naming_the_item_and_field_and_nothing_is_saved(
    db, lang
):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page=PAGE)

    rating(at, "elements", "brand", lang).set_value(4)  # a valid answer in the same form
    rating(at, "conditions", "benefit", lang).set_value(3)
    evidence(at, "conditions", "benefit", lang).set_value("x" * 700)
    widget(at.button, words(lang, "loyalty_check.save")).click()
    assert_ok(at.run())

    [box] = shown(at.error)
    heading, _, problems = box.partition("\n\n")
    assert heading == words(lang, "error.title")
    [problem] = problems.split("\n")
    named = f"- {name_of('conditions', 'benefit', lang)} · {words(lang, 'field.evidence')}: "
    assert problem.startswith(named + lead(lang, "invalid.string_too_long"))
    assert "600" in problem
    assert load(db, workshop).frameworks.loyalty == []
    # what was typed stays in the form
    assert rating(at, "elements", "brand", lang).value == 4


def test_a_rating_saved_over_another_sessions_rating_is_refused_and_keeps_theirs(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    mine, theirs = (run_app(lang, workshop, page=PAGE) for _ in range(2))

    rating(theirs, "elements", "environment", lang).set_value(2)
    widget(theirs.button, words(lang, "loyalty_check.save")).click()
    assert_ok(theirs.run())
    assert not theirs.error

    rating(mine, "elements", "environment", lang).set_value(4)
    widget(mine.button, words(lang, "loyalty_check.save")).click()
    assert_ok(mine.run())

    assert refused_as_stale(mine, lang)
    [answer] = load(db, workshop).frameworks.loyalty
    assert (answer.rating, answer.version) == (2, 1)
    assert rating(mine, "elements", "environment", lang).value == 2
