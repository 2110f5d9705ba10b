"""The crisis loyalty check's texts in both languages.

The texts live in ``data/frameworks/loyalty_check.json`` so a trainer can reword them
without touching code; loading fails loudly if a step or condition is missing, out of
the customer's order, or lacks a language. Reading the answers is the domain's
(``canvas.domain.loyalty_check``).
"""

import json
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from canvas.content.catalogue import Localized
from canvas.domain.loyalty_check import (
    CheckKind,
    Condition,
    PathStep,
    Rating,
)
from canvas.paths import data_dir


class CheckEntry(BaseModel):
    """A path step or a condition: its name and the question that guides the rating."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: PathStep | Condition
    name: Localized
    question: Localized


class StepEntry(CheckEntry):
    key: PathStep


class ConditionEntry(CheckEntry):
    key: Condition


class ScaleEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    value: Rating
    name: Localized


class Advice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: Localized
    body: Localized


class LoyaltyContent(BaseModel):
    """Everything the loyalty check teaches and asks."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    intro: Localized
    path_intro: Localized
    closer: Localized
    steps: list[StepEntry]
    conditions: list[ConditionEntry]
    trust: Advice
    scale: list[ScaleEntry]

    @model_validator(mode="after")
    def _complete_and_in_order(self) -> "LoyaltyContent":
        if [s.key for s in self.steps] != list(PathStep):
            raise ValueError(f"the steps must be exactly {[s.value for s in PathStep]}, in order")
        if [c.key for c in self.conditions] != list(Condition):
            raise ValueError(f"the conditions must be exactly {[c.value for c in Condition]}")
        if [s.value for s in self.scale] != [1, 2, 3, 4, 5]:
            raise ValueError("the scale must name the ratings 1 to 5, in order")
        return self

    def entries(self, kind: CheckKind) -> list[CheckEntry]:
        """The steps (in the customer's order) or the conditions."""
        return [*(self.steps if kind is CheckKind.STEP else self.conditions)]

    def entry(self, kind: CheckKind, key: str) -> CheckEntry:
        return next(e for e in self.entries(kind) if e.key == key)


def load_loyalty_content(path: Path) -> LoyaltyContent:
    """Read and validate a loyalty check content file."""
    return LoyaltyContent.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def loyalty_content() -> LoyaltyContent:
    """The app's loyalty check texts, read once per process."""
    return load_loyalty_content(data_dir() / "frameworks" / "loyalty_check.json")


# ------------------------------------------------------------------ reading answers
