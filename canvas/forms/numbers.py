"""Numbers typed into text fields, read as people write them, every bad one named.

The forms show amounts as the tables do (``1 500 000`` in Russian, ``1,500,000`` in
English) and read them back the same way, so a Russian user may type ``1 500 000,50``
and an English one ``1,500,000.50``; text that is no number is refused with the field's
name and an example in the user's own way of writing.
"""

from collections.abc import Mapping
from decimal import Decimal

from canvas.domain import Language
from canvas.i18n import UnreadableNumber, currency_symbol, number, quoted, read_number, t

EXAMPLE = Decimal("1500000.50")  # the amount the refusal writes in the user's own way
SHOWN_CHARS = 30  # characters of the typed text a refusal quotes


def shown(value: float | int | Decimal | None, lang: Language | str, digits: int = 2) -> str:
    """What a field shows for a stored figure, grouped as in the tables (empty for none);
    an amount with cents shows both digits, as ``money`` does (``1 500 000,50``)."""
    if value is None:
        return ""
    whole = Decimal(str(value)) == Decimal(str(value)).to_integral_value()
    return number(value, lang, 0 if whole else digits, fixed=digits == 2)


# how Russian speakers abbreviate the rouble after an amount: «1 500 руб.», «1 500 р.»
ROUBLE_WORDS = ("руб.", "руб", "р.")


def signs(currency: str) -> str:
    """The currency signs a typed amount may carry, ``|``-separated: ₽, RUB, руб. …"""
    written = {currency, *(currency_symbol(currency, lang) for lang in Language)}
    if currency == "RUB":
        written |= set(ROUBLE_WORDS)
    return "|".join(sorted(written, key=len, reverse=True))


def unreadable(field: str, typed: str, lang: Language | str, *, whole: bool = False) -> str:
    """The refusal of ``typed`` in ``field``: what was typed, and how to type it (a
    ``whole`` number's example has no cents)."""
    lang = Language(lang)
    typed = typed.encode("utf-8", "replace").decode("utf-8")  # no lone surrogates
    short = typed if len(typed) <= SHOWN_CHARS else typed[: SHOWN_CHARS - 1] + "…"
    return t(
        "numbers.unreadable",
        lang,
        field=t(f"field.{field}", lang),
        typed=quoted(short, lang),
        example=shown(EXAMPLE.to_integral_value() if whole else EXAMPLE, lang),
    )


def read_fields(
    typed: Mapping[str, str | None],
    lang: Language | str,
    strip: Mapping[str, str],
    whole: frozenset[str] = frozenset(),
) -> tuple[dict[str, Decimal | None], list[str]]:
    """Each typed field as a number (``None`` when empty), and a sentence for each that is not.

    ``strip`` names, per field, the signs it may carry (a currency's, ``%``); ``whole``
    the fields of counts, whose example has no cents. The numbers are still to be checked
    by the domain model (not negative, a whole count, within its bounds).
    """
    values: dict[str, Decimal | None] = {}
    problems: list[str] = []
    for field, text in typed.items():
        try:
            values[field] = read_number(text, lang, strip=strip.get(field, ""))
        except UnreadableNumber:
            problems.append(unreadable(field, (text or "").strip(), lang, whole=field in whole))
    return values, problems
