"""The NPS survey importer reads real exports and explains every row it leaves out.

Each test writes the file it needs into a temporary folder as bytes, the way a survey
tool or a spreadsheet would have saved it, and reads it back as an upload would.
Line numbers count the header as line 1, as a text editor shows the file.
"""

import csv
from datetime import date
from pathlib import Path

import pytest

from canvas.importers.nps_file import (
    MAX_BYTES,
    BadRow,
    ParsedSurvey,
    SurveyFileRefused,
    SurveyTable,
    describe_bad_row,
    parse_responses,
    read_table,
)
from canvas.importers.survey_columns import Column, suggest_mapping

GOOGLE_FORMS = (
    "Timestamp,How likely are you to recommend us to a friend or colleague?,"
    "Why did you give this score?,What would make it a 10?,Customer segment\r\n"
    '2026/03/14 10:22:05 AM GMT+3,9,"Fast delivery, friendly staff",,Retail\r\n'
    '2026/03/14 11:02:47 AM GMT+3,6,"Slow, and the app crashed","Fix the app, please",Wholesale\r\n'
    "2026/03/15 9:15:00 PM GMT+3,10,,,Retail\r\n"
)

EXCEL_RUSSIAN = (
    "Оценка;Почему;Что нужно, чтобы поставили 10;Сегмент;Дата\r\n"
    "9,0;Быстро, вежливо;;Розница;14.03.2026\r\n"
    "7,0;Долго ждали ответа;Отвечать быстрее;Опт;15/03/2026\r\n"
    "10;Всё отлично;;Розница;2026-03-16\r\n"
)

WITH_BAD_ROWS = (
    "Score,Why,Date\n"  # line 1
    "10,Great,2026-03-14\n"  # 2: good
    "11,Too much,2026-03-14\n"  # 3: score above 10
    "ten,Words,2026-03-14\n"  # 4: score in words
    ",Forgot the score,14.03.2026\n"  # 5: no score
    "9.5,Half,14/03/2026\n"  # 6: not a whole number
    "9,Fine,31.02.2026\n"  # 7: no 31 February
    '"9,0",Decimal comma,2026-03-14 10:22\n'  # 8: good, 9
)


def _write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def _table(path: Path, lang: str = "en") -> SurveyTable:
    return read_table(path.read_bytes(), lang)


def _parse(path: Path, lang: str = "en") -> ParsedSurvey:
    table = _table(path, lang)
    return parse_responses(table, suggest_mapping(table.headers), lang)


def _refusal(raw: bytes, lang: str = "en") -> list[str]:
    with pytest.raises(SurveyFileRefused) as caught:
        read_table(raw, lang)
    return caught.value.problems


# --- Real exports ------------------------------------------------------------------------


def test_a_google_forms_export_is_read_with_commas_inside_quoted_comments(tmp_path):
    path = _write(tmp_path, "google_forms.csv", GOOGLE_FORMS.encode())
    table = _table(path)
    assert (table.encoding, table.separator) == ("utf-8", ",")
    survey = _parse(path)
    assert survey.bad == []
    good = survey.good
    assert good.index.tolist() == [2, 3, 4]
    assert good["score"].tolist() == [9, 6, 10]
    assert str(good["score"].dtype) == "int8"
    assert good["why"].tolist() == [
        "Fast delivery, friendly staff",
        "Slow, and the app crashed",
        "",
    ]
    assert good["make_it_ten"].tolist() == ["", "Fix the app, please", ""]
    assert good["segment"].tolist() == ["Retail", "Wholesale", "Retail"]
    assert good["date"].tolist() == [date(2026, 3, 14), date(2026, 3, 14), date(2026, 3, 15)]


def test_a_russian_excel_export_in_windows_1251_with_decimal_commas_is_read(tmp_path):
    path = _write(tmp_path, "excel_ru.csv", EXCEL_RUSSIAN.encode("cp1251"))
    table = _table(path, "ru")
    # The decimal commas and the comma in the header do not fool the separator guess.
    assert (table.encoding, table.separator) == ("cp1251", ";")
    assert table.headers == ["Оценка", "Почему", "Что нужно, чтобы поставили 10", "Сегмент", "Дата"]
    survey = _parse(path, "ru")
    assert survey.bad == []
    assert survey.good["score"].tolist() == [9, 7, 10]
    assert survey.good["why"].tolist() == ["Быстро, вежливо", "Долго ждали ответа", "Всё отлично"]
    assert survey.good["segment"].tolist() == ["Розница", "Опт", "Розница"]
    # 15/03/2026 is read day first, as in Russia and Europe.
    assert survey.good["date"].tolist() == [date(2026, 3, 14), date(2026, 3, 15), date(2026, 3, 16)]


