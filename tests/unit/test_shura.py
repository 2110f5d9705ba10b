"""The SHURA matrix without a database: the rules on ratings, the content in both
languages, the stage → relationship type suggestion, the form, the chart and the report."""

import json
import re
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from canvas.content.catalogue import Localized
from canvas.content.demo import load_demo
from canvas.content.shura import load_shura, shura_content
from canvas.domain import RelationshipInput, RelationshipType
from canvas.domain.frameworks import FrameworkAnswers, StoredShuraCell, StoredShuraRisk
from canvas.domain.shura import (
    Audience,
    ShuraCellInput,
    ShuraRisk,
    ShuraRiskInput,
    ShuraStage,
    stage_types,
    weak_spots,
    weakest_cells,
)
from canvas.domain.workshop_view import WorkshopView
from canvas.export.report import Bullets, Paragraph, Table
from canvas.export.sections_shura import shura_sections
from canvas.figures.shura import shura_heatmap
from canvas.forms.shura import NOT_RATED, shura_form_answers
from canvas.presenters.shura import RATING_FILLS, cell_label
from tests.unit.factories import segment, snapshot

ROOT = Path(__file__).resolve().parents[2]
CONTENT_FILE = ROOT / "data" / "frameworks" / "shura.json"
CYRILLIC = re.compile(r"[а-яё]", re.I)

ATTRACTION, RETENTION, SERVICE, RETURN = ShuraStage
CUSTOMERS, EMPLOYEES = Audience
PA = RelationshipType.PERSONAL_ASSISTANCE
DPA = RelationshipType.DEDICATED_PERSONAL_ASSISTANCE
SELF = RelationshipType.SELF_SERVICE
AUTO = RelationshipType.AUTOMATED_SERVICES
COMM = RelationshipType.COMMUNITIES
CO = RelationshipType.CO_CREATION

RATINGS: dict[tuple[ShuraStage, Audience], int | None] = {
    (ATTRACTION, CUSTOMERS): 4,
    (ATTRACTION, EMPLOYEES): 2,
    (RETENTION, CUSTOMERS): None,
    (RETENTION, EMPLOYEES): 1,
    (SERVICE, EMPLOYEES): 2,
}


def with_answers(answers: FrameworkAnswers, *segments) -> WorkshopView:
    return snapshot(*segments).model_copy(update={"frameworks": answers})


def demo_answers(lang: str) -> FrameworkAnswers:
    document = load_demo(lang)
    return FrameworkAnswers(
        shura_cells=[StoredShuraCell(**cell.model_dump()) for cell in document.shura_cells],
        shura_risks=[StoredShuraRisk(**risk.model_dump()) for risk in document.shura_risks],
    )


def cells(**ratings: int | None) -> FrameworkAnswers:
    """Answers with the given ratings, keyed ``stage_audience``."""
    stored = []
    for name, rating in ratings.items():
        stage, audience = name.split("_")
        stored.append(StoredShuraCell(stage=stage, audience=audience, rating=rating))
    return FrameworkAnswers(shura_cells=stored)


# ------------------------------------------------------------------ the rules


def test_the_weakest_cells_are_the_lowest_rated_with_ties_in_stage_order():
    # 1 (retention/employees), then the two 2s: attraction before service.
    assert weakest_cells(RATINGS) == [
        (RETENTION, EMPLOYEES),
        (ATTRACTION, EMPLOYEES),
        (SERVICE, EMPLOYEES),
    ]
    assert weakest_cells(RATINGS, count=1) == [(RETENTION, EMPLOYEES)]


def test_unrated_cells_are_never_among_the_weakest():
    assert weakest_cells({(RETURN, CUSTOMERS): None}) == []
    assert weakest_cells({}) == []


def test_weak_spots_never_call_a_cell_rated_five_weak():
    answers = cells(attraction_customers=5, return_employees=5, service_customers=4)
    assert weak_spots(answers) == [(SERVICE, CUSTOMERS)]
    assert weak_spots(cells(attraction_customers=5)) == []


def test_the_demo_weak_spots_are_the_customers_return_then_the_two_employee_twos():
    # Demo ratings: 4 2 / 3 3 / 4 5 / 1 2 (customers, employees per stage).
    assert weak_spots(demo_answers("en")) == [
        (RETURN, CUSTOMERS),
        (ATTRACTION, EMPLOYEES),
        (RETURN, EMPLOYEES),
    ]


