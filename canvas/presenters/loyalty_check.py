"""The crisis loyalty check as the reader sees it: whose answers a scope holds."""

from canvas.content.loyalty_check import loyalty_content
from canvas.domain.loyalty_check import Scope
from canvas.domain.vocabulary import Language
from canvas.domain.workshop_view import WorkshopView
from canvas.i18n import t


def scope_name(view: WorkshopView, scope: Scope, lang: Language | str) -> str:
    """ "All customers" or the segment's name (as typed: escape it before markup)."""
    segment_view = view.segment(scope) if scope is not None else None
    return (
        segment_view.segment.name
        if segment_view is not None
        else t("loyalty_check.scope_all", lang)
    )


def rating_label(value: int | None, lang: Language | str) -> str:
    """``4 · strong``; the "not rated" text for ``None`` or 0."""
    if not value:
        return t("loyalty_check.not_rated", lang)
    name = next(s.name for s in loyalty_content().scale if s.value == value)
    return f"{value} · {name(lang)}"
