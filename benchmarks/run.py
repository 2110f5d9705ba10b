"""``make bench``: how fast each page reruns, and how much SQL a rerun costs.

Builds a 40-segment workshop (all six types answered, 200 notes, 5,000 NPS answers,
300 touchpoints, the demo's SHURA, twelve-rules and loyalty answers) in a
temporary SQLite database, then for each page measures the median warm rerun time
through AppTest next to an empty page's, and counts SQL statements per rerun with
a SQLAlchemy event. Prints a table and writes ``benchmarks/results.json``.
"""

import json
import os
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from benchmarks.pages import page_file

ROOT = Path(__file__).resolve().parents[1]
RERUNS = 15
PAGES = [
    "workshops",
    "segments",
    "relationships",
    "canvas",
    "analysis",
    "summary",
    "shura",
    "twelve_rules",
    "loyalty_check",
    "nps",
    "touchpoints",
    "present",
]
TRAINER_COURSE = 30  # participants in the course the trainer page shows


def measure_trainer_page(engine, measure) -> dict:
    """The trainer's page in course mode, logged in, on a course of 30 participants."""
    from streamlit.testing.v1 import AppTest

    from benchmarks.gallery_bench import build_course
    from ui.gate import deployment

    build_course(engine, TRAINER_COURSE)
    os.environ["TRAINER_PASSWORD"] = "benchmark only"  # course mode for this page
    deployment.clear()  # the process reads its mode once; read it again
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["lang"] = "en"
        at.session_state["trainer"] = True
        at.run()
        at.switch_page(page_file("trainer"))  # explicitly: a fresh AppTest may land elsewhere
        median_ms, first, warm = measure(at)
        assert [t.value for t in at.title] == ["Course gallery"], at.title
    finally:
        del os.environ["TRAINER_PASSWORD"]
        deployment.clear()
    return {
        "page": "trainer",
        "median_rerun_ms": round(median_ms, 1),
        "sql_first_run": first,
        "sql_per_warm_rerun": warm,
    }


def build_document(segments: int = 40):
    from canvas.content.demo import load_demo
    from canvas.domain import NOTE_BLOCKS, Language, Motive, RelationshipType, WorkshopDocument
    from canvas.domain.document import (
        NoteDocument,
        NpsAnswerDocument,
        RelationshipDocument,
        SegmentDocument,
        TouchpointDocument,
    )
    from canvas.domain.touchpoint import TouchpointCategory, TouchpointRating
    from canvas.domain.vocabulary import default_colour

    demo = load_demo(Language.EN)
    docs = []
    for index in range(segments):
        docs.append(
            SegmentDocument(
                name=f"Segment {index + 1:02d}",
                description="A generated segment for the benchmark.",
                customers=100 + index * 37,
                revenue_per_customer=Decimal(500 + index * 25),
                acquisition_cost=Decimal(120 + index),
                retention_rate=55 + index % 40,
                colour=default_colour(index),
                relationships=[
                    RelationshipDocument(
                        type=kind,
                        expected=(index + k) % 4,
                        established=(index + 2 * k) % 4,
                        motives=frozenset([list(Motive)[(index + k) % 3]]),
                        yearly_cost=Decimal(1000 * (k + 1)),
                        integration={"channels": "Generated tie to channels."},
                    )
                    for k, kind in enumerate(RelationshipType)
                ],
            )
        )
    notes = [
        NoteDocument(
            block=block,
            text=f"Note {n} on {block.value}",
            segment=docs[n % segments].name if n % 2 else None,
        )
        for n in range(200)
        for block in [NOTE_BLOCKS[n % len(NOTE_BLOCKS)]]
    ]
    # 5,000 single answers over two years, a comment on every fifth
    answers = [
        NpsAnswerDocument(
            score=(n * 7) % 11,
            why=f"Reason {n}" if n % 5 == 0 else "",
            make_it_ten=f"Idea {n}" if n % 10 == 0 else "",
            segment=docs[n % segments].name if n % 3 else None,
            answered_on=date(2025, 1, 1) + timedelta(days=n % 700),
        )
        for n in range(5000)
    ]
    categories, ratings = list(TouchpointCategory), [*TouchpointRating, None]
    touchpoints = [
        TouchpointDocument(
            name=f"Touchpoint {n:03d}",
            category=categories[n % 4],
            rating=ratings[n % 4],
            relationship_type=list(RelationshipType)[n % 6] if n % 2 else None,
            idea=f"Improve touchpoint {n}" if n % 3 == 0 else "",
            segment=docs[n % segments].name if n % 4 else None,
        )
        for n in range(300)
    ]
    # The demo's framework answers, so every assessment is filled in too.
    return WorkshopDocument(
        nps_answers=answers,
        touchpoints=touchpoints,
        workshop=demo.workshop.model_copy(update={"title": "Bench"}),
        segments=docs,
        notes=notes,
        shura_cells=demo.shura_cells,
        shura_risks=demo.shura_risks,
        twelve_rules=demo.twelve_rules,
        loyalty=[answer for answer in demo.loyalty if answer.segment is None],
    )


