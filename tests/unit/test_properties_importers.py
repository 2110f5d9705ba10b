"""Whatever file is uploaded, the two importers answer with a result or their own refusal.

The JSON importer gets arbitrary bytes, arbitrary JSON and exported workshops broken in
every way hypothesis can think of (keys deleted, types changed, huge numbers, repeated
names and answers, segments that are not there, other schema versions). The survey file
importer gets arbitrary bytes, text in each encoding and with each separator it reads,
and good survey files mangled the same way. Either a result comes back, and then it is
sound, or ``ImportRefused``/``SurveyFileRefused`` with reasons in the language asked
for; never another exception. Every row the survey importer leaves out has its line
number and a reason in both languages. The store's side lives in
``tests/store/test_properties_writes.py``.
"""

from datetime import date

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from canvas.domain import WorkshopDocument
from canvas.domain.fields import ANSWER_MAX, NAME_MAX
from canvas.domain.nps import NpsResponseInput
from canvas.export.json_io import ImportRefused, export_json, parse_json
from canvas.i18n import number
from canvas.importers.nps_file import (
    ParsedSurvey,
    SurveyFileRefused,
    SurveyTable,
    describe_bad_row,
    parse_responses,
    read_table,
)
from canvas.importers.survey_columns import Column
from tests.unit.broken_files import (
    VERSIONS,
    any_bytes,
    broken_exports,
    column_choice,
    encoded,
    json_junk,
    survey_files,
    texts_in_encodings,
)
from tests.unit.refusal_checks import assert_both_languages, assert_readable, json_values

LANGS = ("ru", "en")

# ================================================================== the JSON importer


def assert_imports_or_refuses(raw: bytes) -> None:
    """Both languages agree; a refusal is readable, a document round-trips unchanged."""
    found: dict[str, WorkshopDocument | list[str]] = {}
    for lang in LANGS:
        try:
            found[lang] = parse_json(raw, lang)
        except ImportRefused as refused:
            found[lang] = refused.problems
    ru, en = found["ru"], found["en"]
    if isinstance(ru, list) or isinstance(en, list):
        assert isinstance(ru, list) and isinstance(en, list), "one language imports, one not"
        assert_both_languages({"ru": ru, "en": en}, raw)
        return
    assert ru == en
    assert parse_json(export_json(ru).encode(), "en") == ru


@settings(max_examples=150, deadline=None)
@given(raw=any_bytes)
def test_any_bytes_are_imported_or_refused_with_reasons_in_both_languages(raw):
    assert_imports_or_refuses(raw)


@settings(max_examples=150, deadline=None)
@given(
    value=json_values
    | st.fixed_dictionaries(
        {"schema_version": st.sampled_from(VERSIONS)},
        optional={
            "workshop": json_values | st.fixed_dictionaries({"title": json_junk}),
            "segments": st.lists(json_values, max_size=3),
            "nps_answers": st.lists(json_values, max_size=3),
        },
    ),
    ascii_only=st.booleans(),
)
def test_any_json_is_imported_or_refused_with_reasons_in_both_languages(value, ascii_only):
    assert_imports_or_refuses(encoded(value, ascii_only))


@settings(max_examples=200, deadline=None)
@given(document=broken_exports(), ascii_only=st.booleans())
def test_a_broken_export_is_imported_whole_or_refused_with_reasons(document, ascii_only):
    assert_imports_or_refuses(encoded(document, ascii_only))


# ================================================================== the survey file importer


def _read(raw: bytes) -> dict[str, SurveyTable | list[str]]:
    found: dict[str, SurveyTable | list[str]] = {}
    for lang in LANGS:
        try:
            found[lang] = read_table(raw, lang)
        except SurveyFileRefused as refused:
            found[lang] = refused.problems
    return found


Parsed = ParsedSurvey | list[str]


def _lines(table: SurveyTable, raw: bytes) -> int:
    return raw.count(b"\n") + raw.count(b"\r") + 1 if table.encoding != "utf-16" else 10**9


def _parse(table: SurveyTable, lang: str, mapping: dict[Column, int | None]) -> Parsed:
    named = {c: None if i is None else table.headers[i] for c, i in mapping.items()}
    try:
        return parse_responses(table, named, lang)
    except SurveyFileRefused as refused:
        return refused.problems


def assert_good_rows_are_sound(good: pd.DataFrame) -> None:
    """What the importer keeps, the domain accepts: it is stored without another check."""
    for score, why, ten, segment, day in good.itertuples(index=False):
        answer = NpsResponseInput(score=score, why=why, make_it_ten=ten, answered_on=day)
        assert (answer.why, answer.make_it_ten) == (why, ten)
        assert len(segment) <= NAME_MAX and "\n" not in segment
        assert len(why) <= ANSWER_MAX and len(ten) <= ANSWER_MAX
        assert day is None or (isinstance(day, date) and 1900 <= day.year <= 2100)


def assert_reads_or_refuses(raw: bytes, choice: int) -> None:
    tables = _read(raw)
    ru, en = tables["ru"], tables["en"]
    if isinstance(ru, list) or isinstance(en, list):
        assert isinstance(ru, list) and isinstance(en, list), "one language reads, one not"
        assert_both_languages({"ru": ru, "en": en}, raw)
        return
    assert (ru.frame.index == en.frame.index).all()
    lines = list(ru.frame.index)
    assert lines == sorted(set(lines)) and all(1 < line <= _lines(ru, raw) for line in lines)
    assert ru.headers and len(set(ru.headers)) == len(ru.headers)
    # Unnamed columns are named in the user's language: the mapping goes by position.
    guess = column_choice(ru.headers, choice)
    mapping = {c: None if h is None else ru.headers.index(h) for c, h in guess.items()}
    parsed = {"ru": _parse(ru, "ru", mapping), "en": _parse(en, "en", mapping)}
    if isinstance(parsed["ru"], list) or isinstance(parsed["en"], list):
        assert isinstance(parsed["ru"], list) and isinstance(parsed["en"], list)
        assert_both_languages({"ru": parsed["ru"], "en": parsed["en"]}, raw)
        return
    both = {lang: found for lang, found in parsed.items() if isinstance(found, ParsedSurvey)}
    bad = {lang: [(row.row_number, row.value) for row in found.bad] for lang, found in both.items()}
    assert bad["ru"] == bad["en"]
    good = both["ru"].good
    assert good.equals(both["en"].good)
    # every row of the file is either kept or named as bad, never both
    left_out = {line for line, _ in bad["ru"]}
    assert set(good.index) | left_out == set(lines)
    assert not set(good.index) & left_out
    for lang, found in both.items():
        for row in found.bad:
            said = describe_bad_row(row, lang)
            assert_readable([row.reason, said], lang, raw)
            assert number(row.row_number, lang) in said
    assert_good_rows_are_sound(good)


@settings(max_examples=150, deadline=None)
@given(raw=any_bytes | texts_in_encodings, choice=st.integers(0, 99))
def test_any_bytes_or_text_are_read_or_refused_with_reasons_in_both_languages(raw, choice):
    assert_reads_or_refuses(raw, choice)


@settings(max_examples=150, deadline=None)
@given(raw=survey_files(), choice=st.integers(0, 99))
def test_a_mangled_survey_file_keeps_its_good_rows_and_names_every_bad_one(raw, choice):
    assert_reads_or_refuses(raw, choice)
