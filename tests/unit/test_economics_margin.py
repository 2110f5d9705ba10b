"""LTV on margin, the upper-bound mark without one, the app's rules of thumb marked as its
own, the ties of question 4 on the canvas and the question's mark: figures worked out by
hand, words taken from the catalogue."""

import io
import json
from decimal import Decimal

import pytest
from pydantic import ValidationError
from pypdf import PdfReader

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, RelationshipInput, RelationshipType, SegmentInput
from canvas.domain.economics import segment_figures
from canvas.domain.progress import unlinked_types
from canvas.domain.recommendations import recommendations
from canvas.export.blocks import report_texts
from canvas.export.course import course_report
from canvas.export.files import ExportFormat, export_file
from canvas.export.json_io import export_json, parse_json
from canvas.figures.canvas import canvas_figure
from canvas.figures.relationships import ltv_chart
from canvas.i18n import describe_validation, money, number, percent, t
from canvas.presenters.canvas_layout import CanvasItem, canvas_items
from canvas.presenters.recommendations import describe
from canvas.presenters.tables import economics_rows, ltv_basis_note, segment_rows
from tests.unit.factories import segment, snapshot

PA = RelationshipType.PERSONAL_ASSISTANCE
SELF = RelationshipType.SELF_SERVICE
COMMUNITIES = RelationshipType.COMMUNITIES
NBSP = "\u00a0"

# Offices: 150 customers paying 6,000 a year at a 40 % gross margin, CAC 900, retention 75 %;
# personal assistance costs 30,000 a year. Cost per customer 30,000 ÷ 150 = 200;
# contribution 6,000 × 0.40 − 200 = 2,400 − 200 = 2,200 a year; lifetime 1 ÷ (1 − 0.75) = 4;
# LTV 2,200 × 4 = 8,800; LTV:CAC 8,800 ÷ 900 = 9.777…
OFFICES = dict(customers=150, revenue="6000", cac="900", retention=75)
COSTED = {PA: RelationshipInput(expected=2, established=2, yearly_cost=Decimal(30000))}


def offices(margin: float | None, segment_id: int = 1, name: str = "Offices"):
    return segment(segment_id, name, margin=margin, answers=COSTED, **OFFICES)


def test_with_a_margin_ltv_is_the_yearly_contribution_times_the_lifetime():
    figures = segment_figures(offices(40))
    assert figures.contribution == Decimal("2200")
    assert figures.ltv == Decimal("8800")
    assert figures.ltv_to_cac == pytest.approx(8800 / 900)
    assert not figures.ltv_upper_bound


def test_without_a_margin_ltv_uses_revenue_and_is_an_upper_bound():
    # contribution 6,000 − 200 = 5,800; LTV 5,800 × 4 = 23,200; LTV:CAC 23,200 ÷ 900 = 25.78
    figures = segment_figures(offices(None))
    assert figures.contribution == Decimal("5800")
    assert figures.ltv == Decimal("23200")
    assert figures.ltv_to_cac == pytest.approx(23200 / 900)
    assert figures.ltv_upper_bound


def test_a_thin_margin_can_make_a_customer_lose_money():
    # 6,000 × 0.02 = 120; 120 − 200 = −80 a year; LTV −80 × 4 = −320, below the CAC of 900
    figures = segment_figures(offices(2))
    assert figures.ltv == Decimal("-320")
    assert [r.code for r in recommendations(snapshot(offices(2)))] == ["ltv_below_cac"]


def test_a_margin_of_zero_leaves_only_the_relationship_cost():
    # 6,000 × 0 − 200 = −200 a year; LTV −200 × 4 = −800
    assert segment_figures(offices(0)).ltv == Decimal("-800")


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize(
    ("margin", "reason"), [(120, "less_than_equal"), (-5, "greater_than_equal")]
)
def test_a_margin_outside_0_to_100_is_refused_in_the_users_language(lang, margin, reason):
    with pytest.raises(ValidationError) as refused:
        SegmentInput(name="Offices", gross_margin=margin)
    bound = {"le": number(100, lang)} if reason == "less_than_equal" else {"ge": number(0, lang)}
    expected = f"{t('field.gross_margin', lang)}: {t(f'invalid.{reason}', lang, **bound)}"
    assert describe_validation(refused.value, lang) == [expected]


def test_the_economics_table_marks_only_revenue_based_figures_with_the_bound():
    with_margin, without = economics_rows(snapshot(offices(40), offices(None, 2, "Cafés")), "en")
    ltv, ratio = t("analysis.col.ltv", "en"), t("analysis.col.ltv_cac", "en")
    assert with_margin[ltv] == money(8800, "USD", "en")
    assert with_margin[ratio] == number(8800 / 900, "en", 1)  # 9.8
    assert with_margin[t("analysis.col.contribution", "en")] == money(2200, "USD", "en")
    assert without[ltv] == f"≤{NBSP}{money(23200, 'USD', 'en')}"
    assert without[ratio] == f"≤{NBSP}{number(23200 / 900, 'en', 1)}"  # ≤ 25.8


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_note_under_the_table_names_the_segments_without_a_margin(lang):
    view = snapshot(offices(40), offices(None, 2, "Cafés"))
    names = t("economics.quoted", lang, name="Cafés")
    assert ltv_basis_note(view, lang) == t("economics.revenue_basis", lang, names=names)
    assert ltv_basis_note(snapshot(offices(40)), lang) is None


def test_the_segment_table_shows_the_margin():
    [row] = segment_rows(snapshot(offices(40)), "ru")
    assert row[t("field.gross_margin", "ru")] == percent(0.40, "ru", 1)


