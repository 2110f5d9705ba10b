"""What every page shares: the engine, the language, the open workshop and cached reads.

Streamlit lives here and in the pages only; everything else is in ``canvas``.
"""

import re
import uuid
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlmodel import Session

from canvas.domain import (
    Language,
    NotFound,
    Workshop,
    WorkshopDocument,
    WorkshopError,
    WorkshopSnapshot,
)
from canvas.domain.errors import SchemaTooNew
from canvas.domain.saved_snapshot import SavedSnapshot
from canvas.domain.workshop import WorkshopState
from canvas.export.files import MIME, ExportFormat, export_file, file_name
from canvas.i18n import describe_error, describe_validation, language_from_locale, t
from canvas.ops.migrate import upgrade
from canvas.store import courses, reads, saved_snapshots
from canvas.store import workshops as workshop_store
from canvas.store.db import make_engine, reading, transaction
from canvas.store.revisions import RevisionBoard, start_listener
from canvas.store.writes import TOUCHED
from views.access import TOKEN_PARAM, allowed, course_mode, participant, visitor_token

WORKSHOP_PARAM = "w"
LANG_PARAM = "lang"


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """The process's one engine; migrations run once, when it is made."""
    made = make_engine()
    try:
        upgrade(made)
    except Exception:
        made.dispose()  # not cached: the next run tries again with a fresh engine
        raise
    return made


def database_ready() -> None:
    """Stop the page with the reason if the database was written by a newer release."""
    try:
        engine()
    except SchemaTooNew as error:
        st.error(describe_error(error, lang()), icon=":material/database:")
        st.stop()


# ------------------------------------------------------------------ language


def lang() -> Language:
    """The interface language: the URL, then the user's choice, then the browser locale."""
    if "lang" not in st.session_state:
        asked = st.query_params.get(LANG_PARAM)
        locale = getattr(st.context, "locale", None)
        st.session_state.lang = (
            Language(asked) if asked in {"ru", "en"} else language_from_locale(locale)
        )
    return Language(st.session_state.lang)


def tr(key: str, **params: Any) -> str:
    """``t`` in the interface language."""
    return t(key, lang(), **params)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=])")


def plain(text: str) -> str:
    """User text made safe to put inside markdown: shown literally, never interpreted."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


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
    if participant():
        return  # a participant's link carries their key, never a workshop number
    if workshop_id is None:
        st.query_params.pop(WORKSHOP_PARAM, None)
    else:
        st.query_params[WORKSHOP_PARAM] = str(workshop_id)


def workshop_id() -> int | None:
    value = st.session_state.get("workshop_id")
    return int(value) if value else None


@st.cache_resource(show_spinner=False)
def revision_board() -> RevisionBoard[WorkshopState]:
    """The process's record of workshop revisions.

    Saves here forget entries; on PostgreSQL a listener hears other app servers' saves.
    """
    board: RevisionBoard[WorkshopState] = RevisionBoard()
    start_listener(engine(), board)
    return board


def refresh(workshop: int | None = None) -> None:
    """Forget what this process knows about a workshop, so the next read is fresh."""
    revision_board().forget(workshop or workshop_id() or 0)
    st.session_state.list_nonce = uuid.uuid4().hex


# Shared, not copied: ``cache_resource`` hands every session the same frozen snapshot,
# where ``cache_data`` would unpickle a fresh copy on every rerun (17 ms for a large one).
@st.cache_resource(max_entries=512, show_spinner=False)
def _snapshot(workshop: int, state: WorkshopState) -> WorkshopSnapshot:
    with reading(engine()) as session:
        return reads.load_snapshot(session, workshop_id=workshop)


@st.cache_resource(max_entries=32, show_spinner=False)
def _document(workshop: int, state: WorkshopState) -> WorkshopDocument:
    with reading(engine()) as session:
        return reads.load_document(session, workshop_id=workshop)


def document(snap: WorkshopSnapshot) -> WorkshopDocument:
    """The portable form of a snapshot, the NPS survey's single answers included."""
    return _document(snap.workshop.id, snap.workshop.state)


def chart(
    build: Callable[..., go.Figure], snap: WorkshopSnapshot, *args: Hashable, **options: Hashable
) -> go.Figure:
    """``build(snap, *args, **options)``, built once per workshop state and shared by every
    session: a Plotly figure takes 5–25 ms to build, and ``st.plotly_chart`` only reads it.

    The figure may depend on nothing but the snapshot and the arguments. A snapshot that is
    not from the database (the presentation's demo) passes ``source`` to keep its own key.
    """
    source = str(options.pop("source", "database"))
    name = f"{build.__module__}.{build.__qualname__}"
    key = (source, snap.workshop.id, snap.workshop.state, args, tuple(sorted(options.items())))
    return _chart(name, key, _build=build, _snap=snap)


@st.cache_resource(max_entries=512, show_spinner=False)
def _chart(
    name: str, key: tuple[Hashable, ...], *, _build: Callable[..., go.Figure], _snap: Any
) -> go.Figure:
    options = dict(key[-1])  # type: ignore[arg-type]
    return _build(_snap, *key[-2], **options)  # type: ignore[misc]


