"""The deck's slide titles in the reader's language, for the projected deck's headings and
slide list and for the PowerPoint file, so both name a slide alike."""

from canvas.domain import Language, WorkshopView
from canvas.i18n import t
from canvas.presenters.deck import Slide, SlideKind


def slide_title(slide: Slide, view: WorkshopView, lang: Language | str) -> str:
    """The slide's heading; a gap slide names its segment (as typed: escape before markup)."""
    if slide.kind is SlideKind.GAP and slide.segment_id is not None:
        segment_view = view.segment(slide.segment_id)
        name = segment_view.segment.name if segment_view is not None else ""
        return t("deck.slide.gap", lang, segment=name)
    return t(f"deck.slide.{slide.kind.value}", lang)


def slide_label(slides: list[Slide], index: int, view: WorkshopView, lang: Language | str) -> str:
    """``3 / 24 · The four guiding questions``: the slide list's entry for ``slides[index]``."""
    title = slide_title(slides[index], view, lang)
    return t("deck.slide_label", lang, n=index + 1, total=len(slides), title=title)
