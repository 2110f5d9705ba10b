"""The SHURA form: eight cells and four risks checked at once, only the changes kept."""

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from canvas.content.shura import shura_content
from canvas.domain.frameworks import FrameworkAnswers
from canvas.domain.shura import (
    Cell,
    ShuraCellInput,
    ShuraRisk,
    ShuraRiskInput,
)
from canvas.domain.vocabulary import Language
from canvas.i18n import describe_validation
from canvas.presenters.shura import cell_label

NOT_RATED = 0
"""What the form's rating widget holds for "not rated yet"; stored as ``None``."""
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
