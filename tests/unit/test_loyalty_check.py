"""The crisis loyalty check: its texts, the reading of answers, the charts and the report."""

import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from canvas.content.catalogue import Localized
from canvas.content.demo import load_demo
from canvas.content.loyalty_check import load_loyalty_content, loyalty_content
from canvas.domain import Language, WorkshopView
from canvas.domain.document import WorkshopDocument
from canvas.domain.frameworks import FrameworkAnswers, StoredLoyaltyRating
from canvas.domain.loyalty_check import (
    ITEMS,
    CheckKind,
    Condition,
    Element,
    LaterStage,
    LoyaltyRatingInput,
    answered_scopes,
    path_average,
    path_ratings,
    ratings,
    weakest_point,
)
from canvas.export.report import Callout, Paragraph, Table
from canvas.export.sections_loyalty_check import RATING_FILLS, loyalty_sections
from canvas.figures.loyalty_check import TRUST_COLOUR, conditions_chart, path_chart
from canvas.forms.loyalty_check import loyalty_answers
from canvas.i18n import t
from canvas.presenters.loyalty_check import rating_label, scope_name
from tests.unit.factories import segment, snapshot

DATA = Path(__file__).resolve().parents[2] / "data"
CONTENT = json.loads((DATA / "frameworks" / "loyalty_check.json").read_text(encoding="utf-8"))
CYRILLIC = re.compile(r"[а-яё]", re.I)
ELEMENT, STAGE, CONDITION = CheckKind.ELEMENT, CheckKind.STAGE, CheckKind.CONDITION


def _with(base: WorkshopView, *answers: tuple) -> WorkshopView:
    """``base`` holding loyalty answers given as (segment id, kind, key, rating, evidence)."""
    stored = [
        StoredLoyaltyRating(segment_id=sid, kind=kind, key=key, rating=rating, evidence=evidence)
        for sid, kind, key, rating, evidence in answers
    ]
    return base.model_copy(update={"frameworks": FrameworkAnswers(loyalty=stored)})


def _two_segments() -> WorkshopView:
    return snapshot(segment(1, "Cafés"), segment(2, "Offices"))


def _name(part: str, key: str, lang: str) -> str:
    """An element's, stage's or condition's name as the content file gives it."""
    return str(next(e for e in CONTENT[part] if e["key"] == key)["name"][lang])


def _demo_snapshot(document: WorkshopDocument) -> WorkshopView:
    """The demo's segments and loyalty answers, in memory; segment ids count from 1."""
    ids = {s.name: index for index, s in enumerate(document.segments, start=1)}
    base = snapshot(*(segment(ids[s.name], s.name) for s in document.segments))
    return _with(
        base,
        *(
            (ids[a.segment] if a.segment else None, a.kind, a.key, a.rating, a.evidence)
            for a in document.loyalty
        ),
    )


# ------------------------------------------------------------------ content


def test_the_five_elements_come_in_the_customers_order_and_the_decision_and_use_after_them():
    content = loyalty_content()
    # the source: brand, communications, environment, offer, the culture of the people who
    # serve the customer; then the purchase decision, and after the purchase the use
    assert [e.key for e in content.elements] == [
        "brand",
        "communications",
        "environment",
        "offer",
        "culture",
    ]
    assert [s.key for s in content.stages] == ["decision", "use"]
    assert [c.key for c in content.conditions] == [
        "reason",
        "trust",
        "importance",
        "status",
        "benefit",
    ]
    assert ITEMS[:5] == tuple((ELEMENT, key) for key in Element)
    assert ITEMS[5:7] == tuple((STAGE, key) for key in LaterStage)
    assert ITEMS[7:] == tuple((CONDITION, key) for key in Condition)


def test_every_text_is_written_in_both_languages_and_the_russian_in_russian():
    content = loyalty_content()
    texts = [content.intro, content.elements_intro, content.stages_intro, content.closer]
    texts += [content.trust.title, content.trust.body, *(s.name for s in content.scale)]
    for entry in [*content.elements, *content.stages, *content.conditions]:
        texts += [entry.name, entry.question]
    # six texts, five names on the scale, a name and a question for 5 + 2 + 5 items
    assert len(texts) == 6 + 5 + 2 * 12
    assert all(isinstance(text, Localized) for text in texts)
    assert all(text.en and CYRILLIC.search(text.ru) for text in texts)
    assert not [text.en for text in texts if CYRILLIC.search(text.en)]


