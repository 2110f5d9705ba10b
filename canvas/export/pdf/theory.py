"""The handout's theory: what the workshop teaches, as report sections after the answers.

Every text comes from the catalogue, the framework files and the UI strings the pages
already show (``data/catalogue.json``, ``data/frameworks/*.json``, ``data/i18n``), so a
trainer who rewords a definition rewords the handout too. The sections use only the
report's generic blocks; ``add_theory`` puts them before the sources.
"""

from dataclasses import replace
from itertools import groupby

from canvas.content.catalogue import catalogue
from canvas.content.loyalty_check import loyalty_content
from canvas.content.shura import shura_content
from canvas.content.touchpoints import touchpoint_content
from canvas.content.twelve_rules import twelve_rules
from canvas.domain import Language
from canvas.domain.loyalty_check import CheckKind
from canvas.domain.nps import BENCHMARKS, FEW_ANSWERS, NpsCategory, NpsCounts, categorize
from canvas.domain.shura import Audience
from canvas.domain.vocabulary import GuidingQuestion
from canvas.export.blocks import Block, Bullets, Callout, Paragraph, Report, Section, Table
from canvas.export.sections_sources import SECTION_KEY as SOURCES_KEY
from canvas.i18n import number, percent, t
from canvas.presenters.relationship_overview import spectrum_word


def numbered_questions(lang: Language | str) -> list[str]:
    """``"1. Which type of relationship …"``: the four questions in their order."""
    cat = catalogue()
    return [f"{n}. {cat.question(key).text(lang)}" for n, key in enumerate(GuidingQuestion, 1)]


def _questions(lang: Language) -> Section:
    cat = catalogue()
    blocks: list[Block] = [
        Paragraph(cat.intro(lang)),
        Paragraph(cat.practical_task(lang), tone="muted"),
        *(Paragraph(line, tone="lead") for line in numbered_questions(lang)),
    ]
    return Section("theory-questions", t("handout.theory.questions", lang), blocks, new_page=True)


def _types(lang: Language) -> Section:
    """The six types from the most personal to the most automated."""
    cat = catalogue()
    entries = sorted(cat.relationship_types, key=lambda entry: entry.position)
    rows = [
        [
            entry.name(lang),
            entry.definition(lang),
            entry.example(lang),
            spectrum_word(entry.position, lang),
        ]
        for entry in entries
    ]
    header = [
        t("framing.col.type", lang),
        t("framing.col.definition", lang),
        t("framing.col.example", lang),
        t("framing.col.place", lang),
    ]
    table = Table(header, rows, widths=[2.2, 4.5, 3.5, 1.8])
    blocks: list[Block] = [Paragraph(cat.spectrum_note(lang), tone="muted"), table]
    return Section("theory-types", t("handout.theory.types", lang), blocks)


def _motives(lang: Language) -> Section:
    rows = [[m.name(lang), m.description(lang)] for m in catalogue().motives]
    header = [t("handout.col.motive", lang), t("framing.col.definition", lang)]
    table = Table(header, rows, widths=[1, 3])
    return Section("theory-motives", t("handout.theory.motives", lang), [table])


def _shura(lang: Language) -> Section:
    content = shura_content()
    cat = catalogue()
    blocks: list[Block] = [
        Paragraph(content.intro(lang)),
        Paragraph(content.source(lang), tone="muted"),
    ]
    for stage in content.stages:
        items = [
            t(
                "handout.shura.side",
                lang,
                audience=content.audience(audience).name(lang),
                stage=stage.side(audience).name(lang),
                goal=stage.side(audience).goal(lang),
            )
            for audience in Audience
        ]
        types = ", ".join(cat.type(kind).name(lang) for kind in stage.types)
        items += [
            f"{t('shura.good_example', lang)}: {stage.good(lang)}",
            f"{t('shura.bad_example', lang)}: {stage.bad(lang)}",
            t("handout.shura.types", lang, types=types),
        ]
        blocks += [Paragraph(stage.name(lang), tone="lead"), Bullets(items)]
    blocks += [
        Paragraph(content.types_note(lang), tone="muted"),
        Paragraph(content.long_term(lang), tone="muted"),
    ]
    return Section("theory-shura", t("handout.theory.shura", lang), blocks, new_page=True)


def _rules(lang: Language) -> Section:
    content = twelve_rules()
    rows = [[content.numbered(r.key, lang), r.explanation(lang)] for r in content.rules]
    header = [t("handout.col.rule", lang), t("framing.col.definition", lang)]
    blocks: list[Block] = [
        Paragraph(content.quote(lang), tone="lead"),
        Table(header, rows, widths=[1.2, 4]),
        Paragraph(content.credit(lang), tone="muted"),
    ]
    return Section("theory-rules", t("handout.theory.rules", lang), blocks, new_page=True)


