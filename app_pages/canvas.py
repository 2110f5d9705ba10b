"""Canvas: the whole Business Model Canvas with the relationships block filled from answers,
and on request the loyalty-and-touchpoints layer over it."""

import streamlit as st

from canvas.content import catalogue
from canvas.domain import NOTE_BLOCKS, CanvasNoteInput, IntegrationBlock, RelationshipType
from canvas.export.files import ExportFormat
from canvas.figures.canvas import canvas_figure
from canvas.figures.touchpoints import touchpoint_heatmap
from canvas.store import notes as note_store
from ui.comments import beside_blocks
from ui.frozen import read_only
from ui.language import lang, plain, tr
from ui.panels.canvas.board_list import canvas_list, narrow_screen
from ui.panels.canvas.notes import notes_panel
from ui.panels.touchpoints.inventory import fix_first_list
from ui.reflow import DRAWING, NARROW_LIST
from ui.saving import form_key, save
from ui.url_state import from_url, to_url
from ui.widgets import download, show_chart
from ui.workshop import require_view

cat = catalogue()
view = require_view()
language = lang()  # widgets' format_func may be called outside the run
all_segments = tr("canvas.all_segments")
head, button = st.columns([4, 1], vertical_alignment="bottom")
head.title(tr("page.canvas"))
with button:
    download(tr("summary.pdf"), view, ExportFormat.PDF, language, icon=":material/picture_as_pdf:")
st.write(tr("canvas.help"))
left_toggle, right_toggle = st.columns(2)
ON_OFF, phone = {True: "1", False: "0"}, narrow_screen()  # a phone starts with the list
from_url("canvas_layer", "layer", [False, True], False, ON_OFF)
layer = left_toggle.toggle(
    tr("touchpoints.layer.toggle"), help=tr("touchpoints.layer.help"), key="canvas_layer"
)
from_url("canvas_as_list", "list", [False, True], phone, ON_OFF)
as_list = right_toggle.toggle(
    tr("reflow.list.toggle"), help=tr("reflow.list.help"), key="canvas_as_list"
)
to_url("canvas_layer", "layer", layer, False, ON_OFF)
to_url("canvas_as_list", "list", as_list, phone, ON_OFF)
if as_list:
    canvas_list(view, language, layer=layer, key="canvas-list")
else:  # a window narrower than the style's NARROW (ui/reflow.py) shows the list instead
    with st.container(key=DRAWING):
        show_chart(
            canvas_figure,
            view,
            language,
            credit=False,
            layer=layer,
            config={"displayModeBar": False},
        )
    with st.container(key=NARROW_LIST):
        canvas_list(view, language, layer=layer, key="canvas-narrow")
st.caption(cat.credit(language))
beside_blocks(view)  # the trainer's comments, each in its block's area
if layer:
    st.caption(tr("touchpoints.layer.legend"))
    if view.touchpoints:
        heat, ranked = st.columns(2)
        show_chart(touchpoint_heatmap, view, language, where=heat)
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
    st.header(tr("canvas.add_note"))
    block = st.selectbox(
        tr("field.block"), NOTE_BLOCKS, format_func=lambda b: cat.block(b).name(language)
    )
    segment = st.selectbox(
        tr("field.segment"),
        [None, *segment_names],
        format_func=lambda i: all_segments if i is None else segment_names[i],
    )
    text = st.text_area(tr("field.text"), height=80)
    if st.form_submit_button(
        tr("canvas.add_button"), type="primary", disabled=read_only()
    ) and save(
        lambda s: note_store.add_note(
            s,
            workshop_id=view.workshop.id,
            data=CanvasNoteInput(block=block, text=text, segment_id=segment),
        ),
        success=tr("canvas.note_added"),
    ):
        st.rerun()

with right:
    st.header(tr("canvas.integration"))
    st.caption(cat.question("integration").text(language))
    ties = [
        (block, segment_view.segment.name, cat.type(kind).name(language), note)
        for segment_view in view.segments
        for kind in RelationshipType
        for block, note in segment_view.answer(kind).integration.items()
    ]
    if not ties:
        st.info(tr("canvas.no_integration"))
    for block in IntegrationBlock:
        rows = [tie for tie in ties if tie[0] == block]
        if rows:  # one element per block: hundreds of ties would each cost a message
            lines = [f"- {plain(name)} · {kind}: {plain(note)}" for _, name, kind, note in rows]
            st.markdown("\n".join([f"**{cat.block(block).name(language)}**", *lines]))

notes_panel(view, segment_names, language)
