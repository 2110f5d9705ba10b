"""Words and numbers in the user's language.

``t(key, lang)`` looks a key up in ``data/i18n/<lang>.json``; numbers and money go
through Babel so a Russian reader sees ``1 234,5 ₽`` and an English one ``$1,234.50``.
Negative numbers carry the minus sign (U+2212) Plotly draws on its axes, so a table and a
chart show NPS −20 alike; dates and times read as the locale writes them.
Validation errors from pydantic and the workshop's own refusals become sentences here.
"""

import json
import re
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import (
    NumberFormatError,
    NumberPattern,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_symbol,
    parse_decimal,
    parse_pattern,
)
from pydantic import ValidationError

from canvas.domain.errors import WorkshopError
from canvas.domain.vocabulary import Language
from canvas.paths import data_dir

LOCALES = {Language.RU: "ru_RU", Language.EN: "en_US"}
# Each language named in itself, as a language picker shows it.
LANGUAGE_NAMES = {Language.RU: "Русский", Language.EN: "English"}


@cache
def strings(lang: Language) -> dict[str, str]:
    """Every UI string of one language: ``<lang>.json`` plus any ``<lang>.<part>.json``.

    Each framework keeps its texts in a file of its own; a key defined twice is an error.
    """
    folder = data_dir() / "i18n"
    language = Language(lang).value
    merged: dict[str, str] = {}
    for path in [folder / f"{language}.json", *sorted(folder.glob(f"{language}.*.json"))]:
        part: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        if clash := merged.keys() & part.keys():
            raise ValueError(f"{path.name} defines keys again: {sorted(clash)}")
        merged.update(part)
    return merged


def t(key: str, lang: Language | str, /, **params: Any) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``params``.

    A missing key shows as the key itself, so a gap is visible rather than a crash;
    a test makes sure no key is missing in either language.
    """
    template = strings(Language(lang)).get(key, key)
    return template.format(**params) if params else template


def language_from_locale(locale: str | None) -> Language:
    """Russian for a Russian-speaking browser (ru, be, kk, uk), English otherwise."""
    if locale and locale.split("-")[0].split("_")[0].lower() in {"ru", "be", "kk", "uk"}:
        return Language.RU
    return Language.EN


@cache
def _locale(lang: Language) -> Locale:
    # Parsed once: a large export formats some 2,000 numbers, and Babel would parse the
    # locale's name and the pattern again for each.
    return Locale.parse(LOCALES[lang])


@cache
def _pattern(spelled: str) -> NumberPattern:
    return parse_pattern(spelled)


MINUS = "\u2212"  # the typographic minus; Babel's locales write a hyphen


def _minus(text: str) -> str:
    # Babel puts the hyphen-minus only in front of a negative number (its patterns here
    # have no other hyphen), so the swap is safe and keeps one sign for tables and charts.
    # A negative that rounds to zero (−0.04 at one decimal) is plain zero: no "−0".
    if not any(digit in text for digit in "123456789"):
        return text.replace("-", "")
    return text.replace("-", MINUS)


def number(
    value: float | int | Decimal, lang: Language | str, digits: int = 0, *, fixed: bool = False
) -> str:
    """A number with the locale's grouping and decimal sign, negatives with a minus (−);
    up to ``digits`` decimals, or exactly that many when ``fixed`` (cents: ``12,50``)."""
    fmt = "#,##0" + ("." + ("0" if fixed else "#") * digits if digits else "")
    return _minus(format_decimal(value, format=_pattern(fmt), locale=_locale(Language(lang))))


def signed(value: float | int | Decimal, lang: Language | str, digits: int = 0) -> str:
    """A difference with its sign always shown: ``+3``, ``−2,5``, ``0``."""
    shown = number(value, lang, digits)
    return "+" + shown if shown[0].isdigit() and shown.strip("0,.") else shown


def money(value: Decimal | float | int, currency: str, lang: Language | str) -> str:
    """An amount of ``currency``: whole units when the amount is round, else two decimals."""
    amount = Decimal(str(value))
    lang = Language(lang)
    if amount != amount.to_integral_value():
        return _minus(format_currency(amount, currency, locale=_locale(lang)))
    # Babel's standard patterns always show cents; a round figure reads better without.
    pattern = "¤#,##0" if lang is Language.EN else "#,##0\u00a0¤"
    return _minus(
        format_currency(
            amount, currency, format=_pattern(pattern), locale=_locale(lang), currency_digits=False
        )
    )


def currency_symbol(currency: str, lang: Language | str) -> str:
    """The sign ``money`` writes for ``currency`` in ``lang``: ₽, $, € (or the code, such as
    KZT, where the locale has no sign of its own), so a field's label matches the tables."""
    return get_currency_symbol(currency, locale=_locale(Language(lang)))


