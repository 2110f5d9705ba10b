"""Touchpoints: being built."""

import streamlit as st

from views.common import require_snapshot, tr

snap = require_snapshot()
st.title(tr("page.touchpoints"))
