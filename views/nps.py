"""Loyalty index (NPS): three ways to collect answers, the score with its interval, comments."""

import streamlit as st

from canvas.domain.nps import BENCHMARKS
from canvas.i18n import number, t
from views.common import lang, require_snapshot, tr
from views.nps_entry import counts_panel, typed_panel
from views.nps_file import file_panel
from views.nps_results import comments, delete_panel, results

snap = require_snapshot()
code = lang()  # widgets' format_func may be called outside the run
st.title(tr("page.nps"))
st.caption(tr("nps.intro"))
benchmarks = ", ".join(f"{name} {number(value, code)}" for name, value in BENCHMARKS.items())
with st.expander(
    tr("nps.teach.title"), icon=":material/school:", expanded=not snap.nps.counts(overall=True).n
):
    st.markdown(tr("nps.teach.body", benchmarks=benchmarks))

WAYS = {"typed": typed_panel, "file": file_panel, "counts": counts_panel}
way = st.segmented_control(
    tr("nps.way"),
    list(WAYS),
    format_func=lambda w: t(f"nps.way.{w}", code),
    default="typed",
    required=True,
    key="nps_way",
)
WAYS[way](snap)

st.divider()
st.header(tr("nps.results"))
results(snap)
comments(snap)
delete_panel(snap)
