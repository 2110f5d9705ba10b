"""The report as a printable PDF, made in-process with fpdf2 and the PT Sans font.

A4 portrait, with the canvas on a landscape page of its own. The first page carries the
title, the workshop's facts and a contents list with page numbers; every later page has a
footer with the report's footer line and "page n of N". Like the other writers this one
only knows the blocks of ``canvas.export.blocks`` (never a section by name).

PT Sans (ParaType's open font with full Cyrillic) comes from the ``fontpkg-pt-sans``
package, so the PDF looks the same on every machine and never depends on system fonts.
Every text is written as plain text (no markup is interpreted); a character the font has
no glyph for is replaced by a close look-alike (``●`` → ``•``) or by ``?``, so an emoji
in a segment name cannot break the export; when that happens to a visible character, the
title page says so.
"""

import atexit
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import PageOrientation, XPos
from fpdf.fonts import TTFFont
from fpdf.outline import OutlineSection

from canvas.export.blocks import (
    Block,
    Board,
    Bullets,
    Callout,
    Paragraph,
    Report,
    Section,
    Table,
    report_texts,
)
from canvas.i18n import t
from canvas.presenters.canvas_layout import GREY, LAYOUT, BoardItem, Box

# ------------------------------------------------------------------ the font

FONT_PACKAGE = "fontpkg_pt_sans"
FAMILY = "PTSans"
# fpdf2 style → (weight, slant) as the font package's metadata.json names them.
_STYLES: dict[str, tuple[int, str]] = {
    "": (400, "normal"),
    "B": (700, "normal"),
    "I": (400, "italic"),
    "BI": (700, "italic"),
}
# A style the package lacks falls back to the nearest one it has.
_STYLE_FALLBACK = {"B": "", "I": "", "BI": "B"}
_EXTRACTED = ExitStack()  # only used if the package ever ships zipped
atexit.register(_EXTRACTED.close)


def _real_path(item: Traversable) -> Path:
    if isinstance(item, Path):
        return item
    return _EXTRACTED.enter_context(resources.as_file(item))


@cache
def font_files() -> dict[str, Path]:
    """The PT Sans files for the styles "", "B", "I" and "BI", found through the package.

    The package lists its files in ``metadata.json`` (path, style, weight); the paths are
    resolved with ``importlib.resources``, so it works wherever the package is installed.
    """
    try:
        root = resources.files(FONT_PACKAGE)
        meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise RuntimeError(
            f"The PDF export needs the PT Sans font package: pip install fontpkg-pt-sans ({error})"
        ) from error
    found: dict[str, Path] = {}
    for style, (weight, slant) in _STYLES.items():
        for entry in meta.get("files", []):
            if (
                entry.get("style") == slant
                and entry.get("weight") == weight
                and not entry.get("variable")
                and str(entry.get("path", "")).lower().endswith(".ttf")
            ):
                path = _real_path(root / entry["path"])
                if path.is_file():
                    found[style] = path
                    break
    if "" not in found:
        raise RuntimeError(f"{FONT_PACKAGE} has no regular PT Sans .ttf file")
    for style in ("B", "I", "BI"):
        if style not in found:
            fallback = _STYLE_FALLBACK[style]
            found[style] = found.get(fallback) or found[""]
    return found


@cache
def _coverage() -> frozenset[int]:
    """The code points every one of the four styles has a glyph for (read once, by fpdf2)."""
    probe = FPDF()
    covered: frozenset[int] | None = None
    for style, path in font_files().items():
        probe.add_font(FAMILY, style, path)
        font = probe.fonts[f"{FAMILY.lower()}{style}"]
        codes = frozenset(font.cmap) if isinstance(font, TTFFont) else frozenset()
        covered = codes if covered is None else covered & codes
    return covered or frozenset()


# Look-alikes for symbols the report uses that PT Sans lacks.
_SUBSTITUTES = {
    "●": "•",
    "◉": "•",
    "■": "•",
    "▪": "•",
    "⚠": "!",
    "→": "›",
    "⟶": "›",
    "←": "‹",
    "✓": "√",
    "✔": "√",
    "✗": "×",
    "✘": "×",
    "\u2009": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u202f": "\u00a0",
    "\u2007": "\u00a0",
    "\t": "    ",
    # Drawn line by line, a soft hyphen or a zero-width space would only get in the way.
    "\u00ad": "",
    "\u200b": "",
    "\ufeff": "",
}
MISSING = "?"


