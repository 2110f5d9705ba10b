"""The canvas notes of one block, edited one note at a time.

One form for the chosen note rather than a form per note: every text area makes Streamlit
scan the whole session state, so a block of 25 notes cost 25 scans of 75 widgets a rerun.
"""

import streamlit as st

from canvas.content import catalogue
from canvas.domain import NOTE_BLOCKS, CanvasNote, CanvasNoteInput, Language, WorkshopView
from canvas.store import notes as note_store
from ui.frozen import read_only
from ui.language import plain, tr
from ui.saving import edit_version, save, submit_key

PREVIEW = 60  # characters of a note shown in the chooser


def notes_panel(view: WorkshopView, segment_names: dict[int, str], language: Language) -> None:
    """Pick a block, then one of its notes, and edit or delete it."""
    if not view.notes:
        return
    cat = catalogue()
    all_segments = tr("canvas.all_segments")
    st.header(tr("canvas.notes"))
    used = [block for block in NOTE_BLOCKS if view.notes_in(block)]
    block = st.selectbox(
        tr("field.block"),
        used,
        format_func=lambda b: f"{cat.block(b).name(language)} ({len(view.notes_in(b))})",
        key="notes_block",
    )
    notes = {note.id: note for note in view.notes_in(block)}
    if st.session_state.get("edit_note") not in notes:
        st.session_state.edit_note = next(iter(notes))

    def label(note_id: int) -> str:
        note = notes[note_id]
        owner = segment_names.get(note.segment_id or 0, all_segments)
        text = note.text if len(note.text) <= PREVIEW else note.text[: PREVIEW - 1] + "…"
        return f"{owner} · {text}"

    chosen = st.selectbox(tr("canvas.pick_note"), list(notes), format_func=label, key="edit_note")
    _note_form(notes[chosen], plain(segment_names.get(notes[chosen].segment_id or 0, all_segments)))


def _note_form(note: CanvasNote, owner: str) -> None:
    record = f"note-{note.id}"
    version = edit_version(record, note.version)
    with st.form(f"note-{note.id}-{version}"):
        edited = st.text_area(owner, value=note.text, height=68)
        keep, drop = st.columns(2)
        if keep.form_submit_button(
            tr("canvas.save_note"), key=submit_key(record, version), disabled=read_only()
        ) and save(
            lambda s: note_store.update_note(
                s,
                note_id=note.id,
                expected_version=version,
                data=CanvasNoteInput(block=note.block, text=edited, segment_id=note.segment_id),
            ),
            success=tr("canvas.note_saved"),
        ):
            st.rerun()
        if drop.form_submit_button(tr("canvas.delete_note"), disabled=read_only()) and save(
            lambda s: note_store.delete_note(s, note_id=note.id),
            success=tr("canvas.note_deleted"),
        ):
            st.rerun()
