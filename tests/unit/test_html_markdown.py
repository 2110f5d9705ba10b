"""The HTML and Markdown reports: complete, safe with hostile text, and fully offline."""

import re
from datetime import date
from html import escape
from html.parser import HTMLParser

import pytest

from canvas.content.catalogue import catalogue
from canvas.content.demo import load_demo
from canvas.domain import CanvasBlock, Language, RelationshipType
from canvas.domain.document import WorkshopDocument
from canvas.export.html import render_html
from canvas.export.markdown import render_markdown
from canvas.export.report import (
    Block,
    Callout,
    Canvas,
    Paragraph,
    Report,
    Section,
    Table,
    build_report,
)
from canvas.i18n import t
from canvas.ops.preview import view_of
from canvas.presenters.canvas_layout import GREY, CanvasItem

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
PIPED = "Cafés | bars"

HOSTILE = {
    "workshop": {"title": "Tags <b>and</b> pipes |", "language": "en", "currency": "USD"},
    "segments": [
        {
            "name": SCRIPT,
            "description": "# not a heading\n> not a quote\n- not a list\n1. not a number",
            "customers": 10,
            "revenue_per_customer": 100,
            "relationships": [
                {
                    "type": "personal_assistance",
                    "expected": 3,
                    "established": 1,
                    "integration": {"channels": "calls | visits\nand mail"},
                }
            ],
        },
        {"name": PIPED, "customers": 5, "revenue_per_customer": 50},
    ],
    "notes": [
        {"block": "channels", "text": IMG, "segment": PIPED},
        {"block": "key_partners", "text": "## shouting | loudly"},
    ],
}

EMPTY = {"workshop": {"title": "Nothing yet", "language": "ru", "currency": "RUB"}}


def _report(document: WorkshopDocument, lang: Language | str) -> Report:
    return build_report(view_of(document), lang, today=date(2026, 11, 23))


@pytest.fixture(scope="module", params=list(Language), ids=lambda lang: lang.value)
def demo(request: pytest.FixtureRequest) -> Report:
    lang = request.param
    return _report(load_demo(lang), lang)


@pytest.fixture(scope="module")
def hostile() -> Report:
    document = WorkshopDocument.model_validate(HOSTILE)
    return _report(document, Language.EN)


class StructureChecker(HTMLParser):
    """Collects tags and complains when a structural tag closes out of order."""

    STRUCTURAL = frozenset(
        {
            *("html", "head", "title", "style", "body", "main", "header", "footer", "nav"),
            *("section", "aside", "div", "p", "h1", "h2", "ul", "ol", "li", "dl", "dt", "dd"),
            *("table", "thead", "tbody", "tr", "th", "td", "svg", "g", "text", "tspan"),
        }
    )

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in self.STRUCTURAL:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.STRUCTURAL:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


def _checked(html: str) -> StructureChecker:
    checker = StructureChecker()
    checker.feed(html)
    checker.close()
    return checker


def _one_section(*blocks: Block) -> Report:
    """A hand-made report of one section, for what the demo never contains."""
    section = Section("s", "S", list(blocks))
    return Report(Language.EN, "T", "", date(2026, 11, 23), [], "F", "C", [section])


def _unescaped_pipes(line: str) -> int:
    """Pipes that split a table row: those not preceded by an odd run of backslashes."""
    count = 0
    for match in re.finditer(r"(\\*)\|", line):
        if len(match.group(1)) % 2 == 0:
            count += 1
    return count


def _tables(markdown: str) -> list[list[str]]:
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


# ------------------------------------------------------------------ HTML


def test_the_html_report_names_every_segment_and_the_six_types_in_its_language(demo):
    html = render_html(demo)
    for segment in load_demo(demo.lang).segments:
        assert escape(segment.name) in html
    for kind in RelationshipType:
        assert escape(catalogue().type(kind).name(demo.lang)) in html


def test_the_html_report_declares_its_language_and_title(demo):
    html = render_html(demo)
    assert f'<html lang="{demo.lang.value}">' in html
    assert f"<title>{escape(demo.title)}</title>" in html
    assert '<meta charset="utf-8">' in html
    assert 'name="viewport"' in html


def test_the_html_report_carries_the_credit_line_the_drawn_board_and_print_styles(demo):
    html = render_html(demo)
    assert escape(demo.credit) in html
    assert "<svg" in html
    assert "@media print" in html
    assert "size: A4" in html
    assert "break-before: page" in html


def test_the_board_draws_every_block_name_and_highlights_customer_relationships(demo):
    html = render_html(demo)
    # A long name wraps onto several lines of the block, one <tspan> each.
    drawn = {
        " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", text))
        for text in re.findall(r'<text class="name">(.*?)</text>', html)
    }
    assert drawn == {escape(catalogue().block(b).name(demo.lang)) for b in CanvasBlock}
    assert html.count('class="block focus"') == 1


def test_the_front_matter_links_to_every_section(demo):
    html = render_html(demo)
    assert escape(t("report.subtitle", demo.lang)) in html
    assert escape(t("report.contents", demo.lang)) in html
    for section in demo.sections:
        assert f'<section id="{section.key}"' in html
        assert f'href="#{section.key}"' in html
    for label, value in demo.facts:
        assert f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" in html


def test_the_html_report_refers_to_nothing_outside_the_file(demo):
    html = render_html(demo)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "//cdn" not in html
    assert "@import" not in html
    assert "@font-face" not in html
    tags = set(_checked(html).tags)
    assert tags.isdisjoint({"script", "link", "img", "iframe", "object", "embed"})


