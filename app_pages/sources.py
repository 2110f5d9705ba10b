"""Sources: where each framework of the workshop comes from, for anyone, with or without
a workshop open."""

import streamlit as st

from canvas.presenters.sources import source_lines, sources_intro
from ui.language import lang, tr

language = lang()
st.title(tr("page.sources"))
st.markdown(sources_intro(language))
for entry in source_lines(language):
    st.header(entry.framework)
    # Catalogue texts, not user input, so markdown is fine; each reference is a bullet.
    st.markdown("\n".join(f"- {reference}" for reference in entry.references))
