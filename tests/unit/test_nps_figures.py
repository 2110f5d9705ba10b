"""The NPS charts and headline figures, checked against counts worked out by hand.

Interval working (Rocks 2016), as in test_nps.py: n' = n + 3, p = (promoters + 3/4)/n',
d = (detractors + 3/4)/n', centre = p − d, se = sqrt((p + d − centre²)/n'), and the 95 %
interval is centre ± 1.96 · se, in points, clipped to −100…100. The charts draw each
interval as an error bar around its own midpoint, (low + high)/2 ± (high − low)/2.
"""

import json

import pytest

from canvas.domain.nps import NpsCounts, NpsSurvey
from canvas.figures.nps import (
    CATEGORY_COLOURS,
    distribution_chart,
    headline,
    month_label,
    score_chart,
    trend_chart,
    wide_segments,
)
from tests.unit.factories import segment, snapshot

HOSTILE = "<img src=x onerror=alert(1)> & <b>Co</b>"


def _scores(*scores: int) -> list[int]:
    """A distribution 0–10 of the given scores."""
    counted = [0] * 11
    for score in scores:
        counted[score] += 1
    return counted


def _shop(**survey):
    """Cafés (id 1) and Shops (id 2), with the survey given."""
    shop = snapshot(segment(1, "Cafés"), segment(2, "Shops"))
    return shop.model_copy(update={"nps": NpsSurvey(**survey)})


# Cafés answered 10, 9, 3; two answers without a segment: 8 and 6.
CAFES_AND_OTHERS = {"by_segment": {1: _scores(10, 9, 3), None: _scores(8, 6)}}


def _bounds(trace) -> list[tuple[float, float]]:
    """The (low, high) each error bar of an interval trace spans."""
    return [(y - e, y + e) for y, e in zip(trace.y, trace.error_y.array, strict=True)]


def test_the_score_chart_shows_everyone_then_each_segment_with_answers():
    figure = score_chart(_shop(**CAFES_AND_OTHERS), "en")
    bars, interval = figure.data

    # Shops have no answers, so no bar; everyone's label is bold
    assert list(bars.x) == ["<b>Everyone</b>", "Cafés"]
    # everyone: 2 promoters, 1 passive, 2 detractors of 5 → 40 % − 40 % = 0
    # Cafés: 2 promoters, 1 detractor of 3 → 66.7 % − 33.3 % = 33.3
    assert bars.y == pytest.approx([0, 100 / 3])
    assert list(bars.text) == ["0", "33.3"]
    # both have fewer than 30 answers: hatched
    assert list(bars.marker.pattern.shape) == ["/", "/"]
    assert list(interval.x) == list(bars.x)


def test_the_score_chart_draws_the_adjusted_wald_interval_of_each_bar():
    figure = score_chart(_shop(**CAFES_AND_OTHERS), "en")
    everyone, cafes = _bounds(figure.data[1])
    # everyone: n' = 8, p = d = 2.75/8 = 0.34375, centre 0,
    # se = sqrt(0.6875/8) = 0.293151 → ±57.46
    assert everyone == pytest.approx((-57.46, 57.46), abs=0.01)
    # Cafés: n' = 6, p = 2.75/6 = 0.458333, d = 1.75/6 = 0.291667, centre 0.166667,
    # se = sqrt((0.75 − 0.027778)/6) = 0.346944 → 16.67 ± 68.00 = −51.33 … 84.67
    assert cafes == pytest.approx((-51.33, 84.67), abs=0.01)


def test_the_interval_of_a_single_promoter_is_drawn_where_it_lies_not_around_100():
    figure = score_chart(_shop(by_segment={None: _scores(10)}), "en")
    bars, interval = figure.data
    assert list(bars.y) == [100]
    # n' = 4, p = 1.75/4 = 0.4375, d = 0.75/4 = 0.1875, centre 0.25,
    # se = sqrt((0.625 − 0.0625)/4) = 0.375 → 25 ± 73.50 = −48.50 … 98.50
    assert _bounds(interval) == [pytest.approx((-48.50, 98.50), abs=0.01)]


def test_the_benchmarks_are_labelled_dashed_lines_at_73_and_87():
    for figure in (score_chart(_shop(**CAFES_AND_OTHERS), "ru"), trend_chart(_shop(), "en")):
        lines = [(shape.y0, shape.y1, shape.line.dash) for shape in figure.layout.shapes]
        assert lines == [(73, 73, "dash"), (87, 87, "dash")]
        labels = [note.text for note in figure.layout.annotations]
        assert "Apple 73" in labels
        assert "USAA 87" in labels


def test_counts_typed_in_join_the_answers_of_their_segment_and_of_everyone():
    typed = {1: NpsCounts(promoters=27, detractors=0), None: NpsCounts(passives=5)}
    figure = score_chart(_shop(typed=typed, **CAFES_AND_OTHERS), "en")
    bars = figure.data[0]
    # Cafés: 2 + 27 = 29 promoters, 1 detractor of 30 → (29 − 1)/30 = 93.3
    # everyone: 29 promoters, 1 + 5 = 6 passives, 2 detractors of 37 → 27/37 = 73.0
    assert bars.y == pytest.approx([100 * 27 / 37, 100 * 28 / 30])
    # Cafés now have 30 answers: no longer hatched; everyone has 37
    assert list(bars.marker.pattern.shape) == ["", ""]


