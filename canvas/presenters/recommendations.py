"""A recommendation as sentences in the reader's language: title, advice and trigger."""

from canvas.content.catalogue import catalogue
from canvas.domain import Language, RelationshipType, WorkshopView
from canvas.domain.recommendations import HEURISTIC_RULES, Recommendation, recommendations
from canvas.i18n import money, number, percent, t

NBSP = "\u00a0"


def describe(rec: Recommendation, view: WorkshopView, lang: Language | str) -> dict[str, str]:
    """The recommendation's title, advice and trigger as sentences in ``lang``."""
    lang = Language(lang)
    currency = view.workshop.currency
    shown: dict[str, str] = {"segment": rec.segment_name}
    # every type's name, so advice names types as the catalogue does and never declines them
    shown |= {kind.value: catalogue().type(kind).name(lang) for kind in RelationshipType}
    for key, value in rec.params.items():
        if key == "type":
            shown[key] = catalogue().type(value).name(lang)
        elif key in {"revenue", "median", "cost", "ltv", "cac"}:
            shown[key] = money(value, currency, lang)
        elif key == "share":
            shown[key] = percent(value, lang, 1)
        elif key == "retention":
            shown[key] = percent(value / 100, lang, 1)
        elif key == "upper_bound":
            continue
        elif key == "ratio":
            shown[key] = number(value, lang, 1)
        else:
            shown[key] = number(value, lang) if isinstance(value, int) else str(value)
    if rec.params.get("upper_bound"):
        # LTV from revenue (no gross margin): both figures are ceilings, as in the tables.
        shown["ratio"], shown["ltv"] = f"≤{NBSP}{shown['ratio']}", f"≤{NBSP}{shown['ltv']}"
    text = {
        part: t(f"rec.{rec.code}.{part}", lang, **shown) for part in ("title", "advice", "trigger")
    }
    if rec.code in HEURISTIC_RULES:
        text["trigger"] += f" ({t('economics.heuristic', lang)})"
    return text


def advice(view: WorkshopView, lang: Language | str) -> list[tuple[str, dict[str, str]]]:
    """Every recommendation for the workshop as (severity, sentences), most serious first."""
    return [(rec.severity, describe(rec, view, lang)) for rec in recommendations(view)]
