"""What the property tests share: awkward values of every kind, and what a refusal must say.

A refusal is read by a person: every message is a sentence in the language they asked
for, with its placeholders filled, no translation key showing through, and text a
browser can display (no lone surrogates).
"""

import re
import string
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# A translation key that was looked up but not found shows as the key itself.
RAW_KEY = re.compile(r"\b(?:field|invalid|error|import|nps_import|nps)\.[\w\[\]]+")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
# Python's own spelling of a value, which no reader should meet.
PYTHON_REPR = re.compile(r"Decimal\(|datetime\.|<class |\bNone\b|object at 0x")

# ------------------------------------------------------------------ awkward values

EDGE_NUMBERS: list[object] = [
    0,
    -1,
    -0.0,
    2**31,
    2**63,
    -(2**63) - 1,
    10**30,
    10**5000,  # past Python's int-to-text limit
    float("nan"),
    float("inf"),
    float("-inf"),
    1e308,
    5e-324,
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("-0"),
    Decimal("1E+999999"),
    Decimal("1E-999999"),
    Decimal("0.001"),
    Decimal("999999999999.995"),
    Decimal("1000000000000.01"),
]
EDGE_TEXTS: list[object] = [
    "",
    " ",
    "\u00a0",
    "\x00",
    "a\x00b",
    "\ud800",
    "\udfff x",
    "\ufeff",
    "\u200b",
    "line\nbreak",
    "\r",
    "{name}",
    "{0}",
    "{",
    "nan",
    "NaN",
    "-inf",
    "1e400",
    "1,5",
    "1 500,50",
    "٣",  # an Arabic-Indic digit
    "１２",  # full-width digits
    "0x10",
    "2026-02-30",
    "#12345G",
    "true",
    "null",
]

# Every character, lone surrogates and control characters included.
any_char = st.characters(exclude_categories=())
any_text = st.text(any_char, max_size=40)
# Long texts around and far past every length limit, padded with spaces at times.
long_text = st.builds(
    lambda char, n, pad: pad + char * n + pad,
    st.sampled_from(["x", "я", "\U0001f600", " ", "\n", "\x00", ",", ';"']),
    st.sampled_from([119, 120, 121, 599, 600, 601, 1999, 2000, 2001, 3999, 4000, 4001, 20_000]),
    st.sampled_from(["", " ", "\t"]),
)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    any_text,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8,
)
junk: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(EDGE_NUMBERS),
    st.floats(),
    st.decimals(),
    any_text,
    st.sampled_from(EDGE_TEXTS),
    long_text,
    st.binary(max_size=8),
    st.dates(),
    st.datetimes(),
    st.lists(json_scalars, max_size=3),
    st.dictionaries(any_text, json_scalars, max_size=2),
    st.just(object()),
)

# What a Streamlit widget can hand over: text, numbers, a choice, a date, a few choices.
widget_values: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    any_text,
    st.sampled_from(EDGE_TEXTS),
    long_text,
    st.dates(),
    st.lists(any_text, max_size=3),
)


def near(
    good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any] = junk
) -> st.SearchStrategy[Any]:
    """A field's value: often a good one, otherwise anything at all."""
    return st.one_of(good, good, bad)


def raw_dicts(
    fields: dict[str, st.SearchStrategy[Any]],
    *,
    extra: bool = True,
    bad: st.SearchStrategy[Any] = junk,
) -> st.SearchStrategy[dict[str, Any]]:
    """Dicts with any of ``fields`` (each maybe missing) and, with ``extra``, unknown keys."""
    known = st.fixed_dictionaries({}, optional={name: near(s, bad) for name, s in fields.items()})
    if not extra:
        return known
    unknown = st.dictionaries(
        st.text(string.ascii_lowercase + "_[]", min_size=1, max_size=12) | any_text,
        junk,
        max_size=2,
    ).map(lambda d: {k: v for k, v in d.items() if k not in fields})
    return st.builds(lambda a, b: {**b, **a}, known, st.one_of(st.just({}), unknown))


# ------------------------------------------------------------------ what a refusal says


def _text_of(source: object) -> str:
    """Everything the user gave, as text, so echoes of it can be told from the app's words."""
    if isinstance(source, bytes):
        return source.decode("utf-8", "replace") + source.decode("cp1251", "replace")
    if isinstance(source, dict):
        return " ".join(_text_of(k) + " " + _text_of(v) for k, v in source.items())
    if isinstance(source, list | tuple | set | frozenset):
        return " ".join(_text_of(item) for item in source)
    if isinstance(source, str | int | float | Decimal | date | datetime):
        try:
            return str(source)
        except ValueError:  # an int past the int-to-text limit
            return ""
    return ""


def assert_readable(messages: Iterable[str], lang: str, source: object = None) -> None:
    """Every message is a filled-in sentence in ``lang`` that a browser can show.

    ``source`` is what the user gave: a placeholder, a key-like word or (in English)
    Cyrillic is allowed in a message only when the user wrote it themselves.
    """
    messages = list(messages)
    given = _text_of(source)
    assert messages, "a refusal without a message"
    for message in messages:
        assert isinstance(message, str)
        assert message.strip(), f"an empty message in {messages!r}"
        message.encode("utf-8")  # a lone surrogate would break the page that shows it
        for placeholder in PLACEHOLDER.findall(message):
            assert placeholder in given, f"unfilled {placeholder} in {message!r}"
        for spelled in PYTHON_REPR.findall(message):
            assert spelled in given, f"Python's spelling {spelled!r} in {message!r}"
        for key in RAW_KEY.findall(message):
            assert key in given, f"untranslated {key} in {message!r}"
        if lang == "ru":
            assert CYRILLIC.search(message), f"not in Russian: {message!r}"
        elif not CYRILLIC.search(given):
            assert not CYRILLIC.search(message), f"not in English: {message!r}"


def assert_both_languages(messages: dict[str, list[str]], source: object = None) -> None:
    """The same refusal in Russian and English: as many sentences, each readable."""
    assert set(messages) == {"ru", "en"}
    assert len(messages["ru"]) == len(messages["en"])
    for lang, found in messages.items():
        assert_readable(found, lang, source)