def thin(margin: float | None):
    # 100 customers paying 1,000, no relationship costs, retention 75 % (lifetime 4), CAC 2,000.
    # Without a margin LTV = 1,000 × 4 = 4,000, LTV:CAC 2: under 3, "thin", and a ceiling.
    # With 80 %: 800 × 4 = 3,200, LTV:CAC 1.6.
    figures = {"customers": 100, "revenue": "1000", "cac": "2000", "retention": 75}
    return segment(1, "Thin", margin=margin, **figures)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_thin_ratio_from_revenue_is_shown_as_a_ceiling_and_as_this_apps_rule(lang):
    view = snapshot(thin(None))
    [rec] = recommendations(view)
    shown = {
        "ratio": f"≤{NBSP}{number(2, lang, 1)}",
        "ltv": f"≤{NBSP}{money(4000, 'USD', lang)}",
        "cac": money(2000, "USD", lang),
    }
    expected = t("rec.ltv_cac_thin.trigger", lang, **shown)
    assert describe(rec, view, lang)["trigger"] == f"{expected} ({t('economics.heuristic', lang)})"


def test_a_thin_ratio_on_margin_has_no_ceiling_mark():
    view = snapshot(thin(80))
    [rec] = recommendations(view)
    shown = {"ratio": number(1.6, "en", 1), "ltv": money(3200, "USD", "en")}
    expected = t("rec.ltv_cac_thin.trigger", "en", cac=money(2000, "USD", "en"), **shown)
    assert describe(rec, view, "en")["trigger"].startswith(expected + " (")


def test_a_gap_is_not_called_a_rule_of_thumb():
    gap = {SELF: RelationshipInput(expected=3, established=0)}
    view = snapshot(segment(1, "Gap", answers=gap))
    [rec] = recommendations(view)
    assert t("economics.heuristic", "en") not in describe(rec, view, "en")["trigger"]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_ltv_chart_marks_the_three_to_one_line_as_this_apps_rule(lang):
    figure = ltv_chart(snapshot(offices(None)), lang)
    assert figure.layout.annotations[-1].text == t("chart.ltv.healthy", lang)
    assert figure.data[0].text[0].startswith("≤")


# ------------------------------------------------------------------ the exports carry it


def test_the_json_export_carries_the_margin_and_reads_it_back():
    raw = export_json(snapshot(offices(37.5)))
    [stored] = json.loads(raw)["segments"]
    assert stored["gross_margin"] == 37.5
    assert parse_json(raw.encode(), "en").segments[0].gross_margin == 37.5


def test_a_json_file_without_a_margin_still_imports_with_none():
    data = json.loads(export_json(snapshot(offices(40))))
    del data["segments"][0]["gross_margin"]
    assert parse_json(json.dumps(data).encode(), "en").segments[0].gross_margin is None


@pytest.mark.parametrize("fmt", [ExportFormat.HTML, ExportFormat.MARKDOWN])
def test_html_and_markdown_reports_show_the_margin_and_the_contribution(fmt):
    text = export_file(snapshot(offices(40)), fmt, "en").data.decode("utf-8")
    assert t("field.gross_margin", "en") in text and percent(0.40, "en", 1) in text
    assert money(2200, "USD", "en") in text  # the contribution


def test_the_pdf_shows_the_margin():
    data = export_file(snapshot(offices(40)), ExportFormat.PDF, "ru").data
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert t("field.gross_margin", "ru") in text.replace("\n", " ")


def test_the_course_export_carries_each_participants_margin_and_bound_note():
    report = course_report([snapshot(offices(None, 1, "Cafés"))], "en")
    texts = list(report_texts(report))
    assert (
        t("economics.revenue_basis", "en", names=t("economics.quoted", "en", name="Cafés")) in texts
    )
    assert t("field.gross_margin", "en") in texts


# ------------------------------------------------------------------ question 4 on the canvas

TIES = {
    PA: RelationshipInput(expected=3, established=2, integration={"channels": "kiosk"}),
    SELF: RelationshipInput(expected=1, established=1),
    COMMUNITIES: RelationshipInput(expected=2, established=0),
}


def tied():
    return snapshot(segment(1, "Cafés", answers=TIES))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_tie_is_written_in_the_block_it_ties_into_marked_with_its_type(lang):
    item = t("canvas.item.tie", lang, type=catalogue().type(PA).name(lang), text="kiosk")
    item = t("a11y.canvas.of_segment", lang, segment="Cafés", text=item)  # not colour alone
    colour = tied().segments[0].segment.colour
    assert CanvasItem(colour, item) in canvas_items(tied(), lang)[CanvasBlock.CHANNELS]
    assert all("kiosk" not in i.text for i in canvas_items(tied(), lang)[CanvasBlock.KEY_RESOURCES])


def test_the_canvas_figure_and_the_reports_canvas_show_the_tie():
    figure = canvas_figure(tied(), "en")
    tie = t("canvas.item.tie", "en", type=catalogue().type(PA).name("en"), text="kiosk")
    tie = t("a11y.canvas.of_segment", "en", segment="Cafés", text=tie)
    # a long item wraps onto indented lines: read them as one line again
    drawn = [
        (a.text or "").replace("<br>&nbsp;&nbsp;&nbsp;", " ") for a in figure.layout.annotations
    ]
    assert any(tie in text for text in drawn)
    markdown = export_file(tied(), ExportFormat.MARKDOWN, "en").data.decode("utf-8")
    assert t("canvas.item.tie", "en", type=catalogue().type(PA).name("en"), text="kiosk") in (
        markdown
    )


def test_the_types_in_use_without_a_tie_are_the_ones_question_4_lacks():
    # personal assistance is tied; self-service is in use untied; communities is not in use
    assert unlinked_types(tied().segments[0].relationships) == [SELF]
