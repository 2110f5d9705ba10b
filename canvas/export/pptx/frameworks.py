"""The deck file's analysis slides: one segment's gap, SHURA, the twelve rules, NPS, the
touchpoints and the crisis check. Each draws its chart as a native PowerPoint chart on
the left and what to act on as text on the right; a framework nobody has filled in yet
gets a slide saying what it will show.

Long free texts a participant typed (a next step, say) are shortened on a slide; names
are shown whole.
"""

import textwrap

from pptx.enum.chart import XL_CHART_TYPE
from pptx.slide import Slide
from pptx.util import Emu, Inches

from canvas.content.catalogue import catalogue
from canvas.content.loyalty_check import loyalty_content
from canvas.content.shura import shura_content
from canvas.content.touchpoints import touchpoint_content
from canvas.content.twelve_rules import twelve_rules as rules_content
from canvas.domain import RelationshipType, WorkshopView
from canvas.domain.loyalty_check import (
    PATH,
    CheckKind,
    Condition,
    answered_scopes,
    path_average,
    path_ratings,
    ratings,
    weakest_point,
)
from canvas.domain.nps import BENCHMARKS, NpsCategory, categorize
from canvas.domain.shura import Audience, ShuraStage, answered, weak_spots
from canvas.domain.touchpoint import RATINGS, fix_first, rating_counts
from canvas.domain.twelve_rules import ClevelandRule, priorities, rule_scores
from canvas.export.pptx.charts import Box, Series, chart, heat_table
from canvas.export.pptx.look import (
    ACCENT,
    BODY_HEIGHT,
    BODY_TOP,
    BODY_WIDTH,
    MARGIN,
    MUTED,
    Line,
    points_needed,
    text_box,
)
from canvas.export.pptx.writer import DeckFile, empty
from canvas.i18n import money, number, signed, t
from canvas.presenters.canvas_layout import RATING_COLOURS
from canvas.presenters.deck import Slide as DeckSlide
from canvas.presenters.loyalty_check import scope_name
from canvas.presenters.shura import EMPTY_FILL, RATING_FILLS, cell_label, rating_text

CHART = Box(MARGIN, BODY_TOP, Inches(7.6), BODY_HEIGHT)
SIDE = Box(MARGIN + Inches(7.8), BODY_TOP, BODY_WIDTH - Inches(7.8), BODY_HEIGHT)
SIDE_SIZES = [20, 18, 16, 14, 12]
EXPECTED, ESTABLISHED = "#92C5DE", "#B8860B"
NPS_COLOURS = {
    NpsCategory.DETRACTOR: "#D55E00",
    NpsCategory.PASSIVE: "#E69F00",
    NpsCategory.PROMOTER: "#009E73",
}
ALL_CUSTOMERS, TRUST = "#333333", "#D55E00"
STEP_CHARS = 140  # a typed next step, shortened on a slide
PATH_LINES = 5  # scopes drawn on the path chart: more lines are a tangle


def _side(slide: Slide, lines: list[Line], box: Box = SIDE) -> None:
    """Text beside a chart, at the largest size that fits (headings 2 pt larger)."""
    room = Emu(box.height).pt - 7.2  # less the frame's insets
    for size in SIDE_SIZES:
        sized = [
            Line(line.text, size + (2 if line.bold else 0), line.bold, line.colour, line.bullet)
            for line in lines
        ]
        if points_needed(sized, box.width) <= room:
            break
    text_box(slide, box.left, box.top, box.width, box.height, sized)


def _short(text: str) -> str:
    return textwrap.shorten(" ".join(text.split()), STEP_CHARS, placeholder=" …")


def gap(out: DeckFile, view: WorkshopView, slide: DeckSlide) -> None:
    """Expected against established, type by type, for one segment."""
    segment_view = view.segment(slide.segment_id) if slide.segment_id is not None else None
    if segment_view is None:
        return
    lang, cat = out.lang, catalogue()
    drawn = out.slide(t("deck_file.gap.title", lang, segment=segment_view.segment.name))
    kinds = list(RelationshipType)
    answers = [segment_view.answer(kind) for kind in kinds]
    chart(
        drawn,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        CHART,
        [cat.type(kind).name(lang) for kind in kinds],
        [
            Series(t("present.expected", lang), [a.expected for a in answers], EXPECTED),
            Series(t("present.established", lang), [a.established for a in answers], ESTABLISHED),
        ],
        name="Gap chart",
        scale=(0, 3),
        step=1,
    )
    short = sorted((a.gap, i) for i, a in enumerate(answers) if a.gap > 0)[::-1]
    over = [i for i, a in enumerate(answers) if a.gap < 0]

    def named(index: int, value: int) -> str:
        return f"{cat.type(kinds[index]).name(lang)} ({value:+d})"

    lines = [Line(t("present.gap", lang), bold=True, colour=ACCENT)]
    if short:
        types = "; ".join(named(i, g) for g, i in short)
        lines.append(Line(t("deck_file.gap.widest", lang, types=types)))
    else:
        lines.append(Line(t("deck_file.gap.none", lang)))
    if over:
        types = "; ".join(named(i, answers[i].gap) for i in over)
        lines.append(Line(t("deck_file.gap.over", lang, types=types), colour=MUTED))
    _side(drawn, lines)


