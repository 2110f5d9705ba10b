"""The report as a printable PDF, made in-process with fpdf2 and the PT Sans font.

``render_pdf`` is the entry point. The package is split by concern:

- ``document``: the writer (title page, contents, sections, page numbers);
- ``canvas_drawing``: the Business Model Canvas drawn as vector graphics;
- ``tables`` and ``text_blocks``: how each kind of block is drawn;
- ``layout``: page geometry, text measuring and wrapping;
- ``fonts``: PT Sans and the fallback for characters it lacks;
- ``look``: colours, margins and type sizes;
- ``theory``: the handout's theory part (report sections from the catalogue);
- ``worksheet``: the blank worksheet, a form per segment and the canvas on A3.
"""

from canvas.export.pdf.document import render_pdf
from canvas.export.pdf.fonts import FAMILY, MISSING, clean, font_files, loses_characters

__all__ = ["FAMILY", "MISSING", "clean", "font_files", "loses_characters", "render_pdf"]
