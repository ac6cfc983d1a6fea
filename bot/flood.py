"""A per-user flood guard: past `limit` messages within `window` seconds, one warning, then quiet.

A user's messages are counted over a sliding window. The one that goes over the limit gets
Verdict.WARN (the adapter sends a single "slow down"); from then on the user is muted for one
window, measured from that message: everything they send in it gets Verdict.IGNORE, and
does not extend the mute. Afterwards they start afresh. Other users are never affected.

Pure and synchronous, with an injectable clock; not thread-safe (the bot calls it from its
event loop only).
"""

from __future__ import annotations

import enum
import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field


class Verdict(enum.Enum):
    """What to do with one message."""

    ALLOW = "allow"
    WARN = "warn"  # over the limit just now: say "slow down", once
    IGNORE = "ignore"  # muted: say nothing


@dataclass
class _User:
    times: deque[float] = field(default_factory=deque)
    muted_until: float = 0.0


class FloodGuard:
    """Counts each user's messages; a `limit` of 0 turns the guard off."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if limit < 0 or window <= 0:
            raise ValueError(f"a flood limit needs limit >= 0 and window > 0, not {limit}/{window}")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._users: dict[Hashable, _User] = {}
        self._next_sweep = clock() + window

    def check(self, user: Hashable) -> Verdict:
        """Count one message from `user` and say whether to handle it."""
        if self.limit == 0:
            return Verdict.ALLOW
        now = self._clock()
        self._sweep(now)
        state = self._users.setdefault(user, _User())
        if now < state.muted_until:
            return Verdict.IGNORE
        while state.times and state.times[0] <= now - self.window:
            state.times.popleft()
        state.times.append(now)
        if len(state.times) <= self.limit:
            return Verdict.ALLOW
        state.times.clear()
        state.muted_until = now + self.window
        return Verdict.WARN

    def __len__(self) -> int:
        """How many users are being tracked (idle ones are forgotten within two windows)."""
        return len(self._users)

    def _sweep(self, now: float) -> None:
        # Once per window, forget users with nothing left to count, so memory stays bounded.
        if now < self._next_sweep:
            return
        self._next_sweep = now + self.window
        idle = [
            user
            for user, state in self._users.items()
            if now >= state.muted_until
            and (not state.times or state.times[-1] <= now - self.window)
        ]
        for user in idle:
            del self._users[user]
