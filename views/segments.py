"""Segments: the customer groups the relationships are built for."""

from typing import Any

import pandas as pd
import streamlit as st

from canvas.domain import CustomerSegment, SegmentInput
from canvas.domain.vocabulary import free_colour
from canvas.store import segments
from canvas.summary import segment_rows
from views.common import edit_version, form_key, lang, require_snapshot, save, submit_key, tr

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
    a, b, c, d, e = st.columns([3, 3, 3, 3, 1])
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
            tr(f"field.{field}") + f", {workshop.currency}",
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
    picked = e.color_picker(
        tr("field.colour"), value=seg.colour if seg else colour, key=f"{prefix}-col"
    )
    return {
        "name": name,
        "description": description,
        "customers": customers,
        "retention_rate": retention,
        "colour": picked,
        **money_fields,
    }


with (
    st.expander(tr("segments.add"), expanded=not snap.segments),
    st.form(form_key("add_segment")),
):
    values = segment_fields(
        form_key("new"), None, free_colour([v.segment.colour for v in snap.segments])
    )
    if st.form_submit_button(tr("segments.add_button"), type="primary") and save(
        lambda s: segments.add_segment(s, workshop_id=workshop.id, data=SegmentInput(**values)),
        success=tr("segments.added"),
    ):
        st.rerun()

if not snap.segments:
    st.stop()


table = pd.DataFrame(segment_rows(snap, lang()))
table.insert(0, " ", [v.segment.colour for v in snap.segments])
st.dataframe(
    table.style.map(lambda colour: f"background-color: {colour}; color: {colour}", subset=[" "]),
    hide_index=True,
    width="stretch",
)

st.subheader(tr("segments.edit"))
ids = [v.segment.id for v in snap.segments]
if st.session_state.get("edit_segment") not in ids:
    st.session_state.edit_segment = ids[0]
names = {v.segment.id: v.segment.name for v in snap.segments}
chosen = st.selectbox(tr("field.segment"), ids, format_func=names.__getitem__, key="edit_segment")
seg = next(v.segment for v in snap.segments if v.segment.id == chosen)
index = ids.index(chosen)
record = f"segment-{seg.id}"
version = edit_version(record, seg.version)
with st.form(f"edit-{seg.id}-{version}"):
    values = segment_fields(f"e{seg.id}v{version}", seg, seg.colour)
    if st.form_submit_button(
        tr("segments.save"), type="primary", key=submit_key(record, version)
    ) and save(
        lambda s: segments.update_segment(
            s, segment_id=seg.id, data=SegmentInput(**values), expected_version=version
        ),
        success=tr("segments.saved"),
    ):
        st.rerun()
up, down, sure, delete = st.columns(4, vertical_alignment="center")
if up.button(tr("segments.up"), icon=":material/arrow_upward:", disabled=index == 0) and save(
    lambda s: segments.move_segment(s, segment_id=seg.id, offset=-1)
):
    st.rerun()
if down.button(
    tr("segments.down"), icon=":material/arrow_downward:", disabled=index == len(ids) - 1
) and save(lambda s: segments.move_segment(s, segment_id=seg.id, offset=1)):
    st.rerun()
confirmed = sure.checkbox(tr("segments.confirm_delete"), key=f"sure-{seg.id}")
if delete.button(tr("segments.delete"), disabled=not confirmed) and save(
    lambda s: segments.delete_segment(s, segment_id=seg.id), success=tr("segments.deleted")
):
    st.rerun()
