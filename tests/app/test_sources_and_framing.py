"""The Sources page in every mode, the Relationships page's open framing (Drucker, the four
questions, the six types on the spectrum) in local and course mode, and the one-line note
under every rating scale. Expected words come from ``data/`` files, never from the code."""

import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from canvas.domain.course import CourseInput, JoinRequest
from canvas.store import courses
from canvas.store.db import make_engine, transaction
from tests.app.driver import (
    CATALOGUE,
    DATA,
    assert_ok,
    open_app,
    run_app,
    say,
    seen,
    shown,
    titles,
    trainer_at,
    type_names,
)

SOURCES_PAGE = "app_pages/sources.py"
PASSWORD = "correct horse battery staple"
SOURCES: dict[str, Any] = json.loads((DATA / "sources.json").read_text(encoding="utf-8"))
TOUCHPOINTS = json.loads((DATA / "frameworks" / "touchpoints.json").read_text(encoding="utf-8"))
LOYALTY = json.loads((DATA / "frameworks" / "loyalty_check.json").read_text(encoding="utf-8"))
ICON = ":material/straighten: "


def _assert_every_source_shown(at: AppTest, lang: str) -> None:
    assert titles(at) == [say(lang, "page.sources")]
    assert [h.value for h in at.header] == [f["name"][lang] for f in SOURCES["frameworks"]]
    text = "\n".join(shown(at.markdown))
    assert seen(SOURCES["intro"][lang]) in text
    for framework in SOURCES["frameworks"]:
        for reference in framework["references"]:
            assert f"- {seen(reference[lang])}" in text, reference[lang]


@pytest.fixture
def course(db: str, monkeypatch: pytest.MonkeyPatch, lang: str) -> dict[str, Any]:
    """Course mode on, one participant, Anna."""
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            made = courses.create_course(session, data=CourseInput(title="Spring", language=lang))
            anna = courses.join_course(
                session, request=JoinRequest(code=made.join_code, display_name="Anna")
            )
    finally:
        engine.dispose()
    return {"anna": anna}


# ------------------------------------------------------------------ the Sources page


def test_the_sources_page_names_every_framework_and_reference_with_no_workshop(shared, lang):
    at = run_app(lang, page=SOURCES_PAGE)
    _assert_every_source_shown(at, lang)


def test_a_participant_and_a_visitor_at_the_join_page_can_open_the_sources(course, lang):
    anna = course["anna"]
    visitor = open_app(lang)
    assert titles(visitor) == [say(lang, "page.join")]
    _assert_every_source_shown(assert_ok(visitor.switch_page(SOURCES_PAGE).run()), lang)

    participant = open_app(lang, k=anna.access_token)
    _assert_every_source_shown(assert_ok(participant.switch_page(SOURCES_PAGE).run()), lang)


def test_the_trainer_can_open_the_sources(course, lang, monkeypatch):
    at = trainer_at(SOURCES_PAGE, lang, PASSWORD, monkeypatch)  # asserts the login's page
    _assert_every_source_shown(assert_ok(at.run()), lang)


# ------------------------------------------------------------------ the framing


def _assert_framing_open(at: AppTest, lang: str) -> None:
    assert titles(at) == [say(lang, "page.relationships")]
    text = shown(at.markdown)
    assert seen(CATALOGUE["intro"][lang]) in text  # Drucker and the repeat sale
    listed = "\n".join(
        f"{n}. {q['text'][lang]}" for n, q in enumerate(CATALOGUE["questions"], start=1)
    )
    assert listed in text
    assert all(listed not in shown(e.markdown) for e in at.expander)
    [table] = [t for t in text if t.startswith(f"| {say(lang, 'framing.col.type')} |")]
    rows = table.split("\n")[2:]
    # Ordered from personal to automated: dedicated (0), personal (20), co-creation (50),
    # communities (60), self-service (80), automated (100).
    order = [
        "dedicated_personal_assistance",
        "personal_assistance",
        "co_creation",
        "communities",
        "self_service",
        "automated_services",
    ]
    types = {t["key"]: t for t in CATALOGUE["relationship_types"]}
    assert len(rows) == len(order) == len(type_names(lang))
    for row, key in zip(rows, order, strict=True):
        entry = types[key]
        assert row.startswith(f"| {entry['name'][lang]} |")
        assert entry["definition"][lang] in row and entry["example"][lang] in row
    # the ends of the spectrum: slot 0 of 5 is personal, slot 4 automated
    assert f"●○○○○ {say(lang, 'framing.place.personal')}" in rows[0]
    assert f"○○○○● {say(lang, 'framing.place.automated')}" in rows[-1]
    assert f"○○●○○ {say(lang, 'framing.place.between')}" in rows[2]  # 50 of 100


def test_the_relationships_page_opens_with_drucker_the_questions_and_the_six_types(shared, lang):
    _assert_framing_open(run_app(lang, shared.empty[lang], page="relationships"), lang)


def test_a_participant_in_course_mode_sees_the_same_framing(course, lang):
    at = open_app(lang, k=course["anna"].access_token)
    _assert_framing_open(assert_ok(at.switch_page("app_pages/relationships.py").run()), lang)


# ------------------------------------------------------------------ the scales


def _level(value: int, lang: str) -> str:
    return str(next(v for v in CATALOGUE["levels"] if v["value"] == value)["name"][lang])


def _loyalty(value: int, lang: str) -> str:
    return str(next(v for v in LOYALTY["scale"] if v["value"] == value)["name"][lang])


def _touchpoint(key: str, lang: str) -> str:
    return str(next(v for v in TOUCHPOINTS["scale"] if v["key"] == key)["name"][lang])


def _expected_note(page: str, lang: str) -> str:
    if page == "relationships":
        return say(lang, "scale.relationships", low=_level(0, lang), high=_level(3, lang))
    if page == "shura":
        return say(
            lang,
            "scale.shura",
            low=say(lang, "shura.rating.1"),
            high=say(lang, "shura.rating.5"),
            none=say(lang, "shura.rating.none"),
        )
    if page == "twelve_rules":
        return say(lang, "scale.twelve_rules", none=say(lang, "rules.not_scored"))
    if page == "loyalty_check":
        return say(
            lang,
            "scale.loyalty_check",
            low=_loyalty(1, lang),
            high=_loyalty(5, lang),
            none=say(lang, "loyalty_check.not_rated"),
        )
    names = {key: _touchpoint(key, lang) for key in ("awful", "ok", "wow")}
    return say(lang, "scale.touchpoints", **names)


@pytest.mark.parametrize(
    "page", ["relationships", "shura", "twelve_rules", "loyalty_check", "touchpoints"]
)
def test_every_rating_scale_says_what_its_ends_mean(shared, lang, page):
    at = run_app(lang, shared.demo[lang], page=page)
    note = _expected_note(page, lang)
    assert ICON + seen(note) in shown(at.caption), note