def latest(workshop: int) -> WorkshopSnapshot:
    """A workshop at its latest known revision, unchecked for access; ``NotFound`` if gone.

    No SQL when nothing changed since this process last read it.
    """

    def read() -> WorkshopState:
        with reading(engine()) as session:
            return reads.workshop_state(session, workshop_id=workshop)

    return _snapshot(workshop, revision_board().get(workshop, read))


def snapshot() -> WorkshopSnapshot | None:
    """The open workshop, if this visitor may see it; no SQL when nothing changed."""
    current = workshop_id()
    if current is None:
        return None
    try:
        found = latest(current)
    except NotFound:
        open_workshop(None)
        return None
    if not allowed(found.workshop):
        # Nothing about it reaches the page: not its title, not its segments.
        open_workshop(None)
        return None
    return found


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
def _snapshots(workshop: int, nonce: str) -> list[SavedSnapshot]:
    with reading(engine()) as session:
        return saved_snapshots.list_snapshots(session, workshop_id=workshop)


def snapshots(workshop: int) -> list[SavedSnapshot]:
    """A workshop's named snapshots, re-read only after this session saved something."""
    return _snapshots(workshop, _nonce())


def download(
    label: str, snap: WorkshopSnapshot, fmt: ExportFormat, report_lang: Language, *, icon: str
) -> None:
    """A download button that builds its file only when clicked."""

    def build() -> bytes:
        portable = document(snap) if fmt is ExportFormat.JSON else None
        return export_file(snap, fmt, report_lang, document=portable).data

    st.download_button(
        label,
        data=build,
        file_name=file_name(snap, fmt),
        mime=MIME[fmt],
        icon=icon,
        on_click="ignore",
        key=f"download-{fmt.value}-{snap.workshop.id}",
    )


def require_snapshot() -> WorkshopSnapshot:
    """The open workshop, or a pointer to the Workshops page and a stop."""
    current = snapshot()
    if current is None:
        st.info(tr("common.no_workshop"))
        st.page_link(
            "views/workshops.py", label=tr("page.workshops"), icon=":material/folder_open:"
        )
        st.stop()
    return current


# ------------------------------------------------------------------ saving


def form_key(name: str) -> str:
    """A form key that changes after every successful save, so the form starts empty again.

    Forms don't use ``clear_on_submit``: a refused save must keep what the user typed.
    """
    return f"{name}-{st.session_state.get('saves', 0)}"


def edit_version(record: str, current: int) -> int:
    """The version an edit form is keyed and saved with: normally the current one.

    On the run its submit button was pressed, it is the version the form was shown with,
    even if another session saved since. The typed values then reach the store, which
    refuses them as stale and says so, instead of a re-keyed form dropping them silently.
    Give the form's submit button ``key=submit_key(record, version)``.
    """
    return edit_versions(record, (current,))[0]


def edit_versions(record: str, current: Sequence[int]) -> tuple[int, ...]:
    """``edit_version`` for a form that edits several records, each with its own version."""
    shown: dict[str, tuple[int, ...]] = st.session_state.setdefault("shown_versions", {})
    previous = shown.get(record)
    pressed = previous is not None and st.session_state.get(submit_key(record, previous))
    versions = previous if pressed and previous is not None else tuple(current)
    shown[record] = versions
    return versions


def forget_shown(record: str) -> None:
    """Let the form show the current versions again (its save is done, one way or another)."""
    st.session_state.setdefault("shown_versions", {}).pop(record, None)


def submit_key(record: str, version: int | Sequence[int]) -> str:
    stamp = "-".join(map(str, version)) if isinstance(version, Sequence) else str(version)
    return f"submit-{record}-{stamp}"


def save(
    action: Callable[[Session], Any], *, success: str | None = None, rerun: bool = True
) -> Any | None:
    """Run one user action in one transaction; show refusals in the user's language.

    Returns what the action returned (``True`` for ``None``), or ``None`` if the input was
    refused. A refusal because of someone else's change (a stale or deleted record)
    drops the cached view and reruns, so the page shows the fresh values under the message;
    from a widget's callback (``rerun=False``) the run that follows shows them anyway.
    """
    try:
        with transaction(engine()) as session:
            result = action(session)
            touched = set(session.info.get(TOUCHED, ()))
    except ValidationError as error:
        show_problems(describe_validation(error, lang()))
        return None
    except WorkshopError as error:
        refresh()
        _flash("error", describe_error(error, lang()))
        if not rerun:
            return None
        st.rerun()
    for changed in touched:  # the trainer's comment changes another workshop than the open one
        revision_board().forget(changed)
    refresh()
    st.session_state.saves = st.session_state.get("saves", 0) + 1
    if success:
        _flash("success", success)
    return result if result is not None else True


def _flash(kind: str, message: str) -> None:
    st.session_state.setdefault("flash", []).append((kind, message))


def show_flash() -> None:
    """Messages kept across the rerun that follows a save."""
    for kind, message in st.session_state.pop("flash", []):
        if kind == "success":
            st.toast(message, icon=":material/check_circle:")
        else:
            show_problems([message])


def show_problems(problems: list[str]) -> None:
    st.error(tr("error.title") + "\n\n" + "\n".join(f"- {plain(p)}" for p in problems))
