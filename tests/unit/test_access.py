"""Course mode's access rules, the trainer login's constant-time check, its slow-downs and
the shortest password course mode accepts."""

import pytest

from canvas.domain.access import (
    Deployment,
    Login,
    Mode,
    attempt_login,
    may_open,
    password_matches,
)
from canvas.domain.throttle import MAX_DELAY, CheckLimiter, own_delay

PASSWORD = "correct horse battery staple"


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


class FakeClock:
    """A monotonic clock that moves only when told to (or when a fake sleep passes)."""

    def __init__(self) -> None:
        self.now = 100.0
        self.waits: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


def _clock() -> FakeClock:
    return FakeClock()


def test_a_sessions_own_wrong_guesses_double_its_wait_up_to_thirty_seconds():
    # 0 before any wrong guess, then 0.5, 1, 2, 4, 8, 16, then 32 capped at 30
    assert [own_delay(n) for n in range(9)] == [0, 0.5, 1, 2, 4, 8, 16, 30, 30]
    assert own_delay(10_000) == MAX_DELAY


def test_the_limiter_lets_ten_checks_through_at_once_then_queues_ten_more_within_a_second():
    clock = _clock()
    limiter = CheckLimiter(clock=clock)

    waits = [limiter.reserve() for _ in range(21)]

    # ten tokens in the bucket; then turns every tenth of a second up to one second away;
    # the 21st would wait 1.1 s and is refused
    assert waits[:10] == [0.0] * 10
    assert waits[10:20] == pytest.approx([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
    assert waits[20] is None


def test_the_limiter_refills_ten_turns_a_second():
    clock = _clock()
    limiter = CheckLimiter(clock=clock)
    for _ in range(20):
        limiter.reserve()  # the bucket owes ten turns

    clock.now += 0.5  # five turns come back: it owes five
    assert limiter.reserve() == pytest.approx(0.6)
    clock.now += 10  # a quiet spell refills the bucket to ten, never more
    assert [limiter.reserve() for _ in range(11)] == pytest.approx([0.0] * 10 + [0.1])


def test_six_wrong_guesses_from_one_browser_do_not_slow_the_trainers_correct_password():
    clock = _clock()
    limiter = CheckLimiter(clock=clock)
    deployment = Deployment(trainer_password=PASSWORD)
    for failures in range(6):  # the session's count so far, one more after each guess
        outcome = attempt_login(
            "guess", deployment=deployment, failures=failures, limiter=limiter, sleep=clock.sleep
        )
        assert outcome is Login.WRONG
    # the guesser waited 0, 0.5, 1, 2, 4, 8 seconds before its checks
    assert [w for w in clock.waits if w] == [0.5, 1, 2, 4, 8]

    clock.waits.clear()
    trainer = attempt_login(
        PASSWORD, deployment=deployment, failures=0, limiter=limiter, sleep=clock.sleep
    )

    assert trainer is Login.ACCEPTED
    assert sum(clock.waits) == 0  # same address, another session: no wait at all


def test_a_flood_of_guesses_delays_the_trainer_by_at_most_one_second_or_asks_to_retry():
    clock = _clock()
    limiter = CheckLimiter(clock=clock)
    deployment = Deployment(trainer_password=PASSWORD)
    for _ in range(19):  # nineteen fresh sessions guess in the same instant
        limiter.reserve()

    clock.waits.clear()
    first = attempt_login(
        PASSWORD, deployment=deployment, failures=0, limiter=limiter, sleep=lambda s: None
    )
    second = attempt_login(
        PASSWORD, deployment=deployment, failures=0, limiter=limiter, sleep=lambda s: None
    )

    assert first is Login.ACCEPTED  # the 20th turn: one second away
    assert second is Login.BUSY  # the 21st would be 1.1 s away: refused, not checked


def test_no_password_can_log_in_when_none_is_configured():
    waits: list[float] = []
    outcome = attempt_login(
        "", deployment=Deployment(), failures=0, limiter=CheckLimiter(), sleep=waits.append
    )
    assert outcome is Login.WRONG


@pytest.mark.parametrize(
    ("password", "too_short"),
    [
        (None, False),
        ("", False),
        ("s3cret", True),
        ("eleven char", True),
        ("twelve chars", False),
        ("двенадцатьбу", False),  # twelve characters, twenty-four bytes
    ],
)
def test_a_trainer_password_under_twelve_characters_is_too_short(password, too_short):
    assert Deployment(trainer_password=password).password_too_short is too_short
