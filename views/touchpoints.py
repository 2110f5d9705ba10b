"""Touchpoints: Igor Mann's four kinds, each rated awful / OK / wow, and what to fix first."""

import streamlit as st

from canvas.content.touchpoints import touchpoint_content
from canvas.figures.touchpoints import touchpoint_heatmap
from views.common import chart, lang, require_snapshot, tr
from views.touchpoints_add import add_form, suggestions
from views.touchpoints_list import fix_first_list, inventory

content = touchpoint_content()
snap = require_snapshot()
code = lang()
st.title(tr("page.touchpoints"))
st.markdown(content.intro(code))
with st.expander(tr("touchpoints.scale"), icon=":material/star:", expanded=not snap.touchpoints):
    st.markdown(content.scale_intro(code))
    st.markdown("\n".join(f"- **{s.name(code)}**: {s.meaning(code)}" for s in content.scale))
st.info(
    f"**{content.hiring.title(code)}.** {content.hiring.body(code)}",
    icon=":material/person_add:",
)

suggestions(snap)
add_form(snap)
inventory(snap)
if snap.touchpoints:
    st.subheader(tr("touchpoints.picture"))
    st.plotly_chart(chart(touchpoint_heatmap, snap, code), width="stretch")
    fix_first_list(snap)
