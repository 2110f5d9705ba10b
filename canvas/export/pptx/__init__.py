"""The teaching deck as a PowerPoint file (python-pptx): ``render_pptx(view, lang)``."""

from canvas.export.pptx.deck_file import render_pptx

__all__ = ["render_pptx"]
