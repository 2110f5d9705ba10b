"""The loyalty index: categories, the score and the adjusted-Wald interval, worked by hand.

Interval working (Rocks 2016): n' = n + 3, p = (promoters + 3/4) / n',
d = (detractors + 3/4) / n', centre = p − d, se = sqrt((p + d − centre²) / n'),
95 % interval = centre ± 1.96 · se, in points.
"""

import pytest
from pydantic import ValidationError

from canvas.domain.nps import (
    BENCHMARKS,
    NpsCategory,
    NpsCounts,
    NpsResponseInput,
    categorize,
    distribution,
)


@pytest.mark.parametrize(
    ("score", "category"),
    [
        (0, NpsCategory.DETRACTOR),
        (6, NpsCategory.DETRACTOR),
        (7, NpsCategory.PASSIVE),
        (8, NpsCategory.PASSIVE),
        (9, NpsCategory.PROMOTER),
        (10, NpsCategory.PROMOTER),
    ],
)
def test_each_score_falls_in_its_category(score, category):
    assert categorize(score) is category


@pytest.mark.parametrize("score", [-1, 11])
def test_a_score_outside_zero_to_ten_has_no_category(score):
    with pytest.raises(ValueError, match="0 to 10"):
        categorize(score)


def test_the_score_is_percent_promoters_minus_percent_detractors():
    # 6 promoters, 2 passives, 2 detractors of 10: 60 % − 20 % = 40
    counts = NpsCounts.from_scores([10, 9, 9, 10, 9, 9, 7, 8, 3, 6])
    assert (counts.promoters, counts.passives, counts.detractors) == (6, 2, 2)
    assert counts.score() == pytest.approx(40)


def test_the_interval_for_ten_answers_is_wide():
    # n' = 13, p = 6.75/13 = 0.519231, d = 2.75/13 = 0.211538, centre 0.307692,
    # se = sqrt((0.730769 − 0.094675)/13) = 0.221202 → 30.77 ± 43.35
    counts = NpsCounts(promoters=6, passives=2, detractors=2)
    low, high = counts.interval()
    assert low == pytest.approx(-12.59, abs=0.01)
    assert high == pytest.approx(74.12, abs=0.01)
    assert counts.wide


def test_all_promoters_score_100_and_the_interval_stops_at_100():
    # n' = 13, p = 10.75/13, d = 0.75/13, centre 0.769231, se 0.150102 → 47.50 … 106.34
    counts = NpsCounts(promoters=10)
    assert counts.score() == 100
    assert counts.interval() == pytest.approx((47.50, 100.0), abs=0.01)


def test_all_detractors_mirror_all_promoters():
    counts = NpsCounts(detractors=10)
    assert counts.score() == -100
    assert counts.interval() == pytest.approx((-100.0, -47.50), abs=0.01)


def test_a_single_promoter_gives_an_interval_across_most_of_the_scale():
    # n' = 4, p = 0.4375, d = 0.1875, centre 0.25, se = sqrt(0.5625/4) = 0.375 → −48.50 … 98.50
    counts = NpsCounts(promoters=1)
    assert counts.score() == 100
    assert counts.interval() == pytest.approx((-48.50, 98.50), abs=0.01)


def test_a_hundred_answers_narrow_the_interval():
    # 45/30/25: NPS 20; n' = 103, p = 45.75/103 = 0.444175, d = 25.75/103 = 0.25,
    # centre 0.194175, se 0.079834 → 3.77 … 35.06
    counts = NpsCounts(promoters=45, passives=30, detractors=25)
    assert counts.score() == pytest.approx(20)
    assert counts.interval() == pytest.approx((3.77, 35.06), abs=0.01)
    assert not counts.wide


def test_no_answers_give_no_score_and_no_interval():
    assert NpsCounts().score() is None
    assert NpsCounts().interval() is None


def test_counts_add_up_across_segments():
    total = NpsCounts(promoters=2, detractors=1) + NpsCounts(passives=3, detractors=1)
    assert (total.promoters, total.passives, total.detractors, total.n) == (2, 3, 2, 7)


def test_the_distribution_counts_each_score():
    assert distribution([10, 10, 0, 7]) == [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2]


def test_the_quoted_benchmarks_are_apple_and_usaa():
    assert BENCHMARKS == {"Apple": 73, "USAA": 87}


@pytest.mark.parametrize("score", [-1, 11])
def test_a_response_outside_zero_to_ten_is_refused(score):
    with pytest.raises(ValidationError):
        NpsResponseInput(score=score)


def test_negative_counts_are_refused():
    with pytest.raises(ValidationError):
        NpsCounts(promoters=-1)


def test_an_answer_text_over_two_thousand_characters_is_refused():
    assert NpsResponseInput(score=5, why="x" * 2000).why == "x" * 2000
    with pytest.raises(ValidationError):
        NpsResponseInput(score=5, make_it_ten="x" * 2001)
