"""The JSON import panel of the Workshops page: upload, check, then create a workshop."""

import streamlit as st

from canvas.export.json_io import MAX_MB, ImportRefused, parse_json
from canvas.store import workshops as workshop_store
from ui.language import lang, tr
from ui.saving import form_key, save, show_problems
from ui.workshop import open_workshop


def import_panel() -> None:
    """An uploader that lists every problem in a file before anything is written."""
    with st.expander(tr("summary.import"), icon=":material/upload_file:"):
        uploaded = st.file_uploader(
            tr("summary.import_help", limit=MAX_MB),
            type=["json"],
            key=form_key("import"),
            # One more than the limit: a slightly bigger file gets our message, not a bare refusal.
            max_upload_size=MAX_MB + 1,
        )
        if uploaded is not None:
            try:
                document = parse_json(uploaded.getvalue(), lang())
            except ImportRefused as refused:
                show_problems(refused.problems)
            else:
                st.success(
                    tr(
                        "summary.import_ready",
                        title=document.workshop.title,
                        n=len(document.segments),
                    )
                )
                if st.button(tr("summary.import_button"), type="primary"):
                    with st.spinner(tr("summary.importing")):
                        created = save(
                            lambda s: workshop_store.create_from_document(s, document=document),
                            success=tr("summary.imported"),
                        )
                    if created:
                        open_workshop(created.id)
                        st.switch_page("app_pages/canvas.py")
