"""The Business Model Canvas as a board: where each block sits and what is written in it.

Pure layout and content, no drawing library: the on-screen figure (``canvas.charts``)
and the PDF writer draw the same boxes with the same items.
"""

from dataclasses import dataclass

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, Language, RelationshipType, WorkshopSnapshot
from canvas.i18n import money, number, t

GREY = "#8A8A8A"
NBSP = "\u00a0"


@dataclass(frozen=True)
class Box:
    """A block's place on a 10 × 10 board (x to the right, y upwards)."""

    x0: float
    y0: float
    x1: float
    y1: float


# The standard layout: five columns on top, costs and revenues underneath.
LAYOUT: dict[CanvasBlock, Box] = {
    CanvasBlock.KEY_PARTNERS: Box(0, 3, 1.8, 10),
    CanvasBlock.KEY_ACTIVITIES: Box(1.8, 6.5, 3.6, 10),
    CanvasBlock.KEY_RESOURCES: Box(1.8, 3, 3.6, 6.5),
    CanvasBlock.VALUE_PROPOSITIONS: Box(3.6, 3, 5.4, 10),
    # Wider and taller than in the printed canvas: it is the block this workshop is about.
    CanvasBlock.CUSTOMER_RELATIONSHIPS: Box(5.4, 5.2, 8.2, 10),
    CanvasBlock.CHANNELS: Box(5.4, 3, 8.2, 5.2),
    CanvasBlock.CUSTOMER_SEGMENTS: Box(8.2, 3, 10, 10),
    CanvasBlock.COST_STRUCTURE: Box(0, 0, 5, 3),
    CanvasBlock.REVENUE_STREAMS: Box(5, 0, 10, 3),
}


@dataclass(frozen=True)
class BoardItem:
    """One line-group on the board: a coloured marker and a text."""

    colour: str
    text: str


def relationship_items(snapshot: WorkshopSnapshot, lang: Language | str) -> list[BoardItem]:
    """What the relationships block says: per segment, the types established and missing."""
    cat = catalogue()
    items = []
    for view in snapshot.segments:
        # A no-break space keeps a type's dots with its name.
        built = [
            f"{cat.type(k).name(lang)}{NBSP}{'●' * view.answer(k).established}"
            for k in RelationshipType
            if view.answer(k).established > 0
        ]
        missing = [cat.type(k).name(lang) for k in RelationshipType if view.answer(k).gap >= 2]
        text = f"{view.segment.name}: " + ("; ".join(built) if built else "—")
        if missing:
            text += " ⚠ " + t("canvas.board.missing", lang) + " " + ", ".join(missing)
        items.append(BoardItem(view.segment.colour, text))
    return items


def board_items(
    snapshot: WorkshopSnapshot, lang: Language | str
) -> dict[CanvasBlock, list[BoardItem]]:
    """Everything drawn in each block: answers, segments and notes, coloured by segment."""
    colours = {v.segment.id: v.segment.colour for v in snapshot.segments}
    items: dict[CanvasBlock, list[BoardItem]] = {block: [] for block in CanvasBlock}
    items[CanvasBlock.CUSTOMER_RELATIONSHIPS] = relationship_items(snapshot, lang)
    currency = snapshot.workshop.currency
    for view in snapshot.segments:
        seg = view.segment
        facts = []
        if seg.customers is not None:
            facts.append(t("canvas.board.customers", lang, n=number(seg.customers, lang)))
        if seg.revenue_per_customer is not None:
            amount = money(seg.revenue_per_customer, currency, lang)
            facts.append(t("canvas.board.revenue", lang, amount=amount))
        suffix = f" ({', '.join(facts)})" if facts else ""
        items[CanvasBlock.CUSTOMER_SEGMENTS].append(BoardItem(seg.colour, seg.name + suffix))
    for note in snapshot.notes:
        colour = colours.get(note.segment_id, GREY) if note.segment_id else GREY
        items[note.block].append(BoardItem(colour, note.text))
    return items
