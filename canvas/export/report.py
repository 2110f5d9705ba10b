"""The summary report as a format-neutral list of sections made of simple blocks.

``build_report`` asks every section builder in ``SECTION_BUILDERS`` for its section and
keeps those that have data. The PDF, HTML and Markdown writers only know how to draw
blocks, so a new framework (SHURA, the twelve rules, NPS…) is one more builder here and
needs no change in any writer.
"""

from collections.abc import Callable
from datetime import date

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, IntegrationBlock, Language, RelationshipType
from canvas.domain.recommendations import recommendations
from canvas.domain.workshop_view import SegmentView, WorkshopView
from canvas.export.blocks import (
    Block,
    Bullets,
    Callout,
    Canvas,
    Paragraph,
    Report,
    Section,
    Table,
)
from canvas.export.sections_loyalty_check import loyalty_sections
from canvas.export.sections_nps import nps_sections
from canvas.export.sections_shura import shura_sections
from canvas.export.sections_sources import sources_section
from canvas.export.sections_touchpoints import touchpoint_sections
from canvas.export.sections_twelve_rules import rules_sections
from canvas.i18n import LANGUAGE_NAMES, day, money, signed, t
from canvas.presenters.canvas_layout import canvas_items
from canvas.presenters.recommendations import describe
from canvas.presenters.tables import (
    DASH,
    comment_about,
    economics_rows,
    ltv_basis_note,
    progress_rows,
    segment_rows,
)

SectionBuilder = Callable[[WorkshopView, Language], list[Section]]

# ------------------------------------------------------------------ sections

GAP_FILLS = {
    -3: "#92C5DE",
    -2: "#BBD9EA",
    -1: "#DEEBF4",
    0: "#F7F7F7",
    1: "#FBE0D3",
    2: "#F4B59A",
    3: "#E58267",
}


def _canvas(view: WorkshopView, lang: Language) -> list[Section]:
    cat = catalogue()
    drawing = Canvas(
        names={block: cat.block(block).name(lang) for block in CanvasBlock},
        items=canvas_items(view, lang),
    )
    blocks: list[Block] = [drawing, Paragraph(cat.credit(lang), tone="muted")]
    return [Section("canvas", t("page.canvas", lang), blocks, new_page=True)]


def _comments(view: WorkshopView, lang: Language) -> list[Section]:
    """The trainer's comments in a course: on the whole workshop first, then in their order."""
    if not view.comments:
        return []
    ordered = sorted(view.comments, key=lambda c: c.block is not None or c.segment_id is not None)
    table = Table(
        header=[t("report.comment_about", lang), t("report.comment_text", lang)],
        rows=[[comment_about(view, c, lang), c.text] for c in ordered],
        widths=[1, 3],
    )
    return [Section("comments", t("report.comments", lang), [table])]


def _rows_table(rows: list[dict[str, str]], view: WorkshopView) -> Table:
    """One row per segment (``canvas.presenters.tables``), marked in segment colours."""
    return Table(
        header=list(rows[0]),
        rows=[list(row.values()) for row in rows],
        marks=[segment_view.segment.colour for segment_view in view.segments],
    )


def _segments(view: WorkshopView, lang: Language) -> list[Section]:
    rows = segment_rows(view, lang)
    if not rows:
        return []
    table = _rows_table(rows, view)
    return [Section("segments", t("page.segments", lang), [table], new_page=True)]


def _ties(segment_view: SegmentView, kind: RelationshipType, lang: Language) -> str:
    cat = catalogue()
    notes = segment_view.answer(kind).integration
    return "; ".join(
        f"{cat.block(b).name(lang)}: {notes[b]}" for b in IntegrationBlock if b in notes
    )


def segment_table(segment_view: SegmentView, currency: str, lang: Language) -> Table:
    """The six types for one segment: levels, gap, motives, cost and ties."""
    cat = catalogue()
    rows, fills = [], []
    for kind in RelationshipType:
        answer = segment_view.answer(kind)
        motives = ", ".join(cat.motive(m).name(lang) for m in sorted(answer.motives))
        cost = DASH if answer.yearly_cost is None else money(answer.yearly_cost, currency, lang)
        rows.append(
            [
                cat.type(kind).name(lang),
                str(answer.expected),
                str(answer.established),
                signed(answer.gap, lang),
                motives or DASH,
                cost,
                _ties(segment_view, kind, lang) or DASH,
            ]
        )
        fills.append([None, None, None, GAP_FILLS[answer.gap], None, None, None])
    header = [
        t("field.type", lang),
        t("report.expected", lang),
        t("report.established", lang),
        t("report.gap", lang),
        t("field.motives", lang),
        t("field.yearly_cost", lang),
        t("field.integration", lang),
    ]
    return Table(header, rows, fills=fills, widths=[3, 1.3, 1.3, 1, 2.4, 2, 6])


