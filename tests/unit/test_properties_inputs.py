"""Whatever reaches an input model, a form helper or a refusal, nothing crashes.

Every input model is fed dicts with the right keys holding wrong types, numbers out of
range, NaN and infinities, Decimal oddities, very long and control-character text, lone
surrogates, missing keys and unknown ones. A model is either made, and then keeps its
promises (limits, trimmed text, round trip through JSON), or refused with a
``ValidationError`` that reads as sentences in Russian and in English.
"""

import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from canvas.content.catalogue import catalogue
from canvas.content.loyalty_check import loyalty_content
from canvas.content.shura import shura_content
from canvas.content.twelve_rules import twelve_rules
from canvas.domain import (
    NOTE_BLOCKS,
    CanvasBlock,
    CanvasNoteInput,
    IntegrationBlock,
    Language,
    Motive,
    RelationshipInput,
    RelationshipType,
    SegmentInput,
    WorkshopError,
    WorkshopInput,
)
from canvas.domain.course import CODE_ALPHABET, CommentInput, CourseInput, JoinRequest
from canvas.domain.fields import ANSWER_MAX, CUSTOMERS_MAX, MONEY_MAX, NAME_MAX, NOTE_MAX, TEXT_MAX
from canvas.domain.frameworks import FrameworkAnswers
from canvas.domain.loyalty_check import ITEMS, LoyaltyRatingInput
from canvas.domain.nps import MAX_COUNT, NpsCounts, NpsResponseInput
from canvas.domain.saved_snapshot import SnapshotInput
from canvas.domain.shura import CELLS, ShuraCellInput, ShuraRisk, ShuraRiskInput
from canvas.domain.touchpoint import TouchpointCategory, TouchpointInput, TouchpointRating
from canvas.domain.twelve_rules import ClevelandRule, RuleScoreInput
from canvas.forms.loyalty_check import loyalty_answers
from canvas.forms.relationships import relationship_answers
from canvas.forms.shura import NOT_RATED, shura_form_answers
from canvas.forms.twelve_rules import rule_answers
from canvas.i18n import UnreadableNumber, describe_error, describe_validation, read_number, strings
from canvas.presenters.shura import cell_label
from tests.unit.refusal_checks import (
    assert_both_languages,
    long_text,
    raw_dicts,
    widget_values,
)

LANGS = ("ru", "en")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# ------------------------------------------------------------------ near-good values

names = st.one_of(st.text(max_size=130), long_text, st.sampled_from(["Кафе", "  Offices  "]))
texts = st.one_of(st.text(max_size=60), long_text)
money = st.one_of(
    st.decimals(places=2, min_value=-1, max_value=MONEY_MAX + 1),
    st.decimals(),
    st.floats(),
    st.sampled_from(["1 500,50", "1500.5", "12,345", "1e3", "", "-0"]),
    st.none(),
)
counts = st.one_of(st.integers(-5, CUSTOMERS_MAX + 5), st.integers(), st.none())
percents = st.one_of(st.floats(), st.integers(-1, 101), st.none())
optional_ids = st.one_of(st.none(), st.integers(-(2**64), 2**64))
days = st.one_of(st.none(), st.dates(), st.sampled_from(["2026-03-14", "14.03.2026", "2026-02-30"]))


def ratings(low: int, high: int) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), st.integers(low - 2, high + 2), st.floats(low - 1, high + 1))


def enum_values(enum: Any) -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(list(enum)), st.sampled_from([e.value.upper() for e in enum]))


FIELDS: dict[type[BaseModel], dict[str, st.SearchStrategy[Any]]] = {
    WorkshopInput: {
        "title": names,
        "company": names,
        "language": enum_values(Language),
        "currency": st.sampled_from(["RUB", "usd", " EUR ", "RUBL", "₽"]),
    },
    SegmentInput: {
        "name": names,
        "description": texts,
        "customers": counts,
        "revenue_per_customer": money,
        "acquisition_cost": money,
        "retention_rate": percents,
        "gross_margin": percents,
        "colour": st.one_of(st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True), st.text()),
    },
    RelationshipInput: {
        "expected": ratings(0, 3),
        "established": ratings(0, 3),
        "motives": st.lists(enum_values(Motive) | st.text(max_size=5), max_size=4),
        "yearly_cost": money,
        "integration": st.dictionaries(
            enum_values(IntegrationBlock) | st.text(max_size=12), texts, max_size=3
        ),
    },
    CanvasNoteInput: {
        "block": enum_values(CanvasBlock),
        "text": texts,
        "segment_id": optional_ids,
    },
    ShuraCellInput: {"practice": texts, "rating": ratings(1, 5), "next_step": texts},
    ShuraRiskInput: {
        "present": st.one_of(st.booleans(), st.sampled_from(["yes", 2])),
        "note": texts,
    },
    RuleScoreInput: {"score": ratings(0, 5), "note": texts},
    LoyaltyRatingInput: {"rating": ratings(1, 5), "evidence": texts},
    NpsCounts: {
        name: st.one_of(st.integers(-1, MAX_COUNT + 1), st.integers())
        for name in ("promoters", "passives", "detractors")
    },
    NpsResponseInput: {
        "score": ratings(0, 10),
        "why": texts,
        "make_it_ten": texts,
        "segment_id": optional_ids,
        "answered_on": days,
    },
    TouchpointInput: {
        "name": names,
        "category": enum_values(TouchpointCategory),
        "relationship_type": st.none() | enum_values(RelationshipType),
        "rating": st.none() | enum_values(TouchpointRating),
        "idea": texts,
        "owner": names,
        "segment_id": optional_ids,
    },
    CourseInput: {"title": names, "language": enum_values(Language)},
    JoinRequest: {
        "code": st.text(CODE_ALPHABET + "01OIL -abc", max_size=9),
        "display_name": names,
    },
    CommentInput: {
        "text": texts,
        "block": st.none() | enum_values(CanvasBlock),
        "segment_id": optional_ids,
    },
    SnapshotInput: {"name": names},
}

