"""NPS survey responses from a CSV file or a workbook exported by a survey tool or a spreadsheet.

Reading happens in three steps that the page shows one after another:

1. ``read_table`` reads an .xlsx or .ods workbook's sheet (``canvas.importers.workbook``),
   or decodes the bytes (UTF-8 with or without a byte order mark, UTF-16 with one, else
   Windows-1251) and finds the separator (``;``, ``,`` or tab); it skips blank lines,
   keeps every cell as text and takes a second header row such as SurveyMonkey's as part
   of the header (``canvas.importers.survey_header``); each row is labelled with the line
   of the file it starts on (a workbook's row number), counting the header line as 1, as
   a text editor or a spreadsheet would show it;
2. ``suggest_mapping`` guesses from the header names, Russian or English, which column
   holds the score, the "why", "what would make it a 10", the segment and the date; the
   user confirms or corrects the guess;
3. ``parse_responses`` checks and types the whole table at once with pandas' vectorised
   string, number and date operations (no Python loop over the rows), and returns the
   good rows and a list of the bad ones with their line numbers and reasons.

Nothing is saved here: the caller saves all the good rows or nothing. A file that cannot
be read at all raises ``SurveyFileRefused`` with the reasons in the user's language.
"""

import codecs
import csv
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import methodcaller

import numpy as np
import pandas as pd

from canvas.domain.fields import ANSWER_MAX, NAME_MAX
from canvas.domain.vocabulary import Language
from canvas.i18n import number, t
from canvas.importers.refusal import SurveyFileRefused
from canvas.importers.survey_columns import Column
from canvas.importers.survey_header import header
from canvas.importers.workbook import WorkbookKind, read_sheet, workbook_kind

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000
# A survey export has a column per question. Thousands of separators on a line are no
# table: 100 KB of commas took 40 s and 900 MB to read as 100,000 columns.
MAX_COLUMNS = 1_000
TEXT_MAX = ANSWER_MAX  # the "why" and "what would make it a 10" answers
SEGMENT_MAX = NAME_MAX
SEPARATORS = (",", ";", "\t")
SAMPLE_CHARS = 32_768  # how much of the file the separator is guessed from
# How much of that csv.Sniffer reads: its quote guess takes time growing with the square of
# the sample, and 32 KB of ',"' kept the server busy for 15 seconds.
SNIFF_CHARS = 4096
PREVIEW_CHARS = 60  # how much of a bad value a message quotes

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SCORE_SHAPE = r"\+?\d{1,3}(?:[.,]\d+)?"
# A date, then optionally a time of day (12- or 24-hour) and a time zone; only the date is kept.
_DATE_TIME = re.compile(
    r"^(?P<day>[^\sT]+)"
    r"(?:(?:\s+|T)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"(?:\s*(?P<half>[AaPp]\.?[Mm]\.?))?"
    r"(?:\s*(?:Z|(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?))?)?$"
)
_DAY_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d")
_SLASHED = r"\d{1,2}/\d{1,2}/\d{4}"
_YEARS = (1900, 2100)


@dataclass(frozen=True)
class SurveyTable:
    """The file as text cells: one row per response, indexed by its line in the file.

    ``extra_values`` holds, for the lines that have values beyond the last named column,
    those values joined by the separator (a comma inside an unquoted comment, usually).
    ``encoding`` is a Python codec name: ``utf-8``, ``utf-8-sig``, ``utf-16`` or ``cp1251``.
    A workbook's table has no encoding or separator (both empty) but its ``workbook`` kind,
    the ``sheet`` read and the ``sheets`` the user may pick from instead.
    """

    headers: list[str]
    frame: pd.DataFrame
    encoding: str
    separator: str
    extra_values: pd.Series = field(default_factory=lambda: pd.Series(dtype="str"))
    workbook: WorkbookKind | None = None
    sheet: str = ""
    sheets: tuple[str, ...] = ()


@dataclass(frozen=True)
class BadRow:
    """A response left out: its line in the file, why (translated) and the value at fault."""

    row_number: int
    reason: str
    value: str


