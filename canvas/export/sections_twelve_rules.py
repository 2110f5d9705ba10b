"""The report's twelve-rules section: every score and note, then the three weakest rules."""

from canvas.content.twelve_rules import twelve_rules
from canvas.domain.twelve_rules import ClevelandRule, priorities, rule_scores
from canvas.domain.vocabulary import Language
from canvas.domain.workshop_view import WorkshopView
from canvas.export.blocks import Block, Callout, Paragraph, Section, Table
from canvas.i18n import t
from canvas.presenters.tables import DASH

# From red (we don't do this) through neutral grey to green (we do it fully).
SCORE_FILLS = {
    0: "#E58267",
    1: "#F4B59A",
    2: "#FBE0D3",
    3: "#F7F7F7",
    4: "#D9EFD3",
    5: "#B5DFA8",
}
WEAK = 1  # a score at or below this makes a priority urgent


def rules_sections(view: WorkshopView, lang: Language) -> list[Section]:
    """Nothing when no rule is scored; else the table of scores and the priorities."""
    scores = rule_scores(view.frameworks)
    if all(score is None for score in scores.values()):
        return []
    content = twelve_rules()
    rows: list[list[str]] = []
    fills: list[list[str | None]] = []
    for rule in ClevelandRule:
        answer, _ = view.frameworks.rule(rule)
        score = answer.score
        rows.append(
            [
                content.numbered(rule, lang),
                DASH if score is None else str(score),
                answer.note or DASH,
            ]
        )
        fills.append([None, None if score is None else SCORE_FILLS[score], None])
    table = Table(
        header=[t("field.rule", lang), t("field.score", lang), t("field.note", lang)],
        rows=rows,
        fills=fills,
        widths=[4, 1.2, 7],
    )
    blocks: list[Block] = [
        Paragraph(content.quote(lang), tone="lead"),
        table,
        Paragraph(t("rules.priorities", lang)),
    ]
    for rule in priorities(scores):
        score = scores[rule]
        blocks.append(
            Callout(
                title=content.numbered(rule, lang),
                body=content.rule(rule).next_step(lang),
                note=f"{t('field.score', lang)}: {t('rules.score_of', lang, score=score)}",
                tone="high" if score is not None and score <= WEAK else "medium",
            )
        )
    blocks.append(Paragraph(content.credit(lang), tone="muted"))
    return [Section("twelve_rules", t("page.twelve_rules", lang), blocks, new_page=True)]
