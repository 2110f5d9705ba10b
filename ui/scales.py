"""A one-line note under a rating scale saying what its ends mean (``canvas.presenters.scales``).

``RatingScale`` is passed on from here so a page needs one import for its scale's note.
"""

from typing import Any

import streamlit as st

from canvas.presenters.scales import RatingScale, scale_note
from ui.language import lang

__all__ = ["RatingScale", "scale_caption"]

ICON = ":material/straighten:"  # the same mark beside every scale's note


def scale_caption(scale: RatingScale, where: Any = st) -> None:
    """Show the note of ``scale`` as a caption in ``where`` (the page, a column, a form)."""
    where.caption(f"{ICON} {scale_note(scale, lang())}")
