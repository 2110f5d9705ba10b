"""The PDF prints its symbols as themselves, leaves no page mostly blank in the middle of a
section, and keeps the canvas's type at a legible size."""

import io
import re

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from canvas.content.demo import load_demo
from canvas.domain import Language, WorkshopDocument, WorkshopView
from canvas.export.pdf import FAMILY, clean, font_files, render_pdf
from canvas.export.pdf.document import lay_out
from canvas.export.pdf.fonts import FALLBACKS, fallback_coverage
from canvas.export.pdf.layout import Page
from canvas.export.report import build_report
from canvas.i18n import t
from canvas.ops.preview import view_of

SYMBOLS = "●⚠→"
LEGIBLE_PT = 6.5  # the smallest type on the canvas page
FILLED = 0.4  # a page a section runs on from must be at least two fifths full


@pytest.fixture(params=list(Language), ids=lambda lang: lang.value)
def demo(request: pytest.FixtureRequest) -> tuple[Language, WorkshopView]:
    lang: Language = request.param
    return lang, view_of(load_demo(lang))


def _fonts(reader: PdfReader) -> dict[str, object]:
    """Every font the pages use: its base name → its font object."""
    found: dict[str, object] = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"]).split("+")[-1]] = font
    return found


def test_the_symbol_fonts_have_the_reports_symbols_that_pt_sans_lacks():
    # ● and ⚠ are in Noto Sans Symbols 2, → in Noto Sans Symbols
    coverage = fallback_coverage()
    assert list(coverage) == list(FALLBACKS)
    assert {ord("●"), ord("⚠")} <= coverage["NotoSymbols2"]
    assert ord("→") in coverage["NotoSymbols"]
    assert clean(SYMBOLS) == SYMBOLS


def test_the_demo_prints_its_symbols_as_themselves_in_embedded_truetype_fonts(demo):
    lang, view = demo
    reader = PdfReader(io.BytesIO(render_pdf(build_report(view, lang))))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # the canvas marks established levels with ● and a missing answer with ⚠; the
    # tables write a level pair as "3 → 1"
    for symbol in SYMBOLS:
        assert symbol in text, symbol
    assert f" {t('canvas.item.missing', lang)}" in text
    fonts = _fonts(reader)
    # one font beside PT Sans's styles: the glyphs of both symbol fonts, merged
    [symbols] = [name for name in fonts if not name.startswith("PTSans")]
    assert symbols.startswith("NotoSansSymbols")
    [descendant] = fonts[symbols]["/DescendantFonts"]  # type: ignore[index]
    descriptor = descendant.get_object()["/FontDescriptor"].get_object()
    # embedded, with TrueType outlines (what fpdf2 declares every font to be), and with
    # a glyph for each symbol
    font = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
    assert "glyf" in font
    glyph_names = set(font.getGlyphOrder()) - {".notdef"}
    assert len(glyph_names) >= len(SYMBOLS)


def test_a_report_without_symbols_embeds_no_symbol_font():
    demo = load_demo(Language.EN)
    empty = WorkshopDocument(workshop=demo.workshop, segments=[], notes=[])
    report = build_report(view_of(empty), Language.EN)
    reader = PdfReader(io.BytesIO(render_pdf(report)))
    assert not any(name.startswith("NotoSans") for name in _fonts(reader))


def test_no_page_a_section_runs_on_from_is_less_than_two_fifths_full(demo):
    lang, view = demo
    fills = lay_out(build_report(view, lang)).fills
    last_page = {fill.section: fill.page for fill in fills}
    assert len(fills) > 10
    for fill in fills:
        if fill.section is not None and last_page[fill.section] != fill.page:
            assert fill.filled >= FILLED, (fill.page, fill.section, fill.filled)


def test_the_segments_table_and_the_first_segment_share_a_page(demo):
    lang, view = demo
    fills = lay_out(build_report(view, lang)).fills
    # the table alone filled a fifth of its page; the first segment's details follow it
    assert "segments" not in {fill.section for fill in fills}
    assert any(fill.section == "segment-1" and fill.filled > 0.5 for fill in fills)


def test_the_canvas_page_sets_no_type_smaller_than_six_and_a_half_points(demo):
    lang, view = demo
    reader = PdfReader(io.BytesIO(render_pdf(build_report(view, lang))))
    # the canvas has the report's one landscape page
    [canvas_page] = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert t("page.canvas", lang) in canvas_page.extract_text()
    stream = canvas_page.get_contents().get_data().decode("latin-1")
    sizes = [float(size) for size in re.findall(r"/F\d+ ([\d.]+) Tf", stream)]
    assert sizes
    assert min(sizes) >= LEGIBLE_PT
    # the demo's crowded blocks do reach the smallest size, and say what did not fit
    assert min(sizes) == LEGIBLE_PT
    more = t("canvas.item.more", lang, n=0).split("0")[0].strip()
    assert more in canvas_page.extract_text()


def test_a_line_with_symbols_measures_as_fpdf2_measures_it_with_its_fallback_fonts():
    page = Page()
    for style, path in font_files().items():
        page.add_font(FAMILY, style, path)
    page.add_page()
    line = "Кофейни: Персональная поддержка ●● ⚠ 3 → 1"
    for style, size in (("", 8.0), ("B", 10.5)):
        page.set_font(FAMILY, style, size)
        width = page.string_width(line)  # adds the symbol fonts it needs
        assert page.symbol_fonts
        with page.symbols_on(line):  # fpdf2's fallback fonts, as for a cell with symbols
            assert width == pytest.approx(page.get_string_width(line), abs=1e-9)
        # wider than the same line without its ●● and ⚠
        assert width > page.string_width(line.replace("●", "").replace("⚠", ""))


def test_a_segment_named_with_a_symbol_keeps_it_in_its_bold_heading():
    demo = load_demo(Language.RU)
    name = "Офисы ⚠ ● → ✓"
    first = demo.segments[0].model_copy(update={"name": name})
    old = demo.segments[0].name

    def renamed(items):
        return [i.model_copy(update={"segment": name}) if i.segment == old else i for i in items]

    parts = ("notes", "loyalty", "nps_counts", "nps_answers", "touchpoints")
    document = demo.model_copy(
        update={
            "segments": [first, *demo.segments[1:]],
            **{part: renamed(getattr(demo, part)) for part in parts},
        }
    )
    report = build_report(view_of(document), Language.RU)
    reader = PdfReader(io.BytesIO(render_pdf(report)))
    text = " ".join("\n".join(page.extract_text() for page in reader.pages).split())
    title = t("report.segment_title", Language.RU, name=name)
    assert title in text
    # drawn, not replaced: the title page has no note about lost characters
    assert t("report.font_note", Language.RU) not in text
