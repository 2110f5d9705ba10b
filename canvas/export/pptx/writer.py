"""A PowerPoint file being written: new slides with their heading, lists spread over as
many slides as they need, and the slide a framework gets before the room fills it in."""

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Inches

from canvas.domain import Language
from canvas.export.pptx.look import (
    BODY_HEIGHT,
    BODY_TOP,
    BODY_WIDTH,
    HEIGHT,
    MARGIN,
    MUTED,
    WIDTH,
    Line,
    pages,
    text_box,
    title,
)
from canvas.i18n import t

BLANK_LAYOUT = 6  # the default template's empty layout: every shape is ours


class DeckFile:
    """A presentation being written: new slides come with their heading."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.presentation: PresentationType = Presentation()
        self.presentation.slide_width, self.presentation.slide_height = WIDTH, HEIGHT

    def slide(self, heading: str | None) -> Slide:
        made = self.presentation.slides.add_slide(self.presentation.slide_layouts[BLANK_LAYOUT])
        if heading is not None:
            title(made, heading)
        return made

    def listing(
        self, heading: str, entries: Sequence[Sequence[Line]], *, lead: Sequence[Line] = ()
    ) -> None:
        """Entries (each a few lines kept together) on as many slides as they need."""
        lead_height = Inches(0.9) if lead else Emu(0)
        groups = pages(entries, BODY_WIDTH, BODY_HEIGHT - lead_height)
        for number, group in enumerate(groups):
            shown = heading if number == 0 else t("deck_file.continued", self.lang, title=heading)
            slide = self.slide(shown)
            top: int = BODY_TOP
            if lead and number == 0:
                text_box(slide, MARGIN, top, BODY_WIDTH, lead_height, lead)
                top += lead_height
            lines = [line for index in group for line in entries[index]]
            text_box(slide, MARGIN, top, BODY_WIDTH, BODY_HEIGHT - (top - BODY_TOP), lines)

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.presentation.save(out)
        return out.getvalue()


def empty(out: DeckFile, heading: str, message: str) -> None:
    """A framework's slide before the room has filled it in: what it will show."""
    slide = out.slide(heading)
    lines = [Line(message, 24, colour=MUTED)]
    text_box(
        slide,
        MARGIN,
        BODY_TOP,
        BODY_WIDTH,
        BODY_HEIGHT,
        lines,
        anchor=MSO_ANCHOR.MIDDLE,
        align=PP_ALIGN.CENTER,
    )
