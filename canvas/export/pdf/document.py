"""The PDF writer: turns the report model into the bytes of a PDF file.

A4 portrait, with the canvas on a landscape page of its own. The first page carries the
title, the workshop's facts and a contents list with page numbers; every later page has a
footer with the report's footer line and "page n of N". Like the other writers this one
only knows the blocks of ``canvas.export.blocks`` (never a section by name): it lays out
sections and hands each block to the module that draws that kind (``text_blocks``,
``tables``, ``canvas_drawing``).
"""

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos
from fpdf.outline import OutlineSection

from canvas.export.blocks import (
    Block,
    Bullets,
    Callout,
    Canvas,
    Paragraph,
    Report,
    Section,
    Table,
    report_texts,
)
from canvas.export.pdf.canvas_drawing import CanvasDrawing
from canvas.export.pdf.fonts import FAMILY, clean, font_files, loses_characters
from canvas.export.pdf.look import (
    ACCENT,
    BOTTOM,
    FOCUS_STROKE,
    INK,
    LINE,
    MARGIN,
    MUTED,
    PAGES_ALIAS,
    PARAGRAPH,
    RULE,
    TOP,
    baseline,
    line_height,
)
from canvas.export.pdf.tables import Tables
from canvas.export.pdf.text_blocks import TextBlocks
from canvas.i18n import t


@dataclass(frozen=True)
class PageFill:
    """How much of one page's body the writer filled: the share of the height from the
    top margin down to the page-break line that lies above where writing stopped."""

    page: int
    section: str | None  # the section whose text the page ends with; None: front matter
    filled: float


