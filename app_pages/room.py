"""The room screen: the chosen course's join code, address and QR code for the projector."""

import streamlit as st

from ui.gate import is_trainer
from ui.panels.room import room_screen

if not is_trainer():  # navigation offers this page to the trainer only; never show it else
    st.stop()

room_screen()
