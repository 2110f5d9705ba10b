"""One line per rating scale saying what its ends mean, shown where the scale is used.

The level names come from the framework texts (``data/catalogue.json``,
``data/frameworks/*.json``) and the UI strings, so the note always names the levels the
widget shows.
"""

from enum import StrEnum

from canvas.content.catalogue import catalogue
from canvas.content.loyalty_check import loyalty_content
from canvas.content.touchpoints import touchpoint_content
from canvas.domain.touchpoint import TouchpointRating
from canvas.domain.vocabulary import LEVEL_MAX, LEVEL_MIN, Language
from canvas.i18n import t

SHURA_ENDS = (1, 5)  # SHURA rates a stage 1 (barely) to 5 (very well)


class RatingScale(StrEnum):
    """Every rating scale of the workshop, named by where it is used."""

    RELATIONSHIPS = "relationships"  # 0–3: expected and established
    SHURA = "shura"  # 1–5
    TWELVE_RULES = "twelve_rules"  # 0–5
    LOYALTY_CHECK = "loyalty_check"  # 1–5
    TOUCHPOINTS = "touchpoints"  # awful / OK / wow


def _loyalty_name(value: int, lang: Language | str) -> str:
    return next(s.name for s in loyalty_content().scale if s.value == value)(lang)


def scale_note(scale: RatingScale, lang: Language | str) -> str:
    """What the two ends of ``scale`` mean, in one line of ``lang``."""
    key = f"scale.{scale.value}"
    if scale is RatingScale.RELATIONSHIPS:
        cat = catalogue()
        return t(
            key, lang, low=cat.level(LEVEL_MIN).name(lang), high=cat.level(LEVEL_MAX).name(lang)
        )
    if scale is RatingScale.SHURA:
        low, high = (t(f"shura.rating.{end}", lang) for end in SHURA_ENDS)
        return t(key, lang, low=low, high=high, none=t("shura.rating.none", lang))
    if scale is RatingScale.TWELVE_RULES:
        return t(key, lang, none=t("rules.not_scored", lang))
    if scale is RatingScale.LOYALTY_CHECK:
        return t(
            key,
            lang,
            low=_loyalty_name(1, lang),
            high=_loyalty_name(5, lang),
            none=t("loyalty_check.not_rated", lang),
        )
    content = touchpoint_content()
    names = {rating.value: content.rating_name(rating, lang) for rating in TouchpointRating}
    return t(key, lang, **names)
