"""The trainer's export: every canvas of a course as one PDF, or each one's files in a ZIP,
and one participant's workshop as the teaching deck's PowerPoint file, and the blank
worksheet to print.

The files are built only when a button is clicked, on Streamlit's download thread, so
the builders use no Streamlit command: they read the workshops straight from the engine.
"""

from collections.abc import Callable

import streamlit as st

from canvas.domain import Language
from canvas.domain.course import Course, GalleryEntry
from canvas.export.course import course_pdf, course_zip, safe_stem
from canvas.export.files import MIME, ExportFormat
from canvas.store import reads
from canvas.store.db import reading
from ui.engine import engine
from ui.language import lang, tr
from ui.panels.trainer.gallery import who
from ui.widgets import worksheet_download


def pdf_builder(workshop_ids: list[int], lang: Language, title: str) -> Callable[[], bytes]:
    """What the PDF button runs when clicked: every participant's report in one file."""
    source = engine()  # taken now: the click runs on a thread without Streamlit's context

    def build() -> bytes:
        with reading(source) as session:
            snaps = [reads.load_view(session, workshop_id=i) for i in workshop_ids]
        return course_pdf(snaps, lang, title=title)

    return build


def zip_builder(workshop_ids: list[int], lang: Language) -> Callable[[], bytes]:
    """What the ZIP button runs when clicked: each workshop's PDF and JSON."""
    source = engine()

    def build() -> bytes:
        with reading(source) as session:
            snaps = [reads.load_view(session, workshop_id=i) for i in workshop_ids]
            documents = {i: reads.load_document(session, workshop_id=i) for i in workshop_ids}
        return course_zip(snaps, lang, documents=documents)

    return build


def deck_builder(workshop_id: int, lang: Language) -> Callable[[], bytes]:
    """What the PowerPoint button runs when clicked: one participant's deck."""
    source = engine()

    def build() -> bytes:
        from canvas.export.pptx import render_pptx  # python-pptx loads on the first click

        with reading(source) as session:
            view = reads.load_view(session, workshop_id=workshop_id)
        return render_pptx(view, lang)

    return build


def export(course: Course, entries: list[GalleryEntry], code: Language) -> None:
    """Download buttons, one of them for a participant's deck; nothing is built until one
    is clicked. The blank worksheet is there before anyone has joined: it is printed for a
    room without laptops."""
    stem = safe_stem(course.title, "course")
    st.caption(tr("handout.worksheet.help"))
    worksheet_download(
        tr("handout.worksheet.button"),
        lang(),  # the interface's, like the rest of the page: it is for the room
        [],
        stem=stem,
        key=f"course-worksheet-{course.id}",
        title=course.title,
    )
    if not entries:
        st.info(tr("trainer.no_participants"))
        return
    ids = [entry.workshop_id for entry in entries]
    st.caption(tr("trainer.export.help"))
    left, right = st.columns(2)
    left.download_button(
        tr("trainer.export.pdf"),
        data=pdf_builder(ids, code, course.title),
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        key=f"course-pdf-{course.id}",
    )
    right.download_button(
        tr("trainer.export.zip"),
        data=zip_builder(ids, code),
        file_name=f"{stem}.zip",
        mime="application/zip",
        icon=":material/folder_zip:",
        on_click="ignore",
        key=f"course-zip-{course.id}",
    )
    names = who(entries)
    chosen = st.selectbox(
        tr("deck_file.participant"),
        list(names),
        format_func=lambda workshop_id: names[workshop_id],
        key=f"course-deck-pick-{course.id}",
    )
    if chosen is not None:
        st.download_button(
            tr("deck_file.download"),
            data=deck_builder(chosen, code),
            file_name=f"{safe_stem(names[chosen], 'participant')}.pptx",
            mime=MIME[ExportFormat.PPTX],
            icon=":material/slideshow:",
            help=tr("deck_file.download_help"),
            on_click="ignore",
            key=f"course-deck-{course.id}",
        )
