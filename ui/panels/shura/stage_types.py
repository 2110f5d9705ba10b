"""Which relationship types serve each customer stage of SHURA, and which the workshop lacks."""

import streamlit as st

from canvas.content import catalogue
from canvas.content.shura import shura_content
from canvas.domain import Language, WorkshopView
from canvas.domain.shura import stage_types
from ui.language import tr


def stage_types_panel(view: WorkshopView, language: Language) -> None:
    """Each customer stage with the fitting types the workshop has and those it lacks."""
    cat, content = catalogue(), shura_content()
    st.header(tr("shura.types.title"))
    st.write(f"{tr('shura.types.help')} {content.types_note(language)}")
    if not view.segments:
        st.info(tr("shura.types.no_segments"))
    for found in stage_types(view, content.fitting_types()):
        have, lack = (
            ", ".join(cat.type(k).name(language) for k in kinds) or tr("shura.types.none")
            for kinds in (found.established, found.missing)
        )
        st.markdown(
            f"**{content.stage(found.stage).customers.name(language)}** · "
            f"{tr('shura.types.established')}: {have} · {tr('shura.types.missing')}: {lack}"
        )
        st.caption(content.stage(found.stage).types_why(language))
