"""From a checked survey file to answers the store takes: segments matched by name.

The importer (``canvas.importers.nps_file``) reads and checks the file; this module
matches the file's segment names to the workshop's segments, lists the names that match
none so the user can say where they belong, and turns the good rows into the mappings
``canvas.store.nps.add_responses`` inserts in one statement. The work runs per distinct
segment name and per column, not per row in Python-level logic.
"""

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from canvas.domain import name_key
from canvas.domain.vocabulary import Language
from canvas.i18n import number, t
from canvas.importers.nps_file import BadRow, SurveyTable, describe_bad_row
from canvas.importers.survey_columns import Column
from canvas.importers.workbook import FORMAT_NAMES

BAD_ROWS_SHOWN = 50  # problems listed on the page; the rest are only counted
ENCODINGS = "UTF-8, UTF-16, Windows-1251"  # what the importer reads, for the help text
_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "utf-16": "UTF-16",
    "cp1251": "Windows-1251",
}
_SEPARATOR_KEYS = {",": "comma", ";": "semicolon", "\t": "tab"}
_WORKBOOK_NAMES = {"xlsx": "Excel (.xlsx)", "ods": "LibreOffice (.ods)"}
# What the uploader takes; an .xls gets no place here (the help says to save it as .xlsx).
UPLOAD_TYPES = ("csv", "txt", "tsv", "xlsx", "ods")
UPLOAD_FORMATS = "CSV, XLSX, ODS"  # the uploader's label names them
# The help's placeholders: format and program names, the same in both languages.
HELP_NAMES = {
    **FORMAT_NAMES,
    "encodings": ENCODINGS,
    "survey_tool": "SurveyMonkey",
    "response": "Response",
    "open_ended": "Open-Ended Response",
}
# The label of each column's selector: the name of the field it fills.
COLUMN_LABELS = {
    Column.SCORE: "field.score",
    Column.WHY: "field.why",
    Column.MAKE_IT_TEN: "field.make_it_ten",
    Column.SEGMENT: "field.segment",
    Column.DATE: "field.answered_on",
}


def file_digest(raw: bytes) -> str:
    """A short fingerprint of a file's bytes, to tell one upload from the next."""
    return hashlib.sha256(raw).hexdigest()[:16]


def describe_table(table: SurveyTable, lang: Language | str) -> str:
    """``Read as UTF-8 text separated by semicolons: 3 rows under the header.``"""
    if table.workbook is not None:
        return t(
            "nps.file.read_sheet",
            lang,
            sheet=table.sheet,
            kind=_WORKBOOK_NAMES[table.workbook.value],
            rows=number(len(table.frame), lang),
        )
    return t(
        "nps.file.read",
        lang,
        encoding=_ENCODING_NAMES.get(table.encoding, table.encoding),
        separator=t(f"nps.file.separator.{_SEPARATOR_KEYS[table.separator]}", lang),
        rows=number(len(table.frame), lang),
    )


def bad_row_lines(bad: list[BadRow], lang: Language | str) -> tuple[list[str], int]:
    """The first ``BAD_ROWS_SHOWN`` problems as sentences, and how many more there are."""
    shown = [describe_bad_row(row, lang) for row in bad[:BAD_ROWS_SHOWN]]
    return shown, max(0, len(bad) - BAD_ROWS_SHOWN)


def segment_keys(segments: Iterable[tuple[int, str]]) -> dict[str, int]:
    """The workshop's segments by ``name_key``: (id, name) pairs in, key → id out."""
    return {name_key(name): segment_id for segment_id, name in segments}


def unknown_segments(good: pd.DataFrame, known: Mapping[str, int]) -> list[str]:
    """Segment names in the file that match no segment, as first written, in file order.

    Names that differ only in case or spacing count as one; an empty cell is no name.
    """
    found: dict[str, str] = {}
    for name in good[Column.SEGMENT.value].unique().tolist():
        key = name_key(name)
        if key and key not in known and key not in found:
            found[key] = name
    return list(found.values())


def answer_rows(
    good: pd.DataFrame,
    known: Mapping[str, int],
    chosen: Mapping[str, int | None] | None = None,
) -> list[dict[str, Any]]:
    """The good rows as mappings for ``add_responses``, in file order.

    A segment name is matched to ``known`` (keys from ``segment_keys``); an unknown one
    goes where ``chosen`` (by the name as ``unknown_segments`` lists it) says, else to no
    segment. Each distinct name is looked up once, then the column is mapped at once.
    """
    extra = {name_key(name): segment for name, segment in (chosen or {}).items()}
    names = good[Column.SEGMENT.value]
    ids: dict[str, int | None] = {}
    for name in names.unique().tolist():
        key = name_key(name)
        ids[name] = known.get(key, extra.get(key))
    segments = [ids[name] for name in names.tolist()]
    return [
        {
            "score": score,
            "why": why,
            "make_it_ten": ten,
            "segment_id": segment,
            "answered_on": day,
        }
        for score, why, ten, segment, day in zip(
            good[Column.SCORE.value].astype("int64").tolist(),
            good[Column.WHY.value].tolist(),
            good[Column.MAKE_IT_TEN.value].tolist(),
            segments,
            good[Column.DATE.value].tolist(),
            strict=True,
        )
    ]
