"""The handout: the PDF with the theory, and the blank worksheet for a room without laptops.

The expected words are read here from the catalogue and the framework files
(``data/catalogue.json``, ``data/frameworks/*.json``) and the UI strings, never from the
code that writes the PDF; the PDF is read back with pypdf.
"""

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from canvas.domain import Language, RelationshipInput, RelationshipType
from canvas.export.files import ExportFormat, export_file
from canvas.export.pdf.worksheet import render_worksheet
from canvas.i18n import t
from tests.hostile_text import CORPUS, NAME_MAX, fit, words
from tests.unit.factories import segment, snapshot

DATA = Path(__file__).resolve().parents[2] / "data"
LANGS = list(Language)


def _json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


CATALOGUE = _json("catalogue.json")
SHURA = _json("frameworks/shura.json")
RULES = _json("frameworks/twelve_rules.json")
TOUCHPOINTS = _json("frameworks/touchpoints.json")
LOYALTY = _json("frameworks/loyalty_check.json")

# A4 is 210 × 297 mm and A3 297 × 420 mm; a point is 1/72 inch = 25.4/72 mm, so
# 297 mm = 297 / 25.4 × 72 = 841.89 pt, 210 mm = 595.28 pt, 420 mm = 1190.55 pt.
A4_LANDSCAPE = (841.89, 595.28)
A3_LANDSCAPE = (1190.55, 841.89)


def _pages(data: bytes) -> list[str]:
    """Each page's text, whitespace squashed (a table cell wraps its text)."""
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


def _sizes(data: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in PdfReader(io.BytesIO(data)).pages
    ]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _view():
    answer = RelationshipInput(expected=3, established=1)
    return snapshot(
        segment(1, "Cafés", answers={RelationshipType.PERSONAL_ASSISTANCE: answer}),
        segment(2, "Offices"),
    )


def _theory_words(lang: str) -> dict[str, list[str]]:
    """What the theory part must name, straight from the data files."""
    return {
        "questions": [q["text"][lang] for q in CATALOGUE["questions"]],
        "types": [e["name"][lang] for e in CATALOGUE["relationship_types"]],
        "definitions": [e["definition"][lang] for e in CATALOGUE["relationship_types"]],
        "motives": [m["name"][lang] for m in CATALOGUE["motives"]],
        "stages": [s["title"][lang] for s in SHURA["stages"]],
        "examples": [s["good"][lang] for s in SHURA["stages"]],
        "rules": [r["title"][lang] for r in RULES["rules"]],
        "touchpoints": [c["title"][lang] for c in TOUCHPOINTS["categories"]],
        "elements": [e["name"][lang] for e in LOYALTY["elements"]],
        "conditions": [c["name"][lang] for c in LOYALTY["conditions"]],
    }


@pytest.fixture(scope="module", params=LANGS, ids=lambda lang: lang.value)
def handout(request: pytest.FixtureRequest) -> tuple[Language, str]:
    lang: Language = request.param
    pages = _pages(export_file(_view(), ExportFormat.PDF, lang, with_theory=True).data)
    # Without the footers, so a list item that runs over a page break reads as one text.
    footer = t("report.footer", lang, title="Test")
    for n, page in enumerate(pages, start=1):
        pages[n - 1] = page.replace(t("report.page", lang, n=n, total=len(pages)), "")
    return lang, _squash(" ".join(pages).replace(footer, ""))


@pytest.mark.parametrize("part", list(_theory_words("en")))
def test_the_theory_names_everything_the_data_teaches(handout, part):
    lang, text = handout
    expected = _theory_words(lang.value)[part]
    assert [_squash(item) for item in expected if _squash(item) not in text] == []


def test_the_theory_gives_the_nps_groups_with_their_thresholds(handout):
    lang, text = handout
    # The definition: 9 and 10 promoters, 7 and 8 passives, 0 to 6 detractors.
    for group, scores in (("promoter", "9–10"), ("passive", "7–8"), ("detractor", "0–6")):
        assert f"{t(f'report_nps.category.{group}', lang)} {scores}" in text
    assert t("handout.nps.formula", lang) in text


