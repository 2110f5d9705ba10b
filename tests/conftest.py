"""Shared fixtures: a real PostgreSQL server for the session and migrated engines.

The PostgreSQL server is the one in ``DATABASE_URL`` (``postgresql…``) if given;
otherwise the session starts its own with Debian's ``initdb``/``pg_ctl`` in a temp
dir and stops it at the end. Every test gets a database of its own on it.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine

from canvas.ops.migrate import upgrade
from canvas.store.db import make_engine
from tests.postgres_support import PostgresServer, PostgresUnavailable, running_postgres

# In CI the property tests try the same examples on every run, so a build nobody changed
# cannot fail on an example it never met before; locally each run explores new ones (and
# replays the failures it remembers in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole session (``DATABASE_URL`` or one started here)."""
    try:
        with running_postgres() as server:
            yield server
    except PostgresUnavailable as missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI: {missing}", pytrace=False)
        pytest.skip(f"no PostgreSQL server: {missing}")


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database for one test; dropped afterwards."""
    with postgres_server.scratch_database() as url:
        yield url


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database, once on SQLite (a file) and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workshop.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a fresh database migrated to the newest schema."""
    made = make_engine(database_url)
    try:
        upgrade(made)
        yield made
    finally:
        made.dispose()
