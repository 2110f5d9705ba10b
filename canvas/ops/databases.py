"""The database a backup is taken from or restored into: which kind it is, how it is shown
without its password, its tables' row counts, and the PostgreSQL client tools.
"""

import os
import shutil
import subprocess
from collections.abc import Sequence
from glob import glob
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select, table
from sqlmodel import Session, SQLModel

from canvas.ops.manifest import BackupError, Kind
from canvas.store import tables as _tables  # noqa: F401  (registers every table on the metadata)

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
TOOL_TIMEOUT = 3600  # seconds for pg_dump, pg_restore or psql: a big database takes a while


def database_kind(engine: Engine) -> Kind:
    """SQLite or PostgreSQL; any other database is refused."""
    name = engine.dialect.name
    if name == "sqlite":
        return "sqlite"
    if name == "postgresql":
        return "postgresql"
    raise BackupError(f"backups support SQLite and PostgreSQL, not {name}")


def shown(engine: Engine) -> str:
    """The database's URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def sqlite_path(engine: Engine) -> Path:
    """The SQLite file behind the engine; an in-memory database is refused."""
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError(f"{shown(engine)} is not a SQLite file this tool can copy")
    return Path(database)


def schema_revision(session: Session) -> str | None:
    return MigrationContext.configure(session.connection()).get_current_revision()


def row_counts(session: Session) -> dict[str, int]:
    present = set(inspect(session.connection()).get_table_names())
    return {
        name: session.execute(select(func.count()).select_from(table(name))).scalar_one()
        for name in sorted(SQLModel.metadata.tables)
        if name in present
    }


def pg_tool(name: str) -> str:
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


def pg_connection(engine: Engine) -> tuple[str, dict[str, str]]:
    """A libpq URI for the engine's database and the environment to run a tool with.

    The password travels in PGPASSWORD, not on the command line other users can read.
    """
    url = engine.url.set(drivername="postgresql", password=None)
    env = dict(os.environ)
    if engine.url.password is not None:
        env["PGPASSWORD"] = str(engine.url.password)
    env["PGOPTIONS"] = "-c client_min_messages=warning"  # no "does not exist, skipping"
    return url.render_as_string(hide_password=False), env


def run_tool(command: Sequence[str], env: dict[str, str]) -> None:
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT, check=False
    )
    if result.returncode != 0:
        name = Path(command[0]).name
        detail = (result.stderr or result.stdout).strip()
        raise BackupError(f"{name} failed (exit {result.returncode}): {detail}")