# The worked example: 50 promoters and 20 detractors of 100 answers give 50 % − 20 % = 30.
SHARES = {Language.EN: ("50%", "20%"), Language.RU: ("50 %", "20 %")}


def test_the_theory_works_the_nps_formula_through_once(handout):
    lang, text = handout
    promoters, detractors = SHARES[lang]
    example = t(
        "handout.nps.example",
        lang,
        promoters="50",
        passives="30",
        detractors="20",
        promoters_share=promoters,
        detractors_share=detractors,
        score="30",
    )
    assert _squash(example) in text


def test_the_theory_comes_after_the_answers_and_before_the_sources(handout):
    lang, text = handout
    body = text[text.index(t("page.sources", lang)) + 1 :]  # past the contents list entry
    answers = body.index(t("report.segment_title", lang, name="Cafés"))
    theory = body.index(t("handout.theory.types", lang))
    assert answers < theory < body.index(t("page.sources", lang), theory)


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_the_default_pdf_stays_without_the_theory(lang):
    text = " ".join(_pages(export_file(_view(), ExportFormat.PDF, lang).data))
    assert t("handout.theory.types", lang) not in text
    assert t("handout.theory.rules", lang) not in text


# ------------------------------------------------------------------ the worksheet


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_a_blank_worksheet_has_three_forms_and_the_canvas_on_a3(lang):
    data = render_worksheet(lang)

    assert _sizes(data) == [A4_LANDSCAPE] * 3 + [A3_LANDSCAPE]
    pages = _pages(data)
    blank = t("handout.worksheet.blank_segment", lang)
    assert all(blank in page for page in pages[:3])
    canvas = pages[-1]
    names = [b["name"][lang.value] for b in CATALOGUE["blocks"]]
    assert len(names) == 9
    assert [name for name in names if name not in canvas] == []
    questions = [_squash(q["text"][lang.value]) for q in CATALOGUE["questions"]]
    assert [q for q in questions if q not in canvas] == []


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_the_worksheet_has_one_form_per_segment_with_the_six_types_and_three_motives(lang):
    segments = ["Cafés", "Offices", "Hotels", "Schools"]
    data = render_worksheet(lang, segments, title="Spring course")

    assert _sizes(data) == [A4_LANDSCAPE] * 4 + [A3_LANDSCAPE]
    pages = _pages(data)
    types = [e["name"][lang.value] for e in CATALOGUE["relationship_types"]]
    motives = [m["name"][lang.value] for m in CATALOGUE["motives"]]
    for page, name in zip(pages, segments, strict=False):
        assert f"{t('field.segment', lang)}: {name}" in page
        assert "Spring course" in page
        assert [w for w in [*types, *motives] if w not in page] == []
    assert f"{t('handout.canvas.title', lang)} · Spring course" in pages[-1]
    # Each question is asked on each form, and the boxes 0 to 3 are numbered twice per type.
    first = pages[0]
    assert all(_squash(q["text"][lang.value]) in first for q in CATALOGUE["questions"])
    assert first.count("0 1 2 3") == 2 * len(types)


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_hostile_segment_names_are_printed_as_typed_one_form_each(lang):
    names = [fit(key, NAME_MAX, single_line=True) for key in CORPUS]
    data = render_worksheet(lang, names)

    pages = _pages(data)
    assert len(pages) == len(names) + 1
    for page, name in zip(pages, names, strict=False):
        assert [w for w in words(name) if w not in page] == []
    by_key = dict(zip(CORPUS, pages, strict=False))
    # Markup is text, and a page-count alias typed into a name is not replaced.
    assert "<script>alert(1)</script>" in by_key["script"]
    assert "{nb} {title}" in by_key["template"]
