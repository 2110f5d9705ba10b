"""The teaching deck's running order: which slides a workshop gets, in what order.

One list serves the projected deck (``app_pages/present.py``) and the PowerPoint file, so
the two never disagree about what comes after what. A slide is a kind plus, for the
per-segment gap slides, the segment it shows.
"""

from dataclasses import dataclass
from enum import StrEnum

from canvas.domain import WorkshopView


class SlideKind(StrEnum):
    """One kind of slide, in the order the course teaches."""

    TITLE = "title"
    WHY = "why"  # Drucker: create and keep a customer; the repeat sale
    QUESTIONS = "questions"  # the four guiding questions
    TYPES = "types"  # the six types: definition, example, place on the spectrum
    CANVAS = "canvas"  # the workshop's canvas
    GAP = "gap"  # one segment's expected vs established
    SHURA = "shura"  # heatmap and weakest cells
    TWELVE_RULES = "twelve_rules"  # radar and the three weakest rules
    NPS = "nps"  # score, interval, distribution, benchmarks
    TOUCHPOINTS = "touchpoints"  # category × rating, fix first
    LOYALTY_CHECK = "loyalty_check"  # the path and the five conditions
    RECOMMENDATIONS = "recommendations"
    SOURCES = "sources"


@dataclass(frozen=True)
class Slide:
    """One slide of a workshop's deck; ``segment_id`` only for a gap slide."""

    kind: SlideKind
    segment_id: int | None = None

    @property
    def key(self) -> str:
        """A stable name for the slide, for the URL and the slide list."""
        return self.kind.value if self.segment_id is None else f"{self.kind}-{self.segment_id}"


def deck(view: WorkshopView) -> list[Slide]:
    """Every slide of ``view``'s deck in order: one gap slide per segment, the rest once.

    A framework nobody has filled in still gets its slide: the trainer teaches it before the
    room fills it in, and the slide says what it will show.
    """
    slides: list[Slide] = []
    for kind in SlideKind:
        if kind is SlideKind.GAP:
            slides.extend(Slide(kind, segment.segment.id) for segment in view.segments)
        else:
            slides.append(Slide(kind))
    return slides
