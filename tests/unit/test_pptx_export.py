"""The teaching deck as a PowerPoint file, opened again with python-pptx: the running order
of the projected deck, every slide's texts in the workshop's language (taken from the
catalogue and the i18n files), the canvas as nine editable blocks, the charts as native
charts with the values of a small hand-built workshop, hostile text kept as text, and
LibreOffice turning the file into a PDF."""

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.chart import Chart
from pptx.enum.chart import XL_CHART_TYPE
from pptx.slide import Slide
from pypdf import PageObject, PdfReader

from canvas.content.catalogue import catalogue
from canvas.content.demo import load_demo
from canvas.content.shura import shura_content
from canvas.content.touchpoints import touchpoint_content
from canvas.content.twelve_rules import twelve_rules
from canvas.domain import (
    CanvasBlock,
    Language,
    RelationshipInput,
    RelationshipType,
    WorkshopView,
)
from canvas.domain.fields import NAME_MAX
from canvas.domain.frameworks import FrameworkAnswers, StoredRuleScore, StoredShuraCell
from canvas.domain.nps import NpsCounts, NpsSurvey
from canvas.domain.shura import Audience, ShuraStage
from canvas.domain.touchpoint import Touchpoint, TouchpointCategory, TouchpointRating
from canvas.domain.twelve_rules import ClevelandRule
from canvas.export.files import ExportFormat, export_file, file_name
from canvas.export.pptx import render_pptx
from canvas.export.pptx.canvas_shapes import block_name, darker
from canvas.export.pptx.deck_file import BUILDERS
from canvas.export.pptx.look import HEIGHT, WIDTH
from canvas.i18n import number, t
from canvas.ops.preview import views_of
from canvas.presenters.canvas_layout import GREY
from canvas.presenters.deck import SlideKind, deck
from canvas.presenters.recommendations import advice
from canvas.presenters.relationship_overview import overview_rows
from canvas.presenters.sources import source_lines
from tests.hostile_text import CORPUS, LONG, at_limit, document
from tests.unit.factories import NOW, segment, snapshot

LANGS = [Language.RU, Language.EN]
SOFFICE = Path("/usr/bin/soffice")


@pytest.fixture(scope="module")
def demos() -> dict[str, WorkshopView]:
    return views_of({lang.value: load_demo(lang) for lang in LANGS})


def _open(data: bytes):  # type: ignore[no-untyped-def]
    return Presentation(io.BytesIO(data))


def _shape_texts(shape) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if shape.has_text_frame:
        yield from (paragraph.text for paragraph in shape.text_frame.paragraphs)
    if shape.has_table:
        for row in shape.table.rows:
            for cell in row.cells:
                yield from (paragraph.text for paragraph in cell.text_frame.paragraphs)
    if shape.has_chart:
        made = shape.chart
        yield from made.plots[0].categories
        yield from (series.name for series in made.plots[0].series)


def texts(slide: Slide) -> list[str]:
    """Every paragraph, table cell, chart category and series name on a slide."""
    return [text for shape in slide.shapes for text in _shape_texts(shape)]


def heading(slide: Slide) -> str:
    return next(s.text_frame.text for s in slide.shapes if s.name == "Title")


