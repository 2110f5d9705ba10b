"""Touchpoints: Igor Mann's four kinds, each rated awful / OK / wow, and what to fix first."""

import streamlit as st

from canvas.content.touchpoints import touchpoint_content
from canvas.figures.touchpoints import touchpoint_heatmap
from ui.language import lang, tr
from ui.panels.touchpoints.add import add_form, suggestions
from ui.panels.touchpoints.inventory import fix_first_list, inventory
from ui.widgets import chart
from ui.workshop import require_snapshot

content = touchpoint_content()
snap = require_snapshot()
language = lang()
st.title(tr("page.touchpoints"))
st.markdown(content.intro(language))
with st.expander(tr("touchpoints.scale"), icon=":material/star:", expanded=not snap.touchpoints):
    st.markdown(content.scale_intro(language))
    st.markdown(
        "\n".join(f"- **{s.name(language)}**: {s.meaning(language)}" for s in content.scale)
    )
st.info(
    f"**{content.hiring.title(language)}.** {content.hiring.body(language)}",
    icon=":material/person_add:",
)

suggestions(snap)
add_form(snap)
inventory(snap)
if snap.touchpoints:
    st.subheader(tr("touchpoints.picture"))
    st.plotly_chart(chart(touchpoint_heatmap, snap, language), width="stretch")
    fix_first_list(snap)
