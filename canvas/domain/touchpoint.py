"""Touchpoints: every place, interface or moment where a customer meets the company.

Igor Mann sorts them into four kinds: of the business, of the product, of the service
and of the employee. Each one is rated on a three-step scale (awful, OK, wow) so the
awful ones show what to fix first, starting where the most revenue is at stake.
"""

from collections.abc import Collection, Sequence
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from canvas.domain.fields import Name, NoteText, OptionalName
from canvas.domain.segment import CustomerSegment
from canvas.domain.vocabulary import RelationshipType

MAX_TOUCHPOINTS = 1000  # per workshop; a long inventory is 100–300


class TouchpointCategory(StrEnum):
    """Igor Mann's four kinds of touchpoint."""

    BUSINESS = "business"  # website, office, sign, documents, advertising, cars…
    PRODUCT = "product"  # packaging, display, design, name, manual, warranty card…
    SERVICE = "service"  # its name, presentation, brochure, reviews, case studies…
    EMPLOYEE = "employee"  # looks, smile, uniform, badge, posture, speech templates…


class TouchpointRating(StrEnum):
    """The three-step scale; worst first."""

    AWFUL = "awful"
    OK = "ok"
    WOW = "wow"


class TouchpointFields(BaseModel):
    """What the user says about one touchpoint, apart from whose it is.

    ``rating`` ``None`` means it is listed but not rated yet.
    """

    model_config = ConfigDict(frozen=True)

    name: Name
    category: TouchpointCategory
    relationship_type: RelationshipType | None = None
    rating: TouchpointRating | None = None
    idea: NoteText = ""
    owner: OptionalName = ""


class TouchpointInput(TouchpointFields):
    """A touchpoint as saved: ``segment_id`` ``None`` means it touches every segment."""

    segment_id: int | None = None


class Touchpoint(TouchpointInput):
    """A stored touchpoint."""

    id: int
    workshop_id: int
    version: int = 1
    created_at: datetime
    updated_at: datetime


def rating_counts(
    touchpoints: list[Touchpoint],
) -> dict[TouchpointCategory, dict[TouchpointRating | None, int]]:
    """How many touchpoints of each category got each rating (``None``: not rated yet)."""
    counts: dict[TouchpointCategory, dict[TouchpointRating | None, int]] = {
        category: {rating: 0 for rating in (*TouchpointRating, None)}
        for category in TouchpointCategory
    }
    for point in touchpoints:
        counts[point.category][point.rating] += 1
    return counts


def revenue_at_stake(point: TouchpointInput, segments: list[CustomerSegment]) -> Decimal:
    """The yearly revenue of the segments a touchpoint touches (all of them when unset)."""
    touched = [s for s in segments if point.segment_id is None or s.id == point.segment_id]
    return sum((s.yearly_revenue or Decimal(0) for s in touched), start=Decimal(0))


def fix_first(
    touchpoints: list[Touchpoint], segments: list[CustomerSegment]
) -> list[tuple[Touchpoint, Decimal]]:
    """The awful touchpoints with the revenue they put at risk, most revenue first.

    Ties keep the inventory's order, so the list doesn't jump around between reruns.
    """
    awful = [p for p in touchpoints if p.rating is TouchpointRating.AWFUL]
    ranked = [(point, revenue_at_stake(point, segments)) for point in awful]
    return sorted(ranked, key=lambda pair: pair[1], reverse=True)


RATINGS: tuple[TouchpointRating | None, ...] = (*TouchpointRating, None)
"""Every rating a touchpoint can have, worst first, "not rated" last."""


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