def charts(slide: Slide) -> list[Chart]:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def _squash(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------ the demo, both languages


def _expected_heading(kind: SlideKind, view: WorkshopView, lang: Language, segment_id) -> str:
    return {
        SlideKind.WHY: t("framing.why", lang),
        SlideKind.QUESTIONS: t("framing.questions", lang),
        SlideKind.TYPES: t("framing.types", lang),
        SlideKind.CANVAS: t("page.canvas", lang),
        SlideKind.SHURA: t("shura.report.title", lang),
        SlideKind.TWELVE_RULES: t("page.twelve_rules", lang),
        SlideKind.NPS: t("page.nps", lang),
        SlideKind.TOUCHPOINTS: t("page.touchpoints", lang),
        SlideKind.LOYALTY_CHECK: t("page.loyalty_check", lang),
        SlideKind.RECOMMENDATIONS: t("analysis.recommendations", lang),
        SlideKind.SOURCES: t("page.sources", lang),
    }.get(kind) or t(
        "deck_file.gap.title",
        lang,
        segment=next(s.segment.name for s in view.segments if s.segment.id == segment_id),
    )


def _by_kind(view: WorkshopView, lang: Language, data: bytes) -> dict[str, list[Slide]]:
    """The file's slides under the key of the deck slide they show (continuations too)."""
    slides = list(_open(data).slides)
    order = deck(view)
    grouped: dict[str, list[Slide]] = {order[0].key: [slides[0]]}  # the title has no heading
    position = 1
    for item in order[1:]:
        wanted = _expected_heading(item.kind, view, lang, item.segment_id)
        assert heading(slides[position]) == wanted, item.key
        grouped[item.key] = [slides[position]]
        position += 1
        more = t("deck_file.continued", lang, title=wanted)
        while position < len(slides) and heading(slides[position]) == more:
            grouped[item.key].append(slides[position])
            position += 1
    assert position == len(slides)  # nothing after the sources
    return grouped


@pytest.mark.parametrize("lang", LANGS, ids=str)
def test_the_demo_deck_has_the_projected_decks_slides_in_order_with_their_texts(demos, lang):
    view = demos[lang.value]
    cat = catalogue()
    slides = _by_kind(view, lang, render_pptx(view, lang))
    said = {
        key: _squash("\n".join(x for s in group for x in texts(s))) for key, group in slides.items()
    }

    title = said["title"]
    assert view.workshop.title in title and t("deck_file.subtitle", lang) in title
    assert _squash(cat.intro(lang)) in said["why"]  # Drucker and the repeat sale
    for question in cat.questions:
        assert question.text(lang) in said["questions"]
    for row in overview_rows(lang):
        for part in (row.name, row.place, row.definition, row.example):
            assert _squash(part) in said["types"]
    for block in CanvasBlock:
        assert cat.block(block).name(lang) in said["canvas"]
    assert cat.credit(lang) in said["canvas"]
    for segment_view in view.segments:
        gap = said[f"gap-{segment_view.segment.id}"]
        assert t("present.expected", lang) in gap and t("present.established", lang) in gap
        for kind in RelationshipType:
            assert cat.type(kind).name(lang) in gap
    for stage in ShuraStage:
        assert shura_content().stage(stage).name(lang) in said["shura"]
    assert t("shura.report.weakest", lang) in said["shura"]
    assert t("rules.priorities", lang) in said["twelve_rules"]
    for rule in ClevelandRule:
        assert twelve_rules().numbered(rule, lang) in said["twelve_rules"]
    assert "Apple" in said["nps"] and "USAA" in said["nps"]
    assert t("report_nps.benchmarks_title", lang) in said["nps"]
    assert t("report_touchpoints.fix_first_title", lang) in said["touchpoints"]
    for category in TouchpointCategory:
        assert touchpoint_content().category(category).name(lang) in said["touchpoints"]
    assert (
        t("loyalty_check.chart.conditions.title", lang, scope=t("loyalty_check.scope_all", lang))
        in said["loyalty_check"]
    )
    for _, text in advice(view, lang):
        assert _squash(text["title"]) in said["recommendations"]
        assert _squash(text["advice"]) in said["recommendations"]
    for entry in source_lines(lang):
        assert entry.framework in said["sources"]
        for reference in entry.references:
            assert _squash(reference) in said["sources"]


@pytest.mark.parametrize("lang", LANGS, ids=str)
def test_the_deck_is_16_by_9_and_every_text_box_stays_on_its_slide(demos, lang):
    presentation = _open(render_pptx(demos[lang.value], lang))

    assert presentation.slide_width * 9 == presentation.slide_height * 16
    assert (presentation.slide_width, presentation.slide_height) == (WIDTH, HEIGHT)
    for slide in presentation.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= WIDTH and shape.top + shape.height <= HEIGHT


def test_the_deck_speaks_the_language_asked_for_not_the_workshops(demos):
    russian = demos["ru"]
    english = _open(render_pptx(russian, Language.EN))
    headings = [heading(slide) for slide in list(english.slides)[1:]]

    assert t("framing.why", "en") in headings and t("framing.why", "ru") not in headings


def test_the_canvas_slide_has_nine_editable_blocks_with_the_notes_in_segment_colours(demos):
    view = demos["en"]
    slide = _by_kind(view, Language.EN, render_pptx(view, "en"))["canvas"][0]
    blocks = {shape.name: shape for shape in slide.shapes if shape.name.startswith("Canvas block")}

    assert sorted(blocks) == sorted(block_name(block) for block in CanvasBlock)
    partners = blocks[block_name(CanvasBlock.KEY_PARTNERS)].text_frame.paragraphs
    assert partners[0].text == catalogue().block(CanvasBlock.KEY_PARTNERS).name("en")
    colours = {s.segment.id: s.segment.colour for s in view.segments}
    checked = 0
    for note in view.notes:
        paragraphs = blocks[block_name(note.block)].text_frame.paragraphs
        shown = [p for p in paragraphs if note.text in p.text]
        if not shown:  # a block too full counts it in "… and N more"
            continue
        marker, text = shown[0].runs[0], shown[0].runs[1]
        colour = colours[note.segment_id] if note.segment_id else GREY
        assert str(marker.font.color.rgb) == colour.removeprefix("#").upper()
        assert str(text.font.color.rgb) == darker(colour).removeprefix("#")
        checked += note.segment_id is not None
    assert checked >= 3


# ------------------------------------------------------------------ a small workshop by hand

SMALL = snapshot(
    segment(
        1,
        "Cafés",
        customers=40,
        revenue="1000",
        answers={
            RelationshipType.PERSONAL_ASSISTANCE: RelationshipInput(expected=3, established=1),
            RelationshipType.SELF_SERVICE: RelationshipInput(expected=1, established=2),
        },
    )
)


def _small() -> WorkshopView:
    shura = [
        StoredShuraCell(stage=ShuraStage.ATTRACTION, audience=Audience.CUSTOMERS, rating=2),
        StoredShuraCell(stage=ShuraStage.RETURN, audience=Audience.EMPLOYEES, rating=5),
    ]
    rules = [
        StoredRuleScore(rule=ClevelandRule.STUDY_CUSTOMERS, score=1),
        StoredRuleScore(rule=list(ClevelandRule)[1], score=4),
    ]
    # scores 0, 7, 9, 9, 10 in segment 1
    survey = NpsSurvey(by_segment={1: [1, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1]})
    points = [
        Touchpoint(
            id=i,
            workshop_id=1,
            name=name,
            category=category,
            segment_id=1,
            rating=rating,
            created_at=NOW,
            updated_at=NOW,
        )
        for i, (name, category, rating) in enumerate(
            [
                ("Invoice", TouchpointCategory.BUSINESS, TouchpointRating.AWFUL),
                ("Letter", TouchpointCategory.BUSINESS, TouchpointRating.WOW),
                ("Courier", TouchpointCategory.EMPLOYEE, TouchpointRating.AWFUL),
            ],
            start=1,
        )
    ]
    return SMALL.model_copy(
        update={
            "frameworks": FrameworkAnswers(shura_cells=shura, rule_scores=rules),
            "nps": survey,
            "touchpoints": points,
        }
    )


def _chart(slides: dict[str, list[Slide]], key: str, kind: XL_CHART_TYPE) -> Chart:
    found = [made for made in charts(slides[key][0]) if made.chart_type == kind]
    assert len(found) == 1, key
    return found[0]


def test_the_charts_are_native_charts_holding_the_workshops_numbers():
    view = _small()
    slides = _by_kind(view, Language.EN, render_pptx(view, "en"))

    gap = _chart(slides, "gap-1", XL_CHART_TYPE.COLUMN_CLUSTERED)
    series = {s.name: list(s.values) for s in gap.plots[0].series}
    kinds = list(RelationshipType)
    expected = [0.0] * 6
    established = [0.0] * 6
    expected[kinds.index(RelationshipType.PERSONAL_ASSISTANCE)] = 3
    established[kinds.index(RelationshipType.PERSONAL_ASSISTANCE)] = 1
    expected[kinds.index(RelationshipType.SELF_SERVICE)] = 1
    established[kinds.index(RelationshipType.SELF_SERVICE)] = 2
    assert series == {
        t("present.expected", "en"): expected,
        t("present.established", "en"): established,
    }

    radar = _chart(slides, "twelve_rules", XL_CHART_TYPE.RADAR_MARKERS)
    values = list(radar.plots[0].series[0].values)
    assert values[:2] == [1, 4] and values[2:] == [None] * 10  # unscored rules stay gaps

    nps = _chart(slides, "nps", XL_CHART_TYPE.COLUMN_CLUSTERED)
    assert list(nps.plots[0].categories) == [str(score) for score in range(11)]
    assert list(nps.plots[0].series[0].values) == [1, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1]
    # 3 promoters, 1 detractor of 5: (3 − 1) / 5 = 40 %
    assert t("deck_file.nps.score", "en", score=number(40.0, "en", 1)) in texts(slides["nps"][0])

    touch = _chart(slides, "touchpoints", XL_CHART_TYPE.COLUMN_CLUSTERED)
    content = touchpoint_content()
    names = [content.category(c).name("en") for c in TouchpointCategory]
    assert list(touch.plots[0].categories) == names
    by_rating = {s.name: list(s.values) for s in touch.plots[0].series}
    documents, people = (
        names.index(content.category(TouchpointCategory.BUSINESS).name("en")),
        names.index(content.category(TouchpointCategory.EMPLOYEE).name("en")),
    )
    awful = by_rating[content.rating_name(TouchpointRating.AWFUL, "en")]
    assert awful[documents] == 1 and awful[people] == 1 and sum(awful) == 2
    assert sum(by_rating[content.rating_name(TouchpointRating.WOW, "en")]) == 1


def test_shura_is_a_table_whose_cells_carry_the_ratings_colours():
    from canvas.presenters.shura import EMPTY_FILL, RATING_FILLS

    view = _small()
    slide = _by_kind(view, Language.EN, render_pptx(view, "en"))["shura"][0]
    table = next(s.table for s in slide.shapes if s.has_table)
    audiences = list(Audience)
    row = 1 + list(ShuraStage).index(ShuraStage.ATTRACTION)
    column = 1 + audiences.index(Audience.CUSTOMERS)
    rated = table.cell(row, column)
    empty = table.cell(row, 1 + audiences.index(Audience.EMPLOYEES))

    assert rated.text_frame.text == t("shura.rating.of_five", "en", rating=2)
    assert str(rated.fill.fore_color.rgb) == RATING_FILLS[2].removeprefix("#")
    assert empty.text_frame.text == t("shura.rating.none", "en")
    assert str(empty.fill.fore_color.rgb) == EMPTY_FILL.removeprefix("#")


def test_a_framework_nobody_filled_in_gets_a_slide_saying_what_it_will_show():
    slides = _by_kind(SMALL, Language.RU, render_pptx(SMALL, "ru"))

    for kind in ("shura", "twelve_rules", "nps", "touchpoints", "loyalty_check"):
        assert t(f"deck_file.empty.{kind}", "ru") in texts(slides[kind][0])
        assert charts(slides[kind][0]) == []


def test_every_kind_of_slide_in_the_running_order_has_a_builder_in_the_file():
    assert set(BUILDERS) == set(SlideKind)


def test_a_workshop_without_segments_gets_every_teaching_slide_and_no_gap_slide():
    empty = snapshot()
    slides = _by_kind(empty, Language.EN, render_pptx(empty, "en"))

    assert list(slides) == [kind.value for kind in SlideKind if kind is not SlideKind.GAP]


def test_typed_in_nps_counts_are_drawn_by_category_when_no_single_answer_is_kept():
    # 3 promoters, 1 passive, 1 detractor typed in: (3 − 1) / 5 = 40
    typed = NpsSurvey(typed={1: NpsCounts(promoters=3, passives=1, detractors=1)})
    view = SMALL.model_copy(update={"nps": typed})
    slides = _by_kind(view, Language.RU, render_pptx(view, "ru"))
    bars = _chart(slides, "nps", XL_CHART_TYPE.COLUMN_CLUSTERED).plots[0]

    names = [t(f"report_nps.category.{c}", "ru") for c in ("detractor", "passive", "promoter")]
    assert list(bars.categories) == names
    assert list(bars.series[0].values) == [1, 1, 3]
    assert t("deck_file.nps.score", "ru", score=number(40.0, "ru", 1)) in texts(slides["nps"][0])


def test_the_summary_export_names_the_file_after_the_workshop_and_builds_the_deck():
    made = export_file(SMALL, ExportFormat.PPTX, "en")

    assert made.name == file_name(SMALL, ExportFormat.PPTX) == "Test.pptx"
    assert made.mime.endswith("presentationml.presentation")
    assert list(_by_kind(SMALL, Language.EN, made.data)) == [slide.key for slide in deck(SMALL)]


# ------------------------------------------------------------------ hostile text


@pytest.fixture(scope="module")
def hostile() -> dict[str, WorkshopView]:
    wanted = {key: document(key, LANGS[i % 2]) for i, key in enumerate(CORPUS)}
    return views_of(wanted)


@pytest.mark.parametrize("key", list(CORPUS))
def test_hostile_text_reaches_the_slides_as_the_same_text(hostile, key):
    view = hostile[key]
    lang = Language(view.workshop.language)
    data = render_pptx(view, lang)
    slides = _by_kind(view, lang, data)
    name = view.segments[0].segment.name

    assert view.workshop.title in texts(slides["title"][0])
    gap = heading(slides[f"gap-{view.segments[0].segment.id}"][0])
    assert gap == t("deck_file.gap.title", lang, segment=name)
    canvas = texts(slides["canvas"][0])
    if key != LONG:  # at 600 characters a note may not fit its block, and is counted instead
        partners = next(n for n in view.notes if n.block is CanvasBlock.KEY_PARTNERS)
        assert any(partners.text in paragraph for paragraph in canvas)
    touchpoints = "\n".join(texts(slides["touchpoints"][0]))
    assert view.touchpoints[0].name in touchpoints
    # escaped in the file's XML: nothing typed becomes an element of a slide
    for slide in _open(data).slides:
        assert b"<script" not in slide.part.blob and b"<img" not in slide.part.blob


# ------------------------------------------------------------------ LibreOffice


@pytest.fixture(scope="module")
def soffice() -> Path:
    """Debian's LibreOffice Impress, or a skip (locally) / failure (CI) when it is missing."""
    if not (SOFFICE.is_file() and os.access(SOFFICE, os.X_OK)):
        reason = (
            f"{SOFFICE} is missing; install Debian's libreoffice-impress (scripts/system-deps.sh)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"LibreOffice is required in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    return SOFFICE


def _crowded() -> WorkshopView:
    """Forty segments with names as long as a name may be, each expecting personal help it
    does not get: the canvas, the recommendations and the titles as full as they come."""
    wanted = RelationshipInput(expected=3, established=0)
    segments = [
        segment(
            i,
            f"{i:02d} " + at_limit(NAME_MAX - 3),
            customers=10 * i,
            revenue="900",
            answers={kind: wanted for kind in list(RelationshipType)[:2]},
        )
        for i in range(1, 41)
    ]
    crowded = snapshot(*segments)
    long = at_limit(NAME_MAX)
    workshop = crowded.workshop.model_copy(update={"title": long, "company": long[::-1]})
    return crowded.model_copy(update={"workshop": workshop})


def _convert(soffice: Path, folder: Path, sources: list[Path]) -> None:
    profile = folder / "profile"  # a profile of its own: no clash with another soffice
    done = subprocess.run(
        [
            str(soffice),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        capture_output=True,
        text=True,
        timeout=400,
        check=False,
    )
    shutil.rmtree(profile, ignore_errors=True)
    assert done.returncode == 0, done.stderr


def _off_the_page(page: PageObject) -> list[str]:
    """Texts LibreOffice drew outside the page: a box whose words ran past the slide."""
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    outside: list[str] = []

    def visit(text, cm, tm, font, size) -> None:  # type: ignore[no-untyped-def]
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if text.strip() and not (0 <= x <= width and 0 <= y <= height):
            outside.append(text)

    page.extract_text(visitor_text=visit)
    return outside


def test_libreoffice_turns_the_decks_into_pdfs_with_every_word_on_its_slide(
    demos, soffice, tmp_path
):
    decks = {"demo": render_pptx(demos["ru"], "ru"), "crowded": render_pptx(_crowded(), "en")}
    sources = []
    for name, data in decks.items():
        sources.append(tmp_path / f"{name}.pptx")
        sources[-1].write_bytes(data)
    _convert(soffice, tmp_path, sources)

    for name, data in decks.items():
        pages = PdfReader(tmp_path / f"{name}.pdf").pages
        assert len(pages) == len(_open(data).slides)
        box = pages[0].mediabox
        assert round(float(box.width) / float(box.height), 2) == round(16 / 9, 2)
        assert [text for page in pages for text in _off_the_page(page)] == []
    demo = PdfReader(tmp_path / "demo.pdf").pages
    assert t("framing.why", "ru") in demo[1].extract_text()
