"""Canvas: the whole Business Model Canvas with the relationships block filled from answers,
and on request the loyalty-and-touchpoints layer over it."""

import streamlit as st

from canvas.content import catalogue
from canvas.domain import NOTE_BLOCKS, CanvasNoteInput, IntegrationBlock, RelationshipType
from canvas.export.files import ExportFormat
from canvas.figures.canvas import canvas_figure
from canvas.figures.touchpoints import touchpoint_heatmap
from canvas.store import notes as note_store
from ui.language import lang, plain, tr
from ui.panels.touchpoints.inventory import fix_first_list
from ui.saving import edit_version, form_key, save, submit_key
from ui.widgets import chart, download
from ui.workshop import require_view

cat = catalogue()
view = require_view()
language = lang()  # widgets' format_func may be called outside the run
all_segments = tr("canvas.all_segments")
head, button = st.columns([4, 1], vertical_alignment="bottom")
head.title(tr("page.canvas"))
with button:
    download(tr("summary.pdf"), view, ExportFormat.PDF, language, icon=":material/picture_as_pdf:")
st.caption(tr("canvas.help"))
layer = st.toggle(
    tr("touchpoints.layer.toggle"), help=tr("touchpoints.layer.help"), key="canvas_layer"
)
st.plotly_chart(
    chart(canvas_figure, view, language, credit=False, layer=layer),
    width="stretch",
    config={"displayModeBar": False},
)
st.caption(cat.credit(language))
if layer:
    st.caption(tr("touchpoints.layer.legend"))
    if view.touchpoints:
        heat, ranked = st.columns(2)
        heat.plotly_chart(chart(touchpoint_heatmap, view, language), width="stretch")
        with ranked:
            fix_first_list(view)
    else:
        st.info(tr("touchpoints.layer.empty"))
        st.page_link(
            "app_pages/touchpoints.py", label=tr("page.touchpoints"), icon=":material/touch_app:"
        )

segment_names = {
    segment_view.segment.id: segment_view.segment.name for segment_view in view.segments
}
left, right = st.columns([2, 3])
with left, st.form(form_key("add_note")):
    st.subheader(tr("canvas.add_note"))
    block = st.selectbox(
        tr("field.block"), NOTE_BLOCKS, format_func=lambda b: cat.block(b).name(language)
    )
    segment = st.selectbox(
        tr("field.segment"),
        [None, *segment_names],
        format_func=lambda i: all_segments if i is None else segment_names[i],
    )
    text = st.text_area(tr("field.text"), height=80)
    if st.form_submit_button(tr("canvas.add_button"), type="primary") and save(
        lambda s: note_store.add_note(
            s,
            workshop_id=view.workshop.id,
            data=CanvasNoteInput(block=block, text=text, segment_id=segment),
        ),
        success=tr("canvas.note_added"),
    ):
        st.rerun()

with right:
    st.subheader(tr("canvas.integration"))
    st.caption(cat.question("integration").text(lang()))
    ties = [
        (block, segment_view.segment.name, cat.type(kind).name(lang()), note)
        for segment_view in view.segments
        for kind in RelationshipType
        for block, note in segment_view.answer(kind).integration.items()
    ]
    if not ties:
        st.info(tr("canvas.no_integration"))
    for block in IntegrationBlock:
        rows = [tie for tie in ties if tie[0] == block]
        if rows:
            st.markdown(f"**{cat.block(block).name(lang())}**")
            for _, segment_name, type_name, note in rows:
                st.markdown(f"- {plain(segment_name)} · {type_name}: {plain(note)}")

if view.notes:
    st.subheader(tr("canvas.notes"))
    used = [block for block in NOTE_BLOCKS if view.notes_in(block)]
    block = st.selectbox(
        tr("field.block"),
        used,
        format_func=lambda b: f"{cat.block(b).name(language)} ({len(view.notes_in(b))})",
        key="notes_block",
    )
    for note in view.notes_in(block):
        owner = plain(segment_names.get(note.segment_id or 0, all_segments))
        record = f"note-{note.id}"
        version = edit_version(record, note.version)
        with st.form(f"note-{note.id}-{version}"):
            edited = st.text_area(owner, value=note.text, height=68)
            keep, drop = st.columns(2)
            if keep.form_submit_button(
                tr("canvas.save_note"), key=submit_key(record, version)
            ) and save(
                lambda s, n=note, e=edited, v=version: note_store.update_note(
                    s,
                    note_id=n.id,
                    expected_version=v,
                    data=CanvasNoteInput(block=n.block, text=e, segment_id=n.segment_id),
                ),
                success=tr("canvas.note_saved"),
            ):
                st.rerun()
            if drop.form_submit_button(tr("canvas.delete_note")) and save(
                lambda s, n=note: note_store.delete_note(s, note_id=n.id),
                success=tr("canvas.note_deleted"),
            ):
                st.rerun()