# ------------------------------------------------------------------ the content


def _localized(value: object):
    if isinstance(value, Localized):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _localized(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _localized(getattr(value, name))


def test_the_content_loads_with_every_text_in_both_languages():
    texts = list(_localized(shura_content()))
    # 4 texts, 2 audiences, 4 stages × 8 texts, 6 remedies, 4 risk names
    assert len(texts) == 4 + 2 + 4 * 8 + 6 + 4
    assert all(CYRILLIC.search(text.ru) for text in texts)
    assert not [text.en for text in texts if CYRILLIC.search(text.en)]


def test_every_stage_has_both_wordings_goals_and_the_xyz_and_abc_examples():
    content = shura_content()
    assert [content.stage(s).name("en") for s in ShuraStage] == [
        "Attraction / Hiring",
        "Retention / Sales",
        "Work / Service",
        "Return",
    ]
    assert content.stage(ATTRACTION).name("ru") == "Привлечение / Найм"
    for stage in ShuraStage:
        entry = content.stage(stage)
        assert entry.good("en").startswith("XYZ") and "XYZ" in entry.good("ru")
        assert entry.bad("en").startswith("ABC") and "ABC" in entry.bad("ru")
        assert entry.customers.goal("en") != entry.employees.goal("en")


def test_every_risk_lists_its_remedies_and_every_remedy_answers_some_risk():
    content = shura_content()
    assert content.remedies_for(ShuraRisk.COMPETITION, "en") == [
        "Watch competitors and the market continuously.",
        "Keep improving the quality of the product or service.",
        "Take an individual approach to each customer and employee.",
    ]
    used = {key for risk in content.risks for key in risk.remedies}
    assert used == {r.key for r in content.remedies}
    assert len(used) == 6


def test_a_content_file_missing_a_stage_is_refused(tmp_path):
    data = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
    data["stages"] = data["stages"][:3]
    broken = tmp_path / "shura.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError, match="stages must be exactly"):
        load_shura(broken)


def test_a_content_file_naming_an_unknown_remedy_is_refused(tmp_path):
    data = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
    data["risks"][0]["remedies"].append("pray")
    broken = tmp_path / "shura.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError, match="unknown remedies"):
        load_shura(broken)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_third_stage_is_named_work_then_service_as_shur_orders_it(lang):
    # Shur's stages: привлечение/найм, удержание/продажи, работа/сервис, возвращение.
    # Work is what the company gives its employees, service what it gives customers.
    content = shura_content()
    service = content.stage(SERVICE)
    assert service.name(lang) == f"{service.employees.name(lang)} / {service.customers.name(lang)}"
    for stage in (ATTRACTION, RETENTION):
        entry = content.stage(stage)
        assert entry.name(lang) == f"{entry.customers.name(lang)} / {entry.employees.name(lang)}"
    assert content.stage(RETURN).name(lang) == content.stage(RETURN).customers.name(lang)
    intro = content.intro(lang)
    names = [content.stage(stage).name(lang).lower() for stage in ShuraStage]
    assert all(name in intro.lower() for name in names), names
    places = [intro.lower().index(name) for name in names]
    assert places == sorted(places)


def test_a_stage_title_that_does_not_name_both_sides_is_refused(tmp_path):
    data = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
    data["stages"][2]["title"]["en"] = "Service"
    broken = tmp_path / "shura.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError, match="title must name"):
        load_shura(broken)


def test_cells_are_named_by_audience_and_that_audiences_wording_of_the_stage():
    assert cell_label(ATTRACTION, EMPLOYEES, "en") == "Employees · Hiring"
    assert cell_label(SERVICE, CUSTOMERS, "ru") == "Клиенты · Сервис"


# ------------------------------------------------------------------ stage → types


def test_each_customer_stage_splits_its_types_into_established_and_missing():
    # Communities established in one segment, self-service in another; personal
    # assistance only expected (established 0), so it does not count.
    shop = segment(
        1,
        "Shop",
        answers={
            COMM: RelationshipInput(expected=2, established=1),
            PA: RelationshipInput(expected=3, established=0),
        },
    )
    web = segment(2, "Web", answers={SELF: RelationshipInput(established=2)})
    found = {
        row.stage: (row.established, row.missing)
        for row in stage_types(snapshot(shop, web), shura_content().fitting_types())
    }
    assert list(found) == list(ShuraStage)
    assert found[ATTRACTION] == ([COMM], [CO, AUTO, PA])
    assert found[RETENTION] == ([COMM], [DPA, PA, AUTO, CO])
    assert found[SERVICE] == ([SELF], [PA, AUTO])
    assert found[RETURN] == ([COMM], [DPA, AUTO])


def test_without_segments_every_fitting_type_is_missing():
    found = stage_types(snapshot(), shura_content().fitting_types())
    assert all(row.established == [] for row in found)
    assert [row.missing for row in found][3] == [COMM, DPA, AUTO]


# ------------------------------------------------------------------ the form

LONG = "x" * 4001


def _raw(**values) -> dict:
    return {"practice": "", "rating": NOT_RATED, "next_step": "", **values}


def test_the_form_returns_only_changed_cells_with_their_versions():
    stored = FrameworkAnswers(
        shura_cells=[
            StoredShuraCell(
                stage=ATTRACTION, audience=CUSTOMERS, practice="Ads", rating=3, version=4
            )
        ]
    )
    raw = {
        (ATTRACTION, CUSTOMERS): _raw(practice="Ads", rating=3),  # as read: left out
        (ATTRACTION, EMPLOYEES): _raw(),  # empty and never stored: left out
        (RETURN, CUSTOMERS): _raw(practice="Call lapsed offices", rating=1),
    }
    risks = {
        ShuraRisk.QUALITY: {"present": False, "note": ""},
        ShuraRisk.COMPETITION: {"present": True, "note": "Two new roasters"},
    }
    saved, saved_risks, problems = shura_form_answers(raw, risks, stored, "en")
    assert problems == []
    assert saved == {
        (RETURN, CUSTOMERS): (ShuraCellInput(practice="Call lapsed offices", rating=1), 0)
    }
    assert saved_risks == {
        ShuraRisk.COMPETITION: (ShuraRiskInput(present=True, note="Two new roasters"), 0)
    }


def test_not_rated_is_stored_as_no_rating():
    stored = FrameworkAnswers(
        shura_cells=[StoredShuraCell(stage=SERVICE, audience=EMPLOYEES, rating=2, version=1)]
    )
    saved, _, _ = shura_form_answers({(SERVICE, EMPLOYEES): _raw()}, {}, stored, "en")
    assert saved == {(SERVICE, EMPLOYEES): (ShuraCellInput(), 1)}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Employees · Hiring · What we do today: is too long: at most 4,000 characters."),
        (
            "ru",
            "Сотрудники · Найм · Что мы делаем сейчас: "
            "слишком длинное: не больше 4\u00a0000 символов.",
        ),
    ],
)
def test_every_problem_names_the_cell_and_the_field(lang, expected):
    raw = {
        (ATTRACTION, CUSTOMERS): _raw(practice="Fine"),
        (ATTRACTION, EMPLOYEES): _raw(practice=LONG),
        (RETURN, EMPLOYEES): _raw(rating=6),
    }
    saved, _, problems = shura_form_answers(raw, {}, FrameworkAnswers(), lang)
    assert problems[0] == expected
    assert problems[1].startswith(cell_label(RETURN, EMPLOYEES, lang) + " · ")
    assert len(problems) == 2
    assert list(saved) == [(ATTRACTION, CUSTOMERS)]  # the caller saves nothing


