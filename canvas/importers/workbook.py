"""Survey responses in a spreadsheet workbook: Excel's .xlsx and LibreOffice's .ods.

pandas opens the workbook (openpyxl for .xlsx, odfpy for .ods); one sheet is read, the
first unless the user picks another, into text cells indexed by the row number the
spreadsheet shows, so the CSV reader's checks and messages apply unchanged.

What cannot be read is refused before pandas sees it: an old .xls, a workbook locked by
a password (Excel then writes an encrypted OLE file, LibreOffice encrypts the parts of
the zip), a damaged zip, and a workbook that unpacks to more than a survey export needs
(a few kilobytes of zip can unpack to gigabytes, and an .ods can repeat one row a
billion times in a few bytes).
"""

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from itertools import chain
from typing import Any

import pandas as pd

from canvas.domain.vocabulary import Language
from canvas.i18n import number, t
from canvas.importers.refusal import SurveyFileRefused

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The directory entry Excel's password protection writes into the OLE file (UTF-16 names).
_ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# How much a workbook may unpack to: a 5,000-row survey is 1.4 MB of .xlsx sheet XML
# (read in 0.3 s) and 2.7 MB of .ods content (2 s: odfpy builds the whole document).
MAX_UNPACKED_MB = {"xlsx": 100, "ods": 25}
EXCEL_LAST_ROW = 1_048_576  # a row number past it is a broken file, not a long sheet
_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*?)(?:/>|>(.*?)</table:table-row>)", re.S)
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*)>")
_ODS_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d+)"')
_ODS_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d+)"')


# Names of formats and programs, the same in both languages, for the messages' placeholders.
FORMAT_NAMES = {
    "csv": "CSV",
    "xlsx": ".xlsx",
    "ods": ".ods",
    "xls": ".xls",
    "excel": "Excel",
    "libreoffice": "LibreOffice",
}


class WorkbookKind(StrEnum):
    XLSX = "xlsx"
    ODS = "ods"


@dataclass(frozen=True)
class Sheet:
    """One sheet as text cells indexed by row number (blank rows left out)."""

    kind: WorkbookKind
    names: tuple[str, ...]
    name: str
    cells: pd.DataFrame


def workbook_kind(raw: bytes, lang: Language) -> WorkbookKind | None:
    """Which workbook the bytes are, ``None`` for anything else (text, presumably).

    An .xls, a locked or a damaged workbook raises ``SurveyFileRefused``.
    """
    if raw.startswith(_OLE):
        key = "workbook_locked" if _ENCRYPTED_STREAM in raw else "workbook_xls"
        raise SurveyFileRefused([t(f"nps_import.{key}", lang, **FORMAT_NAMES)])
    if not raw.startswith(_ZIP):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").startswith(_ODS_MIMETYPE):
                manifest = "META-INF/manifest.xml"
                if manifest in names and b"encryption-data" in archive.read(manifest):
                    raise SurveyFileRefused([t("nps_import.workbook_locked", lang, **FORMAT_NAMES)])
                return WorkbookKind.ODS
            if "xl/workbook.xml" in names:
                return WorkbookKind.XLSX
    except SurveyFileRefused:
        raise
    except Exception as error:
        # zipfile raises BadZipFile, zlib.error, EOFError, NotImplementedError (a method it
        # lacks) or RuntimeError (a zip entry with a password): all are a damaged workbook
        raise _broken(lang) from error
    raise _broken(lang)


