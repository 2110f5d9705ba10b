"""Storing NPS answers: bulk adds in one statement, and counts read with GROUP BY.

However many answers a survey has, reading it costs a few small queries: the
distribution of scores per segment and per day, and the counts typed in directly.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import case, func, insert, select
from sqlmodel import Session, col

from canvas.domain import NotFound
from canvas.domain.nps import (
    COMMENTS_KEPT,
    NpsCategory,
    NpsComment,
    NpsCounts,
    NpsResponseInput,
    NpsSurvey,
)
from canvas.store.tables import (
    NpsAggregateRow,
    NpsResponseRow,
    SegmentRow,
    WorkshopRow,
    core_table,
    utcnow,
)
from canvas.store.writes import delete_where, guarded_update, touch


def _segment_ids(session: Session, workshop_id: int) -> set[int]:
    if session.get(WorkshopRow, workshop_id) is None:
        raise NotFound(id=workshop_id)
    query = select(col(SegmentRow.id)).where(col(SegmentRow.workshop_id) == workshop_id)
    return set(session.execute(query).scalars())


def add_responses(
    session: Session, *, workshop_id: int, responses: Iterable[NpsResponseInput | Mapping[str, Any]]
) -> int:
    """Add answers in one INSERT; any segment must belong to the workshop. Returns the count.

    Mappings come from the file importer, which has validated them column by column.
    """
    known = _segment_ids(session, workshop_id)
    rows: list[dict[str, Any]] = []
    for response in responses:
        values = response.model_dump() if isinstance(response, NpsResponseInput) else response
        segment = values.get("segment_id")
        if segment is not None and segment not in known:
            raise NotFound(id=segment)
        rows.append(
            {
                "workshop_id": workshop_id,
                "segment_id": segment,
                "score": int(values["score"]),
                "why": values.get("why") or "",
                "make_it_ten": values.get("make_it_ten") or "",
                "answered_on": values.get("answered_on"),
            }
        )
    if rows:
        session.execute(insert(NpsResponseRow), rows)
        touch(session, workshop_id)
    return len(rows)


def clear_responses(session: Session, *, workshop_id: int) -> None:
    """Remove every answer of the workshop's survey."""
    delete_where(session, NpsResponseRow, col(NpsResponseRow.workshop_id) == workshop_id)
    touch(session, workshop_id)


def set_counts(
    session: Session,
    *,
    workshop_id: int,
    segment_id: int | None,
    counts: NpsCounts,
    expected_version: int,
) -> None:
    """Type in a survey's counts for everyone (``segment_id=None``) or one segment.

    ``expected_version`` 0 creates them; afterwards the version read guards the save.
    """
    if segment_id is not None and segment_id not in _segment_ids(session, workshop_id):
        raise NotFound(id=segment_id)
    scope = "all" if segment_id is None else str(segment_id)
    row = session.execute(
        select(NpsAggregateRow).where(
            col(NpsAggregateRow.workshop_id) == workshop_id, col(NpsAggregateRow.scope) == scope
        )
    ).scalar_one_or_none()
    values = counts.model_dump()
    if row is None and expected_version == 0:
        session.add(
            NpsAggregateRow(workshop_id=workshop_id, segment_id=segment_id, scope=scope, **values)
        )
        session.flush()
    else:
        guarded_update(session, NpsAggregateRow, row.id if row else -1, expected_version, values)
    touch(session, workshop_id)


def _distribution(rows: Iterable[tuple[Any, int, int]]) -> dict[Any, list[int]]:
    grouped: dict[Any, list[int]] = {}
    for key, score, count in rows:
        grouped.setdefault(key, [0] * 11)[score] += count
    return grouped


