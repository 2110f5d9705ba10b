"""The sidebar every page shares: the language switch, and the open workshop's progress,
the trainer's comments and a reload button."""

import streamlit as st

from canvas.domain import GuidingQuestion, Language, WorkshopView
from canvas.domain.progress import progress_summary
from canvas.i18n import LANGUAGE_NAMES
from ui.comments import comment_list
from ui.gate import TOKEN_PARAM, participant, visitor_token
from ui.language import lang, plain, tr
from ui.widgets import derived
from ui.workshop import refresh


def language_switch() -> None:
    """The two languages as one control; the choice holds for the whole session."""
    with st.sidebar:
        chosen = st.segmented_control(
            "Язык · Language",
            options=list(Language),
            format_func=lambda language: LANGUAGE_NAMES[Language(language)],
            default=lang(),
            key="lang_choice",
        )
    if chosen and chosen != st.session_state.lang:
        st.session_state.lang = Language(chosen)


def workshop_panel(current: WorkshopView | None) -> None:
    """The open workshop's title, the four questions' progress and the trainer's comments."""
    with st.sidebar:
        if current is None:
            st.caption(tr("sidebar.no_workshop"))
            return
        st.markdown(f"**{plain(current.workshop.title)}**")
        if current.segments:
            st.caption(tr("sidebar.progress"))
            done = derived(progress_summary, current)
            total = len(current.segments)
            for question in GuidingQuestion:
                st.progress(
                    done[question] / total,
                    text=f"{tr(f'question.short.{question.value}')}: {done[question]}/{total}",
                )
        # one container, empty or not: a first comment shifts nothing below it
        with st.container():
            if current.comments:
                comment_list(
                    current,
                    key="comments_sidebar",
                    label="comments.sidebar",
                    unread_label="comments.sidebar_unread",
                )
        private_link()
        if st.button(
            tr("sidebar.reload"), icon=":material/refresh:", help=tr("sidebar.reload_help")
        ):
            refresh(current.workshop.id)
            st.rerun()


def private_link() -> None:
    """A participant's own link to bookmark: open just after joining, folded away after."""
    token = visitor_token()
    if not participant() or not token:
        return
    page = (st.context.url or "").split("?", 1)[0]
    with st.expander(
        tr("link.title"),
        icon=":material/link:",
        expanded=bool(st.session_state.pop("just_joined", False)),
    ):
        st.caption(tr("link.help"))
        st.code(f"{page}?{TOKEN_PARAM}={token}", language=None, wrap_lines=True)
