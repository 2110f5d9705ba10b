"""Facts from the five source texts that once came out wrong: the right ones are in the
catalogue, and the wrong wordings never come back, in any text, comment or docstring."""

import re
from pathlib import Path

import pytest

from canvas.content.catalogue import catalogue
from canvas.domain.vocabulary import Language, RelationshipType
from canvas.i18n import t

ROOT = Path(__file__).resolve().parents[2]
# Everything a reader or a developer reads: the texts, the code and the documentation.
SCANNED = ("data/**/*.json", "canvas/**/*.py", "ui/**/*.py", "app_pages/**/*.py", "*.md")
THIS_FILE = Path(__file__).resolve()

# Wordings the sources contradict, and what the sources say instead.
RETIRED = {
    # «равняйтесь на лучшие зарубежные компании»: the best, not the best-known
    r"best[- ]known": "the best foreign companies",
    r"самы\w* известн": "лучшие зарубежные компании",
    # detractors «не порекомендуют вас»; nobody said they talk others out of buying
    r"talk(s|ing)? (others|people) out of": "detractors won't recommend",
    r"отговарива": "критики не порекомендуют",
    # passives recommend «с вероятностью 50/50»
    r"go either way": "passives recommend 50 / 50",
    r"в любую сторону": "нейтралы рекомендуют 50 / 50",
    # communities are «интернет-сообщества»
    r"offline communit|офлайн-сообществ|и офлайн": "online communities",
    # NPS is Reichheld's (Bain); Igor Mann made it known in Russia
    r"Mann'?s (loyalty index|NPS|Net Promoter)": "Reichheld's index",
    r"(NPS|Net Promoter Score|loyalty index)[^.\n]{0,20}\b(by|from|of) Igor Mann": "Reichheld's",
    r"индекс\w* (лояльности |NPS )?(Игоря )?Манна": "индекс Райхельда",
    r"(NPS|индекс\w* лояльности) Игоря Манна": "индекс Райхельда",
}


def _scanned_files() -> list[Path]:
    files = {path for pattern in SCANNED for path in ROOT.glob(pattern)}
    return sorted(path for path in files if path.resolve() != THIS_FILE)


def _retired_in(text: str) -> list[str]:
    return [pattern for pattern in RETIRED if re.search(pattern, text, re.IGNORECASE)]


def test_no_text_comment_or_docstring_brings_back_a_retired_wording():
    files = _scanned_files()
    assert len(files) > 50  # the texts, the code and the README were all found
    found = [
        f"{path.relative_to(ROOT)}: {pattern} (say: {RETIRED[pattern]})"
        for path in files
        for pattern in _retired_in(path.read_text(encoding="utf-8"))
    ]
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "compare yourself with the best-known foreign companies",
        "сравнивайте себя с самыми известными зарубежными компаниями",
        "detractors, who will talk others out of it",
        "критики, которые будут отговаривать других",
        "passives, who may go either way",
        "online and offline communities",
        "Онлайн- и офлайн-сообщества",
        "The Net Promoter Score (Igor Mann's loyalty index)",
        "NPS, the loyalty index by Igor Mann",
        "индекс лояльности Игоря Манна",
    ],
)
def test_each_retired_wording_is_caught(text):
    assert _retired_in(text)


@pytest.mark.parametrize("lang", list(Language))
def test_the_nps_teaching_credits_reichheld_and_mann_and_quotes_the_source_thresholds(lang):
    body = t("nps.teach.body", lang, benchmarks="")
    note = t("report_nps.benchmarks_note", lang)
    reichheld, mann = {
        Language.EN: ("Reichheld", "Igor Mann"),
        Language.RU: ("Райхельд", "Игорь Манн"),
    }[lang]
    for text in (body, note):
        assert reichheld in text and "Bain" in text and mann in text
        assert "USAA" in text  # and says it is a bank
        assert ("bank" if lang is Language.EN else "банк") in text
    assert "50 / 50" in body  # passives recommend «с вероятностью 50/50»
    assert ("won't recommend" if lang is Language.EN else "не порекомендуют") in body
    assert ("best foreign companies" if lang is Language.EN else "лучшими зарубежными") in body


@pytest.mark.parametrize("lang", list(Language))
def test_communities_are_online_communities(lang):
    definition = catalogue().type(RelationshipType.COMMUNITIES).definition(lang)
    assert definition.startswith("Online" if lang is Language.EN else "Интернет-сообщества")
