"""Reading and saving the course frameworks' answers: SHURA, the twelve rules, loyalty check.

Answers are created the first time they are saved (version 0 means "not stored yet");
after that every save names the version it was read at, as everywhere in the store.
"""

from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from canvas.domain import NotFound, StaleEdit
from canvas.domain.frameworks import (
    FrameworkAnswers,
    StoredLoyaltyRating,
    StoredRuleScore,
    StoredShuraCell,
    StoredShuraRisk,
)
from canvas.domain.loyalty_check import CheckKind, LoyaltyRatingInput, check_key
from canvas.domain.shura import Audience, ShuraCellInput, ShuraRisk, ShuraRiskInput, ShuraStage
from canvas.domain.twelve_rules import ClevelandRule, RuleScoreInput
from canvas.store.tables import (
    LoyaltyRatingRow,
    RuleScoreRow,
    SegmentRow,
    ShuraCellRow,
    ShuraRiskRow,
)
from canvas.store.writes import guarded_update, touch


def _rows(session: Session, table: Any, workshop_id: int) -> list[Any]:
    query = select(table).where(table.workshop_id == workshop_id).order_by(table.id)
    return list(session.execute(query).scalars())


def load_frameworks(session: Session, *, workshop_id: int) -> FrameworkAnswers:
    """Every framework answer of a workshop, in four queries."""
    return FrameworkAnswers(
        shura_cells=[
            StoredShuraCell.model_validate(row, from_attributes=True)
            for row in _rows(session, ShuraCellRow, workshop_id)
        ],
        shura_risks=[
            StoredShuraRisk.model_validate(row, from_attributes=True)
            for row in _rows(session, ShuraRiskRow, workshop_id)
        ],
        rule_scores=[
            StoredRuleScore.model_validate(row, from_attributes=True)
            for row in _rows(session, RuleScoreRow, workshop_id)
        ],
        loyalty=[
            StoredLoyaltyRating.model_validate(row, from_attributes=True)
            for row in _rows(session, LoyaltyRatingRow, workshop_id)
        ],
    )


def _upsert(
    session: Session,
    table: Any,
    keys: dict[str, Any],
    values: dict[str, Any],
    version: int,
) -> bool:
    """Create or update one answer; ``False`` if it was already stored just like this."""
    query = select(table).where(*(getattr(table, k) == v for k, v in keys.items()))
    row = session.execute(query).scalars().first()
    if row is None:
        if version != 0:  # it was there when the page loaded; someone removed it
            raise StaleEdit(**{k: str(v) for k, v in keys.items()})
        session.add(table(**keys, **values))
        session.flush()
        return True
    if all(getattr(row, k) == v for k, v in values.items()):
        return False
    if version == 0:  # someone else created it after the page loaded
        raise StaleEdit(**{k: str(v) for k, v in keys.items()})
    guarded_update(session, table, row.id, version, values)
    return True


def save_shura(
    session: Session,
    *,
    workshop_id: int,
    cells: dict[tuple[ShuraStage, Audience], tuple[ShuraCellInput, int]],
    risks: dict[ShuraRisk, tuple[ShuraRiskInput, int]],
) -> None:
    """Save SHURA cells and risks together; one stale answer refuses the whole save."""
    for (stage, audience), (cell, version) in cells.items():
        keys = {"workshop_id": workshop_id, "stage": stage.value, "audience": audience.value}
        _upsert(session, ShuraCellRow, keys, cell.model_dump(), version)
    for risk, (answer, version) in risks.items():
        keys = {"workshop_id": workshop_id, "risk": risk.value}
        _upsert(session, ShuraRiskRow, keys, answer.model_dump(), version)
    touch(session, workshop_id)


def save_rules(
    session: Session,
    *,
    workshop_id: int,
    scores: dict[ClevelandRule, tuple[RuleScoreInput, int]],
) -> None:
    """Save the twelve rules' scores and notes in one go."""
    for rule, (answer, version) in scores.items():
        keys = {"workshop_id": workshop_id, "rule": rule.value}
        _upsert(session, RuleScoreRow, keys, answer.model_dump(), version)
    touch(session, workshop_id)


def save_loyalty_check(
    session: Session,
    *,
    workshop_id: int,
    segment_id: int | None,
    ratings: dict[tuple[CheckKind, str], tuple[LoyaltyRatingInput, int]],
) -> None:
    """Save the loyalty check for all customers (``segment_id=None``) or for one segment."""
    if segment_id is not None:
        segment = session.get(SegmentRow, segment_id)
        if segment is None or segment.workshop_id != workshop_id:
            raise NotFound(id=segment_id)
    scope = "all" if segment_id is None else str(segment_id)
    for (kind, key), (answer, version) in ratings.items():
        keys = {
            "workshop_id": workshop_id,
            "scope": scope,
            "kind": kind.value,
            "key": check_key(kind, key),
        }
        values = {"segment_id": segment_id, **answer.model_dump()}
        _upsert(session, LoyaltyRatingRow, keys, values, version)
    touch(session, workshop_id)
