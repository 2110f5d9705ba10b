"""The PDF's tables, drawn by hand: column widths, alignment, wrapped cells, rows that
break across pages with the head repeated, coloured cells and row marks."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from canvas.export.blocks import Table
from canvas.export.pdf.fonts import FAMILY, clean
from canvas.export.pdf.layout import Page
from canvas.export.pdf.look import (
    CELL_PAD_X,
    CELL_PAD_Y,
    HEAD,
    INK,
    LINE,
    MARK_WIDTH,
    RULE,
    baseline,
    line_height,
    rgb,
)
from canvas.presenters.canvas_layout import GREY

_NUMERIC = re.compile(r"[-+−]?[\d\s\u00a0\u202f.,:+\-−%$€₽£¥×]*\d[\d\s\u00a0\u202f.,:%$€₽£¥]*")
_PAIR = re.compile(r"\d\s*[→›]\s*\d")
_SYMBOL = re.compile(r"[—–✓√✗×?-]")


def column_align(values: Iterable[str]) -> str:
    """Figures right, symbols and "2 → 3" pairs centred, everything else left."""
    kinds = set()
    for raw in values:
        text = raw.strip()
        if not text:
            continue
        if _SYMBOL.fullmatch(text) or (len(text) <= 12 and _PAIR.fullmatch(text)):
            kinds.add("symbol")
        elif len(text) <= 24 and _NUMERIC.fullmatch(text):
            kinds.add("number")
        else:
            return "L"
    if kinds == {"symbol"}:
        return "C"
    return "R" if kinds else "L"


@dataclass(frozen=True)
class TableLayout:
    """A table measured for the page: column widths and every cell's wrapped lines."""

    x0: float  # where the first text column starts (after the colour strip, if any)
    widths: list[float]
    aligns: list[str]
    size: float
    line: float
    head: list[list[str]]
    head_height: float
    # (the lines of each cell, the row it comes from, its height); a row too tall for a
    # page comes as several pieces.
    body: list[tuple[list[list[str]], int, float]]

    @property
    def height(self) -> float:
        return self.head_height + sum(height for _, _, height in self.body)


