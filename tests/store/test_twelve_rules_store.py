"""The twelve rules' scores in the store, on SQLite and on a real PostgreSQL server."""

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, func, select

from canvas.content.demo import load_demo
from canvas.domain import StaleEdit, WorkshopDocument, WorkshopInput, to_document
from canvas.domain.frameworks import FrameworkAnswers
from canvas.domain.twelve_rules import ClevelandRule, RuleScoreInput
from canvas.store import reads, workshops
from canvas.store.db import reading, transaction
from canvas.store.frameworks import load_frameworks, save_rules
from canvas.store.tables import RuleScoreRow

R = ClevelandRule


def new_workshop(engine: Engine) -> int:
    with transaction(engine) as session:
        return workshops.create_workshop(session, data=WorkshopInput(title="Обжарка")).id


def save(engine: Engine, workshop_id: int, **scores: tuple[RuleScoreInput, int]) -> None:
    with transaction(engine) as session:
        save_rules(
            session,
            workshop_id=workshop_id,
            scores={R(rule): answer for rule, answer in scores.items()},
        )


def answers(engine: Engine, workshop_id: int) -> FrameworkAnswers:
    with reading(engine) as session:
        return load_frameworks(session, workshop_id=workshop_id)


def rule(engine: Engine, workshop_id: int, which: ClevelandRule) -> tuple[int | None, str, int]:
    """A rule's score, note and version as stored (version 0: never saved)."""
    answer, version = answers(engine, workshop_id).rule(which)
    return answer.score, answer.note, version


def stored_rows(engine: Engine) -> int:
    with reading(engine) as session:
        return int(session.execute(select(func.count()).select_from(RuleScoreRow)).scalar_one())


def test_a_score_saved_with_version_0_is_created_at_version_1(engine: Engine) -> None:
    workshop = new_workshop(engine)
    save(engine, workshop, interact=(RuleScoreInput(score=3, note="Weekly calls"), 0))

    assert rule(engine, workshop, R.INTERACT) == (3, "Weekly calls", 1)
    # the other eleven rules were not created
    assert rule(engine, workshop, R.UNIFY) == (None, "", 0)
    assert stored_rows(engine) == 1


def test_saving_a_workshop_bumps_its_revision(engine: Engine) -> None:
    workshop = new_workshop(engine)
    with reading(engine) as session:
        before = reads.workshop_state(session, workshop_id=workshop).revision
    save(engine, workshop, unify=(RuleScoreInput(score=2), 0))
    with reading(engine) as session:
        assert reads.workshop_state(session, workshop_id=workshop).revision == before + 1


def test_an_edit_read_at_an_old_version_is_refused_and_the_other_value_kept(
    engine: Engine,
) -> None:
    workshop = new_workshop(engine)
    save(engine, workshop, keep_customers=(RuleScoreInput(score=1), 0))
    # two people opened the page at version 1; the first one saves 4
    save(engine, workshop, keep_customers=(RuleScoreInput(score=4, note="calls"), 1))

    with pytest.raises(StaleEdit):
        save(engine, workshop, keep_customers=(RuleScoreInput(score=2), 1))
    assert rule(engine, workshop, R.KEEP_CUSTOMERS) == (4, "calls", 2)


def test_creating_a_score_someone_else_created_meanwhile_is_refused(engine: Engine) -> None:
    workshop = new_workshop(engine)
    save(engine, workshop, equip_staff=(RuleScoreInput(score=5), 0))

    with pytest.raises(StaleEdit):
        save(
            engine,
            workshop,
            study_customers=(RuleScoreInput(score=2), 0),
            equip_staff=(RuleScoreInput(score=1), 0),
        )
    assert rule(engine, workshop, R.EQUIP_STAFF) == (5, "", 1)
    # one stale answer refuses the whole save: the first rule was not created either
    assert rule(engine, workshop, R.STUDY_CUSTOMERS) == (None, "", 0)


@pytest.mark.parametrize("score", [6, -1])
def test_a_score_outside_0_to_5_is_refused_before_it_reaches_the_store(
    engine: Engine, score: int
) -> None:
    workshop = new_workshop(engine)
    with pytest.raises(ValidationError) as raised:
        save(engine, workshop, raise_value=(RuleScoreInput(score=score), 0))
    [problem] = raised.value.errors()
    assert problem["loc"] == ("score",)
    document = {"workshop": {"title": "x"}, "twelve_rules": [{"rule": "unify", "score": score}]}
    with pytest.raises(ValidationError):
        WorkshopDocument.model_validate(document)
    assert stored_rows(engine) == 0


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_demo_scores_are_stored_as_the_document_gives_them(engine: Engine, lang: str) -> None:
    demo = load_demo(lang)
    with transaction(engine) as session:
        workshop = workshops.create_from_document(session, document=demo).id

    read = answers(engine, workshop)
    assert [(s.rule, s.score, s.note, s.version) for s in read.rule_scores] == [
        (a.rule, a.score, a.note, 1) for a in demo.twelve_rules
    ]
    # in the book's order the demo scores rules 1–12 with 4 3 2 4 3 4 2 3 1 3 1 5
    assert [read.rule(rule)[0].score for rule in R] == [4, 3, 2, 4, 3, 4, 2, 3, 1, 3, 1, 5]


def test_scores_survive_a_round_trip_through_a_document(engine: Engine) -> None:
    workshop = new_workshop(engine)
    save(
        engine,
        workshop,
        study_customers=(RuleScoreInput(score=0, note="Nothing yet"), 0),
        unify=(RuleScoreInput(score=5), 0),
        cooperate=(RuleScoreInput(note="Ask the roasters"), 0),
    )
    with transaction(engine) as session:
        document = to_document(reads.load_view(session, workshop_id=workshop))
        copy = workshops.create_from_document(session, document=document).id

    expected = [
        (R.STUDY_CUSTOMERS, 0, "Nothing yet"),
        (R.UNIFY, 5, ""),
        (R.COOPERATE, None, "Ask the roasters"),
    ]
    assert [(s.rule, s.score, s.note) for s in document.twelve_rules] == expected
    read = answers(engine, copy)
    assert [(s.rule, s.score, s.note) for s in read.rule_scores] == expected
