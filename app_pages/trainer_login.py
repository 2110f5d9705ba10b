"""The trainer's way in: the password, checked slowly after failures and never echoed."""

import streamlit as st

from canvas.domain.access import Login, attempt_login
from ui.gate import check_limiter, deployment
from ui.language import tr
from ui.saving import form_key
from ui.trainer_session import remember

st.title(tr("page.trainer_login"))
st.caption(tr("trainer.login_help"))
with st.form(form_key("trainer_login")):
    password = st.text_input(tr("trainer.password"), type="password")
    submitted = st.form_submit_button(tr("trainer.login"), type="primary")

if submitted:
    failures = int(st.session_state.get("login_failures", 0))  # this browser session's own
    with st.spinner(tr("trainer.checking")):
        outcome = attempt_login(
            password, deployment=deployment(), failures=failures, limiter=check_limiter()
        )
    if outcome is Login.ACCEPTED:
        st.session_state.login_failures = 0
        remember()
        st.session_state.saves = st.session_state.get("saves", 0) + 1  # empties the form
        st.rerun()
    elif outcome is Login.BUSY:
        st.warning(tr("trainer.busy"), icon=":material/hourglass_top:")
    else:
        st.session_state.login_failures = failures + 1
        st.error(tr("trainer.wrong_password"), icon=":material/lock:")
