"""The building blocks of a report: what every writer (PDF, HTML, Markdown) can draw.

A section is a title and a list of these blocks; writers never know which section
they draw, so a new framework adds sections without touching any writer.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from canvas.domain import CanvasBlock, Language
from canvas.presenters.canvas_layout import CanvasItem


@dataclass(frozen=True)
class Paragraph:
    """Plain text; ``tone`` is "normal", "muted" (small grey) or "lead" (larger)."""

    text: str
    tone: str = "normal"


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    """A table of text; ``fills`` gives an optional background colour (#RRGGBB) per cell,
    ``widths`` relative column widths, ``marks`` an optional colour swatch per row."""

    header: list[str]
    rows: list[list[str]]
    fills: list[list[str | None]] | None = None
    widths: list[float] | None = None
    marks: list[str] | None = None


@dataclass(frozen=True)
class Callout:
    """A boxed piece of advice: ``tone`` is "high" or "medium"."""

    title: str
    body: str
    note: str
    tone: str = "medium"


@dataclass(frozen=True)
class Canvas:
    """The whole canvas: block names and the items written in each block."""

    names: dict[CanvasBlock, str]
    items: dict[CanvasBlock, list[CanvasItem]]
    highlight: CanvasBlock = CanvasBlock.CUSTOMER_RELATIONSHIPS


Block = Paragraph | Bullets | Table | Callout | Canvas


@dataclass(frozen=True)
class Section:
    """A titled part of the report; ``key`` is stable across languages."""

    key: str
    title: str
    blocks: list[Block]
    new_page: bool = False


@dataclass(frozen=True)
class Report:
    """Everything a writer needs: the front matter and the sections in order."""

    lang: Language
    title: str
    company: str
    created: date
    facts: list[tuple[str, str]]
    footer: str
    credit: str
    sections: list[Section] = field(default_factory=list)


def block_texts(block: Block) -> Iterator[str]:
    """Every text a block shows."""
    if isinstance(block, Paragraph):
        yield block.text
    elif isinstance(block, Bullets):
        yield from block.items
    elif isinstance(block, Table):
        yield from block.header
        for row in block.rows:
            yield from row
    elif isinstance(block, Callout):
        yield from (block.title, block.body, block.note)
    else:
        yield from block.names.values()
        for items in block.items.values():
            yield from (item.text for item in items)


def report_texts(report: Report) -> Iterator[str]:
    """Every text of a report: the front matter, then each section's title and blocks."""
    yield from (report.title, report.company, report.footer, report.credit)
    for label, value in report.facts:
        yield from (label, value)
    for section in report.sections:
        yield section.title
        for block in section.blocks:
            yield from block_texts(block)
