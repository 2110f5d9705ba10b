"""Brad Cleveland's twelve rules: their titles and explanations in both languages.

The texts live in ``data/frameworks/twelve_rules.json`` so a trainer can reword them
without touching code; loading fails loudly if a rule or a language is missing.
"""

import json
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

from canvas.content.catalogue import Localized
from canvas.domain.twelve_rules import ClevelandRule
from canvas.domain.vocabulary import Language
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
