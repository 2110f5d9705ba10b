"""The trainer's course gallery with 500 participants: its time and its SQL query count.

Builds a course of 500 workshops in a temporary SQLite database, each with three
segments, the first of which has one relationship type answered (expected, built and
costed), then times ``courses.gallery`` (median of ``RUNS``) and counts the SQL
statements one call sends (a SQLAlchemy ``before_cursor_execute`` listener). The count
must not grow with the number of workshops: five queries, whatever the course's size
(SQLite's ``BEGIN``, which ``canvas.store.db`` sends itself, is not counted).
"""

import statistics
import tempfile
import time
from decimal import Decimal
from typing import Any

WORKSHOPS = 500
SEGMENTS_EACH = 3
RUNS = 15


def build_course(engine: Any, workshops: int = WORKSHOPS) -> int:
    """A course with ``workshops`` participants; returns its id."""
    from canvas.domain import RelationshipInput, RelationshipType, SegmentInput
    from canvas.domain.course import CourseInput, JoinRequest
    from canvas.store import courses, relationships, segments
    from canvas.store.db import transaction

    with transaction(engine) as session:
        course = courses.create_course(session, data=CourseInput(title="Bench", language="en"))
        for index in range(workshops):
            workshop = courses.join_course(
                session,
                request=JoinRequest(code=course.join_code, display_name=f"P{index:03d}"),
            )
            for number in range(SEGMENTS_EACH):
                segment = segments.add_segment(
                    session, workshop_id=workshop.id, data=SegmentInput(name=f"S{number}")
                )
                if number == 0:
                    answer = RelationshipInput(expected=2, established=1, yearly_cost=Decimal(1000))
                    relationships.save_relationships(
                        session,
                        segment_id=segment.id,
                        answers={RelationshipType.PERSONAL_ASSISTANCE: (answer, 1)},
                    )
    return course.id


def measure_gallery(workshops: int = WORKSHOPS) -> dict[str, Any]:
    """Median milliseconds and SQL statements of one ``courses.gallery`` call."""
    from sqlalchemy import event

    from canvas.ops.migrate import upgrade
    from canvas.store import courses
    from canvas.store.db import make_engine, reading

    directory = tempfile.mkdtemp(prefix="crgallery-")
    engine = make_engine(f"sqlite:///{directory}/gallery.db")
    try:
        upgrade(engine)
        course_id = build_course(engine, workshops)
        statements = 0

        def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
            nonlocal statements
            if statement.strip().upper() != "BEGIN":  # SQLite's own BEGIN is no query
                statements += 1

        event.listen(engine, "before_cursor_execute", count)
        times, counts = [], []
        for _ in range(RUNS):
            statements = 0
            start = time.perf_counter()
            with reading(engine) as session:
                entries = courses.gallery(session, course_id=course_id)
            times.append((time.perf_counter() - start) * 1000)
            counts.append(statements)
            assert len(entries) == workshops
            assert all(entry.segments == SEGMENTS_EACH for entry in entries)
    finally:
        engine.dispose()
    return {
        "workshops": workshops,
        "segments_each": SEGMENTS_EACH,
        "runs": RUNS,
        "median_ms": round(statistics.median(times), 1),
        "sql_queries": max(counts),
    }


def print_gallery(figures: dict[str, Any]) -> None:
    print(
        f"\nCourse gallery, {figures['workshops']} workshops × {figures['segments_each']} "
        f"segments, median of {figures['runs']}: {figures['median_ms']:.1f} ms, "
        f"{figures['sql_queries']} SQL queries"
    )


if __name__ == "__main__":
    print_gallery(measure_gallery())