def test_a_too_long_risk_note_names_the_risk():
    risks = {ShuraRisk.NO_INNOVATION: {"present": True, "note": "n" * 601}}
    _, saved, problems = shura_form_answers({}, risks, FrameworkAnswers(), "en")
    assert saved == {}
    assert problems == ["Lack of innovation · Note: is too long: at most 600 characters."]


# ------------------------------------------------------------------ the chart

HOSTILE = "<script>alert(1)</script> & <b>bold</b>"


def _chart_text(figure) -> str:
    [trace] = figure.data
    return "\n".join(str(v) for row in [*trace.text, *trace.customdata] for v in row)


def test_the_heatmap_holds_the_ratings_stage_by_audience_with_blanks_for_unrated():
    figure = shura_heatmap(with_answers(demo_answers("en")), "en")
    [trace] = figure.data
    assert [list(row) for row in trace.z] == [[4, 2], [3, 3], [4, 5], [1, 2]]
    empty = shura_heatmap(with_answers(FrameworkAnswers()), "en")
    assert [list(row) for row in empty.data[0].z] == [[None, None]] * 4
    assert len(empty.layout.shapes) == 8  # every cell is a grey box


def test_the_heatmap_outlines_the_three_weakest_cells():
    figure = shura_heatmap(with_answers(demo_answers("en")), "en")
    outlines = [s for s in figure.layout.shapes if s.line.width]
    # return/customers (row 3, column 0), attraction/employees (0, 1), return/employees (3, 1)
    centres = sorted(((s.y0 + s.y1) / 2, (s.x0 + s.x1) / 2) for s in outlines)
    assert centres == [(0.0, 1.0), (3.0, 0.0), (3.0, 1.0)]
    assert "weakest" in figure.data[0].text[3][0]


