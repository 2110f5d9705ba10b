"""Backups end to end, on SQLite and PostgreSQL: back up, restore into a new database, and
find every workshop, the course, the participant's private key and the trainer's comment.

Also the refusals (a database that holds workshops, a changed or missing file), the
JSON-only import being all or nothing, a backup that fails leaving no folder, a backup of
an older schema coming up to date, and the command line run as ``make backup`` runs it.
"""

import hashlib
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text

from canvas.content.demo import load_demo
from canvas.domain import (
    CanvasBlock,
    Language,
    NotFound,
    RelationshipType,
    SegmentInput,
    WorkshopDocument,
    WorkshopInput,
)
from canvas.domain.course import CommentInput, CourseInput, JoinRequest
from canvas.domain.document import NoteDocument, RelationshipDocument, SegmentDocument
from canvas.ops import backup as backups
from canvas.ops import restore as restores
from canvas.ops.manifest import BackupError
from canvas.ops.migrate import alembic_config, current_revision, head_revision, upgrade
from canvas.store import comments, courses, reads, segments, workshops
from canvas.store.db import make_engine, reading, transaction
from canvas.store.revisions import RevisionBoard, start_listener
from tests.store.listening import wait_until_listening

ROOT = Path(__file__).resolve().parents[2]
COURSE_TITLE = "Spring cohort"
PARTICIPANT = "Anna Petrova"
PARTICIPANT_SEGMENT = "Night-shift nurses"
COMMENT = "Ask the nurses which channel they actually use."


@dataclass(frozen=True)
class Written:
    """What a test wrote into the source database, to look for after the restore."""

    join_code: str
    token: str  # the participant's private key


def _documents(engine: Engine) -> dict[str, WorkshopDocument]:
    """Every workshop's document by title (titles are unique in these tests)."""
    with reading(engine) as session:
        found = {
            w.title: reads.load_document(session, workshop_id=w.id)
            for w in workshops.list_workshops(session)
        }
    return found


def _participant_document() -> WorkshopDocument:
    """The participant's workshop as written below: a segment, nothing else."""
    return WorkshopDocument(
        workshop=WorkshopInput(title=PARTICIPANT, language=Language.EN, currency="USD"),
        segments=[SegmentDocument(name=PARTICIPANT_SEGMENT)],
    )


def _fill(engine: Engine) -> Written:
    """Both demo workshops, a course with a participant, and a trainer's comment."""
    upgrade(engine)
    with transaction(engine) as session:
        workshops.create_from_document(session, document=load_demo("en"))
        workshops.create_from_document(session, document=load_demo("ru"))
        course = courses.create_course(
            session, data=CourseInput(title=COURSE_TITLE, language=Language.EN)
        )
    with transaction(engine) as session:
        mine = courses.join_course(
            session, request=JoinRequest(code=course.join_code, display_name=PARTICIPANT)
        )
        segment = segments.add_segment(
            session, workshop_id=mine.id, data=SegmentInput(name=PARTICIPANT_SEGMENT)
        )
        comments.add_comment(
            session,
            workshop_id=mine.id,
            data=CommentInput(text=COMMENT, segment_id=segment.id),
        )
    return Written(join_code=course.join_code, token=mine.access_token)


def _assert_everything_is_back(engine: Engine, written: Written) -> None:
    assert _documents(engine) == {
        load_demo("en").workshop.title: load_demo("en"),
        load_demo("ru").workshop.title: load_demo("ru"),
        PARTICIPANT: _participant_document(),
    }
    with reading(engine) as session:
        [course] = courses.list_courses(session)
        assert (course.title, course.join_code) == (COURSE_TITLE, written.join_code)
        mine = courses.workshop_for_token(session, token=written.token)
        assert (mine.title, mine.participant, mine.course_id) == (
            PARTICIPANT,
            PARTICIPANT,
            course.id,
        )
        [segment] = reads.load_view(session, workshop_id=mine.id).segments
        [comment] = comments.list_comments(session, workshop_id=mine.id)
        assert (comment.text, comment.segment_id) == (COMMENT, segment.segment.id)
        [entry] = courses.gallery(session, course_id=course.id)
        assert (entry.participant, entry.segments, entry.comments) == (PARTICIPANT, 1, 1)
    assert current_revision(engine) == head_revision(engine)


