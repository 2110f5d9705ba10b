"""The touchpoint inventory in the report: every touchpoint by category, how they rate,
and the awful ones to fix first with the revenue they put at risk.

One section, only when the inventory has entries. Built only from the report's generic
blocks, so every writer draws it unchanged.
"""

from canvas.content.catalogue import catalogue
from canvas.domain import Language, WorkshopView
from canvas.domain.touchpoint import (
    Touchpoint,
    TouchpointCategory,
    TouchpointRating,
    fix_first,
    rating_counts,
)
from canvas.export.blocks import Block, Paragraph, Section, Table
from canvas.i18n import money, number, t
from canvas.presenters.tables import DASH

# Awful red, OK neutral grey, wow green: light enough for black text.
RATING_FILLS: dict[TouchpointRating, str] = {
    TouchpointRating.AWFUL: "#E58267",
    TouchpointRating.OK: "#D9D9D9",
    TouchpointRating.WOW: "#8FCB7B",
}
NOT_RATED_FILL = "#D9D9D9"
NO_MARK = "#FFFFFF"  # the swatch of a touchpoint that touches every segment
LIGHTEST = 0.25  # the share of a heatmap colour a count of one gets at least


def _shade(colour: str, strength: float) -> str:
    """``colour`` mixed with white: ``strength`` 1 is the colour itself, 0 white."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 + (c - 255) * strength):02X}" for c in channels)


def _rating(rating: TouchpointRating | None, lang: Language) -> str:
    if rating is None:
        return t("report_touchpoints.not_rated", lang)
    return t(f"report_touchpoints.rating.{rating.value}", lang)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _category(category: TouchpointCategory, lang: Language) -> str:
    return t(f"report_touchpoints.category.{category.value}", lang)


def _segment(point: Touchpoint, view: WorkshopView, lang: Language) -> tuple[str, str]:
    """The segment's name and colour, or "all segments"."""
    segment_view = view.segment(point.segment_id) if point.segment_id is not None else None
    if segment_view is None:
        return t("report_touchpoints.all_segments", lang), NO_MARK
    return segment_view.segment.name, segment_view.segment.colour


def _inventory(view: WorkshopView, lang: Language) -> list[Block]:
    """One table per category, in the inventory's order."""
    cat = catalogue()
    header = [
        t("field.name", lang),
        t("field.segment", lang),
        t("field.type", lang),
        t("field.rating", lang),
        t("field.idea", lang),
        t("field.owner", lang),
    ]
    blocks: list[Block] = []
    for category in TouchpointCategory:
        points = [p for p in view.touchpoints if p.category is category]
        if not points:
            continue
        rows, fills, marks = [], [], []
        for point in points:
            segment, mark = _segment(point, view, lang)
            kind = point.relationship_type
            rows.append(
                [
                    point.name,
                    segment,
                    cat.type(kind).name(lang) if kind is not None else DASH,
                    _rating(point.rating, lang),
                    point.idea or DASH,
                    point.owner or DASH,
                ]
            )
            fill = RATING_FILLS[point.rating] if point.rating is not None else None
            fills.append([None, None, None, fill, None, None])
            marks.append(mark)
        title = t(f"report_touchpoints.heading.{category.value}", lang, n=number(len(points), lang))
        blocks.append(Paragraph(title, tone="lead"))
        blocks.append(
            Table(header, rows, fills=fills, widths=[3, 2.2, 2.4, 1.3, 4.5, 1.8], marks=marks)
        )
    return blocks


def _heatmap(view: WorkshopView, lang: Language) -> list[Block]:
    """Category × rating counts, each rating's colour deeper the more touchpoints it has."""
    counts = rating_counts(view.touchpoints)
    ratings: list[TouchpointRating | None] = [*TouchpointRating, None]
    most = max(max(row.values()) for row in counts.values())
    rows: list[list[str]] = []
    fills: list[list[str | None]] = []
    for category in TouchpointCategory:
        row = counts[category]
        rows.append(
            [
                _category(category, lang),
                *(number(row[r], lang) for r in ratings),
                number(sum(row.values()), lang),
            ]
        )
        shades: list[str | None] = [None]
        for rating in ratings:
            base = RATING_FILLS[rating] if rating is not None else NOT_RATED_FILL
            strength = LIGHTEST + (1 - LIGHTEST) * row[rating] / max(most, 1)
            shades.append(_shade(base, strength) if row[rating] else None)
        fills.append([*shades, None])
    header = [
        t("field.category", lang),
        *(_capital(_rating(r, lang)) for r in ratings),
        t("report_touchpoints.total", lang),
    ]
    return [
        Paragraph(t("report_touchpoints.heatmap_title", lang), tone="lead"),
        Table(header, rows, fills=fills, widths=[3.4, 1.3, 1.3, 1.3, 1.3, 1.3]),
    ]


def _fix_first(view: WorkshopView, lang: Language) -> list[Block]:
    """The awful touchpoints, the most revenue at stake first."""
    heading = Paragraph(t("report_touchpoints.fix_first_title", lang), tone="lead")
    ranked = fix_first(view.touchpoints, [segment_view.segment for segment_view in view.segments])
    if not ranked:
        return [heading, Paragraph(t("report_touchpoints.no_awful", lang), tone="muted")]
    currency = view.workshop.currency
    rows, marks = [], []
    for position, (point, revenue) in enumerate(ranked, start=1):
        segment, mark = _segment(point, view, lang)
        rows.append(
            [
                str(position),
                point.name,
                _category(point.category, lang),
                segment,
                money(revenue, currency, lang),
                point.idea or DASH,
                point.owner or DASH,
            ]
        )
        marks.append(mark)
    header = [
        "#",
        t("field.name", lang),
        t("field.category", lang),
        t("field.segment", lang),
        t("report_touchpoints.revenue", lang),
        t("field.idea", lang),
        t("field.owner", lang),
    ]
    table = Table(header, rows, widths=[0.6, 2.6, 2.2, 2, 1.9, 4, 1.7], marks=marks)
    note = Paragraph(t("report_touchpoints.fix_first_note", lang), tone="muted")
    return [heading, table, note]


def touchpoint_sections(view: WorkshopView, lang: Language) -> list[Section]:
    """The touchpoints section, or none while the inventory is empty."""
    if not view.touchpoints:
        return []
    blocks: list[Block] = [
        Paragraph(t("report_touchpoints.intro", lang), tone="muted"),
        *_heatmap(view, lang),
        *_fix_first(view, lang),
        *_inventory(view, lang),
    ]
    return [Section("touchpoints", t("page.touchpoints", lang), blocks, new_page=True)]
