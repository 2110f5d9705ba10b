"""Analysis: gaps, the personal-to-automated spectrum, costs, LTV and recommendations."""

import pandas as pd
import streamlit as st

from canvas.domain.economics import workshop_figures
from canvas.figures.relationships import cost_chart, gap_heatmap, ltv_chart, spectrum_chart
from canvas.presenters.recommendations import advice
from canvas.presenters.tables import economics_rows, ltv_basis_note, progress_rows
from ui.language import lang, plain, tr
from ui.widgets import derived, show_chart
from ui.workshop import require_view

view = require_view()
st.title(tr("page.analysis"))
if not view.segments:
    st.info(tr("relationships.no_segments"))
    st.page_link("app_pages/segments.py", label=tr("page.segments"), icon=":material/groups:")
    st.stop()

figures = derived(workshop_figures, view)
language = lang()

st.header(tr("analysis.recommendations"))
found = derived(advice, view, language)
if not found:
    st.success(tr("analysis.no_recommendations"))
for severity, text in found:
    box = st.error if severity == "high" else st.warning
    box(
        f"**{plain(text['title'])}**\n\n{plain(text['advice'])}\n\n"
        f"*{tr('analysis.trigger')}: {plain(text['trigger'])}*"
    )

st.header(tr("analysis.progress"))
st.dataframe(pd.DataFrame(derived(progress_rows, view, language)), hide_index=True, width="stretch")

show_chart(gap_heatmap, view, language)
st.caption(tr("analysis.gap_help"))
show_chart(spectrum_chart, view, language)

st.header(tr("analysis.economics"))
st.dataframe(
    pd.DataFrame(derived(economics_rows, view, language)), hide_index=True, width="stretch"
)
if note := derived(ltv_basis_note, view, language):
    st.caption(plain(note))  # it names segments: user text
left, right = st.columns(2)
if any(f.cost_per_customer is not None for f in figures):
    show_chart(cost_chart, view, language, where=left)
if any(f.ltv_to_cac is not None for f in figures):
    show_chart(ltv_chart, view, language, where=right)
with st.expander(tr("analysis.formulas")):
    st.markdown(tr("analysis.formulas_text"))
