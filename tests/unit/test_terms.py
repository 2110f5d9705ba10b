"""The app's vocabulary: standard Russian names for the canvas and the six types, one word
per idea, names of types never declined, and English texts quoted the English way.

Every Russian text is read: the UI strings (``data/i18n/ru*.json``), the ``ru`` side of the
catalogue and the framework texts, and the Russian demo workshop. A retired term anywhere,
in the data or in the Python sources, fails with the place where it was found.
"""

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, Language, RelationshipType
from canvas.domain.recommendations import Recommendation
from canvas.i18n import strings, t
from canvas.presenters.recommendations import describe
from tests.unit.factories import segment, snapshot

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

# The names the Russian edition of Business Model Generation gives the nine blocks.
CANONICAL_BLOCKS = {
    CanvasBlock.KEY_PARTNERS: "Ключевые партнёры",
    CanvasBlock.KEY_ACTIVITIES: "Ключевые виды деятельности",
    CanvasBlock.KEY_RESOURCES: "Ключевые ресурсы",
    CanvasBlock.VALUE_PROPOSITIONS: "Ценностные предложения",
    CanvasBlock.CUSTOMER_RELATIONSHIPS: "Взаимоотношения с клиентами",
    CanvasBlock.CHANNELS: "Каналы сбыта",
    CanvasBlock.CUSTOMER_SEGMENTS: "Потребительские сегменты",
    CanvasBlock.COST_STRUCTURE: "Структура издержек",
    CanvasBlock.REVENUE_STREAMS: "Потоки поступления доходов",
}
# ... and the six relationship types.
CANONICAL_TYPES = {
    RelationshipType.PERSONAL_ASSISTANCE: "Персональная поддержка",
    RelationshipType.DEDICATED_PERSONAL_ASSISTANCE: "Особая персональная поддержка",
    RelationshipType.SELF_SERVICE: "Самообслуживание",
    RelationshipType.AUTOMATED_SERVICES: "Автоматизированное обслуживание",
    RelationshipType.COMMUNITIES: "Сообщества",
    RelationshipType.CO_CREATION: "Совместное создание",
}

# Retired Russian terms, each with what replaced it. Patterns run case-insensitively on
# whole texts, so they also catch running text and every grammatical case.
RETIRED_RU = {  # name: (pattern, what replaced it)
    "client_segments": (r"клиентск\w*\s+сегмент", "«Потребительские сегменты»"),
    "revenue_streams": (r"поток\w*\s+доход", "«Потоки поступления доходов»"),
    "personal_assistance": (r"персональн\w*\s+помощ", "«Персональная поддержка»"),
    "dedicated": (
        r"выделенн\w*\s+(?:персональн\w*\s+)?помощ",
        "«Особая персональная поддержка»",
    ),
    "co_creation_of_value": (r"совместн\w*\s+создани\w*\s+ценност", "«Совместное создание»"),
    "co_authoring": (r"соавторств", "«Совместное создание»"),
    "automated_services": (r"автоматизированн\w*\s+сервис", "«Автоматизированное обслуживание»"),
    "kholst": (r"холст", "канва"),
    "masterskaya": (r"мастерск", "воркшоп"),
    "praktikum": (r"практикум", "воркшоп"),
    "kinovarny": (r"киноварн", "красный"),
    "neitralnye": (r"нейтральн", "нейтралы (NPS 7–8)"),
    "passivy": (r"(?<!\w)пассив", "нейтралы (NPS 7–8)"),
    "lifetime": (r"срок\w*\s+жизни(?!\s+клиент)", "срок жизни клиента"),
    "relationship_type": (r"тип\w*\s+отношени", "тип взаимоотношений"),
}
# «Итоги» names one thing: what the workshop comes to, on its summary page and in reports.
SUMMARY_WORD = re.compile(r"(?<!\w)итог(?:и|ов|ам|ами|ах)?(?!\w)", re.IGNORECASE)
SUMMARY_KEYS = {"page.summary", "report.subtitle", "summary.help"}

# English labels that read as translated, and what says it plainly.
RETIRED_EN = {  # name: (pattern, what says it plainly)
    "touchpoints_of": (r"Touchpoints of the", "Business / Product / … touchpoints"),
    "established_by_us": (r"Established by us", "Already established"),
    "check_for": (r"^Check for$", "Whose relationship to check"),
    "the_picture": (r"^The picture$", "Overview"),
    "answered_segments": (r"Answered, segments per question", "Segments with an answer, …"),
}


def _texts(node: Any, where: str, lang: str | None) -> Iterator[tuple[str, str]]:
    """Every string under ``node`` as (where, text); ``lang`` keeps one side of ru/en pairs."""
    if isinstance(node, dict):
        if set(node) == {"ru", "en"} and lang is not None:
            yield from _texts(node[lang], where, None)
            return
        for key, value in node.items():
            yield from _texts(value, f"{where}.{key}", lang)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, f"{where}[{index}]", lang)
    elif isinstance(node, str) and lang is None:
        yield where, node


def _all_texts(lang: str) -> list[tuple[str, str]]:
    """Every text the app shows in ``lang``, named by file and key."""
    found: list[tuple[str, str]] = []
    for path in [*sorted((DATA / "i18n").glob(f"{lang}*.json"))]:
        found += [(f"{path.name}:{k}", v) for k, v in json.loads(path.read_text()).items()]
    mixed = [DATA / "catalogue.json", DATA / "guide.json", DATA / "sources.json"]
    for path in [*mixed, *sorted((DATA / "frameworks").glob("*.json"))]:
        found += list(_texts(json.loads(path.read_text()), path.name, lang))
    for path in sorted((DATA / "demo").glob(f"{lang}*.json")):
        found += list(_texts(json.loads(path.read_text()), path.name, None))
    return found


