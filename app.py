"""Entry point: page set-up, language, the open workshop in the URL, and navigation."""

import streamlit as st

from canvas.domain import GuidingQuestion, Language
from canvas.domain.progress import progress_summary
from canvas.i18n import LANGUAGE_NAMES
from canvas.presenters.tables import comment_lines
from views.access import course_mode, is_trainer
from views.common import (
    database_ready,
    lang,
    plain,
    refresh,
    show_flash,
    snapshot,
    sync_url,
    tr,
)

st.set_page_config(
    page_title="Customer Relationships", page_icon=":material/handshake:", layout="wide"
)

with st.sidebar:
    chosen = st.segmented_control(
        "Язык · Language",
        options=list(Language),
        format_func=lambda code: LANGUAGE_NAMES[Language(code)],
        default=lang(),
        key="lang_choice",
    )
    if chosen and chosen != st.session_state.lang:
        st.session_state.lang = Language(chosen)
database_ready()  # a database this release must not touch stops here, with the reason
sync_url()

steps = [
    st.Page(
        "views/segments.py",
        title=tr("page.segments"),
        icon=":material/groups:",
        url_path="segments",
    ),
    st.Page(
        "views/relationships.py",
        title=tr("page.relationships"),
        icon=":material/handshake:",
        url_path="relationships",
    ),
    st.Page(
        "views/board.py", title=tr("page.canvas"), icon=":material/dashboard:", url_path="canvas"
    ),
    st.Page(
        "views/analysis.py",
        title=tr("page.analysis"),
        icon=":material/analytics:",
        url_path="analysis",
    ),
    st.Page(
        "views/shura.py", title=tr("page.shura"), icon=":material/view_module:", url_path="shura"
    ),
    st.Page(
        "views/twelve_rules.py",
        title=tr("page.twelve_rules"),
        icon=":material/checklist:",
        url_path="twelve-rules",
    ),
    st.Page(
        "views/loyalty.py",
        title=tr("page.loyalty"),
        icon=":material/favorite:",
        url_path="loyalty",
    ),
    st.Page("views/nps.py", title=tr("page.nps"), icon=":material/recommend:", url_path="nps"),
    st.Page(
        "views/touchpoints.py",
        title=tr("page.touchpoints"),
        icon=":material/touch_app:",
        url_path="touchpoints",
    ),
    st.Page(
        "views/summary.py",
        title=tr("page.summary"),
        icon=":material/download:",
        url_path="summary",
    ),
]
workshops_page = st.Page(
    "views/workshops.py", title=tr("page.workshops"), icon=":material/folder_open:", default=True
)
present = st.Page(
    "views/present.py", title=tr("page.present"), icon=":material/slideshow:", url_path="present"
)
if not course_mode():
    pages = {"": [workshops_page, *steps, present]}
elif is_trainer():
    trainer = st.Page(
        "views/trainer.py", title=tr("page.trainer"), icon=":material/school:", default=True
    )
    workshops_page = st.Page(
        "views/workshops.py", title=tr("page.workshops"), icon=":material/folder_open:"
    )
    pages = {tr("nav.trainer"): [trainer, workshops_page, present], tr("nav.steps"): steps}
elif snapshot() is not None:
    pages = {"": steps}
else:
    join = st.Page("views/join.py", title=tr("page.join"), icon=":material/login:", default=True)
    login = st.Page(
        "views/trainer_login.py",
        title=tr("page.trainer_login"),
        icon=":material/lock:",
        url_path="trainer-login",
    )
    pages = {"": [join, login]}
navigation = st.navigation(pages)

current = snapshot()
with st.sidebar:
    if current is None:
        st.caption(tr("sidebar.no_workshop"))
    else:
        st.markdown(f"**{plain(current.workshop.title)}**")
        if current.segments:
            st.caption(tr("sidebar.progress"))
            done = progress_summary(current)
            total = len(current.segments)
            for question in GuidingQuestion:
                st.progress(
                    done[question] / total,
                    text=f"{tr(f'question.short.{question.value}')}: {done[question]}/{total}",
                )
        if current.comments:
            with st.expander(
                tr("comments.sidebar", n=len(current.comments)), icon=":material/forum:"
            ):
                for line in comment_lines(current, lang()):
                    st.markdown(f"- {plain(line)}")
        if st.button(
            tr("sidebar.reload"), icon=":material/refresh:", help=tr("sidebar.reload_help")
        ):
            refresh(current.workshop.id)
            st.rerun()

show_flash()
navigation.run()
