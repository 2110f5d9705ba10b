"""Both languages are complete: every key, every placeholder, every text the code asks for."""

import re
import string
from pathlib import Path

import pytest
from pydantic import BaseModel

from canvas.content.catalogue import Localized, catalogue
from canvas.domain import (
    CanvasNoteInput,
    GuidingQuestion,
    IntegrationBlock,
    Language,
    RelationshipInput,
    SegmentInput,
    WorkshopError,
    WorkshopInput,
)
from canvas.i18n import strings

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    ROOT / "app.py",
    *(ROOT / "app_pages").glob("*.py"),
    *(ROOT / "ui").rglob("*.py"),
    *(ROOT / "canvas").rglob("*.py"),
]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_exactly_the_same_keys():
    assert set(strings(Language.RU)) == set(strings(Language.EN))


@pytest.mark.parametrize("lang", list(Language))
def test_no_text_is_empty(lang):
    assert [k for k, v in strings(lang).items() if not v.strip()] == []


def test_placeholders_match_between_languages():
    ru, en = strings(Language.RU), strings(Language.EN)
    assert [k for k in en if _placeholders(en[k]) != _placeholders(ru[k])] == []


TECHNICAL = {"LTV", "CAC", "UTC", "UTF", "Markdown", "JSON", "PDF", "HTML", "NPS", "CSV", "QR"}
TECHNICAL |= {"Apple", "USAA", "Bain"}  # the NPS benchmarks and Reichheld's firm, named as they are
TECHNICAL |= {"PowerPoint"}  # the deck file's format, named as the program is


def test_russian_texts_are_in_russian():
    # Placeholders and technical names (LTV, UTC, Markdown…) may stay as they are;
    # any other word must be Russian.
    def foreign(text: str) -> bool:
        bare = re.sub(r"<[^>]+>|\{[^}]*\}", "", text)  # markup and placeholders
        words = re.findall(r"[^\W\d_]+", bare)
        return any(w not in TECHNICAL and not re.search("[а-яё]", w, re.I) for w in words)

    assert [k for k, v in strings(Language.RU).items() if foreign(v)] == []


def _literal_keys() -> set[str]:
    found: set[str] = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"\b(?:tr|t)\(\s*\"([a-z_]+\.[a-z_.]+)\"", text))
    return found


def test_every_key_the_code_names_exists():
    missing = sorted(_literal_keys() - set(strings(Language.EN)))
    assert missing == []


def test_every_computed_key_exists():
    keys = set(strings(Language.EN))
    analysis = (ROOT / "canvas" / "domain" / "recommendations.py").read_text(encoding="utf-8")
    codes = set(re.findall(r"yield \(?\s*\"([a-z_]+)\"", analysis))
    assert len(codes) >= 8
    wanted = {f"rec.{code}.{part}" for code in codes for part in ("title", "advice", "trigger")}
    wanted |= {f"question.short.{q.value}" for q in GuidingQuestion}
    wanted |= {f"error.{cls.code}" for cls in WorkshopError.__subclasses__()}
    for model in (WorkshopInput, SegmentInput, RelationshipInput, CanvasNoteInput):
        wanted |= {f"field.{name}" for name in model.model_fields}
    # Errors inside a relationship's ties name the block they are about.
    wanted |= {f"field.{block.value}" for block in IntegrationBlock}
    assert sorted(wanted - keys) == []


def test_the_catalogue_speaks_both_languages_everywhere():
    def walk(value):
        if isinstance(value, Localized):
            yield value
        elif isinstance(value, list | tuple):
            for item in value:
                yield from walk(item)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                yield from walk(getattr(value, name))

    texts = list(walk(catalogue()))
    assert len(texts) > 40
    assert all(text.ru and text.en and text.ru != "" for text in texts)
    assert all(re.search("[а-яё]", text.ru, re.I) or "Strategyzer" in text.ru for text in texts)
