"""Brad Cleveland's twelve rules: the priorities, the texts in both languages, the form's
answers, the radar and the report section, checked against hand-computed values."""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from canvas.content.demo import load_demo
from canvas.content.twelve_rules import TITLE_MAX, load_twelve_rules, twelve_rules
from canvas.domain import Language, WorkshopView
from canvas.domain.frameworks import FrameworkAnswers, StoredRuleScore
from canvas.domain.twelve_rules import ClevelandRule, RuleScoreInput, priorities, rule_scores
from canvas.export.report import Callout, Table
from canvas.export.sections_twelve_rules import SCORE_FILLS, rules_sections
from canvas.figures.twelve_rules import rules_radar
from canvas.forms.twelve_rules import rule_answers
from tests.unit.factories import snapshot

R = ClevelandRule
ROOT = Path(__file__).resolve().parents[2]
CONTENT_FILE = ROOT / "data" / "frameworks" / "twelve_rules.json"
CONTENT: dict[str, Any] = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _title(number: int, lang: str) -> str:
    """``"3. Anticipate needs"`` straight from the content file (rules count from 1)."""
    return f"{number}. {CONTENT['rules'][number - 1]['title'][lang]}"


def _next_step(number: int, lang: str) -> str:
    return str(CONTENT["rules"][number - 1]["next_step"][lang])


def _with_rules(answers: dict[ClevelandRule, RuleScoreInput]) -> WorkshopView:
    stored = [
        StoredRuleScore(rule=rule, score=answer.score, note=answer.note)
        for rule, answer in answers.items()
    ]
    return snapshot().model_copy(update={"frameworks": FrameworkAnswers(rule_scores=stored)})


def _demo(lang: str) -> WorkshopView:
    return _with_rules(
        {a.rule: RuleScoreInput(score=a.score, note=a.note) for a in load_demo(lang).twelve_rules}
    )


# ------------------------------------------------------------------ priorities


def test_priorities_are_the_three_lowest_scores_with_ties_in_the_books_order():
    scores: dict[ClevelandRule, int | None] = {rule: 3 for rule in R}
    scores |= {R.STUDY_CUSTOMERS: 2, R.INTERACT: 1, R.UNIFY: 1, R.COOPERATE: 2}
    # 1s first (rule 4 before rule 7), then the first of the 2s in the book (rule 1, not 8).
    assert priorities(scores) == [R.INTERACT, R.UNIFY, R.STUDY_CUSTOMERS]


def test_unscored_rules_are_never_priorities_but_a_zero_is():
    scores: dict[ClevelandRule, int | None] = {rule: None for rule in R}
    scores |= {R.KEEP_CUSTOMERS: 5, R.RAISE_VALUE: 4, R.REMEMBER_IMPORTANCE: 0}
    assert priorities(scores) == [R.REMEMBER_IMPORTANCE, R.RAISE_VALUE, R.KEEP_CUSTOMERS]


def test_with_fewer_than_three_scored_rules_only_those_are_priorities():
    scores: dict[ClevelandRule, int | None] = {rule: None for rule in R}
    assert priorities(scores) == []
    scores[R.EQUIP_STAFF] = 2
    assert priorities(scores) == [R.EQUIP_STAFF]


def test_the_demo_priorities_are_rules_9_11_and_3():
    # Demo scores: rules 9 and 11 have 1, rules 3 and 7 have 2; 3 comes before 7.
    for lang in Language:
        scores = rule_scores(_demo(lang).frameworks)
        assert priorities(scores) == [R.BUSINESS_RULES, R.KEEP_CUSTOMERS, R.ANTICIPATE_NEEDS]


# ------------------------------------------------------------------ content


def test_every_rule_has_a_title_an_explanation_and_a_next_step_in_both_languages():
    content = twelve_rules()
    assert [entry.key for entry in content.rules] == list(R)
    for entry in content.rules:
        for text in (entry.title, entry.explanation, entry.next_step):
            assert CYRILLIC.search(text.ru), entry.key
            assert not CYRILLIC.search(text.en), entry.key
        assert len(entry.title.ru) <= TITLE_MAX and len(entry.title.en) <= TITLE_MAX
    for text in (content.quote, content.intro, content.credit):
        assert CYRILLIC.search(text.ru) and not CYRILLIC.search(text.en)
    assert "Ford" in content.quote.en and "Форд" in content.quote.ru


def test_the_content_is_read_once():
    assert twelve_rules() is twelve_rules()


def test_a_content_file_missing_a_rule_is_refused(tmp_path: Path):
    broken = {**CONTENT, "rules": CONTENT["rules"][:-1]}
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValidationError, match="the rules must be exactly"):
        load_twelve_rules(path)


def test_a_content_file_missing_a_language_is_refused(tmp_path: Path):
    first = {**CONTENT["rules"][0], "next_step": {"en": "Do something."}}
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({**CONTENT, "rules": [first, *CONTENT["rules"][1:]]}))
    with pytest.raises(ValidationError, match="ru"):
        load_twelve_rules(path)


def test_numbered_titles_count_from_one_in_the_books_order():
    assert twelve_rules().numbered(R.STUDY_CUSTOMERS, "en") == _title(1, "en")
    assert twelve_rules().numbered(R.REMEMBER_IMPORTANCE, "ru") == _title(12, "ru")


# ------------------------------------------------------------------ the form's answers


