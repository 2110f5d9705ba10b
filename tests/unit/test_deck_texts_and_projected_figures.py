"""The deck's slide titles in both languages, and its figures in the projected style: every
tick label, legend and note at 18 px or more, whatever size the page's figure asked for."""

import json
from pathlib import Path

import plotly.graph_objects as go
import pytest

from canvas.content.demo import load_demo
from canvas.domain import Language, WorkshopView
from canvas.figures import projected
from canvas.ops.preview import views_of
from canvas.presenters.deck import Slide, SlideKind, deck
from canvas.presenters.deck_texts import slide_label, slide_title
from tests.unit.factories import segment, snapshot

ROOT = Path(__file__).resolve().parents[2]
ROOM_MIN = 18  # px, the smallest chart text a room can read


def _texts(lang: str) -> dict[str, str]:
    texts: dict[str, str] = json.loads(
        (ROOT / "data" / "i18n" / f"{lang}.deck.json").read_text(encoding="utf-8")
    )
    return texts


@pytest.fixture(scope="module")
def demo() -> dict[Language, WorkshopView]:
    return views_of({lang: load_demo(lang) for lang in Language})


@pytest.mark.parametrize("lang", list(Language))
def test_every_kind_of_slide_has_a_title_of_its_own_in_both_languages(lang):
    texts = _texts(lang.value)
    view = snapshot(segment(4, "Cafés"))
    titles = [slide_title(slide, view, lang) for slide in deck(view)]
    wanted = [texts[f"deck.slide.{slide.kind.value}"] for slide in deck(view)]
    wanted[deck(view).index(Slide(SlideKind.GAP, 4))] = texts["deck.slide.gap"].format(
        segment="Cafés"
    )
    assert titles == wanted
    assert len(set(titles)) == len(titles)


def test_the_slide_list_numbers_each_slide_out_of_the_whole_deck():
    view = snapshot(segment(4, "Cafés"), segment(9, "Offices"))
    slides = deck(view)
    # title, why, questions, types, canvas, gap 4, gap 9, …: the second gap is 7th of 14
    assert slide_label(slides, 6, view, "en") == "7 / 14 · " + _texts("en")[
        "deck.slide.gap"
    ].format(segment="Offices")


def _sizes(figure: go.Figure) -> list[float]:
    """The font size of every text a room reads on the figure, as the figure sets them."""
    layout = figure.layout
    default = layout.font.size
    sizes = [layout.legend.font.size or default]
    for axis in (layout.xaxis, layout.yaxis):
        sizes.append(axis.tickfont.size or default)
    if layout.polar.radialaxis.tickfont.size is not None:
        sizes += [layout.polar.radialaxis.tickfont.size, layout.polar.angularaxis.tickfont.size]
    sizes += [note.font.size or default for note in layout.annotations]
    for trace in figure.data:
        if isinstance(trace, go.Heatmap):
            sizes += [trace.textfont.size, trace.colorbar.tickfont.size]
    return [size for size in sizes if size is not None] or [0]


BUILDERS = [
    projected.deck_shura,
    projected.deck_rules,
    projected.deck_nps_scores,
    projected.deck_nps_distribution,
    projected.deck_touchpoints,
    projected.deck_path,
    projected.deck_conditions,
]


@pytest.mark.parametrize("build", BUILDERS, ids=lambda build: build.__name__)
@pytest.mark.parametrize("lang", list(Language))
def test_a_projected_figure_sets_no_text_under_eighteen_pixels(demo, build, lang):
    figure = build(demo[lang], lang)
    assert min(_sizes(figure)) >= ROOM_MIN
    assert figure.layout.height >= 560  # sized for the slide, not the page


@pytest.mark.parametrize("lang", list(Language))
def test_a_gap_slides_figure_is_large_and_names_both_series(demo, lang):
    view = demo[lang]
    figure = projected.deck_levels(view, view.segments[0].segment.id, lang)
    assert min(_sizes(figure)) >= ROOM_MIN
    assert [trace.name for trace in figure.data] == [
        json.loads((ROOT / "data" / "i18n" / f"{lang.value}.trainer.json").read_text())[key]
        for key in ("present.expected", "present.established")
    ]


@pytest.mark.parametrize("lang", list(Language))
def test_the_projected_canvas_writes_its_notes_in_nineteen_pixels_and_its_credit_in_eighteen(
    demo, lang
):
    figure = projected.deck_canvas(demo[lang], lang)
    *blocks, credit = figure.layout.annotations
    assert len(blocks) == 9
    assert {note.font.size for note in blocks} == {19}
    assert credit.font.size == 18
