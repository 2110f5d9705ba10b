"""Number axes read as the language writes numbers: «50 тыс.» and «1,5 млн» in Russian,
"50K" and "1.5M" in English, the currency's sign in the axis title, and one minus sign
in a chart's labels and a table's cells alike."""

from decimal import Decimal

from canvas.domain import RelationshipInput, RelationshipType
from canvas.figures.relationships import cost_chart, gap_heatmap, ltv_chart
from canvas.figures.style import number_axis
from canvas.i18n import t
from tests.unit.factories import segment, snapshot

NBSP, MINUS = "\u00a0", "\u2212"


def _costly_view(currency: str = "RUB"):
    # 10 customers, 500 000 a year on personal assistance: 50 000 per customer;
    # 4 customers, 6 000 000 a year: 1 500 000 per customer
    small = segment(
        1,
        "Offices",
        customers=10,
        answers={
            RelationshipType.PERSONAL_ASSISTANCE: RelationshipInput(
                expected=3, established=1, yearly_cost=Decimal(500_000)
            )
        },
    )
    large = segment(
        2,
        "Hotels",
        customers=4,
        answers={
            RelationshipType.PERSONAL_ASSISTANCE: RelationshipInput(
                expected=0, established=2, yearly_cost=Decimal(6_000_000)
            )
        },
    )
    return snapshot(small, large, currency=currency)


def test_a_money_axis_in_russian_reads_thousands_and_millions_in_words():
    axis = cost_chart(_costly_view(), "ru").layout.xaxis
    # from 0 to 1 500 000 in about five round steps: 0, 500 000, 1 000 000, 1 500 000
    assert list(axis.tickvals) == [0, 500_000, 1_000_000, 1_500_000]
    assert list(axis.ticktext) == ["0", f"500{NBSP}тыс.", f"1{NBSP}млн", f"1,5{NBSP}млн"]
    assert axis.title.text == t("chart.cost.axis", "ru", currency="₽")


def test_a_money_axis_in_english_reads_k_and_m_and_the_dollar_sign():
    axis = cost_chart(_costly_view("USD"), "en").layout.xaxis
    assert list(axis.ticktext) == ["0", "500K", "1M", "1.5M"]
    assert axis.title.text == t("chart.cost.axis", "en", currency="$")


def test_small_steps_take_the_decimal_comma_in_russian():
    # 0 to 0.3 in steps of 0.1 (0.3 / 5 = 0.06, the next round step up is 0.1)
    assert number_axis([0.3], "ru")["ticktext"] == ["0", "0,1", "0,2", "0,3"]
    assert number_axis([0.3], "en")["ticktext"] == ["0", "0.1", "0.2", "0.3"]
    # counts never get a step under one
    assert number_axis([3], "ru", whole=True)["tickvals"] == [0, 1, 2, 3]


def test_a_negative_tick_and_a_negative_gap_carry_the_minus_sign():
    # −20 to 40: a step of 20 (60 / 5 = 12, the next round step is 20)
    assert number_axis([-20, 40], "ru")["ticktext"] == [f"{MINUS}20", "0", "20", "40"]
    hover = gap_heatmap(_costly_view(), "en").data[0].customdata
    # Hotels expect 0 and have 2 of personal assistance: a gap of 0 − 2 = −2
    assert f"gap {MINUS}2" in hover[1][0]
    assert "gap +2" in hover[0][0]


def test_the_ltv_axis_includes_the_healthy_three():
    # no segment has an LTV:CAC here: the axis still reaches the 3:1 line
    axis = ltv_chart(_costly_view(), "ru").layout.xaxis
    assert 3 in list(axis.tickvals)
