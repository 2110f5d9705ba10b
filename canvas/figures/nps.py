"""The loyalty index as pictures: the score with its interval, the answers by score, by month.

Colours are the Okabe–Ito ones, safe for colour-blind readers: detractors vermilion,
passives grey, promoters bluish green. The course's benchmarks (Apple 73, USAA 87) are
dashed reference lines. Segment names are typed by users and Plotly renders a little
HTML, so they reach it escaped.
"""

from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go
from babel.dates import format_date

from canvas.domain import Language, WorkshopView
from canvas.domain.nps import BENCHMARKS, FEW_ANSWERS, NpsCategory, NpsCounts
from canvas.domain.shares import percent_shares
from canvas.figures.style import FONT, centre_note, number_axis, plotly_text
from canvas.i18n import LOCALES, day, number, percent, t

CATEGORY_COLOURS = {
    NpsCategory.DETRACTOR: "#D55E00",
    NpsCategory.PASSIVE: "#999999",
    NpsCategory.PROMOTER: "#009E73",
}
CATEGORY_SCORES = {
    NpsCategory.DETRACTOR: range(0, 7),
    NpsCategory.PASSIVE: range(7, 9),
    NpsCategory.PROMOTER: range(9, 11),
}
EVERYONE_COLOUR = "#333333"
INTERVAL_COLOUR = "#555555"
BENCHMARK_COLOURS = {"Apple": "#0072B2", "USAA": "#CC79A7"}
NPS_AXIS = {"range": [-105, 105], "zeroline": True, "fixedrange": True}


@dataclass(frozen=True)
class ScopeScore:
    """Everyone's (``segment_id`` ``None``) or one segment's counts, with its name and colour."""

    segment_id: int | None
    name: str
    colour: str
    counts: NpsCounts


def scope_scores(view: WorkshopView, lang: Language | str) -> list[ScopeScore]:
    """Everyone first, then each segment that has answers, in the workshop's order."""
    survey = view.nps
    everyone = survey.counts(overall=True)
    scores = [ScopeScore(None, t("nps.chart.everyone", lang), EVERYONE_COLOUR, everyone)]
    for segment_view in view.segments:
        counts = survey.counts(segment_view.segment.id)
        if counts.n:
            segment = segment_view.segment
            scores.append(ScopeScore(segment.id, segment.name, segment.colour, counts))
    return scores if everyone.n else []


def wide_segments(view: WorkshopView) -> list[str]:
    """The names of the segments with some answers but fewer than ``FEW_ANSWERS``."""
    return [
        segment_view.segment.name
        for segment_view in view.segments
        if 0 < view.nps.counts(segment_view.segment.id).n < FEW_ANSWERS
    ]


@dataclass(frozen=True)
class Headline:
    """The survey's figures as the page shows them, formatted for the locale."""

    score: str
    n: str
    promoters: str
    passives: str
    detractors: str
    interval: str


def headline(counts: NpsCounts, lang: Language | str) -> Headline | None:
    """NPS, answers, the three shares and the interval; ``None`` without answers."""
    score, interval = counts.score(), counts.interval()
    if score is None or interval is None:
        return None
    # parts of one whole, so rounded by largest remainder to add up to 100 %
    shares = percent_shares([counts.promoters, counts.passives, counts.detractors])
    return Headline(
        score=number(score, lang, 1),
        n=number(counts.n, lang),
        promoters=percent(shares[0], lang),
        passives=percent(shares[1], lang),
        detractors=percent(shares[2], lang),
        interval=_interval_text(interval, lang, "nps.interval_value"),
    )


def _interval_text(interval: tuple[float, float], lang: Language | str, key: str) -> str:
    low, high = interval
    return t(key, lang, low=number(low, lang, 1), high=number(high, lang, 1))


def month_label(month: str, lang: Language | str) -> str:
    """``2026-03`` as ``Mar 2026`` or ``март 2026``."""
    year, number_of_month = (int(part) for part in month.split("-"))
    return format_date(date(year, number_of_month, 1), "LLL y", locale=LOCALES[Language(lang)])


def day_label(when: date, lang: Language | str) -> str:
    """A day as the locale writes it, as everywhere else: ``Mar 14, 2026``, ``14 мар. 2026 г.``"""
    return day(when, lang)


def _interval_trace(x: list[str], counts: list[NpsCounts], lang: Language | str) -> go.Scatter:
    """The 95 % intervals as error bars around their own midpoints.

    The adjusted-Wald interval is centred on the adjusted proportions, so it need not
    contain the plain score (one promoter: NPS 100, interval −48.5 to 98.5); drawn from
    its midpoint it shows exactly where it lies.
    """
    intervals = [c.interval() or (0.0, 0.0) for c in counts]
    return go.Scatter(
        x=x,
        y=[(low + high) / 2 for low, high in intervals],
        mode="markers",
        marker={"opacity": 0, "color": INTERVAL_COLOUR},
        error_y={
            "type": "data",
            "symmetric": True,
            "array": [(high - low) / 2 for low, high in intervals],
            "color": INTERVAL_COLOUR,
            "thickness": 1.5,
            "width": 8,
        },
        name=t("nps.metric.interval", lang),
        hoverinfo="skip",
        showlegend=False,
    )


