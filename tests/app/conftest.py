"""Fixtures for the AppTest tests: a fresh SQLite file per test and clean Streamlit caches."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import streamlit as st

from canvas.domain import Language
from tests.app.driver import LANGS, add_demo, add_workshop, migrated


@pytest.fixture(autouse=True)
def streamlit_between_tests() -> Iterator[None]:
    """Empty Streamlit caches around every test.

    ``ui.engine.engine`` is an ``st.cache_resource`` and snapshots are cached by
    (workshop id, revision), which repeat from one fresh database to the next.
    """
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture(params=LANGS)
def lang(request: pytest.FixtureRequest) -> str:
    """The interface language of the test, ``ru`` and ``en``."""
    return Language(str(request.param)).value


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh, migrated SQLite file that the app uses through ``DATABASE_URL``."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    migrated(url).dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@dataclass(frozen=True)
class SharedWorkshops:
    url: str
    demo: dict[str, int]
    empty: dict[str, int]


@pytest.fixture(scope="module")
def shared_database(tmp_path_factory: pytest.TempPathFactory) -> SharedWorkshops:
    """One database per module with both demos and an empty workshop per language.

    Only for tests that read: anything that saves gets ``db`` instead.
    """
    url = f"sqlite:///{tmp_path_factory.mktemp('shared') / 'app.db'}"
    migrated(url).dispose()
    return SharedWorkshops(
        url=url,
        demo={code: add_demo(url, code) for code in LANGS},
        empty={code: add_workshop(url, f"Empty {code}", code) for code in LANGS},
    )


@pytest.fixture
def shared(shared_database: SharedWorkshops, monkeypatch: pytest.MonkeyPatch) -> SharedWorkshops:
    """The module's read-only database, as the app's ``DATABASE_URL``."""
    monkeypatch.setenv("DATABASE_URL", shared_database.url)
    return shared_database