def test_the_texts_carry_the_facts_of_the_source():
    content = loyalty_content()
    assert "operating model" in content.intro("en")
    assert "операционная модель" in content.intro("ru")
    elements = content.elements_intro("en")
    assert {"branch", "shop", "culture", "five"} <= set(re.findall(r"\w+", elements))
    assert "пяти элементов" in content.elements_intro("ru")
    for lang, words in (
        ("en", ("accessible", "functional", "easy")),
        ("ru", ("доступно", "функционально", "легко")),
    ):
        use = content.entry(STAGE, LaterStage.USE).question(lang)
        assert all(word in use for word in words)
    # the decision and use are stages of the path, not elements
    assert "not elements" in content.stages_intro("en")
    assert "элементами не считаются" in content.stages_intro("ru")
    assert "better offer" in content.closer("en")
    trust = content.trust.body("en")
    for fact in ("hardest", "truthful", "deep", "quiet", "competitive edge"):
        assert fact in trust, fact
    for fact in ("труднее всего", "правдивой", "глубокой", "конкурентное преимущество"):
        assert fact in content.trust.body("ru"), fact


def test_the_content_is_read_once_per_process():
    assert loyalty_content() is loyalty_content()


def test_a_content_file_missing_a_condition_is_refused(tmp_path):
    broken = {**CONTENT, "conditions": CONTENT["conditions"][:4]}
    path = tmp_path / "loyalty.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValidationError, match="conditions must be exactly"):
        load_loyalty_content(path)


def test_a_content_file_with_elements_out_of_the_customers_order_is_refused(tmp_path):
    brand, communications, *rest = CONTENT["elements"]
    path = tmp_path / "loyalty.json"
    path.write_text(json.dumps({**CONTENT, "elements": [communications, brand, *rest]}), "utf-8")
    with pytest.raises(ValidationError, match="in order"):
        load_loyalty_content(path)


def test_a_content_file_counting_the_decision_among_the_elements_is_refused(tmp_path):
    decision, use = CONTENT["stages"]
    moved = {**CONTENT, "elements": [*CONTENT["elements"], decision], "stages": [use]}
    path = tmp_path / "loyalty.json"
    path.write_text(json.dumps(moved), "utf-8")
    with pytest.raises(ValidationError):
        load_loyalty_content(path)


def test_a_text_without_its_russian_is_refused(tmp_path):
    path = tmp_path / "loyalty.json"
    path.write_text(json.dumps({**CONTENT, "intro": {"en": "Only English"}}), "utf-8")
    with pytest.raises(ValidationError):
        load_loyalty_content(path)


def test_a_rating_is_labelled_with_its_number_and_name():
    assert rating_label(4, Language.EN) == "4 · strong"
    assert rating_label(1, Language.RU) == "1 · слабо"
    assert rating_label(None, Language.EN) == "not rated"
    assert rating_label(0, Language.RU) == "без оценки"


# ------------------------------------------------------------------ reading answers


def test_the_path_average_counts_only_rated_elements_and_stages():
    snap = _with(
        _two_segments(),
        (None, ELEMENT, "brand", 4, ""),
        (None, ELEMENT, "culture", 2, ""),
        (None, STAGE, "use", 5, ""),
        (None, CONDITION, "trust", 1, ""),  # a condition is not on the path
        (1, ELEMENT, "offer", 1, ""),  # another scope
    )
    # (4 + 2 + 5) / 3
    assert path_average(snap, None) == pytest.approx(11 / 3)
    assert path_average(snap, 1) == 1
    assert path_average(snap, 2) is None


