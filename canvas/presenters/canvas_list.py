"""The canvas as a list of blocks, for a phone and the trainer's side-by-side comparison,
where the nine-block drawing is too narrow to read.

The same blocks, items and order as the drawing (``canvas_layout``); each item keeps its
segment's colour as one of the few colours a page may name in text, and its segment's
name in words, so colour is never the only cue.
"""

from dataclasses import dataclass

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, Language, WorkshopView
from canvas.presenters.canvas_layout import LAYOUT, canvas_items, layer_items

# Streamlit's named text colours (``:blue[…]``) and roughly how they look.
NAMED_COLOURS: dict[str, tuple[int, int, int]] = {
    "red": (0xFF, 0x4B, 0x4B),
    "orange": (0xFF, 0xA4, 0x21),
    "yellow": (0xFF, 0xE3, 0x12),
    "green": (0x21, 0xC3, 0x54),
    "blue": (0x1C, 0x83, 0xE1),
    "violet": (0x80, 0x3D, 0xF5),
    "gray": (0x80, 0x84, 0x95),
}
LAYER_MARKER = "◆"  # as on the drawing: the loyalty-and-touchpoints layer
ITEM_MARKER = "■"


def named_colour(colour: str) -> str:
    """The named colour nearest to ``#RRGGBB`` (``gray`` for anything else)."""
    text = colour.removeprefix("#")
    try:
        rgb = tuple(int(text[i : i + 2], 16) for i in (0, 2, 4)) if len(text) == 6 else None
    except ValueError:
        rgb = None
    if rgb is None:
        return "gray"
    # A greyish colour (channels within 24 of each other) reads as grey whatever its hue.
    if max(rgb) - min(rgb) < 24:
        return "gray"
    return min(
        NAMED_COLOURS,
        key=lambda name: sum((a - b) ** 2 for a, b in zip(rgb, NAMED_COLOURS[name], strict=True)),
    )


@dataclass(frozen=True)
class ListItem:
    """One line of a block: its marker, the marker's named colour, segment and text."""

    marker: str
    colour: str
    segment: str
    text: str


@dataclass(frozen=True)
class ListBlock:
    """A block of the canvas with its name and items, in the drawing's order."""

    block: CanvasBlock
    name: str
    items: tuple[ListItem, ...]
    focus: bool


def list_blocks(
    view: WorkshopView, lang: Language | str, *, layer: bool = False
) -> list[ListBlock]:
    """Every block of the canvas in its standard order (partners first, revenues last)."""
    cat = catalogue()
    items = canvas_items(view, lang)
    extra = layer_items(view, lang) if layer else {}
    blocks = []
    for block in LAYOUT:
        marked = [(LAYER_MARKER, item) for item in extra.get(block, [])]
        marked += [(ITEM_MARKER, item) for item in items.get(block, [])]
        lines = tuple(
            ListItem(marker, named_colour(item.colour), item.segment, item.text)
            for marker, item in marked
        )
        focus = block is CanvasBlock.CUSTOMER_RELATIONSHIPS
        blocks.append(ListBlock(block, cat.block(block).name(lang), lines, focus))
    return blocks
