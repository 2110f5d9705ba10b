"""Summary & export: the workshop as PDF, HTML, Markdown, JSON and PowerPoint slides, and
named snapshots."""

import streamlit as st

from canvas.domain import Language
from canvas.domain.changes import compare
from canvas.domain.fields import NAME_MAX
from canvas.domain.saved_snapshot import SnapshotInput
from canvas.export.files import ExportFormat, file_name
from canvas.i18n import LANGUAGE_NAMES
from canvas.presenters.tables import describe_changes
from canvas.store import saved_snapshots
from ui.frozen import read_only
from ui.language import lang, local_time, plain, tr
from ui.saving import form_key, save
from ui.widgets import download, worksheet_download
from ui.workshop import document, require_view, saved_snapshots_of

view = require_view()
workshop = view.workshop
st.title(tr("page.summary"))
st.write(tr("summary.help"))

st.header(tr("summary.export"))
report_lang = st.segmented_control(
    tr("summary.report_language"),
    list(Language),
    default=Language(workshop.language),
    format_func=lambda language: LANGUAGE_NAMES[Language(language)],
    key=f"report-lang-{workshop.id}",
) or Language(workshop.language)
labels = {
    ExportFormat.PDF: ("summary.pdf", ":material/picture_as_pdf:"),
    ExportFormat.HTML: ("summary.html", ":material/html:"),
    ExportFormat.MARKDOWN: ("summary.markdown", ":material/description:"),
    ExportFormat.JSON: ("summary.json", ":material/data_object:"),
    ExportFormat.PPTX: ("deck_file.download", ":material/slideshow:"),
}
theory = st.checkbox(
    tr("handout.with_theory"), help=tr("handout.with_theory.help"), key=f"theory-{workshop.id}"
)
for column, fmt in zip(st.columns(len(labels)), ExportFormat, strict=True):
    key, icon = labels[fmt]
    with column:
        hint = tr("deck_file.download_help") if fmt is ExportFormat.PPTX else None
        download(tr(key), view, fmt, report_lang, icon=icon, help=hint, with_theory=theory)
st.caption(tr("handout.worksheet.help"))
worksheet_download(
    tr("handout.worksheet.button"),
    lang(),
    [segment_view.segment.name for segment_view in view.segments],
    stem=file_name(view, ExportFormat.PDF).removesuffix(".pdf"),
    key=f"worksheet-{workshop.id}",
    title=workshop.title,
)

st.header(tr("summary.snapshots"))
st.caption(tr("summary.snapshots_help"))
with st.form(form_key("snapshot")):
    name = st.text_input(tr("summary.snapshot_name"))
    if st.form_submit_button(
        tr("summary.snapshot_save"), type="primary", disabled=read_only()
    ) and save(
        lambda s: saved_snapshots.save_snapshot(
            s, workshop_id=workshop.id, data=SnapshotInput(name=name)
        ),
        success=tr("summary.snapshot_saved"),
    ):
        st.rerun()

saved = saved_snapshots_of(workshop.id)
if not saved:
    st.info(tr("summary.no_snapshots"))
    st.stop()
by_id = {item.id: item for item in saved}
# computed now: a widget's format_func may be called outside the run, with no language
labels = {
    i: tr("summary.snapshot_label", name=item.name, when=local_time(item.created_at))
    for i, item in by_id.items()
}
picked = st.selectbox(tr("summary.snapshot_pick"), list(by_id), format_func=labels.__getitem__)
chosen = by_id[picked]
lines = describe_changes(compare(chosen.document, document(view)), lang(), workshop.currency)
with st.expander(tr("summary.changes"), expanded=True):
    if lines:
        st.markdown("\n".join(f"- {plain(line)}" for line in lines))
    else:
        st.info(tr("changes.none"))
sure, restore, drop = st.columns(3, vertical_alignment="center")
confirmed = sure.checkbox(tr("summary.confirm_restore"), key=f"restore-{chosen.id}")
backup = tr("summary.backup_name", name=chosen.name)[:NAME_MAX]
if restore.button(
    tr("summary.restore"), disabled=not confirmed or read_only(), type="primary"
) and save(
    lambda s: saved_snapshots.restore_snapshot(
        s, snapshot_id=chosen.id, backup=SnapshotInput(name=backup)
    ),
    success=tr("summary.restored", name=plain(backup)),
):
    st.rerun()
if drop.button(tr("summary.snapshot_delete"), disabled=read_only()) and save(
    lambda s: saved_snapshots.delete_snapshot(s, snapshot_id=chosen.id),
    success=tr("summary.snapshot_deleted"),
):
    st.rerun()
