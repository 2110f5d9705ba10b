"""The arrows of ARCHITECTURE.md, enforced: the package never reaches up into the UI."""

import ast
from pathlib import Path

import pytest

CANVAS = Path(__file__).resolve().parents[2] / "canvas"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _canvas_modules(path: Path) -> set[str]:
    """The ``canvas.*`` modules a file imports, by their full dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return {name for name in names if name.startswith("canvas.")}


def _within(name: str, packages: set[str]) -> bool:
    return any(name == package or name.startswith(f"{package}.") for package in packages)


@pytest.mark.parametrize("path", sorted(CANVAS.rglob("*.py")), ids=lambda p: str(p.name))
def test_nothing_under_canvas_imports_streamlit(path):
    assert "streamlit" not in _imports(path)


@pytest.mark.parametrize(
    "path", sorted((CANVAS / "domain").rglob("*.py")), ids=lambda p: str(p.name)
)
def test_the_domain_imports_no_storage_charting_or_dataframes(path):
    assert _imports(path) & {"sqlmodel", "sqlalchemy", "plotly", "pandas", "alembic"} == set()


def test_no_page_builds_sql():
    pages = Path(__file__).resolve().parents[2] / "views"
    offenders = [
        p.name
        for p in pages.glob("*.py")
        if _imports(p) & {"sqlalchemy", "sqlmodel"} and p.name != "common.py"
    ]
    assert offenders == []


def test_no_page_renders_raw_html():
    root = Path(__file__).resolve().parents[2]
    for path in [root / "app.py", *(root / "views").glob("*.py")]:
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), path.name


STORE = sorted((CANVAS / "store").rglob("*.py"))
OPS = sorted((CANVAS / "ops").rglob("*.py"))


@pytest.mark.parametrize("path", STORE, ids=lambda p: str(p.relative_to(CANVAS)))
def test_the_store_imports_neither_the_content_nor_the_exports(path):
    found = _canvas_modules(path)
    assert [n for n in found if _within(n, {"canvas.content", "canvas.export"})] == []


@pytest.mark.parametrize("path", STORE, ids=lambda p: str(p.relative_to(CANVAS)))
def test_the_store_never_reaches_up_into_the_operator_commands(path):
    assert [n for n in _canvas_modules(path) if _within(n, {"canvas.ops"})] == []


@pytest.mark.parametrize("path", OPS, ids=lambda p: str(p.name))
def test_the_operator_commands_build_on_the_store_and_the_exports_only(path):
    allowed = {
        "canvas.ops",
        "canvas.store",
        "canvas.export",
        "canvas.domain",
        "canvas.i18n",
        "canvas.paths",
    }
    assert [n for n in _canvas_modules(path) if not _within(n, allowed)] == []
    assert _imports(path) & {"streamlit", "views", "app_pages", "ui"} == set()
