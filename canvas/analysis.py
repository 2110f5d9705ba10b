"""Per-segment figures, gaps and rule-based recommendations for the relationships block.

Definitions (the UI shows them next to the figures):
- gap = expected level − established level (0–3 scale); > 0 under-served, < 0 over-served;
- relationship cost = sum of the yearly costs of the segment's six types;
- cost per customer = relationship cost ÷ customers; share of revenue = relationship cost ÷
  (customers × yearly revenue per customer);
- expected lifetime = 1 ÷ (1 − retention rate) years, defined for retention below 100 %;
- LTV = (yearly revenue per customer − relationship cost per customer) × lifetime;
- LTV:CAC = LTV ÷ acquisition cost per new customer;
- spectrum position = the catalogue positions (0 personal … 100 automated) averaged with
  the levels as weights, once for what the segment expects, once for what we established.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median
from typing import Any

from canvas.content.catalogue import Catalogue, catalogue
from canvas.domain import GuidingQuestion, Language, Motive, RelationshipType, WorkshopSnapshot
from canvas.domain.progress import answered_questions
from canvas.domain.snapshot import SegmentView
from canvas.i18n import money, number, percent, t

PERSONAL = frozenset(
    {RelationshipType.PERSONAL_ASSISTANCE, RelationshipType.DEDICATED_PERSONAL_ASSISTANCE}
)
SELF_SERVED = frozenset({RelationshipType.SELF_SERVICE, RelationshipType.AUTOMATED_SERVICES})

# Thresholds of the rules; named so the tests and the help text cite the same numbers.
HIGH_REVENUE_FACTOR = Decimal("1.5")  # × the median revenue per customer
LOW_RETENTION = 70.0  # % a year
MANY_CUSTOMERS = 100
COSTLY_SHARE = 0.30  # of the segment's revenue
HEALTHY_LTV_CAC = 3.0
BIG_GAP = 2


@dataclass(frozen=True)
class SegmentFigures:
    """The numbers behind one segment's row in the analysis."""

    segment_id: int
    name: str
    colour: str
    customers: int | None
    revenue_per_customer: Decimal | None
    yearly_revenue: Decimal | None
    relationship_cost: Decimal
    costed_types: int
    cost_per_customer: Decimal | None
    cost_share: float | None
    lifetime_years: float | None
    ltv: Decimal | None
    ltv_to_cac: float | None
    expected_position: float | None
    established_position: float | None
    gaps: dict[RelationshipType, int]
    progress: dict[GuidingQuestion, bool]


@dataclass(frozen=True)
class Recommendation:
    """Advice drawn from a rule; ``params`` hold the figures that triggered it."""

    code: str
    severity: str  # "high" | "medium"
    segment_id: int
    segment_name: str
    params: dict[str, Any] = field(default_factory=dict)


def _position(view: SegmentView, attr: str, cat: Catalogue) -> float | None:
    weights = {kind: getattr(view.answer(kind), attr) for kind in RelationshipType}
    total = sum(weights.values())
    if not total:
        return None
    return sum(cat.type(kind).position * w for kind, w in weights.items()) / total


def segment_figures(view: SegmentView, cat: Catalogue | None = None) -> SegmentFigures:
    """All figures for one segment, ``None`` where the inputs don't allow them."""
    cat = cat or catalogue()
    seg = view.segment
    answers = [view.answer(kind) for kind in RelationshipType]
    costs = [a.yearly_cost for a in answers if a.yearly_cost is not None]
    cost = sum(costs, Decimal(0))
    per_customer = cost / seg.customers if seg.customers else None
    revenue = seg.yearly_revenue
    share = float(cost / revenue) if revenue else None
    churn = None
    if seg.retention_rate is not None and seg.retention_rate < 100:
        # Decimal all the way, so 80 % gives a lifetime of exactly 5 years.
        churn = 1 - Decimal(repr(seg.retention_rate)) / 100
    ltv = None
    if churn is not None and seg.revenue_per_customer is not None:
        ltv = (seg.revenue_per_customer - (per_customer or Decimal(0))) / churn
    ratio = float(ltv / seg.acquisition_cost) if ltv is not None and seg.acquisition_cost else None
    return SegmentFigures(
        segment_id=seg.id,
        name=seg.name,
        colour=seg.colour,
        customers=seg.customers,
        revenue_per_customer=seg.revenue_per_customer,
        yearly_revenue=revenue,
        relationship_cost=cost,
        costed_types=len(costs),
        cost_per_customer=per_customer,
        cost_share=share,
        lifetime_years=float(1 / churn) if churn is not None else None,
        ltv=ltv,
        ltv_to_cac=ratio,
        expected_position=_position(view, "expected", cat),
        established_position=_position(view, "established", cat),
        gaps={kind: view.answer(kind).gap for kind in RelationshipType},
        progress=answered_questions(answers),
    )