# ------------------------------------------------------------------ what a model promises

SHORT = {"title", "company", "name", "owner", "display_name"}
NOTES = {"text", "note", "evidence", "idea"}
LONG = {"description", "practice", "next_step"}
ANSWERS = {"why", "make_it_ten"}
RANGES: dict[str, tuple[float, float]] = {
    "customers": (0, CUSTOMERS_MAX),
    "retention_rate": (0, 100),
    "gross_margin": (0, 100),
    "expected": (0, 3),
    "established": (0, 3),
    "score": (0, 10),  # a rule's score: 0 to 5
    "rating": (1, 5),
    "promoters": (0, MAX_COUNT),
    "passives": (0, MAX_COUNT),
    "detractors": (0, MAX_COUNT),
}
LIMITS = {**dict.fromkeys(SHORT, NAME_MAX), **dict.fromkeys(NOTES, NOTE_MAX)}
LIMITS |= {**dict.fromkeys(LONG, TEXT_MAX), **dict.fromkeys(ANSWERS, ANSWER_MAX)}


def _check_text(field: str, value: str) -> None:
    assert value == value.strip(), f"{field} is not trimmed"
    assert len(value) <= LIMITS[field], f"{field} is longer than {LIMITS[field]}"
    assert not CONTROL.search(value), f"{field} holds a control character"
    value.encode("utf-8")
    if field in SHORT:
        assert "\n" not in value and "\r" not in value
        assert value or field in {"company", "owner"}, f"{field} is blank"


def assert_keeps_its_promises(model: BaseModel) -> None:
    """Limits, trimmed single-line names, cents, finite numbers, and a JSON round trip."""
    for field, value in model:
        if isinstance(value, str) and field in LIMITS:
            _check_text(field, value)
        elif isinstance(value, Decimal):
            assert value.is_finite() and 0 <= value <= MONEY_MAX
            assert value == value.quantize(Decimal("0.01")), f"{field} has fractions of a cent"
        elif isinstance(value, float):
            assert math.isfinite(value)
        if field in RANGES and value is not None:
            low, high = (0, 5) if isinstance(model, RuleScoreInput) else RANGES[field]
            assert low <= value <= high, f"{field}={value!r} outside {low}…{high}"
        if isinstance(value, dict):  # a relationship's ties: each a note
            assert all(isinstance(k, IntegrationBlock) for k in value)
            for text in value.values():
                _check_text("note", text)
    if isinstance(model, SegmentInput):
        assert re.fullmatch(r"#[0-9a-fA-F]{6}", model.colour)
    if isinstance(model, WorkshopInput):
        assert re.fullmatch(r"[A-Z]{3}", model.currency)
    if isinstance(model, JoinRequest):
        assert len(model.code) == 6 and set(model.code) <= set(CODE_ALPHABET)
    if isinstance(model, CanvasNoteInput):
        assert model.block in NOTE_BLOCKS
    if isinstance(model, CommentInput):
        assert model.text and (model.block is None or model.segment_id is None)
    # What was accepted can be exported and read back as the same thing. (Through the JSON
    # form rather than JSON text: an id of 5,000 digits, which no page or file supplies,
    # is past the int-to-text limit of JSON parsers.)
    assert type(model).model_validate(model.model_dump(mode="json")) == model


def explain(error: ValidationError, raw: object) -> None:
    """The refusal reads in both languages, by field name and with the path of a file."""
    for with_path in (False, True):
        messages = {lang: describe_validation(error, lang, with_path=with_path) for lang in LANGS}
        assert len(messages["ru"]) == error.error_count()
        assert_both_languages(messages, raw)


def construct(model: type[BaseModel], raw: dict[str, Any]) -> None:
    try:
        made = model.model_validate(raw)
    except ValidationError as error:
        explain(error, raw)
    else:
        assert_keeps_its_promises(made)


@pytest.mark.parametrize("model", list(FIELDS), ids=lambda model: model.__name__)
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_any_dict_makes_a_model_that_keeps_its_promises_or_a_refusal_in_both_languages(model, data):
    construct(model, data.draw(raw_dicts(FIELDS[model]), label="raw"))


