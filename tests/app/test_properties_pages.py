"""No input crashes a page: whatever is typed into a form, it is saved or refused in words.

Hypothesis types into the Segments page's "add a segment" form and the NPS page's
"one answer" form what a browser can send: any text (control characters, emoji, very
long), any number or text in the figures' fields, any score, segment and date the
choices offer. Every submit ends either with the rows saved (a segment with its six
relationship rows; one answer) or with the "Not saved" box whose every line is a sentence
in the page's language, and the database untouched. Few examples each: every one is a
full run of the page.
"""

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlmodel import SQLModel
from streamlit.testing.v1 import AppTest

from canvas.store.db import make_engine, reading
from tests.app.driver import (
    LANGS,
    add_segment,
    add_workshop,
    assert_ok,
    run_app,
    say,
    shown,
    widget,
)
from tests.unit.refusal_checks import assert_readable

PAGE = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BIGGEST_INT = 2**53 - 1  # what a browser's number box can hold exactly
# What a person can type or paste: any character a browser sends (no lone surrogates).
typed = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(
        ["", "   ", "Кафе", "a\x00b", "tab\there", "line\nbreak", "{name}", "x" * 2001]
    ),
)
names = st.one_of(st.sampled_from(["Кафе", "Offices", " Home  subscribers "]), typed)
amounts = st.one_of(
    st.none(),
    st.integers(0, 10**6).map(lambda cents: cents / 100),
    st.floats(-1e15, 1e15, allow_nan=False, allow_infinity=False),
)
counts = st.one_of(st.none(), st.integers(0, 10**6), st.integers(-BIGGEST_INT, BIGGEST_INT))
# The figures are text fields: a number as Python spells it, or anything at all.
figures = st.one_of(
    st.one_of(amounts, counts).map(lambda value: "" if value is None else str(value)),
    st.sampled_from(["1 500 000,50", "1,500,000.50", "12 %", "₽ 300", "1,2,3", "1e5"]),
    typed,
)


def row_counts(engine: Engine) -> dict[str, int]:
    with reading(engine) as session:
        return {
            table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
        }


@pytest.fixture
def database(db: str) -> Iterator[Engine]:
    engine = make_engine(db)
    yield engine
    engine.dispose()


@pytest.fixture
def page(db: str) -> Callable[[str, str], tuple[AppTest, int]]:
    """One running page per language and page, opened at the first example that needs it,
    on a workshop of its own with one segment (the page and the segment's id)."""
    opened: dict[tuple[str, str], tuple[AppTest, int]] = {}

    def open_page(lang: str, name: str) -> tuple[AppTest, int]:
        if (lang, name) not in opened:
            workshop = add_workshop(db, "Shop", lang)
            segment = add_segment(db, workshop, "Розница")
            opened[(lang, name)] = (run_app(lang, workshop, page=name), segment)
        return opened[(lang, name)]

    return open_page


def assert_saved_or_told(
    at: AppTest, lang: str, typed_in: dict[str, Any], before: dict[str, int], after: dict[str, int]
) -> dict[str, int]:
    """The page ran to its end; if nothing was written, it says why in ``lang``."""
    assert_ok(at)
    added = {name: after[name] - before[name] for name in after if after[name] != before[name]}
    boxes = shown(at.error)
    if added:
        assert not boxes, boxes
        event("saved")
        return added
    event("refused")
    [box] = boxes
    heading, _, lines = box.partition("\n\n")
    assert heading == say(lang, "error.title")
    assert_readable([line.removeprefix("- ") for line in lines.split("\n")], lang, typed_in)
    return added


@PAGE
@given(
    lang=st.sampled_from(LANGS),
    name=names,
    description=typed,
    customers=figures,
    revenue=figures,
    cost=figures,
    retention=figures,
)
def test_whatever_is_typed_into_the_add_segment_form_is_saved_or_refused_in_words(
    page, database, lang, name, description, customers, revenue, cost, retention
):
    at, _ = page(lang, "segments")
    form = "add_segment"
    values = [
        (at.text_input, "field.name", name),
        (at.text_area, "field.description", description),
        (at.text_input, "field.customers", customers),
        (at.text_input, "field.retention_rate", retention),
    ]
    for widgets, key, value in values:
        widget(widgets, say(lang, key), form=form).set_value(value)
    sign = {"ru": "₽", "en": "$"}[lang]  # the workshop's RUB or USD
    for key, value in (("field.revenue_per_customer", revenue), ("field.acquisition_cost", cost)):
        label = f"{say(lang, key)}, {sign}"
        widget(at.text_input, label, form=form).set_value(value)
    before = row_counts(database)
    widget(at.button, say(lang, "segments.add_button"), form=form).click().run()

    typed_in = {
        "name": name,
        "description": description,
        "numbers": [customers, revenue, cost, retention],
    }
    added = assert_saved_or_told(at, lang, typed_in, before, row_counts(database))
    assert added in ({}, {"segment": 1, "relationship": 6})


@PAGE
@given(
    lang=st.sampled_from(LANGS),
    score=st.none() | st.integers(0, 10),
    why=typed,
    ten=typed,
    segment=st.booleans(),
    day=st.none() | st.dates(date(2000, 1, 1), date(2100, 12, 31)),
)
def test_whatever_is_typed_into_the_nps_answer_form_is_saved_or_refused_in_words(
    page, database, lang, score, why, ten, segment, day
):
    at, segment_id = page(lang, "nps")
    widget(at.radio, say(lang, "nps.typed.score")).set_value(score)
    widget(at.text_area, say(lang, "nps.typed.why")).set_value(why)
    widget(at.text_area, say(lang, "nps.typed.ten")).set_value(ten)
    widget(at.selectbox, say(lang, "field.segment")).set_value(segment_id if segment else None)
    widget(at.date_input, say(lang, "nps.typed.date")).set_value(day)
    before = row_counts(database)
    widget(at.button, say(lang, "nps.typed.save")).click().run()

    added = assert_saved_or_told(at, lang, {"why": why, "ten": ten}, before, row_counts(database))
    assert added in ({}, {"nps_response": 1})
