"""The workshop's tables as rows of text in the reader's language.

The pages show them as dataframes; the exports print the same rows, so a figure
reads the same everywhere. A missing figure shows as a dash.
"""

from decimal import Decimal

from canvas.content.catalogue import catalogue
from canvas.domain import GuidingQuestion, Language, RelationshipType, WorkshopView
from canvas.domain.changes import WorkshopChanges
from canvas.domain.course import TrainerComment
from canvas.domain.economics import SegmentFigures, workshop_figures
from canvas.domain.progress import unlinked_types
from canvas.i18n import money, number, percent, t

DASH = "—"
NBSP = "\u00a0"


def _money(value: Decimal | None, currency: str, lang: Language) -> str:
    return DASH if value is None else money(round(value, 2), currency, lang)


def _percent(share: float | None, lang: Language) -> str:
    return DASH if share is None else percent(share, lang, 1)


def _number(value: float | int | None, lang: Language, digits: int = 0) -> str:
    return DASH if value is None else number(value, lang, digits)


def segment_rows(view: WorkshopView, lang: Language | str) -> list[dict[str, str]]:
    """One row per segment: its name and the figures typed in for it."""
    lang, currency = Language(lang), view.workshop.currency
    return [
        {
            t("field.name", lang): seg.name,
            t("field.customers", lang): _number(seg.customers, lang),
            t("field.revenue_per_customer", lang): _money(seg.revenue_per_customer, currency, lang),
            t("field.acquisition_cost", lang): _money(seg.acquisition_cost, currency, lang),
            t("field.retention_rate", lang): _percent(
                None if seg.retention_rate is None else seg.retention_rate / 100, lang
            ),
            t("field.gross_margin", lang): _percent(
                None if seg.gross_margin is None else seg.gross_margin / 100, lang
            ),
        }
        for seg in (segment_view.segment for segment_view in view.segments)
    ]


def economics_rows(view: WorkshopView, lang: Language | str) -> list[dict[str, str]]:
    """One row per segment: what its relationships cost and what a customer is worth."""
    lang, currency = Language(lang), view.workshop.currency
    return [
        {
            t("field.segment", lang): f.name,
            t("analysis.col.cost", lang): _money(f.relationship_cost, currency, lang),
            t("analysis.col.cost_per_customer", lang): _money(f.cost_per_customer, currency, lang),
            t("analysis.col.share", lang): _percent(f.cost_share, lang),
            t("analysis.col.lifetime", lang): _number(f.lifetime_years, lang, 1),
            t("analysis.col.contribution", lang): _money(f.contribution, currency, lang),
            t("analysis.col.ltv", lang): _bounded(f, _money(f.ltv, currency, lang)),
            t("analysis.col.ltv_cac", lang): _bounded(f, _number(f.ltv_to_cac, lang, 1)),
        }
        for f in workshop_figures(view)
    ]


def _bounded(figures: SegmentFigures, shown: str) -> str:
    # Computed from revenue, LTV and LTV:CAC are ceilings; "≤" says so in every language.
    return f"≤{NBSP}{shown}" if figures.ltv_upper_bound and shown != DASH else shown


def ltv_basis_note(view: WorkshopView, lang: Language | str) -> str | None:
    """The sentence under the economics table naming the segments whose LTV uses revenue
    (no gross margin given), or ``None`` when every LTV is computed on margin."""
    names = [f.name for f in workshop_figures(view) if f.ltv_upper_bound]
    if not names:
        return None
    quoted = ", ".join(t("economics.quoted", lang, name=name) for name in names)
    return t("economics.revenue_basis", lang, names=quoted)


def progress_mark(
    question: GuidingQuestion, done: bool, unlinked: list[RelationshipType], lang: Language | str
) -> str:
    """A tick for an answered question; for question 4 not yet answered, the types in use
    that still lack a tie to another block, so the reader knows which to fill in."""
    if done:
        return "✓"
    if question is GuidingQuestion.INTEGRATION and unlinked:
        names = ", ".join(catalogue().type(kind).name(lang) for kind in unlinked)
        return t("economics.progress.unlinked", lang, types=names)
    return DASH


def progress_rows(view: WorkshopView, lang: Language | str) -> list[dict[str, str]]:
    """One row per segment: a tick for each guiding question it has answered."""
    lang = Language(lang)
    return [
        {
            t("field.segment", lang): f.name,
            **{
                t(f"question.short.{q.value}", lang): progress_mark(
                    q, f.progress[q], unlinked_types(segment_view.relationships), lang
                )
                for q in GuidingQuestion
            },
        }
        for f, segment_view in zip(workshop_figures(view), view.segments, strict=True)
    ]


def _value(value: object, lang: Language, currency: str) -> str:
    if value is None or value == "" or value == frozenset() or value == {}:
        return DASH
    if isinstance(value, Decimal):
        return money(value, currency, lang)
    if isinstance(value, bool) or not isinstance(value, int | float | frozenset | dict):
        return str(value)
    if isinstance(value, frozenset):
        return ", ".join(catalogue().motive(m).name(lang) for m in sorted(value))
    if isinstance(value, dict):
        return t("changes.notes_n", lang, n=len(value))
    return number(value, lang, 1)


def describe_changes(changes: WorkshopChanges, lang: Language | str, currency: str) -> list[str]:
    """The comparison of two states as sentences, one per change."""
    lang = Language(lang)
    lines = [
        t(
            "changes.field",
            lang,
            where=t(f"field.{c.field}", lang),
            before=_value(c.before, lang, currency),
            after=_value(c.after, lang, currency),
        )
        for c in changes.workshop
    ]
    lines += [t("changes.added", lang, name=name) for name in changes.added]
    lines += [t("changes.removed", lang, name=name) for name in changes.removed]
    for segment in changes.changed:
        for c in segment.changes:
            where = segment.name
            if c.type is not None:
                where += " · " + catalogue().type(c.type).name(lang)
            where += " · " + t(f"field.{c.field}", lang)
            before, after = _value(c.before, lang, currency), _value(c.after, lang, currency)
            lines.append(t("changes.field", lang, where=where, before=before, after=after))
    for framework, count in changes.frameworks.items():
        lines.append(t("changes.framework", lang, name=t(f"page.{framework}", lang), n=count))
    if changes.notes_added or changes.notes_removed:
        lines.append(
            t("changes.notes", lang, added=changes.notes_added, removed=changes.notes_removed)
        )
    return lines


def comment_about(view: WorkshopView, comment: TrainerComment, lang: Language | str) -> str:
    """What a trainer's comment is about: a block's name, a segment's name, or all of it."""
    if comment.block is not None:
        return catalogue().block(comment.block).name(lang)
    if comment.segment_id is not None:
        found = view.segment(comment.segment_id)
        return found.segment.name if found else ""
    return t("comments.whole", lang)


def comment_lines(view: WorkshopView, lang: Language | str) -> list[str]:
    """The trainer's comments, each led by what it is about: a block, a segment, or all."""
    return [f"{comment_about(view, comment, lang)}: {comment.text}" for comment in view.comments]
