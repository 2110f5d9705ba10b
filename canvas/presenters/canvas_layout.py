"""The Business Model Canvas laid out: where each block sits and what is written in it.

Pure layout and content, no drawing library: the on-screen figure (``canvas.figures.canvas``)
and the PDF writer draw the same boxes with the same items. ``layer_items`` is the
optional loyalty-and-touchpoints layer drawn over them.
"""

from collections import Counter
from dataclasses import dataclass

from canvas.content.catalogue import catalogue
from canvas.content.touchpoints import touchpoint_content
from canvas.domain import CanvasBlock, IntegrationBlock, Language, RelationshipType, WorkshopView
from canvas.domain.nps import NpsCounts
from canvas.domain.touchpoint import RATINGS, Touchpoint, TouchpointCategory, TouchpointRating
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
class CanvasItem:
    """One line-group on the board: a coloured marker and a text.

    ``segment`` names the segment whose colour the marker has when the text itself does
    not start with it (ties and notes), so a list of blocks can say it in words too.
    """

    colour: str
    text: str
    segment: str = ""


def relationship_items(view: WorkshopView, lang: Language | str) -> list[CanvasItem]:
    """What the relationships block says: per segment, the types established and missing."""
    cat = catalogue()
    items = []
    for segment_view in view.segments:
        # A no-break space keeps a type's dots with its name.
        built = [
            f"{cat.type(k).name(lang)}{NBSP}{'●' * segment_view.answer(k).established}"
            for k in RelationshipType
            if segment_view.answer(k).established > 0
        ]
        missing = [
            cat.type(k).name(lang) for k in RelationshipType if segment_view.answer(k).gap >= 2
        ]
        text = f"{segment_view.segment.name}: " + ("; ".join(built) if built else "—")
        if missing:
            text += " ⚠ " + t("canvas.item.missing", lang) + " " + ", ".join(missing)
        items.append(CanvasItem(segment_view.segment.colour, text))
    return items


def tie_items(view: WorkshopView, lang: Language | str) -> dict[CanvasBlock, list[CanvasItem]]:
    """What each answer to guiding question 4 says, in the block it ties into.

    ``Self-service: FAQ pages built by support`` in Key Activities, in the segment's colour:
    the type leads, so the block says which relationship the note comes from.
    """
    cat = catalogue()
    items: dict[CanvasBlock, list[CanvasItem]] = {block: [] for block in CanvasBlock}
    for segment_view in view.segments:
        for kind in RelationshipType:
            ties = segment_view.answer(kind).integration
            for block in IntegrationBlock:  # the blocks' own order, not the typing order
                if note := ties.get(block):
                    text = t("canvas.item.tie", lang, type=cat.type(kind).name(lang), text=note)
                    # the text names the segment, so the list of blocks need not again
                    text = _of_segment(segment_view.segment.name, text, lang)
                    items[CanvasBlock(block.value)].append(
                        CanvasItem(segment_view.segment.colour, text)
                    )
    return items


def _of_segment(name: str, text: str, lang: Language | str) -> str:
    """A segment's tie or note named by its segment: the colour of its marker (grey for a
    note on every segment) must not be the only cue."""
    return t("a11y.canvas.of_segment", lang, segment=name, text=text)


def canvas_items(view: WorkshopView, lang: Language | str) -> dict[CanvasBlock, list[CanvasItem]]:
    """Everything drawn in each block: answers, segments, ties (question 4) and notes,
    coloured by segment."""
    colours = {v.segment.id: v.segment.colour for v in view.segments}
    names = {v.segment.id: v.segment.name for v in view.segments}
    items = tie_items(view, lang)
    items[CanvasBlock.CUSTOMER_RELATIONSHIPS] = relationship_items(view, lang)
    currency = view.workshop.currency
    for segment_view in view.segments:
        seg = segment_view.segment
        facts = []
        if seg.customers is not None:
            facts.append(t("canvas.item.customers", lang, n=number(seg.customers, lang)))
        if seg.revenue_per_customer is not None:
            amount = money(seg.revenue_per_customer, currency, lang)
            facts.append(t("canvas.item.revenue", lang, amount=amount))
        suffix = f" ({', '.join(facts)})" if facts else ""
        items[CanvasBlock.CUSTOMER_SEGMENTS].append(CanvasItem(seg.colour, seg.name + suffix))
    names = {v.segment.id: v.segment.name for v in view.segments}
    for note in view.notes:
        colour = colours.get(note.segment_id, GREY) if note.segment_id else GREY
        if note.segment_id in names:  # named in its text, like a tie
            items[note.block].append(
                CanvasItem(colour, _of_segment(names[note.segment_id], note.text, lang))
            )
        else:  # grey: a note for every segment, which the list of blocks says in words too
            items[note.block].append(CanvasItem(colour, note.text, t("canvas.all_segments", lang)))
    return items


