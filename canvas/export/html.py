"""The report as one self-contained HTML file: opens offline, reads on a phone, prints on A4.

Everything the page needs is inside it: the styles are inline, the canvas is drawn as an
inline SVG and no script runs, so the file can be mailed, put on a USB stick or opened in
a classroom without a network. The writer only knows the blocks of ``canvas.export.blocks``
(never a section by name), every text goes through ``html.escape`` and every colour is
checked to be ``#RRGGBB`` before it reaches a style attribute.
"""

import re
from html import escape

from canvas.export.blocks import Block, Bullets, Callout, Canvas, Paragraph, Report, Section, Table
from canvas.i18n import t
from canvas.presenters.canvas_layout import GREY, LAYOUT, Box, CanvasItem

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_NUMERIC = re.compile(r"[-+−]?[\d\s\u00a0\u202f.,:+\-−→%$€₽£¥×]*\d[\d\s\u00a0\u202f.,:%$€₽£¥]*")
_SYMBOL = re.compile(r"[—–✓✗×-]")
_TONES = {"normal", "muted", "lead"}
_CALLOUT_TONES = {"high", "medium"}


def _e(text: object) -> str:
    """Text (or an attribute value) made safe for HTML."""
    return escape(str(text), quote=True)


def _colour(value: str | None) -> str:
    """``value`` if it is a ``#RRGGBB`` colour, else neutral grey."""
    return value if value and _COLOUR.fullmatch(value) else GREY