EXPORT_RUNS = 5


def measure_exports(engine, workshop_id: int) -> dict[str, float]:
    """Median milliseconds for each export and for importing the JSON back."""
    from benchmarks.pptx_bench import measure_demo_deck
    from canvas.domain import WorkshopInput
    from canvas.export.files import ExportFormat, export_file
    from canvas.export.json_io import parse_json
    from canvas.store import reads, workshops
    from canvas.store.db import reading, transaction

    with reading(engine) as session:
        snapshot = reads.load_view(session, workshop_id=workshop_id)
        document = reads.load_document(session, workshop_id=workshop_id)

    def median_ms(work) -> float:
        times = []
        for _ in range(EXPORT_RUNS):
            start = time.perf_counter()
            work()
            times.append((time.perf_counter() - start) * 1000)
        return round(statistics.median(times), 1)

    # JSON carries the document: the 5,000 single NPS answers as well as the snapshot
    figures = {
        f"{fmt.name.lower()} export": median_ms(
            lambda fmt=fmt: export_file(snapshot, fmt, document=document)
        )
        for fmt in ExportFormat
    }
    figures["pptx export (demo)"] = measure_demo_deck()  # the 40-segment one is "pptx export"
    raw = export_file(snapshot, ExportFormat.JSON, document=document).data

    def import_once() -> None:
        document = parse_json(raw, "en")
        with transaction(engine) as session:
            workshops.create_from_document(session, document=document)

    figures["json import"] = median_ms(import_once)
    # into a workshop of its own: the pages are measured on the 5,000-answer one
    with transaction(engine) as session:
        survey = workshops.create_workshop(
            session, data=WorkshopInput(title="Survey import", language="en")
        )
    figures["nps 100k file (1 run)"] = round(measure_nps_store(engine, survey.id) * 1000, 1)
    return figures


def measure_nps_store(engine, workshop_id: int, rows: int = 100_000) -> float:
    """Seconds to read, check, store (one INSERT) and count a 100,000-answer survey file."""
    from benchmarks.nps_import_bench import survey_file
    from canvas.importers.nps_file import parse_responses, read_table
    from canvas.importers.survey_columns import suggest_mapping
    from canvas.store import nps
    from canvas.store.db import reading, transaction

    raw = survey_file(rows)
    start = time.perf_counter()
    table = read_table(raw, "en")
    parsed = parse_responses(table, suggest_mapping(table.headers), "en")
    answers = [
        {"score": int(score), "why": why, "make_it_ten": ten, "answered_on": day}
        for score, why, ten, day in zip(
            parsed.good["score"],
            parsed.good["why"],
            parsed.good["make_it_ten"],
            parsed.good["date"],
            strict=True,
        )
    ]
    with transaction(engine) as session:
        nps.add_responses(session, workshop_id=workshop_id, responses=answers)
    with reading(engine) as session:
        survey = nps.load_survey(session, workshop_id=workshop_id)
    assert survey.counts(overall=True).n >= len(answers)
    return time.perf_counter() - start


def times_floor(ms: float, floor_ms: float) -> float:
    """``ms`` as a multiple of the floor measured in the same run."""
    return round(ms / floor_ms, 1)


