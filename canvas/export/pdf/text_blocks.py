"""The PDF's text blocks: paragraphs, bulleted lists and callouts (a tinted box with a
coloured bar, split into one box per page when it runs over a page break)."""

from collections.abc import Sequence
from dataclasses import replace

from canvas.export.blocks import Bullets, Callout, Paragraph
from canvas.export.pdf.fonts import FAMILY, clean
from canvas.export.pdf.layout import Page, Run
from canvas.export.pdf.look import ACCENT, CALLOUT, INK, LINE, MUTED, PARAGRAPH, baseline


class TextBlocks(Page):
    """Draws ``Paragraph``, ``Bullets`` and ``Callout`` blocks from the current y down."""

    def paragraph(self, block: Paragraph) -> None:
        size, colour = PARAGRAPH.get(block.tone, PARAGRAPH["normal"])
        self.draw_runs([self.run(clean(block.text), self.epw, "", size, colour)], self.l_margin)
        self.ln(2.5)

    def bullets(self, block: Bullets) -> None:
        size, indent = 9.5, 5.5  # as block_height() measures them
        for item in block.items:
            run = self.run(clean(item), self.epw - indent, "", size, INK)
            if self.y + run.line_height > self.page_break_trigger:
                self.next_page()
            self.set_font(FAMILY, "", size)
            self.set_text_color(*ACCENT)
            self.text(self.l_margin + 1.2, self.y + baseline(size, run.line_height), "•")
            self.draw_runs([run], self.l_margin + indent)
            self.ln(1.0)
        self.ln(1.5)

    # Less padding under a callout's text than over it: a line's leading leaves room.
    CALLOUT_PAD, CALLOUT_PAD_BOTTOM, CALLOUT_BAR = 3.0, 2.0, 1.6

    def callout_runs(self, block: Callout) -> list[Run]:
        inner = self.epw - self.CALLOUT_BAR - 2 * self.CALLOUT_PAD
        runs = [self.run(clean(block.title), inner, "B", 10.5, INK)]
        if block.body:
            runs.append(self.run(clean(block.body), inner, "", 9.5, INK, gap=1.2))
        if block.note:
            runs.append(self.run(clean(block.note), inner, "I", 8.5, MUTED, gap=1.2))
        return runs

    def callout(self, block: Callout) -> None:
        bar, background = CALLOUT.get(block.tone, CALLOUT["medium"])
        pad, pad_bottom, bar_width = self.CALLOUT_PAD, self.CALLOUT_PAD_BOTTOM, self.CALLOUT_BAR
        x = self.l_margin
        runs = self.callout_runs(block)
        total = sum(run.height for run in runs) + pad + pad_bottom
        first_line = runs[0].line_height + pad + pad_bottom
        if (total > self.room() and total <= self.body_height()) or self.room() < first_line:
            self.next_page()  # keep a callout on one page whenever it fits on one
        pieces = self.split_runs(runs, pad)
        for index, piece in enumerate(pieces):
            if index:
                self.next_page()
            height = sum(run.height for run in piece) + pad + pad_bottom
            top = self.y
            self.set_fill_color(*background)
            self.set_draw_color(*LINE)
            self.set_line_width(0.2)
            self.rect(x, top, self.epw, height, style="DF")
            self.set_fill_color(*bar)
            self.rect(x, top, bar_width, height, style="F")
            self.set_y(top + pad)
            self.draw_runs(piece, x + bar_width + pad)
            self.set_y(top + height)
        self.ln(3.5)

    def split_runs(self, runs: Sequence[Run], pad: float) -> list[list[Run]]:
        """``runs`` laid out page by page (from the current y), so each page's part of a
        long callout gets a box of its own."""
        pages: list[list[tuple[Run, str, float]]] = [[]]
        used, limit = pad, self.room()
        for run in runs:
            for k, line in enumerate(run.lines):
                gap = run.gap_before if k == 0 else 0.0
                if pages[-1] and used + gap + run.line_height + pad > limit:
                    pages.append([])
                    used, limit, gap = pad, self.body_height(), 0.0
                pages[-1].append((run, line, gap))
                used += gap + run.line_height
        pieces: list[list[Run]] = []
        for page in pages:
            piece: list[Run] = []
            for run, line, gap in page:
                if (
                    piece
                    and piece[-1].style == run.style
                    and piece[-1].size == run.size
                    and not gap
                ):
                    piece[-1].lines.append(line)
                else:
                    piece.append(replace(run, lines=[line], gap_before=gap))
            pieces.append(piece)
        return pieces
