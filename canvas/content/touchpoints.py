"""Igor Mann's touchpoints: the texts of the four categories, the rating scale and his
examples, in both languages.

The texts live in ``data/frameworks/touchpoints.json`` so a trainer can reword them
without touching code; loading fails loudly if a category or a rating is missing, out
of order, lacks a language or repeats an example. The inventory's tables are in
``canvas.presenters.touchpoints``.
"""

import json
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from canvas.content.catalogue import Localized
from canvas.domain.segment import name_key
from canvas.domain.touchpoint import (
    TouchpointCategory,
    TouchpointRating,
)
from canvas.domain.vocabulary import Language
from canvas.paths import data_dir


class CategoryEntry(BaseModel):
    """One of Mann's four kinds: a short name, a heading, what it covers and his examples."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: TouchpointCategory
    name: Localized
    title: Localized
    description: Localized
    examples: list[Localized]

    def suggestions(self, lang: Language | str) -> list[str]:
        return [example(lang) for example in self.examples]


class ScaleEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: TouchpointRating
    name: Localized
    meaning: Localized


class Advice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: Localized
    body: Localized


class TouchpointContent(BaseModel):
    """Everything the touchpoints page teaches and suggests."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    intro: Localized
    categories: list[CategoryEntry]
    scale_intro: Localized
    scale: list[ScaleEntry]
    not_rated: Localized
    hiring: Advice

    @model_validator(mode="after")
    def _complete_and_in_order(self) -> "TouchpointContent":
        if [c.key for c in self.categories] != list(TouchpointCategory):
            wanted = [c.value for c in TouchpointCategory]
            raise ValueError(f"the categories must be exactly {wanted}, in order")
        if [s.key for s in self.scale] != list(TouchpointRating):
            wanted = [r.value for r in TouchpointRating]
            raise ValueError(f"the scale must be exactly {wanted}, worst first")
        if not all(c.examples for c in self.categories):
            raise ValueError("every category needs at least one example")
        for lang in Language:
            # Suggestions are skipped by name, so two equal names would hide each other.
            names = [name_key(e(lang)) for c in self.categories for e in c.examples]
            if len(set(names)) != len(names):
                raise ValueError(f"an example is named twice in {lang.value}")
        return self

    def category(self, key: TouchpointCategory) -> CategoryEntry:
        return next(c for c in self.categories if c.key is key)

    def rating_name(self, rating: TouchpointRating | None, lang: Language | str) -> str:
        """``Awful``, ``OK``, ``Wow``, or the "not rated" text for ``None``."""
        if rating is None:
            return self.not_rated(lang)
        return next(s.name for s in self.scale if s.key is rating)(lang)


def load_touchpoint_content(path: Path) -> TouchpointContent:
    """Read and validate a touchpoints content file."""
    return TouchpointContent.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def touchpoint_content() -> TouchpointContent:
    """The app's touchpoint texts, read once per process."""
    return load_touchpoint_content(data_dir() / "frameworks" / "touchpoints.json")


# ------------------------------------------------------------------ reading the inventory
