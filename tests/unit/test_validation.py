"""What the domain's input models refuse and accept, and how refusals and numbers read."""

import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from pydantic import BaseModel, ValidationError

from canvas.domain import (
    CanvasBlock,
    CanvasNoteInput,
    IntegrationBlock,
    RelationshipInput,
    SegmentInput,
    WorkshopInput,
)
from canvas.domain.nps import NpsResponseInput
from canvas.i18n import describe_validation, money, number, percent

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
NBSP = "\u00a0"

# ---------------------------------------------------------------- refusals

# (what is typed, Russian message, English message), each message worked out from
# data/i18n/*.json: "<field label>: <reason>", numbers in the reader's style.
REFUSALS: dict[str, tuple[Callable[[], BaseModel], str, str]] = {
    "empty workshop title": (
        lambda: WorkshopInput(title=""),
        "Название: не может быть пустым.",
        "Title: must not be empty.",
    ),
    "whitespace segment name": (
        lambda: SegmentInput(name=" \t  "),
        "Название: не может быть пустым.",
        "Name: must not be empty.",
    ),
    "whitespace note": (
        lambda: CanvasNoteInput(block=CanvasBlock.CHANNELS, text="   "),
        "Заметка: не может быть пустым.",
        "Note: must not be empty.",
    ),
    "10,000-character description": (
        lambda: SegmentInput(name="Студенты", description="я" * 10_000),
        f"Описание: слишком длинное: не больше 4{NBSP}000 символов.",
        "Description: is too long: at most 4,000 characters.",
    ),
    "10,000-character note": (
        lambda: CanvasNoteInput(block=CanvasBlock.CHANNELS, text="a" * 10_000),
        "Заметка: слишком длинное: не больше 600 символов.",
        "Note: is too long: at most 600 characters.",
    ),
    "121-character name": (
        lambda: SegmentInput(name="б" * 121),
        "Название: слишком длинное: не больше 120 символов.",
        "Name: is too long: at most 120 characters.",
    ),
    "negative revenue": (
        lambda: SegmentInput(name="Студенты", revenue_per_customer=Decimal("-0.01")),
        "Годовая выручка на клиента: должно быть не меньше 0.",
        "Yearly revenue per customer: must be at least 0.",
    ),
    "negative acquisition cost": (
        lambda: SegmentInput(name="Студенты", acquisition_cost=-5),
        "Стоимость привлечения клиента: должно быть не меньше 0.",
        "Acquisition cost per new customer: must be at least 0.",
    ),
    "negative yearly cost": (
        lambda: RelationshipInput(yearly_cost="-100"),
        "Затраты в год: должно быть не меньше 0.",
        "Yearly cost: must be at least 0.",
    ),
    "10**15 customers": (
        lambda: SegmentInput(name="Студенты", customers=10**15),
        f"Число клиентов: должно быть не больше 10{NBSP}000{NBSP}000{NBSP}000.",
        "Number of customers: must be at most 10,000,000,000.",
    ),
    "retention 120": (
        lambda: SegmentInput(name="Студенты", retention_rate=120),
        "Удержание клиентов за год, %: должно быть не больше 100.",
        "Yearly retention rate, %: must be at most 100.",
    ),
    "retention -1": (
        lambda: SegmentInput(name="Студенты", retention_rate=-1),
        "Удержание клиентов за год, %: должно быть не меньше 0.",
        "Yearly retention rate, %: must be at least 0.",
    ),
    "expected level 4": (
        lambda: RelationshipInput(expected=4),
        "Ожидания сегмента: должно быть не больше 3.",
        "Expected by the segment: must be at most 3.",
    ),
    "established level -1": (
        lambda: RelationshipInput(established=-1),
        "Что мы уже выстроили: должно быть не меньше 0.",
        "Already established: must be at least 0.",
    ),
    "colour red": (
        lambda: SegmentInput(name="Студенты", colour="red"),
        "Цвет: в неверном формате.",
        "Colour: has the wrong format.",
    ),
    "control character in a name": (
        lambda: SegmentInput(name="Студенты\x07"),
        "Название: содержит невидимые управляющие символы; удалите их.",
        "Name: contains invisible control characters; remove them.",
    ),
    "control character in a description": (
        lambda: SegmentInput(name="Студенты", description="строка\x00"),
        "Описание: содержит невидимые управляющие символы; удалите их.",
        "Description: contains invisible control characters; remove them.",
    ),
    "control character in a company": (
        lambda: WorkshopInput(title="Кофейня", company="ООО\x1b[31m"),
        "Компания: содержит невидимые управляющие символы; удалите их.",
        "Company: contains invisible control characters; remove them.",
    ),
    # pydantic spells a Decimal bound "Decimal('1000000000000')"; readers see a number
    "revenue over 10**12": (
        lambda: SegmentInput(name="Студенты", revenue_per_customer=10**13),
        f"Годовая выручка на клиента: должно быть не больше 1{NBSP}000{NBSP}000{NBSP}000{NBSP}000.",
        "Yearly revenue per customer: must be at most 1,000,000,000,000.",
    ),
    # the key of a tie is at fault: the field is named, not pydantic's "[key]" marker
    "a tie to a block that is not one": (
        lambda: RelationshipInput(integration={"pricing": "Скидки"}),
        "Связь с другими блоками: не из списка допустимых значений.",
        "Ties to other blocks: is not one of the allowed values.",
    ),
    # bytes became text only after the trimming, so "  " passed as a name
    "bytes as a name": (
        lambda: SegmentInput(name=b"  "),
        "Название: должно быть текстом.",
        "Name: must be text.",
    ),
    # the answer texts were trimmed with str.strip, which raised TypeError on anything else
    "an NPS answer's why that is not text": (
        lambda: NpsResponseInput(score=9, why=None),
        "Почему такая оценка: должно быть текстом.",
        "Why this score: must be text.",
    ),
    "three decimals of money": (
        lambda: SegmentInput(name="Студенты", revenue_per_customer="10.005"),
        "Годовая выручка на клиента: может иметь не больше 2 знаков после запятой.",
        "Yearly revenue per customer: may have at most 2 digits after the decimal point.",
    ),
}