class Document(Tables, TextBlocks, CanvasDrawing):
    """An A4 document with the report's footer on every page after the first."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report
        self.lang = report.lang
        self.footer_text = clean(report.footer)
        # The total-pages alias is only switched on while a footer is drawn, so a
        # "{nb}" typed into a segment name stays text.
        self.alias_nb_pages(PAGES_ALIAS, align="L")
        self.str_alias_nb_pages = ""
        self.orientation_after: tuple[int, str] | None = None
        self.contents_first = 0
        self.contents_per_page = 1
        self.section_key: str | None = None
        self.fills: list[PageFill] = []
        self.set_margins(MARGIN, TOP, MARGIN)
        self.c_margin = 0  # text starts at the margin, like the tables and the boxes
        self.set_auto_page_break(True, BOTTOM)
        for style, path in font_files().items():
            self.add_font(FAMILY, style, path)
        # Every symbol the report uses, in one font per symbol font, added before fpdf2's
        # cell() and multi_cell() (title page, headings, contents, footer) look for it.
        self.use_symbols(report_texts(report))
        self.set_font(FAMILY, "", 10)
        self.set_text_color(*INK)
        self.set_lang(report.lang.value)
        self.set_title(clean(report.title))
        if report.company:
            self.set_author(clean(report.company))
        self.set_subject(clean(t("report.subtitle", report.lang)))
        self.set_creator("cr-canvas")
        self.set_creation_date(datetime.combine(report.created, time(), tzinfo=UTC))

    # -------------------------------------------------------------- pages

    def add_page(self, *args: Any, **kwargs: Any) -> None:
        # The contents placeholder breaks pages on its own; the page after it must have
        # the orientation the first section needs (landscape for the canvas).
        if self.orientation_after is not None:
            breaks, orientation = self.orientation_after
            if breaks <= 1:
                self.orientation_after = None
                kwargs.update(orientation=orientation, same=False)
            else:
                self.orientation_after = (breaks - 1, orientation)
        self.note_fill()
        super().add_page(*args, **kwargs)

    def note_fill(self) -> None:
        """Record how full the page being left is (its last y), for the layout's tests."""
        if self.page > 0 and not self.in_toc_rendering:
            share = (self.y - self.t_margin) / self.body_height()
            self.fills.append(PageFill(self.page, self.section_key, min(1.0, max(0.0, share))))

    def footer(self) -> None:
        if self.page_no() <= 1:
            return
        y = self.h - BOTTOM + 6
        self.set_draw_color(*LINE)
        self.set_line_width(0.2)
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        page = clean(t("report.page", self.report.lang, n=self.page_no(), total=PAGES_ALIAS))
        # fpdf2 reserves the width of "000" for the total and writes it at the start of that
        # room: measure the label that way and it ends at the margin give or take a digit.
        page_width = self.get_string_width(page.replace(PAGES_ALIAS, "000")) + 1
        with self.total_pages(PAGES_ALIAS):
            self.set_xy(self.w - self.r_margin - page_width, y + 1.5)
            self.cell(page_width, 4, page, align="L")
        room = self.epw - page_width - 6
        with self.total_pages(""):
            self.set_xy(self.l_margin, y + 1.5)
            self.cell(room, 4, self.fit(self.footer_text, room))
        self.set_text_color(*INK)

    @contextmanager
    def total_pages(self, alias: str) -> Iterator[None]:
        """Switch fpdf2's total-pages alias on (``PAGES_ALIAS``) or off ("") for a while.

        It is off while user text is written, so a "{nb}" typed into a segment name stays
        text, and on while a page number is written and when the document is closed.
        """
        saved = self.str_alias_nb_pages
        self.str_alias_nb_pages = alias
        try:
            yield
        finally:
            self.str_alias_nb_pages = saved

    # -------------------------------------------------------------- the title page

    # the title page's line under the title; the guide (pdf/guide.py) has its own
    SUBTITLE_KEY = "report.subtitle"

    def title_page(self, sections: Sequence[Section]) -> None:
        report = self.report
        self.add_page(orientation="P")
        self.set_fill_color(*ACCENT)
        self.rect(0, 0, self.w, 9, style="F")
        self.set_y(44)
        self.set_font(FAMILY, "B", 26)
        self.set_text_color(*INK)
        self.multi_cell(
            0, line_height(26, 1.18), clean(report.title), align="L", new_x=XPos.LMARGIN
        )
        self.ln(2)
        self.set_font(FAMILY, "", 13)
        self.set_text_color(*MUTED)
        subtitle = clean(t(self.SUBTITLE_KEY, report.lang))
        self.multi_cell(0, line_height(13), subtitle, align="L", new_x=XPos.LMARGIN)
        self.ln(4)
        self.set_fill_color(*FOCUS_STROKE)
        self.rect(self.l_margin, self.y, 28, 0.9, style="F")
        self.ln(8)
        self.facts(report.facts)
        if any(map(loses_characters, report_texts(report))):
            # Say so where it is read first, in the report's language.
            self.ln(2)
            self.paragraph(Paragraph(t("report.font_note", report.lang), tone="muted"))
        if sections:
            self.contents_placeholder(sections)

    def facts(self, facts: Sequence[tuple[str, str]]) -> None:
        label_width = 48.0
        value_width = self.epw - label_width
        line = line_height(10.5)
        for label, value in facts:
            self.set_font(FAMILY, "", 10.5)
            self.set_text_color(*MUTED)
            y = self.y
            self.set_x(self.l_margin)
            self.multi_cell(label_width - 3, line, clean(label), align="L")
            bottom = self.y
            self.set_xy(self.l_margin + label_width, y)
            self.set_font(FAMILY, "B", 10.5)
            self.set_text_color(*INK)
            self.multi_cell(value_width, line, clean(value), align="L", new_x=XPos.LMARGIN)
            self.set_y(max(bottom, self.y) + 1.2)
        self.set_text_color(*INK)

    # -------------------------------------------------------------- contents

    ENTRY_PT = 10.0
    ENTRY_H = 6.0

    def contents_placeholder(self, sections: Sequence[Section]) -> None:
        """A contents list that fpdf2 fills in at the end, when page numbers are known."""
        self.ln(8)
        self.set_font(FAMILY, "B", 13)
        self.set_text_color(*INK)
        self.cell(0, line_height(13), clean(t("report.contents", self.report.lang)))
        self.ln(line_height(13) + 2)
        first = max(0, int((self.page_break_trigger - self.y) // self.ENTRY_H))
        per_page = max(1, int(self.body_height() // self.ENTRY_H))
        extra = math.ceil(max(0, len(sections) - first) / per_page)
        self.contents_first, self.contents_per_page = first, per_page
        self.orientation_after = (extra + 1, _orientation(sections[0]))
        self.insert_toc_placeholder(_render_contents, pages=extra + 1)

    def contents(self, outline: list[OutlineSection]) -> None:
        with self.total_pages(""):
            self.draw_contents(outline)

    def draw_contents(self, outline: list[OutlineSection]) -> None:
        self.set_auto_page_break(False)
        number_width = 14.0
        on_page, capacity = 0, self.contents_first
        for entry in outline:
            if on_page >= capacity:
                self.next_page()
                on_page, capacity = 0, self.contents_per_page
            on_page += 1
            y = self.y
            self.set_font(FAMILY, "", self.ENTRY_PT)
            self.set_text_color(*INK)
            name = self.fit(entry.name, self.epw - number_width - 6)
            link = self.add_link(page=entry.page_number)
            self.set_xy(self.l_margin, y)
            self.cell(self.width_of(name) + 1, self.ENTRY_H, name, link=link)
            leader_start = self.l_margin + self.width_of(name) + 2.5
            leader_end = self.w - self.r_margin - number_width + 2
            if leader_end > leader_start:
                self.set_draw_color(*RULE)
                self.set_line_width(0.3)
                with self.local_context():
                    self.set_dash_pattern(dash=0.3, gap=1.2)
                    leader_y = y + baseline(self.ENTRY_PT, self.ENTRY_H)
                    self.line(leader_start, leader_y, leader_end, leader_y)
            self.set_xy(self.w - self.r_margin - number_width, y)
            self.cell(number_width, self.ENTRY_H, str(entry.page_number), align="R", link=link)
            self.set_y(y + self.ENTRY_H)
        self.set_auto_page_break(True, BOTTOM)

    # -------------------------------------------------------------- sections

    def section(self, section: Section, previous: Section | None) -> None:
        wanted = _orientation(section)
        needs_page = (
            section.new_page
            or wanted == "L"
            or previous is None
            or _orientation(previous) == "L"
            or self.orientation() != wanted
        )
        if needs_page:
            if not (self.fresh() and self.orientation() == wanted):
                self.add_page(orientation=wanted)
        else:
            self.ln(5)
            # Keep a section on one page when it fits on one, and a heading with what follows.
            height = self.section_height(section)
            if height > self.room() and (height <= self.body_height() or self.room() < 40):
                self.next_page()
        self.section_key = section.key
        self.heading(section.title)
        for index, block in enumerate(section.blocks):
            self.block(block, section.blocks[index + 1 :])

    def heading(self, title: str) -> None:
        text = clean(title)
        self.start_section(" ".join(text.split()) or "—")
        self.set_font(FAMILY, "B", 15)
        self.set_text_color(*INK)
        self.multi_cell(0, line_height(15, 1.2), text, align="L", new_x=XPos.LMARGIN)
        self.ln(1.2)
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.5)
        self.line(self.l_margin, self.y, self.w - self.r_margin, self.y)
        self.ln(3.5)

    def section_height(self, section: Section) -> float:
        """About how tall ``section`` will be, heading included."""
        self.set_font(FAMILY, "B", 15)
        lines = self.wrap(clean(section.title), self.epw) or [""]
        return len(lines) * line_height(15, 1.2) + 4.7 + sum(map(self.block_height, section.blocks))

    def block_height(self, block: Block) -> float:
        if isinstance(block, Paragraph):
            size, colour = PARAGRAPH.get(block.tone, PARAGRAPH["normal"])
            return self.run(clean(block.text), self.epw, "", size, colour).height + 2.5
        if isinstance(block, Bullets):
            runs = [self.run(clean(i), self.epw - 5.5, "", 9.5, INK) for i in block.items]
            return sum(run.height + 1.0 for run in runs) + 1.5
        if isinstance(block, Callout):
            runs = self.callout_runs(block)
            return sum(r.height for r in runs) + self.CALLOUT_PAD + self.CALLOUT_PAD_BOTTOM + 3.5
        if isinstance(block, Table):
            layout = self.lay_out_table(block)
            return 0.0 if layout is None else layout.height + 4
        return self.body_height()

    def lead_keeps(self, rest: Sequence[Block]) -> float:
        """Room a lead paragraph needs below it: the paragraphs that follow it and the
        head and first row of the table they introduce (nothing when no table follows)."""
        total = 0.0
        for block in rest:
            if isinstance(block, Table):
                layout = self.lay_out_table(block)
                if layout is None:
                    return 0.0
                first = layout.body[0][2] if layout.body else 0.0
                return total + layout.head_height + first
            if not isinstance(block, Paragraph):
                return 0.0
            total += self.block_height(block)
        return 0.0

    def block(self, block: Block, rest: Sequence[Block]) -> None:
        if isinstance(block, Paragraph):
            keep = self.lead_keeps(rest) if block.tone == "lead" and not self.fresh() else 0.0
            if keep:
                # A subheading stays with the table it introduces.
                need = self.block_height(block) + keep
                if self.y + need > self.page_break_trigger and need <= self.body_height():
                    self.next_page()
            self.paragraph(block)
        elif isinstance(block, Bullets):
            self.bullets(block)
        elif isinstance(block, Callout):
            self.callout(block)
        elif isinstance(block, Table):
            self.table_block(block)
        else:
            self.drawing(block, reserve=self.reserve_for(rest))


def _orientation(section: Section) -> str:
    """Landscape for a section that draws the canvas, portrait for everything else."""
    return "L" if any(isinstance(block, Canvas) for block in section.blocks) else "P"


def _render_contents(pdf: FPDF, outline: list[OutlineSection]) -> None:
    assert isinstance(pdf, Document)
    pdf.contents(outline)


def lay_out(report: Report) -> Document:
    """The report written page by page, not yet closed (``render_pdf`` closes it)."""
    pdf = Document(report)
    sections = list(report.sections)
    pdf.title_page(sections)
    previous: Section | None = None
    for section in sections:
        pdf.section(section, previous)
        previous = section
    pdf.note_fill()
    return pdf


def render_pdf(report: Report) -> bytes:
    """The whole report as a PDF file."""
    pdf = lay_out(report)
    # Closing the document draws the last footer and the contents, then puts the total
    # number of pages in place of the alias.
    with pdf.total_pages(PAGES_ALIAS):
        return bytes(pdf.output())
