"""The Twelve rules page: a trainer shows the demo's scores, chart and priorities; a team
scores a rule and saves it; a note that is too long is refused and nothing is saved."""

import json
from typing import Any

from canvas.domain.twelve_rules import ClevelandRule
from tests.app.driver import (
    DATA,
    add_workshop,
    alerts,
    assert_ok,
    expander,
    lead,
    load,
    refused_as_stale,
    run_app,
    say,
    shown,
    titles,
    widget,
)

PAGE = "app_pages/twelve_rules.py"
CONTENT: dict[str, Any] = json.loads(
    (DATA / "frameworks" / "twelve_rules.json").read_text(encoding="utf-8")
)
RULES: dict[str, dict[str, str]] = {
    lang: json.loads((DATA / "i18n" / f"{lang}.twelve_rules.json").read_text(encoding="utf-8"))
    for lang in ("ru", "en")
}


def _say(lang: str, key: str, **params: Any) -> str:
    """A ``rules.*`` string as the translator wrote it (they live in a file of their own)."""
    return RULES[lang][key].format(**params)


def _title(number: int, lang: str) -> str:
    return f"{number}. {CONTENT['rules'][number - 1]['title'][lang]}"


def _section(at, number: int, lang: str, score: int | None = None) -> Any:
    """The expander of one rule, labelled ``"3. Title · 2 of 5"`` or ``"… · Not scored"``."""
    shown_score = (
        _say(lang, "rules.not_scored")
        if score is None
        else _say(lang, "rules.score_of", score=score)
    )
    return expander(at, f"{_title(number, lang)} · {shown_score}")


def _charts(at) -> int:
    return len(at.get("plotly_chart"))


def test_the_demo_shows_its_scores_the_chart_and_three_priorities(shared, lang):
    at = run_app(lang, shared.demo[lang], page=PAGE)

    assert titles(at) == [say(lang, "page.twelve_rules")]
    assert CONTENT["quote"][lang] in shown(at.info)
    assert CONTENT["intro"][lang] in shown(at.markdown)
    # demo scores of rules 1, 9 and 12: 4, 1 and 5; each rule explains itself
    first = _section(at, 1, lang, 4)
    assert [c.value for c in first.caption] == [CONTENT["rules"][0]["explanation"][lang]]
    _section(at, 9, lang, 1)
    _section(at, 12, lang, 5)
    rules = [e for e in at.expander if e.label != say(lang, "a11y.chart.table")]
    assert len(rules) == 12  # and the chart's table beside them
    assert _charts(at) == 1

    headers = [s.value for s in at.header]
    assert _say(lang, "rules.priorities") in headers
    # rules 9 and 11 scored 1, then rule 3 (scored 2, before rule 7 with the same score)
    text = shown(at.markdown)
    next_step = _say(lang, "rules.next_step")
    for number, score in ((9, 1), (11, 1), (3, 2)):
        assert f"{_title(number, lang)} · {_say(lang, 'rules.score_of', score=score)}" in text
        advice = CONTENT["rules"][number - 1]["next_step"][lang]
        assert f"{next_step}: {advice}" in text
    priorities = [line for line in text if line.startswith(f"{next_step}: ")]
    assert len(priorities) == 3


def test_an_empty_workshop_lists_twelve_unscored_rules_and_no_chart(shared, lang):
    at = run_app(lang, shared.empty[lang], page=PAGE)

    assert titles(at) == [say(lang, "page.twelve_rules")]
    for number in range(1, 13):
        section = _section(at, number, lang)
        assert widget(section.select_slider, say(lang, "field.score")).value is None
        assert widget(section.text_area, say(lang, "field.note")).value == ""
    assert _say(lang, "rules.no_scores") in alerts(at)
    assert _charts(at) == 0
    assert _say(lang, "rules.priorities") not in [s.value for s in at.header]


def test_scoring_one_rule_saves_it_and_shows_it_again(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page=PAGE)

    section = _section(at, 4, lang)
    widget(section.select_slider, say(lang, "field.score")).set_value(3)
    widget(section.text_area, say(lang, "field.note")).set_value("Weekly calls to every café")
    widget(at.button, _say(lang, "rules.save")).click()
    assert_ok(at.run())

    assert not at.error
    frameworks = load(db, workshop).frameworks
    answer, version = frameworks.rule(ClevelandRule.INTERACT)
    assert (answer.score, answer.note, version) == (3, "Weekly calls to every café", 1)
    # only the rule that was scored is stored
    assert [s.rule for s in frameworks.rule_scores] == [ClevelandRule.INTERACT]
    # the form shows the stored score, and the only scored rule is the one priority
    section = _section(at, 4, lang, 3)
    assert widget(section.select_slider, say(lang, "field.score")).value == 3
    assert _charts(at) == 1
    assert f"{_title(4, lang)} · {_say(lang, 'rules.score_of', score=3)}" in shown(at.markdown)


def test_a_700_character_note_is_refused_naming_the_rule_and_field_and_nothing_is_saved(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page=PAGE)

    # a valid score on one rule, an over-long note on another, in the same form
    widget(_section(at, 1, lang).select_slider, say(lang, "field.score")).set_value(2)
    too_long = _section(at, 2, lang)
    widget(too_long.text_area, say(lang, "field.note")).set_value("x" * 700)
    widget(at.button, _say(lang, "rules.save")).click()
    assert_ok(at.run())

    [box] = shown(at.error)
    heading, _, problems = box.partition("\n\n")
    assert heading == say(lang, "error.title")
    [problem] = problems.split("\n")
    named = f"- {_title(2, lang)} · {say(lang, 'field.note')}: "
    assert problem.startswith(named + lead(lang, "invalid.string_too_long"))
    assert "600" in problem
    assert load(db, workshop).frameworks.rule_scores == []
    # what the user typed is still in the form
    assert widget(_section(at, 1, lang).select_slider, say(lang, "field.score")).value == 2


def test_a_score_saved_over_another_sessions_score_is_refused_and_keeps_theirs(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    mine, theirs = (run_app(lang, workshop, page=PAGE) for _ in range(2))

    widget(_section(theirs, 1, lang).select_slider, say(lang, "field.score")).set_value(3)
    widget(theirs.button, _say(lang, "rules.save")).click()
    assert_ok(theirs.run())
    assert not theirs.error

    widget(_section(mine, 1, lang).select_slider, say(lang, "field.score")).set_value(5)
    widget(mine.button, _say(lang, "rules.save")).click()
    assert_ok(mine.run())

    assert refused_as_stale(mine, lang)
    answer, version = load(db, workshop).frameworks.rule(ClevelandRule.STUDY_CUSTOMERS)
    assert (answer.score, version) == (3, 1)
    _section(mine, 1, lang, 3)  # the fresh score is shown
