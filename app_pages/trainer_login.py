"""The trainer's way in: the password, checked slowly after failures and never echoed."""

import streamlit as st

from canvas.domain.access import attempt_login
from ui.gate import client_key, deployment, login_throttle
from ui.language import tr
from ui.saving import form_key

st.title(tr("page.trainer_login"))
st.caption(tr("trainer.login_help"))
with st.form(form_key("trainer_login")):
    password = st.text_input(tr("trainer.password"), type="password")
    submitted = st.form_submit_button(tr("trainer.login"), type="primary")

if submitted:
    with st.spinner(tr("trainer.checking")):
        accepted = attempt_login(
            password, deployment=deployment(), throttle=login_throttle(), client=client_key()
        )
    if accepted:
        st.session_state.trainer = True
        st.session_state.saves = st.session_state.get("saves", 0) + 1  # empties the form
        st.rerun()
    else:
        st.error(tr("trainer.wrong_password"), icon=":material/lock:")
