"""Brad Cleveland's twelve rules in both languages, and turning the rules' form into answers.

The texts live in ``data/frameworks/twelve_rules.json`` so a trainer can reword them
without touching code; loading fails loudly if a rule or a language is missing.
"""

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, model_validator

from canvas.content.catalogue import Localized
from canvas.domain.frameworks import FrameworkAnswers
from canvas.domain.twelve_rules import ClevelandRule, RuleScoreInput
from canvas.domain.vocabulary import Language
from canvas.i18n import describe_validation
from canvas.paths import data_dir

TITLE_MAX = 40  # a title is also an axis label of the radar chart

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX)]


class ShortText(Localized):
    """A title short enough for a chart's axis, in every language."""

    ru: Title
    en: Title


class RuleEntry(BaseModel):
    """One rule: its title, what it means, and what to do when it scores low."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: ClevelandRule
    title: ShortText
    explanation: Localized
    next_step: Localized


class TwelveRules(BaseModel):
    """The opening idea, how to score, and the twelve rules in the book's order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    quote: Localized
    intro: Localized
    credit: Localized
    rules: list[RuleEntry]

    @model_validator(mode="after")
    def _every_rule_in_order(self) -> "TwelveRules":
        if [entry.key for entry in self.rules] != list(ClevelandRule):
            raise ValueError(f"the rules must be exactly {[r.value for r in ClevelandRule]}")
        return self

    def rule(self, key: ClevelandRule) -> RuleEntry:
        return next(entry for entry in self.rules if entry.key == key)

    def numbered(self, key: ClevelandRule, lang: Language | str) -> str:
        """``"3. Anticipate needs"``: the rule's place in the book and its title."""
        return f"{list(ClevelandRule).index(key) + 1}. {self.rule(key).title(lang)}"


def load_twelve_rules(path: Path) -> TwelveRules:
    """Read and validate a twelve-rules content file."""
    return TwelveRules.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def twelve_rules() -> TwelveRules:
    """The app's twelve-rules content, read once per process."""
    return load_twelve_rules(data_dir() / "frameworks" / "twelve_rules.json")


def rule_scores(answers: FrameworkAnswers) -> dict[ClevelandRule, int | None]:
    """Every rule's score (``None`` when unscored), in the book's order."""
    return {rule: answers.rule(rule)[0].score for rule in ClevelandRule}


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
