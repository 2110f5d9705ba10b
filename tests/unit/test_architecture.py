"""The arrows of ARCHITECTURE.md, enforced: who may import whom, and where pages live."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CANVAS = ROOT / "canvas"
PAGES = ROOT / "app_pages"
UI = ROOT / "ui"


def _modules(path: Path) -> set[str]:
    """Every module ``path`` imports, in full (``canvas.store.db``), relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.level:
                package = ".".join(path.relative_to(ROOT).parent.parts[: 1 - node.level or None])
                names.add(f"{package}.{node.module}")
            else:
                names.add(node.module)
                names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _tops(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _modules(path)}


def _reaches(path: Path, package: str) -> bool:
    return any(name == package or name.startswith(package + ".") for name in _modules(path))


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "migrations" not in p.parts)


def _ids(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", _files(CANVAS), ids=_ids)
def test_nothing_under_canvas_imports_streamlit_or_the_ui(path):
    assert _tops(path) & {"streamlit", "ui", "app_pages", "app"} == set()


@pytest.mark.parametrize("path", _files(CANVAS / "domain"), ids=_ids)
def test_the_domain_imports_no_storage_charting_dataframes_or_outer_layers(path):
    assert _tops(path) & {"sqlmodel", "sqlalchemy", "plotly", "pandas", "alembic", "fpdf"} == set()
    outer = [p for p in ("store", "content", "figures", "export", "i18n", "presenters", "forms")]
    assert [p for p in outer if _reaches(path, f"canvas.{p}")] == []


@pytest.mark.parametrize("path", _files(CANVAS / "store"), ids=_ids)
def test_the_store_imports_neither_content_nor_export(path):
    assert not _reaches(path, "canvas.content")
    assert not _reaches(path, "canvas.export")


@pytest.mark.parametrize("path", _files(CANVAS / "content"), ids=_ids)
def test_content_holds_texts_only_and_imports_no_i18n_or_rules_outside_the_domain(path):
    for layer in ("canvas.i18n", "canvas.store", "canvas.export", "canvas.figures"):
        assert not _reaches(path, layer), layer


def test_i18n_does_not_import_content():
    assert not _reaches(CANVAS / "i18n.py", "canvas.content")


def test_canvas_has_no_loose_modules_beyond_the_package_wide_ones():
    loose = sorted(p.name for p in CANVAS.glob("*.py"))
    assert loose == ["__init__.py", "i18n.py", "paths.py"]


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.py")), ids=_ids)
def test_no_page_imports_another_page_or_builds_sql(path):
    assert _tops(path) & {"app_pages", "sqlalchemy", "sqlmodel", "app"} == set()


@pytest.mark.parametrize("path", _files(UI), ids=_ids)
def test_the_ui_package_never_imports_a_page(path):
    assert _tops(path) & {"app_pages", "app"} == set()


def test_the_page_folder_holds_page_scripts_only():
    assert sorted(p.name for p in PAGES.iterdir() if p.name != "__pycache__") == sorted(
        p.name for p in PAGES.glob("*.py")
    )


def test_there_is_no_pages_folder_beside_app_py():
    # A pages/ folder beside app.py puts Streamlit into its legacy multipage mode on a cold
    # deep link: the page would then run without app.py (no language, no access check).
    assert not (ROOT / "pages").exists()


def test_every_page_script_is_in_the_page_table():
    table = (ROOT / "app.py").read_text(encoding="utf-8")
    # elsewhere.py has no address of its own: it answers at the others' (ui/elsewhere.py)
    pages = [p.stem for p in PAGES.glob("*.py") if p.stem != "elsewhere"]
    missing = [stem for stem in pages if f'"{stem}": (' not in table]
    assert missing == []
    assert '"app_pages/elsewhere.py"' in table


@pytest.mark.parametrize(
    "path", [ROOT / "app.py", *sorted(PAGES.glob("*.py")), *_files(UI)], ids=_ids
)
def test_no_page_renders_raw_html(path):
    assert "unsafe_allow_html" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [*sorted(PAGES.glob("*.py"))], ids=_ids)
def test_a_page_script_stays_short(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 130


@pytest.mark.parametrize("path", _files(CANVAS), ids=_ids)
def test_no_module_under_canvas_grows_past_five_hundred_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


def test_the_architecture_document_names_every_layer():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    layers = [p for p in CANVAS.iterdir() if p.is_dir() and p.name != "__pycache__"]
    folders = ["app_pages/", "ui/", "panels/", *(f"{p.name}/" for p in layers)]
    assert [folder for folder in folders if folder not in text] == []
