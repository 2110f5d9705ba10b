"""Brad Cleveland's twelve rules of customer relationships, as a self-assessment."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field

from canvas.domain.fields import NoteText

Score = Annotated[int, Field(ge=0, le=5)]
"""0 = we don't do this at all … 5 = we do it fully."""

if TYPE_CHECKING:  # built from this module's models
    from canvas.domain.frameworks import FrameworkAnswers


class ClevelandRule(StrEnum):
    """The twelve rules, in the book's order."""

    STUDY_CUSTOMERS = "study_customers"
    INDIVIDUAL_APPROACH = "individual_approach"
    ANTICIPATE_NEEDS = "anticipate_needs"
    INTERACT = "interact"
    FOCUS_ON_RESULTS = "focus_on_results"
    RAISE_VALUE = "raise_value"
    UNIFY = "unify"
    COOPERATE = "cooperate"
    BUSINESS_RULES = "business_rules"
    EQUIP_STAFF = "equip_staff"
    KEEP_CUSTOMERS = "keep_customers"
    REMEMBER_IMPORTANCE = "remember_importance"


class RuleScoreInput(BaseModel):
    """How well we follow one rule (0–5) and a note."""

    model_config = ConfigDict(frozen=True)

    score: Score | None = None
    note: NoteText = ""

    @property
    def empty(self) -> bool:
        return self.score is None and not self.note


def priorities(scores: dict[ClevelandRule, int | None], count: int = 3) -> list[ClevelandRule]:
    """The lowest-scored rules, in the book's order among equals; unscored rules are left out."""
    order = {rule: i for i, rule in enumerate(ClevelandRule)}
    scored = [(s, order[r], r) for r, s in scores.items() if s is not None]
    return [rule for _, _, rule in sorted(scored)[:count]]


def rule_scores(answers: "FrameworkAnswers") -> dict[ClevelandRule, int | None]:
    """Every rule's score (``None`` when unscored), in the book's order."""
    return {rule: answers.rule(rule)[0].score for rule in ClevelandRule}
