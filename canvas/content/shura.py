"""The SHURA Matrix's texts (Leonid Shur) in both languages.

The texts live in ``data/frameworks/shura.json``: for each of the four stages the goal
with customers and with employees, a good example (company XYZ) and a bad one (ABC);
the four risks with the remedies that answer them; and, as this workshop's own reading
(not Shur's), the relationship types that typically serve each stage with customers.
Loading fails loudly if a stage, risk or language is missing.

The rules that read a workshop's answers are in ``canvas.domain.shura``, the form in
``canvas.forms.shura``, the cell names in ``canvas.presenters.shura``.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from canvas.content.catalogue import Localized
from canvas.domain.shura import (
    Audience,
    ShuraRisk,
    ShuraStage,
)
from canvas.domain.vocabulary import Language, RelationshipType
from canvas.paths import data_dir

# ------------------------------------------------------------------ the content


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AudienceEntry(_Entry):
    key: Audience
    name: Localized


class StageSide(_Entry):
    """One stage as seen with one audience: "Hiring" and its goal, for employees."""

    name: Localized
    goal: Localized


class StageEntry(_Entry):
    key: ShuraStage
    # Shur's own name of the stage, in his order ("Work / Service"): not always the
    # customers' word first, so it is written out rather than built from the two sides.
    title: Localized
    customers: StageSide
    employees: StageSide
    good: Localized
    bad: Localized
    # Relationship types that typically serve this stage with customers, best fit first.
    types: list[RelationshipType] = Field(min_length=1)
    types_why: Localized

    def side(self, audience: Audience) -> StageSide:
        return self.customers if audience == Audience.CUSTOMERS else self.employees

    def name(self, lang: Language | str) -> str:
        """The stage as Shur names it: "Attraction / Hiring", "Work / Service", "Return"."""
        return self.title(lang)

    @model_validator(mode="after")
    def _types_once(self) -> "StageEntry":
        if len(self.types) != len(set(self.types)):
            raise ValueError(f"stage {self.key} lists a relationship type twice")
        return self

    @model_validator(mode="after")
    def _title_names_both_sides(self) -> "StageEntry":
        for lang in Language:
            sides = {self.customers.name(lang), self.employees.name(lang)}
            if set(self.title(lang).split(" / ")) != sides:
                raise ValueError(f"stage {self.key}'s title must name {sorted(sides)} ({lang})")
        return self


class RemedyEntry(_Entry):
    key: str
    text: Localized


class RiskEntry(_Entry):
    key: ShuraRisk
    name: Localized
    remedies: list[str] = Field(min_length=1)


def _exactly(keys: list[Any], expected: list[Any], what: str) -> None:
    if sorted(map(str, keys)) != sorted(map(str, expected)):
        raise ValueError(f"the SHURA content's {what} must be exactly {sorted(map(str, expected))}")


class ShuraContent(_Entry):
    """Everything the SHURA page teaches, in both languages."""

    intro: Localized
    source: Localized
    long_term: Localized
    types_note: Localized
    audiences: list[AudienceEntry]
    stages: list[StageEntry]
    remedies: list[RemedyEntry]
    risks: list[RiskEntry]

    @model_validator(mode="after")
    def _complete(self) -> "ShuraContent":
        _exactly([a.key for a in self.audiences], list(Audience), "audiences")
        _exactly([s.key for s in self.stages], list(ShuraStage), "stages")
        _exactly([r.key for r in self.risks], list(ShuraRisk), "risks")
        known = [r.key for r in self.remedies]
        if len(known) != len(set(known)):
            raise ValueError("a SHURA remedy is listed twice")
        used = {key for risk in self.risks for key in risk.remedies}
        if unknown := used - set(known):
            raise ValueError(f"SHURA risks name unknown remedies: {sorted(unknown)}")
        if unused := set(known) - used:
            raise ValueError(f"SHURA remedies that no risk names: {sorted(unused)}")
        if {k for s in self.stages for k in s.types} != set(RelationshipType):
            raise ValueError("every relationship type must serve at least one SHURA stage")
        return self

    def audience(self, key: Audience) -> AudienceEntry:
        return next(a for a in self.audiences if a.key == key)

    def stage(self, key: ShuraStage) -> StageEntry:
        return next(s for s in self.stages if s.key == key)

    def fitting_types(self) -> dict[ShuraStage, list[RelationshipType]]:
        """The relationship types that typically serve each customer stage, best fit first."""
        return {stage.key: list(stage.types) for stage in self.stages}

    def risk(self, key: ShuraRisk) -> RiskEntry:
        return next(r for r in self.risks if r.key == key)

    def remedies_for(self, key: ShuraRisk, lang: Language | str) -> list[str]:
        texts = {r.key: r.text for r in self.remedies}
        return [texts[name](lang) for name in self.risk(key).remedies]


def load_shura(path: Path) -> ShuraContent:
    """Read and validate a SHURA content file."""
    return ShuraContent.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def shura_content() -> ShuraContent:
    """The app's SHURA content, read once per process."""
    return load_shura(data_dir() / "frameworks" / "shura.json")


# ------------------------------------------------------------------ about the answers


# ------------------------------------------------------------------ the form
