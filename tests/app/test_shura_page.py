"""The SHURA page: the demo's matrix with its guidance and heatmap, an empty workshop,
saving one cell through the form, and refusing what the matrix cannot hold."""

import json
from typing import Any

from canvas.domain.shura import Audience, ShuraRisk, ShuraStage
from tests.app.driver import (
    DATA,
    DEMO,
    add_workshop,
    alerts,
    assert_ok,
    expander,
    load,
    refused_as_stale,
    run_app,
    say,
    shown,
    titles,
    widget,
)

PAGE = "app_pages/shura.py"


def _json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


# The SHURA content and demo answers, as written in their files.
CONTENT = _json("frameworks/shura.json")
DEMO_SHURA = {lang: _json(f"demo/{lang}.shura.json") for lang in DEMO}


def _stage(key: str) -> dict[str, Any]:
    return next(s for s in CONTENT["stages"] if s["key"] == key)


def stage_title(key: str, lang: str) -> str:
    """The expander of a stage: its number and Shur's name of it, "3. Work / Service"."""
    number = [s["key"] for s in CONTENT["stages"]].index(key) + 1
    return f"{number}. {_stage(key)['title'][lang]}"


def cell_name(stage: str, audience: str, lang: str) -> str:
    who = next(a for a in CONTENT["audiences"] if a["key"] == audience)["name"][lang]
    return f"{who} · {_stage(stage)[audience]['name'][lang]}"


def risk_name(key: str, lang: str) -> str:
    return str(next(r for r in CONTENT["risks"] if r["key"] == key)["name"][lang])


def side(at, stage: str, audience: str, lang: str):
    """The column of one audience inside a stage's expander: customers left, employees right."""
    column = ["customers", "employees"].index(audience)
    return expander(at, stage_title(stage, lang)).columns[column]


def test_the_demo_matrix_shows_the_answers_guidance_heatmap_and_weakest_cells(shared, lang):
    at = run_app(lang, shared.demo[lang], page=PAGE)

    assert titles(at) == [say(lang, "page.shura")]
    captions = shown(at.caption)
    assert any(_stage("attraction")["good"][lang] in c for c in captions)
    assert any(_stage("return")["bad"][lang] in c for c in captions)
    assert any(_stage("service")["employees"]["goal"][lang] in c for c in captions)
    assert len(at.get("plotly_chart")) == 1

    # The form holds the demo's answers: the customers' return is rated 1.
    win_back = next(
        c
        for c in DEMO_SHURA[lang]["shura_cells"]
        if (c["stage"], c["audience"]) == ("return", "customers")
    )
    column = side(at, "return", "customers", lang)
    assert widget(column.select_slider, say(lang, "field.rating")).value == 1
    assert widget(column.text_area, say(lang, "field.practice")).value == win_back["practice"]
    assert widget(at.checkbox, risk_name("competition", lang)).value is True
    assert widget(at.checkbox, risk_name("quality", lang)).value is False

    # The weakest cells, lowest first: customers' return (1), then the two employee 2s.
    weakest = [m for m in shown(at.markdown) if m.startswith("- :red[")]
    one, two = (say(lang, "shura.rating.of_five", rating=n) for n in (1, 2))
    assert [m.split("]")[0].removeprefix("- :red[") for m in weakest] == [
        f"{cell_name('return', 'customers', lang)}: {one}",
        f"{cell_name('attraction', 'employees', lang)}: {two}",
        f"{cell_name('return', 'employees', lang)}: {two}",
    ]
    # Every relationship type is in use somewhere in the demo, so nothing is missing.
    lines = [m for m in shown(at.markdown) if say(lang, "shura.types.missing") in m]
    assert len(lines) == 4
    assert all(
        m.endswith(f"{say(lang, 'shura.types.missing')}: {say(lang, 'shura.types.none')}")
        for m in lines
    )


def test_an_empty_workshop_shows_an_unrated_form_and_no_weak_cells(shared, lang):
    at = run_app(lang, shared.empty[lang], page=PAGE)

    assert titles(at) == [say(lang, "page.shura")]
    assert len(at.select_slider) == 8
    assert all(s.value == 0 for s in at.select_slider)  # "not rated"
    assert all(not box.value for box in at.checkbox)
    assert say(lang, "shura.weakest_none") in shown(at.caption)
    assert say(lang, "shura.types.no_segments") in alerts(at)
    assert len(at.get("plotly_chart")) == 1
    assert not at.error


