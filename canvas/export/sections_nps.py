"""The loyalty index (NPS) in the report: scores, benchmarks, distribution, trend, answers.

One section, only when the survey has answers or typed-in counts. Built only from the
report's generic blocks, so every writer draws it unchanged.
"""

from datetime import date

from babel.dates import format_date

from canvas.domain import Language, WorkshopView
from canvas.domain.nps import (
    BENCHMARKS,
    FEW_ANSWERS,
    NpsCategory,
    NpsComment,
    NpsCounts,
    categorize,
)
from canvas.domain.shares import percent_shares
from canvas.export.blocks import Block, Paragraph, Section, Table
from canvas.i18n import LOCALES, day, number, percent, signed, t
from canvas.presenters.tables import DASH

# Red for detractors, yellow for passives, green for promoters, as light as the other
# report fills so black text stays readable on them.
CATEGORY_FILLS: dict[NpsCategory, str] = {
    NpsCategory.DETRACTOR: "#F4B59A",
    NpsCategory.PASSIVE: "#FBE6A2",
    NpsCategory.PROMOTER: "#B5DFA8",
}
SCORE_RANGES: dict[NpsCategory, str] = {
    NpsCategory.DETRACTOR: "0–6",
    NpsCategory.PASSIVE: "7–8",
    NpsCategory.PROMOTER: "9–10",
}
# Critics first: what they say is what to fix.
COMMENT_ORDER = (NpsCategory.DETRACTOR, NpsCategory.PASSIVE, NpsCategory.PROMOTER)
NO_MARK = "#FFFFFF"  # the swatch of a row that is not one segment


def _figures(counts: NpsCounts, lang: Language) -> list[str]:
    """Answers, % promoters, % passives, % detractors, NPS and the 95 % interval."""
    score, interval = counts.score(), counts.interval()
    if score is None or interval is None:
        return [number(0, lang), DASH, DASH, DASH, DASH, DASH]
    low, high = interval
    # the three shares are parts of one whole: rounded so they add up to 100 %
    shares = percent_shares([counts.promoters, counts.passives, counts.detractors], 1)
    return [
        number(counts.n, lang),
        *(percent(share, lang, 1) for share in shares),
        number(score, lang, 1),
        t("report_nps.interval_value", lang, low=number(low, lang, 1), high=number(high, lang, 1)),
    ]


def _notes(counts: NpsCounts, typed: bool, lang: Language) -> str:
    notes = []
    if counts.wide:
        notes.append(t("report_nps.wide", lang, limit=FEW_ANSWERS))
    if typed:
        notes.append(t("report_nps.typed", lang))
    return "; ".join(notes) or DASH


def _figure_header(first: str, lang: Language) -> list[str]:
    return [
        first,
        t("report_nps.answers", lang),
        t("report_nps.category.promoter", lang),
        t("report_nps.category.passive", lang),
        t("report_nps.category.detractor", lang),
        "NPS",
        t("report_nps.interval", lang),
        t("report_nps.note", lang),
    ]


FIGURE_WIDTHS = [2.6, 1.2, 1.4, 1.4, 1.4, 1, 2, 2.6]


def _scores(view: WorkshopView, lang: Language) -> list[Block]:
    """Overall, then each segment with answers, then answers without a segment."""
    survey = view.nps
    rows: list[list[str]] = []
    marks: list[str] = []

    def add(name: str, counts: NpsCounts, typed: bool, mark: str) -> None:
        rows.append([name, *_figures(counts, lang), _notes(counts, typed, lang)])
        marks.append(mark)

    overall = survey.counts(overall=True)
    typed_any = any(counts.n for counts in survey.typed.values())
    add(t("report_nps.overall", lang), overall, typed_any, NO_MARK)
    for segment_view in view.segments:
        counts = survey.counts(segment_view.segment.id)
        if counts.n:
            typed = bool(survey.typed.get(segment_view.segment.id, NpsCounts()).n)
            add(segment_view.segment.name, counts, typed, segment_view.segment.colour)
    unassigned = survey.counts(None)
    if unassigned.n:
        typed = bool(survey.typed.get(None, NpsCounts()).n)
        add(t("report_nps.no_segment", lang), unassigned, typed, NO_MARK)
    header = _figure_header(t("field.segment", lang), lang)
    table = Table(header, rows, widths=FIGURE_WIDTHS, marks=marks)
    return [
        Paragraph(t("report_nps.scores_title", lang), tone="lead"),
        table,
        Paragraph(t("report_nps.interval_help", lang, limit=FEW_ANSWERS), tone="muted"),
    ]


def _benchmarks(view: WorkshopView, lang: Language) -> list[Block]:
    ours = view.nps.counts(overall=True).score()
    if ours is None:
        return []
    rows = [[t("report_nps.ours", lang), number(ours, lang, 1), DASH]]
    rows += [
        [name, number(value, lang), signed(ours - value, lang, 1)]
        for name, value in BENCHMARKS.items()
    ]
    header = [t("report_nps.company", lang), "NPS", t("report_nps.difference", lang)]
    return [
        Paragraph(t("report_nps.benchmarks_title", lang), tone="lead"),
        Table(header, rows, widths=[3, 1.2, 2.4]),
        Paragraph(t("report_nps.benchmarks_note", lang), tone="muted"),
    ]


