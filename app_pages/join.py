"""Join a course: the code from the trainer and a display name give a private workshop."""

import streamlit as st

from canvas.domain.course import JoinRequest
from canvas.store import courses
from ui.language import tr
from ui.saving import form_key, save
from ui.workshop import admit

st.title(tr("page.join"))
st.markdown(tr("join.help"))
st.info(tr("join.lost_tab"), icon=":material/bookmark:")
if st.session_state.pop("link_refused", False):
    st.error(tr("join.link_refused"), icon=":material/link_off:")

with st.form(form_key("join")):
    code = st.text_input(tr("field.code"), max_chars=12, placeholder="ABC123")
    name = st.text_input(tr("field.display_name"), help=tr("join.name_help"))
    submitted = st.form_submit_button(tr("join.button"), type="primary")

if submitted:
    joined = save(
        lambda s: courses.join_course(s, request=JoinRequest(code=code, display_name=name)),
        success=tr("join.joined"),
    )
    if joined:
        admit(joined)
        st.session_state.just_joined = True  # the sidebar opens the private link once
        st.rerun()  # the next run has the workshop pages, the segments first
