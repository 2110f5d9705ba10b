"""Saving the SHURA matrix, the same way on SQLite and on a real PostgreSQL server."""

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine

from canvas.content.demo import load_demo
from canvas.domain import StaleEdit, WorkshopInput, to_document
from canvas.domain.document import ShuraCellDocument
from canvas.domain.frameworks import FrameworkAnswers
from canvas.domain.shura import Audience, ShuraCellInput, ShuraRisk, ShuraRiskInput, ShuraStage
from canvas.store import reads, workshops
from canvas.store.db import reading, transaction
from canvas.store.frameworks import load_frameworks, save_shura

ATTRACTION = (ShuraStage.ATTRACTION, Audience.CUSTOMERS)
HIRING = (ShuraStage.ATTRACTION, Audience.EMPLOYEES)
WIN_BACK = (ShuraStage.RETURN, Audience.CUSTOMERS)


def new_workshop(engine: Engine) -> int:
    with transaction(engine) as session:
        return workshops.create_workshop(session, data=WorkshopInput(title="Обжарка")).id


def answers(engine: Engine, workshop_id: int) -> FrameworkAnswers:
    with reading(engine) as session:
        return load_frameworks(session, workshop_id=workshop_id)


def save(engine: Engine, workshop_id: int, cells=None, risks=None) -> None:
    with transaction(engine) as session:
        save_shura(session, workshop_id=workshop_id, cells=cells or {}, risks=risks or {})


def test_saving_with_version_zero_creates_the_cells_and_risks(engine):
    workshop = new_workshop(engine)
    save(
        engine,
        workshop,
        cells={
            ATTRACTION: (ShuraCellInput(practice="Tastings", rating=4, next_step="Offices"), 0),
            HIRING: (ShuraCellInput(rating=2), 0),
        },
        risks={ShuraRisk.COMPETITION: (ShuraRiskInput(present=True, note="Two new roasters"), 0)},
    )
    stored = answers(engine, workshop)
    cell, version = stored.cell(*ATTRACTION)
    assert (cell.practice, cell.rating, cell.next_step, version) == ("Tastings", 4, "Offices", 1)
    assert stored.cell(*HIRING)[0].rating == 2
    risk, risk_version = stored.risk(ShuraRisk.COMPETITION)
    assert (risk.present, risk.note, risk_version) == (True, "Two new roasters", 1)
    # Nothing else was created: the other six cells and three risks stay unanswered.
    assert len(stored.shura_cells) == 2 and len(stored.shura_risks) == 1
    assert stored.cell(*WIN_BACK) == (ShuraCellInput(), 0)


def test_a_save_at_a_stale_version_is_refused_whole_and_keeps_the_other_value(engine):
    workshop = new_workshop(engine)
    save(engine, workshop, cells={ATTRACTION: (ShuraCellInput(rating=3), 0)})
    # Two people read version 1; the first one saves a 4 …
    save(engine, workshop, cells={ATTRACTION: (ShuraCellInput(rating=4), 1)})
    # … the second still holds version 1, and also answers a new cell in the same save.
    with pytest.raises(StaleEdit):
        save(
            engine,
            workshop,
            cells={
                WIN_BACK: (ShuraCellInput(practice="Call lapsed offices"), 0),
                ATTRACTION: (ShuraCellInput(rating=1), 1),
            },
        )
    stored = answers(engine, workshop)
    cell, version = stored.cell(*ATTRACTION)
    assert (cell.rating, version) == (4, 2)
    assert stored.cell(*WIN_BACK) == (ShuraCellInput(), 0)


def test_creating_a_cell_someone_else_created_meanwhile_is_refused(engine):
    workshop = new_workshop(engine)
    save(engine, workshop, risks={ShuraRisk.QUALITY: (ShuraRiskInput(present=True), 0)})
    with pytest.raises(StaleEdit):
        save(engine, workshop, risks={ShuraRisk.QUALITY: (ShuraRiskInput(note="Other"), 0)})
    risk, version = answers(engine, workshop).risk(ShuraRisk.QUALITY)
    assert (risk.present, risk.note, version) == (True, "", 1)


@pytest.mark.parametrize("rating", [0, 6])
def test_a_rating_outside_one_to_five_is_refused_before_the_store(engine, rating):
    workshop = new_workshop(engine)
    with pytest.raises(ValidationError) as refused:
        ShuraCellInput(rating=rating)
    assert refused.value.errors()[0]["loc"] == ("rating",)
    with pytest.raises(ValidationError):
        ShuraCellDocument(stage=ShuraStage.SERVICE, audience=Audience.CUSTOMERS, rating=rating)
    assert answers(engine, workshop).shura_cells == []


def _said(answers: FrameworkAnswers) -> dict[object, dict]:
    """What the matrix says, cell by cell and risk by risk, without ids or versions."""
    said: dict[object, dict] = {}
    for stage in ShuraStage:
        for audience in Audience:
            cell = answers.cell(stage, audience)[0]
            said[(stage, audience)] = cell.model_dump(include=set(ShuraCellInput.model_fields))
    for risk in ShuraRisk:
        answer = answers.risk(risk)[0]
        said[risk] = answer.model_dump(include=set(ShuraRiskInput.model_fields))
    return said


def test_the_answers_survive_a_document_round_trip(engine):
    demo = load_demo("en")
    with transaction(engine) as session:
        first = workshops.create_from_document(session, document=demo).id
    with reading(engine) as session:
        document = to_document(reads.load_view(session, workshop_id=first))
    with transaction(engine) as session:
        second = workshops.create_from_document(session, document=document).id
    original, copied = answers(engine, first), answers(engine, second)
    assert _said(copied) == _said(original)
    assert _said(original)[WIN_BACK]["rating"] == 1  # the demo's weakest cell
    assert _said(copied)[ShuraRisk.COMPETITION]["present"] is True
