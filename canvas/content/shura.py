"""The SHURA Matrix content (Leonid Shur), and what it says about one workshop's answers.

The texts live in ``data/frameworks/shura.json``: for each of the four stages the goal
with customers and with employees, a good example (company XYZ) and a bad one (ABC);
the four risks with the remedies that answer them; and, as this workshop's own reading
(not Shur's), the relationship types that typically serve each stage with customers.
Loading fails loudly if a stage, risk or language is missing.

Below the content sit the pure helpers the page, the chart and the report share:
labels of the eight cells, their ratings, the stage → relationship type suggestion and
the parsing of the SHURA form.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from canvas.content.catalogue import Localized
from canvas.domain.frameworks import FrameworkAnswers
from canvas.domain.shura import (
    Audience,
    Cell,
    ShuraCellInput,
    ShuraRisk,
    ShuraRiskInput,
    ShuraStage,
    weakest_cells,
)
from canvas.domain.snapshot import WorkshopSnapshot
from canvas.domain.vocabulary import Language, RelationshipType
from canvas.i18n import describe_validation, t
from canvas.paths import data_dir

NOT_RATED = 0
"""What the form's rating widget holds for "not rated yet"; stored as ``None``."""

# The 1–5 scale as background colours, weak (warm) to strong (cool); light enough for
# dark text on top, and told apart by colour-blind readers. Chart and report share them.
RATING_FILLS: dict[int, str] = {
    1: "#F4A582",
    2: "#FDDBC7",
    3: "#FFF2B3",
    4: "#D1E5F0",
    5: "#92C5DE",
}
EMPTY_FILL = "#E0E0E0"

CELLS: tuple[Cell, ...] = tuple((stage, audience) for stage in ShuraStage for audience in Audience)
"""The eight cells in reading order: stage by stage, customers before employees."""


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
        """Both wordings, "Attraction / Hiring", or one when they agree ("Return")."""
        first, second = self.customers.name(lang), self.employees.name(lang)
        return first if first == second else f"{first} / {second}"

    @model_validator(mode="after")
    def _types_once(self) -> "StageEntry":
        if len(self.types) != len(set(self.types)):
            raise ValueError(f"stage {self.key} lists a relationship type twice")
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


def cell_label(stage: ShuraStage, audience: Audience, lang: Language | str) -> str:
    """How a cell is named everywhere: "Employees · Hiring", "Customers · Return"."""
    content = shura_content()
    audience_name = content.audience(audience).name(lang)
    return f"{audience_name} · {content.stage(stage).side(audience).name(lang)}"


def cell_ratings(answers: FrameworkAnswers) -> dict[Cell, int | None]:
    """The rating of each of the eight cells, ``None`` where none is given."""
    return {cell: answers.cell(*cell)[0].rating for cell in CELLS}


def weak_spots(answers: FrameworkAnswers, count: int = 3) -> list[Cell]:
    """The lowest-rated cells (at most ``count``); a cell rated 5 is never called weak."""
    ratings = cell_ratings(answers)
    below_top: dict[Cell, int | None] = {
        cell: r for cell, r in ratings.items() if r is not None and r < 5
    }
    return weakest_cells(below_top, count)


def answered(answers: FrameworkAnswers) -> bool:
    """Whether anything at all was said in the matrix: a cell or a risk."""
    return any(not answers.cell(*cell)[0].empty for cell in CELLS) or any(
        answer.present or answer.note for answer in (answers.risk(r)[0] for r in ShuraRisk)
    )


@dataclass(frozen=True)
class StageTypes:
    """For one customer stage: the fitting types the workshop has, and those it lacks."""

    stage: ShuraStage
    established: list[RelationshipType]
    missing: list[RelationshipType]


def stage_types(
    snapshot: WorkshopSnapshot, content: ShuraContent | None = None
) -> list[StageTypes]:
    """Each customer stage's fitting types, split by whether any segment has them (> 0).

    A type counts as established once some segment rates it above zero; the order is
    the content's, best fit first.
    """
    content = content or shura_content()
    in_use = {
        kind for view in snapshot.segments for kind in RelationshipType if view.answer(kind).in_use
    }
    return [
        StageTypes(
            stage=entry.key,
            established=[k for k in entry.types if k in in_use],
            missing=[k for k in entry.types if k not in in_use],
        )
        for entry in sorted(content.stages, key=lambda e: list(ShuraStage).index(e.key))
    ]


# ------------------------------------------------------------------ the form

CellAnswers = dict[Cell, tuple[ShuraCellInput, int]]
RiskAnswers = dict[ShuraRisk, tuple[ShuraRiskInput, int]]


def _as_input(stored: BaseModel, model: type[BaseModel]) -> BaseModel:
    return model.model_validate(stored.model_dump(include=set(model.model_fields)))


def shura_form_answers(
    raw_cells: dict[Cell, dict[str, Any]],
    raw_risks: dict[ShuraRisk, dict[str, Any]],
    answers: FrameworkAnswers,
    lang: Language | str,
    *,
    shown: Mapping[Cell | ShuraRisk, int] | None = None,
) -> tuple[CellAnswers, RiskAnswers, list[str]]:
    """Validate the whole SHURA form; every problem names its cell or risk and the field.

    ``raw_cells`` hold ``practice``, ``rating`` (``NOT_RATED`` for none) and ``next_step``;
    ``raw_risks`` hold ``present`` and ``note``. Only answers that differ from what the
    page read are returned, with the version the form was ``shown`` with (by default the
    stored one), so an untouched cell is neither created empty nor written over someone
    else's change. Save only when the problem list is empty.
    """
    cells: CellAnswers = {}
    risks: RiskAnswers = {}
    problems: list[str] = []
    for (stage, audience), values in raw_cells.items():
        rating = values.get("rating")
        try:
            cell = ShuraCellInput(**{**values, "rating": None if rating == NOT_RATED else rating})
        except ValidationError as error:
            where = cell_label(stage, audience, lang)
            problems += [f"{where} · {p}" for p in describe_validation(error, lang)]
            continue
        stored, version = answers.cell(stage, audience)
        if cell != _as_input(stored, ShuraCellInput):
            cells[(stage, audience)] = (cell, _shown((stage, audience), version, shown))
    for risk, values in raw_risks.items():
        try:
            answer = ShuraRiskInput(**values)
        except ValidationError as error:
            where = shura_content().risk(risk).name(lang)
            problems += [f"{where} · {p}" for p in describe_validation(error, lang)]
            continue
        stored_risk, version = answers.risk(risk)
        if answer != _as_input(stored_risk, ShuraRiskInput):
            risks[risk] = (answer, _shown(risk, version, shown))
    return cells, risks, problems


def _shown(
    item: Cell | ShuraRisk, stored: int, shown: Mapping[Cell | ShuraRisk, int] | None
) -> int:
    return stored if shown is None else shown.get(item, stored)


def rating_text(rating: int | None, lang: Language | str) -> str:
    """A rating as shown in lists and tables: "2 of 5", or "not rated"."""
    if rating is None:
        return t("shura.rating.none", lang)
    return t("shura.rating.of_five", lang, rating=rating)
