"""Stored rows as the domain's records and back: money in minor units, workshops,
segments, their answers and canvas notes.

Shared by the modules that write these rows and by ``canvas.store.reads``.
"""

from decimal import Decimal
from typing import Any

from sqlalchemy import Row

from canvas.domain import (
    CanvasNote,
    CustomerSegment,
    Relationship,
    RelationshipInput,
    RelationshipType,
    SegmentInput,
    Workshop,
    name_key,
)
from canvas.store.tables import CanvasNoteRow, RelationshipRow, SegmentRow, WorkshopRow


def to_minor(amount: Decimal | None) -> int | None:
    """An amount of money in minor units (kopecks, cents), as the tables keep it."""
    return None if amount is None else int((amount * 100).to_integral_value())


def from_minor(minor: int | None) -> Decimal | None:
    """An amount of money back from minor units."""
    return None if minor is None else Decimal(minor) / 100


def workshop_from_row(row: WorkshopRow) -> Workshop:
    return Workshop.model_validate(row, from_attributes=True)


def segment_from_row(row: SegmentRow | Row[Any]) -> CustomerSegment:
    return CustomerSegment(
        id=row.id or 0,
        workshop_id=row.workshop_id,
        name=row.name,
        description=row.description,
        customers=row.customers,
        revenue_per_customer=from_minor(row.revenue_per_customer_minor),
        acquisition_cost=from_minor(row.acquisition_cost_minor),
        retention_rate=row.retention_rate,
        gross_margin=row.gross_margin,
        colour=row.colour,
        position=row.position,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def relationship_from_row(row: RelationshipRow | Row[Any]) -> Relationship:
    """A stored answer as the domain knows it (money back from minor units)."""
    return Relationship(
        id=row.id or 0,
        segment_id=row.segment_id,
        type=RelationshipType(row.type),
        expected=row.expected,
        established=row.established,
        motives=frozenset(row.motives or []),
        yearly_cost=from_minor(row.yearly_cost_minor),
        integration=dict(row.integration or {}),
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def note_from_row(row: CanvasNoteRow | Row[Any]) -> CanvasNote:
    return CanvasNote.model_validate(row, from_attributes=True)


def segment_values(data: SegmentInput) -> dict[str, Any]:
    """A segment's columns as stored, its name's comparison key included."""
    return {
        "name": data.name,
        "name_key": name_key(data.name),
        "description": data.description,
        "customers": data.customers,
        "revenue_per_customer_minor": to_minor(data.revenue_per_customer),
        "acquisition_cost_minor": to_minor(data.acquisition_cost),
        "retention_rate": data.retention_rate,
        "gross_margin": data.gross_margin,
        "colour": data.colour,
    }


def relationship_values(data: RelationshipInput) -> dict[str, Any]:
    """An answer's columns as stored (motives sorted, ties keyed by block)."""
    return {
        "expected": data.expected,
        "established": data.established,
        "motives": sorted(str(m) for m in data.motives),
        "yearly_cost_minor": to_minor(data.yearly_cost),
        "integration": {str(block): text for block, text in sorted(data.integration.items())},
    }
