"""Files exported before schema version 4 rated the crisis check's path as five steps; they
import with each rating moved to the elements and stages the step covered."""

import json
from pathlib import Path
from typing import Any

import pytest

from canvas.content.demo import load_demo
from canvas.domain.document import SCHEMA_VERSION
from canvas.domain.loyalty_check import CheckKind
from canvas.export.json_io import ImportRefused, export_json, parse_json
from canvas.i18n import t

# The Russian demo as the release before schema 4 exported it, trimmed to the workshop,
# its segments and the loyalty check.
OLD_FILE = Path(__file__).parent / "old_files" / "schema_3_loyalty_steps.json"
ELEMENT, STAGE, CONDITION = CheckKind.ELEMENT, CheckKind.STAGE, CheckKind.CONDITION


def _old() -> dict[str, Any]:
    return json.loads(OLD_FILE.read_text(encoding="utf-8"))


def _raw(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def _answers(raw: bytes, lang: str) -> dict[tuple[str | None, CheckKind, str], tuple]:
    document = parse_json(raw, lang)
    return {(a.segment, a.kind, a.key): (a.rating, a.evidence) for a in document.loyalty}


def _kind_refused(lang: str) -> str:
    """The refusal of the first loyalty answer's kind, in the catalogue's words."""
    where = " › ".join([t("field.loyalty", lang), "1", t("field.kind", lang)])
    return f"{where}: {t('invalid.enum', lang)}"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_old_file_keeps_every_rating_with_brand_and_offer_counting_for_two_elements(lang):
    old = _old()
    steps = {(a.get("segment"), a["key"]): a for a in old["loyalty"] if a["kind"] == "step"}
    answers = _answers(OLD_FILE.read_bytes(), lang)

    def was(segment: str | None, step: str) -> tuple:
        return steps[(segment, step)]["rating"], steps[(segment, step)]["evidence"]

    assert answers[(None, ELEMENT, "brand")] == was(None, "brand")
    assert answers[(None, ELEMENT, "communications")] == was(None, "brand")
    assert answers[(None, ELEMENT, "environment")] == was(None, "environment")
    assert answers[(None, ELEMENT, "offer")] == was(None, "offer")
    assert answers[(None, ELEMENT, "culture")] == was(None, "offer")
    assert answers[(None, STAGE, "decision")] == was(None, "decision")
    assert answers[(None, STAGE, "use")] == was(None, "use")
    assert answers[("Офисы", STAGE, "decision")] == was("Офисы", "decision")
    assert answers[("Офисы", STAGE, "use")] == was("Офисы", "use")
    # the file's 7 steps and 7 conditions: brand and offer add one answer each
    assert len(answers) == 7 + 7 + 2
    conditions = [a for a in old["loyalty"] if a["kind"] == "condition"]
    for answer in conditions:
        expected = (answer["rating"], answer["evidence"])
        assert answers[(answer.get("segment"), CONDITION, answer["key"])] == expected


def test_an_old_file_comes_out_again_at_the_current_version_with_nothing_lost():
    document = parse_json(OLD_FILE.read_bytes(), "ru")
    again = json.loads(export_json(document))
    assert again["schema_version"] == SCHEMA_VERSION == 4
    assert parse_json(export_json(document).encode(), "en") == document
    assert {a["kind"] for a in again["loyalty"]} == {"element", "stage", "condition"}


@pytest.mark.parametrize("version", [1, 2, 3, 3.0])
def test_every_older_version_moves_the_steps(version):
    old = {**_old(), "schema_version": version}
    answers = _answers(_raw(old), "en")
    assert answers[(None, ELEMENT, "culture")] == answers[(None, ELEMENT, "offer")]


def test_the_demo_written_now_imports_unchanged():
    demo = load_demo("en")
    assert parse_json(export_json(demo).encode(), "en") == demo


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_step_in_a_current_file_is_refused_naming_the_field(lang):
    current = json.loads(export_json(load_demo(lang)))
    current["loyalty"][0]["kind"] = "step"  # only files before version 4 have steps
    with pytest.raises(ImportRefused) as refused:
        parse_json(_raw(current), lang)
    assert refused.value.problems == [_kind_refused(lang)]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_old_file_with_an_unknown_step_is_refused_and_not_moved(lang):
    old = _old()
    old["loyalty"][0]["key"] = "status"  # a condition's key, never a step's
    with pytest.raises(ImportRefused) as refused:
        parse_json(_raw(old), lang)
    assert refused.value.problems == [_kind_refused(lang)]


@pytest.mark.parametrize("loyalty", [None, "brand", 4, {"kind": "step"}, [["step", "brand"]]])
def test_an_old_file_whose_loyalty_is_not_a_list_of_answers_is_refused_cleanly(loyalty):
    old = {**_old(), "loyalty": loyalty}
    with pytest.raises(ImportRefused) as refused:
        parse_json(_raw(old), "en")
    assert refused.value.problems


def test_an_old_file_rating_a_step_twice_is_refused_as_a_repeated_answer():
    old = _old()
    old["loyalty"].append(dict(old["loyalty"][0]))  # brand for everyone, twice
    with pytest.raises(ImportRefused):
        parse_json(_raw(old), "en")