def score_ranges() -> list[tuple[NpsCategory, str]]:
    """Each NPS group with its scores as the domain sorts them: ``(promoter, "9–10")``."""
    runs = groupby(range(11), key=categorize)
    ranges = [(group, list(scores)) for group, scores in runs]
    return [(group, f"{scores[0]}–{scores[-1]}") for group, scores in reversed(ranges)]


EXAMPLE = NpsCounts(promoters=50, passives=30, detractors=20)  # of 100 answers


def _nps_example(lang: Language) -> str:
    """The formula worked through once, by the domain's own ``score``."""
    score = EXAMPLE.score()
    assert score is not None  # the example has answers
    return t(
        "handout.nps.example",
        lang,
        promoters=number(EXAMPLE.promoters, lang),
        passives=number(EXAMPLE.passives, lang),
        detractors=number(EXAMPLE.detractors, lang),
        promoters_share=percent(EXAMPLE.promoters / EXAMPLE.n, lang),
        detractors_share=percent(EXAMPLE.detractors / EXAMPLE.n, lang),
        score=number(score, lang),
    )


def _nps(lang: Language) -> Section:
    benchmarks = ", ".join(f"{name} {number(value, lang)}" for name, value in BENCHMARKS.items())
    body = t("nps.teach.body", lang, benchmarks=benchmarks)
    rows = [[t(f"report_nps.category.{g.value}", lang), scores] for g, scores in score_ranges()]
    header = [t("handout.col.group", lang), t("handout.col.scores", lang)]
    blocks: list[Block] = [
        Paragraph(t("nps.teach.title", lang), tone="lead"),
        *(Paragraph(part) for part in body.split("\n\n") if part.strip()),
        Table(header, rows, widths=[2, 1]),
        Paragraph(t("handout.nps.formula", lang), tone="lead"),
        Paragraph(_nps_example(lang)),
        Paragraph(t("report_nps.interval_help", lang, limit=FEW_ANSWERS), tone="muted"),
    ]
    return Section("theory-nps", t("handout.theory.nps", lang), blocks, new_page=True)


def _touchpoints(lang: Language) -> Section:
    content = touchpoint_content()
    rows = [
        [c.title(lang), c.description(lang), ", ".join(c.suggestions(lang))]
        for c in content.categories
    ]
    header = [
        t("handout.col.kind", lang),
        t("framing.col.definition", lang),
        t("handout.col.examples", lang),
    ]
    blocks: list[Block] = [
        Paragraph(content.intro(lang)),
        Table(header, rows, widths=[1.4, 3, 3]),
    ]
    return Section("theory-touchpoints", t("handout.theory.touchpoints", lang), blocks)


def _loyalty_check(lang: Language) -> Section:
    content = loyalty_content()
    question = t("handout.col.question", lang)

    def table(kind: CheckKind, header: str, numbered: bool) -> Table:
        rows = [
            [f"{n}. {e.name(lang)}" if numbered else e.name(lang), e.question(lang)]
            for n, e in enumerate(content.entries(kind), start=1)
        ]
        return Table([t(header, lang), question], rows, widths=[1.4, 4])

    blocks: list[Block] = [
        Paragraph(content.intro(lang)),
        Paragraph(content.elements_intro(lang)),
        table(CheckKind.ELEMENT, "loyalty_check.report.element", numbered=True),
        Paragraph(content.stages_intro(lang)),
        table(CheckKind.STAGE, "loyalty_check.report.stage", numbered=False),
        Paragraph(content.closer(lang)),
        table(CheckKind.CONDITION, "loyalty_check.report.condition", numbered=False),
        Callout(content.trust.title(lang), content.trust.body(lang), ""),
    ]
    key = "theory-loyalty-check"
    return Section(key, t("handout.theory.loyalty_check", lang), blocks, new_page=True)


def theory_sections(lang: Language | str) -> list[Section]:
    """The whole theory part, in ``lang``."""
    lang = Language(lang)
    builders = [_questions, _types, _motives, _shura, _rules, _nps, _touchpoints, _loyalty_check]
    return [build(lang) for build in builders]


def add_theory(report: Report) -> Report:
    """``report`` with the theory after the answers and before the sources, if any."""
    sections = list(report.sections)
    at = next((i for i, s in enumerate(sections) if s.key == SOURCES_KEY), len(sections))
    theory = theory_sections(report.lang)
    return replace(report, sections=[*sections[:at], *theory, *sections[at:]])
