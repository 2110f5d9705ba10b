"""The crisis loyalty check: the customer's path, and five conditions for a closer relationship."""

from enum import StrEnum
from statistics import fmean
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field

from canvas.domain.fields import NoteText

Rating = Annotated[int, Field(ge=1, le=5)]

if TYPE_CHECKING:  # built from this module's models
    from canvas.domain.workshop_view import WorkshopView


class PathStep(StrEnum):
    """The five elements of the relationship, in the order the customer meets them."""

    BRAND = "brand"  # brand and communications
    ENVIRONMENT = "environment"  # touchpoints: a branch, a shop
    OFFER = "offer"  # the offer and the culture of the people who serve
    DECISION = "decision"  # the purchase decision
    USE = "use"  # accessibility, functionality, ease after the purchase


class Condition(StrEnum):
    """The five conditions for a closer relationship."""

    REASON = "reason"  # a reason to choose exactly us
    TRUST = "trust"  # trust and safety: the hardest in a crisis
    IMPORTANCE = "importance"  # the customer is an important part of the business
    STATUS = "status"  # glad to be seen using us
    BENEFIT = "benefit"  # working with us pays off


class CheckKind(StrEnum):
    STEP = "step"
    CONDITION = "condition"


class LoyaltyRatingInput(BaseModel):
    """A 1–5 rating of one step or condition, with the evidence behind it."""

    model_config = ConfigDict(frozen=True)

    rating: Rating | None = None
    evidence: NoteText = ""

    @property
    def empty(self) -> bool:
        return self.rating is None and not self.evidence


def check_key(kind: CheckKind, key: str) -> str:
    """Validate that ``key`` belongs to ``kind`` and return it."""
    allowed = PathStep if kind is CheckKind.STEP else Condition
    return allowed(key).value


Item = tuple[CheckKind, str]
"""One thing to rate: a path step or a condition, by kind and key."""
ITEMS: tuple[Item, ...] = (
    *((CheckKind.STEP, step.value) for step in PathStep),
    *((CheckKind.CONDITION, condition.value) for condition in Condition),
)
"""The five path steps in the customer's order, then the five conditions."""
Scope = int | None
"""A segment id, or ``None`` for all customers."""


def answered_scopes(view: "WorkshopView") -> list[Scope]:
    """Scopes with at least one answer: all customers first, then segments in their order."""
    filled = {answer.segment_id for answer in view.frameworks.loyalty if not answer.empty}
    order: list[Scope] = [None, *(segment_view.segment.id for segment_view in view.segments)]
    return [scope for scope in order if scope in filled]


def ratings(view: "WorkshopView", scope: Scope, kind: CheckKind) -> dict[str, int | None]:
    """Each step (in the customer's order) or condition of ``kind``, with its rating."""
    keys = PathStep if kind is CheckKind.STEP else Condition
    return {key.value: view.frameworks.rating(scope, kind, key)[0].rating for key in keys}


def path_average(view: "WorkshopView", scope: Scope) -> float | None:
    """The mean rating of the rated path steps; ``None`` if no step is rated."""
    rated = [r for r in ratings(view, scope, CheckKind.STEP).values() if r is not None]
    return fmean(rated) if rated else None


def weakest_step(view: "WorkshopView", scope: Scope) -> PathStep | None:
    """The lowest-rated step; on a tie the earliest, since the customer meets it first."""
    rated = [
        (rating, position, PathStep(key))
        for position, (key, rating) in enumerate(ratings(view, scope, CheckKind.STEP).items())
        if rating is not None
    ]
    return min(rated)[2] if rated else None
