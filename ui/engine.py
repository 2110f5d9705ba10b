"""The process's database engine and its record of workshop revisions, made once."""

import streamlit as st
from sqlalchemy import Engine

from canvas.domain.errors import SchemaTooNew
from canvas.domain.workshop import WorkshopState
from canvas.i18n import describe_error
from canvas.ops.migrate import upgrade
from canvas.store.db import make_engine
from canvas.store.revisions import RevisionBoard, start_listener
from ui.language import lang


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


@st.cache_resource(show_spinner=False)
def revision_board() -> RevisionBoard[WorkshopState]:
    """The process's record of workshop revisions.

    Saves here forget entries; on PostgreSQL a listener hears other app servers' saves.
    """
    board: RevisionBoard[WorkshopState] = RevisionBoard()
    start_listener(engine(), board)
    return board
