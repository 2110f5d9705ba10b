"""Numbers, money, percentages, dates and typed amounts as a Russian and an English reader
write them. Expectations are written by hand from the locales' rules, not from the code."""

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from canvas.domain.shares import largest_remainder, percent_shares
from canvas.export.report import build_report
from canvas.figures.nps import day_label
from canvas.forms.numbers import read_fields, signs
from canvas.i18n import (
    UnreadableNumber,
    compact,
    currency_choice,
    currency_symbol,
    day,
    moment,
    money,
    number,
    percent,
    read_number,
    signed,
    strings,
    t,
)
from tests.unit.factories import snapshot

NBSP, MINUS = "\u00a0", "\u2212"


def test_a_negative_number_carries_the_minus_sign_in_both_languages():
    assert number(-20, "ru") == f"{MINUS}20"
    assert number(-20, "en") == f"{MINUS}20"
    assert number(-1234.5, "ru", 1) == f"{MINUS}1{NBSP}234,5"
    assert number(-1234.5, "en", 1) == f"{MINUS}1,234.5"
    assert money(-5, "RUB", "ru") == f"{MINUS}5{NBSP}₽"
    assert percent(-0.04, "en") == f"{MINUS}4%"


def test_a_percentage_has_a_no_break_space_in_russian_and_none_in_english():
    assert percent(0.04, "ru") == f"4{NBSP}%"
    assert percent(0.04, "en") == "4%"
    assert percent(0.038, "ru", 1) == f"3,8{NBSP}%"
    assert percent(0.038, "en", 1) == "3.8%"


def test_a_difference_shows_its_sign_and_zero_shows_none():
    assert signed(3, "ru") == "+3"
    assert signed(-2.5, "ru", 1) == f"{MINUS}2,5"
    assert signed(-2.5, "en", 1) == f"{MINUS}2.5"
    assert signed(0, "en") == "0"
    # 0.04 rounds to 0 at one decimal: no "+0"
    assert signed(0.04, "en", 1) == "0"


def test_the_currency_symbol_is_the_one_the_tables_write():
    assert currency_symbol("RUB", "ru") == "₽"
    assert currency_symbol("USD", "en") == "$"
    assert currency_symbol("EUR", "ru") == "€"
    # English has no sign of its own for the rouble: the tables say RUB1,500, so does the label
    assert currency_symbol("RUB", "en") == "RUB"
    assert money(1500, "RUB", "en").startswith(currency_symbol("RUB", "en"))


@pytest.mark.parametrize(
    ("value", "russian", "english"),
    [
        (0, "0", "0"),
        (500, "500", "500"),
        (1000, f"1{NBSP}тыс.", "1K"),
        (1250, f"1,25{NBSP}тыс.", "1.25K"),
        (50_000, f"50{NBSP}тыс.", "50K"),
        (1_500_000, f"1,5{NBSP}млн", "1.5M"),
        (-20_000, f"{MINUS}20{NBSP}тыс.", f"{MINUS}20K"),
    ],
)
def test_an_axis_tick_is_written_short_as_the_language_does(value, russian, english):
    assert compact(value, "ru") == russian
    assert compact(value, "en") == english


@pytest.mark.parametrize(
    ("typed", "lang", "expected"),
    [
        ("1 500 000,50", "ru", Decimal("1500000.50")),
        (f"1{NBSP}500{NBSP}000,50", "ru", Decimal("1500000.50")),
        ("1\u202f500\u202f000,50", "en", Decimal("1500000.50")),
        ("1,500,000.50", "ru", Decimal("1500000.50")),
        ("1,500,000.50", "en", Decimal("1500000.50")),
        ("1500000.5", "ru", Decimal("1500000.5")),
        ("1500000,5", "en", Decimal("1500000.5")),
        ("1 500 000 ₽", "ru", Decimal(1500000)),
        ("$1,500", "en", Decimal(1500)),
        ("65 %", "ru", Decimal(65)),
        (f"{MINUS}20", "ru", Decimal(-20)),
        # the ambiguous "1,500": a decimal comma in Russian, thousands in English
        ("1,500", "ru", Decimal("1.5")),
        ("1,500", "en", Decimal(1500)),
        ("", "ru", None),
        ("   ", "en", None),
    ],
)
def test_a_typed_number_is_read_as_people_write_it(typed, lang, expected):
    assert read_number(typed, lang, strip="₽|$|%") == expected


@pytest.mark.parametrize("typed", ["abc", "1e5", "1_000", "12,34,5", "1 5 0", "--1", "₽", "1.2.3"])
def test_text_that_is_no_number_is_refused(typed):
    for lang in ("ru", "en"):
        with pytest.raises(UnreadableNumber):
            read_number(typed, lang, strip="₽")


def test_a_date_reads_as_the_locale_writes_it():
    when = date(2026, 12, 5)
    # CLDR puts a narrow no-break space before «г.»
    assert day(when, "ru", "long") == "5 декабря 2026\u202fг."
    assert day(when, "en", "long") == "December 5, 2026"
    assert day(when, "ru", "short") == "05.12.2026"
    assert day(when, "en", "short") == "12/5/26"


