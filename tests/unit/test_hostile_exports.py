"""Hostile text in every export: each corpus text (``tests.hostile_text``) in every text field
of a small workshop. HTML and Markdown show it as text and nothing of it becomes a tag, an
attribute, a link, an image or emphasis; the PDF is built, carries its Latin and Cyrillic
words, and says on its title page when the font lacks some of its characters."""

import html
import io
import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from canvas.domain import Language, WorkshopDocument, WorkshopView
from canvas.export.course import course_pdf
from canvas.export.html import render_html
from canvas.export.markdown import render_markdown
from canvas.export.pdf import render_pdf
from canvas.export.report import build_report
from canvas.figures.canvas import canvas_figure
from canvas.figures.loyalty_check import conditions_chart, path_chart
from canvas.figures.nps import distribution_chart, score_chart, trend_chart
from canvas.figures.relationships import cost_chart, gap_heatmap, ltv_chart, spectrum_chart
from canvas.figures.shura import shura_heatmap
from canvas.figures.touchpoints import touchpoint_heatmap
from canvas.figures.twelve_rules import rules_radar
from canvas.i18n import t
from canvas.ops.preview import views_of
from tests.hostile_text import CORPUS, corpus_document, document, strings_in, words

LANGS = [Language.RU, Language.EN]
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def snapshots() -> dict[str, WorkshopView]:
    """Each corpus text's workshop (its reports are made in both languages), and the whole
    corpus as ``"*"``."""
    wanted: dict[str, WorkshopDocument] = {
        key: document(key, LANGS[i % 2]) for i, key in enumerate(CORPUS)
    }
    wanted["*"] = corpus_document(Language.RU)
    return views_of(wanted)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _user_texts(snap: WorkshopView) -> list[str]:
    """Texts as stored, one from each kind of field the report shows."""
    segment = snap.segments[0].segment
    return [
        snap.workshop.title,
        segment.name,
        segment.description,
        snap.notes[0].text,
        snap.touchpoints[0].idea,
        snap.nps.comments[0].why,
    ]


# ------------------------------------------------------------------ HTML


class Page(HTMLParser):
    """Every tag with its attributes, the text outside ``<style>``, and the ``<title>``."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.title = ""
        self.inside: str | None = None
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.inside = tag

    def handle_endtag(self, tag: str) -> None:
        self.inside = None

    def handle_data(self, data: str) -> None:
        if self.inside == "title":
            self.title += data
        elif self.inside != "style":
            self.texts.append(data)


ALLOWED_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "main", "header", "footer", "nav"),
    *("section", "aside", "div", "p", "br", "h1", "h2", "ul", "ol", "li", "dl", "dt", "dd"),
    *("a", "span", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td"),
    *("svg", "g", "rect", "text", "tspan"),
}
STYLE = re.compile(r"background:#[0-9A-Fa-f]{6}|--min-width:\d+px|width:[\d.]+%")


@pytest.mark.parametrize("lang", LANGS, ids=str)
@pytest.mark.parametrize("key", list(CORPUS))
def test_the_html_report_shows_hostile_text_as_text_and_nothing_else(snapshots, key, lang):
    snap = snapshots[key]
    page = Page(render_html(build_report(snap, lang, today=TODAY)))

    tags = [tag for tag, _ in page.tags]
    assert set(tags) <= ALLOWED_TAGS
    assert tags.count("svg") == 1  # the drawn canvas, nothing a user typed
    attributes = [(name, value or "") for _, attrs in page.tags for name, value in attrs.items()]
    assert not [name for name, _ in attributes if name.startswith("on")]
    assert all(value.startswith("#") for name, value in attributes if name == "href")
    assert all(STYLE.fullmatch(value) for name, value in attributes if name == "style")
    assert page.title == snap.workshop.title
    text = _squash("\n".join(page.texts))
    for typed in _user_texts(snap):
        assert _squash(typed) in text


# ------------------------------------------------------------------ Markdown


def _active(markdown: str, pattern: str) -> list[str]:
    """Matches of ``pattern`` not escaped by a backslash (an even run of them escapes nothing)."""
    return re.findall(r"(?<!\\)(?:\\\\)*(" + pattern + ")", markdown)


def _as_read(markdown: str) -> str:
    """Markdown with its backslash escapes resolved, as a reader sees the characters."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


