"""The PDF's look: its colours, margins and type sizes, in one place.

Lengths are in millimetres, type sizes in points (``PT`` converts).
"""

import re
from functools import lru_cache

from canvas.presenters.canvas_layout import GREY

PT = 25.4 / 72  # millimetres per point
INK = (31, 35, 40)
MUTED = (91, 101, 112)
LINE = (211, 217, 223)
RULE = (150, 158, 166)
HEAD = (238, 241, 244)
ACCENT = (31, 78, 121)
FOCUS_FILL = (255, 244, 204)
FOCUS_STROKE = (184, 134, 11)
BLOCK_STROKE = (120, 128, 136)
WHITE = (255, 255, 255)
CALLOUT = {
    "high": ((198, 40, 40), (255, 245, 244)),
    "medium": ((230, 159, 0), (255, 250, 240)),
}
PARAGRAPH = {"normal": (10.0, INK), "muted": (8.5, MUTED), "lead": (12.0, INK)}

PAGES_ALIAS = "{nb}"
MARGIN = 16.0
TOP = 16.0
BOTTOM = 19.0  # room for the footer
LINE_FACTOR = 1.3  # line height / font size
MARK_WIDTH = 3.2  # the colour strip of a marked table row, mm
CELL_PAD_X = 1.5
CELL_PAD_Y = 1.2

BOARD_TITLE_PT = 8.5
BOARD_ITEM_PT = 8.0
BOARD_MIN_PT = 6.5  # below this a printed canvas is hard to read: the rest is "… and N more"
BOARD_PAD = 2.2

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")

Colour = tuple[int, int, int]


@lru_cache(maxsize=1024)  # a large table asks for the same few colours thousands of times
def rgb(value: str | None, default: str = GREY) -> Colour:
    """A ``#RRGGBB`` colour as a tuple; anything else becomes ``default``."""
    colour = value if value and _COLOUR.fullmatch(value) else default
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def line_height(size_pt: float, factor: float = LINE_FACTOR) -> float:
    return size_pt * PT * factor


def baseline(size_pt: float, height: float) -> float:
    """Where the baseline sits below the top of a line ``height`` tall."""
    return (height - size_pt * PT) / 2 + size_pt * PT * 0.8
