"""Validated field types shared by the workshop's input models.

Every limit lives here so the forms, the store and the importer agree on it.
Custom errors carry a stable ``type`` that ``canvas.i18n`` turns into a message
in the user's language.
"""

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

NAME_MAX = 120
TEXT_MAX = 4000
NOTE_MAX = 600
MONEY_MAX = Decimal("1000000000000")  # 10^12 of a currency per customer or per year
CUSTOMERS_MAX = 10_000_000_000  # more than the people on Earth


def _strip(value: Any) -> Any:
    # Trim before the length checks so "   " counts as empty, not as three characters.
    return value.strip() if isinstance(value, str) else value


def _not_blank(value: str) -> str:
    if not value:
        raise PydanticCustomError("blank", "must not be empty")
    return value


def _no_control_chars(value: str) -> str:
    # Newlines and tabs are fine in free text; other control characters break exports.
    if any(ord(ch) < 32 and ch not in "\n\t\r" for ch in value):
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
