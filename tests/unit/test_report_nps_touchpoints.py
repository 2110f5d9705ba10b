"""The NPS and touchpoint sections of the report: hand-worked figures in both languages,
nothing when there is nothing to show, hostile text kept harmless in every format."""

import io
import re
from datetime import date
from html import escape

import pytest
from pypdf import PdfReader

from canvas.content.catalogue import catalogue
from canvas.content.demo import load_demo
from canvas.domain import Language, RelationshipType, WorkshopView
from canvas.domain.nps import NpsCategory, NpsComment, NpsCounts, NpsSurvey
from canvas.domain.touchpoint import Touchpoint, TouchpointCategory, TouchpointRating
from canvas.export.blocks import Paragraph, Report, Section, Table
from canvas.export.html import render_html
from canvas.export.markdown import render_markdown
from canvas.export.pdf import render_pdf
from canvas.export.report import build_report
from canvas.export.sections_nps import CATEGORY_FILLS
from canvas.i18n import strings, t
from canvas.ops.preview import view_of
from tests.unit.factories import NOW, segment, snapshot

SCRIPT = "<script>alert(1)</script>"
SCRIPT_TOUCHPOINT = "<script>alert(2)</script>"
CAFES, OFFICES = 1, 2
NBSP = "\u00a0"

# Кофейни (id 1): single answers 0, 6, 7, 8, 9, 9, 9, 10, 10, 10
#   → 6 promoters, 2 passives, 2 detractors of 10: NPS = (6 − 2) / 10 × 100 = 40.
#   Adjusted Wald: n' = 13, p = 6.75 / 13 = 0.5192, d = 2.75 / 13 = 0.2115,
#   centre = 0.3077, variance = (p + d − centre²) / n' = (0.7308 − 0.0947) / 13 = 0.04893,
#   sd = 0.2212, ± 1.96 × 0.2212 = ± 0.4335 → −12.6 to 74.1; under 30 answers: wide.
# Offices (id 2): typed in 20 promoters, 10 passives, 10 detractors → NPS (20 − 10) / 40 = 25.
#   n' = 43, p = 20.75 / 43 = 0.4826, d = 10.75 / 43 = 0.25, centre = 0.2326,
#   variance = (0.7326 − 0.0541) / 43 = 0.01578, sd = 0.1256, ± 0.2462 → −1.4 to 47.9.
# Everyone: 26 P, 12 A, 12 D of 50 → 52 %, 24 %, 24 %, NPS (26 − 12) / 50 = 28.
#   n' = 53, p = 26.75 / 53 = 0.5047, d = 12.75 / 53 = 0.2406, centre = 0.2642,
#   variance = (0.7453 − 0.0698) / 53 = 0.01275, sd = 0.1129, ± 0.2213 → 4.3 to 48.5.
#   Against the benchmarks: 28 − 73 = −45 (Apple), 28 − 87 = −59 (USAA).
# March: the six promoters → NPS 100; n' = 9, p = 0.75, d = 0.0833, centre = 0.6667,
#   variance = (0.8333 − 0.4444) / 9 = 0.04321, sd = 0.2079, ± 0.4074 → 25.9 to 107.4,
#   clipped to 100.
# April: 0, 6, 7, 8 → 0 P, 2 A, 2 D of 4: NPS −50; n' = 7, p = 0.1071, d = 0.3929,
#   centre = −0.2857, variance = (0.5 − 0.0816) / 7 = 0.05977, sd = 0.2445, ± 0.4792
#   → −76.5 to 19.3.
SURVEY = NpsSurvey(
    by_segment={CAFES: [1, 0, 0, 0, 0, 0, 1, 1, 1, 3, 3]},
    by_month={
        "2026-03": [0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3],
        "2026-04": [1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0],
    },
    typed={OFFICES: NpsCounts(promoters=20, passives=10, detractors=10)},
    comments=[
        NpsComment(
            score=0,
            why=SCRIPT,
            make_it_ten="| pipes |",
            segment_id=CAFES,
            answered_on=date(2026, 4, 2),
        ),
        NpsComment(score=10, why="Great roast"),
    ],
    # Three detractors left a comment, only the newest one is kept
    comment_totals={NpsCategory.DETRACTOR: 3, NpsCategory.PROMOTER: 1},
)


