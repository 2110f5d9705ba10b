"""Page geometry and text layout for the PDF: measuring, wrapping and drawing lines.

Text is wrapped here (word widths cached per style) and drawn line by line with
``FPDF.text``, which is many times faster than fpdf2's general-purpose
``multi_cell``/``table`` for the thousands of short cells a large workshop produces.
``FPDF.text`` knows no fallback fonts, so a line with a symbol PT Sans lacks is written
here, switching to the symbol font for that run and back.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from fpdf import FPDF
from fpdf.enums import PageOrientation, PDFResourceType, TextMode
from fpdf.fonts import TTFFont

from canvas.export.pdf.fonts import FAMILY, symbol_font_file, symbols_needed
from canvas.export.pdf.look import INK, Colour, baseline, line_height


@dataclass(frozen=True)
class Run:
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


class Page(FPDF):
    """An A4 FPDF that knows its page geometry and wraps and draws plain text lines."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.word_widths: dict[tuple[str, str], float] = {}
        self.wrapped: dict[tuple[str, float, float, str], list[str]] = {}
        # (font, text) → its glyph operators and the symbol fonts they switch to
        self.encoded: dict[tuple[int, str], tuple[str, tuple[int, ...]]] = {}
        self.font_chars: dict[int, frozenset[str]] = {}
        self.symbol_fonts: list[str] = []  # the fallback fonts' families, as added
        self.symbol_of: dict[str, str] = {}  # a symbol → the fontkey of the font that has it
        self.symbol_ids: list[str] = []  # their fontkeys, for fpdf2's fallback fonts

    # -------------------------------------------------------------- symbol fonts

    def use_symbols(self, texts: Iterable[str]) -> None:
        """Add the symbols ``texts`` need (and no font added has yet) as a fallback font.

        Each addition is a font of its own holding just those symbols (from both symbol
        fonts), so only a report with symbols embeds a symbol font, and only the glyphs
        it uses; a report adds all of its symbols at once, before it writes.
        """
        chars = set().union(*(text for text in texts if text))
        chars.difference_update(self.symbol_of)
        needed = symbols_needed(chars)
        if not needed:
            return
        name = f"Symbols{len(self.symbol_fonts) + 1}"
        pieces = tuple((family, frozenset(new)) for family, new in needed.items())
        self.add_font(name, "", symbol_font_file(pieces))
        self.symbol_fonts.append(name)
        for new in needed.values():
            self.symbol_of.update(dict.fromkeys(new, name.lower()))
        # A bold heading's "⚠" takes the regular symbol: the fonts have one weight.
        self.set_fallback_fonts(self.symbol_fonts, exact_match=False)
        self.symbol_ids = self._fallback_font_ids
        self._fallback_font_ids = []  # on only while fpdf2 writes a text with symbols

    @contextmanager
    def symbols_on(self, text: object) -> Iterator[None]:
        """fpdf2's fallback fonts, on while it lays out ``text`` if that has symbols.

        With fallback fonts on, fpdf2 looks up every character of every cell in them;
        a large report's footers, headings and contents entries have none.
        """
        if not isinstance(text, str) or self.covers(text):
            yield
            return
        self.use_symbols([text])
        self._fallback_font_ids = self.symbol_ids
        try:
            yield
        finally:
            self._fallback_font_ids = []

    def cell(self, *args: Any, **kwargs: Any) -> Any:
        with self.symbols_on(args[2] if len(args) > 2 else kwargs.get("text")):
            return super().cell(*args, **kwargs)

    def multi_cell(self, *args: Any, **kwargs: Any) -> Any:
        with self.symbols_on(args[2] if len(args) > 2 else kwargs.get("text")):
            return super().multi_cell(*args, **kwargs)

    def covers(self, text: str) -> bool:
        """Whether the current font has a glyph for every character of ``text``."""
        if text.isascii():  # PT Sans has every printable ASCII character
            return True
        font = self.current_font
        assert isinstance(font, TTFFont)
        chars = self.font_chars.get(font.i)
        if chars is None:
            chars = self.font_chars[font.i] = frozenset(map(chr, font.cmap))
        return chars.issuperset(text)

    def encode_line(self, text: str) -> tuple[str, tuple[int, ...]]:
        """The operators that draw ``text`` in the current font, switching to a symbol
        font for each run of characters the font lacks and back; and the symbol fonts'
        ids, for the page's resources."""
        font = self.current_font
        assert isinstance(font, TTFFont)
        text = self.normalize_text(text)
        if self.covers(text):
            return font.encode_text(text), ()
        size = f"{self.font_size_pt:.2f}"
        parts: list[str] = []
        used: list[int] = []
        current = font
        for target, run in self.font_runs(text):
            if target is not current:
                parts.append(f"/F{target.i} {size} Tf")
                current = target
                if target is not font:
                    used.append(target.i)
            parts.append(target.encode_text(run))
        if current is not font:
            parts.append(f"/F{font.i} {size} Tf")
        return " ".join(parts), tuple(used)

    def font_runs(self, text: str) -> list[tuple[TTFFont, str]]:
        """``text`` cut into runs, each with the font that draws it: the current font, or
        the symbol font for the characters it lacks (added here if need be)."""
        font = self.current_font
        assert isinstance(font, TTFFont)
        self.covers(text)  # reads the font's characters once
        chars = self.font_chars[font.i]
        if not self.symbol_of.keys() >= set(text) - chars:
            self.use_symbols([text])
        symbol_of, fonts = self.symbol_of, self.fonts
        runs: list[tuple[TTFFont, str]] = []
        for key, run in groupby(text, lambda ch: None if ch in chars else symbol_of.get(ch)):
            target = fonts[key] if key else font
            assert isinstance(target, TTFFont)
            runs.append((target, "".join(run)))
        return runs

    # -------------------------------------------------------------- geometry

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
            unit = self.string_width(word) / self.font_size_pt
            self.word_widths[key] = unit
        return unit * self.font_size_pt

    def measure(self) -> Callable[[str], float]:
        """``width_of`` for a loop that keeps the current font and size.

        Reads the style and size once instead of per word: fpdf2 serves each through
        a property of its graphics state, and a large export measures some 40,000 times.
        """
        style, size, known = self.font_style, self.font_size_pt, self.word_widths

        def width(word: str) -> float:
            unit = known.get((style, word))
            return self.width_of(word) if unit is None else unit * size

        return width

    def string_width(self, text: str) -> float:
        """``get_string_width(text)``, to the last bit, without fpdf2's text fragments.

        fpdf2 builds a fragment (with a copy of the graphics state) for every measurement,
        which was a tenth of a large export's time. Plain text in one TTF font, unshaped,
        unstretched and unspaced, is a single fragment whose width is the font's
        ``get_text_width`` over ``k``: that is what this computes, and anything else is
        left to fpdf2.
        """
        font = self.current_font
        if (
            isinstance(font, TTFFont)
            and not self.text_shaping
            and self.font_stretching == 100
            and not self.char_spacing
            and not (self.str_alias_nb_pages and self.str_alias_nb_pages in text)
        ):
            size = self.font_size_pt
            if self.covers(text):
                return font.get_text_width(text, size, None)[1] / self.k
            # fpdf2 makes a fragment per font, each as wide as its font measures it
            runs = self.font_runs(text)
            return sum(f.get_text_width(run, size, None)[1] for f, run in runs) / self.k
        with self.symbols_on(text):
            return self.get_string_width(text)

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
        width_of = self.measure()
        space = width_of(" ")
        for paragraph in text.split("\n"):
            line, used = "", 0.0
            for word in paragraph.split(" "):
                if not word:
                    continue
                size = width_of(word)
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
                    w = width_of(ch)
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
    ) -> Run:
        self.set_font(FAMILY, style, size)
        return Run(style, size, colour, self.wrap(text, width), line_height(size), gap)

    def draw_texts(self, placed: Sequence[tuple[float, float, str]]) -> None:
        """``text(x, y, line)`` for each of ``placed``, written to the page in one go.

        The operators are those ``FPDF.text`` writes, in the current font and colour; a
        large export draws some 8,000 table lines, and per call fpdf2 also runs two
        decorators, compares colours and encodes the text again, a fifth of the export's
        time. Anything but plain filled text is left to ``text``.
        """
        font = self.current_font
        if (
            self.page == 0
            or not isinstance(font, TTFFont)
            or self.underline
            or self.strikethrough
            or self._record_text_quad_points
            or self.text_mode != TextMode.FILL
        ):
            for x, y, text in placed:
                FPDF.text(self, x, y, text)
            return
        if not placed:
            return
        if not self.current_font_is_set_on_page:
            self._out(self._set_font_for_page(font, self.font_size_pt))
        k, height, encoded = self.k, self.h, self.encoded
        operators = []
        for x, y, text in placed:
            # A font maps a text to the same glyph codes every time: encode it once.
            key = (font.i, text)
            known = encoded.get(key)
            if known is None:
                known = encoded[key] = self.encode_line(text)
            glyphs, symbols = known
            for symbol in symbols:
                self._resource_catalog.add(PDFResourceType.FONT, symbol, self.page)
            operators.append(f"BT {x * k:.2f} {(height - y) * k:.2f} Td {glyphs} ET")
        drawn = " ".join(operators)
        if self.fill_color != self.text_color:
            assert self.text_color is not None
            drawn = f"q {self.text_color.serialize().lower()} {drawn} Q"
        self._out(drawn)

    def text(self, x: float, y: float, text: str = "") -> None:
        """``FPDF.text``, with the symbols the font lacks drawn in a symbol font."""
        if isinstance(self.current_font, TTFFont) and not self.covers(text):
            self.draw_texts([(x, y, text)])
        else:
            super().text(x, y, text)

    def draw_runs(self, runs: Sequence[Run], x: float) -> None:
        """Draw ``runs`` from the current y down, breaking pages between lines."""
        for run in runs:
            self.set_font(FAMILY, run.style, run.size)
            self.set_text_color(*run.colour)
            self.set_y(self.y + run.gap_before)
            offset = baseline(run.size, run.line_height)
            for line in run.lines:
                if self.y + run.line_height > self.page_break_trigger:
                    self.next_page()
                    self.set_font(FAMILY, run.style, run.size)
                    self.set_text_color(*run.colour)
                self.text(x, self.y + offset, line)
                self.set_y(self.y + run.line_height)
        self.set_text_color(*INK)