def _anchor(key: str) -> str:
    """A section key as a safe ``id``: letters, digits, ``-`` and ``_`` only."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", key) or "section"


# ------------------------------------------------------------------ text blocks


def _paragraph(block: Paragraph) -> str:
    tone = block.tone if block.tone in _TONES else "normal"
    lines = [_e(line) for line in block.text.split("\n")]
    return f'<p class="{tone}">' + "<br>".join(lines) + "</p>"


def _bullets(block: Bullets) -> str:
    items = "".join(f"<li>{_e(item)}</li>" for item in block.items)
    return f"<ul>{items}</ul>"


def _callout(block: Callout) -> str:
    tone = block.tone if block.tone in _CALLOUT_TONES else "medium"
    parts = [f'<aside class="callout {tone}">', f'<p class="title">{_e(block.title)}</p>']
    if block.body:
        parts.append(f'<p class="body">{_e(block.body)}</p>')
    if block.note:
        parts.append(f'<p class="note">{_e(block.note)}</p>')
    parts.append("</aside>")
    return "".join(parts)


def _cell_class(text: str) -> str:
    if _SYMBOL.fullmatch(text.strip()):
        return ' class="sym"'
    if len(text) <= 24 and _NUMERIC.fullmatch(text.strip()):
        # "3 → 1" pairs read best centred, single figures right-aligned.
        return ' class="sym"' if "→" in text else ' class="num"'
    return ""


def _cell_text(text: str) -> str:
    return "<br>".join(_e(line) for line in str(text).split("\n"))


def _table(block: Table) -> str:
    columns = max([len(block.header), *(len(row) for row in block.rows)])
    marked = block.marks is not None
    parts = []
    # Wide tables keep a readable width on a phone and scroll sideways in their wrapper.
    min_width = min(1000, 96 * columns + (28 if marked else 0))
    parts.append(f'<div class="table-wrap"><table style="--min-width:{min_width}px">')
    if block.widths and len(block.widths) == columns and all(w > 0 for w in block.widths):
        total = sum(block.widths)
        cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in block.widths)
        parts.append(
            "<colgroup>" + ('<col class="mark-col">' if marked else "") + cols + "</colgroup>"
        )
    parts.append("<thead><tr>")
    if marked:
        parts.append('<th class="mark" aria-hidden="true"></th>')
    parts.extend(f'<th scope="col">{_cell_text(name)}</th>' for name in block.header)
    parts.extend("<th></th>" for _ in range(columns - len(block.header)))
    # On a phone each row becomes a card and each cell says its column (``td::before``).
    labels = [_e(" ".join(str(name).split())) for name in block.header]
    parts.append("</tr></thead><tbody>")
    for index, row in enumerate(block.rows):
        parts.append("<tr>")
        if block.marks is not None:
            mark = block.marks[index] if index < len(block.marks) else None
            swatch = (
                f'<span class="swatch" style="background:{_colour(mark)}"></span>' if mark else ""
            )
            parts.append(f'<td class="mark">{swatch}</td>')
        fills = block.fills[index] if block.fills and index < len(block.fills) else []
        for column in range(columns):
            text = str(row[column]) if column < len(row) else ""
            fill = fills[column] if column < len(fills) else None
            style = f' style="background:{_colour(fill)}"' if fill else ""
            label = f' data-label="{labels[column]}"' if column < len(labels) else ""
            parts.append(f"<td{_cell_class(text)}{label}{style}>{_cell_text(text)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)


# ------------------------------------------------------------------ the canvas as SVG

# The 10 × 10 board drawn 1000 × 700 units: wide like the printed canvas.
SCALE_X = 100.0
SCALE_Y = 70.0
WIDTH = 10 * SCALE_X
HEIGHT = 10 * SCALE_Y
PAD = 9.0
TITLE_SIZE = 14.0
TITLE_LINE = 17.0
ITEM_SIZES = (12.5, 11.5, 10.5)  # the first at which a block's items all fit
INDENT = 15.0
FOCUS_FILL = "#FFF4CC"
FOCUS_STROKE = "#B8860B"

# Approximate advance widths in em of an Arial-like sans serif, rounded up a little so
# text rather wraps a word early than runs over the edge of its block.
_NARROW = set("iljfrtI.,:;'!|()[]{}/\\\"`")
_WIDE = set("mwMWQOGDHNUC@%●⚠ЖШЩЫМЮФжшщыюфм…")
_CYRILLIC_NARROW = set("гкзтэс")


def _char_em(ch: str) -> float:
    if ch in " \u00a0":
        return 0.29
    if ch in _NARROW:
        return 0.31
    if ch in _WIDE:
        return 0.9
    if ch in _CYRILLIC_NARROW:
        return 0.5
    if ch.isupper():
        return 0.7
    if "\u0400" <= ch <= "\u04ff":
        return 0.6
    return 0.57


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An estimate of how wide ``text`` runs at font ``size``, in the same units."""
    width = sum(_char_em(ch) for ch in text) * size
    return width * 1.07 if bold else width


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width``; no-break spaces hold words together."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in re.split(r"[ \t\r\f\v]+", paragraph.strip()):
            if not word:
                continue
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold=bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            # A word longer than the line (a URL, a long compound) is cut where it has to be.
            for ch in word:
                if line and text_width(line + ch, size, bold=bold) > width:
                    lines.append(line)
                    line = ""
                line += ch
        if line:
            lines.append(line)
    return lines or [""]


def _tspans(lines: list[str], x: float, y: float, line_height: float) -> str:
    return "".join(
        f'<tspan x="{x:.1f}" y="{y + i * line_height:.1f}">{_e(line)}</tspan>'
        for i, line in enumerate(lines)
    )