def _touchpoint(
    point_id: int,
    name: str,
    category: TouchpointCategory,
    *,
    segment_id: int | None = None,
    rating: TouchpointRating | None = None,
    kind: RelationshipType | None = None,
    idea: str = "",
    owner: str = "",
) -> Touchpoint:
    return Touchpoint(
        id=point_id,
        workshop_id=1,
        name=name,
        category=category,
        segment_id=segment_id,
        rating=rating,
        relationship_type=kind,
        idea=idea,
        owner=owner,
        created_at=NOW,
        updated_at=NOW,
    )


TOUCHPOINTS = [
    _touchpoint(
        1,
        "Website",
        TouchpointCategory.BUSINESS,
        rating=TouchpointRating.AWFUL,
        idea="Rebuild for phones",
        owner="Dana",
    ),
    _touchpoint(
        2,
        SCRIPT_TOUCHPOINT,
        TouchpointCategory.PRODUCT,
        segment_id=OFFICES,
        rating=TouchpointRating.AWFUL,
    ),
    _touchpoint(
        3,
        "Smile",
        TouchpointCategory.EMPLOYEE,
        segment_id=CAFES,
        rating=TouchpointRating.WOW,
        kind=RelationshipType.DEDICATED_PERSONAL_ASSISTANCE,
    ),
    _touchpoint(4, "Brochure", TouchpointCategory.SERVICE, segment_id=CAFES),
]


def _workshop(currency: str = "USD") -> WorkshopView:
    # Кофейни: 10 customers × 1,000 = 10,000 a year; Offices: 4 × 500 = 2,000; all: 12,000.
    base = snapshot(
        segment(CAFES, "Кофейни", customers=10, revenue="1000"),
        segment(OFFICES, "Offices", customers=4, revenue="500"),
        currency=currency,
    )
    return base.model_copy(update={"nps": SURVEY, "touchpoints": TOUCHPOINTS})


def _section(report: Report, key: str) -> Section:
    found = [s for s in report.sections if s.key == key]
    assert len(found) == 1, [s.key for s in report.sections]
    return found[0]


def _tables(section: Section) -> list[Table]:
    return [block for block in section.blocks if isinstance(block, Table)]


def _texts(section: Section) -> list[str]:
    return [block.text for block in section.blocks if isinstance(block, Paragraph)]


def _table_after(section: Section, heading: str) -> Table:
    """The first table that follows the paragraph ``heading``."""
    index = next(i for i, b in enumerate(section.blocks) if getattr(b, "text", None) == heading)
    return next(b for b in section.blocks[index:] if isinstance(b, Table))


# The texts each language should show for the figures worked out above.
EXPECTED = {
    Language.EN: {
        "title": "Loyalty index (NPS)",
        "scores": [
            ["All answers", "50", "52%", "24%", "24%", "28", "4.3 to 48.5"],
            ["Кофейни", "10", "60%", "20%", "20%", "40", "\u221212.6 to 74.1"],
            ["Offices", "40", "50%", "25%", "25%", "25", "\u22121.4 to 47.9"],
        ],
        "notes": [
            t("report_nps.typed", "en"),
            "wide interval, under 30 answers",
            t("report_nps.typed", "en"),
        ],
        "benchmarks": [
            ["Us, all answers", "28", "—"],
            ["Apple", "73", "\u221245"],
            ["USAA", "87", "\u221259"],
        ],
        "trend": [
            ["March 2026", "6", "100%", "0%", "0%", "100", "25.9 to 100"],
            ["April 2026", "4", "0%", "50%", "50%", "\u221250", "\u221276.5 to 19.3"],
        ],
        "detractors": "Detractors (0–6): 1 of 3 shown",
        "promoters": "Promoters (9–10): 1 of 1 shown",
        "passives": f"{t('report_nps.category.passive', 'en')} (7–8):",
        "no_segment": "No segment given",
    },
    Language.RU: {
        "title": "Индекс лояльности (NPS)",
        "scores": [
            ["Все ответы", "50", f"52{NBSP}%", f"24{NBSP}%", f"24{NBSP}%", "28", "от 4,3 до 48,5"],
            ["Кофейни", "10", f"60{NBSP}%", f"20{NBSP}%", f"20{NBSP}%", "40", "от −12,6 до 74,1"],
            ["Offices", "40", f"50{NBSP}%", f"25{NBSP}%", f"25{NBSP}%", "25", "от −1,4 до 47,9"],
        ],
        "notes": [
            t("report_nps.typed", "ru"),
            "широкий интервал: меньше 30 ответов",
            t("report_nps.typed", "ru"),
        ],
        "benchmarks": [
            ["Мы, все ответы", "28", "—"],
            ["Apple", "73", "\u221245"],
            ["USAA", "87", "\u221259"],
        ],
        "trend": [
            ["Март 2026", "6", f"100{NBSP}%", f"0{NBSP}%", f"0{NBSP}%", "100", "от 25,9 до 100"],
            [
                "Апрель 2026",
                "4",
                f"0{NBSP}%",
                f"50{NBSP}%",
                f"50{NBSP}%",
                "\u221250",
                "от \u221276,5 до 19,3",
            ],
        ],
        "detractors": "Критики (0–6): показано 1 из 3",
        "promoters": "Промоутеры (9–10): показано 1 из 1",
        "passives": f"{t('report_nps.category.passive', 'ru')} (7–8):",
        "no_segment": "Без сегмента",
    },
}


