"""The sources of every framework: the data file, the presenter, and the closing "Sources"
section of every export (PDF, HTML, Markdown, the course PDF). Expected words come from
``data/sources.json`` and the UI strings, never from the code."""

import io
import json
import re
from datetime import date
from html import escape
from pathlib import Path

import pytest
from pydantic import ValidationError
from pypdf import PdfReader

from canvas.content.sources import SourceTopic, load_sources
from canvas.domain import Language
from canvas.export.course import course_pdf, course_report
from canvas.export.html import render_html
from canvas.export.markdown import render_markdown
from canvas.export.pdf import render_pdf
from canvas.export.report import build_report
from canvas.i18n import t
from canvas.presenters.sources import source_lines
from tests.unit.factories import segment, snapshot

DAY = date(2026, 11, 23)
DATA = Path(__file__).resolve().parents[2] / "data" / "sources.json"
RAW = json.loads(DATA.read_text(encoding="utf-8"))
LANGS = list(Language)


def _references(lang: Language) -> list[str]:
    return [r[lang.value] for f in RAW["frameworks"] for r in f["references"]]


def _names(lang: Language) -> list[str]:
    return [f["name"][lang.value] for f in RAW["frameworks"]]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return _flat(" ".join(page.extract_text() or "" for page in pages))


def _workshop():
    return snapshot(segment(1, "Offices", customers=10, revenue="100"))


# ------------------------------------------------------------------ the data file

# The names the issue asks for, one set per framework, checked in both languages' text.
REQUIRED = {
    "canvas": {
        Language.EN: ["Osterwalder", "Pigneur", "Business Model Generation", "Wiley", "2010"],
        Language.RU: ["Остервальдер", "Пинье", "Business Model Generation", "2010"],
    },
    "shura": {Language.EN: ["Leonid Shur", "SHURA"], Language.RU: ["Леонид Шур", "ШУРА"]},
    "twelve_rules": {Language.EN: ["Brad Cleveland"], Language.RU: ["Брэд Кливленд"]},
    "loyalty_check": {Language.EN: ["Свой бизнес"], Language.RU: ["«Свой бизнес»"]},
    "nps": {
        Language.EN: ["Reichheld", "Bain", "The One Number You Need to Grow", "2003", "Rocks"],
        Language.RU: ["Райхельд", "Bain", "The One Number You Need to Grow", "2003", "Rocks"],
    },
    "touchpoints": {
        Language.EN: ["Lyudmila Olentsevich", "Igor Mann", "Dmitry Turusin", "Точки контакта"],
        Language.RU: ["Людмила Оленцевич", "Игорь Манн", "Дмитрий Турусин", "Точки контакта"],
    },
}


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_every_framework_names_its_source_in_both_languages(lang):
    for framework in RAW["frameworks"]:
        text = " ".join(r[lang.value] for r in framework["references"])
        for name in REQUIRED[framework["key"]][lang]:
            assert name in text, (framework["key"], name)


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_the_canvas_source_carries_the_cc_by_sa_credit(lang):
    canvas = next(f for f in RAW["frameworks"] if f["key"] == "canvas")
    text = " ".join(r[lang.value] for r in canvas["references"])
    assert "Strategyzer AG" in text and "CC BY-SA 3.0" in text


def test_english_references_use_no_russian_quotes():
    assert not [r for r in _references(Language.EN) if "«" in r or "»" in r]


def test_the_file_holds_every_framework_once_in_the_order_of_the_pages():
    assert [f["key"] for f in RAW["frameworks"]] == [topic.value for topic in SourceTopic]


def test_a_file_missing_a_framework_is_refused(tmp_path):
    broken = {**RAW, "frameworks": RAW["frameworks"][:-1]}
    path = tmp_path / "sources.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValidationError, match="exactly"):
        load_sources(path)


def test_a_reference_without_its_russian_text_is_refused(tmp_path):
    first = {**RAW["frameworks"][0], "references": [{"en": "A book."}]}
    broken = {**RAW, "frameworks": [first, *RAW["frameworks"][1:]]}
    path = tmp_path / "sources.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValidationError):
        load_sources(path)


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_the_presenter_gives_each_framework_with_its_references(lang):
    lines = source_lines(lang)
    assert [entry.framework for entry in lines] == _names(lang)
    assert [r for entry in lines for r in entry.references] == _references(lang)


# ------------------------------------------------------------------ the exports


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_the_report_ends_with_the_sources_section(lang):
    report = build_report(_workshop(), lang, today=DAY)
    last = report.sections[-1]
    assert (last.key, last.title) == ("sources", t("page.sources", lang))
    assert [s.key for s in report.sections].count("sources") == 1
    [table] = [b for b in last.blocks if hasattr(b, "rows")]
    assert table.header == [t("sources.framework", lang), t("sources.reference", lang)]
    assert [row[1] for row in table.rows] == _references(lang)
    # a framework names itself once, on its first reference's row
    assert [row[0] for row in table.rows if row[0]] == _names(lang)


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_the_pdf_lists_every_source(lang):
    text = _pdf_text(render_pdf(build_report(_workshop(), lang, today=DAY)))
    assert t("page.sources", lang) in text
    for name in _names(lang):
        assert _flat(name) in text, name
    for word in ("Osterwalder", "Reichheld", "Rocks") if lang is Language.EN else ("Шур",):
        assert word in text


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_the_html_lists_every_source(lang):
    html = render_html(build_report(_workshop(), lang, today=DAY))
    assert '<section id="sources"' in html
    for reference in _references(lang):
        assert escape(reference, quote=False) in html or escape(reference) in html, reference


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_the_markdown_lists_every_source(lang):
    markdown = render_markdown(build_report(_workshop(), lang, today=DAY))
    assert f"## {t('page.sources', lang)}" in markdown
    # The writer escapes markup characters with a backslash; the words stay as written.
    unescaped = re.sub(r"\\(.)", r"\1", markdown)
    for reference in _references(lang):
        assert reference in unescaped, reference


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.value)
def test_the_course_report_names_the_sources_once_after_every_participant(lang):
    views = [_workshop(), _workshop()]
    report = course_report(views, lang, today=DAY)
    keys = [s.key for s in report.sections]
    assert keys[-1] == "sources" and keys.count("sources") == 1
    text = _pdf_text(course_pdf(views, lang, today=DAY))
    for name in _names(lang):
        assert _flat(name) in text, name