RUSSIAN = _all_texts("ru")
ENGLISH = _all_texts("en")
CODE_FOLDERS = ("app_pages", "ui", "canvas", "tests", "scripts", "benchmarks")
PYTHON = [
    path
    for path in [ROOT / "app.py", *(p for f in CODE_FOLDERS for p in (ROOT / f).rglob("*.py"))]
    if path != Path(__file__).resolve()
]


def test_the_walk_reads_every_kind_of_russian_text():
    # a walk that found nothing would pass every check below
    places = {where.split(":")[0].split(".")[0] for where, _ in RUSSIAN}
    assert {"ru", "catalogue", "shura", "twelve_rules", "touchpoints", "loyalty_check"} <= places
    assert {"guide", "sources"} <= places
    assert any(where.startswith("ru.json:page.") for where, _ in RUSSIAN)
    assert len(RUSSIAN) > 1000


def test_the_catalogue_names_the_blocks_as_the_russian_edition_does():
    assert {b: catalogue().block(b).name("ru") for b in CanvasBlock} == CANONICAL_BLOCKS


def test_the_catalogue_names_the_six_types_as_the_russian_edition_does():
    assert {k: catalogue().type(k).name("ru") for k in RelationshipType} == CANONICAL_TYPES


@pytest.mark.parametrize("lang", list(Language))
def test_a_block_has_the_same_name_as_a_form_field_as_on_the_canvas(lang):
    texts = strings(lang)
    named = {b: texts[f"field.{b.value}"] for b in CanvasBlock if f"field.{b.value}" in texts}
    assert named, "the integration fields are named after their blocks"
    assert named == {b: catalogue().block(b).name(lang) for b in named}


@pytest.mark.parametrize("term", list(RETIRED_RU))
def test_no_russian_text_uses_a_retired_term(term):
    pattern, instead = RETIRED_RU[term]
    found = [where for where, text in RUSSIAN if re.search(pattern, text, re.IGNORECASE)]
    assert found == [], f"use {instead} instead"


@pytest.mark.parametrize("term", list(RETIRED_RU))
def test_no_python_source_uses_a_retired_term(term):
    pattern, instead = RETIRED_RU[term]
    found = [
        str(path.relative_to(ROOT))
        for path in PYTHON
        if re.search(pattern, path.read_text(encoding="utf-8"), re.IGNORECASE)
    ]
    assert found == [], f"use {instead} instead"


def test_the_word_itogi_names_only_the_workshops_summary():
    found = {where.split(":", 1)[1] for where, text in RUSSIAN if SUMMARY_WORD.search(text)}
    assert found == SUMMARY_KEYS


def test_the_canvas_and_the_passives_have_one_word_each():
    ru = strings(Language.RU)
    assert ru["page.canvas"] == "Канва"
    passives = ["field.passives", "nps.metric.passives", "report_nps.category.passive"]
    assert {ru[key] for key in passives} == {"Нейтралы"}


def test_no_english_text_uses_russian_quotation_marks():
    assert [where for where, text in ENGLISH if "«" in text or "»" in text] == []


@pytest.mark.parametrize("label", list(RETIRED_EN))
def test_no_english_label_reads_as_translated(label):
    pattern, plainly = RETIRED_EN[label]
    found = [where for where, text in ENGLISH if re.search(pattern, text)]
    assert found == [], f"say {plainly!r}"


# A type's name stands in the nominative after a form of «тип», alone or in a list.
TYPE_FIELDS = "|".join(["type", *(kind.value for kind in RelationshipType)])
NAMED_TYPES = re.compile(
    rf"тип\w*:?\s+«\{{(?:{TYPE_FIELDS})\}}»"
    rf"(?:(?:,\s*|\s+(?:и|или)\s+)«\{{(?:{TYPE_FIELDS})\}}»)*"
)
TYPE_FIELD = re.compile(rf"\{{(?:{TYPE_FIELDS})\}}")


def test_recommendations_name_a_type_only_after_the_word_tip_so_it_is_never_declined():
    advice = {k: v for k, v in strings(Language.RU).items() if k.startswith("rec.")}
    placed = {
        k: sum(len(TYPE_FIELD.findall(m)) for m in NAMED_TYPES.findall(v))
        for k, v in advice.items()
    }
    assert placed == {k: len(TYPE_FIELD.findall(v)) for k, v in advice.items()}
    assert sum(placed.values()) >= 2  # the under- and over-served titles at least


@pytest.mark.parametrize("kind", list(RelationshipType))
@pytest.mark.parametrize("code", ["under_served", "over_served"])
def test_each_types_recommendation_title_keeps_its_catalogue_name(kind, code):
    view = snapshot(segment(1, "Кофейни"))
    levels = {"type": kind, "expected": 3, "established": 0, "cost": 100}
    title = describe(Recommendation(code, "high", 1, "Кофейни", levels), view, "ru")["title"]
    name = catalogue().type(kind).name("ru")
    assert title.startswith("Кофейни: ")
    assert f"тип «{name}»" in title
    english = describe(Recommendation(code, "high", 1, "Cafés", levels), view, "en")["title"]
    assert catalogue().type(kind).name("en") in english and "«" not in english


@pytest.mark.parametrize("lang", list(Language))
def test_a_types_level_sliders_ask_a_short_question_not_the_guiding_one(lang):
    questions = {q.text(lang) for q in catalogue().questions}
    for key in ("relationships.slider.expected", "relationships.slider.established"):
        assert t(key, lang) not in questions
        assert t(key, lang).endswith("?") and len(t(key, lang)) < 60
