"""``make profile PAGE=analysis``: where a page's warm rerun spends its time (pyinstrument).

Builds the benchmark's large workshop in a temporary SQLite database, runs the page once to
warm the caches, then profiles ``RERUNS`` warm reruns through AppTest and prints the call
tree, so a page that misses its budget shows what to fix.
"""

import os
import sys
import tempfile
from pathlib import Path

from benchmarks.pages import page_file

ROOT = Path(__file__).resolve().parents[1]
RERUNS = 10


def main(page: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='crprof-')}/prof.db"
    from pyinstrument import Profiler
    from streamlit.testing.v1 import AppTest

    from benchmarks.quiet import quiet_streamlit
    from benchmarks.run import build_document

    quiet_streamlit()
    from canvas.store import workshops
    from canvas.store.db import transaction
    from ui.engine import engine

    with transaction(engine()) as session:
        workshop = workshops.create_from_document(session, document=build_document())
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if page == "trainer":  # course mode, logged in, a course as in the benchmark
        from benchmarks.gallery_bench import build_course
        from benchmarks.run import TRAINER_COURSE

        build_course(engine(), TRAINER_COURSE)
        from ui.gate import deployment

        os.environ["TRAINER_PASSWORD"] = "profile page only"
        deployment.clear()  # the process reads its mode once
        at.session_state["trainer"] = True
        at.query_params["lang"] = "en"
        at.run()
        at.switch_page(page_file("trainer")).run()
    else:
        at.query_params.update({"w": str(workshop.id), "lang": "en"})
        at.run()
        at.switch_page(page_file(page)).run()
    at.run()
    # AppTest runs the script in a thread of its own; profile that thread, run by run
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    profiler = Profiler(interval=0.0005)
    thread_body = LocalScriptRunner._run_script_thread

    def profiled(runner: LocalScriptRunner) -> None:
        profiler.start()
        try:
            thread_body(runner)
        finally:
            profiler.stop()

    LocalScriptRunner._run_script_thread = profiled  # type: ignore[method-assign]
    for _ in range(RERUNS):
        at.run()
    assert not at.exception, at.exception
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "analysis")
