"""The figures: user text escaped, titles in the chosen language, the canvas complete."""

from decimal import Decimal

import pytest

from canvas.content import catalogue
from canvas.domain import CanvasBlock, Motive, RelationshipInput, RelationshipType
from canvas.domain.canvas_note import CanvasNote
from canvas.figures.canvas import canvas_figure
from canvas.figures.relationships import cost_chart, gap_heatmap, spectrum_chart
from canvas.i18n import t
from canvas.presenters.canvas_layout import LAYOUT
from tests.unit.factories import NOW, segment, snapshot

HOSTILE = "<script>alert(1)</script> & <b>bold</b>"
SEGMENT = segment(
    1,
    HOSTILE,
    customers=10,
    revenue="100",
    answers={
        RelationshipType.COMMUNITIES: RelationshipInput(
            expected=3, established=1, yearly_cost=Decimal(50), motives={Motive.RETENTION}
        ),
        RelationshipType.PERSONAL_ASSISTANCE: RelationshipInput(expected=3, established=0),
    },
)


def _texts(figure) -> str:
    parts = [a.text or "" for a in figure.layout.annotations]
    for trace in figure.data:
        parts += [str(v) for v in (getattr(trace, "y", None) or [])]
        parts += [str(v) for v in (getattr(trace, "customdata", None) or [])]
    return "\n".join(parts)


@pytest.mark.parametrize("build", [canvas_figure, gap_heatmap, spectrum_chart, cost_chart])
def test_user_text_reaches_plotly_only_escaped(build):
    text = _texts(build(snapshot(SEGMENT), "en"))
    assert "<script>" not in text and "<b>bold" not in text
    assert "&lt;script&gt;" in text


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "Expected vs established"), ("ru", "Ожидания и реальность")],
)
def test_chart_titles_follow_the_language(lang, title):
    assert gap_heatmap(snapshot(SEGMENT), lang).layout.title.text.startswith(title)


def test_the_gap_heatmap_holds_expected_minus_established():
    figure = gap_heatmap(snapshot(SEGMENT), "en")
    row = list(figure.data[0].z[0])
    kinds = list(RelationshipType)
    # communities 3 − 1 = 2, personal assistance 3 − 0 = 3, every other type 0
    assert row[kinds.index(RelationshipType.COMMUNITIES)] == 2
    assert row[kinds.index(RelationshipType.PERSONAL_ASSISTANCE)] == 3
    assert sum(row) == 5


def test_the_canvas_draws_nine_blocks_with_the_credit_line():
    figure = canvas_figure(snapshot(SEGMENT), "ru")
    assert len(figure.layout.shapes) == len(CanvasBlock) == len(LAYOUT)
    # read it as a person does: wrapped lines joined again
    text = _texts(figure).replace("<br>&nbsp;&nbsp;&nbsp;", " ")
    assert "The Business Model Canvas, Strategyzer AG, CC BY-SA 3.0" in text
    assert catalogue().block(CanvasBlock.CUSTOMER_RELATIONSHIPS).name("ru") in text
    # the relationships block shows the type built (one dot) and the one expected but missing
    communities = catalogue().type(RelationshipType.COMMUNITIES).name("ru")
    personal = catalogue().type(RelationshipType.PERSONAL_ASSISTANCE).name("ru")
    assert f"{communities}\u00a0●" in text
    assert f"⚠ {t('canvas.item.missing', 'ru')} {personal}, {communities}" in text


def test_the_credit_line_can_be_left_to_the_page_beneath():
    figure = canvas_figure(snapshot(SEGMENT), "en", credit=False)
    assert "Strategyzer" not in _texts(figure)


def test_a_crowded_block_says_how_many_notes_did_not_fit():
    notes = [
        CanvasNote(
            id=n,
            workshop_id=1,
            block=CanvasBlock.KEY_PARTNERS,
            text=f"Partner {n}",
            created_at=NOW,
            updated_at=NOW,
        )
        for n in range(1, 61)
    ]
    crowded = snapshot(SEGMENT).model_copy(update={"notes": notes})
    text = _texts(canvas_figure(crowded, "en"))
    assert "Partner 1" in text
    assert "Partner 60" not in text
    assert "… and " in text and " more" in text
