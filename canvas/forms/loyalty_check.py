"""The crisis loyalty check's form: ratings and evidence checked at once, only answers
that say something (or change a stored one) kept."""

from typing import Any

from pydantic import ValidationError

from canvas.content.loyalty_check import loyalty_content
from canvas.domain.loyalty_check import (
    Item,
    LoyaltyRatingInput,
)
from canvas.domain.vocabulary import Language
from canvas.i18n import describe_validation


def loyalty_answers(
    raw: dict[Item, dict[str, Any]],
    versions: dict[Item, int],
    lang: Language | str,
) -> tuple[dict[Item, tuple[LoyaltyRatingInput, int]], list[str]]:
    """Validate a form's ratings; every problem names the item and the field.

    Returns what to save, each with the version it was read at (0 creates the answer),
    and the problems; save only when there are none. An item left empty that was never
    stored is not saved at all, so an untouched form creates nothing.
    """
    content = loyalty_content()
    answers: dict[Item, tuple[LoyaltyRatingInput, int]] = {}
    problems: list[str] = []
    for (kind, key), values in raw.items():
        version = versions.get((kind, key), 0)
        try:
            answer = LoyaltyRatingInput(**values)
        except ValidationError as error:
            name = content.entry(kind, key).name(lang)
            problems += [f"{name} · {p}" for p in describe_validation(error, lang)]
            continue
        if version or not answer.empty:
            answers[(kind, key)] = (answer, version)
    return answers, problems
