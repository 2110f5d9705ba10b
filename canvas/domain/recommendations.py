"""Rule-based advice on a workshop's relationships: the app's own rules of thumb.

Each rule looks at one segment's figures (``canvas.domain.economics``) and answers; a
recommendation carries the figures that triggered it, so the page can say why."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median
from typing import Any

from canvas.domain.economics import SegmentFigures, segment_figures
from canvas.domain.vocabulary import Motive, RelationshipType
from canvas.domain.workshop_view import SegmentView, WorkshopView

SELF_SERVED = frozenset({RelationshipType.SELF_SERVICE, RelationshipType.AUTOMATED_SERVICES})
# Thresholds of the rules; named so the tests and the help text cite the same numbers.
HIGH_REVENUE_FACTOR = Decimal("1.5")  # × the median revenue per customer
LOW_RETENTION = 70.0  # % a year
MANY_CUSTOMERS = 100
COSTLY_SHARE = 0.30  # of the segment's revenue
HEALTHY_LTV_CAC = 3.0
BIG_GAP = 2
# The rules whose trigger cites one of the thresholds above: the pages and exports mark them
# as this app's rules of thumb, so nobody takes 30 % or 3:1 for the course's teaching.
HEURISTIC_RULES = frozenset(
    {
        "premium_self_service",
        "dedicated_for_many",
        "retention_unmotivated",
        "costly_relationships",
        "ltv_cac_thin",
    }
)


@dataclass(frozen=True)
class Recommendation:
    """Advice drawn from a rule; ``params`` hold the figures that triggered it."""

    code: str
    severity: str  # "high" | "medium"
    segment_id: int
    segment_name: str
    params: dict[str, Any] = field(default_factory=dict)


def _rules(
    segment_view: SegmentView, fig: SegmentFigures, typical: Decimal | None
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """The rules that fire for one segment, as (code, severity, triggering figures)."""
    seg = segment_view.segment
    established = {k for k in RelationshipType if segment_view.answer(k).established > 0}
    rpc = seg.revenue_per_customer
    if (
        typical is not None
        and rpc is not None
        and rpc >= typical * HIGH_REVENUE_FACTOR
        and established
        and established <= SELF_SERVED
    ):
        yield "premium_self_service", "high", {"revenue": rpc, "median": typical}
    dedicated = segment_view.answer(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE).established
    if (
        dedicated > 0
        and typical is not None
        and rpc is not None
        and rpc < typical
        and (seg.customers or 0) >= MANY_CUSTOMERS
    ):
        yield (
            "dedicated_for_many",
            "medium",
            {"customers": seg.customers, "revenue": rpc, "median": typical},
        )
    retains = any(Motive.RETENTION in segment_view.answer(k).motives for k in established)
    if seg.retention_rate is not None and seg.retention_rate < LOW_RETENTION and not retains:
        yield "retention_unmotivated", "high", {"retention": seg.retention_rate}
    for kind in RelationshipType:
        answer = segment_view.answer(kind)
        levels = {"type": kind, "expected": answer.expected, "established": answer.established}
        if answer.gap >= BIG_GAP:
            yield "under_served", "high", levels
        elif -answer.gap >= BIG_GAP and answer.yearly_cost:
            yield "over_served", "medium", {**levels, "cost": answer.yearly_cost}
    if fig.cost_share is not None and fig.cost_share > COSTLY_SHARE:
        yield "costly_relationships", "medium", {"share": fig.cost_share}
    if fig.ltv_to_cac is not None:
        ratio = {
            "ratio": fig.ltv_to_cac,
            "ltv": fig.ltv,
            "cac": seg.acquisition_cost,
            "upper_bound": fig.ltv_upper_bound,  # from revenue: the real ratio is lower
        }
        if fig.ltv_to_cac < 1:
            yield "ltv_below_cac", "high", ratio
        elif fig.ltv_to_cac < HEALTHY_LTV_CAC:
            yield "ltv_cac_thin", "medium", ratio


def recommendations(view: WorkshopView) -> list[Recommendation]:
    """Rule-based advice, the most serious first; each names the figure behind it."""
    revenues = [
        v.segment.revenue_per_customer
        for v in view.segments
        if v.segment.revenue_per_customer is not None
    ]
    typical = median(revenues) if len(revenues) >= 2 else None
    found = [
        Recommendation(code, severity, segment_view.segment.id, segment_view.segment.name, params)
        for segment_view in view.segments
        for code, severity, params in _rules(segment_view, segment_figures(segment_view), typical)
    ]
    order = {"high": 0, "medium": 1}
    return sorted(found, key=lambda r: order[r.severity])
