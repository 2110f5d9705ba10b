"""The trainer's login session: a random token kept in a cookie, only its SHA-256 stored.

Logging in makes a token of 256 random bits. The browser keeps the token in a cookie (never
in the URL: the trainer's screen is projected); the database keeps its SHA-256 digest with
an expiry, so every app server can check it and a logout revokes it everywhere. A stolen
database holds no token that would open the trainer area.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Annotated

from pydantic import StringConstraints, TypeAdapter, ValidationError

SESSION_LIFETIME = timedelta(hours=12)  # a course day, then the password again
COOKIE_NAME = "cr_trainer_session"
TOKEN_BYTES = 32  # token_urlsafe(32) is 43 characters of A-Z a-z 0-9 - _

SessionToken = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{43}$")]
_TOKEN = TypeAdapter(SessionToken)


class Standing(StrEnum):
    """What a cookie's token is worth now."""

    VALID = "valid"
    EXPIRED = "expired"  # older than SESSION_LIFETIME: the trainer is told so
    REVOKED = "revoked"  # logged out
    UNKNOWN = "unknown"  # not a token this deployment made


@dataclass(frozen=True)
class StoredSession:
    """A trainer session as the store keeps it: the token's digest, never the token."""

    digest: str
    expires_at: datetime
    revoked_at: datetime | None = None


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def parse_token(raw: object) -> str | None:
    """The token in a cookie's value, or ``None`` for anything a login never made."""
    try:
        return _TOKEN.validate_python(raw)
    except ValidationError:
        return None


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything here is stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def standing(stored: StoredSession | None, *, token: str, now: datetime) -> Standing:
    """Whether ``token`` opens the trainer area at ``now``, given the row its digest found.

    The digests are compared in constant time, whatever the lookup that found the row.
    """
    if stored is None or not hmac.compare_digest(stored.digest, token_digest(token)):
        return Standing.UNKNOWN
    if stored.revoked_at is not None:
        return Standing.REVOKED
    if as_utc(stored.expires_at) <= as_utc(now):
        return Standing.EXPIRED
    return Standing.VALID
