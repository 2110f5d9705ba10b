"""Validated field types shared by the workshop's input models.

Every limit lives here so the forms, the store and the importer agree on it.
Custom errors carry a stable ``type`` that ``canvas.i18n`` turns into a message
in the user's language.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

NAME_MAX = 120
TEXT_MAX = 4000
NOTE_MAX = 600
ANSWER_MAX = 2000  # an NPS answer's "why" and "what would make it a 10"
MONEY_MAX = Decimal("1000000000000")  # 10^12 of a currency per customer or per year
CUSTOMERS_MAX = 10_000_000_000  # more than the people on Earth
# Text direction controls: embeddings and overrides end at U+202C, isolates at U+2069.
_OPENS_EMBEDDING = frozenset("\u202a\u202b\u202d\u202e")
_OPENS_ISOLATE = frozenset("\u2066\u2067\u2068")
_POP_EMBEDDING, _POP_ISOLATE = "\u202c", "\u2069"
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
# C0 controls but tab and line breaks, DEL and the C1 controls: invisible, and PostgreSQL
# refuses NUL in text outright. (Pydantic itself refuses lone surrogates.)
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _close_line(line: str) -> str:
    """``line`` with every direction embedding, override or isolate it opens closed at its end."""
    opened: list[str] = []
    for ch in line:
        if ch in _OPENS_EMBEDDING:
            opened.append(_POP_EMBEDDING)
        elif ch in _OPENS_ISOLATE:
            opened.append(_POP_ISOLATE)
        elif ch == _POP_EMBEDDING and opened and opened[-1] == _POP_EMBEDDING:
            opened.pop()
        elif ch == _POP_ISOLATE and _POP_ISOLATE in opened:
            # An isolate's end also ends the embeddings opened inside it.
            del opened[len(opened) - 1 - opened[::-1].index(_POP_ISOLATE) :]
    return line + "".join(reversed(opened))


def _closed_directions(text: str) -> str:
    """``text`` with its direction controls closed line by line.

    A right-to-left override (U+202E) typed into a name then turns only that name around,
    never the words a page or a report writes after it.
    """
    if not _DIRECTION.search(text):
        return text
    lines = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\u2028\u2029")
        lines.append(_close_line(body) + line[len(body) :])
    return "".join(lines)


def _strip(value: Any) -> Any:
    # Trim before the length checks so "   " counts as empty, not as three characters; the
    # direction controls are closed before them too, so a stored text keeps to its limit.
    return _closed_directions(value.strip()) if isinstance(value, str) else value


def is_blank(text: str) -> bool:
    """Nothing to see: only spaces and invisible format characters (zero-width, direction)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def name_key(name: str, *, keep_invisible: bool = False) -> str:
    """The form of a name used to spot duplicates: trimmed, case-folded, spaces collapsed,
    and invisible format characters (zero-width spaces and joiners, direction marks, the
    soft hyphen: Unicode's ``Cf``) dropped, so «Anna», " ANNA " and "An\u200bna" agree.

    ``keep_invisible`` keeps those characters, as segment names' stored keys always have.
    """
    if not keep_invisible:
        name = "".join(ch for ch in name if unicodedata.category(ch) != "Cf")
    return " ".join(name.split()).casefold()


def _not_blank(value: str) -> str:
    if is_blank(value):
        raise PydanticCustomError("blank", "must not be empty")
    return value


def _no_control_chars(value: str) -> str:
    # Newlines and tabs are fine in free text; other control characters break exports.
    if _FORBIDDEN.search(value):
        raise PydanticCustomError("control_chars", "contains control characters")
    return value


def _single_line(value: str) -> str:
    # A name is shown in titles, lists and select boxes, where a line break breaks the layout.
    if "\n" in value or "\r" in value:
        raise PydanticCustomError("multiline", "must fit on one line")
    return value


def _to_decimal(value: Any) -> Any:
    # Forms hand us floats; go through repr so 0.1 stays 0.1 rather than 0.1000000000000000055.
    if isinstance(value, float):
        try:
            return Decimal(repr(value))
        except InvalidOperation:
            return value
    if isinstance(value, str):
        cleaned = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
        return cleaned or None
    return value


# The length limit comes before the trimming validator on purpose: that way pydantic keeps it
# a string constraint (error ``string_too_long``, "at most N characters") and still trims
# first; after a validator it becomes a generic ``too_long`` ("too many items"). Text is
# strict: bytes would only become text after the trimming, so "  " could pass as a name.
Name = Annotated[
    str,
    Field(max_length=NAME_MAX, strict=True),
    BeforeValidator(_strip),
    AfterValidator(_not_blank),
    AfterValidator(_no_control_chars),
    AfterValidator(_single_line),
]
"""A short required name: trimmed, not empty, at most ``NAME_MAX`` characters."""

OptionalName = Annotated[
    str,
    Field(max_length=NAME_MAX, strict=True),
    BeforeValidator(_strip),
    AfterValidator(_no_control_chars),
    AfterValidator(_single_line),
]
"""A short name that may be empty."""

LongText = Annotated[
    str,
    Field(max_length=TEXT_MAX, strict=True),
    BeforeValidator(_strip),
    AfterValidator(_no_control_chars),
]
"""A free text such as a description, may be empty."""

NoteText = Annotated[
    str,
    Field(max_length=NOTE_MAX, strict=True),
    BeforeValidator(_strip),
    AfterValidator(_no_control_chars),
]
"""A sticky-note sized text, may be empty."""

AnswerText = Annotated[
    str,
    Field(max_length=ANSWER_MAX, strict=True),
    BeforeValidator(_strip),
    AfterValidator(_no_control_chars),
]
"""An answer to a survey's open question, may be empty."""

Money = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    Field(ge=0, le=MONEY_MAX, decimal_places=2),
]
"""An amount of the workshop's currency: not negative, two decimals at most."""

CustomerCount = Annotated[int, Field(ge=0, le=CUSTOMERS_MAX)]
"""How many customers a segment has."""

Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
"""A share from 0 to 100 %."""

Colour = Annotated[
    str,
    BeforeValidator(_strip),
    Field(pattern=r"^#[0-9a-fA-F]{6}$"),
]
"""A colour as ``#RRGGBB``."""

CurrencyCode = Annotated[str, BeforeValidator(_strip), Field(pattern=r"^[A-Z]{3}$")]
"""An ISO 4217 currency code."""

StickyNote = Annotated[
    str,
    Field(max_length=NOTE_MAX, strict=True),
    BeforeValidator(_strip),
    AfterValidator(_not_blank),
    AfterValidator(_no_control_chars),
]
"""A required sticky-note sized text."""
