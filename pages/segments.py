"""Segments: the customer groups the relationships are built for."""

from typing import Any

import streamlit as st

from canvas.domain import CustomerSegment, SegmentInput
from canvas.domain.vocabulary import free_colour
from canvas.i18n import money, number, percent
from canvas.store import repository
from pages.common import lang, plain, require_snapshot, save, tr

snap = require_snapshot()
workshop = snap.workshop
st.title(tr("page.segments"))
st.caption(tr("segments.help"))


def segment_fields(prefix: str, seg: CustomerSegment | None, colour: str) -> dict[str, Any]:
    """The segment form's widgets; returns the raw values for ``SegmentInput``."""
    name = st.text_input(tr("field.name"), value=seg.name if seg else "", key=f"{prefix}-name")
    description = st.text_area(
        tr("field.description"),
        value=seg.description if seg else "",
        key=f"{prefix}-desc",
        height=80,
    )
    a, b, c, d = st.columns(4)
    customers = a.number_input(
        tr("field.customers"),
        value=seg.customers if seg else None,
        step=1,
        key=f"{prefix}-n",
        help=tr("segments.customers_help"),
    )
    revenue = b.number_input(
        tr("field.revenue_per_customer") + f", {workshop.currency}",
        key=f"{prefix}-rev",
        value=float(seg.revenue_per_customer)
        if seg and seg.revenue_per_customer is not None
        else None,
        step=100.0,
        format="%.2f",
    )
    cac = c.number_input(
        tr("field.acquisition_cost") + f", {workshop.currency}",
        key=f"{prefix}-cac",
        value=float(seg.acquisition_cost) if seg and seg.acquisition_cost is not None else None,
        step=100.0,
        format="%.2f",
    )
    retention = d.number_input(
        tr("field.retention_rate"),
        value=seg.retention_rate if seg else None,
        step=1.0,
        format="%.1f",
        key=f"{prefix}-ret",
        help=tr("segments.retention_help"),
    )
    picked = st.color_picker(
        tr("field.colour"), value=seg.colour if seg else colour, key=f"{prefix}-col"
    )
    return {
        "name": name,
        "description": description,
        "customers": customers,
        "revenue_per_customer": revenue,
        "acquisition_cost": cac,
        "retention_rate": retention,
        "colour": picked,
    }


with st.expander(tr("segments.add"), expanded=not snap.segments):
    fresh_colour = free_colour([v.segment.colour for v in snap.segments])
    with st.form("add_segment", clear_on_submit=True):
        values = segment_fields("new", None, fresh_colour)
        if st.form_submit_button(tr("segments.add_button"), type="primary") and save(
            lambda s: repository.add_segment(
                s, workshop_id=workshop.id, data=SegmentInput(**values)
            ),
            success=tr("segments.added"),
        ):
            st.rerun()

for index, view in enumerate(snap.segments):
    seg = view.segment
    facts = [
        tr("segments.customers_n", n=number(seg.customers, lang()))
        if seg.customers is not None
        else None,
        money(seg.revenue_per_customer, workshop.currency, lang()) + tr("segments.per_year")
        if seg.revenue_per_customer is not None
        else None,
        tr("segments.retention_n", p=percent(seg.retention_rate / 100, lang(), 1))
        if seg.retention_rate is not None
        else None,
    ]
    with st.container(border=True):
        swatch, head, up, down = st.columns([1, 10, 1, 1], vertical_alignment="center")
        swatch.color_picker(
            tr("field.colour"),
            value=seg.colour,
            disabled=True,
            key=f"swatch-{seg.id}-{seg.version}",
            label_visibility="collapsed",
        )
        head.markdown(f"**{plain(seg.name)}** · " + " · ".join(plain(f) for f in facts if f))
        if up.button("↑", key=f"up-{seg.id}", disabled=index == 0, help=tr("segments.up")):
            save(lambda s, i=seg.id: repository.move_segment(s, segment_id=i, offset=-1))
            st.rerun()
        if down.button(
            "↓",
            key=f"down-{seg.id}",
            disabled=index == len(snap.segments) - 1,
            help=tr("segments.down"),
        ):
            save(lambda s, i=seg.id: repository.move_segment(s, segment_id=i, offset=1))
            st.rerun()
        with st.expander(tr("segments.edit")):
            with st.form(f"edit-{seg.id}-{seg.version}"):
                values = segment_fields(f"e{seg.id}v{seg.version}", seg, seg.colour)
                if st.form_submit_button(tr("segments.save")) and save(
                    lambda s, i=seg.id, v=seg.version, d=values: repository.update_segment(
                        s, segment_id=i, data=SegmentInput(**d), expected_version=v
                    ),
                    success=tr("segments.saved"),
                ):
                    st.rerun()
            sure = st.checkbox(tr("segments.confirm_delete"), key=f"sure-{seg.id}")
            if st.button(tr("segments.delete"), key=f"del-{seg.id}", disabled=not sure) and save(
                lambda s, i=seg.id: repository.delete_segment(s, segment_id=i),
                success=tr("segments.deleted"),
            ):
                st.rerun()