def test_the_weakest_point_is_the_lowest_and_on_a_tie_the_one_met_first():
    snap = _with(
        _two_segments(),
        (None, STAGE, "use", 2, ""),
        (None, STAGE, "decision", 2, ""),
        (None, ELEMENT, "culture", 2, ""),  # the elements come before the decision
        (None, ELEMENT, "brand", 3, ""),
        (2, STAGE, "use", 1, ""),
        (2, ELEMENT, "communications", 4, ""),
    )
    assert weakest_point(snap, None) == (ELEMENT, Element.CULTURE)
    assert weakest_point(snap, 2) == (STAGE, LaterStage.USE)
    assert weakest_point(snap, 1) is None


def test_ratings_come_in_the_path_order_with_gaps_for_what_is_not_rated():
    snap = _with(
        _two_segments(),
        (2, STAGE, "use", 5, ""),
        (2, ELEMENT, "brand", 1, ""),
        (2, ELEMENT, "culture", 3, ""),
    )
    assert ratings(snap, 2, ELEMENT) == {
        "brand": 1,
        "communications": None,
        "environment": None,
        "offer": None,
        "culture": 3,
    }
    assert ratings(snap, 2, STAGE) == {"decision": None, "use": 5}
    assert list(path_ratings(snap, 2).values()) == [1, None, None, None, 3, None, 5]
    assert set(ratings(snap, None, CONDITION).values()) == {None}


def test_scopes_with_answers_come_all_customers_first_then_segments_in_their_order():
    snap = _with(
        _two_segments(),
        (2, ELEMENT, "brand", 3, ""),
        (1, CONDITION, "trust", None, "Asked about prices"),
        (None, STAGE, "use", 4, ""),
    )
    assert answered_scopes(snap) == [None, 1, 2]


def test_an_answer_emptied_again_does_not_make_a_scope_answered():
    snap = _with(_two_segments(), (None, ELEMENT, "brand", None, ""), (2, STAGE, "use", 4, ""))
    assert answered_scopes(snap) == [2]


def test_a_scope_is_named_all_customers_or_after_its_segment():
    snap = _two_segments()
    assert scope_name(snap, None, Language.EN) == "All customers"
    assert scope_name(snap, None, Language.RU) == "Все клиенты"
    assert scope_name(snap, 2, Language.EN) == "Offices"


def test_a_form_left_untouched_saves_nothing():
    raw = {item: {"rating": None, "evidence": "  "} for item in ITEMS}
    assert loyalty_answers(raw, {}, Language.EN) == ({}, [])


def test_a_form_saves_what_was_entered_and_what_was_stored_before_with_its_version():
    raw: dict[tuple[CheckKind, str], dict[str, object]] = {
        (ELEMENT, "communications"): {"rating": 4, "evidence": " Festivals "},
        (STAGE, "use"): {"rating": None, "evidence": ""},  # stored before, now cleared
        (CONDITION, "trust"): {"rating": None, "evidence": ""},  # never stored
    }
    answers, problems = loyalty_answers(raw, {(STAGE, "use"): 3}, Language.EN)
    assert problems == []
    assert answers == {
        (ELEMENT, "communications"): (LoyaltyRatingInput(rating=4, evidence="Festivals"), 0),
        (STAGE, "use"): (LoyaltyRatingInput(), 3),
    }


def test_every_problem_in_a_form_names_the_item_and_the_field():
    raw: dict[tuple[CheckKind, str], dict[str, object]] = {
        (ELEMENT, "culture"): {"rating": 3, "evidence": "x" * 700},
        (STAGE, "decision"): {"rating": 0, "evidence": ""},
        (CONDITION, "trust"): {"rating": 6, "evidence": ""},
        (CONDITION, "status"): {"rating": 5, "evidence": "Fine"},
    }
    answers, problems = loyalty_answers(raw, {}, Language.EN)
    named = [
        f"{_name('elements', 'culture', 'en')} · {t('field.evidence', 'en')}: ",
        f"{_name('stages', 'decision', 'en')} · {t('field.rating', 'en')}: ",
        f"{_name('conditions', 'trust', 'en')} · {t('field.rating', 'en')}: ",
    ]
    assert len(problems) == len(named)
    assert all(p.startswith(n) for p, n in zip(problems, named, strict=True)), problems
    assert "600" in problems[0] and "5" in problems[2]
    assert list(answers) == [(CONDITION, "status")]

    _, russian = loyalty_answers(raw, {}, Language.RU)
    assert russian[0].startswith(f"{_name('elements', 'culture', 'ru')} · ")