def _items_svg(
    items: list[CanvasItem],
    x: float,
    top: float,
    width: float,
    bottom: float,
    size: float,
    lang: str,
) -> tuple[list[str], bool]:
    """The items of one block at font ``size`` from ``top`` down; ``False`` if some are cut."""
    line, gap, marker = size * 1.2, size * 0.4, size * 0.72
    text_x = x + INDENT
    parts: list[str] = []
    cursor = top
    for index, item in enumerate(items):
        lines = wrap(item.text, width - INDENT, size)
        needed = gap + len(lines) * line
        # Keep a line free for "… and N more" unless this is the last item.
        reserve = 0.0 if index == len(items) - 1 else gap + line
        baseline = cursor + gap + size
        if cursor + needed + reserve > bottom:
            rest = t("canvas.item.more", lang, n=len(items) - index)
            parts.append(
                f'<text class="more" x="{text_x:.1f}" y="{baseline:.1f}" '
                f'font-size="{size:g}">{_e(rest)}</text>'
            )
            return parts, False
        parts.append(
            f'<rect x="{x:.1f}" y="{baseline - marker:.1f}" width="{marker:.1f}" '
            f'height="{marker:.1f}" rx="1.5" fill="{_colour(item.colour)}"/>'
        )
        tspans = _tspans(lines, text_x, baseline, line)
        parts.append(f'<text class="item" font-size="{size:g}">{tspans}</text>')
        cursor += needed
    return parts, True


def _block_svg(name: str, items: list[CanvasItem], box: Box, focus: bool, lang: str) -> str:
    x = box.x0 * SCALE_X
    y = (10 - box.y1) * SCALE_Y
    w = (box.x1 - box.x0) * SCALE_X
    h = (box.y1 - box.y0) * SCALE_Y
    fill, stroke, stroke_width = (FOCUS_FILL, FOCUS_STROKE, 3) if focus else ("#FFFFFF", "#555", 1)
    parts = [
        f'<g class="block{" focus" if focus else ""}">',
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{stroke_width}"/>',
    ]
    title = wrap(name, w - 2 * PAD, TITLE_SIZE, bold=True)
    top = y + PAD + TITLE_SIZE
    parts.append(f'<text class="name">{_tspans(title, x + PAD, top, TITLE_LINE)}</text>')
    cursor = top + (len(title) - 1) * TITLE_LINE + 5  # just under the title
    # A crowded block first tries smaller type, and only then says "… and N more".
    for size in ITEM_SIZES:
        drawn, complete = _items_svg(items, x + PAD, cursor, w - 2 * PAD, y + h - PAD, size, lang)
        if complete:
            break
    parts.extend(drawn)
    parts.append("</g>")
    return "".join(parts)


def canvas_svg(drawing: Canvas, lang: str) -> str:
    """The canvas as an inline SVG: each block at its place, its items listed inside it."""
    blocks = [b for b in LAYOUT if b is not drawing.highlight] + [
        b for b in LAYOUT if b is drawing.highlight
    ]
    drawn = []
    for block in blocks:
        name = drawing.names.get(block, str(block))
        items = drawing.items.get(block, [])
        drawn.append(_block_svg(name, items, LAYOUT[block], block is drawing.highlight, lang))
    viewbox = f"-3 -3 {WIDTH + 6:.0f} {HEIGHT + 6:.0f}"
    label = _e(drawing.names.get(drawing.highlight, ""))
    return (
        f'<div class="board-wrap"><svg class="board" viewBox="{viewbox}" '
        f'preserveAspectRatio="xMidYMid meet" role="group" aria-label="{label}">'
        + "".join(drawn)
        + "</svg></div>"
        + canvas_list(drawing)
    )


def canvas_list(drawing: Canvas) -> str:
    """The canvas as one column of blocks in the canvas's order, for a phone's width.

    The style shows it instead of the drawing below ``NARROW`` px, where the nine blocks
    side by side would either scroll sideways or shrink their text past reading. A
    segment's colour is named in words beside its marker (ties and notes do not start
    with the segment's name themselves).
    """
    parts = ['<div class="board-list">']
    for block in LAYOUT:
        focus = " focus" if block is drawing.highlight else ""
        parts.append(f'<div class="board-block{focus}">')
        parts.append(f'<p class="name">{_e(drawing.names.get(block, str(block)))}</p>')
        items = drawing.items.get(block, [])
        if items:
            parts.append("<ul>")
            for item in items:
                swatch = f'<span class="swatch" style="background:{_colour(item.colour)}"></span>'
                who = f'<span class="seg">{_e(item.segment)}</span> · ' if item.segment else ""
                parts.append(f"<li>{swatch} {who}{_e(item.text)}</li>")
            parts.append("</ul>")
        else:
            parts.append('<p class="empty">—</p>')
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


