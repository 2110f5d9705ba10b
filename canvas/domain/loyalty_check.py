"""The crisis loyalty check: the five elements of the relationship, the two stages that
follow them, and five conditions for a closer relationship."""

from enum import StrEnum
from statistics import fmean
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field

from canvas.domain.fields import NoteText

Rating = Annotated[int, Field(ge=1, le=5)]

if TYPE_CHECKING:  # built from this module's models
    from canvas.domain.workshop_view import WorkshopView


class Element(StrEnum):
    """The five elements that shape the relationship, in the order the customer meets them.

    All five come before the purchase.
    """

    BRAND = "brand"
    COMMUNICATIONS = "communications"
    ENVIRONMENT = "environment"  # touchpoints: a branch, a shop
    OFFER = "offer"
    CULTURE = "culture"  # of the people who serve the customer


class LaterStage(StrEnum):
    """What comes after the five elements: stages of the path, not elements."""

    DECISION = "decision"  # the purchase decision
    USE = "use"  # after the purchase: accessibility, functionality, ease


class Condition(StrEnum):
    """The five conditions for a closer relationship."""

    REASON = "reason"  # a reason to choose exactly us
    TRUST = "trust"  # trust and safety: the hardest in a crisis
    IMPORTANCE = "importance"  # the customer is an important part of the business
    STATUS = "status"  # glad to be seen using us
    BENEFIT = "benefit"  # working with us pays off


class CheckKind(StrEnum):
    ELEMENT = "element"
    STAGE = "stage"
    CONDITION = "condition"


KEYS: dict[CheckKind, type[StrEnum]] = {
    CheckKind.ELEMENT: Element,
    CheckKind.STAGE: LaterStage,
    CheckKind.CONDITION: Condition,
}
"""The keys each kind of item may have, in their order."""


class LoyaltyRatingInput(BaseModel):
    """A 1–5 rating of one element, stage or condition, with the evidence behind it."""

    model_config = ConfigDict(frozen=True)

    rating: Rating | None = None
    evidence: NoteText = ""

    @property
    def empty(self) -> bool:
        return self.rating is None and not self.evidence


def check_key(kind: CheckKind, key: str) -> str:
    """Validate that ``key`` belongs to ``kind`` and return it."""
    return KEYS[kind](key).value


Item = tuple[CheckKind, str]
"""One thing to rate: an element, a later stage or a condition, by kind and key."""
PATH: tuple[Item, ...] = (
    *((CheckKind.ELEMENT, element.value) for element in Element),
    *((CheckKind.STAGE, stage.value) for stage in LaterStage),
)
"""The customer's path: the five elements, then the purchase decision and use."""
ITEMS: tuple[Item, ...] = (
    *PATH,
    *((CheckKind.CONDITION, condition.value) for condition in Condition),
)
"""Everything the check rates: the path in the customer's order, then the five conditions."""
Scope = int | None
"""A segment id, or ``None`` for all customers."""

FORMER_STEP = "step"
"""The kind that schema 3 documents and databases before migration 0011 gave the path."""
FORMER_STEPS: dict[str, tuple[Item, ...]] = {
    # The old "brand" step was rated as brand and communications together, and the old
    # "offer" step as the offer and the culture of the people: the one rating now counts
    # for each of the two elements it covered.
    "brand": ((CheckKind.ELEMENT, Element.BRAND), (CheckKind.ELEMENT, Element.COMMUNICATIONS)),
    "environment": ((CheckKind.ELEMENT, Element.ENVIRONMENT),),
    "offer": ((CheckKind.ELEMENT, Element.OFFER), (CheckKind.ELEMENT, Element.CULTURE)),
    "decision": ((CheckKind.STAGE, LaterStage.DECISION),),
    "use": ((CheckKind.STAGE, LaterStage.USE),),
}
"""Where a rating of the former five-step path goes (the former step's key to its items)."""


def answered_scopes(view: "WorkshopView") -> list[Scope]:
    """Scopes with at least one answer: all customers first, then segments in their order."""
    filled = {answer.segment_id for answer in view.frameworks.loyalty if not answer.empty}
    order: list[Scope] = [None, *(segment_view.segment.id for segment_view in view.segments)]
    return [scope for scope in order if scope in filled]


def ratings(view: "WorkshopView", scope: Scope, kind: CheckKind) -> dict[str, int | None]:
    """Each element, stage or condition of ``kind`` in its order, with its rating."""
    return {key.value: view.frameworks.rating(scope, kind, key)[0].rating for key in KEYS[kind]}


def path_ratings(view: "WorkshopView", scope: Scope) -> dict[Item, int | None]:
    """The five elements, then the two later stages, each with its rating."""
    return {item: view.frameworks.rating(scope, *item)[0].rating for item in PATH}


def path_average(view: "WorkshopView", scope: Scope) -> float | None:
    """The mean rating of the rated points of the path; ``None`` if none is rated."""
    rated = [r for r in path_ratings(view, scope).values() if r is not None]
    return fmean(rated) if rated else None


def weakest_point(view: "WorkshopView", scope: Scope) -> Item | None:
    """The lowest-rated element or stage; on a tie the earliest, met first by the customer."""
    rated = [
        (rating, position, item)
        for position, (item, rating) in enumerate(path_ratings(view, scope).items())
        if rating is not None
    ]
    return min(rated)[2] if rated else None