def test_a_utf8_file_with_a_byte_order_mark_keeps_the_mark_out_of_the_first_name(tmp_path):
    path = _write(tmp_path, "bom.csv", "\ufeffScore,Comment\n8,Всё хорошо\n".encode())
    table = _table(path)
    assert (table.encoding, table.headers) == ("utf-8-sig", ["Score", "Comment"])
    assert suggest_mapping(table.headers)[Column.SCORE] == "Score"
    assert _parse(path).good["why"].tolist() == ["Всё хорошо"]


def test_a_tab_separated_file_from_excel_unicode_text_is_read(tmp_path):
    path = _write(tmp_path, "unicode.txt", "Оценка\tПочему\r\n8\tНормально\r\n".encode("utf-16"))
    table = _table(path, "ru")
    assert (table.encoding, table.separator) == ("utf-16", "\t")
    assert _parse(path, "ru").good["score"].tolist() == [8]


def test_blank_lines_and_lines_of_bare_separators_are_skipped_but_keep_their_numbers(tmp_path):
    content = "score;why\n9;good\n\n   \n3;bad\n;;\n10;\n"
    survey = _parse(_write(tmp_path, "blank.csv", content.encode()))
    assert survey.bad == []
    # Lines 3, 4 and 6 are blank; the responses sit on lines 2, 5 and 7.
    assert survey.good.index.tolist() == [2, 5, 7]
    assert survey.good["score"].tolist() == [9, 3, 10]


def test_a_comment_over_several_lines_counts_all_its_lines(tmp_path):
    content = 'Score,Why\n9,"Line one\nline two"\n11,Bad\n'
    survey = _parse(_write(tmp_path, "multiline.csv", content.encode()))
    assert survey.good["why"].tolist() == ["Line one\nline two"]
    assert [row.row_number for row in survey.bad] == [4]


def test_us_dates_are_read_month_first_when_day_first_cannot_read_them(tmp_path):
    content = "Score,Date\n9,3/14/2026\n8,4/2/2026\n"
    survey = _parse(_write(tmp_path, "us.csv", content.encode()))
    assert survey.good["date"].tolist() == [date(2026, 3, 14), date(2026, 4, 2)]


def test_an_empty_date_is_none_and_a_time_of_day_is_dropped(tmp_path):
    content = "Score;Date\n9;\n8;2026-03-14 10:22\n7;2026-03-14T23:59:59Z\n"
    survey = _parse(_write(tmp_path, "dates.csv", content.encode()))
    assert survey.good["date"].tolist() == [None, date(2026, 3, 14), date(2026, 3, 14)]


# --- Guessing the columns ----------------------------------------------------------------


def test_russian_google_forms_questions_are_mapped_to_their_columns():
    headers = [
        "Отметка времени",
        "Насколько вероятно, что вы порекомендуете нас друзьям?",
        "Почему вы поставили такую оценку?",
        "Что нужно, чтобы вы поставили 10?",
        "Электронная почта",
    ]
    assert suggest_mapping(headers) == {
        Column.SCORE: "Насколько вероятно, что вы порекомендуете нас друзьям?",
        Column.WHY: "Почему вы поставили такую оценку?",
        Column.MAKE_IT_TEN: "Что нужно, чтобы вы поставили 10?",
        Column.SEGMENT: None,
        Column.DATE: "Отметка времени",
    }


def test_short_english_names_are_mapped_whatever_their_case():
    headers = ["DATE", "NPS", "Reason", "What would make it a 10", "Segment"]
    assert suggest_mapping(headers) == {
        Column.SCORE: "NPS",
        Column.WHY: "Reason",
        Column.MAKE_IT_TEN: "What would make it a 10",
        Column.SEGMENT: "Segment",
        Column.DATE: "DATE",
    }


def test_each_name_is_suggested_for_one_column_only():
    # "Балл" is the score; "Комментарий к баллу" mentions the score but is the comment.
    mapping = suggest_mapping(["Комментарий к баллу", "Балл", "Группа"])
    assert mapping[Column.SCORE] == "Балл"
    assert mapping[Column.WHY] == "Комментарий к баллу"
    assert mapping[Column.SEGMENT] == "Группа"


