"""The crisis loyalty check in the report: one section per scope that has answers.

Built only from the report's generic blocks, so every writer draws it unchanged.
"""

from canvas.content.loyalty_check import loyalty_content
from canvas.domain import Language, WorkshopView
from canvas.domain.loyalty_check import (
    KEYS,
    CheckKind,
    Condition,
    Scope,
    answered_scopes,
    path_average,
    weakest_point,
)
from canvas.export.blocks import Block, Callout, Paragraph, Section, Table
from canvas.i18n import number, t
from canvas.presenters.loyalty_check import rating_label
from canvas.presenters.tables import DASH

# 1 (weak) red … 3 neutral … 5 (outstanding) blue, like the gap colours of the report.
RATING_FILLS: dict[int, str] = {
    1: "#E58267",
    2: "#F4B59A",
    3: "#F7F7F7",
    4: "#BBD9EA",
    5: "#92C5DE",
}
TRUST_WARNING = 3  # trust rated this or lower gets the advice in a callout
HEADERS = {
    CheckKind.ELEMENT: "loyalty_check.report.element",
    CheckKind.STAGE: "loyalty_check.report.stage",
    CheckKind.CONDITION: "loyalty_check.report.condition",
}


def _table(view: WorkshopView, scope: Scope, kind: CheckKind, lang: Language) -> Table:
    content = loyalty_content()
    rows, fills = [], []
    for position, key in enumerate(KEYS[kind], start=1):
        answer, _ = view.frameworks.rating(scope, kind, key)
        name = content.entry(kind, key).name(lang)
        rows.append(
            [
                # the elements are numbered: the customer meets them in this order
                f"{position}. {name}" if kind is CheckKind.ELEMENT else name,
                rating_label(answer.rating, lang) if answer.rating else DASH,
                answer.evidence or DASH,
            ]
        )
        fills.append([None, RATING_FILLS.get(answer.rating or 0), None])
    header = [t(HEADERS[kind], lang), t("field.rating", lang), t("field.evidence", lang)]
    return Table(header, rows, fills=fills, widths=[3, 1.6, 6])


def _summary(view: WorkshopView, scope: Scope, lang: Language) -> Paragraph | None:
    average, weakest = path_average(view, scope), weakest_point(view, scope)
    if average is None or weakest is None:
        return None
    point = loyalty_content().entry(*weakest).name(lang)
    text = t("loyalty_check.summary", lang, average=number(average, lang, 1), point=point)
    return Paragraph(text, tone="muted")


def _trust_callout(view: WorkshopView, scope: Scope, lang: Language) -> Callout | None:
    rating = view.frameworks.rating(scope, CheckKind.CONDITION, Condition.TRUST)[0].rating
    if rating is None or rating > TRUST_WARNING:
        return None
    advice = loyalty_content().trust
    return Callout(
        title=advice.title(lang),
        body=advice.body(lang),
        note=t("loyalty_check.report.trust_note", lang, rating=rating),
        tone="high" if rating <= 2 else "medium",
    )


def loyalty_sections(view: WorkshopView, lang: Language) -> list[Section]:
    """All customers first, then each segment in order; nothing when nothing is rated."""
    sections: list[Section] = []
    positions = {segment_view.segment.id: index for index, segment_view in enumerate(view.segments)}
    for scope in answered_scopes(view):
        blocks: list[Block] = []
        if summary := _summary(view, scope, lang):
            blocks.append(summary)
        blocks += [_table(view, scope, kind, lang) for kind in CheckKind]
        if callout := _trust_callout(view, scope, lang):
            blocks.append(callout)
        if scope is None:
            key, title = "loyalty-all", t("loyalty_check.report.title_all", lang)
        else:
            segment_view = view.segment(scope)
            name = segment_view.segment.name if segment_view is not None else str(scope)
            key = f"loyalty-segment-{positions[scope] + 1}"
            title = t("loyalty_check.report.title_segment", lang, name=name)
        sections.append(Section(key, title, blocks, new_page=not sections))
    return sections
