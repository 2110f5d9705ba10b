"""Broken files for the importers' property tests: exports and survey tables, mangled.

``broken_exports`` changes an exported workshop in one to four places; ``survey_files``
writes a survey table the way spreadsheets do and sometimes damages its bytes. Both are
shared by the importers' unit properties and the store's all-or-nothing properties.
"""

import codecs
import copy
import csv
import io
import json
from typing import Any

from hypothesis import strategies as st

from canvas.content.demo import load_demo
from canvas.export.json_io import export_json
from canvas.importers.survey_columns import Column, suggest_mapping
from tests.unit.refusal_checks import EDGE_TEXTS, any_text, json_values, long_text

# ------------------------------------------------------------------ exported workshops

DEMO: dict[str, Any] = json.loads(export_json(load_demo("en")))

json_junk = st.one_of(
    json_values,
    st.sampled_from([-1, 0, 4, 11, 2**31, 2**63, 10**30, 1e308, -1e-9, 0.5, 9.999]),
    st.sampled_from([e for e in EDGE_TEXTS if isinstance(e, str)]),
    long_text,
    st.sampled_from([[], {}, [None], {"": None}]),
)
VERSIONS = [1, 2, 3, 0, 4, -3, "3", 3.0, 3.5, True, None, [3], {"v": 3}]


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and list position in a JSON value, as paths from the top."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            found += _places(item, (*path, position))
    return found


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


@st.composite
def broken_exports(draw: st.DrawFn) -> dict[str, Any]:
    """The demo's export with one to four things changed anywhere in it."""
    document = copy.deepcopy(DEMO)
    for _ in range(draw(st.integers(1, 4), label="changes")):
        places = [p for p in _places(document) if p]
        if not places:
            break
        path = draw(st.sampled_from(places), label="where")
        parent, last = _at(document, path[:-1]), path[-1]
        change = draw(
            st.sampled_from(["delete", "replace", "repeat", "dangle", "version", "extra"]),
            label="change",
        )
        if change == "delete":
            del parent[last]
        elif change == "replace":
            parent[last] = copy.deepcopy(draw(json_junk))  # drawn values may be shared
        elif change == "repeat" and isinstance(parent, list):
            # a second segment of the same name, an answer given twice …
            parent.insert(last, copy.deepcopy(parent[last]))
        elif change == "dangle" and isinstance(parent, dict):
            # an answer about a segment that is not in the file
            parent["segment"] = draw(st.sampled_from(["Nobody", "", "  ", None]) | any_text)
        elif change == "version":
            document["schema_version"] = copy.deepcopy(draw(st.sampled_from(VERSIONS)))
        elif change == "extra" and isinstance(parent, dict):
            parent[draw(any_text)] = copy.deepcopy(draw(json_junk))
    return document


def encoded(document: Any, ascii_only: bool) -> bytes:
    """A JSON document as a file; a lone surrogate makes its UTF-8 invalid, as in life."""
    text = json.dumps(document, ensure_ascii=ascii_only)
    return text.encode("utf-8", "surrogatepass")


any_bytes = st.binary(max_size=300) | st.binary(max_size=100).map(codecs.BOM_UTF8.__add__)

# ------------------------------------------------------------------ survey files

SEPARATORS = [",", ";", "\t"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1251"]
HEADERS = [
    ["Оценка", "Почему", "Что нужно, чтобы поставили 10", "Сегмент", "Дата"],
    ["Score", "Why", "What would make it a 10?", "Segment", "Date"],
    ["How likely are you to recommend us?", "Comment", "Timestamp"],
    ["NPS", "", "Группа", "Score"],
]
scores = st.sampled_from(["9", "10", "0", "9,0", "7.0", " 8 ", "6"])
days = st.sampled_from(
    ["14.03.2026", "2026-03-14", "03/14/2026", "2026/03/14 10:22:05 AM GMT+3", ""]
)
words = st.sampled_from(["Розница", "Опт", "Fast, friendly", "", 'Слишком "дорого"'])
odd_cells = st.one_of(
    st.sampled_from(["11", "-1", "9.5", "ten", "", "31.02.2026", "1899-12-31", "2026-03-14T25:00"]),
    st.text(st.sampled_from('ab я9,;\t"\n\r'), max_size=12),
    any_text,
    long_text,
)


wrong_cells = st.sampled_from(["11", "-1", "9.5", "ten", "31.02.2026", "x" * 2001])


def _column_cells(name: str, odd: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Mostly what such a column holds, now and then something ``odd``."""
    guess = suggest_mapping([name])
    good = scores if guess[Column.SCORE] else days if guess[Column.DATE] else words
    return st.one_of(good, good, good, odd)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16":  # with its byte order mark, as the importer expects
        return text.encode("utf-16", "surrogatepass")
    return text.encode(encoding, "replace" if encoding == "cp1251" else "surrogatepass")


@st.composite
def survey_files(draw: st.DrawFn, *, clean: bool = False) -> bytes:
    """A survey table written by a spreadsheet, then perhaps mangled at the byte level.

    A ``clean`` file has a header the importer knows, rows that are mostly good and bytes
    left alone: the kind whose good rows get saved.
    """
    separator = draw(st.sampled_from(SEPARATORS))
    odd = wrong_cells if clean else odd_cells
    known = st.sampled_from(HEADERS[:2] if clean else HEADERS)
    header = draw(known if clean else known | st.lists(odd_cells, min_size=1, max_size=5))
    row = st.tuples(*(_column_cells(name, odd) for name in header)).map(list)
    longer = st.builds(lambda cells, more: [*cells, more], row, odd)  # one value too many
    shorter = row.flatmap(lambda cells: st.integers(0, len(cells)).map(lambda n: cells[:n]))
    rows = draw(st.lists(st.one_of(row, row, row, longer, shorter), min_size=1, max_size=6))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONE]))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    out = io.StringIO()
    try:
        csv.writer(
            out, delimiter=separator, quoting=quoting, escapechar="\\", lineterminator=ending
        ).writerows([header, *rows])
    except csv.Error:  # unquoted, a row of one empty cell cannot be written
        out = io.StringIO()
        csv.writer(out, delimiter=separator, lineterminator=ending).writerows([header, *rows])
    raw = _encode(out.getvalue(), draw(st.sampled_from(ENCODINGS)))
    for _ in range(0 if clean else draw(st.sampled_from([0, 0, 0, 1, 2]))):
        if not raw:
            break
        where = draw(st.integers(0, len(raw)))
        mangle = draw(st.sampled_from(["cut", "insert", "drop"]))
        if mangle == "cut":
            raw = raw[:where]
        elif mangle == "insert":
            inserted = draw(st.sampled_from([b'"', b";", b"\n", b"\x00", b"\xff", b","]))
            raw = raw[:where] + inserted + raw[where:]
        else:
            raw = raw[:where] + raw[where + 1 :]
    return raw


texts_in_encodings = st.builds(
    _encode,
    st.text(
        st.sampled_from('Score;Why,Оценка\t9 10 11 "\n\r\x00é€') | st.characters(), max_size=80
    ),
    st.sampled_from(ENCODINGS),
)


def column_choice(headers: list[str], choice: int) -> dict[Column, str | None]:
    """The importer's guess; without a score column the user picks one (``choice``)."""
    mapping = suggest_mapping(headers)
    if mapping[Column.SCORE] is None:
        free = [h for h in headers if h not in mapping.values()] or headers
        mapping[Column.SCORE] = free[choice % len(free)]
    return mapping