@dataclass(frozen=True)
class ParsedSurvey:
    """The checked responses.

    ``good`` has the columns of ``Column``: ``score`` (int8), ``why``, ``make_it_ten`` and
    ``segment`` (text, empty when not given) and ``date`` (``datetime.date`` or ``None``),
    indexed by line number. ``bad`` has one entry per problem, in file order, so a row
    with two problems appears twice.
    """

    good: pd.DataFrame
    bad: list[BadRow]

    @property
    def bad_row_count(self) -> int:
        """How many rows are left out (a row with several problems counts once)."""
        return len({row.row_number for row in self.bad})


def describe_bad_row(row: BadRow, lang: Language | str) -> str:
    """``Row 7: score “11” is not a whole number from 0 to 10``."""
    return t("nps_import.bad_row", lang, row=number(row.row_number, lang), reason=row.reason)


# --- Reading the file -------------------------------------------------------------------


def read_table(raw: bytes, lang: Language | str, sheet: str | None = None) -> SurveyTable:
    """The file's header and cells as text, or ``SurveyFileRefused`` saying why not.

    A workbook's ``sheet`` is read (the first when not given or not in the workbook).
    """
    lang = Language(lang)
    if len(raw) > MAX_BYTES:
        size = number(len(raw) / 1024 / 1024, lang, 1)
        limit = number(MAX_BYTES // 1024 // 1024, lang)
        raise SurveyFileRefused([t("nps_import.too_big", lang, size=size, limit=limit)])
    kind = workbook_kind(raw, lang)
    if kind is not None:
        return _read_workbook(raw, kind, sheet, lang)
    text, encoding = _decode(raw, lang)
    text = _CONTROL_CHARS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise SurveyFileRefused([t("nps_import.empty", lang)])
    separator = _detect_separator(text)
    cells = _read_cells(text, separator, lang)
    if cells.empty:  # nothing but separators
        raise SurveyFileRefused([t("nps_import.empty", lang)])
    headers, frame, extra = _split(cells, lang)
    return SurveyTable(headers, frame, encoding, separator, _extra_values(extra, separator))


def _read_workbook(
    raw: bytes, kind: WorkbookKind, sheet: str | None, lang: Language
) -> SurveyTable:
    found = read_sheet(raw, kind, sheet, lang, max_columns=MAX_COLUMNS, max_chars=MAX_BYTES)
    cells = found.cells.apply(
        lambda column: column.str.replace("\r\n", "\n").str.replace(_CONTROL_CHARS, " ", regex=True)
    )
    try:
        if cells.empty:
            raise SurveyFileRefused([t("nps_import.empty_sheet", lang, sheet=found.name)])
        headers, frame, extra = _split(cells, lang)
    except SurveyFileRefused as refused:
        raise SurveyFileRefused(refused.problems, found.names) from None
    return SurveyTable(
        headers, frame, "", "", _extra_values(extra, "; "), kind, found.name, found.names
    )


def _split(cells: pd.DataFrame, lang: Language) -> tuple[list[str], pd.DataFrame, pd.DataFrame]:
    """The header's names, the responses under them, and the values past the last name."""
    headers, header_rows = header(cells, lang)
    body = cells.iloc[header_rows:]
    frame = body.iloc[:, : len(headers)].set_axis(headers, axis=1)
    if frame.empty:
        raise SurveyFileRefused([t("nps_import.no_rows", lang)])
    if len(frame) > MAX_ROWS:
        raise SurveyFileRefused(
            [
                t(
                    "nps_import.too_many_rows",
                    lang,
                    rows=number(len(frame), lang),
                    limit=number(MAX_ROWS, lang),
                )
            ]
        )
    return headers, frame, body.iloc[:, len(headers) :]


def _decode(raw: bytes, lang: Language) -> tuple[str, str]:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(raw, "utf-16", lang), "utf-16"
    if b"\x00" in raw[:8192]:
        raise SurveyFileRefused([t("nps_import.not_text", lang, csv="CSV")])
    if raw.startswith(codecs.BOM_UTF8):
        return _decode_as(raw, "utf-8-sig", lang), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Not UTF-8: a Russian Excel saves "CSV (разделители — запятые)" in Windows-1251.
        return _decode_as(raw, "cp1251", lang), "cp1251"


def _decode_as(raw: bytes, encoding: str, lang: Language) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise SurveyFileRefused([t("nps_import.not_text", lang, csv="CSV")]) from error


def _detect_separator(text: str) -> str:
    """``csv.Sniffer``'s guess when it fits the sample as well as the best count does.

    The sniffer alone is fooled by decimal commas ("9,0;…"), which are as regular as the
    semicolons; counting prefers the separator giving the header more columns that every
    row repeats.
    """
    sample = _lines_up_to(text, SAMPLE_CHARS)
    fits = {separator: _fit(sample, separator) for separator in SEPARATORS}
    best = max(SEPARATORS, key=fits.__getitem__)
    try:
        sniffer = csv.Sniffer()
        sniffed = sniffer.sniff(_lines_up_to(sample, SNIFF_CHARS), "".join(SEPARATORS)).delimiter
    except csv.Error:
        return best
    return sniffed if fits.get(sniffed) == fits[best] else best


def _lines_up_to(text: str, limit: int) -> str:
    """The whole lines within the first ``limit`` characters (the start of one long line)."""
    cut = text.rfind("\n", 0, limit)
    return text[: cut if cut > 0 else limit]


def _fit(sample: str, separator: str) -> tuple[bool, float, int]:
    """(several columns, share of rows as wide as the header, header width)."""
    rows = [
        row
        for row in csv.reader(io.StringIO(sample), delimiter=separator)
        if any(cell.strip() for cell in row)
    ]
    if not rows:
        return False, 0.0, 0
    width = len(rows[0])
    body = rows[1:] or rows
    share = sum(len(row) == width for row in body) / len(body)
    return width > 1, share, width


def _read_cells(text: str, separator: str, lang: Language) -> pd.DataFrame:
    """Every non-blank record of the file as text cells, indexed by its first line."""
    # As many columns as the longest line has separators (quoted ones too), so a row with
    # more values than the header is read in full and reported instead of failing the file.
    width = max(map(methodcaller("count", separator), text.split("\n"))) + 1
    for _ in range(3):
        if width > MAX_COLUMNS:
            limit = number(MAX_COLUMNS, lang)
            columns = number(width, lang)
            raise SurveyFileRefused(
                [t("nps_import.too_many_columns", lang, columns=columns, limit=limit)]
            )
        try:
            cells = _cells(text, separator, width)
            break
        except (pd.errors.ParserError, csv.Error) as error:
            # Only a record spread over lines by a quoted comment can be wider still;
            # pandas names the width it saw, and the second try uses it.
            wider = re.search(r"saw (\d+)", str(error))
            if not wider or int(wider[1]) <= width:
                raise SurveyFileRefused([t("nps_import.not_a_table", lang)]) from error
            width = int(wider[1])
    else:
        raise SurveyFileRefused([t("nps_import.not_a_table", lang)])
    cells = cells.set_axis(_line_numbers(cells, text), axis=0)
    filled = cells.apply(lambda column: column.str.strip().ne("")).any(axis=1)
    return cells[filled]


def _cells(text: str, separator: str, width: int) -> pd.DataFrame:
    cells = pd.read_csv(
        io.StringIO(text),
        sep=separator,
        header=None,
        names=range(width),
        dtype=str,
        keep_default_na=False,
        skip_blank_lines=False,
        engine="c",
    )
    return cells.fillna("")


def _line_numbers(cells: pd.DataFrame, text: str) -> np.ndarray:
    """The line each record starts on; a quoted comment may span several lines."""
    lines = text.count("\n") + (not text.endswith("\n"))
    if lines == len(cells):
        return np.arange(1, len(cells) + 1)
    spans = 1 + sum(
        (cells[column].str.count("\n") for column in cells.columns),
        start=pd.Series(0, index=cells.index),
    )
    return np.concatenate([[1], 1 + np.cumsum(spans.to_numpy())[:-1]])


def _extra_values(extra: pd.DataFrame, separator: str) -> pd.Series:
    """For lines with values past the last named column: those values, as in the file."""
    if extra.empty:
        return pd.Series(dtype="str")
    filled = extra.apply(lambda column: column.str.strip().ne("")).any(axis=1)
    over = extra[filled]
    if over.empty:
        return pd.Series(dtype="str")
    return over.apply(lambda row: separator.join(row).rstrip(separator), axis=1).astype("str")


# --- Checking the values -----------------------------------------------------------------


def parse_responses(
    table: SurveyTable, mapping: Mapping[Column, str | None], lang: Language | str
) -> ParsedSurvey:
    """The good responses, typed, and every problem of the bad ones; nothing is saved."""
    lang = Language(lang)
    _check_mapping(table, mapping, lang)
    frame = table.frame
    texts = {column: _column_text(frame, mapping.get(column)) for column in Column}

    score, score_bad = _scores(texts[Column.SCORE], lang)
    date, date_bad = _dates(texts[Column.DATE], lang)
    # A segment is a one-line name, however the spreadsheet wrapped it.
    segment = texts[Column.SEGMENT].str.replace("\n", " ").str.replace("\t", " ")
    bad = [
        *_extra_problems(table, lang),
        *score_bad,
        *_too_long(texts[Column.WHY], Column.WHY, TEXT_MAX, lang),
        *_too_long(texts[Column.MAKE_IT_TEN], Column.MAKE_IT_TEN, TEXT_MAX, lang),
        *_too_long(segment, Column.SEGMENT, SEGMENT_MAX, lang),
        *date_bad,
    ]
    bad.sort(key=lambda row: row.row_number)  # stable: a row's problems keep column order
    kept = ~frame.index.isin([row.row_number for row in bad])
    good = pd.DataFrame(
        {
            Column.SCORE.value: score[kept].astype("int8"),
            Column.WHY.value: texts[Column.WHY][kept],
            Column.MAKE_IT_TEN.value: texts[Column.MAKE_IT_TEN][kept],
            Column.SEGMENT.value: segment[kept],
            Column.DATE.value: date[kept],
        },
        index=frame.index[kept],
    )
    return ParsedSurvey(good=good, bad=bad)


def _check_mapping(
    table: SurveyTable, mapping: Mapping[Column, str | None], lang: Language
) -> None:
    problems = []
    if mapping.get(Column.SCORE) is None:
        problems.append(t("nps_import.no_score_column", lang))
    chosen: dict[str, Column] = {}
    for column in Column:
        name = mapping.get(column)
        if name is None:
            continue
        if name not in table.headers:
            problems.append(t("nps_import.unknown_column", lang, name=name))
        elif name in chosen:
            first, second = (_field(c, lang) for c in (chosen[name], column))
            problems.append(
                t("nps_import.column_twice", lang, name=name, first=first, second=second)
            )
        else:
            chosen[name] = column
    if problems:
        raise SurveyFileRefused(problems)


def _column_text(frame: pd.DataFrame, name: str | None) -> pd.Series:
    if name is None:
        return pd.Series("", index=frame.index, dtype="str")
    return frame[name].str.strip()


def _scores(values: pd.Series, lang: Language) -> tuple[pd.Series, list[BadRow]]:
    """Whole numbers 0–10 ("9", "9.0", "9,0"), as floats; the rows that are not, as problems."""
    numbers = pd.to_numeric(values.str.replace(",", ".", regex=False), errors="coerce")
    shaped = values.str.fullmatch(_SCORE_SHAPE).fillna(False).astype(bool)
    whole = shaped & numbers.between(0, 10) & numbers.mod(1).eq(0)
    empty = values.eq("")
    problems = [
        *_problems(values[empty], lambda _: t("nps_import.bad.score_empty", lang)),
        *_problems(
            values[~whole & ~empty],
            lambda value: t("nps_import.bad.score_invalid", lang, value=value),
        ),
    ]
    return numbers.where(whole, 0), problems


def _dates(values: pd.Series, lang: Language) -> tuple[pd.Series, list[BadRow]]:
    """Dates as ``datetime.date`` (``None`` when not given); unreadable ones as problems."""
    # Only a value with a time of day needs the (slower, per value) regex extraction.
    timed = values.str.contains(r"[\sT]", regex=True)
    parts = values[timed].str.extract(_DATE_TIME.pattern).reindex(values.index)
    days = _days(parts["day"].where(timed, values).fillna(""))
    hour = pd.to_numeric(parts["hour"], errors="coerce")
    twelve_hour = parts["half"].notna()
    time_ok = (
        parts["hour"].isna()
        | (hour.between(1, 12) & twelve_hour)
        | (hour.between(0, 23) & ~twelve_hour)
    ) & (
        pd.to_numeric(parts["minute"], errors="coerce").fillna(0).le(59)
        & pd.to_numeric(parts["second"], errors="coerce").fillna(0).le(59)
    )
    given = values.ne("")
    readable = days.notna() & time_ok & days.dt.year.between(*_YEARS)
    problems = _problems(
        values[given & ~readable],
        lambda value: t("nps_import.bad.date_invalid", lang, value=value),
    )
    dates = days.dt.date.astype(object).where(given & readable, None)
    return dates, problems


def _days(days: pd.Series) -> pd.Series:
    """The first of the accepted formats that reads each day; ``NaT`` where none does."""
    parsed = pd.Series(pd.NaT, index=days.index, dtype="datetime64[s]")
    for day_format in _DAY_FORMATS:
        parsed = _fill(parsed, days, day_format)
    rest = days[parsed.isna() & days.ne("")]
    return _fill(parsed, days, _slash_format(rest)) if len(rest) else parsed


def _fill(parsed: pd.Series, days: pd.Series, day_format: str) -> pd.Series:
    todo = parsed.isna() & days.ne("")
    if todo.any():
        parsed[todo] = pd.to_datetime(days[todo], format=day_format, errors="coerce")
    return parsed


def _slash_format(days: pd.Series) -> str:
    """Day first (14/03/2026), unless only month first reads every slashed date (US exports)."""
    slashed = days[days.str.fullmatch(_SLASHED).fillna(False).astype(bool)]
    day_first = pd.to_datetime(slashed, format="%d/%m/%Y", errors="coerce")
    month_first = pd.to_datetime(slashed, format="%m/%d/%Y", errors="coerce")
    if day_first.isna().any() and month_first.notna().all():
        return "%m/%d/%Y"
    return "%d/%m/%Y"


def _too_long(values: pd.Series, column: Column, limit: int, lang: Language) -> list[BadRow]:
    field_name = _field(column, lang)
    return _problems(
        values[values.str.len().gt(limit)],
        lambda _: t("nps_import.bad.too_long", lang, field=field_name, limit=number(limit, lang)),
    )


def _extra_problems(table: SurveyTable, lang: Language) -> list[BadRow]:
    columns = number(len(table.headers), lang)
    # In a workbook no separator can slip: the values stand in columns without a name.
    key = "past_header" if table.workbook else "too_many_values"
    return _problems(
        table.extra_values, lambda _: t(f"nps_import.bad.{key}", lang, columns=columns)
    )


def _problems(values: pd.Series, reason: Callable[[str], str]) -> list[BadRow]:
    """One ``BadRow`` per value; runs only over the rows at fault."""
    shown = [_preview(str(value)) for value in values.tolist()]
    lines = [int(line) for line in values.index.tolist()]
    return [
        BadRow(row_number=line, reason=reason(value), value=value)
        for line, value in zip(lines, shown, strict=True)
    ]


def _preview(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= PREVIEW_CHARS else value[: PREVIEW_CHARS - 1] + "…"


def _field(column: Column, lang: Language) -> str:
    return t(f"nps_import.field.{column.value}", lang)