@pytest.mark.parametrize(("make", "russian", "english"), REFUSALS.values(), ids=REFUSALS.keys())
def test_invalid_input_is_refused_with_a_message_in_each_language(
    make: Callable[[], BaseModel], russian: str, english: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        make()

    assert describe_validation(refused.value, "ru") == [russian]
    assert describe_validation(refused.value, "en") == [english]
    assert CYRILLIC.search(russian)
    assert not CYRILLIC.search(english)


def test_the_relationships_block_takes_no_notes() -> None:
    with pytest.raises(ValidationError) as refused:
        CanvasNoteInput(block=CanvasBlock.CUSTOMER_RELATIONSHIPS, text="Чат")

    assert describe_validation(refused.value, "en") == [
        "Block: the Customer Relationships block is filled from your answers and takes no notes."
    ]


def test_every_problem_of_a_form_gets_its_own_sentence() -> None:
    with pytest.raises(ValidationError) as refused:
        SegmentInput(name="", customers=-1, colour="#12345")

    messages = describe_validation(refused.value, "en")
    assert messages == [
        "Name: must not be empty.",
        "Number of customers: must be at least 0.",
        "Colour: has the wrong format.",
    ]


# ---------------------------------------------------------------- accepted as typed


def test_names_are_trimmed() -> None:
    assert SegmentInput(name="  Кафе \t").name == "Кафе"
    assert WorkshopInput(title="\n Кофейня  ", company="  ООО  ").title == "Кофейня"
    assert WorkshopInput(title="Кофейня", company="  ООО  ").company == "ООО"
    assert CanvasNoteInput(block=CanvasBlock.CHANNELS, text="  Сайт  ").text == "Сайт"


def test_spaces_around_a_name_do_not_count_towards_its_length() -> None:
    name = "я" * 120

    assert SegmentInput(name=f"   {name}   ").name == name


def test_cyrillic_and_emoji_names_are_accepted() -> None:
    segment = SegmentInput(name="Студенты 🎓 и 👩‍💻")

    assert segment.name == "Студенты 🎓 и 👩‍💻"


def test_html_is_kept_as_typed() -> None:
    script = "<script>alert(1)</script>"

    segment = SegmentInput(name="<b>VIP</b>", description=script)
    note = CanvasNoteInput(block=CanvasBlock.KEY_PARTNERS, text=f"<i>{script}</i>")
    answer = RelationshipInput(integration={IntegrationBlock.CHANNELS: script})

    assert segment.name == "<b>VIP</b>"
    assert segment.description == script
    assert note.text == "<i><script>alert(1)</script></i>"
    assert answer.integration == {IntegrationBlock.CHANNELS: script}


def test_control_characters_in_a_typed_nps_answer_are_refused_like_in_every_other_text() -> None:
    # PostgreSQL refuses NUL in text: a typed answer holding one used to fail in the driver
    for text in (" Вкусно\x00и быстро ", "ещё\x1fкофе"):
        with pytest.raises(ValidationError) as refused:
            NpsResponseInput(score=9, why=text)
        assert [e["type"] for e in refused.value.errors()] == ["control_chars"]


def test_newlines_and_tabs_are_allowed_in_free_text() -> None:
    description = "первая строка\n\tвторая строка"

    assert SegmentInput(name="Студенты", description=description).description == description


def test_limits_themselves_are_accepted() -> None:
    segment = SegmentInput(
        name="Студенты",
        description="д" * 4000,
        customers=10_000_000_000,
        revenue_per_customer=Decimal("1000000000000"),
        retention_rate=100,
    )
    answer = RelationshipInput(expected=3, established=0, yearly_cost=Decimal("0"))

    assert len(segment.description) == 4000
    assert segment.customers == 10_000_000_000
    assert segment.revenue_per_customer == Decimal("1000000000000")
    assert segment.retention_rate == 100.0
    assert (answer.expected, answer.established, answer.yearly_cost) == (3, 0, Decimal("0"))


def test_money_typed_the_russian_way_is_read_as_a_decimal() -> None:
    segment = SegmentInput(
        name="Студенты", revenue_per_customer=f"1{NBSP}234,56", acquisition_cost=0.1
    )

    assert segment.revenue_per_customer == Decimal("1234.56")
    assert segment.acquisition_cost == Decimal("0.1")


# ---------------------------------------------------------------- numbers in each language


@pytest.mark.parametrize(
    ("value", "currency", "lang", "expected"),
    [
        (Decimal("1234.5"), "RUB", "ru", f"1{NBSP}234,50{NBSP}₽"),
        (Decimal("1234.5"), "USD", "en", "$1,234.50"),
        (1500, "RUB", "ru", f"1{NBSP}500{NBSP}₽"),
        (1500, "USD", "en", "$1,500"),
        (Decimal("0.5"), "USD", "en", "$0.50"),
        (Decimal("1000000000000"), "RUB", "ru", f"1{NBSP}000{NBSP}000{NBSP}000{NBSP}000{NBSP}₽"),
        (Decimal("1000000000000"), "USD", "en", "$1,000,000,000,000"),
    ],
)
def test_money_reads_in_the_users_language(
    value: Decimal | int, currency: str, lang: str, expected: str
) -> None:
    assert money(value, currency, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "digits", "expected"),
    [
        (1234567, "ru", 0, f"1{NBSP}234{NBSP}567"),
        (1234567, "en", 0, "1,234,567"),
        (1234.5, "ru", 2, f"1{NBSP}234,5"),
        (1234.5, "en", 2, "1,234.5"),
        (Decimal("2.25"), "ru", 2, "2,25"),
        (999, "en", 0, "999"),
    ],
)
def test_numbers_read_in_the_users_language(
    value: float | int | Decimal, lang: str, digits: int, expected: str
) -> None:
    assert number(value, lang, digits=digits) == expected


def test_percentages_read_in_the_users_language() -> None:
    assert percent(0.25, "en") == "25%"
    assert percent(0.125, "en", digits=1) == "12.5%"
    assert percent(1, "en") == "100%"
    # Russian uses a decimal comma; whether a no-break space precedes "%" is style.
    assert percent(0.125, "ru", digits=1).replace(NBSP, "") == "12,5%"
    assert percent(0.25, "ru").replace(NBSP, "") == "25%"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_name_with_a_line_break_is_refused_in_the_users_language(lang: str) -> None:
    with pytest.raises(ValidationError) as caught:
        SegmentInput(name="Кофейни\nи бары")
    [message] = describe_validation(caught.value, lang)
    expected = {
        "ru": "Название: должно умещаться в одну строку, без переносов.",
        "en": "Name: must fit on one line, without line breaks.",
    }
    assert message == expected[lang]


@pytest.mark.parametrize("code", range(32))
def test_of_the_c0_control_characters_free_text_keeps_only_tab_newline_and_return(code):
    text = f"before{chr(code)}after"
    if chr(code) in "\t\n\r":
        assert SegmentInput(name="Offices", description=text).description == text
    else:
        with pytest.raises(ValidationError, match="control"):
            SegmentInput(name="Offices", description=text)