def test_a_hostile_segment_name_reaches_plotly_escaped():
    shop = snapshot(segment(1, HOSTILE)).model_copy(
        update={"nps": NpsSurvey(by_segment={1: _scores(9, 9, 0)})}
    )
    figure = score_chart(shop, "en")
    escaped = "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;Co&lt;/b&gt;"
    assert list(figure.data[0].x) == ["<b>Everyone</b>", escaped]
    assert "<img" not in json.dumps(figure.to_plotly_json())
    # the page gets the raw name and escapes it for markdown itself
    assert wide_segments(shop) == [HOSTILE]


def test_the_distribution_has_each_score_in_its_categorys_colour():
    figure = distribution_chart(_shop(**CAFES_AND_OTHERS), "en")
    detractors, passives, promoters = figure.data
    # answers 10, 9, 3 (Cafés) and 8, 6 (no segment)
    assert list(detractors.x) == [0, 1, 2, 3, 4, 5, 6]
    assert list(detractors.y) == [0, 0, 0, 1, 0, 0, 1]
    assert (list(passives.x), list(passives.y)) == ([7, 8], [0, 1])
    assert (list(promoters.x), list(promoters.y)) == ([9, 10], [1, 1])
    colours = [trace.marker.color for trace in figure.data]
    assert colours == ["#D55E00", "#999999", "#009E73"]
    assert list(CATEGORY_COLOURS.values()) == colours
    assert [trace.name for trace in figure.data] == [
        "Detractors (0–6)",
        "Passives (7–8)",
        "Promoters (9–10)",
    ]


def test_the_trend_shows_each_month_in_order_with_its_interval_clipped_at_100():
    months = {"2026-04": _scores(3), "2026-03": _scores(10, 9)}
    figure = trend_chart(_shop(by_month=months), "en")
    line, interval = figure.data
    assert list(line.x) == ["Mar 2026", "Apr 2026"]
    # March: 2 promoters of 2 → 100; April: 1 detractor of 1 → −100
    assert list(line.y) == [100, -100]
    # March: n' = 5, p = 0.55, d = 0.15, centre 0.4, se = sqrt(0.54/5) = 0.328634
    #   → 40 ± 64.41 = −24.41 … 104.41, clipped to 100
    # April: n' = 4, p = 0.1875, d = 0.4375, centre −0.25, se 0.375 → −98.50 … 48.50
    march, april = _bounds(interval)
    assert march == pytest.approx((-24.41, 100), abs=0.01)
    assert april == pytest.approx((-98.50, 48.50), abs=0.01)


def test_months_are_named_in_the_readers_language():
    assert month_label("2026-03", "en") == "Mar 2026"
    assert month_label("2026-03", "ru") == "март 2026"


@pytest.mark.parametrize("chart", [score_chart, distribution_chart, trend_chart])
def test_an_empty_survey_draws_an_empty_chart_with_a_note(chart):
    figure = chart(_shop(), "ru")
    assert all(not any(trace.y or []) for trace in figure.data)  # nothing to draw
    notes = [note.text for note in figure.layout.annotations]
    assert any(
        text in notes for text in ("Отдельных ответов пока нет.", "Ответов с датой пока нет.")
    )


def test_the_headline_is_formatted_for_the_locale():
    # 6 promoters, 2 passives, 2 detractors: 60 % − 20 % = 40; interval from test_nps.py:
    # n' = 13, p = 6.75/13, d = 2.75/13, centre 0.307692, se 0.221202 → −12.59 … 74.12
    counts = NpsCounts(promoters=6, passives=2, detractors=2)
    english, russian = headline(counts, "en"), headline(counts, "ru")
    assert english is not None
    assert russian is not None
    assert (english.score, english.n) == ("40", "10")
    assert (english.promoters, english.passives, english.detractors) == ("60%", "20%", "20%")
    assert english.interval == "\u221212.6 … 74.1"
    assert russian.promoters == "60\u00a0%"
    assert russian.interval == "\u221212,6 … 74,1"


def test_the_headline_of_no_answers_is_none_and_a_third_shows_one_decimal():
    assert headline(NpsCounts(), "en") is None
    # 1 promoter, 2 passives: 1/3 − 0 = 33.3
    third = headline(NpsCounts(promoters=1, passives=2), "ru")
    assert third is not None
    assert third.score == "33,3"


def test_only_segments_with_some_but_fewer_than_30_answers_are_called_wide():
    typed = {2: NpsCounts(promoters=30)}
    assert wide_segments(_shop(typed=typed, **CAFES_AND_OTHERS)) == ["Cafés"]
    assert wide_segments(_shop()) == []
