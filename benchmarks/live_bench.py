"""The live classroom's tick: what one check of the trainer's page costs when nothing changed.

Builds a course of ``PARTICIPANTS`` workshops (``gallery_bench.build_course``) in a
temporary SQLite database, opens the trainer's page in AppTest, then asks for ``RUNS``
reruns of the page's live fragment alone, as the browser's timer does every second
(``ui.live.follow``), and reports their median server time and the SQL statements they
sent: none, whatever the course's size, since a tick compares the revision board's
generation in memory. The time is also given as a multiple of an empty page's rerun,
measured the same way in the same run (budgets: no SQL, under 25 ×). A save then shows the
other side: the tick that finds it reruns the page, gallery read included.
"""

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

PARTICIPANTS = 200
RUNS = 10
TICK_BUDGET_TIMES_EMPTY = 25  # a quiet tick costs less than 25 empty-page reruns
ROOT = Path(__file__).resolve().parents[1]


def fragment_rerun(at: Any) -> Any:
    """One rerun of the page's fragments alone (AppTest has no timer; this is its request)."""
    from streamlit.testing.v1 import local_script_runner

    fragments = list(at._fragment_storage._fragments)
    made = local_script_runner.RerunData

    def with_fragments(**fields: Any) -> Any:
        return made(**fields, fragment_id_queue=fragments, is_auto_rerun=True)

    local_script_runner.RerunData = with_fragments
    try:
        return at.run()
    finally:
        local_script_runner.RerunData = made


def empty_page_rerun_ms() -> float:
    """Median ms of an empty page's rerun through AppTest: what a tick is compared with."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string("import streamlit as st\nst.write('empty')")
    at.run()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure_live_tick(participants: int = PARTICIPANTS) -> dict[str, Any]:
    """Median ms and SQL statements of a quiet tick, and of the tick after a save."""
    from sqlalchemy import event
    from streamlit.testing.v1 import AppTest

    from benchmarks.gallery_bench import build_course
    from canvas.domain import SegmentInput
    from canvas.store import courses, segments
    from canvas.store.db import reading, transaction
    from ui.engine import engine, revision_board
    from ui.gate import deployment

    empty_ms = empty_page_rerun_ms()
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/live.db")
    eng = engine()
    course_id = build_course(eng, participants)
    with reading(eng) as session:
        first = courses.gallery(session, course_id=course_id)[0].workshop_id
    statements = 0

    def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        nonlocal statements
        if statement.strip().upper() != "BEGIN":
            statements += 1

    os.environ["TRAINER_PASSWORD"] = "benchmark only"
    deployment.clear()
    event.listen(eng, "before_cursor_execute", count)
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["lang"] = "en"
        at.session_state["trainer"] = True
        at.run()
        at.switch_page("app_pages/trainer.py").run()
        quiet_ms, quiet_sql = [], []
        for _ in range(RUNS):
            statements = 0
            start = time.perf_counter()
            fragment_rerun(at)
            quiet_ms.append((time.perf_counter() - start) * 1000)
            quiet_sql.append(statements)
        moved_ms, moved_sql = [], []
        for index in range(RUNS):
            with transaction(eng) as session:  # a participant's save, as ui.saving.save
                segments.add_segment(
                    session, workshop_id=first, data=SegmentInput(name=f"Live {index}")
                )
            revision_board().forget(first)  # the generation moves on
            statements = 0
            start = time.perf_counter()
            fragment_rerun(at)
            moved_ms.append((time.perf_counter() - start) * 1000)
            moved_sql.append(statements)
            assert [t.value for t in at.title] == ["Course gallery"], at.title
    finally:
        event.remove(eng, "before_cursor_execute", count)
        del os.environ["TRAINER_PASSWORD"]
        deployment.clear()
    quiet = statistics.median(quiet_ms)
    return {
        "participants": participants,
        "runs": RUNS,
        "empty_page_rerun_ms": round(empty_ms, 2),
        "quiet_tick_median_ms": round(quiet, 1),
        "quiet_tick_times_empty": round(quiet / empty_ms, 1),
        "quiet_tick_sql": max(quiet_sql),
        "tick_after_save_median_ms": round(statistics.median(moved_ms), 1),
        "tick_after_save_sql": max(moved_sql),
    }


def print_live_tick(figures: dict[str, Any]) -> None:
    within = (
        figures["quiet_tick_sql"] == 0
        and figures["quiet_tick_times_empty"] < TICK_BUDGET_TIMES_EMPTY
    )
    verdict = "within budget" if within else "OVER BUDGET"
    print(
        f"\nLive tick of the trainer's page, {figures['participants']} participants, nothing "
        f"changed, median of {figures['runs']}: {figures['quiet_tick_sql']} SQL (budget 0), "
        f"{figures['quiet_tick_median_ms']:.1f} ms = {figures['quiet_tick_times_empty']:.1f} × "
        f"the empty page's rerun of {figures['empty_page_rerun_ms']:.1f} ms (budget under "
        f"{TICK_BUDGET_TIMES_EMPTY} ×): {verdict}\n"
        f"  the tick after a save (page redrawn): {figures['tick_after_save_median_ms']:.1f} ms, "
        f"{figures['tick_after_save_sql']} SQL"
    )


if __name__ == "__main__":
    from benchmarks.quiet import quiet_streamlit

    quiet_streamlit()
    print_live_tick(measure_live_tick())
