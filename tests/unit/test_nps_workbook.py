"""Survey responses in .xlsx and .ods workbooks: read like a CSV export, or refused clearly.

Each test makes its workbook in memory (tests/workbooks.py) with the cells a person would
type: numbers as numbers, dates as dates. Row numbers are the spreadsheet's own, header
row 1. Expected messages come from the catalogue.
"""

import io
import zipfile
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canvas.i18n import number, t
from canvas.importers.nps_answers import describe_table
from canvas.importers.nps_file import (
    MAX_BYTES,
    MAX_COLUMNS,
    SurveyFileRefused,
    describe_bad_row,
    parse_responses,
    read_table,
)
from canvas.importers.survey_columns import Column, suggest_mapping
from canvas.importers.workbook import FORMAT_NAMES, MAX_UNPACKED_MB
from tests import workbooks

KINDS = {"xlsx": workbooks.xlsx, "ods": workbooks.ods}
HEADER = ["Оценка", "Почему", "Что нужно, чтобы поставили 10", "Сегмент", "Дата"]
ROWS = [
    HEADER,  # row 1
    [9, "Быстро, вежливо", None, "Розница", date(2026, 3, 14)],  # 2: good
    [11, "Слишком", None, "Опт", date(2026, 3, 15)],  # 3: score above 10
    [None, None, None, None, None],  # 4: blank, skipped
    ["7", "Долго", "Отвечать быстрее", "Опт", "15.03.2026"],  # 5: good, typed as text
    [9.5, "Половина", None, None, datetime(2026, 3, 16, 10, 22)],  # 6: not a whole number
    [10, None, None, "Розница", datetime(2026, 3, 17, 18, 5)],  # 7: good, time dropped
]
# The same survey as a CSV export of the sheet (the blank row kept, so lines match rows).
CSV = (
    "Оценка;Почему;Что нужно, чтобы поставили 10;Сегмент;Дата\n"
    "9;Быстро, вежливо;;Розница;2026-03-14\n"
    "11;Слишком;;Опт;2026-03-15\n"
    ";;;;\n"
    "7;Долго;Отвечать быстрее;Опт;15.03.2026\n"
    "9.5;Половина;;;2026-03-16 10:22:00\n"
    "10;;;Розница;2026-03-17 18:05:00\n"
).encode()


def _parse(raw: bytes, lang: str = "en", sheet: str | None = None):
    table = read_table(raw, lang, sheet)
    return table, parse_responses(table, suggest_mapping(table.headers), lang)


def _refusal(raw: bytes, lang: str = "en", sheet: str | None = None) -> SurveyFileRefused:
    with pytest.raises(SurveyFileRefused) as caught:
        read_table(raw, lang, sheet)
    return caught.value


# --- Read like a CSV ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_workbook_is_guessed_checked_and_listed_row_by_row_as_its_csv_export(kind):
    table, survey = _parse(KINDS[kind]({"Ответы": ROWS}))
    _, from_csv = _parse(CSV)

    assert table.headers == HEADER
    assert suggest_mapping(table.headers) == suggest_mapping(HEADER)
    # rows 2, 5 and 7 are good; 3 and 6 bad; the blank row 4 is skipped, keeping its number
    assert survey.good.index.tolist() == [2, 5, 7]
    assert survey.good[Column.SCORE.value].tolist() == [9, 7, 10]
    assert survey.good[Column.DATE.value].tolist() == [
        date(2026, 3, 14),
        date(2026, 3, 15),
        date(2026, 3, 17),
    ]
    assert survey.bad == from_csv.bad
    assert [describe_bad_row(row, "en") for row in survey.bad] == [
        t("nps_import.bad_row", "en", row="3", reason=_invalid("11")),
        t("nps_import.bad_row", "en", row="6", reason=_invalid("9.5")),
    ]
    assert survey.good.reset_index(drop=True).equals(from_csv.good.reset_index(drop=True))


def _invalid(value: str) -> str:
    return t("nps_import.bad.score_invalid", "en", value=value)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_first_sheet_is_read_unless_another_is_picked(kind, lang):
    raw = KINDS[kind]({"Сводка": [["Score"], [10]], "Ответы": [["Score"], [3], [4]]})

    first = read_table(raw, lang)
    assert (first.sheet, first.sheets) == ("Сводка", ("Сводка", "Ответы"))
    assert len(first.frame) == 1
    picked = read_table(raw, lang, "Ответы")
    assert picked.sheet == "Ответы"
    assert picked.frame["Score"].tolist() == ["3", "4"]
    name = {"xlsx": "Excel (.xlsx)", "ods": "LibreOffice (.ods)"}[kind]
    described = t("nps.file.read_sheet", lang, sheet="Ответы", kind=name, rows="2")
    assert describe_table(picked, lang) == described


