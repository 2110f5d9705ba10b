"""The report as a printable PDF, made in-process with fpdf2, PT Sans and Noto symbols.

``render_pdf`` is the entry point. The package is split by concern:

- ``document``: the writer (title page, contents, sections, page numbers);
- ``canvas_drawing``: the Business Model Canvas drawn as vector graphics;
- ``tables`` and ``text_blocks``: how each kind of block is drawn;
- ``layout``: page geometry, text measuring and wrapping;
- ``fonts``: PT Sans, the Noto symbol fonts for the symbols it lacks, and what replaces
  a character no font has;
- ``truetype``: a few glyphs of a symbol font, as a TrueType font fpdf2 can embed;
- ``look``: colours, margins and type sizes;
- ``theory``: the handout's theory part (report sections from the catalogue);
- ``worksheet``: the blank worksheet, a form per segment and the canvas on A3.
"""

from canvas.export.pdf.document import render_pdf
from canvas.export.pdf.fonts import FAMILY, MISSING, clean, font_files, loses_characters

__all__ = ["FAMILY", "MISSING", "clean", "font_files", "loses_characters", "render_pdf"]