def test_a_rating_outside_one_to_five_cannot_be_chosen(shared, lang):
    at = run_app(lang, shared.empty[lang], page=PAGE)
    rating = widget(
        side(at, "attraction", "customers", lang).select_slider, say(lang, "field.rating")
    )
    assert rating.options == [
        say(lang, "shura.rating.none"),
        *(f"{n} · {say(lang, f'shura.rating.{n}')}" for n in range(1, 6)),
    ]


def test_one_cell_and_one_risk_filled_through_the_form_are_saved(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page=PAGE)

    hiring = side(at, "attraction", "employees", lang)
    widget(hiring.text_area, say(lang, "field.practice")).set_value("Referrals from our baristas")
    widget(hiring.select_slider, say(lang, "field.rating")).set_value(2)
    widget(hiring.text_area, say(lang, "field.next_step")).set_value("Pay a referral bonus")
    widget(at.checkbox, risk_name("competition", lang)).check()
    widget(at.button, say(lang, "shura.save")).click()
    assert_ok(at.run())

    assert not at.error
    answers = load(db, workshop).frameworks
    cell, version = answers.cell(ShuraStage.ATTRACTION, Audience.EMPLOYEES)
    assert (cell.practice, cell.rating, cell.next_step, version) == (
        "Referrals from our baristas",
        2,
        "Pay a referral bonus",
        1,
    )
    assert len(answers.shura_cells) == 1  # the seven untouched cells were not created
    risk, _ = answers.risk(ShuraRisk.COMPETITION)
    assert (risk.present, risk.note) == (True, "")
    assert len(answers.shura_risks) == 1

    # The page now reads the saved answer back, into a fresh form.
    hiring = side(at, "attraction", "employees", lang)
    assert widget(hiring.select_slider, say(lang, "field.rating")).value == 2
    assert f"{cell_name('attraction', 'employees', lang)}: " in "\n".join(shown(at.markdown))


def test_an_over_long_text_is_refused_naming_the_cell_and_the_field_and_nothing_is_saved(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page=PAGE)

    # A valid answer and a text one character over the limit, in the same form.
    widget(
        side(at, "service", "customers", lang).select_slider, say(lang, "field.rating")
    ).set_value(4)
    too_long = "x" * 4001
    widget(side(at, "return", "employees", lang).text_area, say(lang, "field.next_step")).set_value(
        too_long
    )
    widget(at.button, say(lang, "shura.save")).click()
    assert_ok(at.run())

    [box] = shown(at.error)
    heading, _, problems = box.partition("\n\n")
    assert heading == say(lang, "error.title")
    [problem] = problems.split("\n")
    named = f"- {cell_name('return', 'employees', lang)} · {say(lang, 'field.next_step')}: "
    assert problem.startswith(named + say(lang, "invalid.string_too_long").split("{")[0])
    answers = load(db, workshop).frameworks
    assert answers.shura_cells == [] and answers.shura_risks == []
    # What was typed stays in the form, to be shortened.
    kept = widget(side(at, "return", "employees", lang).text_area, say(lang, "field.next_step"))
    assert kept.value == too_long


def test_a_save_after_another_session_changed_a_cell_is_refused_and_keeps_their_cell(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    mine, theirs = (run_app(lang, workshop, page=PAGE) for _ in range(2))

    their_cell = side(theirs, "attraction", "customers", lang)
    widget(their_cell.text_area, say(lang, "field.practice")).set_value("Tastings on Saturdays")
    widget(theirs.button, say(lang, "shura.save")).click()
    assert_ok(theirs.run())
    assert not theirs.error

    # I change another cell; my form still holds the old, empty version of theirs
    my_cell = side(mine, "attraction", "employees", lang)
    widget(my_cell.text_area, say(lang, "field.practice")).set_value("Referrals")
    widget(mine.button, say(lang, "shura.save")).click()
    assert_ok(mine.run())

    assert refused_as_stale(mine, lang)
    answers = load(db, workshop).frameworks
    assert answers.cell(ShuraStage.ATTRACTION, Audience.CUSTOMERS)[0].practice == (
        "Tastings on Saturdays"
    )
    assert len(answers.shura_cells) == 1  # mine was not half-saved
    shown_now = side(mine, "attraction", "customers", lang)
    assert widget(shown_now.text_area, say(lang, "field.practice")).value == "Tastings on Saturdays"
