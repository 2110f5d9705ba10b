"""Small builders for in-memory workshops, so unit tests need no database."""

from datetime import UTC, datetime
from decimal import Decimal

from canvas.domain import (
    CustomerSegment,
    Relationship,
    RelationshipInput,
    RelationshipType,
    SegmentView,
    Workshop,
    WorkshopView,
)

NOW = datetime(2026, 11, 23, tzinfo=UTC)


def segment(
    segment_id: int,
    name: str,
    *,
    customers: int | None = None,
    revenue: str | None = None,
    cac: str | None = None,
    retention: float | None = None,
    margin: float | None = None,
    answers: dict[RelationshipType, RelationshipInput] | None = None,
) -> SegmentView:
    seg = CustomerSegment(
        id=segment_id,
        workshop_id=1,
        position=segment_id,
        name=name,
        customers=customers,
        revenue_per_customer=Decimal(revenue) if revenue is not None else None,
        acquisition_cost=Decimal(cac) if cac is not None else None,
        retention_rate=retention,
        gross_margin=margin,
        created_at=NOW,
        updated_at=NOW,
    )
    given = answers or {}
    relationships = {
        kind: Relationship(
            id=segment_id * 10 + index,
            segment_id=segment_id,
            type=kind,
            created_at=NOW,
            updated_at=NOW,
            **(given.get(kind) or RelationshipInput()).model_dump(),
        )
        for index, kind in enumerate(RelationshipType)
    }
    return SegmentView(segment=seg, relationships=relationships)


def snapshot(*segments: SegmentView, currency: str = "USD") -> WorkshopView:
    workshop = Workshop(
        id=1, title="Test", language="en", currency=currency, created_at=NOW, updated_at=NOW
    )
    return WorkshopView(workshop=workshop, segments=list(segments), notes=[])
