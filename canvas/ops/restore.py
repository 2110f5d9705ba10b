"""Restore a backup folder that ``canvas.ops.backup`` wrote.

``python -m canvas.ops.restore --from DIR [--replace | --json-only]`` (``make restore``)
checks every checksum first, then copies the database back into ``DATABASE_URL`` (refusing
a database that already holds workshops or courses unless ``--replace``), or with
``--json-only`` adds each workshop from its JSON file as a new workshop, all in one
transaction. Either way the database ends at the newest schema.
"""

import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, func, inspect, select, text
from sqlmodel import SQLModel

from canvas.domain import WorkshopDocument
from canvas.export.json_io import ImportRefused, parse_json
from canvas.ops.cli import Say, bilingual, parser, quiet
from canvas.ops.databases import (
    database_kind,
    pg_connection,
    pg_tool,
    row_counts,
    run_tool,
    shown,
    sqlite_path,
)
from canvas.ops.manifest import MANIFEST, BackupError, Manifest, read_manifest, verify
from canvas.ops.migrate import alembic_config, head_revision, upgrade
from canvas.store import workshops as workshop_store
from canvas.store.db import default_url, make_engine, reading, transaction
from canvas.store.revisions import CHANNEL


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
    target = sqlite_path(engine)
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
    uri, env = pg_connection(engine)
    quote = engine.dialect.identifier_preparer.quote
    names = [*sorted(SQLModel.metadata.tables), "alembic_version"]
    with tempfile.TemporaryDirectory(prefix="canvas-restore-") as scratch:
        script = Path(scratch) / "restore.sql"
        # The dump as SQL first: a damaged dump fails here, before the database is touched.
        try:
            run_tool(
                [
                    pg_tool("pg_restore"),
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
            run_tool(
                [
                    pg_tool("psql"),
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
        found = row_counts(session)
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
            created = workshop_store.create_from_document(session, document=document)
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
    say: Say = quiet,
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
    kind = database_kind(engine)
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
                f"{shown(engine)} already holds {workshops} workshops and {courses} courses; "
                "nothing was changed. Pass --replace (make restore ... REPLACE=1) to overwrite "
                "them, or --json-only to add the backup's workshops beside them"
            )
        say(f"replacing {workshops} workshops and {courses} courses in {shown(engine)}")
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
        f"(made {manifest.created_at:%Y-%m-%d %H:%M} UTC) into {shown(engine)}"
    )
    if kind == "sqlite":
        say("restart the app so it drops what it cached")
    return Restored(manifest=manifest, workshops=count, json_only=False)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status (1 when refused, 2 for bad usage)."""
    command = parser("python -m canvas.ops.restore", "ops.restore.about")
    command.add_argument(
        "--from",
        dest="source",
        type=Path,
        required=True,
        metavar="DIR",
        help=bilingual("ops.restore.from"),
    )
    how = command.add_mutually_exclusive_group()
    how.add_argument("--replace", action="store_true", help=bilingual("ops.restore.replace"))
    how.add_argument("--json-only", action="store_true", help=bilingual("ops.restore.json_only"))
    args = command.parse_args(argv)
    engine = make_engine(default_url())
    try:
        restore(
            engine,
            source=args.source,
            replace=args.replace,
            json_only=args.json_only,
            say=print,
        )
    except BackupError as error:
        print(f"restore refused: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
