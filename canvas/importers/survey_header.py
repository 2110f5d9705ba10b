"""The header of a survey table: one row of column names, or two as SurveyMonkey writes them.

SurveyMonkey puts each question in the first row and, in a second row, what the column
holds: "Response" under a single answer, "Open-Ended Response" under free text, the
option under each column of a multiple-choice question (whose question cell spans them,
so the first row is blank there). That second row is part of the header, not an answer:
it is recognised by its words and by holding nothing that looks like a score or a date.
"""

import re
from itertools import zip_longest

import pandas as pd

from canvas.domain.vocabulary import Language
from canvas.i18n import t
from canvas.importers.refusal import SurveyFileRefused

_SCORE_SHAPE = r"\+?\d{1,3}(?:[.,]\d+)?"
LOOKS_LIKE_DATA = re.compile(rf"{_SCORE_SHAPE}|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}(?:\s.*)?")
# Words that say what a column holds rather than name it: left out of the joined name.
_PLAIN_WORDS = frozenset(
    {"response", "open-ended response", "ответ", "открытый ответ", "ответ в свободной форме"}
)
_SECOND_ROW_WORDS = _PLAIN_WORDS | {
    "other (please specify)",
    "другое (укажите)",
    "другое (пожалуйста, укажите)",
}
JOIN = " — "


def header(cells: pd.DataFrame, lang: Language) -> tuple[list[str], int]:
    """The column names and how many rows of ``cells`` (one or two) the header takes."""
    first = [str(cell) for cell in cells.iloc[0].tolist()]
    if len(cells) > 1:
        second = [str(cell) for cell in cells.iloc[1].tolist()]
        if is_second_header_row(second):
            return header_names(_joined(first, second), lang), 2
    return header_names(first, lang), 1


def is_second_header_row(cells: list[str]) -> bool:
    """A row of SurveyMonkey's column words ("Response"…) with no score or date in it."""
    words = [_plain(cell) for cell in cells if cell.strip()]
    return any(word in _SECOND_ROW_WORDS for word in words) and not any(
        LOOKS_LIKE_DATA.fullmatch(word) for word in words
    )


def _plain(cell: str) -> str:
    return " ".join(cell.casefold().split())


def _joined(first: list[str], second: list[str]) -> list[str]:
    """One name per column: the question, with the second row's word when it tells more."""
    names: list[str] = []
    question = ""
    for top, below in zip_longest(first, second, fillvalue=""):
        top, below = " ".join(top.split()), " ".join(below.split())
        question = top or question
        if not below or _plain(below) in _PLAIN_WORDS:
            names.append(top)
        elif top or question:
            # an option under a question that spans several columns
            names.append(f"{top or question}{JOIN}{below}")
        else:
            names.append(below)
    return names


def header_names(cells: list[str], lang: Language) -> list[str]:
    """The header's names: trimmed, trailing empty ones dropped, blank and repeated ones named."""
    names = [" ".join(str(cell).split()) for cell in cells]
    while names and not names[-1]:
        names.pop()
    if looks_like_data := next((n for n in names if LOOKS_LIKE_DATA.fullmatch(n)), None):
        raise SurveyFileRefused([t("nps_import.no_header", lang, value=looks_like_data)])
    unique: list[str] = []
    # A set and the last copy number per name: thousands of equal names in a broken header
    # took minutes when each new copy searched the list from "(2)" up.
    taken: set[str] = set()
    copies: dict[str, int] = {}
    for position, name in enumerate(names, start=1):
        name = name or t("nps_import.unnamed_column", lang, n=position)
        candidate, copy = name, copies.get(name, 1)
        while candidate in taken:
            copy += 1
            candidate = f"{name} ({copy})"
        copies[name] = copy
        taken.add(candidate)
        unique.append(candidate)
    return unique
