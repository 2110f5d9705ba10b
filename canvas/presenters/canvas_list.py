"""The canvas as a list of blocks, for a phone and the trainer's side-by-side comparison,
where the nine-block drawing is too narrow to read.

The same blocks, items and order as the drawing (``canvas_layout``); each item keeps its
segment's colour as one of the few colours a page may name in text, and its segment's
name in words, so colour is never the only cue.
"""

import colorsys
from dataclasses import dataclass

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, Language, WorkshopView
from canvas.presenters.canvas_layout import LAYOUT, canvas_items, layer_items

# Streamlit's named text colours (``:blue[…]``) by the hue, in degrees, where each begins.
HUES: tuple[tuple[float, str], ...] = (
    (0, "red"),
    (30, "orange"),
    (50, "yellow"),
    (70, "green"),
    (170, "blue"),
    (260, "violet"),
    (330, "red"),
)
LAYER_MARKER = "◆"  # as on the drawing: the loyalty-and-touchpoints layer
ITEM_MARKER = "■"


def named_colour(colour: str) -> str:
    """The named colour of ``#RRGGBB``'s hue; ``gray`` for a grey or anything else."""
    text = colour.removeprefix("#")
    try:
        red, green, blue = (int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return "gray"
    if len(text) != 6:
        return "gray"
    hue, _, saturation = colorsys.rgb_to_hls(red, green, blue)
    if saturation < 0.2 or max(red, green, blue) - min(red, green, blue) < 0.1:
        return "gray"
    degrees = hue * 360
    return [name for start, name in HUES if degrees >= start][-1]


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
