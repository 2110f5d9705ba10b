"""The facilitator's guide: the loader's refusals, timings that add up, the clock the trainer
reads, and the PDF read back. Expected words come from ``data/guide.json``,
``data/frameworks/shura.json``, ``data/catalogue.json`` and the UI strings, never from the
code; expected times are worked out by hand in the comments."""

import copy
import io
import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from pypdf import PdfReader

from canvas.content.guide import GuideFramework, PlanKey, load_guide
from canvas.domain import Language
from canvas.export.pdf import clean
from canvas.export.pdf.guide import render_guide
from canvas.i18n import t
from canvas.presenters.guide import overview, schedule, stage_type_rows

DATA = Path(__file__).resolve().parents[2] / "data"
RAW: dict[str, Any] = json.loads((DATA / "guide.json").read_text(encoding="utf-8"))
SHURA: dict[str, Any] = json.loads((DATA / "frameworks" / "shura.json").read_text("utf-8"))
CATALOGUE: dict[str, Any] = json.loads((DATA / "catalogue.json").read_text("utf-8"))
LANGS = list(Language)


def _plan(raw: dict[str, Any], key: str) -> dict[str, Any]:
    return next(plan for plan in raw["plans"] if plan["key"] == key)


def _refusal(tmp_path: Path, change: Any) -> str:
    """The loader's message for a copy of the guide that ``change`` spoiled."""
    spoiled = copy.deepcopy(RAW)
    change(spoiled)
    path = tmp_path / "guide.json"
    path.write_text(json.dumps(spoiled, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        load_guide(path)
    return str(refused.value)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(data: bytes) -> str:
    return _flat(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))


# ------------------------------------------------------------------ the loader


def test_the_shipped_guide_loads(tmp_path):
    assert [plan.key for plan in load_guide(DATA / "guide.json").plans] == list(PlanKey)


def test_a_step_five_minutes_longer_is_refused_because_the_half_day_no_longer_adds_up(tmp_path):
    def longer(raw):
        _plan(raw, "half_day")["steps"][0]["minutes"] += 5

    # 240 stated; the steps now add up to 240 + 5 = 245
    assert "add up to 245 minutes, not 240" in _refusal(tmp_path, longer)


def test_a_full_day_stated_as_seven_hours_is_refused_when_its_steps_make_eight(tmp_path):
    def shorter(raw):
        _plan(raw, "full_day")["total_minutes"] = 420

    assert "add up to 480 minutes, not 420" in _refusal(tmp_path, shorter)


def test_a_step_title_without_its_russian_is_refused(tmp_path):
    def english_only(raw):
        del _plan(raw, "full_day")["steps"][2]["title"]["ru"]

    assert "ru" in _refusal(tmp_path, english_only)


def test_a_debrief_question_in_english_only_is_refused(tmp_path):
    def english_only(raw):
        raw["debrief"][3]["questions"][0]["ru"] = " "

    assert "ru" in _refusal(tmp_path, english_only)


def test_a_guide_without_the_full_day_plan_is_refused(tmp_path):
    def half_only(raw):
        raw["plans"] = [_plan(raw, "half_day")]

    assert "the plans must be exactly ['half_day', 'full_day']" in _refusal(tmp_path, half_only)


def test_a_framework_left_out_of_the_debrief_is_refused(tmp_path):
    def no_nps(raw):
        raw["debrief"] = [d for d in raw["debrief"] if d["framework"] != "nps"]

    assert "the debrief must cover exactly" in _refusal(tmp_path, no_nps)


@pytest.mark.parametrize("count", [1, 4])
def test_a_framework_with_one_or_four_debrief_questions_is_refused(tmp_path, count):
    def recount(raw):
        questions = raw["debrief"][0]["questions"]
        raw["debrief"][0]["questions"] = (questions * 2)[:count]

    assert "questions" in _refusal(tmp_path, recount)


def test_a_step_that_names_a_page_but_not_what_to_show_is_refused(tmp_path):
    def no_show(raw):
        step = next(s for s in _plan(raw, "half_day")["steps"] if "page" in s)
        del step["show"]

    assert "must name a page and what to show, or neither" in _refusal(tmp_path, no_show)


def test_a_step_sending_the_trainer_to_a_page_the_app_lacks_is_refused(tmp_path):
    def nowhere(raw):
        next(s for s in _plan(raw, "half_day")["steps"] if "page" in s)["page"] = "nowhere"

    assert "page" in _refusal(tmp_path, nowhere)


def test_a_half_day_that_never_debriefs_the_crisis_check_is_refused(tmp_path):
    def no_crisis_debrief(raw):
        for step in _plan(raw, "half_day")["steps"]:
            step["debrief"] = [f for f in step.get("debrief", []) if f != "loyalty_check"]

    assert "half_day must debrief every framework once" in _refusal(tmp_path, no_crisis_debrief)


def test_a_full_day_that_debriefs_nps_twice_is_refused(tmp_path):
    def twice(raw):
        _plan(raw, "full_day")["steps"][0]["debrief"] = ["nps"]

    assert "full_day must debrief every framework once" in _refusal(tmp_path, twice)


def test_a_framework_without_any_common_mistake_is_refused(tmp_path):
    def no_touchpoints(raw):
        raw["mistakes"] = [m for m in raw["mistakes"] if m["framework"] != "touchpoints"]

    assert "no common mistake for ['touchpoints']" in _refusal(tmp_path, no_touchpoints)


# ------------------------------------------------------------------ the timings


@pytest.mark.parametrize(("key", "hours"), [("half_day", 4), ("full_day", 8)])
def test_each_plans_steps_add_up_to_the_length_it_states(key, hours):
    plan = _plan(RAW, key)
    # about 4 hours = 240 minutes for the half day, 8 hours = 480 for the full day
    assert plan["total_minutes"] == hours * 60
    assert sum(step["minutes"] for step in plan["steps"]) == hours * 60


@pytest.mark.parametrize("lang", LANGS)
def test_the_half_day_runs_from_ten_to_two_step_after_step(lang):
    rows = schedule(PlanKey.HALF_DAY, lang)
    # 10:00 + 240 minutes = 14:00; the first step is 10 minutes: 10:00–10:10
    assert (rows[0].start, rows[0].end, rows[-1].end) == ("10:00", "10:10", "14:00")
    assert all(before.end == after.start for before, after in pairwise(rows))
    assert [r.title for r in rows] == [s["title"][lang] for s in _plan(RAW, "half_day")["steps"]]


@pytest.mark.parametrize("lang", LANGS)
def test_the_full_days_lunch_starts_at_a_quarter_to_one(lang):
    rows = schedule(PlanKey.FULL_DAY, lang)
    lunch = next(row for row in rows if row.key == "lunch")
    # before lunch: 15 + 20 + 30 + 30 + 30 + 15 + 30 + 25 = 195 minutes = 3 h 15 after 09:30
    assert (lunch.start, lunch.end) == ("12:45", "13:45")
    assert rows[-1].end == "17:30"  # 09:30 + 480 minutes
    assert lunch.pause and not lunch.page


@pytest.mark.parametrize(
    ("lang", "key", "hours"),
    [(lang, k, h) for lang in LANGS for k, h in [("half_day", "4"), ("full_day", "8")]],
)
def test_each_plan_states_its_length_in_hours_in_the_readers_language(lang, key, hours):
    assert overview(key, lang).length == t("guide.hours", lang, hours=hours)


@pytest.mark.parametrize(("lang", "key"), [(lang, key) for lang in LANGS for key in PlanKey])
def test_each_framework_is_debriefed_once_per_plan_with_its_questions(lang, key):
    names = {d["framework"]: d["name"][lang] for d in RAW["debrief"]}
    questions = {d["name"][lang]: [q[lang] for q in d["questions"]] for d in RAW["debrief"]}
    asked = [entry for row in schedule(key, lang) for entry in row.debrief]
    assert sorted(entry.framework for entry in asked) == sorted(names.values())
    assert all(entry.questions == questions[entry.framework] for entry in asked)


@pytest.mark.parametrize("lang", LANGS)
def test_a_step_names_its_page_by_the_pages_title(lang):
    rows = schedule(PlanKey.HALF_DAY, lang)
    for row, step in zip(rows, _plan(RAW, "half_day")["steps"], strict=True):
        assert row.page == (t(f"page.{step['page']}", lang) if "page" in step else "")


# ------------------------------------------------------------------ the links


@pytest.mark.parametrize("lang", LANGS)
def test_the_shura_link_lists_each_stages_fitting_types_from_the_shura_texts(lang):
    names = {entry["key"]: entry["name"][lang] for entry in CATALOGUE["relationship_types"]}
    expected = [
        (stage["title"][lang], ", ".join(names[kind] for kind in stage["types"]))
        for stage in SHURA["stages"]
    ]
    assert stage_type_rows(lang) == expected


def test_every_framework_has_debrief_questions_and_a_mistake_in_the_data_file():
    assert [d["framework"] for d in RAW["debrief"]] == [f.value for f in GuideFramework]
    assert {m["framework"] for m in RAW["mistakes"]} == {f.value for f in GuideFramework}


# ------------------------------------------------------------------ the PDF


@pytest.fixture(scope="module", params=LANGS, ids=lambda lang: lang.value)
def guide_pdf(request: pytest.FixtureRequest) -> tuple[Language, str]:
    lang = request.param
    return lang, _pdf_text(render_guide(lang))


def test_the_pdf_holds_every_step_title_of_both_plans(guide_pdf):
    lang, text = guide_pdf
    titles = [step["title"][lang] for plan in RAW["plans"] for step in plan["steps"]]
    assert [title for title in titles if _flat(clean(title)) not in text] == []


def test_the_pdf_holds_every_debrief_question(guide_pdf):
    lang, text = guide_pdf
    questions = [q[lang] for entry in RAW["debrief"] for q in entry["questions"]]
    assert len(questions) >= 2 * len(GuideFramework)
    assert [q for q in questions if _flat(clean(q)) not in text] == []


def test_the_pdf_holds_every_common_mistake_and_link(guide_pdf):
    lang, text = guide_pdf
    wanted = [m["mistake"][lang] for m in RAW["mistakes"]]
    wanted += [link["title"][lang] for link in RAW["links"]]
    assert [w for w in wanted if _flat(clean(w)) not in text] == []


def test_the_pdf_is_titled_as_the_guide_in_its_language(guide_pdf):
    lang, text = guide_pdf
    assert text.startswith(f"{t('page.guide', lang)} {t('guide.pdf.subtitle', lang)}")
    for plan in RAW["plans"]:
        assert t("guide.pdf.schedule", lang, plan=plan["name"][lang]) in text
