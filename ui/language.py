"""The interface language, and user text made safe to show inside markdown."""

import re
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from canvas.domain import (
    Language,
)
from canvas.i18n import language_from_locale, moment, t

LANG_PARAM = "lang"


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


def browser_zone() -> tzinfo | None:
    """The browser's time zone as Streamlit reports it, or ``None`` when unknown."""
    name = getattr(st.context, "timezone", None)
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):  # a name this server's tz data lacks
        return None


def local_time(value: datetime) -> str:
    """A stored time as the reader's clock shows it, in their language (UTC, marked so,
    when the browser did not say its zone)."""
    return moment(value, lang(), browser_zone())


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=])")


def plain(text: str) -> str:
    """User text made safe to put inside markdown: shown literally, never interpreted."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