def _per_segment(view: WorkshopView, lang: Language) -> list[Section]:
    currency = view.workshop.currency
    sections = []
    for index, segment_view in enumerate(view.segments):
        blocks: list[Block] = []
        if segment_view.segment.description:
            blocks.append(Paragraph(segment_view.segment.description, tone="muted"))
        blocks.append(segment_table(segment_view, currency, lang))
        title = t("report.segment_title", lang, name=segment_view.segment.name)
        # The first follows the segments table when it fits below it: on a page of its
        # own it left that table's page four-fifths blank.
        sections.append(Section(f"segment-{index + 1}", title, blocks))
    return sections


def _matrix(view: WorkshopView, lang: Language) -> list[Section]:
    if not view.segments:
        return []
    cat = catalogue()
    kinds = list(RelationshipType)
    rows, fills = [], []
    for segment_view in view.segments:
        answers = [segment_view.answer(kind) for kind in kinds]
        rows.append(
            [segment_view.segment.name, *(f"{a.expected} → {a.established}" for a in answers)]
        )
        fills.append([None, *(GAP_FILLS[a.gap] for a in answers)])
    table = Table(
        header=[t("field.segment", lang), *(cat.type(k).name(lang) for k in kinds)],
        rows=rows,
        fills=fills,
        widths=[2.4, *[1.6] * len(kinds)],
        marks=[segment_view.segment.colour for segment_view in view.segments],
    )
    blocks: list[Block] = [table, Paragraph(t("analysis.gap_help", lang), tone="muted")]
    return [Section("matrix", t("chart.gap.title", lang), blocks, new_page=True)]


def _economics(view: WorkshopView, lang: Language) -> list[Section]:
    rows = economics_rows(view, lang)
    if not rows:
        return []
    table = _rows_table(rows, view)
    formulas = [line.removeprefix("- ") for line in t("analysis.formulas_text", lang).split("\n")]
    blocks: list[Block] = [table]
    if note := ltv_basis_note(view, lang):
        blocks.append(Paragraph(note, tone="muted"))
    blocks.append(Bullets([f.replace("**", "") for f in formulas]))
    return [Section("economics", t("analysis.economics", lang), blocks)]


def _recommendations(view: WorkshopView, lang: Language) -> list[Section]:
    found = recommendations(view)
    if not found:
        return []
    callouts: list[Block] = []
    for rec in found:
        text = describe(rec, view, lang)
        note = f"{t('analysis.trigger', lang)}: {text['trigger']}"
        callouts.append(Callout(text["title"], text["advice"], note, tone=rec.severity))
    return [Section("recommendations", t("analysis.recommendations", lang), callouts)]


def _progress(view: WorkshopView, lang: Language) -> list[Section]:
    rows = progress_rows(view, lang)
    if not rows:
        return []
    table = _rows_table(rows, view)
    return [Section("progress", t("analysis.progress", lang), [table])]


SECTION_BUILDERS: list[SectionBuilder] = [
    _canvas,
    _comments,
    _recommendations,
    _matrix,
    _economics,
    _progress,
    _segments,
    _per_segment,
    shura_sections,
    rules_sections,
    loyalty_sections,
    nps_sections,
    touchpoint_sections,
]


def build_report(
    view: WorkshopView,
    lang: Language | str | None = None,
    *,
    today: date | None = None,
    with_sources: bool = True,
) -> Report:
    """The report in ``lang`` (the workshop's own language by default), closing with the
    sources; the course report asks for it ``with_sources=False`` and adds them once."""
    lang = Language(lang or view.workshop.language)
    workshop = view.workshop
    created = today or date.today()
    facts = [
        (t("field.company", lang), workshop.company or DASH),
        (t("report.date", lang), day(created, lang, "long")),
        (t("field.language", lang), LANGUAGE_NAMES[Language(workshop.language)]),
        (t("field.currency", lang), workshop.currency),
        (t("field.segments", lang), str(len(view.segments))),
    ]
    return Report(
        lang=lang,
        title=workshop.title,
        company=workshop.company,
        created=created,
        facts=facts,
        footer=t("report.footer", lang, title=workshop.title),
        credit=catalogue().credit(lang),
        sections=[
            *(s for build in SECTION_BUILDERS for s in build(view, lang)),
            *([sources_section(lang)] if with_sources else []),
        ],
    )