class Tables(Page):
    """Measures and draws ``Table`` blocks; a table's layout is computed once."""

    def __init__(self) -> None:
        super().__init__()
        self.layouts: dict[int, TableLayout] = {}

    def column_widths(
        self, block: Table, header: list[str], rows: list[list[str]], room: float, size: float
    ) -> list[float]:
        """The given relative widths (or, without them, the widths the texts would like)
        scaled to ``room``, widened where a word would not fit."""
        columns = len(header)
        self.set_font(FAMILY, "B", size)
        need = [max((self.width_of(w) for w in h.split()), default=0.0) for h in header]
        self.set_font(FAMILY, "", size)
        width_of = self.measure()
        natural = list(need)
        for row in rows:
            for column, text in enumerate(row):
                for word in text.split():
                    need[column] = max(need[column], width_of(word))
                for part in text.split("\n"):
                    natural[column] = max(natural[column], width_of(part))
        relative = block.widths
        if not (relative and len(relative) == columns and all(w > 0 for w in relative)):
            relative = [min(n + 2 * CELL_PAD_X, room * 0.45) + 1 for n in natural]
        total = sum(relative)
        widths = [room * w / total for w in relative]
        cap = room / max(3, columns) * 1.5
        minimum = [min(n + 2 * CELL_PAD_X + 0.3, cap) for n in need]
        for _ in range(columns):
            short = [i for i in range(columns) if widths[i] < minimum[i] - 1e-6]
            if not short:
                break
            deficit = sum(minimum[i] - widths[i] for i in short)
            slack = {i: widths[i] - minimum[i] for i in range(columns) if i not in short}
            spare = sum(s for s in slack.values() if s > 0)
            if spare <= deficit:
                break  # no way to fit every word: keep the proportions, words get cut
            for i in short:
                widths[i] = minimum[i]
            for i, s in slack.items():
                if s > 0:
                    widths[i] -= deficit * s / spare
        return widths

    def lay_out_table(self, block: Table) -> TableLayout | None:
        known = self.layouts.get(id(block))
        if known is not None:
            return known
        columns = max([len(block.header), *(len(row) for row in block.rows)])
        if columns == 0:
            return None
        header = [clean(h) for h in block.header] + [""] * (columns - len(block.header))
        rows = [[clean(c) for c in row] + [""] * (columns - len(row)) for row in block.rows]
        size = 8.5 if columns <= 6 else 8.0
        line = line_height(size, 1.25)
        x0 = self.l_margin + (MARK_WIDTH if block.marks is not None else 0.0)
        widths = self.column_widths(block, header, rows, self.epw - (x0 - self.l_margin), size)
        inner = [w - 2 * CELL_PAD_X for w in widths]
        aligns = [column_align(row[c] for row in rows) for c in range(columns)]

        self.set_font(FAMILY, "B", size)
        head = [self.wrap(h, w) for h, w in zip(header, inner, strict=True)]
        head_height = max(1, *(len(c) for c in head)) * line + 2 * CELL_PAD_Y
        # A row taller than a page is cut into continuation rows.
        max_lines = max(3, int((self.body_height() - head_height - 2 * CELL_PAD_Y - 1) // line))
        self.set_font(FAMILY, "", size)
        body: list[tuple[list[list[str]], int, float]] = []
        for index, row in enumerate(rows):
            cells = [self.wrap(text, w) for text, w in zip(row, inner, strict=True)]
            count = max(1, *(len(c) for c in cells))
            for start in range(0, count, max_lines):
                piece = [c[start : start + max_lines] for c in cells]
                height = max(1, *(len(c) for c in piece)) * line + 2 * CELL_PAD_Y
                body.append((piece, index, height))
        layout = TableLayout(x0, widths, aligns, size, line, head, head_height, body)
        self.layouts[id(block)] = layout
        return layout

    def table_block(self, block: Table) -> None:
        layout = self.lay_out_table(block)
        if layout is None:
            return
        first = layout.body[0][2] if layout.body else 0.0
        if self.y + layout.head_height + first > self.page_break_trigger and not self.fresh():
            self.next_page()
        self.table_row(layout, layout.head, layout.head_height, header=True)
        for cells, index, height in layout.body:
            if self.y + height > self.page_break_trigger:
                self.next_page()
                self.table_row(layout, layout.head, layout.head_height, header=True)
            fills = block.fills[index] if block.fills and index < len(block.fills) else []
            mark = None
            if block.marks is not None:
                mark = block.marks[index] if index < len(block.marks) else GREY
            self.table_row(layout, cells, height, fills=fills, mark=mark)
        self.set_text_color(*INK)
        self.ln(4)

    def table_row(
        self,
        layout: TableLayout,
        cells: list[list[str]],
        height: float,
        *,
        header: bool = False,
        fills: Sequence[str | None] = (),
        mark: str | None = None,
    ) -> None:
        x0, widths, aligns = layout.x0, layout.widths, layout.aligns
        size, line = layout.size, layout.line
        top = self.y
        left = self.l_margin
        right = x0 + sum(widths)
        if header:
            self.set_fill_color(*HEAD)
            self.rect(left, top, right - left, height, style="F")
        elif mark is not None:
            self.set_fill_color(*rgb(mark))
            self.rect(left, top, x0 - left, height, style="F")
        x = x0
        for column, width in enumerate(widths):
            fill = fills[column] if column < len(fills) else None
            if fill:
                self.set_fill_color(*rgb(fill))
                self.rect(x, top, width, height, style="F")
            x += width
        self.set_font(FAMILY, "B" if header else "", size)
        self.set_text_color(*INK)
        offset = baseline(size, line)
        placed: list[tuple[float, float, str]] = []
        x = x0
        for column, (lines, width) in enumerate(zip(cells, widths, strict=True)):
            # Headings sit on the bottom of their row, cells start at the top.
            y = top + CELL_PAD_Y + (height - 2 * CELL_PAD_Y - len(lines) * line if header else 0)
            for k, text in enumerate(lines):
                align = aligns[column]
                if align == "L":
                    tx = x + CELL_PAD_X
                else:
                    w = self.width_of(text)
                    room = width - 2 * CELL_PAD_X
                    tx = x + CELL_PAD_X + (room - w if align == "R" else (room - w) / 2)
                placed.append((tx, y + k * line + offset, text))
            x += width
        self.draw_texts(placed)
        if header:
            self.set_draw_color(*RULE)
            self.set_line_width(0.35)
            self.line(left, top, right, top)
        else:
            self.set_draw_color(*LINE)
            self.set_line_width(0.2)
        self.line(left, top + height, right, top + height)
        self.set_y(top + height)
