"""Backups: every workshop as JSON plus a copy of the whole database, and the way back.

``python -m canvas.store.backup backup [--to DIR]`` writes a folder (default
``backups/<UTC time>/`` next to ``data/``) holding

- ``workshops/<id>.json``: each workshop as the JSON export (segments, answers, notes,
  frameworks, NPS, touchpoints), importable by this release and later ones, on any
  database;
- ``database.sqlite`` (SQLite, the online backup API) or ``database.dump`` (PostgreSQL,
  ``pg_dump --format=custom``): the whole database, the only place that keeps courses,
  participants' private keys, trainer comments and named snapshots;
- ``manifest.json``: the schema revision, the document schema version, when it was made,
  the rows in each table, and every file's size and SHA-256.

Everything is read in one snapshot, so the JSON files and the database copy agree, and
written to a hidden folder renamed into place at the end: a failed backup leaves nothing
that looks complete. A database still at an older schema (backed up before ``make
migrate``) gets the database copy only, since reading documents needs the newest schema.

``python -m canvas.store.backup restore --from DIR [--replace | --json-only]`` checks every
checksum first, then copies the database back into ``DATABASE_URL`` (refusing a database
that already holds workshops or courses unless ``--replace``), or with ``--json-only``
adds each workshop from its JSON file as a new workshop, all in one transaction. Either
way the database ends at the newest schema.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from glob import glob
from pathlib import Path
from typing import Literal

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import Engine, func, inspect, select, table, text
from sqlmodel import Session, SQLModel

from canvas.domain import WorkshopDocument
from canvas.domain.document import SCHEMA_VERSION
from canvas.export.json_io import ImportRefused, export_json, parse_json
from canvas.paths import data_dir
from canvas.store import repository
from canvas.store import tables as _tables  # noqa: F401  (registers every table on the metadata)
from canvas.store.db import default_url, make_engine, reading, transaction
from canvas.store.migrate import alembic_config, head_revision, upgrade
from canvas.store.revisions import CHANNEL

FORMAT: Literal[1] = 1  # the layout of a backup folder; a reader refuses any other
MANIFEST = "manifest.json"
WORKSHOPS = "workshops"
SQLITE_COPY = "database.sqlite"
POSTGRES_DUMP = "database.dump"
PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
TOOL_TIMEOUT = 3600  # seconds for pg_dump, pg_restore or psql: a big database takes a while

Kind = Literal["sqlite", "postgresql"]
Say = Callable[[str], None]


def _quiet(_message: str) -> None:
    pass


class BackupError(Exception):
    """A backup or restore was refused or failed; the message says why and what to do."""


class FileEntry(BaseModel):
    """A file of the backup folder with its size and checksum."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    bytes: int = Field(ge=0)


class WorkshopEntry(FileEntry):
    """A workshop's JSON file, and what the database said of the workshop."""

    id: int
    title: str
    course_id: int | None = None
    participant: str = ""


