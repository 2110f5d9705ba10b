"""Migration 0011: ratings of the former five-step path become the five elements and the
two later stages, in the tables and in named snapshots, and come back on a downgrade."""

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import Engine, text

from canvas.domain import WorkshopInput
from canvas.domain.loyalty_check import CheckKind, LoyaltyRatingInput
from canvas.ops.migrate import alembic_config, current_revision, head_revision, upgrade
from canvas.store import reads, saved_snapshots, workshops
from canvas.store.db import make_engine, reading, transaction
from canvas.store.frameworks import save_loyalty_check

ELEMENT, STAGE, CONDITION = CheckKind.ELEMENT, CheckKind.STAGE, CheckKind.CONDITION
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)

# What a database at 0010 holds: (segment or None for everyone, step, rating, evidence).
OLD_RATINGS = [
    (None, "brand", 4, "Фестивали"),
    (None, "environment", 3, ""),
    (None, "offer", 5, "Прайс"),
    (None, "decision", 2, ""),
    (None, "use", 1, "Доставка"),
    ("Офисы", "brand", 2, "Нас не знают"),
    ("Офисы", "use", 4, ""),
]
# A named snapshot saved before 0011: schema version 3, the path as steps.
OLD_SNAPSHOT = {
    "schema_version": 3,
    "workshop": {"title": "Обжарка", "company": "", "language": "ru", "currency": "RUB"},
    "segments": [{"name": "Офисы"}],
    "loyalty": [
        {"kind": "step", "key": "offer", "rating": 3, "evidence": "Прайс", "segment": None},
        {"kind": "step", "key": "use", "rating": 2, "evidence": "", "segment": "Офисы"},
        {"kind": "condition", "key": "trust", "rating": 1, "evidence": "", "segment": None},
    ],
}


@pytest.fixture
def old_engine(database_url: str) -> Iterator[Engine]:
    """A database at revision 0010 (whose tables 0011 leaves as they are)."""
    made = make_engine(database_url)
    try:
        _go(made, "upgrade", "0010")
        yield made
    finally:
        made.dispose()


def _go(engine: Engine, way: str, target: str) -> None:
    # Alembic itself: canvas.ops.migrate.downgrade refuses a database holding workshops.
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, way)(config, target)


def _fill_old(engine: Engine) -> tuple[int, int, int]:
    """A workshop with a segment, the old ratings and an old snapshot: their ids."""
    with transaction(engine) as session:
        workshop = workshops.create_workshop(session, data=WorkshopInput(title="Обжарка")).id
    with engine.begin() as connection:
        # in the columns 0010 has: later revisions add to the segment table
        offices = connection.execute(
            text(
                "INSERT INTO segment (workshop_id, name, name_key, description, colour,"
                " position, version, created_at, updated_at) VALUES (:w, 'Офисы', 'офисы',"
                " '', '#0072B2', 0, 1, :now, :now) RETURNING id"
            ),
            {"w": workshop, "now": NOW},
        ).scalar_one()
        for segment, step, rating, evidence in OLD_RATINGS:
            connection.execute(
                text(
                    "INSERT INTO loyalty_rating (workshop_id, segment_id, scope, kind, key,"
                    " rating, evidence, version, created_at, updated_at) VALUES (:w, :s,"
                    " :scope, 'step', :key, :rating, :evidence, 1, :now, :now)"
                ),
                {
                    "w": workshop,
                    "s": offices if segment else None,
                    "scope": str(offices) if segment else "all",
                    "key": step,
                    "rating": rating,
                    "evidence": evidence,
                    "now": NOW,
                },
            )
        snapshot = connection.execute(
            text(
                "INSERT INTO saved_snapshot (workshop_id, name, document, created_at,"
                " updated_at) VALUES (:w, 'до курса', :document, :now, :now) RETURNING id"
            ),
            {"w": workshop, "document": json.dumps(OLD_SNAPSHOT, ensure_ascii=False), "now": NOW},
        ).scalar_one()
    return workshop, offices, snapshot


def _rows(engine: Engine) -> list[tuple[str, str, str, int | None, str]]:
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT scope, kind, key, rating, evidence FROM loyalty_rating")
        )
        return sorted((s, k, key, r, e) for s, k, key, r, e in found)


