"""The fixed words of the workshop: languages, relationship types, motives, canvas blocks."""

from enum import StrEnum


class Language(StrEnum):
    """A language the app speaks; every text exists in each of them."""

    RU = "ru"
    EN = "en"


class RelationshipType(StrEnum):
    """Osterwalder & Pigneur's six relationship types, in the source text's order."""

    PERSONAL_ASSISTANCE = "personal_assistance"
    DEDICATED_PERSONAL_ASSISTANCE = "dedicated_personal_assistance"
    SELF_SERVICE = "self_service"
    AUTOMATED_SERVICES = "automated_services"
    COMMUNITIES = "communities"
    CO_CREATION = "co_creation"


SPECTRUM_POSITION: dict[RelationshipType, int] = {
    RelationshipType.PERSONAL_ASSISTANCE: 20,
    RelationshipType.DEDICATED_PERSONAL_ASSISTANCE: 0,
    RelationshipType.SELF_SERVICE: 80,
    RelationshipType.AUTOMATED_SERVICES: 100,
    RelationshipType.COMMUNITIES: 60,
    RelationshipType.CO_CREATION: 50,
}
"""Where each type sits between fully personal (0) and fully automated (100)."""


class Motive(StrEnum):
    """Why a company builds a relationship."""

    ACQUISITION = "acquisition"
    RETENTION = "retention"
    UPSELLING = "upselling"


class CanvasBlock(StrEnum):
    """The nine blocks of the Business Model Canvas."""

    KEY_PARTNERS = "key_partners"
    KEY_ACTIVITIES = "key_activities"
    KEY_RESOURCES = "key_resources"
    VALUE_PROPOSITIONS = "value_propositions"
    CUSTOMER_RELATIONSHIPS = "customer_relationships"
    CHANNELS = "channels"
    CUSTOMER_SEGMENTS = "customer_segments"
    COST_STRUCTURE = "cost_structure"
    REVENUE_STREAMS = "revenue_streams"


class IntegrationBlock(StrEnum):
    """The blocks a relationship ties into (guiding question 4)."""

    CHANNELS = "channels"
    VALUE_PROPOSITIONS = "value_propositions"
    KEY_ACTIVITIES = "key_activities"
    KEY_RESOURCES = "key_resources"
    COST_STRUCTURE = "cost_structure"


class GuidingQuestion(StrEnum):
    """The four guiding questions of the Customer Relationships block."""

    EXPECTED = "expected"
    ESTABLISHED = "established"
    COST = "cost"
    INTEGRATION = "integration"


# Blocks that take free notes: the relationships block is filled from the answers.
NOTE_BLOCKS: tuple[CanvasBlock, ...] = tuple(
    block for block in CanvasBlock if block is not CanvasBlock.CUSTOMER_RELATIONSHIPS
)

# 0 = not at all … 3 = strongly; the same scale for "expected" and "established".
LEVEL_MIN = 0
LEVEL_MAX = 3

# Distinct, colour-blind-friendly defaults (Okabe-Ito first), one per new segment.
SEGMENT_PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#8C6D31",
    "#7F3C8D",
    "#3969AC",
    "#F2B701",
    "#11A579",
    "#E73F74",
)


def default_colour(index: int) -> str:
    """The palette colour for the segment at ``index``, cycling after twelve."""
    return SEGMENT_PALETTE[index % len(SEGMENT_PALETTE)]


def free_colour(used: set[str] | list[str]) -> str:
    """The first palette colour no segment uses yet; cycles once all twelve are taken."""
    taken = {colour.upper() for colour in used}
    for colour in SEGMENT_PALETTE:
        if colour.upper() not in taken:
            return colour
    return default_colour(len(taken))


def ink_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (``#RRGGBB``): the higher WCAG
    contrast ratio of the two, so a segment's colour can carry its own name or code."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05)
    return "#000000" if (luminance + 0.05) ** 2 > 0.05 * 1.05 else "#FFFFFF"