class Manifest(BaseModel):
    """``manifest.json``: what the folder holds and how to check it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal[1] = FORMAT
    created_at: datetime
    database: Kind
    alembic_revision: str
    document_schema_version: int
    rows: dict[str, int]  # rows per table when the backup was taken
    database_copy: FileEntry
    workshops: list[WorkshopEntry]


# ---------------------------------------------------------------- small helpers


def _kind(engine: Engine) -> Kind:
    name = engine.dialect.name
    if name == "sqlite":
        return "sqlite"
    if name == "postgresql":
        return "postgresql"
    raise BackupError(f"backups support SQLite and PostgreSQL, not {name}")


def _shown(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _sqlite_path(engine: Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError(f"{_shown(engine)} is not a SQLite file this tool can copy")
    return Path(database)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _entry(folder: Path, name: str) -> FileEntry:
    path = folder / name
    return FileEntry(file=name, sha256=_sha256(path), bytes=path.stat().st_size)


def _write_durably(path: Path, data: bytes) -> None:
    with path.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _revision(session: Session) -> str | None:
    return MigrationContext.configure(session.connection()).get_current_revision()


def _row_counts(session: Session) -> dict[str, int]:
    present = set(inspect(session.connection()).get_table_names())
    return {
        name: session.execute(select(func.count()).select_from(table(name))).scalar_one()
        for name in sorted(SQLModel.metadata.tables)
        if name in present
    }


def _pg_tool(name: str) -> str:
    """``name`` on PATH, else from the newest PostgreSQL under /usr/lib/postgresql."""
    found = shutil.which(name)
    if found:
        return found

    def version(folder: str) -> int:
        number = Path(folder).parent.name
        return int(number) if number.isdigit() else 0

    for folder in sorted(glob(PG_BIN_GLOB), key=version, reverse=True):
        candidate = Path(folder) / name
        if candidate.is_file():
            return str(candidate)
    raise BackupError(f"{name} not found on PATH or under {PG_BIN_GLOB}: install postgresql-client")


def _pg_connection(engine: Engine) -> tuple[str, dict[str, str]]:
    """A libpq URI for the engine's database and the environment to run a tool with.

    The password travels in PGPASSWORD, not on the command line other users can read.
    """
    url = engine.url.set(drivername="postgresql", password=None)
    env = dict(os.environ)
    if engine.url.password is not None:
        env["PGPASSWORD"] = str(engine.url.password)
    env["PGOPTIONS"] = "-c client_min_messages=warning"  # no "does not exist, skipping"
    return url.render_as_string(hide_password=False), env


def _run_tool(command: Sequence[str], env: dict[str, str]) -> None:
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT, check=False
    )
    if result.returncode != 0:
        name = Path(command[0]).name
        detail = (result.stderr or result.stdout).strip()
        raise BackupError(f"{name} failed (exit {result.returncode}): {detail}")


# ---------------------------------------------------------------- backup


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Session]:
    """A read-only session that sees the database as of one moment throughout."""
    if engine.dialect.name == "postgresql":
        # REPEATABLE READ keeps one snapshot for the whole transaction; pg_dump joins it.
        options = engine.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )
        with Session(options, expire_on_commit=False) as session, session.begin():
            yield session
    else:
        # SQLite: one read transaction holds its WAL snapshot until it ends.
        with reading(engine) as session, session.begin():
            yield session


def _copy_sqlite(session: Session, path: Path) -> None:
    # Back up through the session's own connection: inside its read transaction the
    # copy is the very state the JSON files are read from.
    source = session.connection().connection.driver_connection
    assert isinstance(source, sqlite3.Connection)
    copy = sqlite3.connect(path)
    try:
        source.backup(copy)
        # One self-contained file: no -wal or -shm beside it, nothing to lose in a copy.
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
    with path.open("rb") as stream:
        os.fsync(stream.fileno())


def _dump_postgres(engine: Engine, session: Session, path: Path) -> None:
    snapshot = session.execute(text("SELECT pg_export_snapshot()")).scalar_one()
    uri, env = _pg_connection(engine)
    _run_tool(
        [
            _pg_tool("pg_dump"),
            "--format=custom",
            f"--snapshot={snapshot}",  # the transaction this session holds open
            f"--file={path}",
            f"--dbname={uri}",
        ],
        env,
    )


def default_folder(now: datetime | None = None) -> Path:
    """``backups/<UTC time>`` next to ``data/``, with a suffix if that name is taken."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    parent = data_dir().parent / "backups"
    folder, n = parent / stamp, 1
    while folder.exists():
        n += 1
        folder = parent / f"{stamp}-{n}"
    return folder


def _write_folder(engine: Engine, folder: Path, say: Say) -> Manifest:
    kind = _kind(engine)
    head = head_revision(engine)
    with _snapshot(engine) as session:
        revision = _revision(session)
        if revision is None:
            raise BackupError(f"{_shown(engine)} has no schema yet: nothing to back up")
        rows = _row_counts(session)
        copy_name = SQLITE_COPY if kind == "sqlite" else POSTGRES_DUMP
        if kind == "sqlite":
            _copy_sqlite(session, folder / copy_name)
        else:
            _dump_postgres(engine, session, folder / copy_name)
        copy = _entry(folder, copy_name)
        say(f"database copy: {copy_name} ({copy.bytes:,} bytes)")
        (folder / WORKSHOPS).mkdir()
        entries = []
        # Reading documents needs this release's schema. A database an older release
        # wrote (backed up before `make migrate`, as it should be) gets the copy only.
        current = revision == head
        if not current:
            say(
                f"the schema is at revision {revision}, this release's is {head}: "
                "writing the database copy only (the JSON files need the newest schema)"
            )
        workshops = repository.list_workshops(session) if current else []
        for workshop in sorted(workshops, key=lambda w: w.id):
            document = repository.load_document(session, workshop_id=workshop.id)
            data = export_json(document).encode("utf-8")
            name = f"{WORKSHOPS}/{workshop.id}.json"
            _write_durably(folder / name, data)
            entries.append(
                WorkshopEntry(
                    file=name,
                    sha256=hashlib.sha256(data).hexdigest(),
                    bytes=len(data),
                    id=workshop.id,
                    title=workshop.title,
                    course_id=workshop.course_id,
                    participant=workshop.participant,
                )
            )
            say(f"workshop {workshop.id}: {workshop.title}")
        _fsync(folder / WORKSHOPS)
    return Manifest(
        created_at=datetime.now(UTC),
        database=kind,
        alembic_revision=revision,
        document_schema_version=SCHEMA_VERSION,
        rows=rows,
        database_copy=copy,
        workshops=entries,
    )