@pytest.mark.parametrize("lang", LANGS, ids=str)
@pytest.mark.parametrize("key", list(CORPUS))
def test_the_markdown_report_shows_hostile_text_without_links_images_or_markup(
    snapshots, key, lang
):
    snap = snapshots[key]
    markdown = render_markdown(build_report(snap, lang, today=TODAY))

    assert _active(markdown, r"\[") == []  # no link, image or reference
    assert _active(markdown, "<") == ["<"] * markdown.count("<br>")  # only the cells' breaks
    assert _active(markdown, r"&|`|\$|~|_") == []  # entities, code, maths, strikes, emphasis
    assert _active(markdown, r"\*\*bold\*\*") == []
    assert _active(markdown.lower(), r"https?://|www\.") == []  # no bare address to link
    read = _squash(_as_read(markdown))
    for typed in _user_texts(snap):
        assert _squash(typed) in read


# ------------------------------------------------------------------ PDF


def _pdf_text(data: bytes) -> tuple[str, str]:
    """The first page's text and the whole document's, whitespace squashed."""
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    return _squash(pages[0]), _squash("\n".join(pages))


@pytest.mark.parametrize(
    ("key", "lang"), [(key, LANGS[i % 2]) for i, key in enumerate(CORPUS)], ids=str
)
def test_the_pdf_carries_the_words_and_says_when_the_font_lacks_a_character(snapshots, key, lang):
    snap = snapshots[key]
    data = render_pdf(build_report(snap, lang, today=TODAY))

    assert data.startswith(b"%PDF")
    first, text = _pdf_text(data)
    expected = {w for typed in _user_texts(snap) for w in words(typed)}
    assert expected
    assert [w for w in sorted(expected) if w not in text] == []
    note = _squash(t("report.font_note", lang))
    assert (note in first) is CORPUS[key].lost


@pytest.mark.parametrize(
    ("lang", "keys", "lost"),
    [(Language.RU, ("emoji", "script"), True), (Language.EN, ("cyrillic", "override"), False)],
    ids=str,
)
def test_the_course_pdf_says_so_too_when_one_participant_typed_what_the_font_lacks(
    snapshots, lang, keys, lost
):
    data = course_pdf([snapshots[key] for key in keys], lang, today=TODAY)

    first, text = _pdf_text(data)
    assert (_squash(t("report.font_note", lang)) in first) is lost
    for key in keys:
        assert all(w in text for w in words(snapshots[key].segments[0].segment.name))


# ------------------------------------------------------------------ charts


@pytest.mark.parametrize("lang", LANGS, ids=str)
def test_every_chart_carries_user_text_html_escaped(snapshots, lang):
    snap = snapshots["*"]
    segment = snap.segments[1].segment.id  # the <img …> one
    figures = [
        gap_heatmap(snap, lang),
        spectrum_chart(snap, lang),
        cost_chart(snap, lang),
        ltv_chart(snap, lang),
        canvas_figure(snap, lang, layer=True),
        score_chart(snap, lang),
        distribution_chart(snap, lang),
        trend_chart(snap, lang),
        touchpoint_heatmap(snap, lang),
        shura_heatmap(snap, lang),
        rules_radar(snap, lang),
        path_chart(snap, lang, segment),
        conditions_chart(snap, lang, segment),
    ]
    strings = [s for figure in figures for s in strings_in(json.loads(figure.to_json()))]

    assert not [s for s in strings if re.search(r"<(script|img|svg|style|a )|<b>bold", s)]
    joined = "\n".join(strings)
    for view in snap.segments:
        assert html.escape(view.segment.name[:20], quote=False) in joined