def test_blank_and_repeated_header_names_get_names_of_their_own(tmp_path):
    table = _table(_write(tmp_path, "names.csv", b"Comment,Comment,,Score\na,b,c,9\n"), "ru")
    assert table.headers == ["Comment", "Comment (2)", "Столбец 3", "Score"]


SURVEYMONKEY = (
    "Respondent ID,Start Date,How likely is it that you would recommend us to a friend or "
    "colleague?,Why did you give this score?,Which do you buy?,,Other (please specify)\r\n"
    ",,Response,Open-Ended Response,Coffee,Tea,\r\n"
    "114,03/14/2026 10:22:05 AM,9,Great beans,Coffee,,\r\n"
    "115,03/15/2026 09:01:00 PM,4,Too dear,,Tea,Cakes\r\n"
)


def test_a_surveymonkey_second_header_row_is_part_of_the_header_not_a_bad_answer(tmp_path):
    table = _table(_write(tmp_path, "surveymonkey.csv", SURVEYMONKEY.encode()))
    question = "How likely is it that you would recommend us to a friend or colleague?"
    # "Response" and "Open-Ended Response" say nothing more than the question; an option
    # under a question spanning columns joins it, and so does "Other (please specify)"
    assert table.headers == [
        "Respondent ID",
        "Start Date",
        question,
        "Why did you give this score?",
        "Which do you buy? — Coffee",
        "Which do you buy? — Tea",
        "Other (please specify)",
    ]
    survey = parse_responses(table, suggest_mapping(table.headers), "en")
    assert survey.bad == []
    assert survey.good.index.tolist() == [3, 4]  # the answers start under the two header lines
    assert survey.good["score"].tolist() == [9, 4]
    assert survey.good["why"].tolist() == ["Great beans", "Too dear"]
    assert survey.good["date"].tolist() == [date(2026, 3, 14), date(2026, 3, 15)]


def test_a_second_line_with_a_score_in_it_is_an_answer_even_if_it_says_response(tmp_path):
    table = _table(_write(tmp_path, "plain.csv", b"Score,Why\n9,Response\n"))
    assert table.headers == ["Score", "Why"]
    assert table.frame.index.tolist() == [2]


# --- Bad rows ----------------------------------------------------------------------------


def test_bad_rows_are_listed_with_their_line_and_reason_in_english(tmp_path):
    survey = _parse(_write(tmp_path, "bad.csv", WITH_BAD_ROWS.encode()))
    assert [describe_bad_row(row, "en") for row in survey.bad] == [
        "Row 3: score “11” is not a whole number from 0 to 10",
        "Row 4: score “ten” is not a whole number from 0 to 10",
        "Row 5: score is empty",
        "Row 6: score “9.5” is not a whole number from 0 to 10",
        "Row 7: date “31.02.2026” is not a date",
    ]
    assert [row.value for row in survey.bad] == ["11", "ten", "", "9.5", "31.02.2026"]
    assert survey.bad_row_count == 5
    assert survey.good.index.tolist() == [2, 8]
    assert survey.good["score"].tolist() == [10, 9]


def test_bad_rows_are_listed_with_their_line_and_reason_in_russian(tmp_path):
    survey = _parse(_write(tmp_path, "bad.csv", WITH_BAD_ROWS.encode()), "ru")
    assert [describe_bad_row(row, "ru") for row in survey.bad] == [
        "Строка 3: оценка «11» не является целым числом от 0 до 10",
        "Строка 4: оценка «ten» не является целым числом от 0 до 10",
        "Строка 5: оценка не указана",
        "Строка 6: оценка «9.5» не является целым числом от 0 до 10",
        "Строка 7: дата «31.02.2026» не является датой",
    ]


def test_a_row_with_two_problems_is_listed_twice_and_counted_once(tmp_path):
    content = "Score;Date\n-1;2026-13-01\n"
    survey = _parse(_write(tmp_path, "two.csv", content.encode()))
    assert survey.bad == [
        BadRow(2, "score “-1” is not a whole number from 0 to 10", "-1"),
        BadRow(2, "date “2026-13-01” is not a date", "2026-13-01"),
    ]
    assert survey.bad_row_count == 1
    assert survey.good.empty