def backup(engine: Engine, *, to: Path | None = None, say: Say = _quiet) -> Path:
    """Write a backup folder at ``to`` (default: ``default_folder()``); returns its path.

    ``to`` must not exist yet. Until the last step the files live in a hidden sibling
    folder, removed if anything fails.
    """
    kind = _kind(engine)
    if kind == "sqlite" and not _sqlite_path(engine).is_file():
        # Connecting would create an empty database file: refuse before that.
        raise BackupError(f"there is no database at {_sqlite_path(engine)}")
    folder = Path(to) if to is not None else default_folder()
    if folder.exists():
        raise BackupError(f"{folder} already exists: name a new folder")
    folder.parent.mkdir(parents=True, exist_ok=True)
    # mkdtemp makes it 0700: the folder holds participants' private keys.
    partial = Path(tempfile.mkdtemp(prefix=f".{folder.name}.partial-", dir=folder.parent))
    try:
        say(f"backing up {_shown(engine)} to {folder}")
        manifest = _write_folder(engine, partial, say)
        _write_durably(partial / MANIFEST, (manifest.model_dump_json(indent=2) + "\n").encode())
        _fsync(partial)
        partial.rename(folder)
        _fsync(folder.parent)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    say(f"backup complete: {manifest.rows.get('workshop', 0)} workshops in {folder}")
    return folder


# ---------------------------------------------------------------- checking a folder

_FILE_NAMES = re.compile(rf"({WORKSHOPS}/[0-9]+\.json|{SQLITE_COPY}|{POSTGRES_DUMP})")


def read_manifest(folder: Path) -> Manifest:
    """The folder's manifest, or ``BackupError`` saying what is wrong with it."""
    path = folder / MANIFEST
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a folder")
    if not path.is_file():
        raise BackupError(f"{path} is missing: this is not a backup folder")
    try:
        data = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} is not valid JSON: {error}") from error
    if isinstance(data, dict) and data.get("format") != FORMAT:
        raise BackupError(
            f"{path} has backup format {data.get('format')!r}; this release reads {FORMAT}"
        )
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as error:
        raise BackupError(f"{path} is malformed: {error}") from error
    for entry in [manifest.database_copy, *manifest.workshops]:
        # The names are ours: anything else (a path outside the folder) is tampering.
        if not _FILE_NAMES.fullmatch(entry.file):
            raise BackupError(f"{path} lists an unexpected file name {entry.file!r}")
    return manifest


def verify(folder: Path, entries: Sequence[FileEntry]) -> None:
    """Raise ``BackupError`` naming every listed file that is missing or changed,
    and every workshop file the manifest does not list."""
    problems = []
    for entry in entries:
        path = folder / entry.file
        if not path.is_file():
            problems.append(f"{entry.file} is missing")
        elif path.stat().st_size != entry.bytes or _sha256(path) != entry.sha256:
            problems.append(f"{entry.file} does not match its checksum in {MANIFEST}")
    listed = {entry.file for entry in entries}
    for path in sorted((folder / WORKSHOPS).glob("*")):
        name = f"{WORKSHOPS}/{path.name}"
        if name not in listed:
            problems.append(f"{name} is not listed in {MANIFEST}")
    if problems:
        raise BackupError(
            f"{folder} failed its check, nothing was restored: " + "; ".join(problems)
        )


# ---------------------------------------------------------------- restore


@dataclass(frozen=True)
class Restored:
    """What a restore brought back."""

    manifest: Manifest
    workshops: int  # workshops now in the database from the backup
    json_only: bool


