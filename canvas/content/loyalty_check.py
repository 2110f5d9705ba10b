"""The crisis loyalty check in both languages, and the reading of its answers.

The texts live in ``data/frameworks/loyalty_check.json`` so a trainer can reword them
without touching code; loading fails loudly if a step or condition is missing, out of
the customer's order, or lacks a language. The helpers below read one scope's answers
(all customers, or one segment) out of a snapshot for the page, the charts and the report.
"""

import json
from functools import cache
from pathlib import Path
from statistics import fmean
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from canvas.content.catalogue import Localized
from canvas.domain.loyalty_check import (
    CheckKind,
    Condition,
    LoyaltyRatingInput,
    PathStep,
    Rating,
)
from canvas.domain.snapshot import WorkshopSnapshot
from canvas.domain.vocabulary import Language
from canvas.i18n import describe_validation, t
from canvas.paths import data_dir

Item = tuple[CheckKind, str]
"""One thing to rate: a path step or a condition, by kind and key."""

ITEMS: tuple[Item, ...] = (
    *((CheckKind.STEP, step.value) for step in PathStep),
    *((CheckKind.CONDITION, condition.value) for condition in Condition),
)
"""The five path steps in the customer's order, then the five conditions."""


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

    def rating_label(self, value: int | None, lang: Language | str) -> str:
        """``4 · strong``; the "not rated" text for ``None`` or 0."""
        if not value:
            return t("loyalty.not_rated", lang)
        name = next(s.name for s in self.scale if s.value == value)
        return f"{value} · {name(lang)}"


def load_loyalty_content(path: Path) -> LoyaltyContent:
    """Read and validate a loyalty check content file."""
    return LoyaltyContent.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def loyalty_content() -> LoyaltyContent:
    """The app's loyalty check texts, read once per process."""
    return load_loyalty_content(data_dir() / "frameworks" / "loyalty_check.json")


# ------------------------------------------------------------------ reading answers

Scope = int | None
"""A segment id, or ``None`` for all customers."""


def answered_scopes(snapshot: WorkshopSnapshot) -> list[Scope]:
    """Scopes with at least one answer: all customers first, then segments in their order."""
    filled = {answer.segment_id for answer in snapshot.frameworks.loyalty if not answer.empty}
    order: list[Scope] = [None, *(view.segment.id for view in snapshot.segments)]
    return [scope for scope in order if scope in filled]


def scope_name(snapshot: WorkshopSnapshot, scope: Scope, lang: Language | str) -> str:
    """ "All customers" or the segment's name (as typed: escape it before markup)."""
    view = snapshot.segment(scope) if scope is not None else None
    return view.segment.name if view is not None else t("loyalty.scope_all", lang)


def ratings(snapshot: WorkshopSnapshot, scope: Scope, kind: CheckKind) -> dict[str, int | None]:
    """Each step (in the customer's order) or condition of ``kind``, with its rating."""
    keys = PathStep if kind is CheckKind.STEP else Condition
    return {key.value: snapshot.frameworks.rating(scope, kind, key)[0].rating for key in keys}


def path_average(snapshot: WorkshopSnapshot, scope: Scope) -> float | None:
    """The mean rating of the rated path steps; ``None`` if no step is rated."""
    rated = [r for r in ratings(snapshot, scope, CheckKind.STEP).values() if r is not None]
    return fmean(rated) if rated else None


def weakest_step(snapshot: WorkshopSnapshot, scope: Scope) -> PathStep | None:
    """The lowest-rated step; on a tie the earliest, since the customer meets it first."""
    rated = [
        (rating, position, PathStep(key))
        for position, (key, rating) in enumerate(ratings(snapshot, scope, CheckKind.STEP).items())
        if rating is not None
    ]
    return min(rated)[2] if rated else None


def loyalty_answers(
    raw: dict[Item, dict[str, Any]],
    versions: dict[Item, int],
    lang: Language | str,
) -> tuple[dict[Item, tuple[LoyaltyRatingInput, int]], list[str]]:
    """Validate a form's ratings; every problem names the step or condition and the field.

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
