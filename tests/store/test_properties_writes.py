"""Nothing is half-written: an import or a survey upload saves all of itself or nothing.

Each property counts the rows of every table before and after. A broken export that the
importer accepts becomes one complete workshop (as many rows in each table as the file
holds); a survey file's good rows all go in, or none do when the save is refused. To
show the "none" half holds wherever it might break, the writes are also made to fail at
a statement hypothesis picks, and the database must then be exactly as before.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import event as outcome
from hypothesis import strategies as st
from sqlalchemy import Engine, event, func, select
from sqlmodel import SQLModel

from canvas.content.demo import load_demo
from canvas.domain import SegmentInput, WorkshopDocument, WorkshopError, WorkshopInput
from canvas.domain.nps import NpsResponseInput
from canvas.export.json_io import ImportRefused, export_json, parse_json
from canvas.importers.nps_answers import answer_rows, segment_keys, unknown_segments
from canvas.importers.nps_file import SurveyFileRefused, parse_responses, read_table
from canvas.store import reads, workshops
from canvas.store import segments as segment_store
from canvas.store.db import reading, transaction
from canvas.store.nps import add_responses
from tests.unit.broken_files import broken_exports, column_choice, encoded, survey_files

PROPERTY = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MOST_ANSWERS = 5_000  # a file may ask for ten million; the property needs no more than this


class Fault(Exception):
    """The database "fails" here: a full disk, a lost connection, a killed server."""


@contextmanager
def failing_write(engine: Engine, at: int | None) -> Iterator[None]:
    """Make the ``at``-th INSERT, UPDATE or DELETE on ``engine`` fail (``None``: none does)."""
    written = 0

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal written
        if at is not None and statement.lstrip()[:6].upper() in {"INSERT", "UPDATE", "DELETE"}:
            written += 1
            if written == at:
                raise Fault(statement[:60])

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", count)


def row_counts(engine: Engine) -> dict[str, int]:
    """How many rows every table of the schema holds."""
    with reading(engine) as session:
        return {
            table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
        }


def _failed(error: BaseException) -> bool:
    """The injected fault, however the driver or SQLAlchemy wrapped it."""
    while error is not None:
        if isinstance(error, Fault):
            return True
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    return False


# ------------------------------------------------------------------ the JSON importer


def _added_by(document: WorkshopDocument) -> dict[str, int]:
    """The rows a workshop made from ``document`` holds, table by table."""
    return {
        "workshop": 1,
        "segment": len(document.segments),
        "relationship": 6 * len(document.segments),  # every type, answered or not
        "canvas_note": len(document.notes),
        "shura_cell": len(document.shura_cells),
        "shura_risk": len(document.shura_risks),
        "rule_score": len(document.twelve_rules),
        "loyalty_rating": len(document.loyalty),
        "nps_aggregate": len(document.nps_counts),
        "nps_response": sum(answer.count for answer in document.nps_answers),
        "touchpoint": len(document.touchpoints),
    }


def _accepted(raw: bytes) -> WorkshopDocument | None:
    try:
        return parse_json(raw, "en")
    except ImportRefused:
        return None


# The document's lists besides the segments: notes and every framework's answers.
LISTS = [n for n in WorkshopDocument.model_fields if n not in {"schema_version", "workshop"}]
LISTS.remove("segments")


@st.composite
def parts_of_the_demo(draw: st.DrawFn) -> WorkshopDocument:
    """A demo with some of its segments, notes and answers, from none to all of them."""
    data = json.loads(export_json(draw(st.sampled_from([load_demo("ru"), load_demo("en")]))))

    def some(items: list[Any]) -> list[Any]:
        kept = draw(st.sets(st.sampled_from(range(len(items))))) if items else set()
        return [item for position, item in enumerate(items) if position in kept]

    data["segments"] = some(data["segments"])
    names = {segment["name"] for segment in data["segments"]}
    for name in LISTS:
        data[name] = some(
            [item for item in data[name] if item.get("segment", None) in names | {None}]
        )
    return WorkshopDocument.model_validate(data)


importable = st.one_of(
    parts_of_the_demo(),
    st.builds(encoded, broken_exports(), st.booleans()).map(_accepted).filter(bool),
)


@PROPERTY
@given(document=importable, fail_at=st.none() | st.integers(1, 30))
def test_an_import_creates_the_whole_workshop_or_leaves_the_database_as_it_was(
    engine, document, fail_at
):
    assume(sum(answer.count for answer in document.nps_answers) <= MOST_ANSWERS)
    before = row_counts(engine)
    try:
        with failing_write(engine, fail_at), transaction(engine) as session:
            created = workshops.create_from_document(session, document=document).id
    except Exception as error:
        assert _failed(error) or isinstance(error, WorkshopError), repr(error)
        outcome(f"refused: {type(error).__name__}")
        assert row_counts(engine) == before
        return
    outcome("imported")
    after = row_counts(engine)
    added = _added_by(document)
    assert {name: after[name] - before[name] for name in after} == {
        name: added.get(name, 0) for name in after
    }
    with reading(engine) as session:
        stored = reads.load_document(session, workshop_id=created)
    assert [s.name for s in stored.segments] == [s.name for s in document.segments]
    assert stored.workshop == document.workshop


# ------------------------------------------------------------------ the survey file


@pytest.fixture
def shop(engine: Engine) -> tuple[int, dict[str, int]]:
    """A workshop with the two segments the generated files name."""
    with transaction(engine) as session:
        workshop = workshops.create_workshop(session, data=WorkshopInput(title="Shop")).id
        segments = {
            name: segment_store.add_segment(
                session, workshop_id=workshop, data=SegmentInput(name=name)
            ).id
            for name in ("Розница", "Опт")
        }
    return workshop, segments


def _good_rows(raw: bytes, choice: int) -> Any:
    try:
        table = read_table(raw, "ru")
        parsed = parse_responses(table, column_choice(table.headers, choice), "ru")
    except SurveyFileRefused:
        return None
    return parsed.good


@PROPERTY
@given(
    raw=survey_files(clean=True),
    choice=st.integers(0, 9),
    gone=st.booleans(),
    fail_at=st.none() | st.integers(1, 3),
)
def test_a_survey_files_good_rows_are_saved_all_together_or_not_at_all(
    engine, shop, raw, choice, gone, fail_at
):
    workshop, segments = shop
    good = _good_rows(raw, choice)
    assume(good is not None and len(good))
    known = segment_keys((i, name) for name, i in segments.items())
    # An unknown name goes where the user says; with ``gone`` that segment was deleted
    # meanwhile, and the store refuses the whole file.
    deleted = 10**6 if gone else segments["Опт"]
    chosen = {name: deleted for name in unknown_segments(good, known)}
    rows = answer_rows(good, known, chosen)
    for row in rows:
        NpsResponseInput.model_validate(row)  # what is stored unchecked, the domain accepts
    before = row_counts(engine)
    try:
        with failing_write(engine, fail_at), transaction(engine) as session:
            saved = add_responses(session, workshop_id=workshop, responses=rows)
    except Exception as error:
        assert _failed(error) or isinstance(error, WorkshopError), repr(error)
        outcome(f"refused: {type(error).__name__}")
        assert row_counts(engine) == before
        return
    outcome("saved")
    assert not (gone and chosen), "a file naming a deleted segment was saved"
    after = row_counts(engine)
    assert saved == len(good)
    assert {name: after[name] - before[name] for name in after} == {
        name: len(good) if name == "nps_response" else 0 for name in after
    }
