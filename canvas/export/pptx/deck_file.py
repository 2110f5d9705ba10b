"""The teaching deck as a PowerPoint file: the same running order as the projected deck
(``canvas.presenters.deck``), each slide built here from the presenters' texts.

A slide of the running order may become several slides of the file when its list is
longer than one slide holds (recommendations, sources): the later ones say "(continued)".
"""

from collections.abc import Callable

from pptx.enum.text import MSO_ANCHOR
from pptx.util import Inches

from canvas.content.catalogue import catalogue
from canvas.domain import Language, WorkshopView
from canvas.export.pptx import frameworks
from canvas.export.pptx.canvas_shapes import draw_canvas
from canvas.export.pptx.charts import Box, heat_table
from canvas.export.pptx.look import (
    ACCENT,
    BODY_HEIGHT,
    BODY_SIZE,
    BODY_TOP,
    BODY_WIDTH,
    MARGIN,
    MUTED,
    SMALL_SIZE,
    Line,
    fitted_size,
    text_box,
)
from canvas.export.pptx.writer import DeckFile, empty
from canvas.i18n import t
from canvas.presenters.deck import Slide as DeckSlide
from canvas.presenters.deck import SlideKind, deck
from canvas.presenters.recommendations import advice
from canvas.presenters.relationship_overview import overview_rows
from canvas.presenters.sources import source_lines, sources_intro

# ------------------------------------------------------------------ the teaching slides


def _title(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    slide = out.slide(None)
    workshop = view.workshop
    lines = [Line(workshop.title, 40, bold=True)]
    if workshop.company and workshop.company != workshop.title:
        lines.append(Line(workshop.company, 28, colour=MUTED))
    lines.append(Line(t("deck_file.subtitle", out.lang), 24, colour=ACCENT))
    height = Inches(4.5)
    size = fitted_size([lines[0].text], BODY_WIDTH, Inches(2.8), [40, 36, 32, 28, 24, 20])
    lines[0] = Line(workshop.title, size, bold=True)
    text_box(slide, MARGIN, Inches(1.5), BODY_WIDTH, height, lines, anchor=MSO_ANCHOR.MIDDLE)


def _why(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    cat = catalogue()
    slide = out.slide(t("framing.why", out.lang))
    texts = [cat.intro(out.lang), cat.spectrum_note(out.lang)]
    size = fitted_size(texts, BODY_WIDTH, BODY_HEIGHT, [28, 26, 24, 22, 20])
    lines = [Line(texts[0], size), Line(""), Line(texts[1], size - 4, colour=MUTED)]
    text_box(slide, MARGIN, BODY_TOP, BODY_WIDTH, BODY_HEIGHT, lines)


def _questions(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    cat = catalogue()
    slide = out.slide(t("framing.questions", out.lang))
    questions = [entry.text(out.lang) for entry in cat.questions]
    lines = [
        Line(text, 28, bullet=f"{number}.", marker_colour=ACCENT)
        for number, text in enumerate(questions, start=1)
    ]
    text_box(slide, MARGIN, BODY_TOP, BODY_WIDTH, Inches(4.2), lines)
    task = [Line(cat.practical_task(out.lang), BODY_SIZE, colour=MUTED)]
    text_box(slide, MARGIN, BODY_TOP + Inches(4.3), BODY_WIDTH, Inches(1.4), task)


def _types(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    slide = out.slide(t("framing.types", out.lang))
    rows = overview_rows(out.lang)
    header = [
        t("framing.col.type", out.lang),
        t("framing.col.place", out.lang),
        t("framing.col.definition", out.lang),
        t("framing.col.example", out.lang),
    ]
    table = [[row.name, row.place, row.definition, row.example] for row in rows]
    box = Box(MARGIN, BODY_TOP, BODY_WIDTH, Inches(5.2))
    fills: list[list[str | None]] = [[None] * 4 for _ in table]
    heat_table(slide, box, header, table, fills, name="Types", size=13, widths=[2, 1.7, 4.3, 3.6])


def _canvas(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    slide = out.slide(t("page.canvas", out.lang))
    draw_canvas(slide, view, out.lang)


def _recommendations(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    heading = t("analysis.recommendations", out.lang)
    found = advice(view, out.lang)
    if not found:
        empty(out, heading, t("deck_file.empty.recommendations", out.lang))
        return
    colours = {"high": "#B2182B", "medium": ACCENT}
    entries = [
        [
            Line(text["title"], bold=True, bullet="●", marker_colour=colours.get(severity, ACCENT)),
            Line(text["advice"], BODY_SIZE - 2),
        ]
        for severity, text in found
    ]
    out.listing(heading, entries)


def _sources(out: DeckFile, view: WorkshopView, _: DeckSlide) -> None:
    entries = [
        [
            Line(entry.framework, 18, bold=True),
            *(Line(ref, SMALL_SIZE + 2) for ref in entry.references),
        ]
        for entry in source_lines(out.lang)
    ]
    lead = [Line(sources_intro(out.lang), SMALL_SIZE + 2, colour=MUTED)]
    out.listing(t("page.sources", out.lang), entries, lead=lead)


Builder = Callable[[DeckFile, WorkshopView, DeckSlide], None]
BUILDERS: dict[SlideKind, Builder] = {
    SlideKind.TITLE: _title,
    SlideKind.WHY: _why,
    SlideKind.QUESTIONS: _questions,
    SlideKind.TYPES: _types,
    SlideKind.CANVAS: _canvas,
    SlideKind.GAP: frameworks.gap,
    SlideKind.SHURA: frameworks.shura,
    SlideKind.TWELVE_RULES: frameworks.twelve_rules,
    SlideKind.NPS: frameworks.nps,
    SlideKind.TOUCHPOINTS: frameworks.touchpoints,
    SlideKind.LOYALTY_CHECK: frameworks.loyalty_check,
    SlideKind.RECOMMENDATIONS: _recommendations,
    SlideKind.SOURCES: _sources,
}


def render_pptx(view: WorkshopView, lang: Language | str | None = None) -> bytes:
    """The workshop's deck as a .pptx file in ``lang`` (the workshop's own by default)."""
    out = DeckFile(Language(lang or view.workshop.language))
    for slide in deck(view):
        BUILDERS[slide.kind](out, view, slide)
    return out.bytes()