# ------------------------------------------------------------------ charts


def test_the_path_chart_draws_the_elements_then_the_stages_one_line_per_scope():
    snap = _with(
        _two_segments(),
        (None, ELEMENT, "brand", 4, ""),
        (None, ELEMENT, "communications", 3, ""),
        (None, STAGE, "use", 2, ""),
        (2, STAGE, "decision", 1, ""),
        (1, CONDITION, "trust", 3, ""),  # nothing on the path rated: no line
    )
    figure = path_chart(snap, Language.EN, 2)
    assert [trace.name for trace in figure.data] == ["All customers", "Offices"]
    assert list(figure.data[0].y) == [4, 3, None, None, None, None, 2]
    assert list(figure.data[1].y) == [None, None, None, None, None, 1, None]
    assert figure.data[1].line.width > figure.data[0].line.width  # the scope on screen
    assert figure.layout.title.text == t("loyalty_check.chart.path.title", "en")
    # the elements are numbered 1 to 5; the decision and use follow on a band of their own
    labels = list(figure.data[0].x)
    assert [label.split(".")[0] for label in labels[:5]] == ["1", "2", "3", "4", "5"]
    assert labels[5].replace("<br>", " ") == _name("stages", "decision", "en")
    [band] = figure.layout.shapes
    assert (band.x0, band.x1) == (4.5, 6.5)  # categories 5 and 6: decision and use
    [note] = figure.layout.annotations
    assert note.text == t("loyalty_check.chart.later_stages", "en")


def test_charts_escape_segment_names():
    hostile = snapshot(segment(1, "<b>Bold</b> & co"))
    snap = _with(hostile, (1, ELEMENT, "brand", 3, ""), (1, CONDITION, "trust", 2, ""))
    [line] = path_chart(snap, Language.EN, 1).data
    assert line.name == "&lt;b&gt;Bold&lt;/b&gt; &amp; co"
    title = conditions_chart(snap, Language.EN, 1).layout.title.text
    assert title == "Five conditions: &lt;b&gt;Bold&lt;/b&gt; &amp; co"


def test_charts_of_an_empty_check_say_nothing_is_rated_yet():
    snap = _two_segments()
    assert path_chart(snap, Language.RU, None).data == ()
    for figure in (path_chart(snap, Language.RU, None), conditions_chart(snap, Language.RU, None)):
        assert [a.text for a in figure.layout.annotations] == ["Пока ничего не оценено"]
    assert path_chart(snap, Language.RU, None).layout.shapes == ()


def test_the_conditions_chart_highlights_trust_and_compares_a_segment_with_everyone():
    snap = _with(
        _two_segments(),
        (1, CONDITION, "trust", 2, ""),
        (1, CONDITION, "benefit", 4, ""),
        (None, CONDITION, "trust", 3, ""),
    )
    bars, overall = conditions_chart(snap, Language.EN, 1).data
    assert list(bars.x) == [0, 2, 0, 0, 4]
    colours = list(bars.marker.color)
    assert colours[1] == TRUST_COLOUR
    assert colours.count(TRUST_COLOUR) == 1
    assert bars.y[1] == "<b>Trust and safety</b>"
    assert list(bars.text) == ["not rated", "2 · below par", "not rated", "not rated", "4 · strong"]
    assert (list(overall.x), list(overall.y)) == ([3], ["<b>Trust and safety</b>"])


# ------------------------------------------------------------------ the report


