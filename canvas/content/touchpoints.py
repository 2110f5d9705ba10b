"""Igor Mann's touchpoints in both languages, and the reading of a workshop's inventory.

The texts live in ``data/frameworks/touchpoints.json`` so a trainer can reword them
without touching code; loading fails loudly if a category or a rating is missing, out
of order, lacks a language or repeats an example. The helpers below pick the examples
still worth suggesting, filter the inventory and lay it out as tables for the pages.
"""

import json
from collections.abc import Collection, Sequence
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from canvas.content.catalogue import Localized, catalogue, data_dir
from canvas.domain.segment import name_key
from canvas.domain.snapshot import WorkshopSnapshot
from canvas.domain.touchpoint import (
    Touchpoint,
    TouchpointCategory,
    TouchpointInput,
    TouchpointRating,
    fix_first,
)
from canvas.domain.vocabulary import Language
from canvas.i18n import money, t


class CategoryEntry(BaseModel):
    """One of Mann's four kinds: a short name, a heading, what it covers and his examples."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: TouchpointCategory
    name: Localized
    title: Localized
    description: Localized
    examples: list[Localized]

    def suggestions(self, lang: Language | str) -> list[str]:
        return [example(lang) for example in self.examples]


class ScaleEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: TouchpointRating
    name: Localized
    meaning: Localized


class Advice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: Localized
    body: Localized


class TouchpointContent(BaseModel):
    """Everything the touchpoints page teaches and suggests."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    intro: Localized
    categories: list[CategoryEntry]
    scale_intro: Localized
    scale: list[ScaleEntry]
    not_rated: Localized
    hiring: Advice

    @model_validator(mode="after")
    def _complete_and_in_order(self) -> "TouchpointContent":
        if [c.key for c in self.categories] != list(TouchpointCategory):
            wanted = [c.value for c in TouchpointCategory]
            raise ValueError(f"the categories must be exactly {wanted}, in order")
        if [s.key for s in self.scale] != list(TouchpointRating):
            wanted = [r.value for r in TouchpointRating]
            raise ValueError(f"the scale must be exactly {wanted}, worst first")
        if not all(c.examples for c in self.categories):
            raise ValueError("every category needs at least one example")
        for lang in Language:
            # Suggestions are skipped by name, so two equal names would hide each other.
            names = [name_key(e(lang)) for c in self.categories for e in c.examples]
            if len(set(names)) != len(names):
                raise ValueError(f"an example is named twice in {lang.value}")
        return self

    def category(self, key: TouchpointCategory) -> CategoryEntry:
        return next(c for c in self.categories if c.key is key)

    def rating_name(self, rating: TouchpointRating | None, lang: Language | str) -> str:
        """``Awful``, ``OK``, ``Wow``, or the "not rated" text for ``None``."""
        if rating is None:
            return self.not_rated(lang)
        return next(s.name for s in self.scale if s.key is rating)(lang)


def load_touchpoint_content(path: Path) -> TouchpointContent:
    """Read and validate a touchpoints content file."""
    return TouchpointContent.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def touchpoint_content() -> TouchpointContent:
    """The app's touchpoint texts, read once per process."""
    return load_touchpoint_content(data_dir() / "frameworks" / "touchpoints.json")


RATINGS: tuple[TouchpointRating | None, ...] = (*TouchpointRating, None)
"""Every rating a touchpoint can have, worst first, "not rated" last."""


# ------------------------------------------------------------------ reading the inventory


def open_suggestions(
    category: TouchpointCategory, inventory: Sequence[TouchpointInput], lang: Language | str
) -> list[str]:
    """Mann's examples of ``category`` that no touchpoint is named yet (case ignored)."""
    taken = {name_key(point.name) for point in inventory}
    examples = touchpoint_content().category(category).suggestions(lang)
    return [name for name in examples if name_key(name) not in taken]


def suggested(category: TouchpointCategory, names: Sequence[str]) -> list[TouchpointInput]:
    """New touchpoints from chosen examples: for every segment, not rated yet."""
    return [TouchpointInput(name=name, category=category) for name in names]


def matching(
    inventory: Sequence[Touchpoint],
    *,
    categories: Collection[TouchpointCategory] = (),
    ratings: Collection[TouchpointRating | None] = (),
    segment_id: int | None = None,
) -> list[Touchpoint]:
    """The touchpoints that pass the filters, in the inventory's order.

    An empty ``categories`` or ``ratings`` lets every value through; a ``segment_id``
    keeps the touchpoints that touch that segment, those for all segments included.
    """
    return [
        point
        for point in inventory
        if (not categories or point.category in categories)
        and (not ratings or point.rating in ratings)
        and (segment_id is None or point.segment_id in (None, segment_id))
    ]


def segment_name(snapshot: WorkshopSnapshot, segment_id: int | None, lang: Language | str) -> str:
    """The segment's name (as typed: escape it before markup), or "all segments"."""
    view = snapshot.segment(segment_id) if segment_id is not None else None
    return view.segment.name if view is not None else t("touchpoints.all_segments", lang)


def inventory_rows(
    points: Sequence[Touchpoint], snapshot: WorkshopSnapshot, lang: Language | str
) -> list[dict[str, str]]:
    """One row per touchpoint for a table: every field, in the user's language."""
    cat, content = catalogue(), touchpoint_content()
    return [
        {
            t("field.name", lang): point.name,
            t("field.category", lang): content.category(point.category).name(lang),
            t("field.segment", lang): segment_name(snapshot, point.segment_id, lang),
            t("field.relationship_type", lang): cat.type(point.relationship_type).name(lang)
            if point.relationship_type is not None
            else "",
            t("field.rating", lang): content.rating_name(point.rating, lang),
            t("field.idea", lang): point.idea,
            t("field.owner", lang): point.owner,
        }
        for point in points
    ]


def fix_first_rows(snapshot: WorkshopSnapshot, lang: Language | str) -> list[dict[str, str]]:
    """The awful touchpoints, most yearly revenue at stake first, with that revenue."""
    content = touchpoint_content()
    segments = [view.segment for view in snapshot.segments]
    currency = snapshot.workshop.currency
    return [
        {
            "#": str(position),
            t("field.name", lang): point.name,
            t("field.category", lang): content.category(point.category).name(lang),
            t("field.segment", lang): segment_name(snapshot, point.segment_id, lang),
            t("touchpoints.revenue", lang): money(revenue, currency, lang),
            t("field.idea", lang): point.idea,
            t("field.owner", lang): point.owner,
        }
        for position, (point, revenue) in enumerate(
            fix_first(snapshot.touchpoints, segments), start=1
        )
    ]
