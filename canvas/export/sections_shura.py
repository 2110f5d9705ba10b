"""The SHURA matrix in the summary report: the eight cells, the weakest ones, the risks.

Built only from the report's generic blocks, so every writer draws it unchanged.
"""

from canvas.content.shura import shura_content
from canvas.domain import Language, WorkshopView
from canvas.domain.shura import CELLS, ShuraRisk, answered, weak_spots
from canvas.export.blocks import Block, Bullets, Paragraph, Section, Table
from canvas.i18n import t
from canvas.presenters.shura import EMPTY_FILL, RATING_FILLS, cell_label, rating_text
from canvas.presenters.tables import DASH


def _grid(view: WorkshopView, lang: Language) -> Table:
    content = shura_content()
    rows: list[list[str]] = []
    fills: list[list[str | None]] = []
    for stage, audience in CELLS:
        cell, _ = view.frameworks.cell(stage, audience)
        rows.append(
            [
                content.stage(stage).name(lang),
                content.audience(audience).name(lang),
                cell.practice or DASH,
                DASH if cell.rating is None else str(cell.rating),
                cell.next_step or DASH,
            ]
        )
        fill = EMPTY_FILL if cell.rating is None else RATING_FILLS[cell.rating]
        fills.append([None, None, None, fill, None])
    header = [
        t("field.stage", lang),
        t("field.audience", lang),
        t("field.practice", lang),
        t("field.rating", lang),
        t("field.next_step", lang),
    ]
    return Table(header, rows, fills=fills, widths=[2.2, 1.6, 5, 1, 5])


def _weakest(view: WorkshopView, lang: Language) -> list[Block]:
    heading = Paragraph(t("shura.report.weakest", lang), tone="lead")
    weak = weak_spots(view.frameworks)
    if not weak:
        return [heading, Paragraph(t("shura.report.no_ratings", lang), tone="muted")]
    items = []
    for stage, audience in weak:
        cell, _ = view.frameworks.cell(stage, audience)
        item = f"{cell_label(stage, audience, lang)}: {rating_text(cell.rating, lang)}"
        if cell.next_step:
            item += f"; {t('shura.report.next_step', lang, step=cell.next_step)}"
        items.append(item)
    return [heading, Bullets(items)]


def _risks(view: WorkshopView, lang: Language) -> list[Block]:
    content = shura_content()
    present = [r for r in ShuraRisk if view.frameworks.risk(r)[0].present]
    if not present:
        return []
    rows = [
        [
            content.risk(risk).name(lang),
            view.frameworks.risk(risk)[0].note or DASH,
            "\n".join(content.remedies_for(risk, lang)),
        ]
        for risk in present
    ]
    header = [t("field.risk", lang), t("field.note", lang), t("shura.remedies", lang)]
    table = Table(header, rows, widths=[2.5, 4, 4.5])
    return [Paragraph(t("shura.report.risks", lang), tone="lead"), table]


def shura_sections(view: WorkshopView, lang: Language) -> list[Section]:
    """The SHURA section, or none while nothing in the matrix is answered."""
    if not answered(view.frameworks):
        return []
    content = shura_content()
    blocks: list[Block] = [
        Paragraph(content.source(lang), tone="muted"),
        _grid(view, lang),
        *_weakest(view, lang),
        *_risks(view, lang),
        Paragraph(content.long_term(lang), tone="muted"),
    ]
    return [Section("shura", t("shura.report.title", lang), blocks, new_page=True)]
