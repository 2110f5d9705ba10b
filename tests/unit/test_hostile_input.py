"""Hostile text at the door: every input model takes the corpus (``tests.hostile_text``) as
typed, closes a direction override it leaves open, and refuses control characters (NUL
among them, which PostgreSQL cannot store) and invisible-only names with a message in
the user's language, naming the field."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from canvas.domain import (
    CanvasNoteInput,
    RelationshipInput,
    SegmentInput,
    WorkshopInput,
)
from canvas.domain.course import CommentInput, CourseInput, JoinRequest
from canvas.domain.fields import ANSWER_MAX, NAME_MAX, NOTE_MAX, TEXT_MAX
from canvas.domain.loyalty_check import LoyaltyRatingInput
from canvas.domain.nps import NpsResponseInput
from canvas.domain.saved_snapshot import SnapshotInput
from canvas.domain.shura import ShuraCellInput, ShuraRiskInput
from canvas.domain.touchpoint import TouchpointInput
from canvas.domain.twelve_rules import RuleScoreInput
from canvas.export.json_io import ImportRefused, parse_json
from canvas.i18n import describe_validation, t
from tests.hostile_text import CORPUS, REFUSED, fit

TOUCHPOINT = {"name": "T", "category": "service"}
# The model, the other fields it needs, the text field, its limit, whether it takes one line.
FIELDS: dict[str, tuple[type[BaseModel], dict[str, Any], str, int, bool]] = {
    "workshop title": (WorkshopInput, {}, "title", NAME_MAX, True),
    "company": (WorkshopInput, {"title": "T"}, "company", NAME_MAX, True),
    "segment name": (SegmentInput, {}, "name", NAME_MAX, True),
    "description": (SegmentInput, {"name": "S"}, "description", TEXT_MAX, False),
    "canvas note": (CanvasNoteInput, {"block": "channels"}, "text", NOTE_MAX, False),
    "tie to a block": (RelationshipInput, {}, "channels", NOTE_MAX, False),
    "touchpoint name": (TouchpointInput, {"category": "service"}, "name", NAME_MAX, True),
    "touchpoint idea": (TouchpointInput, TOUCHPOINT, "idea", NOTE_MAX, False),
    "touchpoint owner": (TouchpointInput, TOUCHPOINT, "owner", NAME_MAX, True),
    "nps why": (NpsResponseInput, {"score": 5}, "why", ANSWER_MAX, False),
    "nps ten": (NpsResponseInput, {"score": 5}, "make_it_ten", ANSWER_MAX, False),
    "shura practice": (ShuraCellInput, {}, "practice", TEXT_MAX, False),
    "shura next step": (ShuraCellInput, {}, "next_step", TEXT_MAX, False),
    "shura risk note": (ShuraRiskInput, {}, "note", NOTE_MAX, False),
    "rule note": (RuleScoreInput, {}, "note", NOTE_MAX, False),
    "loyalty evidence": (LoyaltyRatingInput, {}, "evidence", NOTE_MAX, False),
    "trainer comment": (CommentInput, {}, "text", NOTE_MAX, False),
    "snapshot name": (SnapshotInput, {}, "name", NAME_MAX, True),
    "course title": (CourseInput, {}, "title", NAME_MAX, True),
    "display name": (JoinRequest, {"code": "ABCDEF"}, "display_name", NAME_MAX, True),
}


def _make(field: str, text: str) -> BaseModel:
    model, fixed, name, _, _ = FIELDS[field]
    if model is RelationshipInput:  # a tie is one entry of the integration mapping
        return model(integration={name: text})
    return model(**fixed, **{name: text})


def _kept(field: str, made: Any) -> str:
    name = FIELDS[field][2]
    return str(
        made.integration[name] if isinstance(made, RelationshipInput) else getattr(made, name)
    )


RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"


def _problems(build: Callable[[], Any], lang: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        build()
    return describe_validation(caught.value, lang)


@pytest.mark.parametrize("field", list(FIELDS))
def test_every_text_field_keeps_every_corpus_text_as_typed(field):
    _, _, _, limit, single_line = FIELDS[field]
    for key in CORPUS:
        typed = fit(key, limit, single_line=single_line)
        kept = _kept(field, _make(field, typed))
        assert kept.replace(PDF, "") == typed.strip(), key  # only trimmed, overrides closed
        assert len(kept) <= limit


@pytest.mark.parametrize("field", list(FIELDS))
@pytest.mark.parametrize("key", list(REFUSED))
def test_every_text_field_refuses_control_characters_in_both_languages(field, key):
    name = FIELDS[field][2]
    for lang in ("ru", "en"):
        [problem] = _problems(lambda: _make(field, REFUSED[key]), lang)
        assert problem == f"{t(f'field.{name}', lang)}: {t('invalid.control_chars', lang)}"


def test_tabs_and_line_breaks_stay_in_free_text():
    text = "first\tcolumn\r\nsecond line\nthird"
    assert SegmentInput(name="S", description=text).description == text


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (f"invoice {RLO}gpj.exe done", f"invoice {RLO}gpj.exe done{PDF}"),
        (f"{RLO}one{PDF} closed", f"{RLO}one{PDF} closed"),
        (f"{RLO}{RLO}twice", f"{RLO}{RLO}twice{PDF}{PDF}"),
        (f"{RLI}שלום{PDI} end", f"{RLI}שלום{PDI} end"),
        (f"{RLI}open {RLO}both", f"{RLI}open {RLO}both{PDF}{PDI}"),
        (f"{RLI}a {RLO}b{PDI} c", f"{RLI}a {RLO}b{PDI} c"),  # the isolate's end closes both
        (f"{PDF}{PDI}stray ends", f"{PDF}{PDI}stray ends"),
        (f"{RLO}line one\nline two", f"{RLO}line one{PDF}\nline two"),
    ],
)
def test_a_direction_override_is_closed_where_its_line_ends(typed, kept):
    assert SegmentInput(name="S", description=typed).description == kept


def test_the_closing_mark_counts_towards_the_limit_so_a_stored_text_keeps_to_it():
    assert SegmentInput(name="x" * (NAME_MAX - 2) + RLO).name.endswith(RLO + PDF)
    for lang in ("ru", "en"):
        [problem] = _problems(lambda: SegmentInput(name="x" * (NAME_MAX - 1) + RLO), lang)
        assert problem.endswith(t("invalid.string_too_long", lang, max_length=str(NAME_MAX)))


@pytest.mark.parametrize("field", ["segment name", "canvas note", "trainer comment"])
def test_a_required_text_of_only_invisible_characters_is_empty(field):
    for lang in ("ru", "en"):
        [problem] = _problems(lambda: _make(field, f" \u200b\u200d\ufeff{RLO}\u2060 "), lang)
        assert problem.endswith(t("invalid.blank", lang))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_imported_file_with_a_broken_character_is_refused_naming_where(lang):
    raw = json.dumps({"schema_version": 3, "workshop": {"title": "ok\ud800"}}).encode()
    assert b"\\ud800" in raw  # JSON can spell a lone surrogate, which no database stores
    with pytest.raises(ImportRefused) as caught:
        parse_json(raw, lang)
    assert [p for p in caught.value.problems if t("invalid.string_unicode", lang) in p]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_imported_file_with_nul_in_a_note_is_refused_naming_where(lang):
    raw = json.dumps(
        {
            "schema_version": 3,
            "workshop": {"title": "ok"},
            "notes": [{"block": "channels", "text": "a\u0000b"}],
        }
    ).encode()
    with pytest.raises(ImportRefused) as caught:
        parse_json(raw, lang)
    assert [p for p in caught.value.problems if t("invalid.control_chars", lang) in p]
