"""Words and numbers in the user's language.

``t(key, lang)`` looks a key up in ``data/i18n/<lang>.json``; numbers and money go
through Babel so a Russian reader sees ``1 234,5 ₽`` and an English one ``$1,234.50``.
Validation errors from pydantic and the workshop's own refusals become sentences here.
"""

import json
import re
from decimal import Decimal
from functools import cache
from typing import Any

from babel import Locale
from babel.numbers import (
    NumberPattern,
    format_currency,
    format_decimal,
    format_percent,
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


def number(value: float | int | Decimal, lang: Language | str, digits: int = 0) -> str:
    """A number with the locale's grouping and decimal sign."""
    fmt = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=_pattern(fmt), locale=_locale(Language(lang)))


def money(value: Decimal | float | int, currency: str, lang: Language | str) -> str:
    """An amount of ``currency``: whole units when the amount is round, else two decimals."""
    amount = Decimal(str(value))
    lang = Language(lang)
    if amount != amount.to_integral_value():
        return format_currency(amount, currency, locale=_locale(lang))
    # Babel's standard patterns always show cents; a round figure reads better without.
    pattern = "¤#,##0" if lang is Language.EN else "#,##0\u00a0¤"
    return format_currency(
        amount, currency, format=_pattern(pattern), locale=_locale(lang), currency_digits=False
    )


def percent(share: float | Decimal, lang: Language | str, digits: int = 0) -> str:
    """A share (0.25) as a percentage: ``25%`` in English, ``25 %`` in Russian."""
    lang = Language(lang)
    fmt = "#,##0" + ("." + "#" * digits if digits else "")
    fmt += "%" if lang is Language.EN else "\u00a0%"
    return format_percent(share, format=_pattern(fmt), locale=_locale(lang))


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
