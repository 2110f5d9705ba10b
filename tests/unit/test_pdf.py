"""The PDF summary: readable text in both languages, every segment in it, page numbers,
and no way for odd input (markup, emoji, very long text, no segments) to break it."""

import io
import re

import pytest
from pypdf import PdfReader

from benchmarks.run import build_document
from canvas.content.catalogue import catalogue
from canvas.content.demo import load_demo
from canvas.domain import Language, RelationshipType, WorkshopDocument
from canvas.export.pdf import FAMILY, clean, font_files, render_pdf
from canvas.export.pdf.canvas_drawing import CanvasDrawing
from canvas.export.pdf.layout import Page
from canvas.export.report import build_report
from canvas.i18n import t
from canvas.ops.preview import view_of

CREDIT = "The Business Model Canvas, Strategyzer AG, CC BY-SA 3.0"


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def _text(data: bytes) -> str:
    """All the text, with line breaks (a cell wraps its text) and no-break spaces as spaces."""
    return " ".join("\n".join(_pages(data)).split())


def _render(document: WorkshopDocument, lang: Language | None = None) -> bytes:
    return render_pdf(build_report(view_of(document), lang))


@pytest.fixture(params=list(Language), ids=lambda lang: lang.value)
def demo_pdf(request: pytest.FixtureRequest) -> tuple[Language, bytes]:
    lang: Language = request.param
    return lang, _render(load_demo(lang))


def test_the_font_comes_from_the_font_package_not_the_system():
    files = font_files()
    assert set(files) == {"", "B", "I", "BI"}
    for path in files.values():
        assert path.is_file()
        assert path.suffix == ".ttf"
        assert "fontpkg_pt_sans" in path.parts


def test_the_demo_is_a_pdf_with_its_segment_names_in_its_language(demo_pdf):
    lang, data = demo_pdf
    assert data.startswith(b"%PDF")
    text = _text(data)
    names = [segment.name for segment in load_demo(lang).segments]
    assert names
    for name in names:
        assert name in text
    if lang is Language.RU:
        assert any(re.search(r"[А-Яа-яЁё]", name) for name in names)


def test_the_demo_names_all_six_relationship_types_in_its_language(demo_pdf):
    lang, data = demo_pdf
    text = _text(data)
    for kind in RelationshipType:
        assert catalogue().type(kind).name(lang) in text


def test_the_demo_credits_the_canvas_and_numbers_its_pages(demo_pdf):
    lang, data = demo_pdf
    pages = _pages(data)
    text = _text(data)
    assert CREDIT in text
    total = len(pages)
    assert total > 2
    # The title page has no footer; every other page says "page n of N".
    assert t("report.page", lang, n=1, total=total) not in pages[0]
    for number in range(2, total + 1):
        label = t("report.page", lang, n=number, total=total)
        assert label in pages[number - 1].replace("\u00a0", " ")


def test_the_demo_has_a_title_page_with_the_title_subtitle_facts_and_contents(demo_pdf):
    lang, data = demo_pdf
    first = _pages(data)[0].replace("\u00a0", " ")
    demo = load_demo(lang)
    assert demo.workshop.title in first
    assert t("report.subtitle", lang) in first
    assert demo.workshop.company in first
    assert t("report.contents", lang) in first
    assert t("report.segment_title", lang, name=demo.segments[0].name) in first


def test_the_canvas_page_is_landscape_and_the_others_portrait():
    data = _render(load_demo(Language.EN))
    reader = PdfReader(io.BytesIO(data))
    shapes = ["L" if p.mediabox.width > p.mediabox.height else "P" for p in reader.pages]
    assert shapes[0] == "P"
    assert shapes.count("L") == 1
    canvas_page = shapes.index("L")
    assert t("page.canvas", Language.EN) in _pages(data)[canvas_page]


def test_forty_segments_give_forty_segment_sections_and_more_pages_than_four():
    big = _render(build_document(40), Language.EN)
    small = _render(build_document(4), Language.EN)
    text = _text(big)
    titles = {
        t("report.segment_title", Language.EN, name=f"Segment {i + 1:02d}") for i in range(40)
    }
    assert len(titles) == 40
    for title in titles:
        # Once in the contents on the first pages, once as the heading of its own table.
        assert text.count(title) == 2, title
    assert len(PdfReader(io.BytesIO(big)).pages) > len(PdfReader(io.BytesIO(small)).pages)


def test_hostile_text_is_written_literally_and_unknown_characters_are_replaced():
    demo = load_demo(Language.RU)
    name = "<script>alert(1)</script> 🙂 Кофе"
    description = ("Очень длинное описание сегмента {nb} **жирный** " * 100)[:4000]
    old = demo.segments[0].name
    first = demo.segments[0].model_copy(update={"name": name, "description": description})

    def renamed(items):
        return [i.model_copy(update={"segment": name}) if i.segment == old else i for i in items]

    # Everything that names the segment follows it (model_copy does not validate).
    parts = ("notes", "loyalty", "nps_counts", "nps_answers", "touchpoints")
    document = demo.model_copy(
        update={
            "segments": [first, *demo.segments[1:]],
            **{part: renamed(getattr(demo, part)) for part in parts},
        }
    )
    data = _render(document)
    assert data.startswith(b"%PDF")
    text = _text(data)
    assert "<script>alert(1)</script>" in text
    assert "🙂" not in text
    assert "<script>alert(1)</script> ? Кофе" in text
    # Markup and fpdf2's page-count alias stay text.
    assert "{nb}" in text
    assert "**жирный**" in text