@pytest.fixture(params=list(Language), ids=lambda lang: lang.value)
def lang(request: pytest.FixtureRequest) -> Language:
    return request.param


def test_the_nps_table_shows_the_hand_worked_figures_overall_and_per_segment(lang):
    section = _section(build_report(_workshop(), lang), "nps")
    expected = EXPECTED[lang]
    assert section.title == expected["title"]
    scores = _tables(section)[0]
    assert [row[:7] for row in scores.rows] == expected["scores"]
    assert [row[7] for row in scores.rows] == expected["notes"]
    # The segment rows carry the segment's colour; the overall row none of a segment.
    assert scores.marks is not None and scores.marks[1:] == ["#0072B2", "#0072B2"]


def test_the_overall_nps_is_compared_with_apple_and_usaa(lang):
    section = _section(build_report(_workshop(), lang), "nps")
    assert _tables(section)[1].rows == EXPECTED[lang]["benchmarks"]


def test_the_distribution_counts_single_answers_coloured_by_category(lang):
    section = _section(build_report(_workshop(), lang), "nps")
    table = _tables(section)[2]
    assert table.header[1:] == [str(score) for score in range(11)]
    # Offices has typed-in counts only, which have no scores: not a row here.
    row = ["1", "0", "0", "0", "0", "0", "1", "1", "1", "3", "3"]
    assert [r[1:] for r in table.rows] == [row, row]
    assert [r[0] for r in table.rows][1:] == ["Кофейни"]
    assert table.fills is not None
    detractor = CATEGORY_FILLS[NpsCategory.DETRACTOR]
    passive = CATEGORY_FILLS[NpsCategory.PASSIVE]
    promoter = CATEGORY_FILLS[NpsCategory.PROMOTER]
    assert table.fills[0] == [None, *[detractor] * 7, passive, passive, promoter, promoter]
    assert len({detractor, passive, promoter}) == 3


def test_the_trend_has_one_row_per_month_in_order(lang):
    section = _section(build_report(_workshop(), lang), "nps")
    trend = _tables(section)[3]
    assert [row[:7] for row in trend.rows] == EXPECTED[lang]["trend"]
    wide = EXPECTED[lang]["notes"][1]
    assert [row[7] for row in trend.rows] == [wide, wide]


def test_the_answers_are_grouped_by_category_with_how_many_are_shown(lang):
    section = _section(build_report(_workshop(), lang), "nps")
    expected = EXPECTED[lang]
    texts = _texts(section)
    assert expected["detractors"] in texts
    assert expected["promoters"] in texts
    # No passive left a comment: no group for them.
    assert not [text for text in texts if text.startswith(expected["passives"])]
    detractors = _table_after(section, expected["detractors"])
    # 2 April 2026 as each locale writes a short date
    written = {Language.RU: "02.04.2026", Language.EN: "4/2/26"}[lang]
    assert detractors.rows == [["0", "Кофейни", written, SCRIPT, "| pipes |"]]
    promoters = _table_after(section, expected["promoters"])
    assert promoters.rows == [["10", expected["no_segment"], "—", "Great roast", "—"]]
    assert texts.index(expected["detractors"]) < texts.index(expected["promoters"])


def test_typed_counts_alone_give_a_section_without_distribution_trend_or_answers():
    survey = NpsSurvey(typed={None: NpsCounts(promoters=3, detractors=1)})
    base = snapshot(segment(CAFES, "Cafés"))
    section = _section(build_report(base.model_copy(update={"nps": survey}), "en"), "nps")
    tables = _tables(section)
    # 3 P and 1 D of 4: NPS (3 − 1) / 4 = 50; only the scores and benchmarks tables.
    assert len(tables) == 2
    assert tables[0].rows[0][:6] == ["All answers", "4", "75%", "0%", "25%", "50"]
    assert tables[0].rows[1][0] == "No segment given"
    assert tables[1].rows[1] == ["Apple", "73", "\u221223"]  # 50 − 73


