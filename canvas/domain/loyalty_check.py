"""The crisis loyalty check: the customer's path, and five conditions for a closer relationship."""

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from canvas.domain.fields import NoteText

Rating = Annotated[int, Field(ge=1, le=5)]


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
