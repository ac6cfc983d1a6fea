"""The flood guard, on a fake clock: one warning past the limit, quiet for a window, per user."""

from __future__ import annotations

import pytest

from bot.flood import KEEP_SECONDS, FloodGuard, Verdict

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
    clock.now += KEEP_SECONDS - 10
    guard.check("late")
    assert len(guard) == 101  # kept a while: a backlog may still hold their messages
    clock.now += 10
    guard.check("later")
    assert len(guard) == 2


def test_messages_count_by_when_they_were_sent_even_if_handled_much_later() -> None:
    clock = Clock()
    guard = FloodGuard(limit=2, window=10, clock=clock)
    verdicts = []
    for n in range(4):  # sent within one second, handled 30 s apart (a long backlog)
        clock.now += 30
        verdicts.append(guard.check("a", sent_at=1000.0 + n / 4))
    assert verdicts == [ALLOW, ALLOW, WARN, IGNORE]
    assert guard.check("a", sent_at=1010.5) is ALLOW  # sent after the mute: a fresh start


def test_messages_handled_out_of_order_are_counted_in_the_window_they_were_sent() -> None:
    guard = FloodGuard(limit=2, window=10, clock=Clock())
    assert guard.check("a", sent_at=105.0) is ALLOW
    assert guard.check("a", sent_at=100.0) is ALLOW  # handled second, sent first
    assert guard.check("a", sent_at=116.0) is ALLOW  # both older ones are out of its window
