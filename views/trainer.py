"""The trainer's area: open a course, share its join code, follow the room in a gallery,
compare two canvases, comment on them and export the whole course."""

import streamlit as st

from canvas.domain.course import CourseInput
from canvas.domain.vocabulary import Language
from canvas.i18n import LANGUAGE_NAMES
from canvas.store import courses
from views.access import is_trainer
from views.common import form_key, lang, open_workshop, save, tr
from views.trainer_comments import comments
from views.trainer_common import course_gallery, course_list, gallery_table, who
from views.trainer_compare import compare
from views.trainer_export import export

if not is_trainer():  # navigation offers this page to the trainer only; never show it else
    st.stop()

st.title(tr("page.trainer"))
code = lang()

with st.expander(tr("trainer.new_course"), icon=":material/add:"), st.form(form_key("new_course")):
    title = st.text_input(tr("field.title"))
    language = st.selectbox(
        tr("field.language"),
        list(Language),
        index=list(Language).index(code),
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

entries = course_gallery(course.id)
gallery_tab, compare_tab, comments_tab, export_tab = st.tabs(
    [
        tr("trainer.gallery", n=len(entries)),
        tr("trainer.compare"),
        tr("trainer.comments"),
        tr("trainer.export"),
    ]
)
with gallery_tab:
    st.subheader(tr("trainer.gallery", n=len(entries)))
    if not entries:
        st.info(tr("trainer.no_participants"))
    else:
        st.markdown(gallery_table(entries, code))
        left, right = st.columns([4, 1], vertical_alignment="bottom")
        people = who(entries)
        chosen_one = left.selectbox(
            tr("trainer.open_which"),
            list(people),
            format_func=people.__getitem__,
            key="gallery_open",
        )
        if right.button(tr("trainer.open"), width="stretch"):
            open_workshop(chosen_one)
            st.switch_page("views/board.py")

with compare_tab:
    compare(entries, code)
with comments_tab:
    comments(entries, code)
with export_tab:
    export(course, entries, code)
