"""A segment's gross margin in the database: migration 0012 and the segment store."""

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text

from canvas.domain import SegmentInput, WorkshopInput
from canvas.domain.saved_snapshot import SnapshotInput
from canvas.ops.migrate import alembic_config, current_revision, head_revision, upgrade
from canvas.store import reads, saved_snapshots, segments, workshops
from canvas.store.db import make_engine, reading, transaction


@pytest.fixture
def blank_engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database nothing has been migrated into yet."""
    made = make_engine(database_url)
    try:
        yield made
    finally:
        made.dispose()


def test_segments_written_before_the_margin_existed_upgrade_with_no_margin(
    blank_engine: Engine,
) -> None:
    config = alembic_config(blank_engine)
    with blank_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0010")
    now = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    stamps = {"created_at": now, "updated_at": now}
    with blank_engine.begin() as connection:  # in the columns schema 0010 has
        workshop_id = connection.execute(
            text(
                "INSERT INTO workshop (title, company, language, currency, access_token,"
                " version, revision, created_at, updated_at) VALUES ('Обжарка', '', 'ru',"
                " 'RUB', 'before-margin-token', 1, 1, :created_at, :updated_at) RETURNING id"
            ),
            stamps,
        ).scalar_one()
        connection.execute(
            text(
                "INSERT INTO segment (workshop_id, name, name_key, description, customers,"
                " revenue_per_customer_minor, acquisition_cost_minor, retention_rate, colour,"
                " position, version, created_at, updated_at) VALUES (:w, 'Кофейни',"
                " 'кофейни', '', 85, 96000000, 6000000, 88.0, '#0072B2', 0, 1,"
                " :created_at, :updated_at)"
            ),
            {"w": workshop_id, **stamps},
        )

    upgrade(blank_engine)

    assert current_revision(blank_engine) == head_revision(blank_engine)
    with reading(blank_engine) as session:
        [kept] = reads.load_view(session, workshop_id=workshop_id).segments
    assert kept.segment.gross_margin is None
    assert (kept.segment.customers, kept.segment.retention_rate) == (85, 88.0)


def test_a_gross_margin_is_stored_and_read_back(engine: Engine) -> None:
    with transaction(engine) as session:
        workshop = workshops.create_workshop(session, data=WorkshopInput(title="Обжарка"))
        added = segments.add_segment(
            session,
            workshop_id=workshop.id,
            data=SegmentInput(name="Офисы", gross_margin=40.0),
        )
    with transaction(engine) as session:
        segments.update_segment(
            session,
            segment_id=added.id,
            data=SegmentInput(name="Офисы", gross_margin=37.5),
            expected_version=added.version,
        )
    with reading(engine) as session:
        [kept] = reads.load_view(session, workshop_id=workshop.id).segments
    assert kept.segment.gross_margin == 37.5


def test_a_downgrade_takes_the_margin_out_of_saved_snapshots_and_keeps_the_rest(
    blank_engine: Engine,
) -> None:
    upgrade(blank_engine)
    with transaction(blank_engine) as session:
        workshop = workshops.create_workshop(session, data=WorkshopInput(title="Обжарка"))
        segments.add_segment(
            session,
            workshop_id=workshop.id,
            data=SegmentInput(name="Офисы", customers=70, gross_margin=40.0),
        )
        saved = saved_snapshots.save_snapshot(
            session, workshop_id=workshop.id, data=SnapshotInput(name="до курса")
        )
    config = alembic_config(blank_engine)
    with blank_engine.begin() as connection:  # Alembic itself: the app refuses a downgrade
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")

    with blank_engine.connect() as connection:
        stored = connection.execute(
            text("SELECT document FROM saved_snapshot WHERE id = :id"), {"id": saved.id}
        ).scalar_one()
        columns = [c["name"] for c in inspect(connection).get_columns("segment")]
    [segment] = json.loads(stored)["segments"]
    assert "gross_margin" not in segment
    assert (segment["name"], segment["customers"]) == ("Офисы", 70)
    assert "gross_margin" not in columns