def test_a_time_is_shown_in_the_readers_zone_or_says_it_is_utc():
    stored = datetime(2026, 12, 5, 14, 30, tzinfo=UTC)
    # Moscow is UTC+3 all year: 14:30 UTC is 17:30 there
    assert moment(stored, "ru", ZoneInfo("Europe/Moscow")).endswith("17:30")
    # New York in December is UTC−5: 9:30 in the morning
    assert moment(stored, "en", ZoneInfo("America/New_York")) == "Dec 5, 2026, 9:30\u202fAM"
    assert moment(stored, "en").endswith(" UTC")
    assert "14:30" in moment(stored, "ru")
    # a naive time from SQLite is UTC
    assert moment(stored.replace(tzinfo=None), "ru", ZoneInfo("Europe/Moscow")).endswith("17:30")


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # 1/3 each: 33.33 rounds down to 33 three times, the one unit left goes to the first
        ([1, 1, 1], [34, 33, 33]),
        # 2/3 = 66.67, 1/3 = 33.33: remainders .67 and .33, the unit goes to the first
        ([2, 1], [67, 33]),
        # 1/6 = 16.67, 2/6 = 33.33, 3/6 = 50: 16 + 33 + 50 = 99, the unit to 16.67 (.67)
        ([1, 2, 3], [17, 33, 50]),
        # 7/8 = 87.5 and 1/8 = 12.5: tie on .5, the earlier part gets the unit
        ([7, 1], [88, 12]),
        ([0, 0, 0], [0, 0, 0]),
        ([0, 5, 0], [0, 100, 0]),
    ],
)
def test_parts_of_a_whole_add_up_to_a_hundred(counts, expected):
    assert largest_remainder(counts) == expected


def test_shares_with_a_decimal_add_up_to_a_hundred_and_read_so():
    # 1/3 each at one decimal: 333 + 333 + 333 tenths = 999, the tenth left goes first
    shares = percent_shares([1, 1, 1], 1)
    assert [percent(share, "ru", 1) for share in shares] == [
        f"33,4{NBSP}%",
        f"33,3{NBSP}%",
        f"33,3{NBSP}%",
    ]
    assert sum(shares) == 1


def test_negative_counts_are_no_parts_of_a_whole():
    with pytest.raises(ValueError):
        largest_remainder([1, -1])


def test_an_nps_answers_day_reads_as_every_other_date():
    # 14 March 2026, medium length: month first in English, «г.» after the year in Russian
    assert day_label(date(2026, 3, 14), "en") == "Mar 14, 2026"
    assert day_label(date(2026, 3, 14), "ru") == "14 мар. 2026\u202fг."


def test_every_text_writes_a_percentage_as_its_language_does():
    # «30 %» with a no-break space in Russian, "30%" in English: the style of percent()
    for lang, wrong in (("ru", r"\d(?:%| %|\u202f%)"), ("en", r"\d[ \u00a0\u202f]%")):
        found = {key: text for key, text in strings(lang).items() if re.search(wrong, text)}
        assert found == {}
    assert percent(0.3, "ru") in t("rec.costly_relationships.trigger", "ru", share="")
    assert percent(0.3, "en") in t("rec.costly_relationships.trigger", "en", share="")


def test_the_currency_picker_names_each_currency_with_its_sign():
    assert currency_choice("RUB", "ru") == "RUB · ₽"
    assert currency_choice("USD", "en") == "USD · $"
    # no sign of its own in either locale: the code alone, not "KZT · KZT"
    assert currency_choice("KZT", "ru") == "KZT"


def test_the_reports_title_page_is_dated_as_the_readers_language_writes_dates():
    view = snapshot(currency="RUB")
    russian = dict(build_report(view, "ru", today=date(2026, 12, 5)).facts)
    english = dict(build_report(view, "en", today=date(2026, 12, 5)).facts)
    assert russian[t("report.date", "ru")] == "5 декабря 2026\u202fг."
    assert english[t("report.date", "en")] == "December 5, 2026"


def test_a_negative_that_rounds_to_zero_reads_as_zero():
    # −0.04 at one decimal is 0.0, shown "0": a "−0" would read as a loss
    assert number(-0.04, "en", 1) == "0"
    assert signed(-0.04, "ru", 1) == "0"
    assert percent(-0.0001, "ru") == f"0{NBSP}%"


def test_an_amount_may_carry_its_currency_as_people_write_it():
    money_signs = {field: signs("RUB") for field in ("a", "b", "c")}
    typed = {"a": "1 500 руб.", "b": "2000 р.", "c": "₽300"}
    read, problems = read_fields(typed, "ru", money_signs)
    assert problems == []
    assert read == {"a": Decimal(1500), "b": Decimal(2000), "c": Decimal(300)}


def test_a_refusal_quotes_what_was_typed_shortened_and_displayable():
    # 40 characters typed: the refusal quotes the first 29 and an ellipsis
    typed = "x" * 40
    [problem] = read_fields({"customers": typed}, "en", {}, frozenset({"customers"}))[1]
    expected_quote = t("common.quoted", "en", text="x" * 29 + "…")
    assert problem == t(
        "numbers.unreadable",
        "en",
        field=t("field.customers", "en"),
        typed=expected_quote,
        example="1,500,000",
    )
    # a lone surrogate from a browser cannot reach the page as it is
    [problem] = read_fields({"customers": "\ud800"}, "ru", {})[1]
    problem.encode("utf-8")
