"""Storing NPS answers: bulk adds in one statement, and counts read with GROUP BY.

However many answers a survey has, reading it costs a few small queries: the
distribution of scores per segment and per day, and the counts typed in directly.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import func, insert, select
from sqlmodel import Session, col

from canvas.domain import NotFound
from canvas.domain.nps import NpsCounts, NpsResponseInput, NpsSurvey
from canvas.store.tables import NpsAggregateRow, NpsResponseRow, SegmentRow, WorkshopRow
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


def load_survey(session: Session, *, workshop_id: int) -> NpsSurvey:
    """The survey as counts, in three small queries."""
    where = col(NpsResponseRow.workshop_id) == workshop_id
    per_segment = session.execute(
        select(col(NpsResponseRow.segment_id), col(NpsResponseRow.score), func.count())
        .where(where)
        .group_by(col(NpsResponseRow.segment_id), col(NpsResponseRow.score))
    ).all()
    per_day = session.execute(
        select(col(NpsResponseRow.answered_on), col(NpsResponseRow.score), func.count())
        .where(where, col(NpsResponseRow.answered_on).is_not(None))
        .group_by(col(NpsResponseRow.answered_on), col(NpsResponseRow.score))
    ).all()
    by_month: dict[str, list[int]] = {}
    for day, score, count in per_day:
        month = (day if isinstance(day, date) else date.fromisoformat(str(day))).strftime("%Y-%m")
        by_month.setdefault(month, [0] * 11)[score] += count
    typed = {
        row.segment_id: NpsCounts(
            promoters=row.promoters, passives=row.passives, detractors=row.detractors
        )
        for row in session.execute(
            select(NpsAggregateRow).where(col(NpsAggregateRow.workshop_id) == workshop_id)
        ).scalars()
    }
    return NpsSurvey(by_segment=_distribution(per_segment), by_month=by_month, typed=typed)
