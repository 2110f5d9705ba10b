"""Trainer sessions in the store: opened at login, checked on every new page, revoked at logout.

Only the token's SHA-256 digest is stored (``canvas.domain.trainer_session``), so any app
server sharing the database accepts the cookie and a logout ends it on all of them.
"""

from datetime import datetime

from sqlalchemy import delete, select
from sqlmodel import Session, col

from canvas.domain.trainer_session import (
    SESSION_LIFETIME,
    Standing,
    StoredSession,
    new_token,
    standing,
    token_digest,
)
from canvas.store.tables import TrainerSessionRow, utcnow

KEEP_ENDED = SESSION_LIFETIME * 2  # ended rows stay this long, then the next login clears them


def open_session(session: Session, *, now: datetime | None = None) -> str:
    """A new trainer session; returns its token, which goes only into the trainer's cookie."""
    now = now or utcnow()
    session.execute(
        delete(TrainerSessionRow).where(col(TrainerSessionRow.expires_at) < now - KEEP_ENDED)
    )
    token = new_token()
    session.add(
        TrainerSessionRow(
            token_digest=token_digest(token), created_at=now, expires_at=now + SESSION_LIFETIME
        )
    )
    session.flush()
    return token


def _stored(session: Session, token: str) -> TrainerSessionRow | None:
    # The index finds the row by digest; ``standing`` decides with a constant-time compare.
    return session.execute(
        select(TrainerSessionRow).where(col(TrainerSessionRow.token_digest) == token_digest(token))
    ).scalar_one_or_none()


def check_session(session: Session, *, token: str, now: datetime | None = None) -> Standing:
    """What the token in a cookie is worth now: valid, expired, revoked or unknown."""
    row = _stored(session, token)
    stored = (
        None
        if row is None
        else StoredSession(
            digest=row.token_digest, expires_at=row.expires_at, revoked_at=row.revoked_at
        )
    )
    return standing(stored, token=token, now=now or utcnow())


def revoke_session(session: Session, *, token: str, now: datetime | None = None) -> bool:
    """End a session on every server ("Log out"); ``False`` if the token opened none."""
    row = _stored(session, token)
    if row is None or check_session(session, token=token, now=now) is Standing.UNKNOWN:
        return False
    if row.revoked_at is None:
        row.revoked_at = now or utcnow()
    return True
