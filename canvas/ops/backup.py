"""Back up the workshop database: every workshop as JSON plus a copy of the whole database.

``python -m canvas.ops.backup [--to DIR]`` (``make backup``) writes a folder (default
``backups/<UTC time>/`` next to ``data/``) holding

- ``workshops/<id>.json``: each workshop as the JSON export (segments, answers, notes,
  frameworks, NPS, touchpoints), importable by this release and later ones, on any
  database;
- ``database.sqlite`` (SQLite, the online backup API) or ``database.dump`` (PostgreSQL,
  ``pg_dump --format=custom``): the whole database, the only place that keeps courses,
  participants' private keys, trainer comments and named snapshots;
- ``manifest.json``: the schema revision, the document schema version, when it was made,
  the rows in each table, and every file's size and SHA-256 (``canvas.ops.manifest``).

Everything is read in one snapshot, so the JSON files and the database copy agree, and
written to a hidden folder renamed into place at the end: a failed backup leaves nothing
that looks complete. A database still at an older schema (backed up before ``make
migrate``) gets the database copy only, since reading documents needs the newest schema.
``canvas.ops.restore`` brings a folder back.
"""

import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlmodel import Session

from canvas.domain.document import SCHEMA_VERSION
from canvas.export.json_io import export_json
from canvas.ops.cli import Say, bilingual, parser, quiet
from canvas.ops.databases import (
    database_kind,
    pg_connection,
    pg_tool,
    row_counts,
    run_tool,
    schema_revision,
    shown,
    sqlite_path,
)
from canvas.ops.manifest import (
    MANIFEST,
    POSTGRES_DUMP,
    SQLITE_COPY,
    WORKSHOPS,
    BackupError,
    Manifest,
    WorkshopEntry,
    file_entry,
)
from canvas.ops.migrate import head_revision
from canvas.paths import data_dir
from canvas.store import reads
from canvas.store import workshops as workshop_store
from canvas.store.db import default_url, make_engine, reading


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


@contextmanager
def _one_moment(engine: Engine) -> Iterator[Session]:
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
    uri, env = pg_connection(engine)
    run_tool(
        [
            pg_tool("pg_dump"),
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
    kind = database_kind(engine)
    head = head_revision(engine)
    with _one_moment(engine) as session:
        revision = schema_revision(session)
        if revision is None:
            raise BackupError(f"{shown(engine)} has no schema yet: nothing to back up")
        rows = row_counts(session)
        copy_name = SQLITE_COPY if kind == "sqlite" else POSTGRES_DUMP
        if kind == "sqlite":
            _copy_sqlite(session, folder / copy_name)
        else:
            _dump_postgres(engine, session, folder / copy_name)
        copy = file_entry(folder, copy_name)
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
        workshops = workshop_store.list_workshops(session) if current else []
        for workshop in sorted(workshops, key=lambda w: w.id):
            document = reads.load_document(session, workshop_id=workshop.id)
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


def backup(engine: Engine, *, to: Path | None = None, say: Say = quiet) -> Path:
    """Write a backup folder at ``to`` (default: ``default_folder()``); returns its path.

    ``to`` must not exist yet. Until the last step the files live in a hidden sibling
    folder, removed if anything fails.
    """
    kind = database_kind(engine)
    if kind == "sqlite" and not sqlite_path(engine).is_file():
        # Connecting would create an empty database file: refuse before that.
        raise BackupError(f"there is no database at {sqlite_path(engine)}")
    folder = Path(to) if to is not None else default_folder()
    if folder.exists():
        raise BackupError(f"{folder} already exists: name a new folder")
    folder.parent.mkdir(parents=True, exist_ok=True)
    # mkdtemp makes it 0700: the folder holds participants' private keys.
    partial = Path(tempfile.mkdtemp(prefix=f".{folder.name}.partial-", dir=folder.parent))
    try:
        say(f"backing up {shown(engine)} to {folder}")
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


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status (1 when refused, 2 for bad usage)."""
    command = parser("python -m canvas.ops.backup", "ops.backup.about")
    command.add_argument(
        "--to",
        type=Path,
        metavar="DIR",
        help=bilingual("ops.backup.to", folder="backups/<UTC time>/"),
    )
    args = command.parse_args(argv)
    engine = make_engine(default_url())
    try:
        backup(engine, to=args.to, say=print)
    except BackupError as error:
        print(f"backup refused: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
