"""Customer segments: the groups of people the company serves."""

from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from canvas.domain import fields
from canvas.domain.fields import Colour, CustomerCount, LongText, Money, Name, Percent


class SegmentInput(BaseModel):
    """What a user types for a segment. Unknown figures stay ``None``."""

    model_config = ConfigDict(frozen=True)

    name: Name
    description: LongText = ""
    customers: CustomerCount | None = None
    revenue_per_customer: Money | None = None
    acquisition_cost: Money | None = None
    retention_rate: Percent | None = None
    # Gross margin, 0–100 %: what is left of revenue after the cost of what is sold. Without
    # it LTV is computed from revenue and is only an upper bound.
    gross_margin: Percent | None = None
    colour: Colour = "#0072B2"


class CustomerSegment(SegmentInput):
    """A stored segment of one workshop."""

    id: int
    workshop_id: int
    position: int
    version: int = 1
    created_at: datetime
    updated_at: datetime

    @property
    def yearly_revenue(self) -> Decimal | None:
        """Customers × revenue per customer, or ``None`` when either is unknown."""
        if self.customers is None or self.revenue_per_customer is None:
            return None
        return self.revenue_per_customer * self.customers


def name_key(name: str) -> str:
    """The form of a segment's name used to spot duplicates: trimmed, case-folded, spaces
    collapsed (``fields.name_key``). Invisible characters are kept: the stored segment keys
    have always kept them, and dropping them would need a migration of those keys first.
    """
    return fields.name_key(name, keep_invisible=True)
