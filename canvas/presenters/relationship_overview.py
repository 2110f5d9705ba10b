"""The six relationship types at a glance: what each is, an example, and where it sits
between personal and automated, ordered from the most personal to the most automated."""

from dataclasses import dataclass

from canvas.content.catalogue import catalogue
from canvas.domain.vocabulary import RelationshipType
from canvas.i18n import t

SLOTS = 5  # the little spectrum drawn beside each type: ●○○○○ … ○○○○●
PERSONAL_UP_TO, AUTOMATED_FROM = 33, 67  # positions (0–100) named personal / automated


@dataclass(frozen=True)
class OverviewRow:
    kind: RelationshipType
    name: str
    place: str
    definition: str
    example: str


def spectrum_place(position: int, lang: str) -> str:
    """``●○○○○ personal`` for 0 … ``○○○○● automated`` for 100."""
    slot = round(position / 100 * (SLOTS - 1))
    dots = "".join("●" if index == slot else "○" for index in range(SLOTS))
    return f"{dots} {spectrum_word(position, lang)}"


def spectrum_word(position: int, lang: str) -> str:
    """``personal``, ``in between`` or ``automated``: the place in words (the PDF's font
    has no ``○``)."""
    if position <= PERSONAL_UP_TO:
        return t("framing.place.personal", lang)
    if position >= AUTOMATED_FROM:
        return t("framing.place.automated", lang)
    return t("framing.place.between", lang)


def overview_rows(lang: str) -> list[OverviewRow]:
    """One row per type, from the most personal to the most automated."""
    cat = catalogue()
    entries = sorted((cat.type(kind) for kind in RelationshipType), key=lambda e: e.position)
    return [
        OverviewRow(
            kind=entry.key,
            name=entry.name(lang),
            place=spectrum_place(entry.position, lang),
            definition=entry.definition(lang),
            example=entry.example(lang),
        )
        for entry in entries
    ]
