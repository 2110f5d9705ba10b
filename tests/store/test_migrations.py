"""The Alembic migrations, on an empty SQLite file and an empty PostgreSQL database."""

from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlmodel import SQLModel

import canvas.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from canvas.domain import SegmentInput, WorkshopInput
from canvas.store import repository as repo
from canvas.store.db import make_engine, reading, transaction
from canvas.store.migrate import alembic_config, current_revision, head_revision, upgrade

TABLES = {
    "workshop",
    "segment",
    "relationship",
    "canvas_note",
    "saved_snapshot",
    "shura_cell",
    "shura_risk",
    "rule_score",
    "loyalty_rating",
    "nps_response",
    "nps_aggregate",
    "touchpoint",
}


@pytest.fixture
def blank_engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database nothing has been migrated into yet."""
    made = make_engine(database_url)
    try:
        yield made
    finally:
        made.dispose()


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_an_empty_database_is_migrated_to_the_head_revision(blank_engine: Engine) -> None:
    assert current_revision(blank_engine) is None
    assert table_names(blank_engine) == set()

    upgrade(blank_engine)

    assert head_revision(blank_engine) is not None
    assert current_revision(blank_engine) == head_revision(blank_engine)
    assert table_names(blank_engine) == TABLES | {"alembic_version"}


def test_the_migrated_schema_matches_the_table_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        differences = compare_metadata(context, SQLModel.metadata)

    assert differences == []


def test_upgrading_twice_is_harmless_and_keeps_rows(engine: Engine) -> None:
    with transaction(engine) as session:
        workshop = repo.create_workshop(session, data=WorkshopInput(title="Кофейня"))
        repo.add_segment(session, workshop_id=workshop.id, data=SegmentInput(name="Студенты"))

    upgrade(engine)

    assert current_revision(engine) == head_revision(engine)
    with reading(engine) as session:
        snapshot = repo.load_snapshot(session, workshop_id=workshop.id)
    assert snapshot.workshop.title == "Кофейня"
    assert [view.segment.name for view in snapshot.segments] == ["Студенты"]
    assert len(snapshot.segments[0].relationships) == 6


def test_downgrading_to_base_drops_every_table_and_upgrading_again_restores_them(
    engine: Engine,
) -> None:
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")

    assert current_revision(engine) is None
    assert table_names(engine) & TABLES == set()

    upgrade(engine)

    assert table_names(engine) == TABLES | {"alembic_version"}


def test_a_database_written_by_the_first_release_upgrades_without_losing_a_row(
    blank_engine: Engine,
) -> None:
    config = alembic_config(blank_engine)
    with blank_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    assert "saved_snapshot" not in table_names(blank_engine)
    # what the first release wrote: a workshop with one segment and its six answers
    with transaction(blank_engine) as session:
        first = repo.create_workshop(session, data=WorkshopInput(title="Первый", language="ru"))
        repo.add_segment(session, workshop_id=first.id, data=SegmentInput(name="Старые клиенты"))

    upgrade(blank_engine)

    assert current_revision(blank_engine) == head_revision(blank_engine)
    with reading(blank_engine) as session:
        kept = repo.load_snapshot(session, workshop_id=first.id)
        assert repo.list_snapshots(session, workshop_id=first.id) == []
    assert kept.workshop.title == "Первый"
    assert [view.segment.name for view in kept.segments] == ["Старые клиенты"]
    assert len(kept.segments[0].relationships) == 6
