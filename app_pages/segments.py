"""Segments: the customer groups the relationships are built for."""

import pandas as pd
import streamlit as st

from canvas.domain import SegmentInput
from canvas.domain.vocabulary import free_colour, ink_on
from canvas.presenters.tables import segment_rows
from canvas.store import segments as segment_store
from ui.frozen import read_only
from ui.language import lang, tr
from ui.panels.segments.fields import checked, segment_fields
from ui.saving import edit_version, form_key, save, submit_key
from ui.workshop import require_view

view = require_view()
workshop = view.workshop
st.title(tr("page.segments"))
st.write(tr("segments.help"))  # instructions: body text, not caption grey


with (
    st.expander(tr("segments.add"), expanded=not view.segments),
    st.form(form_key("add_segment")),
):
    values = segment_fields(
        form_key("new"),
        None,
        free_colour([v.segment.colour for v in view.segments]),
        workshop.currency,
    )
    pressed = st.form_submit_button(tr("segments.add_button"), type="primary", disabled=read_only())
    if (
        pressed
        and (data := checked(values, workshop.currency)) is not None
        and save(
            lambda s: segment_store.add_segment(
                s, workshop_id=workshop.id, data=SegmentInput(**data)
            ),
            success=tr("segments.added"),
        )
    ):
        st.rerun()

if not view.segments:
    st.stop()


table = pd.DataFrame(segment_rows(view, lang()))
colour = tr("field.colour")  # a named column whose cells say their colour: not colour alone
table.insert(1, colour, [v.segment.colour.upper() for v in view.segments])
st.dataframe(
    table.style.map(lambda c: f"background-color: {c}; color: {ink_on(c)}", subset=[colour]),
    hide_index=True,
    width="stretch",
)

st.header(tr("segments.edit"))
ids = [v.segment.id for v in view.segments]
if st.session_state.get("edit_segment") not in ids:
    st.session_state.edit_segment = ids[0]
names = {v.segment.id: v.segment.name for v in view.segments}
chosen = st.selectbox(tr("field.segment"), ids, format_func=names.__getitem__, key="edit_segment")
seg = next(v.segment for v in view.segments if v.segment.id == chosen)
index = ids.index(chosen)
record = f"segment-{seg.id}"
version = edit_version(record, seg.version)
with st.form(f"edit-{seg.id}-{version}"):
    values = segment_fields(f"e{seg.id}v{version}", seg, seg.colour, workshop.currency)
    pressed = st.form_submit_button(
        tr("segments.save"), type="primary", key=submit_key(record, version), disabled=read_only()
    )
    if (
        pressed
        and (data := checked(values, workshop.currency)) is not None
        and save(
            lambda s: segment_store.update_segment(
                s, segment_id=seg.id, data=SegmentInput(**data), expected_version=version
            ),
            success=tr("segments.saved"),
        )
    ):
        st.rerun()
up, down, sure, delete = st.columns(4, vertical_alignment="center")
frozen = read_only()
if up.button(
    tr("segments.up"), icon=":material/arrow_upward:", disabled=index == 0 or frozen
) and save(lambda s: segment_store.move_segment(s, segment_id=seg.id, offset=-1)):
    st.rerun()
if down.button(
    tr("segments.down"), icon=":material/arrow_downward:", disabled=index == len(ids) - 1 or frozen
) and save(lambda s: segment_store.move_segment(s, segment_id=seg.id, offset=1)):
    st.rerun()
confirmed = sure.checkbox(tr("segments.confirm_delete"), key=f"sure-{seg.id}")
if delete.button(tr("segments.delete"), disabled=not confirmed or frozen) and save(
    lambda s: segment_store.delete_segment(s, segment_id=seg.id), success=tr("segments.deleted")
):
    st.rerun()
