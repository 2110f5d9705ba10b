"""Saving a user action: one transaction, refusals in the user's language, messages that
outlive the rerun, and forms that keep what was typed when a save is refused."""

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st
from pydantic import ValidationError
from sqlmodel import Session

from canvas.domain import (
    WorkshopError,
)
from canvas.i18n import describe_error, describe_validation
from canvas.store.db import transaction
from canvas.store.writes import TOUCHED
from ui.engine import engine, revision_board
from ui.language import lang, plain, tr
from ui.workshop import refresh


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