# ------------------------------------------------------------------ the page


def _block(block: Block, lang: str) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Bullets):
        return _bullets(block)
    if isinstance(block, Callout):
        return _callout(block)
    if isinstance(block, Table):
        return _table(block)
    return canvas_svg(block, lang)


def _section(section: Section, lang: str) -> str:
    classes = ["new-page"] if section.new_page else []
    if any(isinstance(block, Canvas) for block in section.blocks):
        classes.append("has-board")
    attr = f' class="{" ".join(classes)}"' if classes else ""
    body = "\n".join(_block(block, lang) for block in section.blocks)
    head = f'<section id="{_anchor(section.key)}"{attr}>\n<h2>{_e(section.title)}</h2>'
    return f"{head}\n{body}\n</section>"


def _front(report: Report) -> str:
    lang = report.lang
    facts = "".join(
        f"<div><dt>{_e(label)}</dt><dd>{_e(value)}</dd></div>" for label, value in report.facts
    )
    contents = "".join(
        f'<li><a href="#{_anchor(s.key)}">{_e(s.title)}</a></li>' for s in report.sections
    )
    parts = [
        '<header class="front">',
        f"<h1>{_e(report.title)}</h1>",
        f'<p class="subtitle">{_e(t("report.subtitle", lang))}</p>',
        f'<dl class="facts">{facts}</dl>' if facts else "",
    ]
    if contents:
        parts += [
            '<nav class="toc" aria-labelledby="toc-title">',
            f'<h2 id="toc-title">{_e(t("report.contents", lang))}</h2>',
            f"<ol>{contents}</ol>",
            "</nav>",
        ]
    parts.append("</header>")
    return "\n".join(p for p in parts if p)


STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #5b6570; --line: #d3d9df;
  --head: #eef1f4; --paper: #ffffff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #eef0f3; color: var(--ink); line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif; }
main, body > footer { max-width: 1200px; margin: 0 auto; background: var(--paper);
  padding: 24px clamp(14px, 4vw, 44px); }
main { padding-bottom: 8px; }
h1 { font-size: clamp(1.6rem, 5vw, 2.3rem); line-height: 1.2; margin: 0.2em 0 0.2em;
  overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 0 0 0.7em; padding-bottom: 0.25em;
  border-bottom: 2px solid var(--line); overflow-wrap: anywhere; }