# Marks that only pick a look for the character before them (emoji or text style, skin tone).
_VARIANTS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef\U0001f3fb-\U0001f3ff]")


class _Glyphs(dict[int, str]):
    """A ``str.translate`` table that decides once per character what the font can show.

    ``lost`` holds the visible characters it could not keep: drawn as "?" or left out.
    """

    def __init__(self) -> None:
        super().__init__()
        self.lost: set[int] = set()

    def __missing__(self, code: int) -> str:
        value, lost = _glyph_for(chr(code))
        self[code] = value
        if lost:
            self.lost.add(code)
        return value


def _glyph_for(ch: str) -> tuple[str, bool]:
    """What to draw for ``ch``, and whether a visible character is lost doing so."""
    covered = _coverage()
    substitute = _SUBSTITUTES.get(ch)
    if substitute is not None and all(ord(c) in covered for c in substitute):
        return substitute, False
    if ch == "\n" or ord(ch) in covered:
        return ch, False
    category = unicodedata.category(ch)
    # Zero-width joiners, direction marks, variation selectors, skin-tone modifiers and
    # control characters carry no text of their own; a combining mark does, if only a little.
    if category in {"Cc", "Cf"} or _VARIANTS.fullmatch(ch):
        return "", False
    if category in {"Mn", "Me"}:
        return "", True
    if category.startswith("Z"):
        return " ", False
    # Full-width letters, circled digits, ligatures: their plain compatibility form.
    folded = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if folded and folded != ch and all(ord(c) in covered for c in folded):
        return folded, False
    return MISSING, True


_GLYPHS = _Glyphs()


def _normal(text: object) -> str:
    value = str(text)
    if value.isascii():
        return value.replace("\r\n", "\n")
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n"))


def clean(text: object) -> str:
    """``text`` with every character the font cannot draw replaced; newlines are kept."""
    return _normal(text).translate(_GLYPHS)


def loses_characters(text: object) -> bool:
    """Whether ``clean`` shows some visible character of ``text`` as "?" or leaves it out."""
    value = _normal(text)
    if value.isascii():  # the font has every printable ASCII character
        return False
    value.translate(_GLYPHS)  # decides every character once
    return not _GLYPHS.lost.isdisjoint(map(ord, value))


# ------------------------------------------------------------------ look

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
BOARD_MIN_PT = 5.5
BOARD_PAD = 2.2

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_NUMERIC = re.compile(r"[-+−]?[\d\s\u00a0\u202f.,:+\-−%$€₽£¥×]*\d[\d\s\u00a0\u202f.,:%$€₽£¥]*")
_PAIR = re.compile(r"\d\s*[→›]\s*\d")
_SYMBOL = re.compile(r"[—–✓√✗×?-]")

Colour = tuple[int, int, int]


def rgb(value: str | None, default: str = GREY) -> Colour:
    """A ``#RRGGBB`` colour as a tuple; anything else becomes ``default``."""
    colour = value if value and _COLOUR.fullmatch(value) else default
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _line_height(size_pt: float, factor: float = LINE_FACTOR) -> float:
    return size_pt * PT * factor


def _baseline(size_pt: float, line_height: float) -> float:
    """Where the baseline sits below the top of a line of ``line_height``."""
    return (line_height - size_pt * PT) / 2 + size_pt * PT * 0.8


def _column_align(values: Iterable[str]) -> str:
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
class _Run:
    """Lines of one style, ready to draw: part of a callout, a paragraph or a cell."""

    style: str
    size: float
    colour: Colour
    lines: list[str]
    line_height: float
    gap_before: float = 0.0

    @property
    def height(self) -> float:
        return self.gap_before + len(self.lines) * self.line_height


@dataclass(frozen=True)
class _TableLayout:
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


# ------------------------------------------------------------------ the document