def _held(engine: Engine) -> tuple[int, int, list[int]]:
    """Workshops and courses the database holds now, and the workshop ids."""
    with reading(engine) as session:
        present = set(inspect(session.connection()).get_table_names())
        ids: list[int] = []
        courses = 0
        if "workshop" in present:
            ids = list(session.execute(text("SELECT id FROM workshop")).scalars())
        if "course" in present:
            courses = session.execute(text("SELECT count(*) FROM course")).scalar_one()
    return len(ids), courses, ids


def _check_known_revision(engine: Engine, revision: str) -> None:
    try:
        known = ScriptDirectory.from_config(alembic_config(engine)).get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise BackupError(
            f"the backup is at schema revision {revision}, which this release does not know "
            f"(its newest is {head_revision(engine)}): restore it with the release that made it"
        )


def _restore_sqlite(engine: Engine, folder: Path, manifest: Manifest) -> None:
    target = _sqlite_path(engine)
    copy = folder / manifest.database_copy.file
    # Read-only: opening the copy must not change a byte the checksum covers.
    source = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    try:
        try:
            found = source.execute("SELECT version_num FROM alembic_version").fetchone()
            checked = source.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{copy} is not a readable SQLite database: {error}") from error
        if checked is None or checked[0] != "ok":
            raise BackupError(f"{copy} is damaged: {checked}")
        if found is None or found[0] != manifest.alembic_revision:
            raise BackupError(f"{copy} is not at the revision {MANIFEST} names")
        engine.dispose()  # no pooled connection keeps reading the old pages
        target.parent.mkdir(parents=True, exist_ok=True)
        destination = sqlite3.connect(target, timeout=10)
        try:
            # The backup API writes the whole file in one step under the write lock:
            # readers see the old database or the new one, never a mix.
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def _restore_postgres(engine: Engine, folder: Path, manifest: Manifest) -> None:
    dump = folder / manifest.database_copy.file
    uri, env = _pg_connection(engine)
    quote = engine.dialect.identifier_preparer.quote
    names = [*sorted(SQLModel.metadata.tables), "alembic_version"]
    with tempfile.TemporaryDirectory(prefix="canvas-restore-") as scratch:
        script = Path(scratch) / "restore.sql"
        # The dump as SQL first: a damaged dump fails here, before the database is touched.
        try:
            _run_tool(
                [
                    _pg_tool("pg_restore"),
                    "--no-owner",
                    "--no-privileges",
                    "--clean",
                    "--if-exists",
                    f"--file={script}",
                    str(dump),
                ],
                env,
            )
        except BackupError as error:
            raise BackupError(f"{dump} is unreadable, nothing was restored: {error}") from error
        # Drop the app's tables, those a newer schema added included (the dump's --clean
        # covers only its own), then load the dump: psql runs both in one transaction,
        # so a failure leaves the database as it was.
        drop = Path(scratch) / "drop.sql"
        drop.write_text(
            "".join(f"DROP TABLE IF EXISTS {quote(name)} CASCADE;\n" for name in names),
            encoding="utf-8",
        )
        try:
            _run_tool(
                [
                    _pg_tool("psql"),
                    "--no-psqlrc",
                    "--quiet",
                    "--set=ON_ERROR_STOP=1",
                    "--single-transaction",
                    f"--file={drop}",
                    f"--file={script}",
                    f"--dbname={uri}",
                ],
                env,
            )
        except BackupError as error:
            raise BackupError(f"the restore was rolled back, nothing changed: {error}") from error


def _check_rows(engine: Engine, manifest: Manifest) -> None:
    with reading(engine) as session:
        found = _row_counts(session)
    wrong = [
        f"{name}: {found.get(name, 0)} rows, the backup had {count}"
        for name, count in manifest.rows.items()
        if found.get(name, 0) != count
    ]
    if wrong:
        raise BackupError("the restored database does not match the backup: " + "; ".join(wrong))


def _read_documents(folder: Path, manifest: Manifest) -> list[WorkshopDocument]:
    documents, problems = [], []
    for entry in manifest.workshops:
        try:
            documents.append(parse_json((folder / entry.file).read_bytes(), "en"))
        except ImportRefused as refused:
            problems.append(f"{entry.file} ({entry.title}): " + "; ".join(refused.problems))
    if problems:
        raise BackupError("nothing was imported: " + " | ".join(problems))
    return documents


