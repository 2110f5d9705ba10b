"""The facilitator's guide as a PDF, in the report's look (fpdf2, PT Sans).

The guide is laid out as a report of sections and blocks, so the writer that draws the
workshop's PDF draws it too: a title page with both plans and a contents list, each plan's
schedule as a table and its steps in detail, then the debrief questions, the links between
the frameworks and the common mistakes. Only the title page's subtitle differs.
"""

from datetime import date

from canvas.domain.vocabulary import Language
from canvas.export.blocks import Block, Bullets, Paragraph, Report, Section, Table
from canvas.export.pdf.document import Document
from canvas.export.pdf.look import PAGES_ALIAS
from canvas.i18n import t
from canvas.presenters.guide import (
    debrief,
    guide_intro,
    links,
    mistakes,
    overview,
    plan_keys,
    schedule,
)


class GuideDocument(Document):
    """The report's document with the guide's subtitle on its title page."""

    SUBTITLE_KEY = "guide.pdf.subtitle"


def _plan_sections(key: str, lang: Language, *, first: bool) -> list[Section]:
    plan = overview(key, lang)
    rows = schedule(key, lang)
    table = Table(
        header=[t(f"guide.col.{c}", lang) for c in ("time", "minutes", "step", "page")],
        rows=[[f"{r.start}–{r.end}", str(r.minutes), r.title, r.page] for r in rows],
        widths=[1.3, 0.9, 3.2, 2.2],
    )
    steps: list[Block] = []
    for row in rows:
        minutes = t("guide.minutes", lang, n=row.minutes)
        steps.append(Paragraph(f"{row.start}–{row.end} · {row.title} ({minutes})", tone="lead"))
        steps.append(Paragraph(row.activity))
        if row.page:
            steps.append(Paragraph(f"{t('guide.show_on', lang, page=row.page)} {row.show}"))
        if row.debrief:
            names = ", ".join(entry.framework for entry in row.debrief)
            steps.append(Paragraph(t("guide.pdf.debrief_after", lang, names=names), tone="muted"))
    return [
        Section(
            key=f"{key}_schedule",
            title=t("guide.pdf.schedule", lang, plan=plan.name),
            blocks=[Paragraph(plan.summary), table],
            new_page=not first,  # the first schedule follows the short introduction
        ),
        Section(key=f"{key}_steps", title=t("guide.pdf.steps", lang, plan=plan.name), blocks=steps),
    ]


def _debrief_section(lang: Language) -> Section:
    blocks: list[Block] = []
    for entry in debrief(lang):
        blocks += [Paragraph(entry.framework, tone="lead"), Bullets(entry.questions)]
    return Section(key="debrief", title=t("guide.debrief", lang), blocks=blocks, new_page=True)


def _links_section(lang: Language) -> Section:
    blocks: list[Block] = []
    for link in links(lang):
        blocks += [Paragraph(link.title, tone="lead"), Paragraph(link.text)]
        if link.rows:
            header = [t("guide.stage", lang), t("guide.stage_types", lang)]
            blocks.append(Table(header=header, rows=[list(r) for r in link.rows], widths=[1, 2]))
    return Section(key="links", title=t("guide.links", lang), blocks=blocks, new_page=True)


def _mistakes_section(lang: Language) -> Section:
    blocks: list[Block] = []
    remedy = t("guide.remedy", lang)
    for group in mistakes(lang):
        items = [f"{mistake} {remedy} {answer}" for mistake, answer in group.items]
        blocks += [Paragraph(group.framework, tone="lead"), Bullets(items)]
    return Section(key="mistakes", title=t("guide.mistakes", lang), blocks=blocks, new_page=True)


def guide_report(lang: Language | str, created: date | None = None) -> Report:
    """The whole guide, both plans, as a report in ``lang``."""
    lang = Language(lang)
    plans = [overview(key, lang) for key in plan_keys()]
    facts = [
        (
            plan.name,
            t(
                "guide.pdf.plan_facts",
                lang,
                start=plan.start,
                end=plan.end,
                length=plan.length,
                steps=len(schedule(plan.key, lang)),
            ),
        )
        for plan in plans
    ]
    intro = Section(
        key="intro", title=t("guide.pdf.intro", lang), blocks=[Paragraph(guide_intro(lang))]
    )
    sections = [intro]
    for index, plan in enumerate(plans):
        sections += _plan_sections(plan.key, lang, first=index == 0)
    sections += [_debrief_section(lang), _links_section(lang), _mistakes_section(lang)]
    return Report(
        lang=lang,
        title=t("page.guide", lang),
        company="",
        created=created or date.today(),
        facts=facts,
        footer=t("guide.pdf.footer", lang),
        credit="",
        sections=sections,
    )


def render_guide(lang: Language | str) -> bytes:
    """The facilitator's guide as a PDF file in ``lang``."""
    report = guide_report(lang)
    pdf = GuideDocument(report)
    pdf.title_page(report.sections)
    previous: Section | None = None
    for section in report.sections:
        pdf.section(section, previous)
        previous = section
    with pdf.total_pages(PAGES_ALIAS):
        return bytes(pdf.output())
