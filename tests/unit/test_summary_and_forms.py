"""The tables shown on the pages and in exports, and the relationships form's parsing."""

from decimal import Decimal

from canvas.content import catalogue
from canvas.domain import Motive, RelationshipInput, RelationshipType
from canvas.forms.relationships import relationship_answers
from canvas.i18n import t
from canvas.presenters.tables import economics_rows, progress_rows, segment_rows
from tests.unit.factories import segment, snapshot

PA = RelationshipType.PERSONAL_ASSISTANCE
# 200 customers × 1,000; personal assistance 40,000 a year; CAC 400; retention 80 %.
# Cost per customer 200, share 20 %, lifetime 5, LTV (1,000 − 200) × 5 = 4,000, ratio 10;
# no gross margin, so the contribution is revenue − cost = 800 and LTV, LTV:CAC are ceilings.
SHOP = segment(
    1,
    "Shop",
    customers=200,
    revenue="1000",
    cac="400",
    retention=80,
    answers={PA: RelationshipInput(expected=2, established=2, yearly_cost=Decimal(40000))},
)
BLANK = segment(2, "Blank")


def test_economics_rows_format_each_figure_for_the_locale():
    english, blank = economics_rows(snapshot(SHOP, BLANK), "en")
    assert english == {
        "Segment": "Shop",
        "Relationship cost a year": "$40,000",
        "Per customer": "$200",
        "Share of revenue": "20%",
        t("analysis.col.lifetime", "en"): "5",
        "Contribution per customer a year": "$800",
        "LTV": "≤\u00a0$4,000",
        "LTV:CAC": "≤\u00a010",
    }
    assert blank["Per customer"] == "—" and blank["LTV:CAC"] == "—"
    [russian, _] = economics_rows(snapshot(SHOP, BLANK, currency="RUB"), "ru")
    assert russian["Затраты на отношения в год"] == "40\u00a0000\u00a0₽"
    assert russian["Доля выручки"] == "20\u00a0%"


def test_segment_rows_show_the_typed_figures():
    [row] = segment_rows(snapshot(SHOP), "en")
    assert row["Number of customers"] == "200"
    assert row["Yearly retention rate, %"] == "80%"
    assert row["Acquisition cost per new customer"] == "$400"


def test_progress_rows_tick_answered_questions():
    # Shop expects and has a type with a cost but no ties; Blank has answered nothing.
    shop, blank = progress_rows(snapshot(SHOP, BLANK), "en")
    unlinked = t("economics.progress.unlinked", "en", types=catalogue().type(PA).name("en"))
    assert [shop[k] for k in list(shop)[1:]] == ["✓", "✓", "✓", unlinked]
    assert set(list(blank.values())[1:]) == {"—"}


def test_the_form_is_refused_whole_when_one_type_is_wrong():
    raw = {
        PA: {"expected": 3, "established": 1, "motives": [Motive.RETENTION], "yearly_cost": 10.5},
        RelationshipType.COMMUNITIES: {"expected": 1, "established": 0, "yearly_cost": -5.0},
    }
    answers, problems = relationship_answers(raw, {PA: 4}, "en")
    assert problems == ["Communities · Yearly cost: must be at least 0."]
    # the good answer is parsed with the version it was read at; the missing row gets 0
    assert answers[PA] == (
        RelationshipInput(
            expected=3, established=1, motives={Motive.RETENTION}, yearly_cost=Decimal("10.5")
        ),
        4,
    )
    assert RelationshipType.COMMUNITIES not in answers


def test_form_problems_speak_russian_too():
    raw = {PA: {"expected": 5}}
    _, problems = relationship_answers(raw, {}, "ru")
    name = catalogue().type(PA).name("ru")
    assert problems == [
        f"{name} · {t('field.expected', 'ru')}: {t('invalid.less_than_equal', 'ru', le='3')}"
    ]


def test_changes_read_as_sentences_in_both_languages():
    from canvas.domain import WorkshopDocument, WorkshopInput
    from canvas.domain.changes import compare
    from canvas.domain.document import RelationshipDocument, SegmentDocument
    from canvas.presenters.tables import describe_changes

    cafes = SegmentDocument(
        name="Cafés",
        customers=60,
        relationships=[RelationshipDocument(type=PA, established=1, yearly_cost=Decimal(100))],
    )
    before = WorkshopDocument(workshop=WorkshopInput(title="Roastery"), segments=[cafes])
    grown = cafes.model_copy(
        update={
            "customers": 75,
            "relationships": [
                RelationshipDocument(type=PA, established=3, yearly_cost=Decimal(100))
            ],
        }
    )
    after = WorkshopDocument(
        workshop=WorkshopInput(title="Roastery"),
        segments=[grown, SegmentDocument(name="Hotels")],
    )
    changes = compare(before, after)
    assert describe_changes(changes, "en", "USD") == [
        "Segment added: Hotels",
        "Cafés · Number of customers: 60 → 75",
        f"Cafés · {catalogue().type(PA).name('en')} · {t('field.established', 'en')}: 1 → 3",
    ]
    assert describe_changes(changes, "ru", "RUB")[2] == (
        f"Cafés · {catalogue().type(PA).name('ru')} · {t('field.established', 'ru')}: 1 → 3"
    )


def test_export_file_names_keep_letters_of_any_script():
    from canvas.export.files import ExportFormat, file_name

    assert file_name(snapshot(SHOP), ExportFormat.PDF) == "Test.pdf"
    cyrillic = snapshot(SHOP).model_copy(
        update={"workshop": snapshot(SHOP).workshop.model_copy(update={"title": "Кофе / 2026!"})}
    )
    assert file_name(cyrillic, ExportFormat.JSON) == "Кофе-2026.json"


def test_changed_framework_answers_are_counted_per_framework():
    from canvas.domain import WorkshopDocument, WorkshopInput
    from canvas.domain.changes import compare
    from canvas.domain.document import RuleScoreDocument
    from canvas.domain.twelve_rules import ClevelandRule
    from canvas.presenters.tables import describe_changes

    before = WorkshopDocument(
        workshop=WorkshopInput(title="T"),
        twelve_rules=[
            RuleScoreDocument(rule=ClevelandRule.STUDY_CUSTOMERS, score=2),
            RuleScoreDocument(rule=ClevelandRule.INTERACT, score=4),
        ],
    )
    after = before.model_copy(
        update={
            "twelve_rules": [
                RuleScoreDocument(rule=ClevelandRule.STUDY_CUSTOMERS, score=3),
                RuleScoreDocument(rule=ClevelandRule.INTERACT, score=4),
                RuleScoreDocument(rule=ClevelandRule.UNIFY, score=1),
            ]
        }
    )
    # one score changed and one added: two answers differ
    changes = compare(before, after)
    assert changes.frameworks == {"twelve_rules": 2}
    assert describe_changes(changes, "en", "USD") == ["Twelve rules: 2 answers changed"]