def test_only_changed_rules_are_returned_each_with_the_version_it_was_read_at():
    stored = FrameworkAnswers(
        rule_scores=[
            StoredRuleScore(rule=R.INTERACT, score=2, note="calls", version=4),
            StoredRuleScore(rule=R.UNIFY, score=3, note="", version=2),
        ]
    )
    raw: dict[ClevelandRule, dict[str, Any]] = {rule: {"score": None, "note": ""} for rule in R}
    raw[R.INTERACT] = {"score": 2, "note": "calls"}  # as stored: left out
    raw[R.UNIFY] = {"score": 4, "note": ""}  # changed: version 2
    raw[R.EQUIP_STAFF] = {"score": None, "note": "  trainer  "}  # new: version 0
    changed, problems = rule_answers(raw, stored, "en")
    assert problems == []
    assert changed == {
        R.UNIFY: (RuleScoreInput(score=4), 2),
        R.EQUIP_STAFF: (RuleScoreInput(note="trainer"), 0),
    }


def test_every_problem_names_the_rule_and_the_field():
    raw: dict[ClevelandRule, dict[str, Any]] = {rule: {"score": None, "note": ""} for rule in R}
    raw[R.INDIVIDUAL_APPROACH] = {"score": 3, "note": "x" * 700}
    raw[R.COOPERATE] = {"score": 6, "note": ""}
    changed, problems = rule_answers(raw, FrameworkAnswers(), "en")
    assert problems == [
        f"{_title(2, 'en')} · Note: is too long: at most 600 characters.",
        f"{_title(8, 'en')} · Score: must be at most 5.",
    ]
    assert R.INDIVIDUAL_APPROACH not in changed and R.COOPERATE not in changed


def test_problems_are_in_russian_for_a_russian_form():
    raw: dict[ClevelandRule, dict[str, Any]] = {R.COOPERATE: {"score": -1, "note": ""}}
    _, problems = rule_answers(raw, FrameworkAnswers(), "ru")
    assert problems == [f"{_title(8, 'ru')} · Балл: должно быть не меньше 0."]


# ------------------------------------------------------------------ the radar


def test_the_radar_shows_the_demo_scores_around_a_closed_loop():
    figure = rules_radar(_demo("en"), "en")
    [trace] = figure.data
    # Rules 1–12 as in the demo file, then rule 1 again to close the loop.
    assert list(trace.r) == [4, 3, 2, 4, 3, 4, 2, 3, 1, 3, 1, 5, 4]
    assert trace.theta[0] == trace.theta[-1] == _title(1, "en").replace("your ", "your<br>")
    assert trace.fill == "toself"
    assert figure.layout.title.text == "How closely we follow the twelve rules"
    assert not figure.layout.annotations


def test_unscored_rules_are_gaps_named_under_the_radar():
    figure = rules_radar(_with_rules({R.INTERACT: RuleScoreInput(score=2)}), "ru")
    [trace] = figure.data
    assert list(trace.r) == [None, None, None, 2, *[None] * 8, None]
    assert trace.fill == "none"
    [note] = figure.layout.annotations
    assert note.text == "Пока без оценки: 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12"
    assert figure.layout.title.text == "Насколько мы следуем двенадцати правилам"


def test_notes_reach_the_radar_only_escaped():
    hostile = "<script>alert(1)</script> & <b>bold</b>"
    figure = rules_radar(_with_rules({R.UNIFY: RuleScoreInput(score=1, note=hostile)}), "en")
    hover = "\n".join(figure.data[0].customdata)
    assert "<script>" not in hover and "<b>bold" not in hover
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in hover


# ------------------------------------------------------------------ the report section


def test_no_section_when_no_rule_is_scored():
    assert rules_sections(snapshot(), Language.EN) == []
    notes_only = _with_rules({R.UNIFY: RuleScoreInput(note="later")})
    assert rules_sections(notes_only, Language.RU) == []


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_demo_section_lists_twelve_rules_and_three_priorities(lang: Language):
    [section] = rules_sections(_demo(lang), lang)
    assert section.key == "twelve_rules"
    [table] = [b for b in section.blocks if isinstance(b, Table)]
    callouts = [b for b in section.blocks if isinstance(b, Callout)]

    assert len(table.rows) == 12
    assert [row[0] for row in table.rows] == [_title(n, lang) for n in range(1, 13)]
    assert [row[1] for row in table.rows] == [str(n) for n in (4, 3, 2, 4, 3, 4, 2, 3, 1, 3, 1, 5)]
    demo_notes = [a.note for a in load_demo(lang).twelve_rules]
    assert [row[2] for row in table.rows] == demo_notes
    assert table.fills is not None
    assert table.fills[8] == [None, "#F4B59A", None]  # rule 9, scored 1
    assert table.fills[11] == [None, "#B5DFA8", None]  # rule 12, scored 5

    assert [c.title for c in callouts] == [_title(9, lang), _title(11, lang), _title(3, lang)]
    assert [c.body for c in callouts] == [_next_step(n, lang) for n in (9, 11, 3)]
    assert [c.tone for c in callouts] == ["high", "high", "medium"]
    of = {"en": "{} of 5", "ru": "{} из 5"}[lang]
    score = {"en": "Score", "ru": "Балл"}[lang]
    assert [c.note for c in callouts] == [f"{score}: {of.format(n)}" for n in (1, 1, 2)]


def test_unscored_rules_show_a_dash_and_no_colour():
    section = rules_sections(_with_rules({R.KEEP_CUSTOMERS: RuleScoreInput(score=0)}), Language.EN)
    [table] = [b for b in section[0].blocks if isinstance(b, Table)]
    assert table.rows[0][1:] == ["—", "—"]
    assert table.rows[10][1] == "0"
    assert table.fills is not None
    assert table.fills[0] == [None, None, None]
    assert table.fills[10] == [None, SCORE_FILLS[0], None]
    [callout] = [b for b in section[0].blocks if isinstance(b, Callout)]
    assert callout.title == _title(11, "en")
