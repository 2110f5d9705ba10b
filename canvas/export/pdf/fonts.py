"""The PDF's fonts: PT Sans from the ``fontpkg-pt-sans`` package, Noto Sans Symbols 2 and
Noto Sans Symbols from ``pymupdf-fonts`` for the symbols PT Sans lacks, and what to draw
for a character none of them has.

PT Sans (ParaType's open font with full Cyrillic) sets the text. The report's own symbols
(``●`` for an established level, ``⚠`` for a missing answer, ``→`` in "3 → 1", ``✓``)
are not in it: they come from the two Noto symbol fonts, used as fpdf2's fallback fonts
and embedded (as subsets) only by a report that needs them. Every font comes from a Python
package, so the PDF looks the same on every machine and never depends on system fonts or
a download. A character no font has is replaced by its plain compatibility form, or
``?``, so an emoji in a segment name cannot break the export; ``loses_characters`` tells
the title page when a visible character was lost that way, so it can say so.
"""

import atexit
import importlib
import io
import itertools
import json
import re
import shutil
import tempfile
import unicodedata
from contextlib import ExitStack
from functools import cache, lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from fontTools.merge import Merger, Options
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import TTFFont

from canvas.export.pdf.truetype import truetype_subset

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

FALLBACK_PACKAGE = "pymupdf_fonts"
# fpdf2 family → the package's module holding the font, tried in this order for a
# character PT Sans lacks: geometric shapes, warning signs and ticks, then arrows.
FALLBACKS = {
    "NotoSymbols2": "NotoSansSymbols2_Regular",
    "NotoSymbols": "NotoSansSymbols_Regular",
}


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


@cache
def fallback_fonts() -> dict[str, bytes]:
    """The symbol fonts (OpenType with PostScript outlines), family by family, in
    ``FALLBACKS`` order; ``pymupdf-fonts`` keeps each as compressed bytes in a module."""
    fonts: dict[str, bytes] = {}
    for family, module_name in FALLBACKS.items():
        try:
            module = importlib.import_module(f"{FALLBACK_PACKAGE}.{module_name}")
        except ModuleNotFoundError as error:
            raise RuntimeError(
                f"The PDF export needs the symbol fonts: pip install pymupdf-fonts ({error})"
            ) from error
        fonts[family] = bytes(module.fontbuffer)
    return fonts


@cache
def fallback_coverage() -> dict[str, frozenset[int]]:
    """The code points each symbol font has a glyph for."""
    return {
        family: frozenset(TTFont(io.BytesIO(data), lazy=True).getBestCmap())
        for family, data in fallback_fonts().items()
    }


@cache
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="cr-canvas-fonts-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


_FILE_NUMBERS = itertools.count(1)


@lru_cache(maxsize=128)
def symbol_font_file(needed: tuple[tuple[str, frozenset[str]], ...]) -> Path:
    """A TrueType file with the glyphs each symbol font of ``needed`` has for its
    characters, made once per process and set of characters.

    fpdf2 embeds a font with PostScript (CFF) outlines as if it were TrueType, which a
    strict PDF reader refuses; so the few glyphs a report needs are cut out of the symbol
    fonts and their outlines turned into TrueType ones (milliseconds for a few glyphs;
    the whole fonts would take seconds). The pieces of both fonts are merged into one,
    which a PDF embeds and subsets faster than two. The file lives until the process ends.
    """
    pieces = []
    for family, chars in needed:
        font = truetype_subset(fallback_fonts()[family], {ord(ch) for ch in chars})
        piece = _folder() / f"{family}-{next(_FILE_NUMBERS)}.ttf"
        font.save(piece)
        pieces.append(piece)
    if len(pieces) == 1:
        return pieces[0]
    merged = Merger(options=Options(drop_tables=["vhea", "vmtx", "MATH"]))
    path = _folder() / f"Symbols-{next(_FILE_NUMBERS)}.ttf"
    merged.merge([str(piece) for piece in pieces]).save(path)
    return path


@cache
def fallback_for(ch: str) -> str | None:
    """The symbol font's family that draws ``ch`` where PT Sans cannot, if one does."""
    code = ord(ch)
    if code in _coverage():
        return None
    return next((f for f, codes in fallback_coverage().items() if code in codes), None)


def symbols_needed(chars: set[str]) -> dict[str, set[str]]:
    """Those of ``chars`` (as ``clean`` leaves them) that PT Sans lacks, by the symbol font
    that draws them, in ``FALLBACKS`` order."""
    drawn = clean("".join(ch for ch in chars if not ch.isascii()))
    needed: dict[str, set[str]] = {}
    for ch in set(drawn):
        family = fallback_for(ch)
        if family is not None:
            needed.setdefault(family, set()).add(ch)
    return {family: needed[family] for family in FALLBACKS if family in needed}


# Look-alikes for what no font here has, and spaces fpdf2 draws better as plain ones.
_SUBSTITUTES = {
    "⟶": "→",
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
    if substitute is not None and all(_drawable(c) for c in substitute):
        return substitute, False
    if ch == "\n" or ord(ch) in covered:
        return ch, False
    if fallback_for(ch) is not None:
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
    if folded and folded != ch and all(map(_drawable, folded)):
        return folded, False
    return MISSING, True


def _drawable(ch: str) -> bool:
    return ord(ch) in _coverage() or fallback_for(ch) is not None


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
