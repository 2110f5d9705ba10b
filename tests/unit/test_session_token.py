"""The trainer session's token: what a cookie may hold and what a stored digest allows."""

from datetime import UTC, datetime, timedelta

import pytest

from canvas.domain.trainer_session import (
    Standing,
    StoredSession,
    new_token,
    parse_token,
    standing,
    token_digest,
)

NOON = datetime(2026, 12, 12, 12, 0, tzinfo=UTC)


def test_every_login_gets_a_different_token_of_43_url_safe_characters():
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(parse_token(token) == token for token in tokens)


@pytest.mark.parametrize(
    "raw",
    [None, "", "short", "x" * 42, "x" * 44, "a" * 42 + "=", "a" * 42 + "%", 12, "я" * 43],
)
def test_a_cookie_value_no_login_could_have_made_is_no_token(raw):
    assert parse_token(raw) is None


def test_the_digest_is_the_tokens_sha256_in_hex():
    assert token_digest("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


@pytest.mark.parametrize(
    ("expires_in", "revoked", "expected"),
    [
        (timedelta(hours=1), False, Standing.VALID),
        (timedelta(0), False, Standing.EXPIRED),
        (timedelta(hours=-1), False, Standing.EXPIRED),
        (timedelta(hours=1), True, Standing.REVOKED),
        (timedelta(hours=-1), True, Standing.REVOKED),
    ],
)
def test_a_stored_session_is_valid_until_it_expires_or_is_revoked(expires_in, revoked, expected):
    token = new_token()
    stored = StoredSession(
        digest=token_digest(token),
        expires_at=NOON + expires_in,
        revoked_at=NOON if revoked else None,
    )
    assert standing(stored, token=token, now=NOON) is expected


def test_a_naive_expiry_from_sqlite_is_read_as_utc():
    token = new_token()
    stored = StoredSession(digest=token_digest(token), expires_at=datetime(2026, 12, 12, 13, 0))
    assert standing(stored, token=token, now=NOON) is Standing.VALID


def test_a_row_whose_digest_is_not_the_tokens_opens_nothing():
    stored = StoredSession(digest=token_digest(new_token()), expires_at=NOON + timedelta(hours=1))
    assert standing(stored, token=new_token(), now=NOON) is Standing.UNKNOWN
    assert standing(None, token=new_token(), now=NOON) is Standing.UNKNOWN
