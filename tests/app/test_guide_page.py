"""The facilitator's guide page: for the logged-in trainer in course mode and for anyone in
local mode, in both languages; a participant meets the "not available here" page. Expected
words come from ``data/guide.json`` and the UI strings; clock times are worked out by hand."""

import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from canvas.domain.course import CourseInput, JoinRequest
from canvas.store import courses
from canvas.store.db import make_engine, transaction
from tests.app.driver import (
    DATA,
    assert_ok,
    open_app,
    run_app,
    say,
    seen,
    shown,
    titles,
    trainer_at,
    widget,
)

GUIDE_PAGE = "app_pages/guide.py"
PASSWORD = "correct horse battery staple"
GUIDE: dict[str, Any] = json.loads((DATA / "guide.json").read_text(encoding="utf-8"))


def _plan(key: str) -> dict[str, Any]:
    return next(plan for plan in GUIDE["plans"] if plan["key"] == key)


def _trainer(lang: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The trainer logged in, then at the guide."""
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    return assert_ok(trainer_at(GUIDE_PAGE, lang, PASSWORD, monkeypatch).run())


def _step_labels(lang: str, key: str, clock: list[tuple[str, str]]) -> list[str]:
    steps = _plan(key)["steps"]
    return [
        f"{start}–{end} · {step['title'][lang]} · {say(lang, 'guide.minutes', n=step['minutes'])}"
        for (start, end), step in zip(clock, steps, strict=False)
    ]


def step_title(label: str) -> str:
    """The step's title from an expander's label "10:00–10:10 · title · 10 min"."""
    return label.split(" · ")[1] if label.count(" · ") == 2 else ""


def _assert_the_half_day_guide(at: AppTest, lang: str) -> None:
    assert titles(at) == [say(lang, "page.guide")]
    choice = widget(at.radio, say(lang, "guide.plan"))
    assert choice.options == [plan["name"][lang] for plan in GUIDE["plans"]]
    half = _plan("half_day")
    table = at.table[0].value
    assert list(table[say(lang, "guide.col.step")]) == [s["title"][lang] for s in half["steps"]]
    assert sum(table[say(lang, "guide.col.minutes")]) == 240  # four hours
    labels = [e.label for e in at.expander]
    # 10:00 + 10 min = 10:10, + 15 = 10:25: the first two steps of the half day
    assert labels[:2] == _step_labels(lang, "half_day", [("10:00", "10:10"), ("10:10", "10:25")])
    assert [m.value for m in at.metric] == ["10:00", "14:00", say(lang, "guide.hours", hours="4")]
    text = "\n".join(shown(at.markdown))
    for entry in GUIDE["debrief"]:
        assert entry["name"][lang] in labels
        for question in entry["questions"]:
            assert seen(question[lang]) in text, question[lang]
    for mistake in GUIDE["mistakes"]:
        assert seen(mistake["mistake"][lang]) in text
    assert [b.label for b in at.get("download_button")] == [say(lang, "guide.download")]
    # the step that reads the gaps closes with the six types' debrief questions
    gaps = next(step for step in half["steps"] if step["key"] == "gaps")
    relationships = GUIDE["debrief"][0]
    box = next(e for e in at.expander if step_title(e.label) == gaps["title"][lang])
    inside = "\n".join(shown(box.markdown))
    assert say(lang, "guide.ask", framework=relationships["name"][lang]) in inside
    assert all(seen(q[lang]) in inside for q in relationships["questions"])


def test_the_logged_in_trainer_reads_the_half_day_guide(db, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    _assert_the_half_day_guide(at, lang)


def test_the_trainer_switches_to_the_full_day_and_sees_its_steps_and_lunch(db, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    widget(at.radio, say(lang, "guide.plan")).set_value("full_day").run()
    assert_ok(at)
    full = _plan("full_day")
    table = at.table[0].value
    assert list(table[say(lang, "guide.col.step")]) == [s["title"][lang] for s in full["steps"]]
    lunch = next(step for step in full["steps"] if step["key"] == "lunch")
    # before lunch 15 + 20 + 30 + 30 + 30 + 15 + 30 + 25 = 195 min after 09:30: 12:45–13:45
    lunch_label = f"12:45–13:45 · {lunch['title'][lang]} · {say(lang, 'guide.minutes', n=60)}"
    assert lunch_label in [e.label for e in at.expander]
    assert [m.value for m in at.metric] == ["09:30", "17:30", say(lang, "guide.hours", hours="8")]


def test_the_guide_is_in_local_mode_for_a_trainer_preparing_alone(db, lang):
    at = run_app(lang, page=GUIDE_PAGE)
    assert_ok(at)
    _assert_the_half_day_guide(at, lang)


def test_a_participant_cannot_run_the_guide(db, lang, monkeypatch):
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            course = courses.create_course(session, data=CourseInput(title="Spring", language=lang))
            anna = courses.join_course(
                session, request=JoinRequest(code=course.join_code, display_name="Anna")
            )
    finally:
        engine.dispose()
    at = open_app(lang, k=anna.access_token)
    # the guide's address runs app_pages/elsewhere.py for her ("not available here"), so the
    # guide's own script is not among the pages her session may run
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(GUIDE_PAGE)
