"""The Alembic migrations, on an empty SQLite file and an empty PostgreSQL database."""

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlmodel import SQLModel

import canvas.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from canvas.domain import Motive, RelationshipType, SegmentInput, WorkshopInput
from canvas.domain.course import JoinRequest, ParticipantRename
from canvas.domain.errors import DowngradeRefused, NameTaken, SchemaTooNew
from canvas.i18n import describe_error
from canvas.ops.migrate import (
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
    upgrade,
)
from canvas.ops.migrate import main as migrate_main
from canvas.store import courses, participants, reads, saved_snapshots, segments, workshops
from canvas.store.db import make_engine, reading, transaction

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
    "course",
    "trainer_comment",
    "trainer_session",
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
        workshop = workshops.create_workshop(session, data=WorkshopInput(title="Кофейня"))
        segments.add_segment(session, workshop_id=workshop.id, data=SegmentInput(name="Студенты"))

    upgrade(engine)

    assert current_revision(engine) == head_revision(engine)
    with reading(engine) as session:
        snapshot = reads.load_view(session, workshop_id=workshop.id)
    assert snapshot.workshop.title == "Кофейня"
    assert [view.segment.name for view in snapshot.segments] == ["Студенты"]
    assert len(snapshot.segments[0].relationships) == 6


def test_downgrading_to_base_drops_every_table_and_upgrading_again_restores_them(
    engine: Engine,
) -> None:
    if engine.dialect.name == "sqlite":
        pytest.skip("SQLite refuses to go below 0006; see the next test")
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")

    assert current_revision(engine) is None
    assert table_names(engine) & TABLES == set()

    upgrade(engine)

    assert table_names(engine) == TABLES | {"alembic_version"}


def test_sqlite_refuses_to_downgrade_below_courses_and_keeps_every_row(
    database_url: str,
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("only SQLite has to rebuild the workshop table to drop a column")
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            workshop = workshops.create_workshop(session, data=WorkshopInput(title="Кофейня"))
            segments.add_segment(
                session, workshop_id=workshop.id, data=SegmentInput(name="Студенты")
            )
        config = alembic_config(engine)
        with pytest.raises(NotImplementedError), engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0005")

        assert current_revision(engine) == head_revision(engine)
        with reading(engine) as session:
            kept = reads.load_view(session, workshop_id=workshop.id)
        assert [view.segment.name for view in kept.segments] == ["Студенты"]
    finally:
        engine.dispose()


def test_a_database_written_by_the_first_release_upgrades_without_losing_a_row(
    blank_engine: Engine,
) -> None:
    config = alembic_config(blank_engine)
    with blank_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    assert "saved_snapshot" not in table_names(blank_engine)
    # What the first release wrote, in its own columns (today's models have more): a
    # workshop with one segment and its six answers, one of them filled in.
    now = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
    stamps = {"created_at": now, "updated_at": now}
    with blank_engine.begin() as connection:
        workshop_id = connection.execute(
            text(
                "INSERT INTO workshop (title, company, language, currency, access_token,"
                " version, revision, created_at, updated_at) VALUES ('Первый', '', 'ru',"
                " 'RUB', 'first-release-token', 1, 1, :created_at, :updated_at) RETURNING id"
            ),
            stamps,
        ).scalar_one()
        segment_id = connection.execute(
            text(
                "INSERT INTO segment (workshop_id, name, name_key, description, customers,"
                " revenue_per_customer_minor, acquisition_cost_minor, retention_rate, colour,"
                " position, version, created_at, updated_at) VALUES (:w, 'Старые клиенты',"
                " 'старые клиенты', '', 120, 1500000, NULL, 80.0, '#0072B2', 0, 1,"
                " :created_at, :updated_at) RETURNING id"
            ),
            {"w": workshop_id, **stamps},
        ).scalar_one()
        for kind in RelationshipType:
            filled = kind is RelationshipType.PERSONAL_ASSISTANCE
            connection.execute(
                text(
                    "INSERT INTO relationship (segment_id, type, expected, established,"
                    " motives, yearly_cost_minor, integration, version, created_at,"
                    " updated_at) VALUES (:s, :type, :expected, :established, :motives,"
                    " :cost, '{}', 1, :created_at, :updated_at)"
                ),
                {
                    "s": segment_id,
                    "type": kind.value,
                    "expected": 3 if filled else 0,
                    "established": 2 if filled else 0,
                    "motives": '["retention"]' if filled else "[]",
                    "cost": 25000000 if filled else None,
                    **stamps,
                },
            )

    upgrade(blank_engine)

    assert current_revision(blank_engine) == head_revision(blank_engine)
    with reading(blank_engine) as session:
        kept = reads.load_view(session, workshop_id=workshop_id)
        assert saved_snapshots.list_snapshots(session, workshop_id=workshop_id) == []
    assert kept.workshop.title == "Первый"
    assert kept.workshop.access_token == "first-release-token"
    [view] = kept.segments
    assert view.segment.name == "Старые клиенты"
    # 1,500,000 kopecks are 15,000 roubles; 25,000,000 kopecks are 250,000
    assert (view.segment.customers, view.segment.revenue_per_customer) == (120, Decimal("15000"))
    assert len(view.relationships) == 6
    personal = view.relationships[RelationshipType.PERSONAL_ASSISTANCE]
    assert (personal.expected, personal.established) == (3, 2)
    assert personal.motives == {Motive.RETENTION}
    assert personal.yearly_cost == Decimal("250000")


# ------------------------------------------------------------------ refusals


def _one_workshop(engine: Engine) -> int:
    upgrade(engine)
    with transaction(engine) as session:
        workshop = workshops.create_workshop(session, data=WorkshopInput(title="Кофейня"))
        segments.add_segment(session, workshop_id=workshop.id, data=SegmentInput(name="Студенты"))
    return workshop.id


def _segment_names(engine: Engine, workshop_id: int) -> list[str]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT name FROM segment WHERE workshop_id = :w"), {"w": workshop_id}
        )
        return [row[0] for row in rows]


