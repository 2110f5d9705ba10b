"""Loyalty index (NPS): three ways to collect answers, the score with its interval, comments."""

import streamlit as st

from canvas.domain.nps import BENCHMARKS
from canvas.i18n import number, t
from ui.language import lang, tr
from ui.panels.nps.entry import counts_panel, typed_panel
from ui.panels.nps.results import comments, delete_panel, results
from ui.panels.nps.upload import file_panel
from ui.url_state import from_url, to_url
from ui.workshop import require_view

view = require_view()
language = lang()  # widgets' format_func may be called outside the run
st.title(tr("page.nps"))
st.write(tr("nps.intro"))  # instructions: body text, not caption grey
benchmarks = ", ".join(f"{name} {number(value, language)}" for name, value in BENCHMARKS.items())
with st.expander(
    tr("nps.teach.title"), icon=":material/school:", expanded=not view.nps.counts(overall=True).n
):
    st.markdown(tr("nps.teach.body", benchmarks=benchmarks))

WAYS = {"typed": typed_panel, "file": file_panel, "counts": counts_panel}
from_url("nps_way", "way", list(WAYS), "typed")  # the way of entering answers, like a tab
way = st.segmented_control(
    tr("nps.way"),
    list(WAYS),
    format_func=lambda w: t(f"nps.way.{w}", language),
    required=True,
    key="nps_way",
)
to_url("nps_way", "way", way, "typed")
WAYS[way](view)

st.divider()
st.header(tr("nps.results"))
results(view)
comments(view)
delete_panel(view)
