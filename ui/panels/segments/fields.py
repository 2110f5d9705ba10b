"""The segment form's widgets, shared by the "add" and the "edit" forms."""

from typing import Any

import streamlit as st

from canvas.domain import CustomerSegment
from ui.language import tr


def segment_fields(
    prefix: str, seg: CustomerSegment | None, colour: str, currency: str
) -> dict[str, Any]:
    """The segment form's widgets; returns the raw values for ``SegmentInput``."""
    name = st.text_input(tr("field.name"), value=seg.name if seg else "", key=f"{prefix}-name")
    description = st.text_area(
        tr("field.description"),
        value=seg.description if seg else "",
        key=f"{prefix}-desc",
        height=80,
    )
    a, b, c, d, f, g = st.columns([3, 3, 3, 3, 3, 1])
    customers = a.number_input(
        tr("field.customers"),
        value=seg.customers if seg else None,
        step=1,
        key=f"{prefix}-n",
        help=tr("segments.customers_help"),
    )
    money_fields = {}
    for column, field in ((b, "revenue_per_customer"), (c, "acquisition_cost")):
        current = getattr(seg, field) if seg else None
        money_fields[field] = column.number_input(
            tr(f"field.{field}") + f", {currency}",
            value=float(current) if current is not None else None,
            step=100.0,
            format="%.2f",
            key=f"{prefix}-{field}",
        )
    retention = d.number_input(
        tr("field.retention_rate"),
        value=seg.retention_rate if seg else None,
        step=1.0,
        format="%.1f",
        key=f"{prefix}-ret",
        help=tr("segments.retention_help"),
    )
    margin = f.number_input(
        tr("field.gross_margin"),
        value=seg.gross_margin if seg else None,
        step=1.0,
        format="%.1f",
        key=f"{prefix}-margin",
        help=tr("segments.margin_help"),
    )
    picked = g.color_picker(
        tr("field.colour"), value=seg.colour if seg else colour, key=f"{prefix}-col"
    )
    return {
        "name": name,
        "description": description,
        "customers": customers,
        "retention_rate": retention,
        "gross_margin": margin,
        "colour": picked,
        **money_fields,
    }