def _distribution(view: WorkshopView, lang: Language) -> list[Block]:
    """How many single answers gave each score, overall and per segment."""
    survey = view.nps
    if not survey.answered:
        return []
    overall = [sum(column) for column in zip(*survey.by_segment.values(), strict=True)]
    named = [(t("report_nps.overall", lang), overall, NO_MARK)]
    for segment_view in view.segments:
        dist = survey.by_segment.get(segment_view.segment.id)
        if dist and sum(dist):
            named.append((segment_view.segment.name, dist, segment_view.segment.colour))
    if sum(survey.by_segment.get(None, [])):
        named.append((t("report_nps.no_segment", lang), survey.by_segment[None], NO_MARK))
    fill_row = [None, *(CATEGORY_FILLS[categorize(score)] for score in range(11))]
    table = Table(
        header=[t("field.segment", lang), *(str(score) for score in range(11))],
        rows=[[name, *(number(count, lang) for count in dist)] for name, dist, _ in named],
        fills=[list(fill_row) for _ in named],
        widths=[2.6, *[0.8] * 11],
        marks=[mark for _, _, mark in named],
    )
    blocks: list[Block] = [
        Paragraph(t("report_nps.distribution_title", lang), tone="lead"),
        table,
        Paragraph(t("report_nps.distribution_legend", lang), tone="muted"),
    ]
    if any(counts.n for counts in survey.typed.values()):
        blocks.append(Paragraph(t("report_nps.distribution_typed", lang), tone="muted"))
    return blocks


def _month(key: str, lang: Language) -> str:
    """ "2026-03" as "March 2026" / "март 2026"."""
    try:
        year, month = (int(part) for part in key.split("-"))
        name = format_date(date(year, month, 1), "LLLL y", locale=LOCALES[lang])
    except ValueError:
        return key
    return name[:1].upper() + name[1:]


def _trend(view: WorkshopView, lang: Language) -> list[Block]:
    months = view.nps.month_counts()
    if not months:
        return []
    rows = [
        [_month(key, lang), *_figures(counts, lang), _notes(counts, False, lang)]
        for key, counts in months.items()
    ]
    table = Table(_figure_header(t("report_nps.month", lang), lang), rows, widths=FIGURE_WIDTHS)
    return [
        Paragraph(t("report_nps.trend_title", lang), tone="lead"),
        table,
        Paragraph(t("report_nps.trend_note", lang), tone="muted"),
    ]


def _comment_row(comment: NpsComment, view: WorkshopView, lang: Language) -> list[str]:
    segment_view = view.segment(comment.segment_id) if comment.segment_id is not None else None
    return [
        str(comment.score),
        segment_view.segment.name if segment_view is not None else t("report_nps.no_segment", lang),
        day(comment.answered_on, lang, "short") if comment.answered_on else DASH,
        comment.why or DASH,
        comment.make_it_ten or DASH,
    ]


def _comments(view: WorkshopView, lang: Language) -> list[Block]:
    """The kept answers with text, grouped by category, with how many there are in all."""
    survey = view.nps
    if not survey.comments:
        return []
    blocks: list[Block] = [
        Paragraph(t("report_nps.comments_title", lang), tone="lead"),
        Paragraph(t("report_nps.comments_note", lang), tone="muted"),
    ]
    header = [
        t("field.score", lang),
        t("field.segment", lang),
        t("report.date", lang),
        t("field.why", lang),
        t("field.make_it_ten", lang),
    ]
    for category in COMMENT_ORDER:
        comments = survey.comments_in(category)
        if not comments:
            continue
        total = max(survey.comment_totals.get(category, 0), len(comments))
        heading = t(
            "report_nps.comments_group",
            lang,
            category=t(f"report_nps.category.{category.value}", lang),
            scores=SCORE_RANGES[category],
            shown=number(len(comments), lang),
            total=number(total, lang),
        )
        rows = [_comment_row(comment, view, lang) for comment in comments]
        fills: list[list[str | None]] = [
            [CATEGORY_FILLS[category], None, None, None, None] for _ in rows
        ]
        blocks.append(Paragraph(heading, tone="lead"))
        blocks.append(Table(header, rows, fills=fills, widths=[0.9, 2, 1.6, 5, 5]))
    return blocks


def nps_sections(view: WorkshopView, lang: Language) -> list[Section]:
    """The NPS section, or none while the survey has neither answers nor typed counts."""
    if not view.nps.counts(overall=True).n:
        return []
    blocks: list[Block] = [
        Paragraph(t("report_nps.intro", lang), tone="muted"),
        *_scores(view, lang),
        *_benchmarks(view, lang),
        *_distribution(view, lang),
        *_trend(view, lang),
        *_comments(view, lang),
    ]
    return [Section("nps", t("page.nps", lang), blocks, new_page=True)]
