"""What a person meets at an address that is not theirs in this mode.

Streamlit answers an address missing from the navigation with its own English "Page not
found". Every page the app has is therefore always in the navigation: the ones this
visitor may not use are hidden and run ``app_pages/elsewhere.py``, which says in their
language whose page it is and where to go instead. (An address the app never had still
meets Streamlit's message: the README lists it.)
"""

import streamlit as st

from ui.gate import course_mode, is_trainer
from ui.language import tr
from ui.workshop import current_view

# The page this session last ran, when it was one the visitor could use.
_LAST_PAGE = "last_page"


def explain() -> None:
    """Say why this page is not open to this visitor, with a link to where they can go."""
    st.title(tr("elsewhere.title"))
    if not course_mode():
        st.info(tr("elsewhere.local"), icon=":material/info:")
        _link("workshops")
    elif is_trainer():
        st.info(tr("elsewhere.trainer"), icon=":material/school:")
        _link("trainer")
    else:
        st.info(tr("elsewhere.participant"), icon=":material/lock:")
        _link("segments")
        _link("trainer_login")


def left_behind(here: str, *, away: set[str], start: st.Page) -> None:
    """Send a visitor whose own step closed the page they were on (they joined on the join
    page, logged in, logged out) to the start page of their new mode; someone who arrives at
    such an address from elsewhere is told whose page it is instead, except a visitor who is
    neither in the course nor the trainer: every address leads them to the join page, which
    also says why a private link they followed was refused."""
    if here in away:
        visitor = course_mode() and not is_trainer() and current_view() is None
        if visitor or st.session_state.get(_LAST_PAGE) == here:
            st.switch_page(start)
        return
    st.session_state[_LAST_PAGE] = here


def _link(name: str) -> None:
    st.page_link(f"app_pages/{name}.py", label=tr(f"page.{name}"))
