"""The Business Model Canvas as editable shapes: nine rectangles in the standard layout
(``canvas.presenters.canvas_layout.LAYOUT``), each with its block's name and items, the
items' markers in their segment's colour, and the licence line underneath.

Each block is one rectangle whose own text frame holds the text, so a trainer moves or
resizes a block and its words go with it. What does not fit a block is counted in a last
line ("… and 3 more"), as on the screen.
"""

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, Language, WorkshopView
from canvas.export.pptx.look import (
    BODY_TOP,
    FONT,
    INK,
    MARGIN,
    MUTED,
    WIDTH,
    Line,
    lines_fitting,
    rgb,
    text_box,
    wrap,
)
from canvas.i18n import t
from canvas.presenters.canvas_layout import LAYOUT, CanvasItem, canvas_items

BOARD_LEFT, BOARD_TOP = MARGIN, BODY_TOP - Inches(0.15)
BOARD_WIDTH, BOARD_HEIGHT = WIDTH - 2 * MARGIN, Inches(5.6)
HEADING_SIZE, ITEM_SIZE = 11, 9
FOCUS_LINE, FOCUS_FILL, LINE = "#B8860B", "#FFF4CC", "#444444"
MARKER = "■"


def block_name(block: CanvasBlock) -> str:
    """The shape name of a block's rectangle: stable across languages, for tests and
    for a trainer's own macros."""
    return f"Canvas block: {block.value}"


def _place(block: CanvasBlock) -> tuple[int, int, int, int]:
    """The block's box on the slide (the layout's y runs upwards, the slide's down)."""
    box = LAYOUT[block]
    unit_x, unit_y = BOARD_WIDTH / 10, BOARD_HEIGHT / 10
    left = BOARD_LEFT + round(box.x0 * unit_x)
    top = BOARD_TOP + round((10 - box.y1) * unit_y)
    return left, top, round((box.x1 - box.x0) * unit_x), round((box.y1 - box.y0) * unit_y)


def fitting_items(
    heading: str, items: list[CanvasItem], width: int, height: int
) -> tuple[list[CanvasItem], int]:
    """The items that fit under ``heading`` in a box of ``width`` × ``height``, and how
    many are left out. A room for the "… and N more" line is kept when any are."""
    room = lines_fitting(height, ITEM_SIZE)
    # the heading's lines are taller: count them in item lines, rounded up
    room -= -(-len(wrap(heading, width, HEADING_SIZE)) * HEADING_SIZE // ITEM_SIZE)
    shown: list[CanvasItem] = []
    used = 0
    for index, item in enumerate(items):
        need = len(wrap(f"{MARKER} {item.text}", width, ITEM_SIZE))
        rest = len(items) - index - 1
        if used + need + (1 if rest else 0) > room:
            return shown, len(items) - index
        shown.append(item)
        used += need
    return shown, 0


def draw_canvas(slide: Slide, view: WorkshopView, lang: Language | str) -> None:
    """The nine blocks with their items, and the credit line under the board."""
    cat = catalogue()
    items = canvas_items(view, lang)
    for block in CanvasBlock:
        left, top, width, height = _place(block)
        focus = block is CanvasBlock.CUSTOMER_RELATIONSHIPS
        shape = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Emu(left), Emu(top), Emu(width), Emu(height)
        )
        shape.name = block_name(block)
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(FOCUS_FILL if focus else "#FFFFFF")
        shape.line.color.rgb = rgb(FOCUS_LINE if focus else LINE)
        shape.line.width = Pt(2.5 if focus else 0.75)
        shape.shadow.inherit = False
        frame = shape.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.TOP
        frame.margin_left = frame.margin_right = Inches(0.06)
        frame.margin_top = frame.margin_bottom = Inches(0.04)
        heading = cat.block(block).name(lang)
        shown, left_out = fitting_items(heading, items[block], width, height)
        _paragraph(frame.paragraphs[0], [(heading, INK)], HEADING_SIZE, bold=True)
        for item in shown:
            text = darker(item.colour)  # the segment's colour, dark enough to read at 9 pt
            _paragraph(frame.add_paragraph(), [(f"{MARKER} ", item.colour), (item.text, text)])
        if left_out:
            more = t("canvas.item.more", lang, n=left_out)
            _paragraph(frame.add_paragraph(), [(more, MUTED)])
    credit = [Line(cat.credit(lang), 10, colour=MUTED)]
    below = BOARD_TOP + BOARD_HEIGHT + Inches(0.05)
    text_box(slide, BOARD_LEFT, below, BOARD_WIDTH, Inches(0.35), credit, name="Credit")


def darker(colour: str, share: float = 0.4) -> str:
    """``colour`` mixed with ``share`` of black: yellow and sky blue stay legible as text."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * (1 - share)):02X}" for c in channels)


def _paragraph(
    paragraph, runs: list[tuple[str, str]], size: float = ITEM_SIZE, *, bold: bool = False
) -> None:
    for text, colour in runs:
        run = paragraph.add_run()
        run.text = text
        run.font.name = FONT
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = rgb(colour)
