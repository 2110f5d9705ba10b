"""SHURA cells and ratings as the reader sees them: names, rating texts and the colours
the heatmap and the reports share."""

from canvas.content.shura import shura_content
from canvas.domain.shura import (
    Audience,
    ShuraStage,
)
from canvas.domain.vocabulary import Language
from canvas.i18n import t

# The 1–5 scale as background colours, weak (warm) to strong (cool); light enough for
# dark text on top, and told apart by colour-blind readers. Chart and report share them.
RATING_FILLS: dict[int, str] = {
    1: "#F4A582",
    2: "#FDDBC7",
    3: "#FFF2B3",
    4: "#D1E5F0",
    5: "#92C5DE",
}


EMPTY_FILL = "#E0E0E0"


def cell_label(stage: ShuraStage, audience: Audience, lang: Language | str) -> str:
    """How a cell is named everywhere: "Employees · Hiring", "Customers · Return"."""
    content = shura_content()
    audience_name = content.audience(audience).name(lang)
    return f"{audience_name} · {content.stage(stage).side(audience).name(lang)}"


def rating_text(rating: int | None, lang: Language | str) -> str:
    """A rating as shown in lists and tables: "2 of 5", or "not rated"."""
    if rating is None:
        return t("shura.rating.none", lang)
    return t("shura.rating.of_five", lang, rating=rating)
