"""The trainer's area: open a course, share its join language, follow the room in a gallery,
compare two canvases, comment on them and export the whole course."""

import streamlit as st

from canvas.domain.course import CourseInput
from canvas.domain.vocabulary import Language
from canvas.i18n import LANGUAGE_NAMES
from canvas.store import courses
from ui.gate import is_trainer
from ui.language import lang, tr
from ui.live import any_change, follow
from ui.panels.trainer.comments import comments
from ui.panels.trainer.compare import compare
from ui.panels.trainer.course_state import course_state
from ui.panels.trainer.export import export
from ui.panels.trainer.gallery import (
    course_gallery,
    course_list,
    gallery_table,
    open_as_deck,
    who,
)
from ui.panels.trainer.people import rename_or_remove
from ui.saving import form_key, save
from ui.url_state import from_url, to_url
from ui.workshop import open_workshop

if not is_trainer():  # navigation offers this page to the trainer only; never show it else
    st.stop()

follow("room", any_change)  # the gallery, comparison and comments follow every save, live
st.title(tr("page.trainer"))
language = lang()

with st.expander(tr("trainer.new_course"), icon=":material/add:"), st.form(form_key("new_course")):
    title = st.text_input(tr("field.title"))
    language = st.selectbox(
        tr("field.language"),
        list(Language),
        index=list(Language).index(language),
        format_func=lambda c: LANGUAGE_NAMES[Language(c)],
    )
    if st.form_submit_button(tr("trainer.create_course"), type="primary") and save(
        lambda s: courses.create_course(s, data=CourseInput(title=title, language=language)),
        success=tr("trainer.course_created"),
    ):
        st.rerun()

every = course_list()
if not every:
    st.info(tr("trainer.no_courses"))
    st.stop()
names = {course.id: course for course in every}
chosen = st.selectbox(
    tr("trainer.course"),
    list(names),
    format_func=lambda i: f"{names[i].title} · {names[i].join_code}",
    key="trainer_course",
)
course = names[chosen]
st.markdown(tr("trainer.code_help", code=course.join_code))
course_state(course)

entries = course_gallery(course.id)
labels = [tr("trainer.gallery", n=len(entries))] + [
    tr(f"trainer.{tab}") for tab in ("compare", "comments", "export")
]
codes = dict(zip(labels, ("gallery", "compare", "comments", "export"), strict=True))
from_url("trainer_tab", "tab", labels, labels[0], codes)  # a reload keeps the open tab
gallery_tab, compare_tab, comments_tab, export_tab = st.tabs(
    labels, key="trainer_tab", on_change="rerun"
)
to_url("trainer_tab", "tab", st.session_state.trainer_tab, labels[0], codes)
with gallery_tab:
    st.header(tr("trainer.gallery", n=len(entries)))
    if not entries:
        st.info(tr("trainer.no_participants"))
    else:
        st.markdown(gallery_table(entries, language))
        left, right, deck_side = st.columns([4, 1, 1.4], vertical_alignment="bottom")
        people = who(entries)
        chosen_one = left.selectbox(
            tr("trainer.open_which"),
            list(people),
            format_func=people.__getitem__,
            key="gallery_open",
        )
        if right.button(tr("trainer.open"), width="stretch"):
            open_workshop(chosen_one)
            st.switch_page("app_pages/canvas.py")
        if deck_side.button(tr("deck.open"), icon=":material/slideshow:", width="stretch"):
            open_as_deck(chosen_one)
        with st.expander(tr("trainer.people"), icon=":material/manage_accounts:"):
            rename_or_remove(course, entries)

with compare_tab:
    compare(entries, language)
with comments_tab:
    comments(entries, language)
with export_tab:
    export(course, entries, language)
