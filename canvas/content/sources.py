"""Where each framework comes from: the books, articles and methods behind the workshop.

The references live in ``data/sources.json`` (both languages) so a trainer can correct a
citation without touching code; loading fails loudly if a framework is missing, out of
order, has no reference or lacks a language. The Sources page and the "Sources" section
of every export read them through ``canvas.presenters.sources``.
"""

import json
from enum import StrEnum
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from canvas.content.catalogue import Localized
from canvas.paths import data_dir


class SourceTopic(StrEnum):
    """The frameworks with a source, in the order the workshop's pages meet them."""

    CANVAS = "canvas"
    SHURA = "shura"
    TWELVE_RULES = "twelve_rules"
    LOYALTY_CHECK = "loyalty_check"
    NPS = "nps"
    TOUCHPOINTS = "touchpoints"


class SourceEntry(BaseModel):
    """One framework: its name and the references behind it, most important first."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: SourceTopic
    name: Localized
    references: list[Localized]


class Sources(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    intro: Localized
    frameworks: list[SourceEntry]

    @model_validator(mode="after")
    def _every_framework_once_in_order(self) -> "Sources":
        if [f.key for f in self.frameworks] != list(SourceTopic):
            wanted = [topic.value for topic in SourceTopic]
            raise ValueError(f"the frameworks must be exactly {wanted}, in order")
        if not all(f.references for f in self.frameworks):
            raise ValueError("every framework needs at least one reference")
        return self

    def framework(self, key: SourceTopic) -> SourceEntry:
        return next(f for f in self.frameworks if f.key is key)


def load_sources(path: Path) -> Sources:
    """Read and validate a sources file."""
    return Sources.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def sources() -> Sources:
    """The app's sources, read once per process."""
    return load_sources(data_dir() / "sources.json")