# ------------------------------------------------------------------ the forms' helpers


def _forms(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """What a form's widgets hand over: the right keys, any values, some keys missing."""
    return raw_dicts(fields, extra=False, bad=widget_values)


def assert_form_result(
    raw: dict[Any, dict[str, Any]],
    run: Callable[[str], tuple[dict[Any, Any], list[str]]],
    label: Callable[[Any, str], str],
) -> None:
    """Each item is either an answer to save or named in a problem, in both languages.

    The caller saves only when there are no problems, so a form is never applied half-way.
    """
    found = {lang: run(lang) for lang in LANGS}
    (answers, ru), (answers_en, en) = found["ru"], found["en"]
    assert answers.keys() == answers_en.keys()
    if ru or en:
        assert_both_languages({"ru": ru, "en": en}, raw)
    for lang, (saved, problems) in found.items():
        for item in raw:
            if item not in saved:
                continue
            assert not any(p.startswith(label(item, lang) + " · ") for p in problems)
        for problem in problems:
            assert any(problem.startswith(label(item, lang) + " · ") for item in raw)
    for answer, _version in answers.values():
        assert_keeps_its_promises(answer)


def _reads_alike(typed: object) -> bool:
    if not isinstance(typed, str):
        return True
    read = {}
    for lang in LANGS:
        try:
            read[lang] = read_number(typed, lang)
        except UnreadableNumber:
            read[lang] = None
    return len(set(read.values())) == 1


@settings(max_examples=60, deadline=None)
@given(
    raw=st.dictionaries(
        st.sampled_from(list(RelationshipType)), _forms(FIELDS[RelationshipInput]), max_size=6
    )
)
def test_the_relationships_form_never_crashes_and_names_each_refused_type(raw):
    # A typed cost such as "12,345" is read by the user's language (12.345 in Russian,
    # 12 345 in English), so the languages may rightly differ there; the rest must agree.
    assume(all(_reads_alike(values.get("yearly_cost")) for values in raw.values()))

    def type_name(kind: RelationshipType, lang: str) -> str:
        return catalogue().type(kind).name(lang)

    assert_form_result(raw, lambda lang: relationship_answers(raw, {}, lang), type_name)


shura_cell = _forms(
    {"practice": texts, "rating": st.just(NOT_RATED) | ratings(1, 5), "next_step": texts}
)


@settings(max_examples=60, deadline=None)
@given(
    cells=st.dictionaries(st.sampled_from(CELLS), shura_cell, max_size=3),
    risks=st.dictionaries(st.sampled_from(list(ShuraRisk)), _forms(FIELDS[ShuraRiskInput])),
)
def test_the_shura_form_never_crashes_and_names_each_refused_cell_or_risk(cells, risks):
    def where(item: Any, lang: str) -> str:
        if isinstance(item, ShuraRisk):
            return shura_content().risk(item).name(lang)
        return cell_label(*item, lang)

    def run(lang: str) -> tuple[dict[Any, Any], list[str]]:
        saved_cells, saved_risks, problems = shura_form_answers(
            cells, risks, FrameworkAnswers(), lang
        )
        return {**saved_cells, **saved_risks}, problems

    assert_form_result({**cells, **risks}, run, where)


@settings(max_examples=60, deadline=None)
@given(raw=st.dictionaries(st.sampled_from(list(ClevelandRule)), _forms(FIELDS[RuleScoreInput])))
def test_the_twelve_rules_form_never_crashes_and_names_each_refused_rule(raw):
    assert_form_result(
        raw,
        lambda lang: rule_answers(raw, FrameworkAnswers(), lang),
        lambda rule, lang: twelve_rules().numbered(rule, lang),
    )


LOYALTY_ITEMS = list(ITEMS)  # the five elements, the two later stages, the five conditions


@settings(max_examples=60, deadline=None)
@given(
    raw=st.dictionaries(st.sampled_from(LOYALTY_ITEMS), _forms(FIELDS[LoyaltyRatingInput])),
)
def test_the_loyalty_form_never_crashes_and_names_each_refused_item(raw):
    assert_form_result(
        raw,
        lambda lang: loyalty_answers(raw, {}, lang),
        lambda item, lang: loyalty_content().entry(*item).name(lang),
    )


# ------------------------------------------------------------------ the workshop's refusals


def _placeholders(code: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", strings(Language.EN)[f"error.{code}"]))


@settings(max_examples=60, deadline=None)
@given(
    error=st.sampled_from(WorkshopError.__subclasses__()),
    values=st.lists(st.text(max_size=30) | st.integers(), min_size=3, max_size=3),
)
def test_every_refusal_of_the_workshop_reads_in_both_languages(error, values):
    params = dict(zip(sorted(_placeholders(error.code)), values, strict=False))
    refusal = error(**params)
    messages = {lang: [describe_error(refusal, lang)] for lang in LANGS}
    assert_both_languages(messages, params)