@pytest.mark.parametrize("kind", KINDS)
def test_rows_keep_the_spreadsheets_numbers_below_blank_rows_at_the_top(kind):
    rows = [[None, None], [None, None], ["Score", "Why"], [None, None], [9, "Fine"], [12, "?"]]
    table, survey = _parse(KINDS[kind]({"S": rows}))
    # the header is on row 3, row 4 is blank: the answers are rows 5 and 6
    assert table.frame.index.tolist() == [5, 6]
    assert [row.row_number for row in survey.bad] == [6]


@pytest.mark.parametrize("kind", KINDS)
def test_values_right_of_the_last_named_column_make_the_row_bad(kind):
    raw = KINDS[kind]({"S": [["Score", "Why"], [9, "Fine"], [8, "Ok", "stray"]]})
    _, survey = _parse(raw)
    reason = t("nps_import.bad.past_header", "en", columns="2")
    assert [describe_bad_row(row, "en") for row in survey.bad] == [
        t("nps_import.bad_row", "en", row="3", reason=reason)
    ]
    assert survey.bad[0].value == "stray"


@pytest.mark.parametrize("kind", KINDS)
def test_a_second_header_row_like_surveymonkeys_is_part_of_the_header(kind):
    rows = [
        ["Respondent ID", "Start Date", "How likely are you to recommend us?", "Why?", "Segment"],
        [None, None, "Response", "Open-Ended Response", "Response"],
        [1001, datetime(2026, 3, 14, 9, 30), 9, "Fast", "Retail"],
        [1002, datetime(2026, 3, 15, 11, 0), 3, "Slow", "Retail"],
    ]
    table, survey = _parse(KINDS[kind]({"Sheet": rows}))
    assert table.headers == rows[0]
    assert survey.bad == []
    # the responses start on row 3, under the two header rows
    assert survey.good.index.tolist() == [3, 4]
    assert survey.good[Column.SCORE.value].tolist() == [9, 3]


# --- Refused, with a reason --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_password_protected_excel_workbook_is_refused(lang):
    # Excel encrypts a workbook with a password into an OLE file, whatever its name says
    assert _refusal(workbooks.encrypted_xlsx(), lang).problems == [
        t("nps_import.workbook_locked", lang, **FORMAT_NAMES)
    ]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_password_protected_ods_is_refused(lang):
    raw = workbooks.locked_ods({"S": [["Score"], [9]]})
    assert _refusal(raw, lang).problems == [t("nps_import.workbook_locked", lang, **FORMAT_NAMES)]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_old_xls_workbook_is_refused_with_advice_to_save_it_as_xlsx_or_csv(lang):
    [message] = _refusal(workbooks.legacy_xls(), lang).problems
    assert message == t("nps_import.workbook_xls", lang, **FORMAT_NAMES)
    assert ".xlsx" in message and "CSV" in message


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="cut-in-half"),
        pytest.param(
            lambda raw: workbooks.with_part(raw, "xl/worksheets/sheet1.xml", b"<worksheet><"),
            id="sheet-xml-broken",
        ),
        pytest.param(
            lambda raw: workbooks.with_part(raw, "xl/workbook.xml", b"not xml"),
            id="workbook-xml-broken",
        ),
    ],
)
def test_a_damaged_xlsx_is_refused_as_damaged(lang, damage):
    raw = damage(workbooks.xlsx({"S": [["Score"], [9]]}))
    assert _refusal(raw, lang).problems == [t("nps_import.workbook_broken", lang, **FORMAT_NAMES)]


def test_a_damaged_ods_and_a_zip_that_is_no_workbook_are_refused_as_damaged():
    ods = workbooks.with_part(workbooks.ods({"S": [["Score"], [9]]}), "content.xml", b"<a><")
    photos = workbooks.with_part(workbooks.xlsx({"S": [["Score"]]}), "xl/workbook.xml", b"")
    photos = photos.replace(b"xl/workbook.xml", b"xl/pictures.xml")  # no workbook part left
    for raw in (ods, photos):
        assert _refusal(raw, "ru").problems == [
            t("nps_import.workbook_broken", "ru", **FORMAT_NAMES)
        ]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_workbook_without_a_single_cell_is_refused_as_empty(kind, lang):
    refused = _refusal(KINDS[kind]({"Лист1": []}), lang)
    assert refused.problems == [t("nps_import.empty_sheet", lang, sheet="Лист1")]


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_first_sheet_is_refused_and_the_others_are_offered(kind):
    refused = _refusal(KINDS[kind]({"Лист1": [], "Ответы": [["Score"], [9]]}), "ru")
    assert refused.problems == [t("nps_import.empty_sheet", "ru", sheet="Лист1")]
    assert refused.sheets == ("Лист1", "Ответы")