p, ul { margin: 0.6em 0; overflow-wrap: anywhere; }
li { margin: 0.2em 0; }
.subtitle { color: var(--muted); font-size: 1.1rem; margin: 0 0 1.2em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1.4em;
  margin: 0 0 1.6em; padding: 0.9em 1.1em; background: #f6f8fa; border-radius: 6px; }
dl.facts div { display: contents; }
dt { color: var(--muted); }
dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
nav.toc h2 { font-size: 1.1rem; border: 0; margin-bottom: 0.3em; }
nav.toc ol { margin: 0; padding-left: 1.6em; columns: 2 18em; column-gap: 2em; }
nav.toc li { break-inside: avoid; margin: 0 0 0.25em; }
a { color: #0b5cad; }
section { margin-top: 2.4em; }
p.lead { font-size: 1.15rem; }
p.muted { color: var(--muted); font-size: 0.9rem; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.9em 0; }
table { border-collapse: collapse; width: 100%; min-width: var(--min-width, 0); font-size: 0.9rem; }
th, td { border: 1px solid var(--line); padding: 0.4em 0.55em; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
th { background: var(--head); font-weight: 600; vertical-align: bottom; hyphens: auto; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.sym { text-align: center; white-space: nowrap; }
col.mark-col { width: 1.9em; }
th.mark, td.mark { width: 1.9em; padding-left: 0.3em; padding-right: 0.3em; text-align: center; }
.swatch { display: inline-block; width: 0.95em; height: 0.95em; border-radius: 3px;
  vertical-align: -0.12em; }
.callout { margin: 0.9em 0; padding: 0.7em 1em; border: 1px solid var(--line);
  border-left: 6px solid #e69f00; border-radius: 4px; background: #fffaf0; }
.callout.high { border-left-color: #c62828; background: #fff5f4; }
.callout p { margin: 0.25em 0; }
.callout .title { font-weight: 700; }
.callout .note { color: var(--muted); font-size: 0.88rem; }
.board-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.6em 0; }
svg.board { display: block; width: 100%; height: auto; min-width: 760px; }
svg.board text { font-family: Arial, "Liberation Sans", "Helvetica Neue", Helvetica, sans-serif;
  fill: #222; }
svg.board .name { font-size: 14px; font-weight: 700; }
svg.board .more { font-style: italic; fill: #666; }
.board-list { display: none; gap: 0.6em; margin: 0.6em 0; }
.board-block { border: 1px solid #555; border-radius: 4px; padding: 0.5em 0.8em; }
.board-block.focus { border: 3px solid #B8860B; background: #FFF4CC; }
.board-block .name { font-weight: 700; margin: 0 0 0.3em; }
.board-block ul { list-style: none; padding: 0; margin: 0; }
.board-block li { margin: 0.25em 0; }
.board-block .empty { color: var(--muted); margin: 0; }
.board-block .seg { font-weight: 600; }
body > footer { color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line);
  padding-top: 12px; padding-bottom: 28px; }
body > footer p { margin: 0.2em 0; }
@media (max-width: 560px) {
  dl.facts { gap: 0.2em 1em; padding: 0.7em 0.8em; }
  nav.toc ol { columns: 1; }
}
@media screen and (max-width: NARROWpx) {
  /* The board as one column of blocks; the drawing would scroll sideways. */
  .board-wrap { display: none; }
  .board-list { display: grid; grid-template-columns: 1fr; }
  /* Each row a card, each cell with its column's name: nothing scrolls sideways. */
  table { min-width: 0; }
  table, tbody, tr, td { display: block; width: auto; }
  colgroup, thead { display: none; }
  tr { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 0.6em; }
  td, td.num, td.sym { border: 0; border-top: 1px solid var(--line); text-align: left;
    white-space: normal; }
  tr > td:first-child { border-top: 0; }
  td[data-label]::before { content: attr(data-label); display: block; color: var(--muted);
    font-size: 0.85em; }
  td.mark { width: auto; text-align: left; }
  td.mark:empty { display: none; }
}
@page { size: A4; margin: 15mm; @top-center { content: ""; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #777; } }
@page board { size: A4 landscape; margin: 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: none; font-size: 10pt; }
  main, body > footer { max-width: none; padding: 0; margin: 0; }
  body > footer { margin-top: 2em; padding-top: 0.5em; }
  a { color: inherit; text-decoration: none; }
  section { margin-top: 1.6em; }
  section.new-page { break-before: page; margin-top: 0; }
  section.has-board { page: board; }
  h2 { break-after: avoid; }
  .table-wrap, .board-wrap { overflow: visible; }
  table { min-width: 0; font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, .callout, .board-wrap, dl.facts { break-inside: avoid; }
  svg.board { min-width: 0; width: 100%; height: auto; max-height: 160mm; }
}
"""


# Below this width (CSS px) the board is a list of blocks and tables are cards.
NARROW = 640
STYLE = STYLE.replace("NARROWpx", f"{NARROW}px")


def render_html(report: Report) -> str:
    """The whole report as one HTML5 document with no outside references."""
    lang = report.lang.value
    sections = "\n".join(_section(section, lang) for section in report.sections)
    footer = "".join(f"<p>{_e(line)}</p>" for line in (report.footer, report.credit) if line)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(report.title)}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{_front(report)}\n{sections}\n</main>\n"
        f"<footer>{footer}</footer>\n</body>\n</html>\n"
    )