def test_a_time_that_cannot_be_is_a_bad_date(tmp_path):
    content = "Score;Date\n9;2026-03-14 25:10\n9;14.03.26\n"
    survey = _parse(_write(tmp_path, "time.csv", content.encode()))
    assert [row.value for row in survey.bad] == ["2026-03-14 25:10", "14.03.26"]


def test_a_comment_over_2000_characters_is_a_bad_row_and_2000_is_fine(tmp_path):
    content = f"Score;Why\n9;{'a' * 2000}\n8;{'b' * 2001}\n"
    survey = _parse(_write(tmp_path, "long.csv", content.encode()))
    assert survey.good["score"].tolist() == [9]
    assert [describe_bad_row(row, "en") for row in survey.bad] == [
        "Row 3: comment is longer than 2,000 characters"
    ]
    assert survey.bad[0].value == "b" * 59 + "…"  # a long value is quoted shortened
    russian = _parse(_write(tmp_path, "long.csv", content.encode()), "ru")
    assert describe_bad_row(russian.bad[0], "ru") == (
        "Строка 3: комментарий длиннее 2\u00a0000 символов"
    )


def test_a_row_with_more_values_than_columns_is_a_bad_row(tmp_path):
    content = "Score;Why\n9;Good\n8;Fast;cheap;;\n"
    survey = _parse(_write(tmp_path, "wide.csv", content.encode()))
    assert survey.good.index.tolist() == [2]
    assert survey.bad == [
        BadRow(
            3,
            "the line has more values than the header has columns (2); "
            "a separator inside an unquoted comment, perhaps",
            "cheap",
        )
    ]


def test_a_quoted_comment_over_two_lines_with_values_after_it_is_still_reported(tmp_path):
    # No single line has more than two commas, yet the record on lines 2–3 has five values.
    content = 'Score,Why\n1,2,"multi\nline",3,4\n9,ok\n'
    survey = _parse(_write(tmp_path, "spread.csv", content.encode()))
    assert [(row.row_number, row.value) for row in survey.bad] == [(2, "multi line,3,4")]
    assert survey.good.index.tolist() == [4]


# --- Refusals ----------------------------------------------------------------------------


def test_a_file_without_a_header_line_is_refused(tmp_path):
    path = _write(tmp_path, "no_header.csv", "9;Отлично;Розница\n7;Нормально;Опт\n".encode())
    assert _refusal(path.read_bytes(), "en") == [
        "The first line holds “9”, which looks like an answer rather than a column name. "
        "Add a line with the column names at the top (for example Score, Why, Segment, Date)."
    ]


def test_a_mapping_without_a_score_column_is_refused(tmp_path):
    table = _table(_write(tmp_path, "no_score.csv", b"Why,Segment\nGood,Retail\n"))
    mapping = suggest_mapping(table.headers)
    assert mapping[Column.SCORE] is None
    with pytest.raises(SurveyFileRefused) as caught:
        parse_responses(table, mapping, "ru")
    assert caught.value.problems == ["Выберите столбец, в котором стоит оценка (от 0 до 10)."]


def test_a_mapping_naming_a_missing_column_or_one_column_twice_is_refused(tmp_path):
    table = _table(_write(tmp_path, "map.csv", b"Score,Why\n9,Good\n"))
    mapping = {Column.SCORE: "Score", Column.WHY: "Score", Column.DATE: "When"}
    with pytest.raises(SurveyFileRefused) as caught:
        parse_responses(table, mapping, "en")
    assert caught.value.problems == [
        "The column “Score” is chosen both as the score and as the comment.",
        "The file has no column “When”.",
    ]


def test_other_binary_files_are_refused_as_not_text(tmp_path):
    path = _write(tmp_path, "picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert _refusal(path.read_bytes()) == [
        "The file is not text, so it cannot be a table of survey responses. "
        "Upload the responses saved as CSV."
    ]


@pytest.mark.parametrize("content", [b"", b"\n\n   \r\n", b"\xef\xbb\xbf", b"\t\t\n\t\n"])
def test_an_empty_file_is_refused(content):
    assert _refusal(content) == ["The file is empty."]


def test_a_quote_left_open_is_refused(tmp_path):
    path = _write(tmp_path, "open_quote.csv", b'Score,Why\n9,"open\n8,fine\n')
    assert _refusal(path.read_bytes()) == [
        "The file could not be read as a table: a quote is probably left open. "
        "Check the quotes around the comments and save the file again."
    ]


