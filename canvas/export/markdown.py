"""The report as plain Markdown, for pasting into notes or a course forum.

Headings, lists, GitHub pipe tables and quotes only, so it reads well both rendered and
as raw text. User text can never change the structure or become markup: the characters
that start emphasis, code, links, images, raw HTML, entities or maths are escaped with a
backslash, bare web addresses are kept from turning into links, pipes and line breaks in
table cells are escaped, and a line that would start a heading, quote, list, table or code
block is neutralised with a backslash.
"""

import re

from canvas.export.blocks import Block, Bullets, Callout, Canvas, Paragraph, Report, Table
from canvas.presenters.canvas_layout import LAYOUT

# What a line may start with to become a heading, quote, list item, rule, table or fence.
_BLOCK_START = re.compile(r"^(#|>|-|\+|\*|=|_|\||:|`{3}|~{3})")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
# Runs of ordinary whitespace; a no-break space is kept (it holds a type and its dots together).
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
# What starts inline markup: emphasis, code, links and images, raw HTML and entities,
# strikethrough and maths (the backslash among them, so no escape is undone).
_INLINE = re.compile(r"([\\`*_\[\]<&~$])")
# Bare addresses that GitHub-flavoured renderers turn into links.
_AUTOLINK = re.compile(r"(?i)(\b(?:https?|ftp|mailto)|\bwww)([:.])")


def _escape(text: str) -> str:
    """User text that renders as itself: no emphasis, link, image or HTML in it."""
    return _AUTOLINK.sub(r"\1\\\2", _INLINE.sub(r"\\\1", text))


def _squash(text: object) -> str:
    return _SPACES.sub(" ", str(text)).strip()


def _line(text: str) -> str:
    """One line of user text that stays an ordinary line of text (raw HTML shown as text)."""
    text = _escape(text.strip())
    if _BLOCK_START.match(text):
        return "\\" + text
    # "1. " would start a numbered list: the escape goes before the dot.
    return _ORDERED.sub(r"\1\\\2", text, count=1)


def _inline(text: str) -> str:
    """User text on one line (a list item, a heading): line breaks become spaces."""
    return _line(_squash(text))


def _heading(level: int, text: str) -> str:
    # A trailing run of "#" would be read as the heading's closing sequence.
    return "#" * level + " " + _escape(_squash(text)).replace("#", "\\#")


def _cell(text: object) -> str:
    """A table cell: markup and pipes escaped, line breaks kept as ``<br>``."""
    value = _escape(str(text)).replace("|", "\\|")
    lines = [_squash(line) for line in value.splitlines()]
    return "<br>".join(line for line in lines if line) or " "


def _paragraph(block: Paragraph) -> str:
    lines = [_line(line) for line in block.text.splitlines()]
    text = "  \n".join(line for line in lines if line)
    return f"*{text}*" if block.tone == "muted" and text and "\n" not in text else text


def _bullets(block: Bullets) -> str:
    return "\n".join(f"- {_inline(item)}" for item in block.items)


def _table(block: Table) -> str:
    columns = max([len(block.header), *(len(row) for row in block.rows)])

    def row(cells: list[str]) -> str:
        padded = [_cell(c) for c in cells] + [" "] * (columns - len(cells))
        return "| " + " | ".join(padded) + " |"

    lines = [row(block.header), "|" + " --- |" * columns]
    lines.extend(row(cells) for cells in block.rows)
    return "\n".join(lines)


def _callout(block: Callout) -> str:
    lines = [f"> **{_inline(block.title)}**"]
    body = [_line(line) for line in block.body.splitlines() if line.strip()]
    if body:
        lines += [">", *(f"> {line}" for line in body)]
    if block.note.strip():
        lines += [">", f"> *{_inline(block.note)}*"]
    return "\n".join(lines)


def _canvas(block: Canvas) -> str:
    order = [*LAYOUT, *(b for b in block.names if b not in LAYOUT)]
    parts = []
    for name in order:
        items = block.items.get(name, [])
        if not items:
            continue
        lines = [_heading(3, block.names.get(name, str(name))), ""]
        lines.extend(f"- {_inline(item.text)}" for item in items)
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Bullets):
        return _bullets(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Callout):
        return _callout(block)
    return _canvas(block)


def render_markdown(report: Report) -> str:
    """The whole report as Markdown, ending with the credit line."""
    parts = [_heading(1, report.title)]
    facts = [f"- **{_inline(label)}:** {_inline(value)}" for label, value in report.facts]
    if facts:
        parts.append("\n".join(facts))
    for section in report.sections:
        parts.append(_heading(2, section.title))
        parts.extend(text for text in (_block(b) for b in section.blocks) if text.strip())
    parts.append("---")
    parts.append(_inline(report.footer))
    parts.append(_inline(report.credit))
    return "\n\n".join(part for part in parts if part) + "\n"
