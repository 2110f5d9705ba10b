"""Placeholder while the page is being built in this session."""

import streamlit as st

from views.common import require_snapshot, tr

require_snapshot()
st.title(tr("page.shura"))