def main() -> None:
    directory = tempfile.mkdtemp(prefix="crbench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.db"
    from benchmarks.quiet import quiet_streamlit

    quiet_streamlit()
    from sqlalchemy import event
    from streamlit.testing.v1 import AppTest

    from benchmarks.gallery_bench import measure_gallery, print_gallery
    from benchmarks.live_bench import measure_live_tick, print_live_tick
    from benchmarks.live_browser_bench import measure_live_browser, print_live_browser
    from benchmarks.nginx_bench import measure_nginx_room, print_nginx_room
    from benchmarks.nps_import_bench import measure_workbook_reads
    from benchmarks.save_bench import measure_saves
    from benchmarks.server_bench import measure_server
    from benchmarks.session_memory_bench import measure_session_memory, print_session_memory
    from canvas.store import workshops
    from canvas.store.db import transaction
    from ui.engine import engine

    eng = engine()
    with transaction(eng) as session:
        workshop = workshops.create_from_document(session, document=build_document())
    statements = 0

    def count(*_args: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(eng, "before_cursor_execute", count)

    def measure(at: AppTest) -> tuple[float, int, int]:
        nonlocal statements
        statements = 0
        at.run()
        first = statements
        times, counts = [], []
        for _ in range(RERUNS):
            statements = 0
            start = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - start) * 1000)
            counts.append(statements)
            assert not at.exception, at.exception
        return statistics.median(times), first, max(counts)

    exports = measure_exports(eng, workshop.id)
    workbook_reads = measure_workbook_reads()  # seconds, one run each
    gallery = measure_gallery()  # its own database, so the pages' workshop list stays small
    # the server measures go first, on a copy of the database the pages will write to
    copy = Path(directory) / "server.db"
    shutil.copyfile(Path(directory) / "bench.db", copy)
    server = measure_server(
        f"sqlite:///{copy}", workshop.id, "Segment 01", Path(directory) / "streamlit.log"
    )

    live_browser = measure_live_browser()  # its own course-mode server and database
    session_memory = measure_session_memory()  # its own servers on PostgreSQL
    nginx_room = measure_nginx_room()  # its own PostgreSQL, two servers and nginx

    empty = AppTest.from_string("import streamlit as st\nst.write('empty')")
    baseline, _, _ = measure(empty)
    rows = []
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["w"] = str(workshop.id)
        at.query_params["lang"] = "en"
        at.run()
        at.switch_page(page_file(page))
        median_ms, first, warm = measure(at)
        rows.append(
            {
                "page": page,
                "median_rerun_ms": round(median_ms, 1),
                "sql_first_run": first,
                "sql_per_warm_rerun": warm,
            }
        )
    rows.append(measure_trainer_page(eng, measure))

    def open_page(page: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["w"] = str(workshop.id)
        at.query_params["lang"] = "en"
        at.run()
        at.switch_page(page_file(page)).run()
        return at

    def counted() -> int:
        return statements

    def reset() -> None:
        nonlocal statements
        statements = 0

    saves = measure_saves(open_page, counted, reset)
    event.remove(eng, "before_cursor_execute", count)
    live = measure_live_tick()  # last: its 200 participants would crowd the pages above
    for row in rows:
        row.update(saves.get(str(row["page"]), {}))
        row["rerun_times_empty"] = times_floor(float(row["median_rerun_ms"]), baseline)
        if "median_save_ms" in row:
            row["save_times_empty"] = times_floor(float(row["median_save_ms"]), baseline)
    result = {
        "segments": 40,
        "notes": 200,
        "nps_answers": 5000,
        "touchpoints": 300,
        "reruns": RERUNS,
        "empty_page_rerun_ms": round(baseline, 1),
        "pages": rows,
        "exports_ms": exports,
        "nps_workbook_read_s": workbook_reads,
        "gallery": gallery,
        "live_tick": live,
        "live_browser": live_browser,
        "session_memory": session_memory,
        "nginx_room": nginx_room,
        **server,
    }
    print(
        f"Warm reruns through AppTest, 40 segments, median of {RERUNS}; "
        f"× empty = per the empty page's rerun, {baseline:.1f} ms in this run"
    )
    print(
        f"{'page':<15}{'rerun ms':>10}{'× empty':>9}{'save ms':>9}{'× empty':>9}"
        f"{'SQL first':>11}{'SQL warm':>10}{'SQL save':>10}"
    )
    print(
        f"{'(empty page)':<15}{baseline:>10.1f}{1.0:>9.1f}"
        + "".join(f"{'-':>{w}}" for w in (9, 9, 11, 10, 10))
    )
    for row in rows:
        save_ms = f"{row['median_save_ms']:.1f}" if "median_save_ms" in row else "-"
        save_x = f"{row['save_times_empty']:.1f}" if "save_times_empty" in row else "-"
        print(
            f"{row['page']:<15}{row['median_rerun_ms']:>10.1f}{row['rerun_times_empty']:>9.1f}"
            f"{save_ms:>9}{save_x:>9}"
            f"{row['sql_first_run']:>11}{row['sql_per_warm_rerun']:>10}"
            f"{row.get('sql_per_save', '-'):>10}"
        )
    print("(budgets: 60 ms per warm rerun, no SQL on an unchanged one)")
    print(
        f"\nExports of the same workshop, median of {EXPORT_RUNS} "
        "(budgets: exports 500 ms, the PowerPoint deck none yet; JSON import 300 ms, "
        "NPS file 5000 ms)"
    )
    for name, ms in exports.items():
        print(f"{name:<15}{ms:>10.1f} ms")
    print("NPS survey workbook of 5,000 responses, read and checked once:")
    for kind, seconds in workbook_reads.items():
        print(f"  .{kind:<13}{seconds:>10.2f} s")
    print_gallery(gallery)
    print_live_tick(live)
    print_live_browser(live_browser)
    print_nginx_room(nginx_room)
    memory, click = server["memory"], server["click_to_visible"]
    print(
        f"\nServer memory: {memory['rss_idle_mb']} MB idle, peak {memory['peak_rss_mb']} MB "
        f"with {memory['sessions']} sessions open"
    )
    print_session_memory(session_memory)
    if "median_ms" in click:
        print(
            f"Chromium, click to visible, median of {click['clicks']}, timed in the page:\n"
            f"  relationships save to the updated answer: {click['median_ms']:.1f} ms, "
            f"{click['times_floor']:.1f} × the floor (budget 400 ms)\n"
            f"  floor, a one-button page's click to its new text: "
            f"{click['floor_median_ms']:.1f} ms"
        )
    else:
        print(f"Chromium click-to-visible skipped: {click['skipped']}")
    out = ROOT / "benchmarks" / "results.json"
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
