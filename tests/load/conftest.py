"""The load tests' marker: many concurrent sessions against one PostgreSQL database."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "load: many concurrent sessions against one database")
