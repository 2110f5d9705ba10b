"""The report's closing "Sources" section: each framework and the references behind it.

Every report ends with it (the course report once, after all participants), so a printed
summary names its sources as the Sources page does.
"""

from canvas.domain.vocabulary import Language
from canvas.export.blocks import Block, Paragraph, Section, Table
from canvas.i18n import t
from canvas.presenters.sources import source_lines, sources_intro

SECTION_KEY = "sources"


def sources_section(lang: Language) -> Section:
    """A table of frameworks and their references; a framework with several references
    names itself on its first row only, so the table reads as groups."""
    rows = [
        [entry.framework if number == 0 else "", reference]
        for entry in source_lines(lang)
        for number, reference in enumerate(entry.references)
    ]
    table = Table(
        header=[t("sources.framework", lang), t("sources.reference", lang)],
        rows=rows,
        widths=[2, 6],
    )
    blocks: list[Block] = [Paragraph(sources_intro(lang), tone="muted"), table]
    return Section(SECTION_KEY, t("page.sources", lang), blocks, new_page=True)
