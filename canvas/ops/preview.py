"""Workshop documents as the views that pages and exports draw, with no database kept.

The deck's demo, the benchmarks and the tests need the ``WorkshopView`` of a document
that nobody saved. It is stored in a throw-away SQLite database and read back, so it
goes through the same checks and reads as a saved workshop, and the database is dropped.
"""

import tempfile
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import TypeVar

from canvas.domain import WorkshopDocument, WorkshopView
from canvas.ops.migrate import upgrade
from canvas.store import reads, workshops
from canvas.store.db import make_engine, reading, transaction

Key = TypeVar("Key", bound=Hashable)


def views_of(documents: Mapping[Key, WorkshopDocument]) -> dict[Key, WorkshopView]:
    """Each document's view, under its key (one throw-away database for them all)."""
    with tempfile.TemporaryDirectory(prefix="cr-preview-") as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'preview.db'}")
        try:
            upgrade(engine)
            views: dict[Key, WorkshopView] = {}
            for key, document in documents.items():
                with transaction(engine) as session:
                    made = workshops.create_from_document(session, document=document)
                with reading(engine) as session:
                    views[key] = reads.load_view(session, workshop_id=made.id)
            return views
        finally:
            engine.dispose()


def view_of(document: WorkshopDocument) -> WorkshopView:
    """The document's view, as if it had been imported and opened."""
    return views_of({"only": document})["only"]