def test_user_text_reaches_the_heatmap_only_escaped():
    answers = FrameworkAnswers(
        shura_cells=[StoredShuraCell(stage=RETURN, audience=EMPLOYEES, practice=HOSTILE)]
    )
    text = _chart_text(shura_heatmap(with_answers(answers), "en"))
    assert "<script>" not in text and "<b>bold" not in text
    assert "&lt;script&gt;" in text


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "SHURA matrix: how well each stage works"), ("ru", "Матрица ШУРА")],
)
def test_the_heatmap_title_follows_the_language(lang, title):
    figure = shura_heatmap(with_answers(FrameworkAnswers()), lang)
    assert figure.layout.title.text.startswith(title)


# ------------------------------------------------------------------ the report


def test_the_report_has_no_shura_section_while_nothing_is_answered():
    assert shura_sections(with_answers(FrameworkAnswers()), "en") == []
    # A risk left unticked with no note is no answer either.
    untouched = FrameworkAnswers(shura_risks=[StoredShuraRisk(risk=ShuraRisk.QUALITY)])
    assert shura_sections(with_answers(untouched), "ru") == []


def test_the_report_section_for_the_demo_has_the_grid_the_weakest_cells_and_the_risks():
    [section] = shura_sections(with_answers(demo_answers("en")), "en")
    assert (section.key, section.title, section.new_page) == ("shura", "SHURA matrix", True)
    grid, risks = [b for b in section.blocks if isinstance(b, Table)]
    assert grid.header == ["Stage", "Audience", "What we do today", "Rating", "Next step"]
    assert len(grid.rows) == 8
    assert [row[3] for row in grid.rows] == ["4", "2", "3", "3", "4", "5", "1", "2"]
    assert grid.rows[1][:2] == ["Attraction / Hiring", "Employees"]
    assert grid.fills is not None
    assert [fill[3] for fill in grid.fills][:2] == [RATING_FILLS[4], RATING_FILLS[2]]
    [weakest] = [b for b in section.blocks if isinstance(b, Bullets)]
    assert [item.split(";")[0] for item in weakest.items] == [
        "Customers · Return: 1 of 5",
        "Employees · Hiring: 2 of 5",
        "Employees · Return: 2 of 5",
    ]
    assert weakest.items[0].endswith(
        "next step: Call every office that left in the past "
        "year with a free month of beans and a newer machine."
    )
    assert [row[0] for row in risks.rows] == [
        "Dissatisfied customers or staff",
        "Competition in the market",
    ]
    assert risks.rows[1][2].split("\n")[0] == "Watch competitors and the market continuously."
    leads = [b.text for b in section.blocks if isinstance(b, Paragraph) and b.tone == "lead"]
    assert leads == ["Weakest cells", "Risks that apply"]


def test_the_report_section_speaks_russian_and_marks_unrated_cells():
    answers = FrameworkAnswers(
        shura_cells=[StoredShuraCell(stage=SERVICE, audience=CUSTOMERS, practice="Быстро")]
    )
    [section] = shura_sections(with_answers(answers), "ru")
    assert section.title == "Матрица ШУРА"
    [grid] = [b for b in section.blocks if isinstance(b, Table)]
    assert grid.rows[4] == ["Работа / Сервис", "Клиенты", "Быстро", "—", "—"]
    muted = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert "Ни одна клетка ещё не оценена." in muted