def currency_choice(currency: str, lang: Language | str) -> str:
    """A currency as a picker offers it: its code and the sign the tables will write
    (``RUB · ₽``), or the code alone where the locale has no other sign (``KZT``)."""
    sign = currency_symbol(currency, lang)
    return currency if sign == currency else f"{currency} · {sign}"


# Babel's own percent patterns: "4 %" in Russian (a no-break space, U+00A0, as the ru
# locale writes it) and "4%" in English. Texts in the catalogues follow the same style.
PERCENT_SIGN = {Language.RU: "\u00a0%", Language.EN: "%"}


def percent(share: float | Decimal, lang: Language | str, digits: int = 0) -> str:
    """A share (0.25) as a percentage: ``25%`` in English, ``25 %`` in Russian."""
    lang = Language(lang)
    fmt = "#,##0" + ("." + "#" * digits if digits else "") + PERCENT_SIGN[lang]
    return _minus(format_percent(share, format=_pattern(fmt), locale=_locale(lang)))


def compact(value: float | int | Decimal, lang: Language | str) -> str:
    """A number as an axis tick reads it: ``50 тыс.``, ``1,5 млн`` / ``50K``, ``1.5M``.

    As many decimals as the value needs (``1,25 тыс.``), so two ticks never read alike.
    """
    amount = Decimal(str(value)).normalize()
    # Babel's short forms scale by thousands; the digits left after the scaling are the
    # ones the value needs (1 250 -> 1,25 тыс.: two).
    scale = max(0, (len(str(abs(int(amount)))) - 1) // 3) * 3 if abs(amount) >= 1000 else 0
    scaled = (amount / Decimal(10) ** scale).normalize()
    digits = max(0, -int(scaled.as_tuple().exponent))
    lang = Language(lang)
    if scale == 0:
        return number(amount, lang, digits)
    return _minus(format_compact_decimal(amount, locale=_locale(lang), fraction_digits=digits))


class UnreadableNumber(ValueError):
    """Typed text that is not a number in either language's way of writing one."""


_TYPED = re.compile(r"[+\-]?[\d.,]*\d[\d.,]*")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")


def read_number(text: str | None, lang: Language | str, *, strip: str = "") -> Decimal | None:
    """A number typed into a field, as people write it: ``1 500 000,50``, ``1,500,000.50``,
    ``1500000.5`` or ``−20``; ``None`` for an empty field.

    The user's own language decides an ambiguous ``1,500`` (Russian 1.5, English 1500);
    otherwise either way is accepted, since many Russian speakers type a point and a form
    should not refuse what the tables would show. The characters of ``strip`` (a currency
    sign, ``%``) may stand before or after. Raises ``UnreadableNumber`` otherwise.
    """
    lang = Language(lang)
    cleaned = (text or "").strip().replace(MINUS, "-")
    for sign in sorted(filter(None, strip.split("|")), key=len, reverse=True):
        cleaned = cleaned.removeprefix(sign).removesuffix(sign).strip()
    if not cleaned and not (text or "").strip():
        return None
    squeezed = _SPACES.sub(" ", cleaned)
    if not _TYPED.fullmatch(squeezed.replace(" ", "")):
        raise UnreadableNumber(text)
    for code in (lang, *(other for other in Language if other is not lang)):
        # Spaces between digits group them in either language: give Babel the group
        # sign its locale expects (a no-break space in Russian, a comma in English).
        group = _locale(code).number_symbols["latn"]["group"]
        spelled = squeezed.replace(" ", group)
        try:
            return parse_decimal(spelled, locale=_locale(code), strict=True)
        except (NumberFormatError, InvalidOperation):
            continue
    raise UnreadableNumber(text)


DateLength = Literal["short", "medium", "long"]


def day(value: date, lang: Language | str, length: DateLength = "medium") -> str:
    """A date as the locale writes it: ``5 дек. 2026 г.`` / ``Dec 5, 2026``; ``short``
    for a narrow column (``05.12.2026`` / ``12/5/26``), ``long`` for a title page
    (``5 декабря 2026 г.`` / ``December 5, 2026``)."""
    return format_date(value, length, locale=_locale(Language(lang)))


def moment(value: datetime, lang: Language | str, zone: tzinfo | None = None) -> str:
    """A stored time in the reader's time zone: ``5 дек. 2026 г., 17:30`` or
    ``Dec 5, 2026, 5:30 PM``; without a known zone it is UTC, and says so."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    local = aware.astimezone(zone or UTC)
    lang = Language(lang)
    shown = f"{day(local.date(), lang)}, {format_time(local, 'short', locale=_locale(lang))}"
    return shown if zone is not None else f"{shown} UTC"


KEY_SHOWN = 40  # characters of an unknown key a message quotes


def quoted(text: str, lang: Language | str) -> str:
    """``text`` in the language's quotation marks: «…» in Russian, “…” in English."""
    return t("common.quoted", lang, text=text)


def _quoted(name: str, lang: Language) -> str:
    """A key from the user's file as a message can show it: short, quoted, displayable."""
    shown = name.encode("utf-8", "replace").decode("utf-8")  # no lone surrogates
    return quoted(shown if len(shown) <= KEY_SHOWN else shown[: KEY_SHOWN - 1] + "…", lang)


def _path_part(part: int | str, lang: Language) -> str | None:
    if isinstance(part, int):
        return str(part + 1)
    if part == "[key]":  # pydantic's mark for "the key itself": the reason says what is wrong
        return None
    return t(f"field.{part}", lang) if f"field.{part}" in strings(lang) else _quoted(part, lang)


def _field_label(loc: tuple[int | str, ...], lang: Language, with_path: bool) -> str:
    if with_path:
        # A path a person can follow: "Segments › 4 › Name" (positions count from 1).
        return " › ".join(p for p in (_path_part(part, lang) for part in loc) if p is not None)
    named = [part for part in loc if isinstance(part, str) and part != "[key]"]
    known = [part for part in named if f"field.{part}" in strings(lang)]
    if known:
        return t(f"field.{known[-1]}", lang)
    # A key the model does not know, such as an unexpected field: quoted as given.
    return _quoted(named[-1], lang) if named else ""


# pydantic hands a Decimal bound over as its repr: "Decimal('1000000000000')".
_DECIMAL_REPR = re.compile(r"Decimal\('(-?\d+(?:\.\d+)?)'\)")


def _format_ctx(ctx: dict[str, Any], lang: Language) -> dict[str, str]:
    shown: dict[str, str] = {}
    for key, value in ctx.items():
        if isinstance(value, str) and (spelled := _DECIMAL_REPR.fullmatch(value)):
            value = Decimal(spelled[1])
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            shown[key] = str(value)
        else:
            shown[key] = number(value, lang, digits=2)
    return shown


def describe_validation(
    error: ValidationError, lang: Language | str, *, with_path: bool = False
) -> list[str]:
    """One sentence per problem, naming the field in the user's language.

    ``with_path`` names where the field sits (for imported files) instead of only its name.
    """
    lang = Language(lang)
    sentences = []
    for problem in error.errors():
        kind = problem["type"]
        params = _format_ctx(dict(problem.get("ctx") or {}), lang)
        key = f"invalid.{kind}"
        reason = t(key, lang, **params) if key in strings(lang) else t("invalid.other", lang)
        label = _field_label(problem["loc"], lang, with_path)
        sentences.append(f"{label}: {reason}" if label else reason)
    return sentences


def describe_error(error: WorkshopError, lang: Language | str) -> str:
    """The message for one of the workshop's own refusals."""
    return t(f"error.{error.code}", lang, **{k: str(v) for k, v in error.params.items()})