def _hover(counts: NpsCounts, lang: Language | str) -> str:
    interval = counts.interval()
    parts = [t("nps.chart.answers", lang, n=number(counts.n, lang))]
    if interval is not None:
        parts.append(_interval_text(interval, lang, "nps.chart.interval"))
    if counts.wide:
        parts.append(t("nps.chart.wide", lang))
    return "<br>".join(parts)


def _benchmarks(figure: go.Figure) -> None:
    for name, value in BENCHMARKS.items():
        figure.add_hline(
            y=value,
            line={"dash": "dash", "color": BENCHMARK_COLOURS.get(name, "#0072B2"), "width": 1.5},
            annotation_text=f"{plotly_text(name)} {value}",
            annotation_position="top left",
            annotation_font={"color": BENCHMARK_COLOURS.get(name, "#0072B2")},
        )


def _layout(figure: go.Figure, title: str, **axes: dict) -> go.Figure:
    figure.update_layout(
        title=title,
        height=420,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "y": -0.2},
        font={"family": FONT},
        **axes,
    )
    return figure


def score_chart(view: WorkshopView, lang: Language | str) -> go.Figure:
    """NPS for everyone and each segment with answers, 95 % interval as error bars.

    Everyone's label is bold, which no (escaped) segment name can imitate; bars with
    fewer than ``FEW_ANSWERS`` answers are hatched.
    """
    scopes = scope_scores(view, lang)
    scores = [scope.counts.score() or 0.0 for scope in scopes]
    labels = [
        f"<b>{plotly_text(s.name)}</b>" if s.segment_id is None else plotly_text(s.name)
        for s in scopes
    ]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=scores,
            marker={
                "color": [scope.colour for scope in scopes],
                # faint white stripes over the bar's own colour (a hatch alone hid the
                # value written on it)
                "pattern": {
                    "shape": ["/" if scope.counts.wide else "" for scope in scopes],
                    "fillmode": "overlay",
                    "fgcolor": "white",
                    "fgopacity": 0.35,
                },
            },
            text=[number(score, lang, 1) for score in scores],
            textposition="auto",
            # a halo in the contrasting colour keeps the value legible over the stripes
            # and the interval's line
            textfont={"shadow": "auto"},
            customdata=[_hover(scope.counts, lang) for scope in scopes],
            hovertemplate="%{x}: %{text}<br>%{customdata}<extra></extra>",
            name=t("nps.chart.nps", lang),
            showlegend=False,
        )
    )
    figure.add_trace(_interval_trace(labels, [scope.counts for scope in scopes], lang))
    _benchmarks(figure)
    if not scopes:
        centre_note(figure, t("nps.chart.no_answers", lang))
    return _layout(
        figure,
        t("nps.chart.scores.title", lang),
        yaxis={**NPS_AXIS, "title": {"text": t("nps.chart.nps", lang)}},
        xaxis={"fixedrange": True},
    )


def distribution_chart(view: WorkshopView, lang: Language | str) -> go.Figure:
    """How many single answers gave each score 0–10, one colour per category."""
    totals = [0] * 11
    for dist in view.nps.by_segment.values():
        totals = [a + b for a, b in zip(totals, dist, strict=True)]
    figure = go.Figure()
    for category, scores in CATEGORY_SCORES.items():
        figure.add_trace(
            go.Bar(
                x=list(scores),
                y=[totals[score] for score in scores],
                name=t(f"nps.category.{category.value}", lang),
                marker={"color": CATEGORY_COLOURS[category]},
                hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
            )
        )
    if not any(totals):
        centre_note(figure, t("nps.chart.no_answers", lang))
    return _layout(
        figure,
        t("nps.chart.distribution.title", lang),
        xaxis={
            "title": {"text": t("nps.chart.score", lang)},
            "tickvals": list(range(11)),
            "range": [-0.6, 10.6],
            "fixedrange": True,
        },
        yaxis={
            "title": {"text": t("nps.chart.count", lang)},
            "fixedrange": True,
            **number_axis(totals, lang, whole=True),  # «1,5 тыс.» for a large survey
        },
    )


def trend_chart(view: WorkshopView, lang: Language | str) -> go.Figure:
    """NPS per month of the dated answers, with the 95 % interval as error bars."""
    months = view.nps.month_counts()
    counts = list(months.values())
    scores = [c.score() or 0.0 for c in counts]
    labels = [month_label(month, lang) for month in months]
    figure = go.Figure(
        go.Scatter(
            x=labels,
            y=scores,
            mode="lines+markers",
            line={"color": EVERYONE_COLOUR, "width": 2},
            marker={"size": 9, "color": EVERYONE_COLOUR},
            text=[number(score, lang, 1) for score in scores],
            customdata=[_hover(c, lang) for c in counts],
            hovertemplate="%{x}: %{text}<br>%{customdata}<extra></extra>",
            name=t("nps.chart.nps", lang),
            showlegend=False,
        )
    )
    figure.add_trace(_interval_trace(labels, counts, lang))
    _benchmarks(figure)
    if not months:
        centre_note(figure, t("nps.chart.no_dates", lang))
    return _layout(
        figure,
        t("nps.chart.trend.title", lang),
        yaxis={**NPS_AXIS, "title": {"text": t("nps.chart.nps", lang)}},
        xaxis={"title": {"text": t("nps.chart.month", lang)}, "type": "category"},
    )
