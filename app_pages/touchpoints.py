"""Touchpoints: Igor Mann's four kinds, each rated awful / OK / wow, and what to fix first."""

import streamlit as st

from canvas.content.touchpoints import touchpoint_content
from canvas.figures.touchpoints import touchpoint_heatmap
from ui.language import lang, tr
from ui.panels.touchpoints.add import add_form, suggestions
from ui.panels.touchpoints.inventory import fix_first_list, inventory
from ui.widgets import show_chart
from ui.workshop import require_view

content = touchpoint_content()
view = require_view()
language = lang()
st.title(tr("page.touchpoints"))
st.markdown(content.intro(language))
with st.expander(tr("touchpoints.scale"), icon=":material/star:", expanded=not view.touchpoints):
    st.markdown(content.scale_intro(language))
    st.markdown(
        "\n".join(f"- **{s.name(language)}**: {s.meaning(language)}" for s in content.scale)
    )
st.info(
    f"**{content.hiring.title(language)}.** {content.hiring.body(language)}",
    icon=":material/person_add:",
)

suggestions(view)
add_form(view)
inventory(view)
if view.touchpoints:
    st.header(tr("touchpoints.picture"))
    show_chart(touchpoint_heatmap, view, language)
    fix_first_list(view)