def shura(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    """The stage × audience matrix as a table of coloured cells, and the weakest cells."""
    lang, content = out.lang, shura_content()
    heading = t("shura.report.title", lang)
    if not answered(view.frameworks):
        empty(out, heading, t("deck_file.empty.shura", lang))
        return
    drawn = out.slide(heading)
    audiences = list(Audience)
    rows, fills = [], []
    for position, stage in enumerate(ShuraStage, start=1):
        row = [f"{position}. {content.stage(stage).name(lang)}"]
        fill: list[str | None] = [None]
        for audience in audiences:
            cell = view.frameworks.cell(stage, audience)[0]
            row.append(rating_text(cell.rating, lang))
            fill.append(EMPTY_FILL if cell.rating is None else RATING_FILLS[cell.rating])
        rows.append(row)
        fills.append(fill)
    header = [t("field.stage", lang), *(content.audience(a).name(lang) for a in audiences)]
    box = Box(CHART.left, CHART.top, CHART.width, Inches(4.2))
    heat_table(
        drawn, box, header, rows, fills, name="SHURA heat table", size=18, widths=[2.2, 1.4, 1.4]
    )
    lines = [Line(t("shura.report.weakest", lang), bold=True, colour=ACCENT)]
    for stage, audience in weak_spots(view.frameworks):
        cell = view.frameworks.cell(stage, audience)[0]
        text = f"{cell_label(stage, audience, lang)}: {rating_text(cell.rating, lang)}"
        lines.append(Line(text, bullet="•"))
        if cell.next_step:
            step = t("shura.report.next_step", lang, step=_short(cell.next_step))
            lines.append(Line(step, colour=MUTED))
    _side(drawn, lines)


def twelve_rules(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    """The twelve scores as a radar, and the three weakest rules with what to do."""
    lang, content = out.lang, rules_content()
    heading = t("page.twelve_rules", lang)
    scores = rule_scores(view.frameworks)
    if all(score is None for score in scores.values()):
        empty(out, heading, t("deck_file.empty.twelve_rules", lang))
        return
    drawn = out.slide(heading)
    rules = list(ClevelandRule)
    chart(
        drawn,
        XL_CHART_TYPE.RADAR_MARKERS,
        CHART,
        [content.numbered(rule, lang) for rule in rules],
        [Series(t("field.score", lang), [scores[rule] for rule in rules], ACCENT)],
        name="Twelve rules radar",
        scale=(0, 5),
        step=1,
        legend=False,
    )
    lines = [Line(t("rules.priorities", lang), bold=True, colour=ACCENT)]
    for rule in priorities(scores):
        score = t("rules.score_of", lang, score=scores[rule])
        lines.append(Line(f"{content.numbered(rule, lang)}: {score}", bullet="•"))
        lines.append(Line(content.rule(rule).next_step(lang), colour=MUTED))
    _side(drawn, lines)


def nps(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    """The score and its interval, the benchmarks, and how the answers spread 0 to 10."""
    lang, survey = out.lang, view.nps
    heading = t("page.nps", lang)
    counts = survey.counts(overall=True)
    score, interval = counts.score(), counts.interval()
    if score is None or interval is None:
        empty(out, heading, t("deck_file.empty.nps", lang))
        return
    drawn = out.slide(heading)
    if survey.answered:
        dist = [sum(column) for column in zip(*survey.by_segment.values(), strict=True)]
        categories = [str(value) for value in range(11)]
        colours = [NPS_COLOURS[categorize(value)] for value in range(11)]
    else:  # only typed-in counts: no single scores to spread
        dist = [counts.detractors, counts.passives, counts.promoters]
        categories = [t(f"report_nps.category.{c.value}", lang) for c in NPS_COLOURS]
        colours = list(NPS_COLOURS.values())
    chart(
        drawn,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        CHART,
        categories,
        [Series(t("report_nps.answers", lang), dist, colours[0], points=colours)],
        name="NPS distribution",
        legend=False,
        labels=True,
    )
    low, high = interval
    score_box = Box(SIDE.left, SIDE.top, SIDE.width, Inches(1.2))
    shown = t("deck_file.nps.score", lang, score=number(score, lang, 1))
    text_box(drawn, *_at(score_box), [Line(shown, 48, bold=True, colour=ACCENT)])
    lines = [
        Line(
            t(
                "deck_file.nps.interval",
                lang,
                low=number(low, lang, 1),
                high=number(high, lang, 1),
                n=number(counts.n, lang),
            )
        ),
        Line(t("report_nps.benchmarks_title", lang), bold=True, colour=ACCENT),
    ]
    for name, value in BENCHMARKS.items():
        difference = signed(score - value, lang, 1)
        text = t(
            "deck_file.nps.benchmark",
            lang,
            name=name,
            value=number(value, lang),
            difference=difference,
        )
        lines.append(Line(text, bullet="•"))
    rest = Box(SIDE.left, SIDE.top + Inches(1.3), SIDE.width, SIDE.height - Inches(1.3))
    _side(drawn, lines, rest)


def _at(box: Box) -> tuple[int, int, int, int]:
    return box.left, box.top, box.width, box.height


def touchpoints(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    """Mann's four categories against the ratings, and the awful ones to fix first."""
    lang, content = out.lang, touchpoint_content()
    heading = t("page.touchpoints", lang)
    if not view.touchpoints:
        empty(out, heading, t("deck_file.empty.touchpoints", lang))
        return
    drawn = out.slide(heading)
    counts = rating_counts(view.touchpoints)
    categories = list(counts)
    most = max(max(row.values()) for row in counts.values())
    chart(
        drawn,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        CHART,
        [content.category(category).name(lang) for category in categories],
        [
            Series(
                content.rating_name(rating, lang),
                [counts[category][rating] for category in categories],
                RATING_COLOURS[rating],
            )
            for rating in RATINGS
        ],
        name="Touchpoints chart",
        step=max(1, -(-most // 6)),  # whole counts on the axis, six gridlines at most
    )
    lines = [Line(t("report_touchpoints.fix_first_title", lang), bold=True, colour=ACCENT)]
    ranked = fix_first(view.touchpoints, [s.segment for s in view.segments])
    if not ranked:
        lines.append(Line(t("report_touchpoints.no_awful", lang), colour=MUTED))
    for point, revenue in ranked[:5]:
        segment_view = view.segment(point.segment_id) if point.segment_id is not None else None
        segment = (
            segment_view.segment.name
            if segment_view is not None
            else t("report_touchpoints.all_segments", lang)
        )
        amount = money(revenue, view.workshop.currency, lang)
        text = t("deck_file.fix_first.item", lang, name=point.name, segment=segment, revenue=amount)
        lines.append(Line(text, bullet="•"))
    if len(ranked) > 5:
        lines.append(Line(t("canvas.item.more", lang, n=len(ranked) - 5), colour=MUTED))
    _side(drawn, lines)


def loyalty_check(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    """The customer's path per scope as lines, and the five conditions as bars."""
    lang, content = out.lang, loyalty_content()
    heading = t("page.loyalty_check", lang)
    scopes = [s for s in answered_scopes(view) if path_average(view, s) is not None]
    rated_conditions = any(
        rating is not None
        for s in answered_scopes(view)
        for rating in ratings(view, s, CheckKind.CONDITION).values()
    )
    if not scopes and not rated_conditions:
        empty(out, heading, t("deck_file.empty.loyalty_check", lang))
        return
    drawn = out.slide(heading)
    path_box = Box(CHART.left, CHART.top, CHART.width, CHART.height - Inches(0.8))
    names = [
        f"{n}. {content.entry(kind, key).name(lang)}"
        if kind is CheckKind.ELEMENT
        else content.entry(kind, key).name(lang)
        for n, (kind, key) in enumerate(PATH, start=1)
    ]
    series = []
    for scope in scopes[:PATH_LINES]:
        segment_view = view.segment(scope) if scope is not None else None
        colour = segment_view.segment.colour if segment_view is not None else ALL_CUSTOMERS
        values = list(path_ratings(view, scope).values())
        series.append(Series(scope_name(view, scope, lang), values, colour))
    if series:
        chart(
            drawn,
            XL_CHART_TYPE.LINE_MARKERS,
            path_box,
            names,
            series,
            name="Loyalty path chart",
            scale=(0, 5),
            step=1,
        )
        weakest = weakest_point(view, scopes[0])
        average = path_average(view, scopes[0])
        if weakest is not None and average is not None:
            point = content.entry(*weakest).name(lang)
            summary = t(
                "loyalty_check.summary", lang, average=number(average, lang, 1), point=point
            )
            below = Box(CHART.left, CHART.top + path_box.height, CHART.width, Inches(0.8))
            text_box(drawn, *_at(below), [Line(summary, 14, colour=MUTED)])
    scope = None if None in answered_scopes(view) else answered_scopes(view)[0]
    given = ratings(view, scope, CheckKind.CONDITION)
    conditions = list(Condition)
    colours = [TRUST if c is Condition.TRUST else ACCENT for c in conditions]
    title_box = Box(SIDE.left, SIDE.top, SIDE.width, Inches(0.7))
    conditions_title = t(
        "loyalty_check.chart.conditions.title", lang, scope=scope_name(view, scope, lang)
    )
    text_box(drawn, *_at(title_box), [Line(conditions_title, 16, bold=True, colour=ACCENT)])
    chart(
        drawn,
        XL_CHART_TYPE.BAR_CLUSTERED,
        Box(SIDE.left, SIDE.top + Inches(0.7), SIDE.width, SIDE.height - Inches(0.7)),
        [content.entry(CheckKind.CONDITION, c).name(lang) for c in conditions],
        [
            Series(
                t("field.rating", lang),
                [given[c.value] for c in conditions],
                ACCENT,
                points=colours,
            )
        ],
        name="Loyalty conditions chart",
        scale=(0, 5),
        step=1,
        legend=False,
    )
