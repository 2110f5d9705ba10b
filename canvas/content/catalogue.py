"""The catalogue: the six types, motives, questions, levels and canvas blocks, in both languages.

It lives in ``data/catalogue.json`` so a trainer can reword it without touching code;
loading fails loudly if any text is missing in a language or a type is left out.
"""

import json
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from canvas.domain.vocabulary import (
    LEVEL_MAX,
    LEVEL_MIN,
    SPECTRUM_POSITION,
    CanvasBlock,
    GuidingQuestion,
    IntegrationBlock,
    Language,
    Motive,
    RelationshipType,
)
from canvas.paths import data_dir

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Localized(BaseModel):
    """One text in every language the app speaks."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ru: Text
    en: Text

    def __call__(self, lang: Language | str) -> str:
        return self.ru if Language(lang) is Language.RU else self.en


class TypeEntry(BaseModel):
    """One of the six relationship types, with where it sits on the spectrum."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: RelationshipType
    cost_level: Literal["high", "medium", "low"]
    name: Localized
    definition: Localized
    example: Localized

    @property
    def position(self) -> int:
        """0 = fully personal … 100 = fully automated (a rule of the domain, not a text)."""
        return SPECTRUM_POSITION[self.key]


class MotiveEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: Motive
    name: Localized
    description: Localized


class QuestionEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: GuidingQuestion
    text: Localized


class LevelEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    value: int = Field(ge=LEVEL_MIN, le=LEVEL_MAX)
    name: Localized


class CostLevelEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: Literal["high", "medium", "low"]
    name: Localized


class BlockEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: CanvasBlock
    name: Localized
    hint: Localized


def _complete(keys: list, expected: list, what: str) -> None:
    if sorted(map(str, keys)) != sorted(map(str, expected)):
        raise ValueError(f"the catalogue's {what} must be exactly {sorted(map(str, expected))}")


class Catalogue(BaseModel):
    """Everything the workshop teaches about the Customer Relationships block."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    intro: Localized
    practical_task: Localized
    spectrum_note: Localized
    credit: Localized
    questions: list[QuestionEntry]
    motives: list[MotiveEntry]
    levels: list[LevelEntry]
    cost_levels: list[CostLevelEntry]
    relationship_types: list[TypeEntry]
    blocks: list[BlockEntry]

    @model_validator(mode="after")
    def _covers_every_key(self) -> "Catalogue":
        _complete([q.key for q in self.questions], list(GuidingQuestion), "questions")
        _complete([m.key for m in self.motives], list(Motive), "motives")
        _complete([t.key for t in self.relationship_types], list(RelationshipType), "types")
        _complete([b.key for b in self.blocks], list(CanvasBlock), "blocks")
        _complete([lv.value for lv in self.levels], list(range(LEVEL_MIN, LEVEL_MAX + 1)), "levels")
        _complete([c.key for c in self.cost_levels], ["high", "medium", "low"], "cost levels")
        return self

    def type(self, key: RelationshipType) -> TypeEntry:
        return next(t for t in self.relationship_types if t.key == key)

    def motive(self, key: Motive) -> MotiveEntry:
        return next(m for m in self.motives if m.key == key)

    def block(self, key: CanvasBlock | IntegrationBlock) -> BlockEntry:
        # Integration blocks are canvas blocks too; they share keys.
        return next(b for b in self.blocks if b.key == key)

    def question(self, key: GuidingQuestion) -> QuestionEntry:
        return next(q for q in self.questions if q.key == key)

    def level(self, value: int) -> LevelEntry:
        return next(lv for lv in self.levels if lv.value == value)

    def cost_level(self, key: str) -> CostLevelEntry:
        return next(c for c in self.cost_levels if c.key == key)


def load_catalogue(path: Path) -> Catalogue:
    """Read and validate a catalogue file."""
    return Catalogue.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def catalogue() -> Catalogue:
    """The app's catalogue, read once per process."""
    return load_catalogue(data_dir() / "catalogue.json")
