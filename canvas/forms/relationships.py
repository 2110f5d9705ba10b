"""The relationships form: one segment's six types checked at once, every problem named."""

from typing import Any

from pydantic import ValidationError

from canvas.content.catalogue import catalogue
from canvas.domain import Language, RelationshipInput, RelationshipType
from canvas.forms.numbers import read_fields, signs
from canvas.i18n import describe_validation


def relationship_answers(
    raw: dict[RelationshipType, dict[str, Any]],
    versions: dict[RelationshipType, int],
    lang: Language | str,
    currency: str = "",
) -> tuple[dict[RelationshipType, tuple[RelationshipInput, int]], list[str]]:
    """Validate a segment's answers for every type; problems name the type and the field.

    Returns the answers with the version each was read at (0 for a row that is
    missing, which the store refuses as not found), and the problems. Save only when
    the problem list is empty, so a form is never applied half-way. A yearly cost typed
    as text is read as the user writes amounts (``1 500 000,50``, with ``currency``'s sign).
    """
    answers: dict[RelationshipType, tuple[RelationshipInput, int]] = {}
    problems: list[str] = []
    for kind, values in raw.items():
        name = catalogue().type(kind).name(lang)
        cost = values.get("yearly_cost")
        if isinstance(cost, str):
            read, unread = read_fields(
                {"yearly_cost": cost}, lang, {"yearly_cost": signs(currency)}
            )
            problems += [f"{name} · {p}" for p in unread]
            if unread:
                continue
            values = {**values, "yearly_cost": read["yearly_cost"]}
        try:
            answers[kind] = (RelationshipInput(**values), versions.get(kind, 0))
        except ValidationError as error:
            problems += [f"{name} · {p}" for p in describe_validation(error, lang)]
    return answers, problems
