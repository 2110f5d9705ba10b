"""Per-segment economics of the relationships block: costs, lifetime, LTV and the spectrum.

Definitions (the UI shows them next to the figures):
- gap = expected level − established level (0–3 scale); > 0 under-served, < 0 over-served;
- relationship cost = sum of the yearly costs of the segment's six types;
- cost per customer = relationship cost ÷ customers; share of revenue = relationship cost ÷
  (customers × yearly revenue per customer);
- expected lifetime = 1 ÷ (1 − retention rate) years, defined for retention below 100 %;
- yearly contribution per customer = revenue per customer × gross margin − relationship cost
  per customer; without a gross margin, revenue stands in for it (margin taken as 100 %);
- LTV = yearly contribution per customer × lifetime;
- LTV:CAC = LTV ÷ acquisition cost per new customer; computed from revenue it is only an
  upper bound (``ltv_upper_bound``), which the pages and exports mark with "≤";
- spectrum position = the types' ``SPECTRUM_POSITION`` (0 personal … 100 automated) averaged with
  the levels as weights, once for what the segment expects, once for what we established.
"""

from dataclasses import dataclass
from decimal import Decimal

from canvas.domain.progress import answered_questions
from canvas.domain.vocabulary import SPECTRUM_POSITION, GuidingQuestion, RelationshipType
from canvas.domain.workshop_view import SegmentView, WorkshopView


@dataclass(frozen=True)
class SegmentFigures:
    """The numbers behind one segment's row in the analysis."""

    segment_id: int
    name: str
    colour: str
    customers: int | None
    revenue_per_customer: Decimal | None
    yearly_revenue: Decimal | None
    gross_margin: float | None
    relationship_cost: Decimal
    costed_types: int
    cost_per_customer: Decimal | None
    cost_share: float | None
    lifetime_years: float | None
    contribution: Decimal | None
    ltv: Decimal | None
    ltv_to_cac: float | None
    expected_position: float | None
    established_position: float | None
    gaps: dict[RelationshipType, int]
    progress: dict[GuidingQuestion, bool]

    @property
    def ltv_upper_bound(self) -> bool:
        """LTV (and LTV:CAC) computed from revenue, for want of a gross margin: a ceiling."""
        return self.ltv is not None and self.gross_margin is None


def _position(segment_view: SegmentView, attr: str) -> float | None:
    weights = {kind: getattr(segment_view.answer(kind), attr) for kind in RelationshipType}
    total = sum(weights.values())
    if not total:
        return None
    return sum(SPECTRUM_POSITION[kind] * w for kind, w in weights.items()) / total


def segment_figures(segment_view: SegmentView) -> SegmentFigures:
    """All figures for one segment, ``None`` where the inputs don't allow them."""
    seg = segment_view.segment
    answers = [segment_view.answer(kind) for kind in RelationshipType]
    costs = [a.yearly_cost for a in answers if a.yearly_cost is not None]
    cost = sum(costs, Decimal(0))
    per_customer = cost / seg.customers if seg.customers else None
    revenue = seg.yearly_revenue
    share = float(cost / revenue) if revenue else None
    churn = None
    if seg.retention_rate is not None and seg.retention_rate < 100:
        # Decimal all the way, so 80 % gives a lifetime of exactly 5 years.
        churn = 1 - Decimal(repr(seg.retention_rate)) / 100
    contribution = None
    if seg.revenue_per_customer is not None:
        # Decimal(repr()) again: a 40 % margin of 6000 is exactly 2400, not 2399.99….
        margin = Decimal(1) if seg.gross_margin is None else Decimal(repr(seg.gross_margin)) / 100
        contribution = seg.revenue_per_customer * margin - (per_customer or Decimal(0))
    ltv = contribution / churn if churn is not None and contribution is not None else None
    ratio = float(ltv / seg.acquisition_cost) if ltv is not None and seg.acquisition_cost else None
    return SegmentFigures(
        segment_id=seg.id,
        name=seg.name,
        colour=seg.colour,
        customers=seg.customers,
        revenue_per_customer=seg.revenue_per_customer,
        yearly_revenue=revenue,
        gross_margin=seg.gross_margin,
        relationship_cost=cost,
        costed_types=len(costs),
        cost_per_customer=per_customer,
        cost_share=share,
        lifetime_years=float(1 / churn) if churn is not None else None,
        contribution=contribution,
        ltv=ltv,
        ltv_to_cac=ratio,
        expected_position=_position(segment_view, "expected"),
        established_position=_position(segment_view, "established"),
        gaps={kind: segment_view.answer(kind).gap for kind in RelationshipType},
        progress=answered_questions(answers),
    )


def workshop_figures(view: WorkshopView) -> list[SegmentFigures]:
    """Figures for every segment, in the workshop's order."""
    return [segment_figures(segment_view) for segment_view in view.segments]
