"""The teaching deck's running order, shared by the projected deck and the PowerPoint file."""

from canvas.presenters.deck import Slide, SlideKind, deck
from tests.unit.factories import segment, snapshot


def test_a_workshop_without_segments_gets_every_slide_but_the_gap_slides_once():
    kinds = [slide.kind for slide in deck(snapshot())]
    # 13 kinds, of which the gap slide needs a segment: 12 slides
    assert len(kinds) == 12
    assert SlideKind.GAP not in kinds
    assert kinds[0] is SlideKind.TITLE and kinds[-1] is SlideKind.SOURCES


def test_each_segment_gets_its_own_gap_slide_after_the_canvas_in_the_segments_order():
    slides = deck(snapshot(segment(7, "Cafés"), segment(3, "Offices")))
    canvas_at = slides.index(Slide(SlideKind.CANVAS))
    assert slides[canvas_at + 1 : canvas_at + 3] == [
        Slide(SlideKind.GAP, 7),
        Slide(SlideKind.GAP, 3),
    ]
    assert slides[canvas_at + 3] == Slide(SlideKind.SHURA)
    assert len(slides) == 12 + 2
    assert len({s.key for s in slides}) == len(slides)  # every slide has its own name
