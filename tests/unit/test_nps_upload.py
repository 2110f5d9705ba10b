"""From a checked survey file to the answers the store takes: segments matched by name,
unknown names listed for the user, bad rows summed up, and the file described."""

from datetime import date

import pytest

from canvas.importers.nps_answers import (
    BAD_ROWS_SHOWN,
    answer_rows,
    bad_row_lines,
    describe_table,
    file_digest,
    segment_keys,
    unknown_segments,
)
from canvas.importers.nps_file import BadRow, parse_responses, read_table
from canvas.importers.survey_columns import suggest_mapping

# Semicolons and Russian headers, as a Russian Excel saves them (Windows-1251).
SURVEY = (
    "Оценка;Почему;Что нужно, чтобы поставили 10;Сегмент;Дата\r\n"
    "9;Быстро;;Розница;14.03.2026\r\n"  # line 2
    "7;Долго ждали;Отвечать быстрее;  розница ;15.03.2026\r\n"  # 3: same segment, other case
    "11;Слишком;;Опт;16.03.2026\r\n"  # 4: bad score
    "3;Дорого;Скидки;Опт;\r\n"  # 5: a segment the workshop lacks
    "10;;;ОПТ  ;2026-04-01\r\n"  # 6: the same unknown name, other case and spacing
    "6;;;;\r\n"  # 7: no segment
    "8;;;Кафе;\r\n"  # 8: another unknown name
).encode("cp1251")

WORKSHOP = [(1, "Розница"), (2, "Офисы")]


def _good():
    table = read_table(SURVEY, "ru")
    return parse_responses(table, suggest_mapping(table.headers), "ru").good


def test_segment_names_are_matched_whatever_their_case_and_spacing():
    assert segment_keys([(1, "  Розница "), (2, "Офисы  Москвы")]) == {
        "розница": 1,
        "офисы москвы": 2,
    }


def test_unknown_segment_names_are_listed_once_as_first_written_in_file_order():
    # "Опт" (line 5) and "ОПТ  " (line 6) are one name; line 4 was left out as bad;
    # "розница" matches the workshop's "Розница"; an empty cell is no name
    assert unknown_segments(_good(), segment_keys(WORKSHOP)) == ["Опт", "Кафе"]


def test_good_rows_become_answers_with_segment_ids_in_file_order():
    rows = answer_rows(_good(), segment_keys(WORKSHOP), {"Опт": 2})

    assert [row["score"] for row in rows] == [9, 7, 3, 10, 6, 8]
    assert all(type(row["score"]) is int for row in rows)
    # Розница → 1 (twice); Опт → 2 as chosen, both spellings; no name → none;
    # Кафе was not chosen → none
    assert [row["segment_id"] for row in rows] == [1, 1, 2, 2, None, None]
    assert rows[1] == {
        "score": 7,
        "why": "Долго ждали",
        "make_it_ten": "Отвечать быстрее",
        "segment_id": 1,
        "answered_on": date(2026, 3, 15),
    }
    assert [row["answered_on"] for row in rows[2:]] == [None, date(2026, 4, 1), None, None]


def test_an_unknown_name_sent_to_no_segment_stays_without_one():
    rows = answer_rows(_good(), segment_keys(WORKSHOP), {"Опт": None, "Кафе": 1})
    assert [row["segment_id"] for row in rows] == [1, 1, None, None, None, 1]


def test_a_workshop_without_segments_keeps_every_answer_without_one():
    rows = answer_rows(_good(), {})
    assert [row["segment_id"] for row in rows] == [None] * 6


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Read as Windows-1251 text separated by semicolons. Rows under the header: 7."),
        (
            "ru",
            "Прочитан как текст Windows-1251, разделители — точки с запятой. "
            "Строк под заголовком: 7.",
        ),
    ],
)
def test_the_file_is_described_by_its_encoding_separator_and_rows(lang, expected):
    assert describe_table(read_table(SURVEY, lang), lang) == expected


def test_a_utf8_file_with_a_byte_order_mark_and_commas_is_described_so():
    raw = "\ufeffScore,Why\n9,Fine\n".encode()
    expected = "Read as UTF-8 (BOM) text separated by commas. Rows under the header: 1."
    assert describe_table(read_table(raw, "en"), "en") == expected


def test_only_the_first_fifty_problems_are_listed_and_the_rest_counted():
    bad = [BadRow(row_number=line, reason="score is empty", value="") for line in range(2, 2 + 62)]
    lines, more = bad_row_lines(bad, "en")
    assert BAD_ROWS_SHOWN == 50
    assert len(lines) == 50
    assert lines[0] == "Row 2: score is empty"
    assert lines[-1] == "Row 51: score is empty"
    assert more == 12  # 62 − 50


def test_a_few_problems_are_all_listed():
    lines, more = bad_row_lines([BadRow(1234, "score is empty", "")], "ru")
    assert (lines, more) == (["Строка 1\u00a0234: score is empty"], 0)


def test_the_same_bytes_give_the_same_fingerprint_and_other_bytes_another():
    assert file_digest(SURVEY) == file_digest(bytes(SURVEY))
    assert file_digest(SURVEY) != file_digest(SURVEY + b"\r\n9;;;;")
    assert len(file_digest(SURVEY)) == 16
