"""The analysis, checked against figures worked out by hand from the definitions."""

from decimal import Decimal

import pytest

from canvas.domain import GuidingQuestion, Motive, RelationshipInput, RelationshipType
from canvas.domain.economics import segment_figures
from canvas.domain.progress import progress_summary
from canvas.domain.recommendations import recommendations
from canvas.presenters.recommendations import describe
from tests.unit.factories import segment, snapshot

PA = RelationshipType.PERSONAL_ASSISTANCE
DPA = RelationshipType.DEDICATED_PERSONAL_ASSISTANCE
SELF = RelationshipType.SELF_SERVICE
AUTO = RelationshipType.AUTOMATED_SERVICES


def answer(expected: int, established: int, cost: str | None = None, *motives: Motive, **ties):
    return RelationshipInput(
        expected=expected,
        established=established,
        yearly_cost=Decimal(cost) if cost is not None else None,
        motives=frozenset(motives),
        integration=ties,
    )


# A: 200 customers × 1,000 a year, CAC 400, 80 % retention.
# Personal assistance (expected 3, established 2) costs 40,000; self-service (1, 1) 10,000.
ALPHA = segment(
    1,
    "Alpha",
    customers=200,
    revenue="1000",
    cac="400",
    retention=80,
    answers={
        PA: answer(3, 2, "40000", Motive.RETENTION, channels="shop"),
        SELF: answer(1, 1, "10000", Motive.ACQUISITION, key_resources="help centre"),
    },
)


def test_relationship_cost_is_the_sum_of_the_yearly_costs():
    assert segment_figures(ALPHA).relationship_cost == Decimal("50000")


def test_cost_per_customer_divides_by_the_number_of_customers():
    # 50,000 / 200 = 250
    assert segment_figures(ALPHA).cost_per_customer == Decimal("250")


def test_share_of_revenue_divides_by_customers_times_revenue():
    # 50,000 / (200 × 1,000) = 0.25
    assert segment_figures(ALPHA).cost_share == pytest.approx(0.25)


def test_lifetime_ltv_and_ltv_to_cac_follow_from_retention():
    figures = segment_figures(ALPHA)
    # lifetime 1 / (1 − 0.8) = 5 years; LTV (1,000 − 250) × 5 = 3,750; 3,750 / 400 = 9.375
    assert figures.lifetime_years == pytest.approx(5)
    assert figures.ltv == Decimal("3750")
    assert figures.ltv_to_cac == pytest.approx(9.375)


def test_spectrum_positions_are_level_weighted_averages():
    figures = segment_figures(ALPHA)
    # expected: personal (20) × 3 + self-service (80) × 1 over 4 = 35
    # established: 20 × 2 + 80 × 1 over 3 = 40
    assert figures.expected_position == pytest.approx(35)
    assert figures.established_position == pytest.approx(40)


def test_gaps_are_expected_minus_established():
    gaps = segment_figures(ALPHA).gaps
    assert gaps[PA] == 1
    assert gaps[SELF] == 0
    assert gaps[RelationshipType.COMMUNITIES] == 0


def test_figures_that_lack_inputs_stay_undefined():
    bare = segment_figures(segment(9, "Bare", answers={SELF: answer(2, 1)}))
    assert bare.cost_per_customer is None
    assert bare.cost_share is None
    assert bare.ltv is None
    assert bare.ltv_to_cac is None
    assert bare.established_position == pytest.approx(80)


def test_full_retention_leaves_the_lifetime_undefined():
    loyal = segment_figures(segment(8, "Loyal", revenue="10", cac="1", retention=100))
    assert loyal.lifetime_years is None
    assert loyal.ltv is None


def test_progress_counts_each_question_separately():
    answered = ALPHA
    # expects and has a type in use, but no cost and no ties: questions 1 and 2 only.
    half = segment(2, "Half", answers={SELF: answer(2, 1)})
    summary = progress_summary(snapshot(answered, half))
    assert summary == {
        GuidingQuestion.EXPECTED: 2,
        GuidingQuestion.ESTABLISHED: 2,
        GuidingQuestion.COST: 1,
        GuidingQuestion.INTEGRATION: 1,
    }


