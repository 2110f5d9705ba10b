"""The slides' look: 16:9 geometry, font, colours, and text boxes that never overflow.

python-pptx cannot measure text, so every box is filled by estimate: a character of the
body font takes about ``CHAR_EM`` of its size in width (Cyrillic a little more), a line
``LINE_EM`` of it in height. Builders ask ``lines_needed`` how tall a text will be and
cut or split lists before they reach the edge.
"""

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)  # 16:9, as PowerPoint makes it
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(0.9)
BODY_TOP = Inches(1.35)
BODY_HEIGHT = HEIGHT - BODY_TOP - Inches(0.4)
BODY_WIDTH = WIDTH - 2 * MARGIN
FONT = "Arial"  # on every PowerPoint; LibreOffice draws it as Liberation Sans
TITLE_SIZE, BODY_SIZE, SMALL_SIZE = 32, 20, 12
INK, MUTED, ACCENT = "#222222", "#666666", "#B8860B"
CHAR_EM = 0.52  # average width of a character of Arial (Cyrillic included), in ems
LINE_EM = 1.25  # line height, in ems
INSET = Inches(0.1)  # python-pptx's default left/right inset of a text frame


def rgb(colour: str) -> RGBColor:
    """``#RRGGBB`` as python-pptx's colour."""
    return RGBColor.from_string(colour.removeprefix("#").upper())


def chars_per_line(width: int, size: float) -> int:
    """How many characters of ``size`` pt fit across ``width`` EMU of a text frame."""
    usable = Emu(width - 2 * INSET).pt
    return max(8, int(usable / (size * CHAR_EM)))


def wrap(text: str, width: int, size: float) -> list[str]:
    """``text`` broken into the lines a box of ``width`` EMU shows at ``size`` pt."""
    per_line = chars_per_line(width, size)
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, per_line, break_long_words=True) or [""]
    return lines


def lines_needed(texts: Sequence[str], width: int, size: float) -> int:
    return sum(len(wrap(text, width, size)) for text in texts)


def lines_fitting(height: int, size: float) -> int:
    """How many lines of ``size`` pt fit into ``height`` EMU (less the frame's insets)."""
    return max(1, math.floor((Emu(height).pt - 7.2) / (size * LINE_EM)))


@dataclass(frozen=True)
class Line:
    """One paragraph of a text box: its text, size and look."""

    text: str
    size: float = BODY_SIZE
    bold: bool = False
    colour: str = INK
    bullet: str = ""  # a marker drawn before the text ("•", "■", "1.")
    marker_colour: str | None = None  # the marker's own colour (a segment's)


def text_box(
    slide: Slide,
    left: int,
    top: int,
    width: int,
    height: int,
    lines: Sequence[Line],
    *,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    align: PP_ALIGN = PP_ALIGN.LEFT,
    name: str | None = None,
) -> None:
    """A text box holding ``lines``, one paragraph each, wrapped inside its width."""
    shape = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    if name:
        shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = align
        if line.bullet:
            marker = paragraph.add_run()
            marker.text = f"{line.bullet} "
            _style(marker.font, line.size, False, line.marker_colour or line.colour)
        run = paragraph.add_run()
        run.text = line.text
        _style(run.font, line.size, line.bold, line.colour)


def _style(font, size: float, bold: bool, colour: str) -> None:
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = rgb(colour)


def title(slide: Slide, text: str) -> None:
    """The slide's heading, one or two lines, smaller when it is long."""
    size = TITLE_SIZE
    while size > 20 and lines_needed([text], BODY_WIDTH, size) > 2:
        size -= 2
    lines = wrap(text, BODY_WIDTH, size)
    shown = text if len(lines) <= 2 else " ".join(lines[:2])[:-1] + "…"
    box = [Line(shown, size, bold=True)]
    text_box(
        slide,
        MARGIN,
        TITLE_TOP,
        BODY_WIDTH,
        TITLE_HEIGHT,
        box,
        anchor=MSO_ANCHOR.MIDDLE,
        name="Title",
    )


def fitted_size(texts: Sequence[str], width: int, height: int, sizes: Sequence[float]) -> float:
    """The largest of ``sizes`` at which ``texts`` fit the box, else the smallest."""
    for size in sizes:
        if lines_needed(texts, width, size) <= lines_fitting(height, size):
            return size
    return sizes[-1]


def points_needed(lines: Sequence["Line"], width: int) -> float:
    """How tall ``lines`` stand in a box of ``width`` EMU, in points, each at its size."""
    return sum(
        len(wrap(f"{line.bullet} {line.text}" if line.bullet else line.text, width, line.size))
        * line.size
        * LINE_EM
        for line in lines
    )


def pages(entries: Sequence[Sequence["Line"]], width: int, height: int) -> list[list[int]]:
    """Indexes of ``entries`` (each a few lines kept together) grouped into boxes of
    ``height``: a long list spreads over several slides instead of running off one. No
    entry is cut; each starts a box when the one before is full."""
    room = Emu(height).pt - 7.2  # less the frame's top and bottom insets
    groups: list[list[int]] = [[]]
    used = 0.0
    for index, entry in enumerate(entries):
        need = points_needed(entry, width)
        if groups[-1] and used + need > room:
            groups.append([])
            used = 0.0
        groups[-1].append(index)
        used += need
    return groups
