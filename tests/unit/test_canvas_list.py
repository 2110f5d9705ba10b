"""The canvas as a list of blocks: the canvas's order, each item's segment named in words
and its colour named by hue."""

from canvas.content.catalogue import catalogue
from canvas.domain import (
    CanvasBlock,
    CanvasNote,
    IntegrationBlock,
    RelationshipInput,
    RelationshipType,
)
from canvas.export.blocks import Canvas
from canvas.export.html import canvas_list
from canvas.i18n import t
from canvas.presenters.canvas_layout import CanvasItem
from canvas.presenters.canvas_list import ITEM_MARKER, list_blocks, named_colour
from tests.unit.factories import NOW, segment, snapshot

CANVAS_ORDER = [
    CanvasBlock.KEY_PARTNERS,
    CanvasBlock.KEY_ACTIVITIES,
    CanvasBlock.KEY_RESOURCES,
    CanvasBlock.VALUE_PROPOSITIONS,
    CanvasBlock.CUSTOMER_RELATIONSHIPS,
    CanvasBlock.CHANNELS,
    CanvasBlock.CUSTOMER_SEGMENTS,
    CanvasBlock.COST_STRUCTURE,
    CanvasBlock.REVENUE_STREAMS,
]


def test_segment_colours_are_named_by_their_hue():
    # #0072B2: blue is largest; hue = 60 × (4 + (0 − 114) / 178) = 201.6° → blue (170–260)
    assert named_colour("#0072B2") == "blue"
    # #D55E00: red is largest; hue = 60 × (94 − 0) / 213 = 26.5° → red (under 30)
    assert named_colour("#D55E00") == "red"
    # #CC79A7: red largest, green smallest; hue = 360 + 60 × (121 − 167) / 83 = 326.7° → violet
    assert named_colour("#CC79A7") == "violet"
    # #E69F00: hue = 60 × (159 − 0) / 230 = 41.5° → orange (30–50)
    assert named_colour("#E69F00") == "orange"


def test_greys_and_malformed_colours_are_gray():
    assert named_colour("#8A8A8A") == "gray"
    assert named_colour("red;background:url(x)") == "gray"


def test_the_list_keeps_the_canvas_order_and_names_a_ties_segment():
    note = "FAQ pages built by support"
    answer = RelationshipInput(
        expected=2, established=1, integration={IntegrationBlock.CHANNELS: note}
    )
    view = snapshot(segment(1, "Cafés", answers={RelationshipType.SELF_SERVICE: answer}))
    blocks = list_blocks(view, "en")

    assert [b.block for b in blocks] == CANVAS_ORDER
    assert [b.name for b in blocks] == [catalogue().block(b).name("en") for b in CANVAS_ORDER]
    assert [b.focus for b in blocks].count(True) == 1
    assert blocks[4].focus  # Customer Relationships, the block the workshop is about
    [tie] = blocks[5].items
    self_service = catalogue().type(RelationshipType.SELF_SERVICE).name("en")
    said = t("canvas.item.tie", "en", type=self_service, text=note)
    # the segment is named in the tie's own words, once
    assert tie.text == t("a11y.canvas.of_segment", "en", segment="Cafés", text=said)
    assert (tie.segment, tie.colour, tie.marker) == ("", "blue", ITEM_MARKER)


def test_a_grey_note_for_every_segment_says_so_in_words():
    note = CanvasNote(
        id=1,
        workshop_id=1,
        block=CanvasBlock.KEY_PARTNERS,
        text="A green coffee importer",
        created_at=NOW,
        updated_at=NOW,
    )
    view = snapshot(segment(1, "Cafés")).model_copy(update={"notes": [note]})
    [item] = list_blocks(view, "ru")[0].items
    assert (item.segment, item.colour) == (t("canvas.all_segments", "ru"), "gray")
    assert item.text == "A green coffee importer"


def test_the_html_reports_list_of_blocks_keeps_the_canvas_order_and_names_the_segment():
    drawing = Canvas(
        names={block: block.value for block in CanvasBlock},
        items={CanvasBlock.CHANNELS: [CanvasItem("#0072B2", "A <b>weekly</b> call", "Cafés")]},
    )
    html = canvas_list(drawing)
    positions = [html.index(f'<p class="name">{block.value}</p>') for block in CANVAS_ORDER]
    assert positions == sorted(positions)
    assert '<span class="seg">Cafés</span> · A &lt;b&gt;weekly&lt;/b&gt; call' in html
    assert html.count('class="board-block') == 9
