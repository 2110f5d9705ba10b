"""Trainer sessions in the store, on SQLite and PostgreSQL: opened, checked, expired, revoked."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlmodel import col

from canvas.domain.trainer_session import Standing, parse_token, token_digest
from canvas.store import trainer_sessions
from canvas.store.db import reading, transaction
from canvas.store.tables import TrainerSessionRow

NOON = datetime(2026, 12, 12, 12, 0, tzinfo=UTC)


def _open(engine, now=NOON) -> str:
    with transaction(engine) as session:
        return trainer_sessions.open_session(session, now=now)


def _check(engine, token: str, now=NOON) -> Standing:
    with reading(engine) as session:
        return trainer_sessions.check_session(session, token=token, now=now)


def test_a_new_session_is_valid_for_twelve_hours_and_keeps_only_the_tokens_digest(engine):
    token = _open(engine)

    assert parse_token(token) == token  # 43 URL-safe characters
    with reading(engine) as session:
        [row] = session.execute(select(TrainerSessionRow)).scalars().all()
    assert row.token_digest == token_digest(token)
    assert token not in (row.token_digest, str(row.id))
    assert _check(engine, token) is Standing.VALID
    assert _check(engine, token, NOON + timedelta(hours=11, minutes=59)) is Standing.VALID


def test_a_session_has_expired_from_its_twelfth_hour_on(engine):
    token = _open(engine)

    assert _check(engine, token, NOON + timedelta(hours=12)) is Standing.EXPIRED
    assert _check(engine, token, NOON + timedelta(days=3)) is Standing.EXPIRED


def test_an_expiry_set_in_the_past_in_the_database_is_refused(engine):
    token = _open(engine)
    with transaction(engine) as session:
        session.execute(update(TrainerSessionRow).values(expires_at=NOON - timedelta(seconds=1)))

    assert _check(engine, token) is Standing.EXPIRED


def test_a_revoked_session_is_refused_and_other_sessions_stay_valid(engine):
    laptop, phone = _open(engine), _open(engine)

    with transaction(engine) as session:
        assert trainer_sessions.revoke_session(session, token=laptop, now=NOON)

    assert _check(engine, laptop) is Standing.REVOKED
    assert _check(engine, phone) is Standing.VALID
    with transaction(engine) as session:  # a second logout changes nothing
        assert trainer_sessions.revoke_session(session, token=laptop, now=NOON)
    assert _check(engine, laptop) is Standing.REVOKED


def test_a_token_no_login_made_is_unknown_and_revokes_nothing(engine):
    token = _open(engine)
    other = ("A" if token[0] != "A" else "B") + token[1:]

    assert _check(engine, other) is Standing.UNKNOWN
    with transaction(engine) as session:
        assert not trainer_sessions.revoke_session(session, token=other, now=NOON)
    assert _check(engine, token) is Standing.VALID


def test_a_login_clears_sessions_that_ended_more_than_a_day_ago(engine):
    old = _open(engine, NOON - timedelta(days=2))
    recent = _open(engine, NOON - timedelta(hours=20))  # expired 8 hours ago: kept

    _open(engine)

    with reading(engine) as session:
        digests = set(session.execute(select(col(TrainerSessionRow.token_digest))).scalars())
        count = session.execute(select(func.count()).select_from(TrainerSessionRow)).scalar()
    assert token_digest(old) not in digests
    assert token_digest(recent) in digests
    assert count == 2