# ------------------------------------------------------------------ the loyalty layer

# Okabe–Ito colours, told apart with any colour vision: vermilion, grey, blue.
RATING_COLOURS: dict[TouchpointRating | None, str] = {
    TouchpointRating.AWFUL: "#D55E00",
    TouchpointRating.OK: "#999999",
    TouchpointRating.WOW: "#0072B2",
    None: "#CCCCCC",
}


def _rating_summary(points: list[Touchpoint], lang: Language | str) -> CanvasItem:
    """``Awful 2 · OK 1 · Wow 3``, marked in the colour of the worst rating present."""
    content = touchpoint_content()
    counts = Counter(point.rating for point in points)
    present = [rating for rating in RATINGS if counts[rating]]
    text = " · ".join(
        f"{content.rating_name(r, lang)}{NBSP}{number(counts[r], lang)}" for r in present
    )
    return CanvasItem(RATING_COLOURS[present[0]], text)


def _nps_item(name: str, colour: str, counts: NpsCounts, lang: Language | str) -> CanvasItem:
    score = counts.score() or 0.0
    text = t(
        "touchpoints.layer.nps",
        lang,
        name=name,
        score=number(round(score), lang),
        n=number(counts.n, lang),
    )
    return CanvasItem(colour, text)


def layer_items(view: WorkshopView, lang: Language | str) -> dict[CanvasBlock, list[CanvasItem]]:
    """What the loyalty-and-touchpoints layer adds to each block.

    Customer Segments: the NPS of all customers and of each segment with answers (single
    answers or typed-in counts). Customer Relationships: per relationship type, how its
    touchpoints are rated. Channels: the same per category for the touchpoints that serve
    no particular type, so every touchpoint is counted once on the canvas. Items read
    ``Self-service: Awful 1 · Wow 2``; the page's legend says what ◆ marks.
    """
    cat, content = catalogue(), touchpoint_content()
    items: dict[CanvasBlock, list[CanvasItem]] = {block: [] for block in CanvasBlock}
    overall = view.nps.counts(overall=True)
    if overall.n:
        everyone = t("touchpoints.layer.everyone", lang)
        items[CanvasBlock.CUSTOMER_SEGMENTS].append(_nps_item(everyone, GREY, overall, lang))
    for segment_view in view.segments:
        counts = view.nps.counts(segment_view.segment.id)
        if counts.n:
            item = _nps_item(segment_view.segment.name, segment_view.segment.colour, counts, lang)
            items[CanvasBlock.CUSTOMER_SEGMENTS].append(item)
    for kind in RelationshipType:
        points = [p for p in view.touchpoints if p.relationship_type is kind]
        if points:
            # The block's own vocabulary: the type's name alone, to leave room for its answers.
            summary = _rating_summary(points, lang)
            item = CanvasItem(summary.colour, f"{cat.type(kind).name(lang)}: {summary.text}")
            items[CanvasBlock.CUSTOMER_RELATIONSHIPS].append(item)
    for category in TouchpointCategory:
        points = [
            p for p in view.touchpoints if p.relationship_type is None and p.category is category
        ]
        if points:
            summary = _rating_summary(points, lang)
            title = content.category(category).title(lang)
            items[CanvasBlock.CHANNELS].append(
                CanvasItem(summary.colour, f"{title}: {summary.text}")
            )
    return items
