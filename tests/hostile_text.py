"""Hostile text: strings that try to break a page, an export or the database.

``CORPUS`` holds texts every input model accepts: markup and script, SQL, right-to-left
scripts and a direction override, zero-width and combining characters, emoji, CJK,
Cyrillic, and (``LONG``) a text as long as each field allows. ``lost`` says whether the
PDF's font (PT Sans) lacks a visible character of it, so the PDF shows "?" and says so.
``REFUSED`` holds texts the input models refuse: control characters, NUL among them.
``document`` writes one text into every text field of a small workshop.
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from canvas.domain import NOTE_BLOCKS, IntegrationBlock, WorkshopDocument
from canvas.domain.fields import ANSWER_MAX, NAME_MAX, NOTE_MAX, TEXT_MAX
from canvas.domain.shura import Audience, ShuraStage
from canvas.domain.twelve_rules import ClevelandRule


@dataclass(frozen=True)
class Hostile:
    text: str
    lost: bool = False  # some visible character is not in PT Sans


LONG = "long"  # the id of the text written at each field's maximum length

CORPUS: dict[str, Hostile] = {
    "script": Hostile("<script>alert(1)</script> Кофейни"),
    "img": Hostile("<img src=x onerror=alert(1)> Офисы"),
    "svg": Hostile('"><svg onload=alert(1)> breakout'),
    "attribute": Hostile("' onmouseover='alert(1)' x=' </title><style>*{}</style>"),
    "javascript": Hostile("javascript:alert(document.cookie)"),
    "md_link": Hostile("[click me](javascript:alert(1)) и [сайт](http://evil.example)"),
    "md_image": Hostile("![pixel](http://evil.example/x.png) tracking"),
    "md_emphasis": Hostile("**bold** _italic_ ~~struck~~ `code` жирный"),
    "md_latex": Hostile("$x^2$ and $$\\int_0^1 f$$ формула"),
    "md_streamlit": Hostile(":red[alarm] :material/home: :smile: цвет"),
    "html": Hostile("<b>bold</b> &amp; &lt;i&gt; &#60;u&#62; <a href='//evil'>link</a>"),
    "md_blocks": Hostile(
        "# heading\n> quote\n- item\n1. first\n```\ncode\n```\n| a | b |\n:-:|:-:"
    ),
    "template": Hostile("{nb} {title} {0} %{y} {{7*7}} ${7*7} %s %(name)s"),
    "sql_drop": Hostile("'; DROP TABLE workshop; -- Кофе"),
    "sql_or": Hostile("1' OR '1'='1 /* comment */"),
    "arabic": Hostile("مرحبا بالعالم Привет", lost=True),
    "hebrew": Hostile("שלום עולם hello", lost=True),
    "override": Hostile("invoice \u202egpj.exe done"),
    "isolate": Hostile("name \u2067שלום\u2069 end", lost=True),
    "zero_width": Hostile("zero\u200bwidth\u200cnon\u200djoin\ufeffbom\u2060word"),
    "combining": Hostile("Z\u0334\u0321a\u0337l\u0335g\u0336o cafe\u0301", lost=True),
    "emoji": Hostile("Кофе 😀 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇷🇺🇬🇧 1️⃣ ☕", lost=True),
    "cjk": Hostile("漢字 かな カナ 한국어 coffee", lost=True),
    "cyrillic": Hostile("Кофейня «Медная турка» — ёжик, Ё, №5"),
    "spaces": Hostile("  \t Кофе\u00a0Tea\u2003wide\u3000ideographic  "),
    LONG: Hostile("Кофе coffee «Турка» — "),  # repeated up to each field's limit
}

REFUSED: dict[str, str] = {
    "nul": "before\x00after",
    "bell": "ring\x07bell",
    "escape": "colour \x1b[31mred",
    "backspace": "back\x08space",
    "delete": "delete\x7fme",
    "c1": "next\x85line",
    "csi": "c1\x9bcsi",
}

# Words a font with Latin and Cyrillic draws, so the PDF must carry them.
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё0-9]{3,}")


def at_limit(limit: int) -> str:
    """The ``LONG`` text repeated to exactly ``limit`` characters, ending on a letter."""
    text = (CORPUS[LONG].text * (limit // len(CORPUS[LONG].text) + 1))[:limit]
    return text[:-1] + "x" if not text[-1].isalnum() else text


def one_line(text: str) -> str:
    """``text`` for a field that takes a single line."""
    return " ".join(text.splitlines())


def words(text: str) -> list[str]:
    """The Latin and Cyrillic words of ``text`` (three letters or more), composed (NFC)."""
    return _WORD.findall(unicodedata.normalize("NFC", text))


def strings_in(value: Any) -> Iterator[str]:
    """Every string in a JSON-like value (a chart's spec, say), however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


def fit(key: str, limit: int, *, single_line: bool = False) -> str:
    """Corpus text ``key`` for a field of ``limit`` characters."""
    if key == LONG:
        return at_limit(limit)
    text = CORPUS[key].text
    return one_line(text) if single_line else text


def _touchpoint(name: str, note: str) -> dict[str, str]:
    """An awful touchpoint of segment ``name``, named and owned by it, ``note`` its idea."""
    return {
        "name": name,
        "category": "service",
        "segment": name,
        "rating": "awful",
        "idea": note,
        "owner": name,
    }


def document(key: str, lang: str) -> WorkshopDocument:
    """A small workshop in ``lang`` with corpus text ``key`` in every text field."""
    name = fit(key, NAME_MAX, single_line=True)
    note, long, answer = fit(key, NOTE_MAX), fit(key, TEXT_MAX), fit(key, ANSWER_MAX)
    plain = "Офисы" if lang == "ru" else "Offices"
    data: dict[str, Any] = {
        "workshop": {
            "title": name,
            "company": name,
            "language": lang,
            "currency": "RUB" if lang == "ru" else "USD",
        },
        "segments": [
            {
                "name": name,
                "description": long,
                "customers": 40,
                "revenue_per_customer": 1000,
                "acquisition_cost": 300,
                "retention_rate": 80,
                "relationships": [
                    {
                        "type": "personal_assistance",
                        "expected": 3,
                        "established": 1,
                        "motives": ["retention"],
                        "yearly_cost": 5000,
                        "integration": {block.value: note for block in IntegrationBlock},
                    }
                ],
            },
            {"name": plain, "customers": 10, "revenue_per_customer": 500},
        ],
        "notes": [
            {"block": block.value, "text": note, **({"segment": name} if i % 2 else {})}
            for i, block in enumerate(NOTE_BLOCKS)
        ],
        "shura_cells": [
            {
                "stage": "attraction",
                "audience": "customers",
                "practice": long,
                "rating": 2,
                "next_step": long,
            }
        ],
        "shura_risks": [{"risk": "quality", "present": True, "note": note}],
        "twelve_rules": [{"rule": "study_customers", "score": 1, "note": note}],
        "loyalty": [
            {"kind": "element", "key": "brand", "rating": 2, "evidence": note},
            {"kind": "condition", "key": "trust", "rating": 1, "evidence": note, "segment": name},
        ],
        "nps_answers": [
            {"score": 3, "why": answer, "make_it_ten": answer, "segment": name},
            {"score": 10, "why": answer, "answered_on": "2026-03-02"},
        ],
        "touchpoints": [_touchpoint(name, note)],
    }
    return WorkshopDocument.model_validate(data)


def corpus_document(lang: str) -> WorkshopDocument:
    """A workshop in ``lang`` holding the whole corpus: a segment named after every text,
    described by it and tied to the other blocks with it, and every text as a note, a
    touchpoint, an NPS answer and, in turn, a SHURA cell, a rule's note and evidence."""
    keys = list(CORPUS)
    names = [fit(key, NAME_MAX, single_line=True) for key in keys]
    notes = [fit(key, NOTE_MAX) for key in keys]
    data: dict[str, Any] = {
        "workshop": {
            "title": names[0],
            "company": fit("html", NAME_MAX),
            "language": lang,
            "currency": "RUB" if lang == "ru" else "USD",
        },
        "segments": [
            {
                "name": name,
                "description": fit(key, TEXT_MAX),
                "customers": 10 + i,
                "revenue_per_customer": 1000,
                "acquisition_cost": 300,
                "retention_rate": 80,
                "relationships": [
                    {
                        "type": "personal_assistance",
                        "expected": 3,
                        "established": i % 4,
                        "integration": {"channels": note},
                    }
                ],
            }
            for i, (key, name, note) in enumerate(zip(keys, names, notes, strict=True))
        ],
        "notes": [
            {"block": NOTE_BLOCKS[i % len(NOTE_BLOCKS)].value, "text": note, "segment": name}
            for i, (name, note) in enumerate(zip(names, notes, strict=True))
        ],
        "shura_cells": [
            {
                "stage": stage,
                "audience": audience,
                "practice": notes[i],
                "rating": 1 + i % 5,
                "next_step": notes[-1 - i],
            }
            for i, (stage, audience) in enumerate((s, a) for s in ShuraStage for a in Audience)
        ],
        "twelve_rules": [
            {"rule": rule, "score": i % 6, "note": notes[i]} for i, rule in enumerate(ClevelandRule)
        ],
        "loyalty": [
            {
                "kind": "condition",
                "key": "trust",
                "rating": 1 + i % 5,
                "evidence": note,
                "segment": name,
            }
            for i, (name, note) in enumerate(zip(names, notes, strict=True))
        ],
        "nps_answers": [
            {
                "score": i % 11,
                "why": note,
                "make_it_ten": note,
                "segment": name,
                "answered_on": f"2026-0{1 + i % 9}-15",
            }
            for i, (name, note) in enumerate(zip(names, notes, strict=True))
        ],
        "touchpoints": [_touchpoint(name, note) for name, note in zip(names, notes, strict=True)],
    }
    return WorkshopDocument.model_validate(data)