def test_an_unbroken_four_thousand_character_text_wraps_instead_of_overflowing():
    demo = load_demo(Language.EN)
    first = demo.segments[0].model_copy(update={"description": "x" * 4000})
    document = demo.model_copy(update={"segments": [first, *demo.segments[1:]]})
    text = _text(_render(document))
    assert text.count("x" * 50) >= 40


def test_a_workshop_with_no_segments_still_renders_the_title_page_and_the_canvas():
    demo = load_demo(Language.EN)
    document = WorkshopDocument(workshop=demo.workshop, segments=[], notes=[])
    data = _render(document)
    assert data.startswith(b"%PDF")
    pages = _pages(data)
    # the title page, the canvas, and the sources every report closes with
    assert len(pages) == 3
    assert demo.workshop.title in pages[0]
    assert t("page.canvas", Language.EN) in pages[1]
    assert CREDIT in pages[1]
    assert t("page.sources", Language.EN) in pages[2]


def test_clean_keeps_what_the_font_has_and_replaces_the_rest():
    assert clean("Кофе «Турка» — 1 500 ₽") == "Кофе «Турка» — 1 500 ₽"
    assert clean("a 🙂 b") == "a ? b"
    # the skin-tone modifier carries no text of its own; the hand is in Noto Sans Symbols 2
    assert clean("👍🏽") == "👍"
    # the report's own symbols stay: the symbol fonts draw them
    assert clean("Кофейни ●●● ⚠ → ✓") == "Кофейни ●●● ⚠ → ✓"
    assert clean("⟶") == "→"  # a look-alike for an arrow no font here has
    assert clean("①") == "①"  # in Noto Sans Symbols 2
    assert clean("Ａ") == "A"  # a full-width letter no font here has: its plain form
    assert clean("line\r\nnext") == "line\nnext"


def test_the_fast_word_width_is_exactly_fpdfs_string_width():
    # Layout (and so every byte of the PDF) depends on these widths; an fpdf2 upgrade that
    # measured differently would show here first.
    page = Page()
    for style, path in font_files().items():
        page.add_font(FAMILY, style, path)
    words = ["", " ", "Кофейни", "3\u00a0000 ₽", "Touchpoint 042", "{nb}", "a" * 300, "…"]
    for style in ("", "B", "I", "BI"):
        for size in (5.5, 8.0, 8.5, 10.0, 26.0):
            page.set_font(FAMILY, style, size)
            for word in words:
                assert page.string_width(word) == page.get_string_width(word), (style, size)


def _page_with_fonts() -> CanvasDrawing:
    page = CanvasDrawing()
    page.compress = False  # the content stream readable as text
    for style, path in font_files().items():
        page.add_font(FAMILY, style, path)
    page.add_page()
    return page


def _text_objects(page: Page) -> list[str]:
    """The page's ``BT … ET`` text objects, in order."""
    stream = page.pages[page.page].contents.decode("latin-1")
    return re.findall(r"BT .*? ET", stream.replace("\n", " "))


def _colour_of_text(page: Page) -> list[str]:
    """Before each drawn text object, the fill colour operator last set inside ``q``."""
    stream = page.pages[page.page].contents.decode("latin-1").replace("\n", " ")
    return re.findall(r"q ([\d. ]+ rg) BT", stream)


def test_drawing_lines_in_one_go_writes_the_same_operators_as_fpdfs_text_one_by_one():
    lines = [(20.0, 30.0, "Кофейни"), (20.0, 34.5, "3\u00a0000 ₽"), (60.25, 30.0, "(a) \\ b")]
    one_by_one, in_one_go = _page_with_fonts(), _page_with_fonts()
    for page in (one_by_one, in_one_go):
        page.set_font(FAMILY, "B", 8.5)
        page.set_text_color(200, 30, 40)  # unlike the fill colour: wrapped in q … Q
    for x, y, text in lines:
        one_by_one.text(x, y, text)
    in_one_go.draw_texts(lines)
    in_one_go.draw_texts(lines[:1])  # encoded from the cache the second time
    one_by_one.text(*lines[0])
    drawn = _text_objects(in_one_go)
    assert drawn == _text_objects(one_by_one)
    assert len(drawn) == 5 and all(" Tj ET" in text for text in drawn[1:])  # 1: the font
    assert (
        set(_colour_of_text(in_one_go))
        == set(_colour_of_text(one_by_one))
        == {"0.7843 0.1176 0.1569 rg"}
    )


def test_the_canvas_block_takes_the_largest_half_point_size_its_notes_fit():
    from canvas.export.pdf.look import BOARD_ITEM_PT, BOARD_MIN_PT, line_height

    page = _page_with_fonts()
    texts = [f"Note {n}: a sentence long enough to wrap inside a narrow block" for n in range(12)]
    width = 40.0

    def needed(size: float) -> float:
        layout = page.lay_out_items(texts, size, width)
        lines = sum(len(item) for item in layout)
        return lines * line_height(size, 1.18) + (len(layout) - 1) * line_height(size, 0.35)

    # 8 pt down to 6.5 pt in half points: 8, 7.5, 7, 6.5
    sizes = [BOARD_ITEM_PT - 0.5 * k for k in range(4)]
    assert sizes[-1] == BOARD_MIN_PT
    # Heights that fit each size exactly, one too small for any, one roomy for all.
    for height in [*(needed(size) for size in sizes), needed(BOARD_MIN_PT) - 1, 1000.0]:
        by_steps = next((size for size in sizes if needed(size) <= height), BOARD_MIN_PT)
        size, layout = page.largest_fitting_size(texts, width, height)
        assert size == by_steps, height
        assert layout == page.lay_out_items(texts, size, width)
