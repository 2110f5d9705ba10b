"""Where the package finds its files: the ``data/`` folder beside the code.

Package-wide and dependency-free, so the store, the content loaders and ``i18n`` can all
find the data folder without importing one another.
"""

from pathlib import Path


def data_dir() -> Path:
    """The folder with the catalogue, the UI strings, the demo workshops and the SQLite file."""
    return Path(__file__).resolve().parents[1] / "data"