def test_a_database_written_by_a_newer_release_is_refused_and_left_as_it_was(
    blank_engine: Engine,
) -> None:
    workshop = _one_workshop(blank_engine)
    with blank_engine.begin() as connection:  # as if a future release had migrated it
        connection.execute(text("UPDATE alembic_version SET version_num = '0042_future'"))

    with pytest.raises(SchemaTooNew) as refused:
        upgrade(blank_engine)

    assert current_revision(blank_engine) == "0042_future"
    assert _segment_names(blank_engine, workshop) == ["Студенты"]
    newest = head_revision(blank_engine)
    assert refused.value.params == {"found": "0042_future", "newest": newest}
    english, russian = (describe_error(refused.value, lang) for lang in ("en", "ru"))
    assert "0042_future" in english and "newer version" in english
    assert "0042_future" in russian and "более новой версией" in russian


def test_going_back_to_an_older_schema_with_data_is_refused_and_changes_nothing(
    blank_engine: Engine,
) -> None:
    workshop = _one_workshop(blank_engine)

    with pytest.raises(DowngradeRefused) as refused:
        downgrade(blank_engine, "0004")

    assert refused.value.params == {"target": "0004", "workshops": 1, "courses": 0}
    assert current_revision(blank_engine) == head_revision(blank_engine)
    assert _segment_names(blank_engine, workshop) == ["Студенты"]
    assert "восстановите резервную копию" in describe_error(refused.value, "ru")


def test_an_empty_postgresql_database_may_go_back_and_forth(blank_engine: Engine) -> None:
    if blank_engine.dialect.name == "sqlite":
        pytest.skip("SQLite refuses to go below 0006 even when empty")
    upgrade(blank_engine)
    downgrade(blank_engine, "0004")
    assert current_revision(blank_engine) == "0004"
    assert "touchpoint" not in table_names(blank_engine)
    upgrade(blank_engine)
    assert current_revision(blank_engine) == head_revision(blank_engine)


def test_the_command_line_prints_a_refusal_in_both_languages_and_fails(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(database_url)
    try:
        _one_workshop(engine)
    finally:
        engine.dispose()
    monkeypatch.setenv("DATABASE_URL", database_url)

    assert migrate_main(["downgrade", "0003"]) == 1
    printed = capsys.readouterr().err.splitlines()
    assert printed[0].startswith("Going back to schema 0003 would drop")
    assert printed[1].startswith("Откат к схеме 0003 удалил бы")
    assert migrate_main(["sideways"]) == 2
    assert migrate_main([]) == 0


def test_a_course_with_duplicate_names_upgrades_and_later_duplicates_get_a_suffixed_key(
    blank_engine: Engine,
) -> None:
    config = alembic_config(blank_engine)
    with blank_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
    now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    stamps = {"created_at": now, "updated_at": now}
    with blank_engine.begin() as connection:
        course_id = connection.execute(
            text(
                "INSERT INTO course (title, language, join_code, version, created_at,"
                " updated_at) VALUES ('Spring', 'en', 'ABCDEF', 1, :created_at, :updated_at)"
                " RETURNING id"
            ),
            stamps,
        ).scalar_one()
        ids = {}
        # Before 0007 nothing stopped a second "Anna" joining the course.
        for token, course, name in (
            ("t-anna", course_id, "Anna"),
            ("t-anna-again", course_id, " ANNA "),
            ("t-boris", course_id, "Boris"),
            ("t-own", None, ""),
        ):
            ids[token] = connection.execute(
                text(
                    "INSERT INTO workshop (title, company, language, currency, access_token,"
                    " version, revision, course_id, participant, created_at, updated_at)"
                    " VALUES (:name, '', 'en', 'USD', :token, 1, 1, :course, :name,"
                    " :created_at, :updated_at) RETURNING id"
                ),
                {"token": token, "course": course, "name": name or "Mine", **stamps},
            ).scalar_one()

    upgrade(blank_engine)

    with blank_engine.connect() as connection:
        keys = dict(
            connection.execute(text("SELECT access_token, participant_key FROM workshop")).all()
        )
        names = dict(
            connection.execute(text("SELECT access_token, participant FROM workshop")).all()
        )
    assert keys == {
        "t-anna": "anna",
        "t-anna-again": f"anna\n#{ids['t-anna-again']}",
        "t-boris": "boris",
        "t-own": None,
    }
    assert names["t-anna-again"] == " ANNA "  # names are kept as they were
    # From now on the name is taken for a newcomer and for a rename
    with pytest.raises(NameTaken), transaction(blank_engine) as session:
        courses.join_course(session, request=JoinRequest(code="ABCDEF", display_name="anna"))
    with pytest.raises(NameTaken), transaction(blank_engine) as session:
        participants.rename_participant(
            session,
            course_id=course_id,
            workshop_id=ids["t-boris"],
            data=ParticipantRename(new_name="Anna", expected_version=1),
        )
    with transaction(blank_engine) as session:
        participants.rename_participant(
            session,
            course_id=course_id,
            workshop_id=ids["t-anna-again"],
            data=ParticipantRename(new_name="Anna B.", expected_version=1),
        )
    with blank_engine.connect() as connection:
        renamed = connection.execute(
            text("SELECT participant, participant_key FROM workshop WHERE id = :id"),
            {"id": ids["t-anna-again"]},
        ).one()
    assert tuple(renamed) == ("Anna B.", "anna b.")
