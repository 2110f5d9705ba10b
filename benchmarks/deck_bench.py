"""Each kind of slide of the projected deck: its warm rerun through AppTest beside the empty
page's, on the 40-segment workshop of ``make bench`` (budget: under 25 × the empty page).

``make bench`` calls ``measure_deck_slides`` with its own measure (SQL counted too). Alone,

    .venv/bin/python -m benchmarks.deck_bench

builds the same workshop in a temporary SQLite database and prints the table. The gap
slides are alike, so the first segment's stands for all forty.
"""

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BUDGET_TIMES_EMPTY = 25
RERUNS = 15

Measure = Callable[[Any], tuple[float, int, int]]


def slide_keys(workshop_id: int) -> list[str]:
    """One slide of each kind in the deck's order; the first segment's gap for the gaps."""
    from canvas.presenters.deck import deck
    from canvas.store import reads
    from canvas.store.db import reading
    from ui.engine import engine

    with reading(engine()) as session:
        view = reads.load_view(session, workshop_id=workshop_id)
    first = {}
    for slide in deck(view):
        first.setdefault(slide.kind, slide.key)
    return list(first.values())


def measure_deck_slides(workshop_id: int, measure: Measure, baseline_ms: float) -> list[dict]:
    """Each slide kind's median warm rerun, its multiple of the empty page, and its SQL."""
    from streamlit.testing.v1 import AppTest

    from benchmarks.pages import page_file

    rows = []
    for key in slide_keys(workshop_id):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["w"] = str(workshop_id)
        at.query_params["lang"] = "en"
        at.query_params["slide"] = key
        at.run()
        at.switch_page(page_file("present"))
        median_ms, first, warm = measure(at)
        assert at.query_params["slide"] == key, (key, at.query_params)
        rows.append(
            {
                "slide": key,
                "median_rerun_ms": round(median_ms, 1),
                "rerun_times_empty": round(median_ms / baseline_ms, 1),
                "sql_first_run": first,
                "sql_per_warm_rerun": warm,
            }
        )
    return rows


def print_deck_slides(rows: list[dict], baseline_ms: float) -> None:
    print(
        f"\nThe deck's slides, warm reruns through AppTest, 40 segments "
        f"(budget {BUDGET_TIMES_EMPTY} × the empty page's {baseline_ms:.1f} ms)"
    )
    print(f"{'slide':<17}{'rerun ms':>10}{'× empty':>9}{'SQL first':>11}{'SQL warm':>10}")
    for row in rows:
        print(
            f"{row['slide']:<17}{row['median_rerun_ms']:>10.1f}{row['rerun_times_empty']:>9.1f}"
            f"{row['sql_first_run']:>11}{row['sql_per_warm_rerun']:>10}"
        )


def _timed(at: Any) -> tuple[float, int, int]:
    """The median of ``RERUNS`` warm reruns (no SQL counting when run alone)."""
    at.run()
    times = []
    for _ in range(RERUNS):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return statistics.median(times), 0, 0


def main() -> None:
    directory = tempfile.mkdtemp(prefix="crdeck-")
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.db"
    from benchmarks.quiet import quiet_streamlit

    quiet_streamlit()
    from streamlit.testing.v1 import AppTest

    from benchmarks.run import build_document
    from canvas.store import workshops
    from canvas.store.db import transaction
    from ui.engine import engine

    with transaction(engine()) as session:
        workshop = workshops.create_from_document(session, document=build_document())
    baseline, _, _ = _timed(AppTest.from_string("import streamlit as st\nst.write('empty')"))
    rows = measure_deck_slides(workshop.id, _timed, baseline)
    print_deck_slides(rows, baseline)


if __name__ == "__main__":
    main()
