"""What every page shares: the engine, the language, the open workshop and cached reads.

Streamlit lives here and in the pages only; everything else is in ``canvas``.
"""

import uuid

import streamlit as st

from canvas.domain import (
    NotFound,
    Workshop,
    WorkshopDocument,
    WorkshopView,
)
from canvas.domain.saved_snapshot import SavedSnapshot
from canvas.domain.workshop import WorkshopState
from canvas.store import courses, reads, saved_snapshots
from canvas.store import workshops as workshop_store
from canvas.store.db import reading
from ui.engine import engine, revision_board
from ui.gate import TOKEN_PARAM, allowed, course_mode, participant, visitor_token
from ui.language import LANG_PARAM, lang, tr

WORKSHOP_PARAM = "w"
_MISSING = "missing_workshop"  # session state: the number a link asked for and did not find


# ------------------------------------------------------------------ language


# ------------------------------------------------------------------ the open workshop


def sync_url() -> None:
    """Keep the open workshop and language in the URL, which page switches clear.

    In course mode a participant's workshop comes from the private key in the URL (``k``),
    never from a workshop number, and a wrong key opens nothing.
    """
    if participant():
        _admit_by_token()
    else:
        asked = st.query_params.get(WORKSHOP_PARAM)
        if asked is not None and asked.isdigit():
            st.session_state.workshop_id = int(asked)
        elif st.session_state.get("workshop_id"):
            st.query_params[WORKSHOP_PARAM] = str(st.session_state.workshop_id)
    st.query_params[LANG_PARAM] = lang().value


def _admit_by_token() -> None:
    st.query_params.pop(WORKSHOP_PARAM, None)
    asked = st.query_params.get(TOKEN_PARAM)
    if not asked:
        if visitor_token():
            st.query_params[TOKEN_PARAM] = visitor_token() or ""
        return
    if asked == visitor_token() and st.session_state.get("workshop_id"):
        return
    try:
        with reading(engine()) as session:
            found = courses.workshop_for_token(session, token=asked)
    except NotFound:
        st.session_state.token = None
        st.session_state.workshop_id = None
        st.session_state.link_refused = True
        st.query_params.pop(TOKEN_PARAM, None)
        return
    st.session_state.token = asked
    st.session_state.workshop_id = found.id
    st.session_state.link_refused = False


def admit(workshop: Workshop) -> None:
    """Open a participant's new workshop with its private key (after joining a course)."""
    st.session_state.token = workshop.access_token
    st.session_state.workshop_id = workshop.id
    st.query_params[TOKEN_PARAM] = workshop.access_token


def open_workshop(workshop_id: int | None) -> None:
    st.session_state.workshop_id = workshop_id
    if workshop_id is not None:
        st.session_state.pop(_MISSING, None)
    if participant():
        return  # a participant's link carries their key, never a workshop number
    if workshop_id is None:
        st.query_params.pop(WORKSHOP_PARAM, None)
    else:
        st.query_params[WORKSHOP_PARAM] = str(workshop_id)


def workshop_id() -> int | None:
    value = st.session_state.get("workshop_id")
    return int(value) if value else None


def refresh(workshop: int | None = None) -> None:
    """Forget what this process knows about a workshop, so the next read is fresh."""
    revision_board().forget(workshop or workshop_id() or 0)
    st.session_state.list_nonce = uuid.uuid4().hex


# Shared, not copied: ``cache_resource`` hands every session the same frozen workshop view,
# where ``cache_data`` would unpickle a fresh copy on every rerun (17 ms for a large one).
@st.cache_resource(max_entries=512, show_spinner=False)
def _view(workshop: int, state: WorkshopState) -> WorkshopView:
    with reading(engine()) as session:
        return reads.load_view(session, workshop_id=workshop)


@st.cache_resource(max_entries=32, show_spinner=False)
def _document(workshop: int, state: WorkshopState) -> WorkshopDocument:
    with reading(engine()) as session:
        return reads.load_document(session, workshop_id=workshop)


def document(view: WorkshopView) -> WorkshopDocument:
    """The portable form of a workshop view, the NPS survey's single answers included."""
    return _document(view.workshop.id, view.workshop.state)


def latest(workshop: int) -> WorkshopView:
    """A workshop at its latest known revision, unchecked for access; ``NotFound`` if gone.

    No SQL when nothing changed since this process last read it.
    """

    def read() -> WorkshopState:
        with reading(engine()) as session:
            return reads.workshop_state(session, workshop_id=workshop)

    return _view(workshop, revision_board().get(workshop, read))


def current_view() -> WorkshopView | None:
    """The open workshop, if this visitor may see it; no SQL when nothing changed."""
    current = workshop_id()
    if current is None:
        return None
    try:
        found = latest(current)
    except NotFound:
        _refuse(current)
        return None
    if not allowed(found.workshop):
        # Nothing about it reaches the page: not its title, not its segments, not even
        # that it exists (the notice is the same as for a workshop that is gone).
        _refuse(current)
        return None
    return found


def _refuse(asked: int) -> None:
    open_workshop(None)
    st.session_state[_MISSING] = asked


def missing_workshop_notice() -> bool:
    """Say so when the address asked for a workshop that is not there (``?w=999``).

    The notice stays until a workshop is opened, on whichever page the person goes.
    """
    asked = st.session_state.get(_MISSING)
    if asked is None:
        return False
    st.warning(tr("common.workshop_missing", number=asked), icon=":material/link_off:")
    return True


def _nonce() -> str:
    """This session's cache key for lists; ``refresh`` changes it after every save."""
    if "list_nonce" not in st.session_state:
        st.session_state.list_nonce = uuid.uuid4().hex
    nonce: str = st.session_state.list_nonce
    return nonce


@st.cache_data(max_entries=64, show_spinner=False)
def _workshops(nonce: str, in_courses: bool) -> list[Workshop]:
    with reading(engine()) as session:
        return workshop_store.list_workshops(session, in_courses=in_courses)


def workshops() -> list[Workshop]:
    """The workshops to list, re-read only after this session changed something.

    In course mode the trainer's list leaves out the participants' workshops: the course
    gallery shows those, and a room of 200 would bury the trainer's own examples.
    """
    return _workshops(_nonce(), not course_mode())


@st.cache_data(max_entries=128, show_spinner=False)
def _saved_snapshots(workshop: int, nonce: str) -> list[SavedSnapshot]:
    with reading(engine()) as session:
        return saved_snapshots.list_snapshots(session, workshop_id=workshop)


def saved_snapshots_of(workshop: int) -> list[SavedSnapshot]:
    """A workshop's named snapshots, re-read only after this session saved something."""
    return _saved_snapshots(workshop, _nonce())


def require_view() -> WorkshopView:
    """The open workshop, or a pointer to the Workshops page and a stop."""
    current = current_view()
    if current is None:
        if not missing_workshop_notice():
            st.info(tr("common.no_workshop"))
        st.page_link(
            "app_pages/workshops.py", label=tr("page.workshops"), icon=":material/folder_open:"
        )
        st.stop()
    return current


# ------------------------------------------------------------------ saving
