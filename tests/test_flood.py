"""The flood guard, on a fake clock: one warning past the limit, quiet for a window, per user."""

from __future__ import annotations

import pytest

from bot.flood import FloodGuard, Verdict

ALLOW, WARN, IGNORE = Verdict.ALLOW, Verdict.WARN, Verdict.IGNORE


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_over_the_limit_one_warning_then_silence_until_the_window_passed() -> None:
    clock = Clock()
    guard = FloodGuard(limit=3, window=10, clock=clock)
    assert [guard.check("a") for _ in range(3)] == [ALLOW] * 3
    assert guard.check("a") is WARN
    clock.now += 9.9
    assert [guard.check("a") for _ in range(5)] == [IGNORE] * 5  # does not extend the mute
    clock.now += 0.1  # one window after the warning
    assert [guard.check("a") for _ in range(3)] == [ALLOW] * 3  # a fresh start
    assert guard.check("a") is WARN


def test_other_users_are_not_affected() -> None:
    clock = Clock()
    guard = FloodGuard(limit=2, window=10, clock=clock)
    assert [guard.check("a") for _ in range(4)] == [ALLOW, ALLOW, WARN, IGNORE]
    assert [guard.check("b") for _ in range(2)] == [ALLOW, ALLOW]


def test_the_window_slides() -> None:
    clock = Clock()
    guard = FloodGuard(limit=3, window=10, clock=clock)
    for offset in (0, 4, 8, 12):  # never more than 3 within any 10 seconds
        clock.now = 1000 + offset
        assert guard.check("a") is ALLOW
    clock.now = 1013  # 1004, 1008, 1012 and 1013 are within 10 seconds: one too many
    assert guard.check("a") is WARN


def test_a_limit_of_zero_turns_the_guard_off() -> None:
    guard = FloodGuard(limit=0, window=10)
    assert all(guard.check("a") is ALLOW for _ in range(1000))
    with pytest.raises(ValueError):
        FloodGuard(limit=-1, window=10)
    with pytest.raises(ValueError):
        FloodGuard(limit=3, window=0)


def test_idle_users_are_forgotten() -> None:
    clock = Clock()
    guard = FloodGuard(limit=2, window=10, clock=clock)
    for user in range(100):
        guard.check(user)
    assert len(guard) == 100
    clock.now += 10
    guard.check("late")
    clock.now += 10
    guard.check("later")
    assert len(guard) == 1