def workshop_figures(snapshot: WorkshopSnapshot) -> list[SegmentFigures]:
    """Figures for every segment, in the workshop's order."""
    cat = catalogue()
    return [segment_figures(view, cat) for view in snapshot.segments]


def progress_summary(snapshot: WorkshopSnapshot) -> dict[GuidingQuestion, int]:
    """How many segments have answered each of the four questions."""
    counts = dict.fromkeys(GuidingQuestion, 0)
    for view in snapshot.segments:
        done = answered_questions([view.answer(kind) for kind in RelationshipType])
        for question, answered in done.items():
            counts[question] += answered
    return counts


def _rules(
    view: SegmentView, fig: SegmentFigures, typical: Decimal | None
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """The rules that fire for one segment, as (code, severity, triggering figures)."""
    seg = view.segment
    established = {k for k in RelationshipType if view.answer(k).established > 0}
    rpc = seg.revenue_per_customer
    if (
        typical is not None
        and rpc is not None
        and rpc >= typical * HIGH_REVENUE_FACTOR
        and established
        and established <= SELF_SERVED
    ):
        yield "premium_self_service", "high", {"revenue": rpc, "median": typical}
    dedicated = view.answer(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE).established
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
    retains = any(Motive.RETENTION in view.answer(k).motives for k in established)
    if seg.retention_rate is not None and seg.retention_rate < LOW_RETENTION and not retains:
        yield "retention_unmotivated", "high", {"retention": seg.retention_rate}
    for kind in RelationshipType:
        answer = view.answer(kind)
        levels = {"type": kind, "expected": answer.expected, "established": answer.established}
        if answer.gap >= BIG_GAP:
            yield "under_served", "high", levels
        elif -answer.gap >= BIG_GAP and answer.yearly_cost:
            yield "over_served", "medium", {**levels, "cost": answer.yearly_cost}
    if fig.cost_share is not None and fig.cost_share > COSTLY_SHARE:
        yield "costly_relationships", "medium", {"share": fig.cost_share}
    if fig.ltv_to_cac is not None:
        ratio = {"ratio": fig.ltv_to_cac, "ltv": fig.ltv, "cac": seg.acquisition_cost}
        if fig.ltv_to_cac < 1:
            yield "ltv_below_cac", "high", ratio
        elif fig.ltv_to_cac < HEALTHY_LTV_CAC:
            yield "ltv_cac_thin", "medium", ratio


def recommendations(snapshot: WorkshopSnapshot) -> list[Recommendation]:
    """Rule-based advice, the most serious first; each names the figure behind it."""
    cat = catalogue()
    revenues = [
        v.segment.revenue_per_customer
        for v in snapshot.segments
        if v.segment.revenue_per_customer is not None
    ]
    typical = median(revenues) if len(revenues) >= 2 else None
    found = [
        Recommendation(code, severity, view.segment.id, view.segment.name, params)
        for view in snapshot.segments
        for code, severity, params in _rules(view, segment_figures(view, cat), typical)
    ]
    order = {"high": 0, "medium": 1}
    return sorted(found, key=lambda r: order[r.severity])


def describe(
    rec: Recommendation, snapshot: WorkshopSnapshot, lang: Language | str
) -> dict[str, str]:
    """The recommendation's title, advice and trigger as sentences in ``lang``."""
    lang = Language(lang)
    currency = snapshot.workshop.currency
    shown: dict[str, str] = {"segment": rec.segment_name}
    for key, value in rec.params.items():
        if key == "type":
            shown[key] = catalogue().type(value).name(lang)
        elif key in {"revenue", "median", "cost", "ltv", "cac"}:
            shown[key] = money(value, currency, lang)
        elif key == "share":
            shown[key] = percent(value, lang, 1)
        elif key == "retention":
            shown[key] = percent(value / 100, lang, 1)
        elif key == "ratio":
            shown[key] = number(value, lang, 1)
        else:
            shown[key] = number(value, lang) if isinstance(value, int) else str(value)
    return {
        part: t(f"rec.{rec.code}.{part}", lang, **shown) for part in ("title", "advice", "trigger")
    }