def test_no_survey_and_no_touchpoints_means_no_sections():
    empty = snapshot(segment(CAFES, "Cafés", customers=10, revenue="1000"))
    zeros = empty.model_copy(update={"nps": NpsSurvey(typed={CAFES: NpsCounts()})})
    for workshop in (empty, zeros):
        for lang in Language:
            keys = [s.key for s in build_report(workshop, lang).sections]
            assert "nps" not in keys and "touchpoints" not in keys


TOUCHPOINT_TEXTS = {
    Language.EN: {
        "title": "Touchpoints",
        "categories": ["Business", "Product", "Service", "Employee"],
        "all": "all segments",
        "awful": "awful",
        "not_rated": "not rated",
        "business": t("report_touchpoints.heading.business", "en", n="1"),
        "employee": t("report_touchpoints.heading.employee", "en", n="1"),
        "revenue": ("$12,000", "$2,000"),
    },
    Language.RU: {
        "title": "Точки контакта",
        "categories": ["Бизнес", "Продукт", "Услуга", "Сотрудник"],
        "all": "все сегменты",
        "awful": "ужасно",
        "not_rated": "без оценки",
        "business": t("report_touchpoints.heading.business", "ru", n="1"),
        "employee": t("report_touchpoints.heading.employee", "ru", n="1"),
        "revenue": (f"12{NBSP}000{NBSP}₽", f"2{NBSP}000{NBSP}₽"),
    },
}


def test_the_rating_table_counts_touchpoints_per_category_and_rating(lang):
    section = _section(build_report(_workshop(), lang), "touchpoints")
    texts = TOUCHPOINT_TEXTS[lang]
    assert section.title == texts["title"]
    heatmap = _tables(section)[0]
    # Columns: awful, OK, wow, not rated, total.
    assert heatmap.rows == [
        [texts["categories"][0], "1", "0", "0", "0", "1"],
        [texts["categories"][1], "1", "0", "0", "0", "1"],
        [texts["categories"][2], "0", "0", "0", "1", "1"],
        [texts["categories"][3], "0", "0", "1", "0", "1"],
    ]
    assert heatmap.fills is not None
    for row, fills in zip(heatmap.rows, heatmap.fills, strict=True):
        # A count gets a colour, a zero stays white.
        assert [fill is not None for fill in fills[1:5]] == [cell != "0" for cell in row[1:5]]


def test_awful_touchpoints_come_first_by_the_revenue_they_touch(lang):
    currency = "USD" if lang is Language.EN else "RUB"
    section = _section(build_report(_workshop(currency), lang), "touchpoints")
    texts = TOUCHPOINT_TEXTS[lang]
    fix_first = _tables(section)[1]
    # The website touches every segment (12,000 a year), the other one Offices (2,000).
    everyone, offices = texts["revenue"]
    assert fix_first.rows == [
        [
            "1",
            "Website",
            texts["categories"][0],
            texts["all"],
            everyone,
            "Rebuild for phones",
            "Dana",
        ],
        ["2", SCRIPT_TOUCHPOINT, texts["categories"][1], "Offices", offices, "—", "—"],
    ]


def test_the_inventory_lists_each_category_with_segment_type_rating_idea_and_owner(lang):
    section = _section(build_report(_workshop(), lang), "touchpoints")
    texts = TOUCHPOINT_TEXTS[lang]
    business = _table_after(section, texts["business"])
    assert business.rows == [
        ["Website", texts["all"], "—", texts["awful"], "Rebuild for phones", "Dana"]
    ]
    employee = _table_after(section, texts["employee"])
    dedicated = catalogue().type(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE).name(lang)
    assert employee.rows[0][:3] == ["Smile", "Кофейни", dedicated]
    unrated = [t for t in _tables(section)[2:] if t.rows[0][0] == "Brochure"]
    assert unrated[0].rows[0][3] == texts["not_rated"]


def test_an_empty_fix_first_list_says_so():
    points = [p for p in TOUCHPOINTS if p.rating is not TouchpointRating.AWFUL]
    workshop = _workshop().model_copy(update={"touchpoints": points})
    section = _section(build_report(workshop, "en"), "touchpoints")
    assert "No touchpoint is rated awful." in _texts(section)


def test_every_category_rating_and_touchpoint_heading_is_translated():
    keys = {f"report_nps.category.{c.value}" for c in NpsCategory}
    keys |= {f"report_touchpoints.rating.{r.value}" for r in TouchpointRating}
    keys |= {f"report_touchpoints.category.{c.value}" for c in TouchpointCategory}
    keys |= {f"report_touchpoints.heading.{c.value}" for c in TouchpointCategory}
    for lang in Language:
        assert keys <= set(strings(lang))


