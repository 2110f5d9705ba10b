"""The facilitator's guide: how a trainer runs the course in half a day or a whole day.

The texts live in ``data/guide.json``, both languages in one structure: for each plan the
steps with their minutes, the page to open and what to show there from the demo; two or
three debrief questions per framework; how the frameworks link; and the mistakes
participants commonly make. Loading fails loudly when a plan's steps do not add up to the
length it states, when a language, a plan or a framework is missing, or when a step that
names a page does not say what to show on it: a trainer must be able to trust the clock.

``canvas.presenters.guide`` turns it into clock times and words for the page and the PDF.
"""

import json
from datetime import time
from enum import StrEnum
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from canvas.content.catalogue import Localized
from canvas.paths import data_dir


class PlanKey(StrEnum):
    """The two course lengths the guide plans for."""

    HALF_DAY = "half_day"
    FULL_DAY = "full_day"


class GuideFramework(StrEnum):
    """The frameworks a course teaches, in the order the workshop meets them."""

    RELATIONSHIPS = "relationships"  # the six types, expected vs established
    SHURA = "shura"
    TWELVE_RULES = "twelve_rules"
    NPS = "nps"
    TOUCHPOINTS = "touchpoints"
    LOYALTY_CHECK = "loyalty_check"


class GuidePage(StrEnum):
    """The app's pages a step may send the trainer to (the names of ``app.py``'s table)."""

    ROOM = "room"
    TRAINER = "trainer"
    WORKSHOPS = "workshops"
    PRESENT = "present"
    SEGMENTS = "segments"
    RELATIONSHIPS = "relationships"
    CANVAS = "canvas"
    ANALYSIS = "analysis"
    SHURA = "shura"
    TWELVE_RULES = "twelve_rules"
    LOYALTY_CHECK = "loyalty_check"
    NPS = "nps"
    TOUCHPOINTS = "touchpoints"
    SUMMARY = "summary"
    SOURCES = "sources"


class LinkKey(StrEnum):
    """The ties between frameworks the guide explains."""

    SHURA_TYPES = "shura_types"  # SHURA's stages served by relationship types
    NPS_CRISIS = "nps_crisis"  # NPS answers as evidence for the five conditions
    TOUCHPOINTS_CRISIS = "touchpoints_crisis"  # touchpoints are the environment element
    RULES_TYPES = "rules_types"  # Cleveland's rules and the cost of each type


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Step(_Entry):
    """One stretch of the course: what happens, for how long, and what to show."""

    key: str = Field(min_length=1, pattern=r"^[a-z_]+$")
    title: Localized
    minutes: int = Field(gt=0, le=240)
    activity: Localized
    page: GuidePage | None = None
    show: Localized | None = None  # the demo's concrete example on that page
    # The frameworks whose debrief questions close this step, each once per plan.
    debrief: list[GuideFramework] = []

    @model_validator(mode="after")
    def _a_page_comes_with_what_to_show(self) -> "Step":
        if (self.page is None) != (self.show is None):
            raise ValueError(f"step {self.key!r} must name a page and what to show, or neither")
        return self


class Plan(_Entry):
    """A course of a stated length, starting at a stated time, as a list of steps."""

    key: PlanKey
    name: Localized
    summary: Localized
    start: time
    total_minutes: int = Field(gt=0)
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _timings_add_up(self) -> "Plan":
        added = sum(step.minutes for step in self.steps)
        if added != self.total_minutes:
            raise ValueError(
                f"the steps of {self.key} add up to {added} minutes, not {self.total_minutes}"
            )
        keys = [step.key for step in self.steps]
        if len(keys) != len(set(keys)):
            raise ValueError(f"{self.key} has two steps with the same key")
        debriefed = sorted(f.value for step in self.steps for f in step.debrief)
        if debriefed != sorted(f.value for f in GuideFramework):
            raise ValueError(f"{self.key} must debrief every framework once, not {debriefed}")
        return self


class Debrief(_Entry):
    """The questions to ask the room after a framework: two or three."""

    framework: GuideFramework
    name: Localized
    questions: list[Localized] = Field(min_length=2, max_length=3)


class Link(_Entry):
    key: LinkKey
    title: Localized
    text: Localized


class Mistake(_Entry):
    """A mistake participants commonly make, and what the trainer says to fix it."""

    framework: GuideFramework
    mistake: Localized
    remedy: Localized


class Guide(_Entry):
    intro: Localized
    plans: list[Plan]
    debrief: list[Debrief]
    links: list[Link]
    mistakes: list[Mistake]

    @model_validator(mode="after")
    def _everything_once_in_order(self) -> "Guide":
        if [plan.key for plan in self.plans] != list(PlanKey):
            raise ValueError(f"the plans must be exactly {[p.value for p in PlanKey]}, in order")
        if [entry.framework for entry in self.debrief] != list(GuideFramework):
            wanted = [f.value for f in GuideFramework]
            raise ValueError(f"the debrief must cover exactly {wanted}, in order")
        if [link.key for link in self.links] != list(LinkKey):
            raise ValueError(f"the links must be exactly {[k.value for k in LinkKey]}, in order")
        if lacking := set(GuideFramework) - {m.framework for m in self.mistakes}:
            raise ValueError(f"no common mistake for {sorted(f.value for f in lacking)}")
        return self

    def plan(self, key: PlanKey | str) -> Plan:
        return next(plan for plan in self.plans if plan.key == PlanKey(key))

    def debrief_for(self, framework: GuideFramework) -> Debrief:
        return next(entry for entry in self.debrief if entry.framework is framework)


def load_guide(path: Path) -> Guide:
    """Read and validate a guide file."""
    return Guide.model_validate(json.loads(path.read_text(encoding="utf-8")))


@cache
def guide() -> Guide:
    """The app's facilitator's guide, read once per process."""
    return load_guide(data_dir() / "guide.json")