def test_nothing_rated_gives_no_report_section():
    assert loyalty_sections(_two_segments(), Language.EN) == []
    emptied = _with(_two_segments(), (None, ELEMENT, "brand", None, ""))
    assert loyalty_sections(emptied, Language.RU) == []


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_demo_report_has_everyone_then_offices_each_with_three_tables_and_a_trust_callout(
    lang,
):
    document = load_demo(lang)
    offices = document.segments[1].name
    sections = loyalty_sections(_demo_snapshot(document), lang)

    assert [s.key for s in sections] == ["loyalty-all", "loyalty-segment-2"]
    assert [s.new_page for s in sections] == [True, False]
    assert offices in sections[1].title
    trust = loyalty_content().trust
    for section in sections:
        elements, stages, conditions = [b for b in section.blocks if isinstance(b, Table)]
        assert (len(elements.rows), len(stages.rows), len(conditions.rows)) == (5, 2, 5)
        [callout] = [b for b in section.blocks if isinstance(b, Callout)]
        assert (callout.title, callout.body) == (trust.title(lang), trust.body(lang))
    # all customers: trust 3 of 5 is a warning, the offices' 2 of 5 an alarm
    tones = [[b.tone for b in s.blocks if isinstance(b, Callout)] for s in sections]
    assert tones == [["medium"], ["high"]]


def test_the_demo_tables_hold_ratings_coloured_evidence_and_dashes_for_gaps():
    sections = loyalty_sections(_demo_snapshot(load_demo(Language.EN)), Language.EN)
    everyone, offices = ([b for b in s.blocks if isinstance(b, Table)] for s in sections)
    elements, stages, _ = everyone
    heading = [t("field.rating", "en"), t("field.evidence", "en")]
    assert elements.header == [t("loyalty_check.report.element", "en"), *heading]
    assert stages.header == [t("loyalty_check.report.stage", "en"), *heading]
    assert [row[1] for row in elements.rows] == [
        "4 · strong",
        "3 · good enough",
        "3 · good enough",
        "4 · strong",
        "5 · outstanding",
    ]
    assert [row[1] for row in stages.rows] == ["3 · good enough", "2 · below par"]
    assert elements.rows[1][0] == f"2. {_name('elements', 'communications', 'en')}"
    assert stages.rows[0][0] == _name("stages", "decision", "en")  # stages are not numbered
    assert elements.fills is not None
    assert [row[1] for row in elements.fills] == [RATING_FILLS[r] for r in (4, 3, 3, 4, 5)]
    assert offices[0].rows[0] == [f"1. {_name('elements', 'brand', 'en')}", "—", "—"]
    assert offices[1].rows[0][1] == "2 · below par"
    assert offices[2].rows[1][0] == "Trust and safety"
    assert offices[2].rows[1][1] == "2 · below par"


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_demo_report_sums_up_the_path_in_both_languages_alike(lang):
    sections = loyalty_sections(_demo_snapshot(load_demo(lang)), lang)
    summaries = [b.text for s in sections for b in s.blocks if isinstance(b, Paragraph)]
    # everyone: elements 4, 3, 3, 4, 5 and stages 3, 2: 24 / 7 = 3.43, use is lowest;
    # offices: decision 2 and use 4: (2 + 4) / 2 = 3, the decision is lowest
    average = {"en": "3.4", "ru": "3,4"}[lang]
    assert summaries == [
        t("loyalty_check.summary", lang, average=average, point=_name("stages", "use", lang)),
        t("loyalty_check.summary", lang, average="3", point=_name("stages", "decision", lang)),
    ]


def test_trust_rated_four_brings_no_callout():
    snap = _with(_two_segments(), (None, CONDITION, "trust", 4, "We publish weekly updates"))
    [section] = loyalty_sections(snap, Language.EN)
    assert not [b for b in section.blocks if isinstance(b, Callout)]
    assert section.title == "Crisis loyalty check: all customers"


def test_the_demo_rates_the_same_items_alike_in_both_languages():
    def shape(lang: Language) -> list[tuple]:
        document = load_demo(lang)
        positions = {s.name: n for n, s in enumerate(document.segments, start=1)}
        return [
            (positions[a.segment] if a.segment else None, a.kind, a.key, a.rating)
            for a in document.loyalty
        ]

    assert shape(Language.EN) == shape(Language.RU)
    # every element, stage and condition is rated for all customers, as the sums above assume
    everyone = {(kind, key) for scope, kind, key, _ in shape(Language.EN) if scope is None}
    assert set(ITEMS) <= everyone