class _Document(FPDF):
    """An A4 document with the report's footer on every page after the first.

    Text is wrapped here (word widths cached per style) and drawn line by line, which
    is many times faster than fpdf2's general-purpose ``multi_cell``/``table`` for the
    thousands of short cells a large workshop produces.
    """

    def __init__(self, report: Report) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        self.footer_text = clean(report.footer)
        # The total-pages alias is only switched on while a footer is drawn, so a
        # "{nb}" typed into a segment name stays text.
        self.alias_nb_pages(PAGES_ALIAS, align="L")
        self.str_alias_nb_pages = ""
        self.orientation_after: tuple[int, str] | None = None
        self.contents_first = 0
        self.contents_per_page = 1
        self.word_widths: dict[tuple[str, str], float] = {}
        self.wrapped: dict[tuple[str, float, float, str], list[str]] = {}
        self.layouts: dict[int, _TableLayout] = {}
        self.set_margins(MARGIN, TOP, MARGIN)
        self.c_margin = 0  # text starts at the margin, like the tables and the boxes
        self.set_auto_page_break(True, BOTTOM)
        for style, path in font_files().items():
            self.add_font(FAMILY, style, path)
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
        super().add_page(*args, **kwargs)

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

    def orientation(self) -> str:
        return "L" if self.cur_orientation is PageOrientation.LANDSCAPE else "P"

    def fresh(self) -> bool:
        """Nothing has been written on the current page yet."""
        return self.page > 0 and abs(self.y - self.t_margin) < 0.01

    def body_height(self) -> float:
        return self.page_break_trigger - self.t_margin

    def room(self) -> float:
        return self.page_break_trigger - self.y

    def next_page(self) -> None:
        """Continue on a new page of the same orientation."""
        self.add_page(same=True)

    # -------------------------------------------------------------- measuring text

    def width_of(self, word: str) -> float:
        """The width of ``word`` in the current font and size (cached per style)."""
        key = (self.font_style, word)
        unit = self.word_widths.get(key)
        if unit is None:
            unit = self.get_string_width(word) / self.font_size_pt
            self.word_widths[key] = unit
        return unit * self.font_size_pt

    def wrap(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines no wider than ``width`` in the current font.

        Breaks at spaces only (a no-break space holds "3 000 ₽" together); a word wider
        than the line is cut where it has to be. The result is shared: do not change it.
        """
        key = (self.font_style, self.font_size_pt, width, text)
        known = self.wrapped.get(key)
        if known is not None:
            return known
        lines: list[str] = []
        space = self.width_of(" ")
        for paragraph in text.split("\n"):
            line, used = "", 0.0
            for word in paragraph.split(" "):
                if not word:
                    continue
                size = self.width_of(word)
                if line and used + space + size <= width:
                    line, used = f"{line} {word}", used + space + size
                    continue
                if line:
                    lines.append(line)
                line, used = "", 0.0
                if size <= width:
                    line, used = word, size
                    continue
                for ch in word:
                    w = self.width_of(ch)
                    if line and used + w > width:
                        lines.append(line)
                        line, used = "", 0.0
                    line, used = line + ch, used + w
            if line:
                lines.append(line)
        self.wrapped[key] = lines
        return lines

    def fit(self, text: str, width: float) -> str:
        """``text`` on one line, cut with "…" if it is wider than ``width``."""
        text = " ".join(text.split())
        if self.width_of(text) <= width:
            return text
        limit = width - self.width_of("…")
        cut, used = "", 0.0
        for ch in text:
            w = self.width_of(ch)
            if used + w > limit:
                break
            cut, used = cut + ch, used + w
        return cut.rstrip() + "…"

    def run(
        self, text: str, width: float, style: str, size: float, colour: Colour, gap: float = 0.0
    ) -> _Run:
        self.set_font(FAMILY, style, size)
        return _Run(style, size, colour, self.wrap(text, width), _line_height(size), gap)

    def draw_runs(self, runs: Sequence[_Run], x: float) -> None:
        """Draw ``runs`` from the current y down, breaking pages between lines."""
        for run in runs:
            self.set_font(FAMILY, run.style, run.size)
            self.set_text_color(*run.colour)
            self.set_y(self.y + run.gap_before)
            offset = _baseline(run.size, run.line_height)
            for line in run.lines:
                if self.y + run.line_height > self.page_break_trigger:
                    self.next_page()
                    self.set_font(FAMILY, run.style, run.size)
                    self.set_text_color(*run.colour)
                self.text(x, self.y + offset, line)
                self.set_y(self.y + run.line_height)
        self.set_text_color(*INK)

    # -------------------------------------------------------------- the title page

    def title_page(self, sections: Sequence[Section]) -> None:
        report = self.report
        self.add_page(orientation="P")
        self.set_fill_color(*ACCENT)
        self.rect(0, 0, self.w, 9, style="F")
        self.set_y(44)
        self.set_font(FAMILY, "B", 26)
        self.set_text_color(*INK)
        self.multi_cell(
            0, _line_height(26, 1.18), clean(report.title), align="L", new_x=XPos.LMARGIN
        )
        self.ln(2)
        self.set_font(FAMILY, "", 13)
        self.set_text_color(*MUTED)
        subtitle = clean(t("report.subtitle", report.lang))
        self.multi_cell(0, _line_height(13), subtitle, align="L", new_x=XPos.LMARGIN)
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
        line = _line_height(10.5)
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
        self.cell(0, _line_height(13), clean(t("report.contents", self.report.lang)))
        self.ln(_line_height(13) + 2)
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
                    baseline = y + _baseline(self.ENTRY_PT, self.ENTRY_H)
                    self.line(leader_start, baseline, leader_end, baseline)
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
        self.heading(section.title)
        for index, block in enumerate(section.blocks):
            self.block(block, section.blocks[index + 1 :])

    def heading(self, title: str) -> None:
        text = clean(title)
        self.start_section(" ".join(text.split()) or "—")
        self.set_font(FAMILY, "B", 15)
        self.set_text_color(*INK)
        self.multi_cell(0, _line_height(15, 1.2), text, align="L", new_x=XPos.LMARGIN)
        self.ln(1.2)
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.5)
        self.line(self.l_margin, self.y, self.w - self.r_margin, self.y)
        self.ln(3.5)

    def section_height(self, section: Section) -> float:
        """About how tall ``section`` will be, heading included."""
        self.set_font(FAMILY, "B", 15)
        lines = self.wrap(clean(section.title), self.epw) or [""]
        return (
            len(lines) * _line_height(15, 1.2) + 4.7 + sum(map(self.block_height, section.blocks))
        )

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
            self.board(block, reserve=self.reserve_for(rest))

    # -------------------------------------------------------------- text blocks

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
            self.text(self.l_margin + 1.2, self.y + _baseline(size, run.line_height), "•")
            self.draw_runs([run], self.l_margin + indent)
            self.ln(1.0)
        self.ln(1.5)

    # Less padding under a callout's text than over it: a line's leading leaves room.
    CALLOUT_PAD, CALLOUT_PAD_BOTTOM, CALLOUT_BAR = 3.0, 2.0, 1.6

    def callout_runs(self, block: Callout) -> list[_Run]:
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

    def split_runs(self, runs: Sequence[_Run], pad: float) -> list[list[_Run]]:
        """``runs`` laid out page by page (from the current y), so each page's part of a
        long callout gets a box of its own."""
        pages: list[list[tuple[_Run, str, float]]] = [[]]
        used, limit = pad, self.room()
        for run in runs:
            for k, line in enumerate(run.lines):
                gap = run.gap_before if k == 0 else 0.0
                if pages[-1] and used + gap + run.line_height + pad > limit:
                    pages.append([])
                    used, limit, gap = pad, self.body_height(), 0.0
                pages[-1].append((run, line, gap))
                used += gap + run.line_height
        pieces: list[list[_Run]] = []
        for page in pages:
            piece: list[_Run] = []
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

    # -------------------------------------------------------------- tables

    def column_widths(
        self, block: Table, header: list[str], rows: list[list[str]], room: float, size: float
    ) -> list[float]:
        """The given relative widths (or, without them, the widths the texts would like)
        scaled to ``room``, widened where a word would not fit."""
        columns = len(header)
        self.set_font(FAMILY, "B", size)
        need = [max((self.width_of(w) for w in h.split()), default=0.0) for h in header]
        self.set_font(FAMILY, "", size)
        natural = list(need)
        for row in rows:
            for column, text in enumerate(row):
                for word in text.split():
                    need[column] = max(need[column], self.width_of(word))
                for part in text.split("\n"):
                    natural[column] = max(natural[column], self.width_of(part))
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

    def lay_out_table(self, block: Table) -> _TableLayout | None:
        known = self.layouts.get(id(block))
        if known is not None:
            return known
        columns = max([len(block.header), *(len(row) for row in block.rows)])
        if columns == 0:
            return None
        header = [clean(h) for h in block.header] + [""] * (columns - len(block.header))
        rows = [[clean(c) for c in row] + [""] * (columns - len(row)) for row in block.rows]
        size = 8.5 if columns <= 6 else 8.0
        line = _line_height(size, 1.25)
        x0 = self.l_margin + (MARK_WIDTH if block.marks is not None else 0.0)
        widths = self.column_widths(block, header, rows, self.epw - (x0 - self.l_margin), size)
        inner = [w - 2 * CELL_PAD_X for w in widths]
        aligns = [_column_align(row[c] for row in rows) for c in range(columns)]

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
        layout = _TableLayout(x0, widths, aligns, size, line, head, head_height, body)
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
        layout: _TableLayout,
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
        offset = _baseline(size, line)
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
                self.text(tx, y + k * line + offset, text)
            x += width
        if header:
            self.set_draw_color(*RULE)
            self.set_line_width(0.35)
            self.line(left, top, right, top)
        else:
            self.set_draw_color(*LINE)
            self.set_line_width(0.2)
        self.line(left, top + height, right, top + height)
        self.set_y(top + height)

    # -------------------------------------------------------------- the canvas

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

    def board(self, board: Board, reserve: float) -> None:
        top = self.y + 1
        height = max(60.0, self.page_break_trigger - reserve - top - 2)
        sx, sy = self.epw / 10, height / 10
        order = [b for b in LAYOUT if b is not board.highlight]
        order += [b for b in LAYOUT if b is board.highlight]
        for block in order:
            box: Box = LAYOUT[block]
            x = self.l_margin + box.x0 * sx
            y = top + (10 - box.y1) * sy  # the board counts y upwards, the page downwards
            w = (box.x1 - box.x0) * sx
            h = (box.y1 - box.y0) * sy
            name = board.names.get(block, str(block))
            items = board.items.get(block, [])
            self.board_block(x, y, w, h, name, items, block is board.highlight)
        self.set_xy(self.l_margin, top + height + 3)

    def board_block(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        name: str,
        items: list[BoardItem],
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
        title_line = _line_height(BOARD_TITLE_PT, 1.15)
        cursor = y + BOARD_PAD
        for line in self.wrap(clean(name), inner) or [""]:
            self.text(x + BOARD_PAD, cursor + _baseline(BOARD_TITLE_PT, title_line), line)
            cursor += title_line
        cursor += 1.2
        if items:
            self.board_items(x + BOARD_PAD, cursor, inner, y + h - BOARD_PAD, items)
        self.set_text_color(*INK)

    def board_items(
        self, x: float, top: float, width: float, bottom: float, items: list[BoardItem]
    ) -> None:
        """The items of one block, in the largest size that fits, else cut with "… N more"."""
        texts = [clean(item.text) for item in items]
        size = BOARD_ITEM_PT
        while True:
            layout = self.lay_out_items(texts, size, width)
            lines = sum(len(item) for item in layout)
            needed = lines * _line_height(size, 1.18) + (len(layout) - 1) * _line_height(size, 0.35)
            if needed <= bottom - top or size <= BOARD_MIN_PT:
                break
            size = max(BOARD_MIN_PT, size - 0.5)
        line = _line_height(size, 1.18)
        gap = _line_height(size, 0.35)
        marker = size * PT * 0.62
        indent = marker + 1.3
        offset = _baseline(size, line)
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
            for k, text in enumerate(shown):
                self.text(x + indent, cursor + k * line + offset, text)
            cursor += len(shown) * line + gap
            if cut:
                if not last:
                    self.more(x + indent, cursor - gap, len(items) - index - 1, size)
                return

    def lay_out_items(self, texts: list[str], size: float, width: float) -> list[list[str]]:
        self.set_font(FAMILY, "", size)
        indent = size * PT * 0.62 + 1.3
        return [self.wrap(text, width - indent) or [""] for text in texts]

    def more(self, x: float, y: float, count: int, size: float) -> None:
        self.set_font(FAMILY, "I", size)
        self.set_text_color(*MUTED)
        label = clean(t("canvas.board.more", self.report.lang, n=count))
        line = _line_height(size, 1.18)
        self.text(x, y + _line_height(size, 0.35) + _baseline(size, line), label)
        self.set_text_color(*INK)


def _orientation(section: Section) -> str:
    """Landscape for a section that draws the canvas, portrait for everything else."""
    return "L" if any(isinstance(block, Board) for block in section.blocks) else "P"


def _render_contents(pdf: FPDF, outline: list[OutlineSection]) -> None:
    assert isinstance(pdf, _Document)
    pdf.contents(outline)


def render_pdf(report: Report) -> bytes:
    """The whole report as a PDF file."""
    pdf = _Document(report)
    sections = list(report.sections)
    pdf.title_page(sections)
    previous: Section | None = None
    for section in sections:
        pdf.section(section, previous)
        previous = section
    # Closing the document draws the last footer and the contents, then puts the total
    # number of pages in place of the alias.
    with pdf.total_pages(PAGES_ALIAS):
        return bytes(pdf.output())
