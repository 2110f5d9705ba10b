"""The crisis loyalty check's texts in both languages.

The texts live in ``data/frameworks/loyalty_check.json`` so a trainer can reword them
without touching code; loading fails loudly if an element, stage or condition is
missing, out of the customer's order, or lacks a language. Reading the answers is the domain's
(``canvas.domain.loyalty_check``).
"""

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from canvas.content.catalogue import Localized
from canvas.domain.loyalty_check import (
    KEYS,
    CheckKind,
    Condition,
    Element,
    LaterStage,
    Rating,
)
from canvas.paths import data_dir


class CheckEntry(BaseModel):
    """An element, a later stage or a condition: its name and the question behind the rating."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: Element | LaterStage | Condition
    name: Localized
    question: Localized


class ElementEntry(CheckEntry):
    key: Element


class StageEntry(CheckEntry):
    key: LaterStage


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
    elements_intro: Localized
    stages_intro: Localized
    closer: Localized
    elements: list[ElementEntry]
    stages: list[StageEntry]
    conditions: list[ConditionEntry]
    trust: Advice
    scale: list[ScaleEntry]

    @model_validator(mode="after")
    def _complete_and_in_order(self) -> "LoyaltyContent":
        for kind in CheckKind:
            expected = [key.value for key in KEYS[kind]]
            if [e.key for e in self.entries(kind)] != expected:
                raise ValueError(f"the {kind.value}s must be exactly {expected}, in order")
        if [s.value for s in self.scale] != [1, 2, 3, 4, 5]:
            raise ValueError("the scale must name the ratings 1 to 5, in order")
        return self

    def entries(self, kind: CheckKind) -> list[CheckEntry]:
        """The elements, the later stages or the conditions, in their order."""
        parts: dict[CheckKind, Sequence[CheckEntry]] = {
            CheckKind.ELEMENT: self.elements,
            CheckKind.STAGE: self.stages,
            CheckKind.CONDITION: self.conditions,
        }
        return [*parts[kind]]

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
