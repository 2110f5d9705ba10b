"""Join a course: the code from the trainer and a display name give a private workshop."""

from typing import Any

import streamlit as st

from canvas.domain import throttle
from canvas.domain.course import JoinRequest
from canvas.domain.errors import UnknownJoinCode
from canvas.domain.workshop import Workshop
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


def join(session: Any) -> Workshop:  # the store's session, from save()
    try:
        return courses.join_course(session, request=JoinRequest(code=code, display_name=name))
    except UnknownJoinCode:  # this browser session's wrong codes slow its next attempts
        st.session_state.join_misses = st.session_state.get("join_misses", 0) + 1
        raise


if submitted:
    with st.spinner(tr("join.checking")):
        throttle.pause(throttle.own_delay(st.session_state.get("join_misses", 0)))
    joined = save(join, success=tr("join.joined"))
    if joined:
        st.session_state.join_misses = 0
        admit(joined)
        st.session_state.just_joined = True  # the sidebar opens the private link once
        st.rerun()  # the next run has the workshop pages, the segments first
