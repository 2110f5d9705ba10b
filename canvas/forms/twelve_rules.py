"""The twelve rules' form: every rule's score and note checked at once, changes only."""

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from canvas.content.twelve_rules import twelve_rules
from canvas.domain.frameworks import FrameworkAnswers
from canvas.domain.twelve_rules import ClevelandRule, RuleScoreInput
from canvas.domain.vocabulary import Language
from canvas.i18n import describe_validation


def rule_answers(
    raw: dict[ClevelandRule, dict[str, Any]],
    answers: FrameworkAnswers,
    lang: Language | str,
    *,
    shown: Mapping[ClevelandRule, int] | None = None,
) -> tuple[dict[ClevelandRule, tuple[RuleScoreInput, int]], list[str]]:
    """Validate the form's score and note for every rule; problems name the rule and field.

    Returns only the answers that differ from what is stored, each with the version the
    form was ``shown`` with (by default the stored one), so a save never touches (or trips
    over) a rule the user left alone, and one another session changed meanwhile is refused
    as stale. Save only when the problem list is empty, so the form is never applied
    half-way.
    """
    changed: dict[ClevelandRule, tuple[RuleScoreInput, int]] = {}
    problems: list[str] = []
    for rule, values in raw.items():
        try:
            answer = RuleScoreInput(**values)
        except ValidationError as error:
            title = twelve_rules().numbered(rule, lang)
            problems += [f"{title} · {p}" for p in describe_validation(error, lang)]
            continue
        stored, version = answers.rule(rule)
        if (answer.score, answer.note) != (stored.score, stored.note):
            changed[rule] = (answer, version if shown is None else shown.get(rule, version))
    return changed, problems
