"""Leonid Shur's SHURA matrix: four stages a business goes through with customers and staff."""

from enum import StrEnum
from statistics import mean
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from canvas.domain.fields import LongText, NoteText

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


def stage_average(ratings: dict[Cell, int | None], stage: ShuraStage) -> float | None:
    """The mean rating of a stage over both audiences, ``None`` if neither is rated."""
    values = [r for (s, _), r in ratings.items() if s is stage and r is not None]
    return mean(values) if values else None
