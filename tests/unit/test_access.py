"""Course mode's access rules and the trainer login's constant-time check and slow-down."""

import pytest

from canvas.domain.access import (
    FIRST_DELAY,
    MAX_DELAY,
    Deployment,
    LoginThrottle,
    Mode,
    attempt_login,
    may_open,
    password_matches,
)


def test_without_a_trainer_password_the_app_runs_in_local_mode():
    assert Deployment().mode is Mode.LOCAL
    assert Deployment(trainer_password="").mode is Mode.LOCAL
    assert Deployment(trainer_password="s3cret").mode is Mode.COURSE


def test_the_password_never_shows_in_the_deployments_text():
    assert "s3cret" not in repr(Deployment(trainer_password="s3cret"))
    assert "s3cret" not in str(Deployment(trainer_password="s3cret"))


@pytest.mark.parametrize(
    ("given", "expected", "match"),
    [
        ("s3cret", "s3cret", True),
        ("s3cret ", "s3cret", False),
        ("S3CRET", "s3cret", False),
        ("", "s3cret", False),
        ("пароль", "пароль", True),
    ],
)
def test_passwords_match_only_exactly(given, expected, match):
    assert password_matches(given, expected) is match


def test_local_mode_opens_every_workshop_to_everyone():
    assert may_open(mode=Mode.LOCAL, trainer=False, token=None, access_token="abc")


@pytest.mark.parametrize(
    ("trainer", "token", "allowed"),
    [
        (True, None, True),
        (False, "abc", True),
        (False, None, False),
        (False, "", False),
        (False, "abd", False),
        (False, "ab", False),
    ],
)
def test_course_mode_opens_a_workshop_to_the_trainer_or_its_token_holder(trainer, token, allowed):
    assert may_open(mode=Mode.COURSE, trainer=trainer, token=token, access_token="abc") is allowed


def test_each_failed_login_doubles_the_wait_up_to_a_ceiling_and_success_clears_it():
    throttle, waits = LoginThrottle(), []
    deployment = Deployment(trainer_password="right")
    for _ in range(9):
        assert not attempt_login(
            "wrong", deployment=deployment, throttle=throttle, client="a", sleep=waits.append
        )
    # 0, then 0.5, 1, 2, 4, 8, 16, then 32 capped at 30, and 30 again
    assert waits == [0, FIRST_DELAY, 1, 2, 4, 8, 16, MAX_DELAY, MAX_DELAY]
    assert throttle.delay("b") == 0  # another client is not slowed down
    assert attempt_login(
        "right", deployment=deployment, throttle=throttle, client="a", sleep=waits.append
    )
    assert waits[-1] == MAX_DELAY  # the right password also waited its turn
    assert throttle.delay("a") == 0


def test_no_password_can_log_in_when_none_is_configured():
    waits: list[float] = []
    assert not attempt_login(
        "", deployment=Deployment(), throttle=LoginThrottle(), client="a", sleep=waits.append
    )