@pytest.fixture
def second_url(database_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Another empty database of the same kind as ``database_url``: where restores go."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored' / 'workshop.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"t_{uuid.uuid4().hex}"
    with psycopg.connect(server.admin_conninfo(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.url_for(name)
    finally:
        with psycopg.connect(server.admin_conninfo(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def source(database_url: str) -> Iterator[Engine]:
    made = make_engine(database_url)
    try:
        yield made
    finally:
        made.dispose()


@pytest.fixture
def target(second_url: str) -> Iterator[Engine]:
    made = make_engine(second_url)
    try:
        yield made
    finally:
        made.dispose()


def _table_names(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def _holding_one_workshop(engine: Engine) -> None:
    """A database in use: migrated, one workshop."""
    upgrade(engine)
    with transaction(engine) as session:
        workshops.create_workshop(session, data=WorkshopInput(title="Already here"))


# ---------------------------------------------------------------- the round trip


def test_a_backup_restored_into_a_new_database_brings_back_everything(
    source: Engine, target: Engine, tmp_path: Path
) -> None:
    written = _fill(source)
    folder = tmp_path / "backup"
    said: list[str] = []

    assert backups.backup(source, to=folder, say=said.append) == folder

    kind = source.dialect.name
    copy = "database.sqlite" if kind == "sqlite" else "database.dump"
    assert sorted(p.name for p in folder.iterdir()) == sorted([copy, "manifest.json", "workshops"])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["database"] == kind
    assert manifest["alembic_revision"] == head_revision(source)
    assert manifest["document_schema_version"] == 4  # elements and stages since 4
    assert manifest["database_copy"]["file"] == copy
    assert {w["title"] for w in manifest["workshops"]} == {
        load_demo("en").workshop.title,
        load_demo("ru").workshop.title,
        PARTICIPANT,
    }
    assert (manifest["rows"]["course"], manifest["rows"]["trainer_comment"]) == (1, 1)
    for entry in manifest["workshops"]:
        # Each file is the workshop's JSON export, importable on its own.
        document = WorkshopDocument.model_validate_json((folder / entry["file"]).read_bytes())
        assert document.workshop.title == entry["title"]
    assert any(PARTICIPANT in line for line in said)

    restored = restores.restore(target, source=folder, say=said.append)

    assert (restored.workshops, restored.json_only) == (3, False)
    _assert_everything_is_back(target, written)
    # The source is untouched by its backup.
    _assert_everything_is_back(source, written)


def test_restore_into_a_database_holding_workshops_refuses_unless_told_to_replace(
    source: Engine, target: Engine, tmp_path: Path
) -> None:
    written = _fill(source)
    folder = backups.backup(source, to=tmp_path / "backup")
    upgrade(target)
    with transaction(target) as session:
        workshops.create_workshop(session, data=WorkshopInput(title="Already here"))

    with pytest.raises(BackupError, match=r"already holds 1 workshops and 0 courses.*--replace"):
        restores.restore(target, source=folder)

    assert list(_documents(target)) == ["Already here"]

    restores.restore(target, source=folder, replace=True)

    _assert_everything_is_back(target, written)


def test_app_servers_on_postgres_forget_what_they_cached_of_the_replaced_database(
    source: Engine, target: Engine, tmp_path: Path
) -> None:
    if target.dialect.name != "postgresql":
        pytest.skip("SQLite serves one process: the restore says to restart the app")
    _fill(source)
    folder = backups.backup(source, to=tmp_path / "backup")
    _holding_one_workshop(target)
    board = RevisionBoard()
    listener = start_listener(target, board)
    assert listener is not None and wait_until_listening(listener)
    try:
        with reading(target) as session:
            [here] = workshops.list_workshops(session)
        board.get(here.id, lambda: here.revision)

        restores.restore(target, source=folder, replace=True)

        deadline = time.monotonic() + 10
        while board.knows(here.id) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not board.knows(here.id)
    finally:
        listener.stop()


# ---------------------------------------------------------------- damaged folders


def _damage(folder: Path, how: str) -> str:
    """Spoil the backup folder one way; returns the file name the refusal must name."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    first = manifest["workshops"][0]["file"]
    if how == "changed workshop":
        path = folder / first
        path.write_bytes(path.read_bytes().replace(b'"title": "', b'"title": "X', 1))
        return first
    if how == "missing workshop":
        (folder / first).unlink()
        return first
    if how == "changed database copy":
        copy = folder / manifest["database_copy"]["file"]
        with copy.open("r+b") as stream:
            stream.seek(200)
            byte = stream.read(1)
            stream.seek(200)
            stream.write(bytes([byte[0] ^ 0xFF]))
        return manifest["database_copy"]["file"]
    assert how == "unlisted workshop"
    (folder / "workshops" / "999.json").write_bytes((folder / first).read_bytes())
    return "workshops/999.json"


@pytest.mark.parametrize(
    "how", ["changed workshop", "missing workshop", "changed database copy", "unlisted workshop"]
)
def test_a_damaged_backup_is_refused_naming_the_file_and_nothing_is_written(
    source: Engine, target: Engine, tmp_path: Path, how: str
) -> None:
    _fill(source)
    folder = backups.backup(source, to=tmp_path / "backup")
    name = _damage(folder, how)

    with pytest.raises(BackupError, match=name) as refused:
        restores.restore(target, source=folder)

    assert "nothing was restored" in str(refused.value)
    assert _table_names(target) == set()


def test_a_folder_without_a_manifest_is_not_a_backup(tmp_path: Path) -> None:
    (tmp_path / "workshops").mkdir()
    engine = make_engine(f"sqlite:///{tmp_path / 'target.db'}")
    try:
        with pytest.raises(BackupError, match=r"manifest\.json is missing"):
            restores.restore(engine, source=tmp_path)
        assert _table_names(engine) == set()
    finally:
        engine.dispose()


def test_a_manifest_naming_a_file_outside_the_folder_is_refused(
    source: Engine, target: Engine, tmp_path: Path
) -> None:
    _fill(source)
    folder = backups.backup(source, to=tmp_path / "backup")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["workshops"][0]["file"] = "../../etc/passwd"
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    with pytest.raises(BackupError, match="unexpected file name"):
        restores.restore(target, source=folder, json_only=True)
    assert _table_names(target) == set()


def test_a_damaged_database_copy_that_matches_its_checksum_fails_before_writing(
    source: Engine, target: Engine, tmp_path: Path
) -> None:
    _fill(source)
    folder = backups.backup(source, to=tmp_path / "backup")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    copy = manifest["database_copy"]["file"]
    data = (folder / copy).read_bytes()
    # Cut off the end and record the checksum of what is left, as a backup written to a
    # full disk by a tool that did not notice might: the checksum cannot tell.
    (folder / copy).write_bytes(data[: len(data) // 2])
    manifest["database_copy"]["sha256"] = hashlib.sha256(data[: len(data) // 2]).hexdigest()
    manifest["database_copy"]["bytes"] = len(data) // 2
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    _holding_one_workshop(target)

    with pytest.raises(BackupError, match=copy):
        restores.restore(target, source=folder, replace=True)

    assert list(_documents(target)) == ["Already here"]


@pytest.mark.postgres
def test_a_postgres_restore_failing_at_its_last_statement_leaves_the_database_as_it_was(
    postgres_url: str, postgres_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = make_engine(postgres_url)
    name = f"t_{uuid.uuid4().hex}"
    with psycopg.connect(postgres_server.admin_conninfo(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    other = make_engine(postgres_server.url_for(name))
    try:
        _fill(live)
        folder = backups.backup(live, to=tmp_path / "backup")
        _holding_one_workshop(other)
        real = restores.run_tool

        def psql_fails_at_the_end(command, env):
            if Path(command[0]).name == "psql":
                command = [*command, "--command=SELECT 1/0"]  # after the drop and the load
            real(command, env)

        monkeypatch.setattr(restores, "run_tool", psql_fails_at_the_end)

        with pytest.raises(BackupError, match=r"psql failed.*division by zero"):
            restores.restore(other, source=folder, replace=True)

        assert list(_documents(other)) == ["Already here"]
        assert current_revision(other) == head_revision(other)
    finally:
        live.dispose()
        other.dispose()
        with psycopg.connect(postgres_server.admin_conninfo(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ---------------------------------------------------------------- JSON only


def test_json_only_adds_every_workshop_beside_the_ones_there(
    source: Engine, target: Engine, tmp_path: Path
) -> None:
    _fill(source)
    folder = backups.backup(source, to=tmp_path / "backup")
    (folder / "database.sqlite").unlink(missing_ok=True)  # not needed for JSON only
    (folder / "database.dump").unlink(missing_ok=True)
    upgrade(target)
    with transaction(target) as session:
        workshops.create_workshop(session, data=WorkshopInput(title="Already here"))

    restored = restores.restore(target, source=folder, json_only=True)

    assert (restored.workshops, restored.json_only) == (3, True)
    assert _documents(target) == {
        "Already here": WorkshopDocument(workshop=WorkshopInput(title="Already here")),
        load_demo("en").workshop.title: load_demo("en"),
        load_demo("ru").workshop.title: load_demo("ru"),
        PARTICIPANT: _participant_document(),
    }
    with reading(target) as session:
        # The documents carry no course: the participant's workshop comes back on its own.
        assert courses.list_courses(session) == []


def _rewrite(folder: Path, file: str, data: bytes) -> None:
    """Replace a file and its checksum, as a backup of such a file would have it."""
    (folder / file).write_bytes(data)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["workshops"]:
        if entry["file"] == file:
            entry["sha256"] = hashlib.sha256(data).hexdigest()
            entry["bytes"] = len(data)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_json_only_refuses_every_workshop_when_one_document_is_broken(
    source: Engine, target: Engine, tmp_path: Path
) -> None:
    _fill(source)
    folder = backups.backup(source, to=tmp_path / "backup")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    last = manifest["workshops"][-1]["file"]
    document = json.loads((folder / last).read_bytes())
    document["segments"][0]["retention_rate"] = 250  # a percentage: at most 100
    _rewrite(folder, last, json.dumps(document).encode())

    with pytest.raises(
        BackupError, match=f"nothing was imported: {last}.*retention rate, %: must be at most 100"
    ):
        restores.restore(target, source=folder, json_only=True)

    assert _table_names(target) == set()


def test_json_only_imports_in_one_transaction_a_failure_on_the_last_keeps_none(
    source: Engine, target: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(source)
    folder = backups.backup(source, to=tmp_path / "backup")
    upgrade(target)
    real = workshops.create_from_document
    made: list[str] = []

    def fails_on_the_third(session, *, document):
        if len(made) == 2:
            raise RuntimeError("disk full")
        made.append(document.workshop.title)
        return real(session, document=document)

    monkeypatch.setattr(workshops, "create_from_document", fails_on_the_third)

    with pytest.raises(RuntimeError, match="disk full"):
        restores.restore(target, source=folder, json_only=True)

    assert len(made) == 2
    assert _documents(target) == {}


def test_json_only_and_replace_do_not_go_together(tmp_path: Path) -> None:
    engine = make_engine("sqlite://")
    with pytest.raises(BackupError, match="never deletes"):
        restores.restore(engine, source=tmp_path, json_only=True, replace=True)


# ---------------------------------------------------------------- writing a backup


def test_a_backup_that_fails_half_way_leaves_no_folder(
    source: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(source)
    real = reads.load_document
    calls: list[int] = []

    def fails_on_the_second(session, *, workshop_id):
        calls.append(workshop_id)
        if len(calls) == 2:
            raise RuntimeError("connection lost")
        return real(session, workshop_id=workshop_id)

    monkeypatch.setattr(reads, "load_document", fails_on_the_second)
    parent = tmp_path / "backups"

    with pytest.raises(RuntimeError, match="connection lost"):
        backups.backup(source, to=parent / "tonight")

    assert list(parent.iterdir()) == []


def test_a_backup_never_overwrites_a_folder(source: Engine, tmp_path: Path) -> None:
    _fill(source)
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "keep.txt").write_text("mine", encoding="utf-8")

    with pytest.raises(BackupError, match="already exists"):
        backups.backup(source, to=tmp_path / "taken")

    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["keep.txt"]


def test_the_default_folder_is_a_utc_stamp_under_backups_with_a_suffix_when_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "data_dir", lambda: tmp_path / "data")
    moment = datetime(2026, 3, 1, 9, 5, 7, tzinfo=UTC)

    first = backups.default_folder(moment)
    assert first == tmp_path / "backups" / "20260301T090507Z"
    first.mkdir(parents=True)
    assert backups.default_folder(moment) == tmp_path / "backups" / "20260301T090507Z-2"


def _older_database(engine: Engine) -> None:
    """A database at revision 0005, as the release before courses left it, with one
    workshop written by hand: a segment, one answer and a note on it."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    now = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO workshop (id, title, company, language, currency, access_token,"
                " version, revision, created_at, updated_at) VALUES (7, 'Bakery', 'Crumb',"
                " 'en', 'EUR', 'old-token-7', 1, 3, :now, :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO segment (id, workshop_id, name, name_key, description, customers,"
                " revenue_per_customer_minor, acquisition_cost_minor, retention_rate, colour,"
                " position, version, created_at, updated_at) VALUES (11, 7, 'Cafés', 'cafés',"
                " '', 40, 120050, NULL, 0.5, '#D55E00', 0, 1, :now, :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO relationship (segment_id, type, expected, established, motives,"
                " yearly_cost_minor, integration, version, created_at, updated_at) VALUES"
                " (11, 'personal_assistance', 3, 1, '[\"retention\"]', 500000, '{}', 1,"
                " :now, :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO canvas_note (workshop_id, segment_id, block, text, position,"
                " version, created_at, updated_at) VALUES (7, 11, 'channels', 'Morning"
                " delivery van', 0, 1, :now, :now)"
            ),
            {"now": now},
        )


def test_a_backup_of_an_older_schema_is_a_database_copy_that_comes_up_to_date(
    source: Engine, target: Engine, tmp_path: Path
) -> None:
    _older_database(source)
    said: list[str] = []

    folder = backups.backup(source, to=tmp_path / "backup", say=said.append)

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["alembic_revision"], manifest["workshops"]) == ("0005", [])
    assert manifest["rows"]["workshop"] == 1
    assert any("database copy only" in line for line in said)
    assert current_revision(source) == "0005"  # a backup never migrates
    with pytest.raises(BackupError, match="no workshop files"):
        restores.restore(target, source=folder, json_only=True)

    restores.restore(target, source=folder)

    assert current_revision(target) == head_revision(target)
    assert _documents(target) == {
        "Bakery": WorkshopDocument(
            workshop=WorkshopInput(
                title="Bakery", company="Crumb", language=Language.EN, currency="EUR"
            ),
            segments=[
                SegmentDocument(
                    name="Cafés",
                    customers=40,
                    revenue_per_customer="1200.50",
                    retention_rate=0.5,
                    colour="#D55E00",
                    relationships=[
                        RelationshipDocument(
                            type=RelationshipType.PERSONAL_ASSISTANCE,
                            expected=3,
                            established=1,
                            motives={"retention"},
                            yearly_cost="5000.00",
                        )
                    ],
                )
            ],
            notes=[
                NoteDocument(
                    block=CanvasBlock.CHANNELS, text="Morning delivery van", segment="Cafés"
                )
            ],
        )
    }
    with reading(target) as session:
        workshop = courses.workshop_for_token(session, token="old-token-7")
        assert (workshop.id, workshop.course_id, workshop.participant) == (7, None, "")


@pytest.mark.postgres
def test_a_copy_from_one_kind_of_database_does_not_restore_into_another(
    tmp_path: Path, postgres_url: str
) -> None:
    sqlite = make_engine(f"sqlite:///{tmp_path / 'source.db'}")
    postgres = make_engine(postgres_url)
    try:
        _fill(sqlite)
        folder = backups.backup(sqlite, to=tmp_path / "backup")
        with pytest.raises(BackupError, match="use --json-only"):
            restores.restore(postgres, source=folder)
        assert _table_names(postgres) == set()

        restores.restore(postgres, source=folder, json_only=True)

        assert set(_documents(postgres)) == {
            load_demo("en").workshop.title,
            load_demo("ru").workshop.title,
            PARTICIPANT,
        }
    finally:
        sqlite.dispose()
        postgres.dispose()


def test_no_backup_of_a_sqlite_file_that_is_not_there(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'nothing.db'}")
    try:
        with pytest.raises(BackupError, match="there is no database"):
            backups.backup(engine, to=tmp_path / "backup")
    finally:
        engine.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# ---------------------------------------------------------------- the command line


def _cli(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    """``python -m canvas.ops.backup …`` or ``canvas.ops.restore …`` as ``make backup`` and
    ``make restore`` run them: the first argument names the command."""
    return subprocess.run(
        [sys.executable, "-m", f"canvas.ops.{args[0]}", *args[1:]],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_line_backs_up_and_restores_a_sqlite_database(tmp_path: Path) -> None:
    source_url = f"sqlite:///{tmp_path / 'live' / 'workshop.db'}"
    target_url = f"sqlite:///{tmp_path / 'new' / 'workshop.db'}"
    engine = make_engine(source_url)
    try:
        written = _fill(engine)
    finally:
        engine.dispose()
    folder = tmp_path / "backups" / "before-the-course"

    made = _cli("backup", "--to", str(folder), url=source_url)

    assert made.returncode == 0, made.stderr
    for title in (load_demo("en").workshop.title, load_demo("ru").workshop.title, PARTICIPANT):
        assert title in made.stdout
    assert f"backup complete: 3 workshops in {folder}" in made.stdout

    brought = _cli("restore", "--from", str(folder), url=target_url)

    assert brought.returncode == 0, brought.stderr
    assert "restored 3 workshops" in brought.stdout
    engine = make_engine(target_url)
    try:
        _assert_everything_is_back(engine, written)
        with transaction(engine) as session:
            mine = courses.workshop_for_token(session, token=written.token)
            workshops.delete_workshop(session, workshop_id=mine.id)

        again = _cli("restore", "--from", str(folder), url=target_url)
        assert again.returncode == 1
        assert "restore refused" in again.stderr and "--replace" in again.stderr
        with reading(engine) as session, pytest.raises(NotFound):
            courses.workshop_for_token(session, token=written.token)

        replaced = _cli("restore", "--from", str(folder), "--replace", url=target_url)
        assert replaced.returncode == 0, replaced.stderr
        engine.dispose()
        _assert_everything_is_back(engine, written)
    finally:
        engine.dispose()

    assert _cli("restore", url=target_url).returncode == 2  # --from is required
    both = _cli("restore", "--from", str(folder), "--replace", "--json-only", url=target_url)
    assert both.returncode == 2 and "not allowed with" in both.stderr
