"""Leonid Shur's SHURA matrix: four stages a business goes through with customers and staff."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field

from canvas.domain.fields import LongText, NoteText
from canvas.domain.vocabulary import RelationshipType

if TYPE_CHECKING:  # both are built from this module's models
    from canvas.domain.frameworks import FrameworkAnswers
    from canvas.domain.workshop_view import WorkshopView

Rating = Annotated[int, Field(ge=1, le=5)]
"""1 = we barely do it … 5 = we do it very well."""


class ShuraStage(StrEnum):
    """The four parallel stages, for customers and for employees alike."""

    ATTRACTION = "attraction"  # attracting customers / hiring employees
    RETENTION = "retention"  # retention / sales
    SERVICE = "service"  # work / service
    RETURN = "return"  # winning back customers and former employees


class Audience(StrEnum):
    CUSTOMERS = "customers"
    EMPLOYEES = "employees"


class ShuraRisk(StrEnum):
    """The risks the method names across all stages."""

    QUALITY = "quality"
    DISSATISFACTION = "dissatisfaction"
    COMPETITION = "competition"
    NO_INNOVATION = "no_innovation"


class ShuraCellInput(BaseModel):
    """One stage × audience: what we do today, how well (1–5), and the next step."""

    model_config = ConfigDict(frozen=True)

    practice: LongText = ""
    rating: Rating | None = None
    next_step: LongText = ""

    @property
    def empty(self) -> bool:
        return not (self.practice or self.rating is not None or self.next_step)


class ShuraRiskInput(BaseModel):
    """Whether a risk applies to us, and a note on what we do about it."""

    model_config = ConfigDict(frozen=True)

    present: bool = False
    note: NoteText = ""


Cell = tuple[ShuraStage, Audience]


def weakest_cells(ratings: dict[Cell, int | None], count: int = 3) -> list[Cell]:
    """The rated cells with the lowest ratings, in stage order among equals."""
    order = {cell: i for i, cell in enumerate((s, a) for s in ShuraStage for a in Audience)}
    rated = [(r, order[c], c) for c, r in ratings.items() if r is not None]
    return [cell for _, _, cell in sorted(rated)[:count]]


CELLS: tuple[Cell, ...] = tuple((stage, audience) for stage in ShuraStage for audience in Audience)
"""The eight cells in reading order: stage by stage, customers before employees."""


def cell_ratings(answers: "FrameworkAnswers") -> dict[Cell, int | None]:
    """The rating of each of the eight cells, ``None`` where none is given."""
    return {cell: answers.cell(*cell)[0].rating for cell in CELLS}


def weak_spots(answers: "FrameworkAnswers", count: int = 3) -> list[Cell]:
    """The lowest-rated cells (at most ``count``); a cell rated 5 is never called weak."""
    ratings = cell_ratings(answers)
    below_top: dict[Cell, int | None] = {
        cell: r for cell, r in ratings.items() if r is not None and r < 5
    }
    return weakest_cells(below_top, count)


def answered(answers: "FrameworkAnswers") -> bool:
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
    view: "WorkshopView", fitting: Mapping[ShuraStage, Sequence[RelationshipType]]
) -> list[StageTypes]:
    """Each customer stage's ``fitting`` types, split by whether any segment has them (> 0).

    A type counts as established once some segment rates it above zero; the order is
    ``fitting``'s, best fit first.
    """
    in_use = {
        kind
        for segment_view in view.segments
        for kind in RelationshipType
        if segment_view.answer(kind).in_use
    }
    return [
        StageTypes(
            stage=stage,
            established=[k for k in fitting.get(stage, ()) if k in in_use],
            missing=[k for k in fitting.get(stage, ()) if k not in in_use],
        )
        for stage in ShuraStage
    ]