def _restore_json(engine: Engine, folder: Path, manifest: Manifest, say: Say) -> Restored:
    if not manifest.workshops and manifest.rows.get("workshop", 0):
        raise BackupError(
            f"{folder} has no workshop files: it was made at schema revision "
            f"{manifest.alembic_revision}, before migrating; restore its database copy instead"
        )
    verify(folder, manifest.workshops)  # the database copy is not read, so it may be gone
    documents = _read_documents(folder, manifest)
    upgrade(engine)
    # One transaction for every workshop: a failure on any imports none.
    with transaction(engine) as session:
        for entry, document in zip(manifest.workshops, documents, strict=True):
            created = repository.create_from_document(session, document=document)
            say(f"workshop {entry.id}: {entry.title} -> new workshop {created.id}")
    say(
        f"imported {len(documents)} workshops as new ones; courses, participants' keys, "
        "trainer comments and named snapshots are only in the database copy"
    )
    return Restored(manifest=manifest, workshops=len(documents), json_only=True)


def restore(
    engine: Engine,
    *,
    source: Path,
    replace: bool = False,
    json_only: bool = False,
    say: Say = _quiet,
) -> Restored:
    """Bring the backup folder ``source`` back into the engine's database.

    By default the database copy replaces the database, which must hold no workshops or
    courses unless ``replace``; with ``json_only`` every workshop file is added as a new
    workshop instead (``replace`` does not apply). Checksums are checked before anything
    is written; the database ends at the newest schema.
    """
    if replace and json_only:
        raise BackupError("--json-only adds workshops and never deletes: drop --replace")
    folder = Path(source)
    manifest = read_manifest(folder)
    if json_only:
        return _restore_json(engine, folder, manifest, say)
    verify(folder, [manifest.database_copy, *manifest.workshops])
    kind = _kind(engine)
    if manifest.database != kind:
        raise BackupError(
            f"the database copy is from {manifest.database}, the target is {kind}: "
            "use --json-only to bring the workshops across"
        )
    _check_known_revision(engine, manifest.alembic_revision)
    workshops, courses, before = _held(engine)
    if workshops or courses:
        if not replace:
            raise BackupError(
                f"{_shown(engine)} already holds {workshops} workshops and {courses} courses; "
                "nothing was changed. Pass --replace (make restore ... REPLACE=1) to overwrite "
                "them, or --json-only to add the backup's workshops beside them"
            )
        say(f"replacing {workshops} workshops and {courses} courses in {_shown(engine)}")
    if kind == "sqlite":
        _restore_sqlite(engine, folder, manifest)
    else:
        _restore_postgres(engine, folder, manifest)
    engine.dispose()  # connections opened before the restore may cache the old schema
    _check_rows(engine, manifest)
    upgrade(engine)
    if kind == "postgresql":
        # App servers forget what they cached of every workshop, old or restored.
        after = _held(engine)[2]
        with transaction(engine) as session:
            for workshop_id in sorted({*before, *after}):
                session.execute(select(func.pg_notify(CHANNEL, str(workshop_id))))
    for entry in manifest.workshops:
        say(f"workshop {entry.id}: {entry.title}")
    count = manifest.rows.get("workshop", 0)
    say(
        f"restored {count} workshops from {folder} "
        f"(made {manifest.created_at:%Y-%m-%d %H:%M} UTC) into {_shown(engine)}"
    )
    if kind == "sqlite":
        say("restart the app so it drops what it cached")
    return Restored(manifest=manifest, workshops=count, json_only=False)


# ---------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status (1 when refused, 2 for bad usage)."""
    parser = argparse.ArgumentParser(
        prog="python -m canvas.store.backup",
        description="Back up or restore the workshop database named by DATABASE_URL "
        "(default: SQLite under data/).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    back = commands.add_parser("backup", help="write every workshop and a database copy")
    back.add_argument(
        "--to", type=Path, metavar="DIR", help="the new folder (default: backups/<UTC time>/)"
    )
    back_in = commands.add_parser("restore", help="bring a backup folder back")
    back_in.add_argument("--from", dest="source", type=Path, required=True, metavar="DIR")
    how = back_in.add_mutually_exclusive_group()
    how.add_argument(
        "--replace", action="store_true", help="overwrite a database that holds workshops"
    )
    how.add_argument(
        "--json-only",
        action="store_true",
        help="add each workshop from its JSON file as a new workshop instead",
    )
    args = parser.parse_args(argv)
    engine = make_engine(default_url())
    try:
        if args.command == "backup":
            backup(engine, to=args.to, say=print)
        else:
            restore(
                engine,
                source=args.source,
                replace=args.replace,
                json_only=args.json_only,
                say=print,
            )
    except BackupError as error:
        print(f"{args.command} refused: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