# Three segments whose median revenue per customer is 1,000 (Alpha's).
# Beta: 1,000 customers × 100, dedicated assistance (expected 0, established 2, 5,000 a year),
#   retention 50 % with no retention motive; CAC 250.
#   lifetime 2, cost per customer 5, LTV (100 − 5) × 2 = 190, LTV:CAC 0.76.
# Gamma: 10 customers × 5,000 (≥ 1.5 × 1,000), only automated (2) and self-service (1),
#   personal assistance expected 3 but absent; automated costs 1,000; retention 90 %;
#   CAC 20,000: lifetime 10, LTV (5,000 − 100) × 10 = 49,000, LTV:CAC 2.45.
BETA = segment(
    2,
    "Beta",
    customers=1000,
    revenue="100",
    cac="250",
    retention=50,
    answers={DPA: answer(0, 2, "5000", Motive.UPSELLING)},
)
GAMMA = segment(
    3,
    "Gamma",
    customers=10,
    revenue="5000",
    cac="20000",
    retention=90,
    answers={
        AUTO: answer(1, 2, "1000", Motive.RETENTION),
        SELF: answer(1, 1, "0", Motive.ACQUISITION),
        PA: answer(3, 0),
    },
)


def _fired(*views):
    return {(r.segment_name, r.code) for r in recommendations(snapshot(*views))}


def test_each_rule_fires_where_its_figure_crosses_the_line():
    assert _fired(ALPHA, BETA, GAMMA) == {
        ("Beta", "dedicated_for_many"),
        ("Beta", "retention_unmotivated"),
        ("Beta", "over_served"),
        ("Beta", "ltv_below_cac"),
        ("Gamma", "premium_self_service"),
        ("Gamma", "under_served"),
        ("Gamma", "ltv_cac_thin"),
    }


def test_a_healthy_segment_gets_no_advice():
    assert _fired(ALPHA) == set()


def test_serious_recommendations_come_first():
    severities = [r.severity for r in recommendations(snapshot(ALPHA, BETA, GAMMA))]
    assert severities == sorted(severities, key=["high", "medium"].index)


def test_relationships_over_thirty_percent_of_revenue_are_flagged():
    # 100 customers × 100 = 10,000 revenue; 3,100 cost is 31 %.
    costly = segment(
        4,
        "Costly",
        customers=100,
        revenue="100",
        answers={PA: answer(2, 2, "3100", Motive.RETENTION)},
    )
    fired = recommendations(snapshot(costly))
    assert [(r.code, r.params["share"]) for r in fired] == [
        ("costly_relationships", pytest.approx(0.31))
    ]


def test_a_retention_motive_silences_the_retention_rule():
    kept = segment(5, "Kept", retention=40, answers={PA: answer(1, 1, "0", Motive.RETENTION)})
    assert _fired(kept) == set()


def test_recommendations_name_their_trigger_in_both_languages():
    rec = next(
        r
        for r in recommendations(snapshot(ALPHA, BETA, GAMMA))
        if r.code == "retention_unmotivated"
    )
    english = describe(rec, snapshot(ALPHA, BETA, GAMMA), "en")
    russian = describe(rec, snapshot(ALPHA, BETA, GAMMA), "ru")
    assert english["title"].startswith("Beta:")
    assert "50%" in english["trigger"]
    assert "50\u00a0%" in russian["trigger"] and "удержание" in russian["trigger"]
    assert "{" not in english["advice"] + russian["advice"]


def test_money_in_a_trigger_is_in_the_workshops_currency():
    rec = next(
        r for r in recommendations(snapshot(ALPHA, BETA, GAMMA)) if r.code == "premium_self_service"
    )
    text = describe(rec, snapshot(ALPHA, BETA, GAMMA), "en")["trigger"]
    assert "$5,000" in text and "$1,000" in text