def test_every_rating_of_the_old_path_survives_the_upgrade_as_elements_and_stages(
    old_engine: Engine,
) -> None:
    workshop, offices, _ = _fill_old(old_engine)

    upgrade(old_engine)

    assert current_revision(old_engine) == head_revision(old_engine)
    with reading(old_engine) as session:
        answers = reads.load_view(session, workshop_id=workshop).frameworks

    def rated(scope: int | None, kind: CheckKind, key: str) -> tuple[int | None, str]:
        answer, _ = answers.rating(scope, kind, key)
        return answer.rating, answer.evidence

    # brand stood for brand and communications, offer for offer and culture
    assert rated(None, ELEMENT, "brand") == (4, "Фестивали")
    assert rated(None, ELEMENT, "communications") == (4, "Фестивали")
    assert rated(None, ELEMENT, "environment") == (3, "")
    assert rated(None, ELEMENT, "offer") == (5, "Прайс")
    assert rated(None, ELEMENT, "culture") == (5, "Прайс")
    assert rated(None, STAGE, "decision") == (2, "")
    assert rated(None, STAGE, "use") == (1, "Доставка")
    assert rated(offices, ELEMENT, "brand") == (2, "Нас не знают")
    assert rated(offices, ELEMENT, "communications") == (2, "Нас не знают")
    assert rated(offices, STAGE, "use") == (4, "")
    # 7 old rows, plus one copy for each old brand (2) and old offer (1) row
    assert len(answers.loyalty) == 7 + 2 + 1
    assert not [a for a in answers.loyalty if a.kind not in (ELEMENT, STAGE)]


def test_a_snapshot_saved_before_the_upgrade_opens_with_its_ratings_moved(
    old_engine: Engine,
) -> None:
    workshop, _, snapshot_id = _fill_old(old_engine)

    upgrade(old_engine)

    with reading(old_engine) as session:
        document = saved_snapshots.get_snapshot(session, snapshot_id=snapshot_id).document
    assert document.schema_version == 4
    assert [(a.segment, a.kind, a.key, a.rating, a.evidence) for a in document.loyalty] == [
        (None, ELEMENT, "offer", 3, "Прайс"),
        (None, ELEMENT, "culture", 3, "Прайс"),
        ("Офисы", STAGE, "use", 2, ""),
        (None, CONDITION, "trust", 1, ""),
    ]
    with reading(old_engine) as session:
        [listed] = saved_snapshots.list_snapshots(session, workshop_id=workshop)
    assert listed.document == document


def test_a_downgrade_folds_each_pair_back_into_one_step_and_the_stages_into_steps(
    old_engine: Engine,
) -> None:
    workshop, offices, snapshot_id = _fill_old(old_engine)
    before = _rows(old_engine)
    upgrade(old_engine)
    # After the upgrade: communications rated on its own for everyone (brand stays 4),
    # and culture for the offices, who never rated the offer.
    with transaction(old_engine) as session:
        save_loyalty_check(
            session,
            workshop_id=workshop,
            segment_id=None,
            ratings={(ELEMENT, "communications"): (LoyaltyRatingInput(rating=1), 1)},
        )
        save_loyalty_check(
            session,
            workshop_id=workshop,
            segment_id=offices,
            ratings={(ELEMENT, "culture"): (LoyaltyRatingInput(rating=5, evidence="Тренеры"), 0)},
        )

    _go(old_engine, "downgrade", "0010")

    office = str(offices)
    # brand wins over communications; culture alone stands for the offices' offer step
    assert _rows(old_engine) == sorted([*before, (office, "step", "offer", 5, "Тренеры")])
    with old_engine.connect() as connection:
        stored = connection.execute(
            text("SELECT document FROM saved_snapshot WHERE id = :id"), {"id": snapshot_id}
        ).scalar_one()
    assert json.loads(stored) == OLD_SNAPSHOT

    upgrade(old_engine)  # and up again: the same ratings as after the first upgrade
    with reading(old_engine) as session:
        answers = reads.load_view(session, workshop_id=workshop).frameworks
    assert answers.rating(None, ELEMENT, "communications")[0].rating == 4
    assert answers.rating(offices, ELEMENT, "offer")[0].rating == 5
