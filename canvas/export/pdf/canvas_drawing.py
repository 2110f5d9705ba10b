"""Where the PDF draws the canvas: the Business Model Canvas as vector graphics.

The nine blocks sit where ``canvas.presenters.canvas_layout.LAYOUT`` puts them, on a
landscape page of their own; the focus block is drawn last, in its highlight colours.
Each block shows its items in the largest type that fits, and ends with "… and N more"
when even the smallest does not.
"""

from collections.abc import Sequence

from canvas.domain import Language
from canvas.export.blocks import Block, Canvas, Paragraph
from canvas.export.pdf.fonts import FAMILY, clean
from canvas.export.pdf.layout import Page
from canvas.export.pdf.look import (
    BLOCK_STROKE,
    BOARD_ITEM_PT,
    BOARD_MIN_PT,
    BOARD_PAD,
    BOARD_TITLE_PT,
    FOCUS_FILL,
    FOCUS_STROKE,
    INK,
    MUTED,
    PARAGRAPH,
    PT,
    WHITE,
    baseline,
    line_height,
    rgb,
)
from canvas.i18n import t
from canvas.presenters.canvas_layout import LAYOUT, Box, CanvasItem


class CanvasDrawing(Page):
    """Draws a ``Board`` block: the canvas filling the page above what follows it."""

    lang: Language  # the report's, for "… and N more"; set by the document

    def reserve_for(self, blocks: Sequence[Block]) -> float:
        """Room to keep under the canvas for the blocks that follow it in its section."""
        total = 0.0
        for block in blocks:
            if isinstance(block, Paragraph):
                size, colour = PARAGRAPH.get(block.tone, PARAGRAPH["normal"])
                total += self.run(clean(block.text), self.epw, "", size, colour).height + 3
            else:
                total += 12
        return min(total, self.body_height() / 3)

    def drawing(self, drawing: Canvas, reserve: float) -> None:
        top = self.y + 1
        height = max(60.0, self.page_break_trigger - reserve - top - 2)
        sx, sy = self.epw / 10, height / 10
        order = [b for b in LAYOUT if b is not drawing.highlight]
        order += [b for b in LAYOUT if b is drawing.highlight]
        for block in order:
            box: Box = LAYOUT[block]
            x = self.l_margin + box.x0 * sx
            y = top + (10 - box.y1) * sy  # the board counts y upwards, the page downwards
            w = (box.x1 - box.x0) * sx
            h = (box.y1 - box.y0) * sy
            name = drawing.names.get(block, str(block))
            items = drawing.items.get(block, [])
            self.canvas_block(x, y, w, h, name, items, block is drawing.highlight)
        self.set_xy(self.l_margin, top + height + 3)

    def canvas_block(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        name: str,
        items: list[CanvasItem],
        focus: bool,
    ) -> None:
        if focus:
            self.set_fill_color(*FOCUS_FILL)
            self.set_draw_color(*FOCUS_STROKE)
            self.set_line_width(0.8)
        else:
            self.set_fill_color(*WHITE)
            self.set_draw_color(*BLOCK_STROKE)
            self.set_line_width(0.3)
        self.rect(x, y, w, h, style="DF")
        inner = w - 2 * BOARD_PAD
        self.set_font(FAMILY, "B", BOARD_TITLE_PT)
        self.set_text_color(*INK)
        title_line = line_height(BOARD_TITLE_PT, 1.15)
        cursor = y + BOARD_PAD
        for line in self.wrap(clean(name), inner) or [""]:
            self.text(x + BOARD_PAD, cursor + baseline(BOARD_TITLE_PT, title_line), line)
            cursor += title_line
        cursor += 1.2
        if items:
            self.canvas_items(x + BOARD_PAD, cursor, inner, y + h - BOARD_PAD, items)
        self.set_text_color(*INK)

    def canvas_items(
        self, x: float, top: float, width: float, bottom: float, items: list[CanvasItem]
    ) -> None:
        """The items of one block, in the largest size that fits, else cut with "… N more"."""
        texts = [clean(item.text) for item in items]
        size, layout = self.largest_fitting_size(texts, width, bottom - top)
        line = line_height(size, 1.18)
        gap = line_height(size, 0.35)
        marker = size * PT * 0.62
        indent = marker + 1.3
        offset = baseline(size, line)
        cursor = top
        self.set_font(FAMILY, "", size)
        for index, (item, wrapped) in enumerate(zip(items, layout, strict=True)):
            last = index == len(items) - 1
            reserve = 0.0 if last else gap + line  # keep a line for "… and N more"
            shown = wrapped
            cut = cursor + len(wrapped) * line + reserve > bottom + 0.01
            if cut:
                room = int((bottom - cursor - reserve) // line)
                if room < 1 or (room < 2 and len(wrapped) > 1 and not last):
                    self.more(x + indent, cursor, len(items) - index, size)
                    return
                shown = wrapped[:room]
                shown[-1] = self.fit(shown[-1] + " …", width - indent)
            self.set_fill_color(*rgb(item.colour))
            self.rect(x, cursor + offset - size * PT * 0.7, marker, marker, style="F")
            self.set_text_color(*INK)
            self.draw_texts(
                [(x + indent, cursor + k * line + offset, text) for k, text in enumerate(shown)]
            )
            cursor += len(shown) * line + gap
            if cut:
                if not last:
                    self.more(x + indent, cursor - gap, len(items) - index - 1, size)
                return

    def largest_fitting_size(
        self, texts: list[str], width: float, height: float
    ) -> tuple[float, list[list[str]]]:
        """The largest size on the half-point steps from BOARD_ITEM_PT down to BOARD_MIN_PT
        at which ``texts`` fit ``height`` (else the smallest), and their lines at it.

        A smaller size never needs more lines, so the sizes are bisected: a crowded block
        of a large workshop is wrapped three times instead of six.
        """
        steps = round((BOARD_ITEM_PT - BOARD_MIN_PT) / 0.5)
        sizes = [BOARD_ITEM_PT - 0.5 * k for k in range(steps + 1)]
        layouts: dict[float, list[list[str]]] = {}

        def fits(size: float) -> bool:
            layout = layouts[size] = self.lay_out_items(texts, size, width)
            lines = sum(len(item) for item in layout)
            needed = lines * line_height(size, 1.18) + (len(layout) - 1) * line_height(size, 0.35)
            return needed <= height

        low, high = 0, len(sizes) - 1  # the answer is the first size that fits, or the last
        while low < high:
            middle = (low + high) // 2
            if fits(sizes[middle]):
                high = middle
            else:
                low = middle + 1
        size = sizes[low]
        if size not in layouts:
            layouts[size] = self.lay_out_items(texts, size, width)
        return size, layouts[size]

    def lay_out_items(self, texts: list[str], size: float, width: float) -> list[list[str]]:
        self.set_font(FAMILY, "", size)
        indent = size * PT * 0.62 + 1.3
        return [self.wrap(text, width - indent) or [""] for text in texts]

    def more(self, x: float, y: float, count: int, size: float) -> None:
        self.set_font(FAMILY, "I", size)
        self.set_text_color(*MUTED)
        label = clean(t("canvas.item.more", self.lang, n=count))
        line = line_height(size, 1.18)
        self.text(x, y + line_height(size, 0.35) + baseline(size, line), label)
        self.set_text_color(*INK)
