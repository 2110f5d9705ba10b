"""The interface language, and user text made safe to show inside markdown."""

import re
from typing import Any

import streamlit as st

from canvas.domain import (
    Language,
)
from canvas.i18n import language_from_locale, t

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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=])")


def plain(text: str) -> str:
    """User text made safe to put inside markdown: shown literally, never interpreted."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