def _comments(
    session: Session, workshop_id: int
) -> tuple[list[NpsComment], dict[NpsCategory, int]]:
    """The newest answers with text of each category, and how many there are, in one query."""
    category = case(
        (col(NpsResponseRow.score) >= 9, NpsCategory.PROMOTER.value),
        (col(NpsResponseRow.score) >= 7, NpsCategory.PASSIVE.value),
        else_=NpsCategory.DETRACTOR.value,
    )
    ranked = (
        select(
            col(NpsResponseRow.score),
            col(NpsResponseRow.why),
            col(NpsResponseRow.make_it_ten),
            col(NpsResponseRow.segment_id),
            col(NpsResponseRow.answered_on),
            category.label("category"),
            func.row_number()
            # newest by the answer's own date; undated answers after the dated ones, and
            # among equal dates the last written first
            .over(
                partition_by=category,
                order_by=(
                    col(NpsResponseRow.answered_on).desc().nulls_last(),
                    col(NpsResponseRow.id).desc(),
                ),
            )
            .label("rank"),
            func.count().over(partition_by=category).label("total"),
        )
        .where(
            col(NpsResponseRow.workshop_id) == workshop_id,
            (col(NpsResponseRow.why) != "") | (col(NpsResponseRow.make_it_ten) != ""),
        )
        .subquery()
    )
    rows = session.execute(
        select(ranked).where(ranked.c.rank <= COMMENTS_KEPT).order_by(ranked.c.rank)
    ).all()
    comments = [
        NpsComment(
            score=row.score,
            why=row.why,
            make_it_ten=row.make_it_ten,
            segment_id=row.segment_id,
            answered_on=_day(row.answered_on) if row.answered_on is not None else None,
        )
        for row in rows
    ]
    totals = {NpsCategory(row.category): row.total for row in rows}
    return comments, totals


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def load_survey(session: Session, *, workshop_id: int) -> NpsSurvey:
    """The survey as counts and the newest comments, in four small queries."""
    where = col(NpsResponseRow.workshop_id) == workshop_id
    per_segment = session.execute(
        select(col(NpsResponseRow.segment_id), col(NpsResponseRow.score), func.count())
        .where(where)
        .group_by(col(NpsResponseRow.segment_id), col(NpsResponseRow.score))
    ).all()
    # counted per month in the database: a two-year survey has 24 months but 700 days
    answered_on = col(NpsResponseRow.answered_on)
    month = (
        func.to_char(answered_on, "YYYY-MM")
        if session.get_bind().dialect.name == "postgresql"
        else func.strftime("%Y-%m", answered_on)
    )
    per_month = session.execute(
        select(month, col(NpsResponseRow.score), func.count())
        .where(where, answered_on.is_not(None))
        .group_by(month, col(NpsResponseRow.score))
    ).all()
    by_month: dict[str, list[int]] = {}
    for label, score, count in per_month:
        by_month.setdefault(str(label), [0] * 11)[score] += count
    aggregates = session.execute(
        select(NpsAggregateRow).where(col(NpsAggregateRow.workshop_id) == workshop_id)
    ).scalars()
    typed, versions = {}, {}
    for row in aggregates:
        typed[row.segment_id] = NpsCounts(
            promoters=row.promoters, passives=row.passives, detractors=row.detractors
        )
        versions[row.segment_id] = row.version
    comments, totals = _comments(session, workshop_id)
    return NpsSurvey(
        by_segment=_distribution(per_segment),
        by_month=by_month,
        typed=typed,
        typed_versions=versions,
        comments=comments,
        comment_totals=totals,
    )


def load_answer_groups(session: Session, *, workshop_id: int) -> list[tuple[Any, ...]]:
    """Every answer, identical ones grouped: (score, why, make it a 10, segment, day, count).

    A portable document carries the answers in this form, so a survey of a hundred
    thousand scores without comments takes a few hundred lines rather than 100,000.
    """
    columns = (
        col(NpsResponseRow.score),
        col(NpsResponseRow.why),
        col(NpsResponseRow.make_it_ten),
        col(NpsResponseRow.segment_id),
        col(NpsResponseRow.answered_on),
    )
    rows = session.execute(
        select(*columns, func.count(), func.min(NpsResponseRow.id))
        .where(col(NpsResponseRow.workshop_id) == workshop_id)
        .group_by(*columns)
        .order_by(func.min(NpsResponseRow.id))
    ).all()
    return [
        (score, why, ten, segment, _day(day) if day is not None else None, count)
        for score, why, ten, segment, day, count, _ in rows
    ]


CHUNK = 10_000  # rows per INSERT when a document's grouped answers are written back


def insert_answer_groups(
    session: Session, *, workshop_id: int, groups: Iterable[tuple[Any, ...]]
) -> int:
    """Write grouped answers (as ``load_answer_groups`` reads them) back, one row each.

    The caller has checked the segment ids; rows go in chunks so memory stays flat.
    """
    # A Core INSERT with the timestamps given: no ORM bulk bookkeeping, no default per row.
    statement, now = core_table(NpsResponseRow).insert(), utcnow()
    written = 0
    chunk: list[dict[str, Any]] = []
    for score, why, ten, segment, day, count in groups:
        row = {
            "workshop_id": workshop_id,
            "segment_id": segment,
            "score": score,
            "why": why,
            "make_it_ten": ten,
            "answered_on": day,
            "created_at": now,
            "updated_at": now,
        }
        for _ in range(count):
            chunk.append(row)
            if len(chunk) == CHUNK:
                session.execute(statement, chunk)
                written, chunk = written + len(chunk), []
    if chunk:
        session.execute(statement, chunk)
        written += len(chunk)
    return written