def read_sheet(
    raw: bytes,
    kind: WorkbookKind,
    sheet: str | None,
    lang: Language,
    *,
    max_columns: int,
    max_chars: int,
) -> Sheet:
    """The chosen sheet (the first when ``sheet`` is ``None`` or not in the workbook).

    A sheet holding more than ``max_chars`` characters of text is refused: an .xlsx keeps
    a text once and may use it in every cell, so a small file can hold gigabytes of it.
    """
    _check_unpacked(raw, kind, lang, max_columns)
    try:
        with pd.ExcelFile(io.BytesIO(raw), engine="openpyxl" if kind == "xlsx" else "odf") as book:
            names = tuple(str(name) for name in book.sheet_names)
            if not names:  # Excel and LibreOffice always keep one: odfpy read no content
                raise _broken(lang)
            name = sheet if sheet in names else names[0]
            if kind == WorkbookKind.XLSX:
                rows = _xlsx_rows(book.book[name], max_columns, lang, names)
            else:
                frame = pd.read_excel(
                    book, sheet_name=name, header=None, dtype=object, na_filter=False
                )
                rows = list(frame.itertuples(index=False, name=None))
    except SurveyFileRefused:
        raise
    except Exception as error:
        # openpyxl, odfpy, expat and zipfile each raise their own errors for a damaged
        # file; whichever it is, the user's answer is the same: save the file again.
        raise _broken(lang) from error
    texts = [[_text(value) for value in row] for row in rows]
    chars = sum(map(len, chain.from_iterable(texts)))
    if chars > max_chars:
        size, limit = number(chars / 1024 / 1024, lang, 1), number(max_chars // 1024 // 1024, lang)
        raise SurveyFileRefused([t("nps_import.too_big", lang, size=size, limit=limit)], names)
    return Sheet(kind, names, name, _text_cells(texts))


def _broken(lang: Language) -> SurveyFileRefused:
    return SurveyFileRefused([t("nps_import.workbook_broken", lang, **FORMAT_NAMES)])


def _check_unpacked(raw: bytes, kind: WorkbookKind, lang: Language, max_columns: int) -> None:
    """Refuse a workbook whose parts unpack to more than the limit, before unpacking them."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            # zipfile stops at the declared size, so the directory's sizes are a real bound
            unpacked = sum(info.file_size for info in archive.infolist())
            limit = MAX_UNPACKED_MB[kind.value]
            if unpacked > limit * 1024 * 1024:
                size = number(unpacked / 1024 / 1024, lang, 1)
                raise SurveyFileRefused(
                    [
                        t(
                            "nps_import.workbook_too_big",
                            lang,
                            size=size,
                            limit=number(limit, lang),
                            kind=f".{kind.value}",
                            csv=FORMAT_NAMES["csv"],
                        )
                    ]
                )
            content = archive.read("content.xml") if kind == WorkbookKind.ODS else b""
    except SurveyFileRefused:
        raise
    except Exception as error:  # as in workbook_kind: whatever zipfile raises
        raise _broken(lang) from error
    if content:
        _check_ods_extent(content, lang, max_columns)


def _check_ods_extent(content: bytes, lang: Language, max_columns: int) -> None:
    """Refuse repeated rows or cells that would unfold past Excel's own sheet size.

    LibreOffice writes the empty rest of a sheet as one row repeated a million times,
    which pandas skips; a repeated row or cell that holds a value is unfolded in memory.
    """
    rows = pending = 0
    for row in _ODS_ROW.finditer(content):
        repeat = _repeat(_ODS_ROWS_REPEATED, row[1])
        body = row[2] or b""
        if b"value-type" not in body:
            pending += repeat
            continue
        position = width = 0
        for cell in _ODS_CELL.finditer(body):
            position += _repeat(_ODS_COLUMNS_REPEATED, cell[1])
            if b"value-type" in cell[1]:
                width = position
        if width > max_columns:
            columns, limit = number(width, lang), number(max_columns, lang)
            raise SurveyFileRefused(
                [t("nps_import.too_many_columns", lang, columns=columns, limit=limit)]
            )
        rows += pending + repeat
        pending = 0
        if rows > EXCEL_LAST_ROW:
            raise _broken(lang)


def _repeat(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return int(found[1]) if found else 1


def _xlsx_rows(
    worksheet: Any, max_columns: int, lang: Language, names: tuple[str, ...]
) -> list[tuple[Any, ...]]:
    """The sheet's rows from row 1, at most ``max_columns`` wide (a wider one is refused)."""
    if hasattr(worksheet, "reset_dimensions"):
        # the size a file declares can be wrong: let openpyxl find the real one as it reads
        worksheet.reset_dimensions()
    rows = []
    # Each row comes as wide as its own last cell: a styled empty cell far right makes it
    # long but holds no value; one value past the limit refuses the sheet on that row.
    for row_number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if row_number > EXCEL_LAST_ROW:
            raise _broken(lang)
        if len(row) > max_columns:
            if any(value is not None for value in row[max_columns:]):
                limit = number(max_columns, lang)
                raise SurveyFileRefused([t("nps_import.sheet_too_wide", lang, limit=limit)], names)
            row = row[:max_columns]
        rows.append(row)
    return rows


def _text_cells(texts: list[list[str]]) -> pd.DataFrame:
    """The cells' texts as a table indexed by row number, blank rows left out."""
    width = max((len(row) for row in texts), default=0)
    cells = pd.DataFrame(
        [row + [""] * (width - len(row)) for row in texts],
        index=range(1, len(texts) + 1),
        columns=range(width),
        dtype="str",
    )
    if cells.empty:
        return cells
    filled = cells.apply(lambda column: column.str.strip().ne("")).any(axis=1)
    return cells[filled]


def _text(value: Any) -> str:
    """A cell's value as text: whole numbers without ".0", midnight dates as the day alone."""
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value:  # NaN: pandas' reading of an error cell such as #N/A
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
