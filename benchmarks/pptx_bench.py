"""The teaching deck's PowerPoint file: how long the demo's takes to build.

The 40-segment workshop's file is measured with the other exports (``pptx export``);
this adds the demo, the deck a trainer shows most, from a database of its own so the
pages' workshop list stays as it was.
"""

import statistics
import tempfile
import time
from pathlib import Path

RUNS = 5


def measure_demo_deck(lang: str = "en") -> float:
    """Median milliseconds to build the demo's .pptx in ``lang``."""
    from canvas.content.demo import load_demo
    from canvas.export.pptx import render_pptx
    from canvas.ops.migrate import upgrade
    from canvas.store import reads, workshops
    from canvas.store.db import make_engine, reading, transaction

    with tempfile.TemporaryDirectory(prefix="crbench-deck-") as directory:
        engine = make_engine(f"sqlite:///{Path(directory) / 'demo.db'}")
        try:
            upgrade(engine)
            with transaction(engine) as session:
                made = workshops.create_from_document(session, document=load_demo(lang))
            with reading(engine) as session:
                view = reads.load_view(session, workshop_id=made.id)
        finally:
            engine.dispose()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        render_pptx(view, lang)
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)
