"""Which column of a survey file holds what: the five columns an NPS answer needs, and
the guess from the header names (Russian or English) that the user then confirms."""

import re
from collections.abc import Sequence
from enum import StrEnum


class Column(StrEnum):
    """What a column of the survey file holds; also the column names of the parsed table."""

    SCORE = "score"
    WHY = "why"
    MAKE_IT_TEN = "make_it_ten"
    SEGMENT = "segment"
    DATE = "date"


# (column, weight, pattern): a whole-name match weighs 4, a question that opens with the
# column's word 3, a telling phrase 2, a hint 1. Patterns run on lower-cased names, ё as е.
_RULES: tuple[tuple[Column, int, str], ...] = (
    (Column.SCORE, 4, r"score|nps|nps score|rating|rate|grade|оценка|оценка nps|балл|баллы"),
    (Column.SCORE, 2, r".*(recommend|рекоменд|how likely|насколько вероятно).*"),
    (Column.SCORE, 1, r".*(score|rating|оценк|балл|\bnps\b).*"),
    (Column.WHY, 4, r"why|reason|comments?|feedback|почему|причина|комментари[йи]|отзыв"),
    (Column.WHY, 3, r"(why|почему)\b.*"),
    (Column.WHY, 2, r".*(\bwhy\b|reason|comment|feedback|почему|причин|коммент|отзыв).*"),
    (Column.MAKE_IT_TEN, 4, r"make it (a )?(10|ten)|what would make it (a )?(10|ten)"),
    (Column.MAKE_IT_TEN, 3, r"(what would|what could|что нужно|что могло бы|что мы можем).*"),
    (
        Column.MAKE_IT_TEN,
        2,
        r".*(what would|what could|что нужно|чтобы вы поставили|поставили 10|поставить 10"
        r"|make it (a )?10|give us (a )?10|improve|улучш).*",
    ),
    (Column.MAKE_IT_TEN, 1, r".*(?<!\d)10(?!\d).*"),
    (Column.SEGMENT, 4, r"segment|customer segment|сегмент|сегмент клиента|группа|group"),
    (Column.SEGMENT, 2, r".*(segment|сегмент|групп|\bgroup\b|customer type|тип клиента).*"),
    (Column.DATE, 4, r"date|дата|timestamp|время|time|отметка времени|date submitted"),
    (
        Column.DATE,
        2,
        r".*(\bdate\b|дата|timestamp|время|\btime\b|submitted|\bcreated\b|когда).*",
    ),
)


_COMPILED = tuple((column, weight, re.compile(pattern)) for column, weight, pattern in _RULES)


def suggest_mapping(headers: Sequence[str]) -> dict[Column, str | None]:
    """The header name that most likely holds each column, or ``None``; each name used once."""
    names = [_normalised(header) for header in headers]
    candidates = sorted(
        (-weight, position, list(Column).index(column), column)
        for position, name in enumerate(names)
        for column, weight in _weights(name).items()
    )
    mapping: dict[Column, str | None] = dict.fromkeys(Column)
    used: set[int] = set()
    for _, position, _, column in candidates:
        if mapping[column] is None and position not in used:
            mapping[column] = headers[position]
            used.add(position)
    return mapping


def _normalised(header: str) -> str:
    name = " ".join(header.casefold().replace("ё", "е").split())
    return name.strip(" ?:.!*")


def _weights(name: str) -> dict[Column, int]:
    weights: dict[Column, int] = {}
    for column, weight, pattern in _COMPILED:
        if pattern.fullmatch(name):
            weights[column] = max(weight, weights.get(column, 0))
    return weights