@pytest.mark.parametrize("kind", KINDS)
def test_a_sheet_with_a_header_and_no_responses_is_refused(kind):
    refused = _refusal(KINDS[kind]({"S": [["Score", "Why"]]}))
    assert refused.problems == [t("nps_import.no_rows", "en")]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_workbook_that_unpacks_past_its_limit_is_refused_before_it_is_read(kind, lang):
    limit = MAX_UNPACKED_MB[kind]
    raw = workbooks.padded(KINDS[kind]({"S": [["Score"], [9]]}), limit)  # the limit and more
    assert len(raw) < 1024 * 1024  # small to upload: spaces zip to almost nothing
    # the size is what all its parts unpack to, as the zip's directory lists them
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    assert unpacked > limit * 1024 * 1024
    size = number(unpacked / 1024 / 1024, lang, 1)
    assert _refusal(raw, lang).problems == [
        t(
            "nps_import.workbook_too_big",
            lang,
            size=size,
            limit=number(limit, lang),
            kind=f".{kind}",
            csv="CSV",
        )
    ]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_xlsx_repeating_one_long_text_past_a_csvs_size_is_refused(lang):
    # Excel keeps a text once however many cells show it: 800 cells of 30,000 characters
    # are 24,000,000 characters, 24,000,000 / 1,048,576 = 22.9 MB of text, past the 20 MB
    # a CSV may have
    long_text = "x" * 30_000
    raw = workbooks.xlsx({"S": [["Score", "Why"], *([9, long_text] for _ in range(800))]})
    assert len(raw) < 1024 * 1024
    size = number(22.9, lang, 1)
    limit = number(MAX_BYTES // 1024 // 1024, lang)
    assert _refusal(raw, lang).problems == [t("nps_import.too_big", lang, size=size, limit=limit)]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_xlsx_with_a_value_past_a_thousand_columns_is_refused(lang):
    row: list[object] = [None] * MAX_COLUMNS + ["far away"]  # column 1001
    refused = _refusal(workbooks.xlsx({"S": [["Score"], [9], row]}), lang)
    assert refused.problems == [
        t("nps_import.sheet_too_wide", lang, limit=number(MAX_COLUMNS, lang))
    ]


def test_an_ods_repeating_a_value_over_thousands_of_columns_is_refused_before_unfolding():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="S")
    row = TableRow()
    cell = TableCell(valuetype="float", value=9, numbercolumnsrepeated=5000)
    cell.addElement(P(text="9"))
    row.addElement(cell)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    raw = _saved(document)
    refused = _refusal(raw)
    columns, limit = number(5000, "en"), number(MAX_COLUMNS, "en")
    assert refused.problems == [
        t("nps_import.too_many_columns", "en", columns=columns, limit=limit)
    ]


def test_an_ods_repeating_a_row_past_a_spreadsheets_last_row_is_refused_before_unfolding():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="S")
    header, data = TableRow(), TableRow(numberrowsrepeated=2_000_000_000)
    for row, value in ((header, "Score"), (data, "9")):
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=value))
        row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    broken = t("nps_import.workbook_broken", "en", **FORMAT_NAMES)
    assert _refusal(_saved(document)).problems == [broken]


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


# --- Mangled bytes -----------------------------------------------------------------------

SMALL = {
    "xlsx": workbooks.xlsx({"S": [["Score", "Why"], [9, "Fine"], [3, "Slow"]]}),
    "ods": workbooks.ods({"S": [["Score", "Why"], [9, "Fine"], [3, "Slow"]]}),
}


@settings(max_examples=100, deadline=None)
@given(
    kind=st.sampled_from(sorted(SMALL)),
    changes=st.lists(
        st.tuples(st.floats(0, 1, exclude_max=True), st.binary(min_size=1)), max_size=4
    ),
    cut=st.none() | st.floats(0, 1),
)
def test_a_mangled_workbook_is_read_or_refused_with_reasons_in_both_languages(kind, changes, cut):
    raw = bytearray(SMALL[kind])
    for where, data in changes:
        start = int(where * len(raw))
        raw[start : start + len(data)] = data
    if cut is not None:
        raw = raw[: int(cut * len(raw))]
    for lang in ("en", "ru"):
        try:
            table = read_table(bytes(raw), lang)
            parse_responses(table, suggest_mapping(table.headers), lang)
        except SurveyFileRefused as refused:
            assert refused.problems and all(problem.strip() for problem in refused.problems)