def test_the_html_report_escapes_hostile_comments_and_touchpoint_names():
    html = render_html(build_report(_workshop(), "en"))
    assert escape(SCRIPT) in html
    assert escape(SCRIPT_TOUCHPOINT) in html
    assert "<script" not in html


def test_the_markdown_report_escapes_hostile_comments_and_touchpoint_names():
    markdown = render_markdown(build_report(_workshop(), "en"))
    assert "\\<script>alert(1)\\</script>" in markdown
    assert "\\<script>alert(2)\\</script>" in markdown
    assert re.search(r"(?<!\\)<script", markdown) is None
    # The pipes of the comment stay inside their cell.
    assert "\\| pipes \\|" in markdown


def _pdf_text(data: bytes) -> str:
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    return " ".join("\n".join(pages).split())


def test_the_pdf_draws_both_sections_with_cyrillic_and_the_figures():
    data = render_pdf(build_report(_workshop("RUB"), "ru"))
    assert data.startswith(b"%PDF")
    text = _pdf_text(data)
    for expected in (
        "Индекс лояльности (NPS)",
        "Кофейни",
        "от \u221212,6 до 74,1",
        "широкий интервал: меньше 30 ответов",
        "Критики (0–6): показано 1 из 3",
        "Точки контакта",
        "12 000 ₽",
        SCRIPT,
        SCRIPT_TOUCHPOINT,
    ):
        assert expected in text, expected


def _pages_of(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def test_a_pdf_subheading_moves_to_the_next_page_with_the_table_it_introduces():
    moved = 0
    for lines in range(44, 60):
        filler = Paragraph("\n".join(f"filler line {i}" for i in range(lines)))
        blocks = [filler, Paragraph("SUBTITLE", tone="lead"), Table(["COLUMN"], [["cell"]])]
        report = Report(
            lang=Language.EN,
            title="T",
            company="",
            created=date(2026, 11, 23),
            facts=[],
            footer="f",
            credit="c",
            sections=[Section("s", "Section", blocks, new_page=True)],
        )
        pages = _pages_of(render_pdf(report))
        subtitle = [i for i, page in enumerate(pages) if "SUBTITLE" in page]
        column = [i for i, page in enumerate(pages) if "COLUMN" in page]
        assert subtitle == column, lines
        if f"filler line {lines - 1}" not in pages[subtitle[0]]:
            moved += 1
    # Some filler lengths left room for the subtitle but not the table under it.
    assert moved


def test_the_demo_report_has_both_sections_with_the_same_figures_in_both_languages():
    # Demo: 55 single answers and 41 P, 22 A, 17 D typed in for the home subscribers.
    # Single answers: coffee shops 12 P, 3 A, 1 D; offices 2, 5, 7; home subscribers 10, 5, 3;
    # corporate gifts 4, 1, 0; no segment 1, 0, 1 → 29 P, 14 A, 12 D.
    # Everyone: 70 P, 36 A, 29 D of 135 → NPS (70 − 29) / 135 = 30.37.
    # The awful touchpoint touching every segment puts all yearly revenue at stake:
    # RU 85 × 960 000 + 70 × 360 000 + 2 600 × 14 400 + 30 × 1 450 000 = 187 740 000 ₽;
    # EN the same business at 100 ₽ a dollar: 85 × 9,600 + 70 × 3,600 + 2,600 × 144
    # + 30 × 14,500 = 816,000 + 252,000 + 374,400 + 435,000 = $1,877,400.
    expected = {
        Language.EN: ("All answers", "30.4", "$1,877,400"),
        Language.RU: ("Все ответы", "30,4", f"187{NBSP}740{NBSP}000{NBSP}₽"),
    }
    for lang in Language:
        demo = view_of(load_demo(lang))
        report = build_report(demo, lang)
        overall, score, revenue = expected[lang]
        scores = _tables(_section(report, "nps"))[0]
        assert scores.rows[0][:2] == [overall, "135"]
        assert scores.rows[0][5] == score
        fix_first = _tables(_section(report, "touchpoints"))[1]
        assert fix_first.rows[0][4] == revenue
        assert len(fix_first.rows) == 5


def test_the_nps_section_comes_before_the_touchpoints_section():
    keys = [s.key for s in build_report(_workshop(), "en").sections]
    assert keys.index("nps") < keys.index("touchpoints")
