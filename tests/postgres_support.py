"""A PostgreSQL server for tests and benchmarks: ``DATABASE_URL`` or one started here.

``running_postgres()`` starts a throwaway server with Debian's ``initdb``/``pg_ctl`` in a
temp dir (RAM-backed where possible) and stops it on exit; the test fixtures and the
benchmarks that need PostgreSQL share it, so both start the server the same way.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server can be had on this machine (and why)."""


@dataclass(frozen=True)
class PostgresServer:
    """Where to reach a PostgreSQL server that lets us create databases."""

    url: URL  # postgresql+psycopg://… of a database to connect to for admin work

    def admin_conninfo(self) -> str:
        return self.url.set(drivername="postgresql").render_as_string(hide_password=False)

    def url_for(self, database: str) -> str:
        return self.url.set(database=database).render_as_string(hide_password=False)

    @contextmanager
    def scratch_database(self, prefix: str = "t") -> Iterator[str]:
        """The URL of a new, empty database on this server; dropped (connections and all)
        on exit."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex}"
        with psycopg.connect(self.admin_conninfo(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield self.url_for(name)
        finally:
            with psycopg.connect(self.admin_conninfo(), autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_bin_dir() -> Path | None:
    """The ``bin`` dir of the highest installed PostgreSQL version with initdb and pg_ctl."""
    candidates = [
        Path(d)
        for d in glob.glob(PG_BIN_GLOB)
        if (Path(d) / "initdb").is_file() and (Path(d) / "pg_ctl").is_file()
    ]

    def version(path: Path) -> tuple[int, ...]:
        name = path.parent.name
        return tuple(int(p) for p in name.split(".") if p.isdigit()) or (0,)

    return max(candidates, key=version, default=None)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fast_temp_parent() -> str | None:
    """A RAM-backed dir if there is one: CREATE DATABASE is ~10x faster there than on disk."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def _run(command: list[str], *, as_postgres: bool) -> None:
    if as_postgres:  # initdb refuses to run as root
        command = ["runuser", "-u", "postgres", "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )


@contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """The server in ``DATABASE_URL`` (``postgresql…``), or a throwaway one started here."""
    given = os.environ.get("DATABASE_URL", "")
    if given.startswith("postgresql"):
        yield PostgresServer(make_url(given).set(drivername="postgresql+psycopg"))
        return

    bin_dir = _pg_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable(
            f"no initdb/pg_ctl under {PG_BIN_GLOB} and DATABASE_URL is not set"
        )
    as_postgres = os.geteuid() == 0
    if as_postgres and shutil.which("runuser") is None:
        raise PostgresUnavailable("running as root but runuser is not available")

    base = Path(tempfile.mkdtemp(prefix="pgtest-", dir=_fast_temp_parent()))
    data = base / "data"
    port = _free_port()
    if as_postgres:
        try:
            shutil.chown(base, user="postgres", group="postgres")
        except LookupError:
            shutil.rmtree(base, ignore_errors=True)
            raise PostgresUnavailable(
                "running as root but there is no 'postgres' system user"
            ) from None
    started = False
    try:
        _run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--encoding=UTF8",
                "--no-locale",
            ],
            as_postgres=as_postgres,
        )
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
        _run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(base / "server.log"),
                "-w",
                "-o",
                options,
                "start",
            ],
            as_postgres=as_postgres,
        )
        started = True
        yield PostgresServer(
            URL.create(
                "postgresql+psycopg",
                username="postgres",
                host="127.0.0.1",
                port=port,
                database="postgres",
            )
        )
    finally:
        if started:
            _run(
                [str(bin_dir / "pg_ctl"), "-D", str(data), "stop", "-m", "fast"],
                as_postgres=as_postgres,
            )
        shutil.rmtree(base, ignore_errors=True)
