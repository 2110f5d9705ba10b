"""The load tests' marker and their course: many sessions against one PostgreSQL database."""

import pytest

from canvas.domain.course import CourseInput
from canvas.ops.migrate import upgrade
from canvas.store import courses
from canvas.store.db import make_engine, transaction


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "load: many concurrent sessions against one database")


@pytest.fixture
def course(postgres_url: str) -> tuple[str, int, str]:
    """A migrated PostgreSQL database with one course: (URL, course id, join code)."""
    engine = make_engine(postgres_url)
    try:
        upgrade(engine)
        with transaction(engine) as session:
            made = courses.create_course(session, data=CourseInput(title="Room", language="en"))
    finally:
        engine.dispose()
    return postgres_url, made.id, made.join_code