def test_a_header_without_responses_is_refused(tmp_path):
    path = _write(tmp_path, "header.csv", "Оценка;Почему\r\n\r\n".encode())
    assert _refusal(path.read_bytes(), "ru") == [
        "В файле есть названия столбцов, но нет ни одного ответа."
    ]


def test_a_file_over_20_megabytes_is_refused_before_it_is_read():
    assert _refusal(b"9\n" * (21 * 1024 * 1024 // 2)) == ["The file is 21 MB; the limit is 20 MB."]
    assert len(_refusal(b" " * (MAX_BYTES + 1), "ru")) == 1


def test_a_file_over_200000_responses_is_refused():
    raw = b"Score\n" + b"5\n" * 200_001
    assert _refusal(raw) == ["The file has 200,001 responses; the limit is 200,000."]
    assert _refusal(raw, "ru") == [
        "В файле ответов: 200\u00a0001, а допустимо не больше 200\u00a0000."
    ]


# --- Files built to be slow ---------------------------------------------------------------


def test_a_line_of_thousands_of_separators_is_refused_before_pandas_reads_it():
    # 100 KB of commas took 40 s and 900 MB as 100,001 columns; it holds no survey
    raw = b"Score" + b"," * 100_000 + b"\n9\n"
    assert _refusal(raw) == [
        "The file has 100,001 columns; the limit is 1,000. A survey export has a column "
        "per question: check that this is the table of responses."
    ]
    assert _refusal(raw, "ru") == [
        "В файле столбцов: 100\u00a0001, а допустимо не больше 1\u00a0000. В выгрузке опроса "
        "по столбцу на каждый вопрос: проверьте, что это таблица ответов."
    ]


def test_a_thousand_columns_of_one_name_are_named_apart_at_once():
    # each repeated name used to search the whole list from "(2)" up: minutes for 16,000
    raw = ("Score" + ",Q" * 999 + "\n9" + ",x" * 999 + "\n").encode()
    headers = read_table(raw, "en").headers
    assert headers[:3] == ["Score", "Q", "Q (2)"]
    assert headers[-1] == "Q (999)"
    assert len(set(headers)) == 1000


def test_the_separator_guess_reads_at_most_4_kb_with_the_sniffer(monkeypatch):
    # csv.Sniffer's quote guess grows with the square of its sample: 32 KB of ',"' took 15 s
    sniffed: list[int] = []
    sniff = csv.Sniffer.sniff

    def measured(self, sample, delimiters=None):
        sniffed.append(len(sample))
        return sniff(self, sample, delimiters)

    monkeypatch.setattr(csv.Sniffer, "sniff", measured)
    rows = "".join(f'{i % 11};"Долго, но вкусно"\n' for i in range(2000))
    table = read_table(("Оценка;Почему\n" + rows).encode(), "ru")
    assert (table.separator, len(table.frame)) == (";", 2000)
    assert sniffed and max(sniffed) <= 4096


# --- A big survey ------------------------------------------------------------------------


def test_a_survey_of_100000_responses_is_read_whole(tmp_path):
    # Scores cycle 0..10, written "n" or "n,0"; every thousandth response says 11.
    lines = ["Оценка;Почему;Сегмент;Дата"]
    for index in range(100_000):
        score = "11" if index % 1000 == 999 else f"{index % 11}" + (",0" if index % 2 else "")
        lines.append(f'{score};"Ответ {index}; с точкой с запятой";Сегмент {index % 4};14.03.2026')
    path = _write(tmp_path, "big.csv", "\n".join(lines).encode("cp1251"))
    survey = _parse(path, "ru")
    assert len(survey.good) == 99_900
    assert survey.bad_row_count == 100
    # Response 999 (counting from 0) sits on line 999 + 2 = 1001; the last bad one on 100001.
    assert (survey.bad[0].row_number, survey.bad[-1].row_number) == (1001, 100_001)
    assert survey.good["segment"].nunique() == 4
    assert survey.good["date"].eq(date(2026, 3, 14)).all()
    # All 100,000 scores: 9,090 cycles of 0..10 (55 each) and then 0..9 (45) = 499,995.
    # The bad ones are indexes 999 + 1000k, scored (9 − k) mod 11 as 1000 ≡ −1 (mod 11):
    # k = 0..98 is 9 cycles (495), k = 99 is 9; so the good ones add up to 499,995 − 504.
    assert int(survey.good["score"].astype(int).sum()) == 499_491
