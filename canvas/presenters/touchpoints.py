"""Touchpoints as the reader sees them: Mann's examples still to suggest, and the
inventory and the fix-first list as table rows in the reader's language."""

from collections.abc import Sequence

from canvas.content.catalogue import catalogue
from canvas.content.touchpoints import touchpoint_content
from canvas.domain.segment import name_key
from canvas.domain.touchpoint import (
    Touchpoint,
    TouchpointCategory,
    TouchpointInput,
    fix_first,
)
from canvas.domain.vocabulary import Language
from canvas.domain.workshop_view import WorkshopView
from canvas.i18n import money, t


def open_suggestions(
    category: TouchpointCategory, inventory: Sequence[TouchpointInput], lang: Language | str
) -> list[str]:
    """Mann's examples of ``category`` that no touchpoint is named yet (case ignored)."""
    taken = {name_key(point.name) for point in inventory}
    examples = touchpoint_content().category(category).suggestions(lang)
    return [name for name in examples if name_key(name) not in taken]


def segment_name(view: WorkshopView, segment_id: int | None, lang: Language | str) -> str:
    """The segment's name (as typed: escape it before markup), or "all segments"."""
    segment_view = view.segment(segment_id) if segment_id is not None else None
    return (
        segment_view.segment.name
        if segment_view is not None
        else t("touchpoints.all_segments", lang)
    )


def inventory_rows(
    points: Sequence[Touchpoint], view: WorkshopView, lang: Language | str
) -> list[dict[str, str]]:
    """One row per touchpoint for a table: every field, in the user's language."""
    cat, content = catalogue(), touchpoint_content()
    return [
        {
            t("field.name", lang): point.name,
            t("field.category", lang): content.category(point.category).name(lang),
            t("field.segment", lang): segment_name(view, point.segment_id, lang),
            t("field.relationship_type", lang): cat.type(point.relationship_type).name(lang)
            if point.relationship_type is not None
            else "",
            t("field.rating", lang): content.rating_name(point.rating, lang),
            t("field.idea", lang): point.idea,
            t("field.owner", lang): point.owner,
        }
        for point in points
    ]


def fix_first_rows(view: WorkshopView, lang: Language | str) -> list[dict[str, str]]:
    """The awful touchpoints, most yearly revenue at stake first, with that revenue."""
    content = touchpoint_content()
    segments = [segment_view.segment for segment_view in view.segments]
    currency = view.workshop.currency
    return [
        {
            "#": str(position),
            t("field.name", lang): point.name,
            t("field.category", lang): content.category(point.category).name(lang),
            t("field.segment", lang): segment_name(view, point.segment_id, lang),
            t("touchpoints.revenue", lang): money(revenue, currency, lang),
            t("field.idea", lang): point.idea,
            t("field.owner", lang): point.owner,
        }
        for position, (point, revenue) in enumerate(fix_first(view.touchpoints, segments), start=1)
    ]
