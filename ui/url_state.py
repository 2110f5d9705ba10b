"""A page's choices kept in the URL (segment by id, scope, tab, filters): a reload or a
shared link opens the page as it was left.

Streamlit's own ``bind="query-params"`` writes the option's label to the URL, which
changes with the language and with a segment's renaming; these parameters hold ids and
codes. ``from_url`` runs before the widget and ``to_url`` after it. The URL wins only
when it says something this session did not write itself (a reload, a pasted link), so
a choice the person just made is never undone by the old URL. A copy in session state
brings the choice back after a page switch, which drops the widget's own state.
"""

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

_WRITTEN = "_url_written_"  # per parameter: the text this session last put in the URL
_KEPT = "_url_kept_"  # per widget key: the last choice, across page switches


def _text(value: Any) -> str:
    if value is None:
        return "none"  # "not rated" among the ratings, "any segment" as a choice
    if isinstance(value, list | tuple):
        return ",".join(_text(item) for item in value)
    return str(getattr(value, "value", value))


def _parse(text: str, options: Sequence[Any], default: Any, codes: Mapping[Any, str] | None) -> Any:
    """The option (or options, for a list ``default``) that ``text`` names; ``...`` if none."""
    by_text = {(codes or {}).get(option) or _text(option): option for option in options}
    if isinstance(default, list):
        parts = [part for part in text.split(",") if part]
        return [by_text[p] for p in parts] if all(p in by_text for p in parts) else ...
    return by_text.get(text, ...)


def _valid(value: Any, options: Sequence[Any], default: Any) -> bool:
    if isinstance(default, list):
        return isinstance(value, list) and all(item in options for item in value)
    return value in options


def from_url(
    key: str,
    param: str,
    options: Sequence[Any],
    default: Any,
    codes: Mapping[Any, str] | None = None,
) -> None:
    """Before the widget ``key``: its value from the URL, the session, or ``default``.

    ``codes`` names options in the URL when their own text is a label (a tab's).
    """
    asked = st.query_params.get(param)
    if asked is not None and asked != st.session_state.get(_WRITTEN + param):
        found = _parse(asked, options, default, codes)
        if found is not ...:
            st.session_state[key] = found
            return
    kept = st.session_state.get(_KEPT + key, ...)
    if key not in st.session_state and kept is not ... and _valid(kept, options, default):
        st.session_state[key] = kept
    if not _valid(st.session_state.get(key), options, default):
        st.session_state[key] = default


def to_url(
    key: str, param: str, value: Any, default: Any, codes: Mapping[Any, str] | None = None
) -> None:
    """After the widget: its value in the URL (none while it is the default)."""
    st.session_state[_KEPT + key] = value
    text = (codes or {}).get(value) if codes else None
    text = text or _text(value)
    if value == default:
        st.query_params.pop(param, None)
        st.session_state.pop(_WRITTEN + param, None)
    else:
        st.query_params[param] = text
        st.session_state[_WRITTEN + param] = text