def test_the_html_report_parses_with_balanced_structural_tags(demo):
    checker = _checked(render_html(demo))
    assert checker.problems == []
    assert checker.stack == []
    assert checker.tags.count("section") == len(demo.sections)


def test_markup_in_user_text_is_shown_escaped_never_as_tags(hostile):
    html = render_html(hostile)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # the note now follows its segment's name on the canvas, so it wraps after "src=x"
    assert "&quot;&gt;&lt;img src=x" in html
    assert "onerror=alert(1)&gt;" in html
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>and</b>" not in html
    checker = _checked(html)
    assert checker.problems == []
    assert {"script", "img", "b"}.isdisjoint(checker.tags)


def test_colours_not_written_as_rrggbb_fall_back_to_grey():
    evil = "red;background:url(x)"
    drawing = Canvas(
        names={block: block.value for block in CanvasBlock},
        items={CanvasBlock.CHANNELS: [CanvasItem(evil, "a note")]},
    )
    table = Table(["A"], [["x"]], fills=[[evil]], marks=['#FFF" onload="x'])
    html = render_html(_one_section(drawing, table))
    assert "url(x)" not in html
    assert "onload" not in html
    assert html.count(f'fill="{GREY}"') == 1
    # the table's fill, the table's mark and the note's marker in the phone's list of blocks
    assert html.count(f"background:{GREY}") == 3


def test_a_crowded_block_ends_with_the_count_of_items_left_out():
    many = [CanvasItem("#0072B2", f"Note number {n} with a few words in it") for n in range(40)]
    drawing = Canvas(
        names={b: b.value for b in CanvasBlock}, items={CanvasBlock.KEY_RESOURCES: many}
    )
    html = render_html(_one_section(drawing))
    drawn = html[html.index("<svg") : html.index("</svg>")]  # the list below holds all 40
    shown = drawn.count("Note number")
    assert 0 < shown < 40
    assert escape(t("canvas.item.more", "en", n=40 - shown)) in html


def test_unknown_tones_are_drawn_as_plain_text_and_medium_advice():
    blocks: list[Block] = [
        Paragraph("text", tone='x" onclick="y'),
        Callout("T", "B", "N", tone="evil"),
    ]
    html = render_html(_one_section(*blocks))
    assert "onclick" not in html
    assert '<p class="normal">text</p>' in html
    assert '<aside class="callout medium">' in html


# ------------------------------------------------------------------ Markdown


def test_the_markdown_summary_has_a_title_and_a_heading_per_section(demo):
    markdown = render_markdown(demo)
    assert markdown.startswith(f"# {demo.title}\n")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [f"## {section.title}" for section in demo.sections]
    for label, value in demo.facts:
        assert f"- **{label}:** {value}" in markdown


def test_the_markdown_summary_lists_the_segments_in_a_pipe_table(demo):
    tables = _tables(render_markdown(demo))
    rows = [row for table in tables for row in table]
    for segment in load_demo(demo.lang).segments:
        assert any(row.startswith(f"| {segment.name} |") for row in rows)
    for table in tables:
        assert re.fullmatch(r"\|( --- \|)+", table[1])


def test_the_markdown_summary_ends_with_the_credit_line(demo):
    assert render_markdown(demo).rstrip("\n").splitlines()[-1] == demo.credit


def test_the_markdown_board_lists_each_block_with_its_items(demo):
    markdown = render_markdown(demo)
    name = catalogue().block(CanvasBlock.CUSTOMER_SEGMENTS).name(demo.lang)
    assert f"### {name}" in markdown
    for segment in load_demo(demo.lang).segments:
        assert any(line.startswith(f"- {segment.name} (") for line in markdown.splitlines())


def test_a_pipe_in_user_text_keeps_every_markdown_table_row_the_same_width(hostile):
    markdown = render_markdown(hostile)
    tables = _tables(markdown)
    assert tables
    assert any("Cafés \\| bars" in row for table in tables for row in table)
    assert any("calls \\| visits<br>and mail" in row for table in tables for row in table)
    for table in tables:
        widths = {_unescaped_pipes(row) for row in table}
        assert len(widths) == 1, table


def test_user_text_cannot_start_a_heading_quote_or_list_in_markdown(hostile):
    lines = render_markdown(hostile).splitlines()
    headings = [line for line in lines if line.startswith("#")]
    assert headings[0] == "# Tags \\<b>and\\</b> pipes |"
    assert not any("not a heading" in line or "shouting" in line for line in headings)
    assert not any(line.startswith(">") and "not a quote" in line for line in lines)
    assert not any(re.match(r"^\*?(- not a list|1\. not a number)", line) for line in lines)
    assert "- \\## shouting | loudly" in lines
    assert not any(line.startswith("<script") for line in lines)


def test_advice_becomes_a_quote_with_a_bold_title(hostile):
    markdown = render_markdown(hostile)
    assert re.search(r"^> \*\*.+\*\*$", markdown, re.M)


# ------------------------------------------------------------------ an empty workshop


def test_a_workshop_without_segments_renders_in_both_formats(tmp_path):
    report = _report(WorkshopDocument.model_validate(EMPTY), Language.RU)
    html = render_html(report)
    checker = _checked(html)
    assert checker.problems == [] and checker.stack == []
    assert "<svg" in html
    assert '<html lang="ru">' in html
    markdown = render_markdown(report)
    assert markdown.startswith("# Nothing yet\n")
    assert markdown.rstrip("\n").endswith(report.credit)
    assert "## " in markdown
