"""The facilitator's guide in the reader's language: clock times, page names and texts for
the guide page and its PDF.

Each step's start is the plan's start plus the minutes of the steps before it, so the
schedule the trainer reads is the one the loader checked adds up.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from canvas.content.catalogue import catalogue
from canvas.content.guide import Debrief, GuideFramework, LinkKey, Plan, PlanKey, guide
from canvas.content.shura import shura_content
from canvas.domain.vocabulary import Language
from canvas.i18n import number, t


@dataclass(frozen=True)
class ScheduleRow:
    """One step as the schedule shows it: from when to when, and what to do and show."""

    key: str
    start: str
    end: str
    minutes: int
    title: str
    activity: str
    page: str  # the page's title in the reader's language; "" for a break
    show: str
    debrief: list["DebriefLines"]  # the questions that close this step

    @property
    def pause(self) -> bool:
        return not self.page


@dataclass(frozen=True)
class PlanOverview:
    key: str
    name: str
    summary: str
    start: str
    end: str
    length: str  # "4 h" / "4 ч"


@dataclass(frozen=True)
class DebriefLines:
    framework: str
    questions: list[str]


@dataclass(frozen=True)
class LinkLines:
    """A tie between frameworks; ``rows`` is the SHURA stage → types table, when it has one."""

    title: str
    text: str
    rows: list[tuple[str, str]]


@dataclass(frozen=True)
class MistakeLines:
    framework: str
    items: list[tuple[str, str]]  # (the mistake, what to say)


def _clock(start: datetime) -> str:
    return start.strftime("%H:%M")


def _plan(key: PlanKey | str) -> Plan:
    return guide().plan(key)


def plan_keys() -> list[str]:
    return [plan.key.value for plan in guide().plans]


def plan_name(key: PlanKey | str, lang: Language | str) -> str:
    return _plan(key).name(lang)


def guide_intro(lang: Language | str) -> str:
    return guide().intro(lang)


def overview(key: PlanKey | str, lang: Language | str) -> PlanOverview:
    """A plan's name, summary, start and end on the clock, and length in hours."""
    plan = _plan(key)
    begins = datetime.combine(datetime.min.date(), plan.start)
    hours = plan.total_minutes / 60
    return PlanOverview(
        key=plan.key.value,
        name=plan.name(lang),
        summary=plan.summary(lang),
        start=_clock(begins),
        end=_clock(begins + timedelta(minutes=plan.total_minutes)),
        length=t("guide.hours", lang, hours=number(hours, lang, digits=1)),
    )


def schedule(key: PlanKey | str, lang: Language | str) -> list[ScheduleRow]:
    """Every step of a plan with its clock times, in order."""
    content = guide()
    plan = content.plan(key)
    at = datetime.combine(datetime.min.date(), plan.start)
    rows = []
    for step in plan.steps:
        ends = at + timedelta(minutes=step.minutes)
        rows.append(
            ScheduleRow(
                key=step.key,
                start=_clock(at),
                end=_clock(ends),
                minutes=step.minutes,
                title=step.title(lang),
                activity=step.activity(lang),
                page=t(f"page.{step.page.value}", lang) if step.page else "",
                show=step.show(lang) if step.show else "",
                debrief=[_debrief_lines(content.debrief_for(f), lang) for f in step.debrief],
            )
        )
        at = ends
    return rows


def _debrief_lines(entry: Debrief, lang: Language | str) -> DebriefLines:
    return DebriefLines(entry.name(lang), [question(lang) for question in entry.questions])


def debrief(lang: Language | str) -> list[DebriefLines]:
    """Two or three questions per framework, in the order the workshop meets them."""
    return [_debrief_lines(entry, lang) for entry in guide().debrief]


def stage_type_rows(lang: Language | str) -> list[tuple[str, str]]:
    """Each SHURA stage and the relationship types that serve it with customers, best first."""
    types = catalogue()
    return [
        (stage.title(lang), ", ".join(types.type(kind).name(lang) for kind in stage.types))
        for stage in shura_content().stages
    ]


def links(lang: Language | str) -> list[LinkLines]:
    """How the frameworks link; the SHURA one carries its stage → types table."""
    return [
        LinkLines(
            title=link.title(lang),
            text=link.text(lang),
            rows=stage_type_rows(lang) if link.key is LinkKey.SHURA_TYPES else [],
        )
        for link in guide().links
    ]


def mistakes(lang: Language | str) -> list[MistakeLines]:
    """The common mistakes grouped by framework, in the workshop's order."""
    content = guide()
    grouped = []
    for framework in GuideFramework:
        items = [
            (m.mistake(lang), m.remedy(lang)) for m in content.mistakes if m.framework is framework
        ]
        if items:
            grouped.append(MistakeLines(content.debrief_for(framework).name(lang), items))
    return grouped
