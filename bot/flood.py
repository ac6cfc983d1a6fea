"""A per-user flood guard: past `limit` messages within `window` seconds, one warning, then quiet.

A user's messages are counted over a sliding window. The one that goes over the limit gets
Verdict.WARN (the adapter sends a single "slow down"); from then on the user is muted for one
window, measured from that message: everything they send in it gets Verdict.IGNORE, and
does not extend the mute. Afterwards they start afresh. Other users are never affected.

A message is counted at the time it was sent (Telegram's `date`), when the caller knows
it: the bot handles a burst over many seconds (replies are rate limited), and counting at
handling time would spread a flood out until it no longer looked like one. Times are
seconds since the epoch, like the clock's.

Pure and synchronous, with an injectable clock; not thread-safe (the bot calls it from its
event loop only).
"""

from __future__ import annotations

import enum
import time
from bisect import bisect_right, insort
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

# Users are remembered this long after their last message was handled (or two windows, if
# longer): under a backlog, their next message may be handled that much later.
KEEP_SECONDS = 120.0


class Verdict(enum.Enum):
    """What to do with one message."""

    ALLOW = "allow"
    WARN = "warn"  # over the limit just now: say "slow down", once
    IGNORE = "ignore"  # muted: say nothing


@dataclass
class _User:
    times: list[float] = field(default_factory=list)  # sorted: messages may be handled out of order
    muted_until: float = 0.0
    seen: float = 0.0  # when the guard last checked one of their messages (the clock's time)


class FloodGuard:
    """Counts each user's messages; a `limit` of 0 turns the guard off."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.time) -> None:
        if limit < 0 or window <= 0:
            raise ValueError(f"a flood limit needs limit >= 0 and window > 0, not {limit}/{window}")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._users: dict[Hashable, _User] = {}
        self._next_sweep = clock() + window

    def check(self, user: Hashable, sent_at: float | None = None) -> Verdict:
        """Count one message from `user`, sent at `sent_at` (default: now), and say whether to
        handle it."""
        if self.limit == 0:
            return Verdict.ALLOW
        handled = self._clock()
        self._sweep(handled)
        now = handled if sent_at is None else sent_at
        state = self._users.setdefault(user, _User())
        state.seen = handled
        if now < state.muted_until:
            return Verdict.IGNORE
        del state.times[: bisect_right(state.times, now - self.window)]
        insort(state.times, now)
        if len(state.times) <= self.limit:
            return Verdict.ALLOW
        state.times.clear()
        state.muted_until = now + self.window
        return Verdict.WARN

    def __len__(self) -> int:
        """How many users are being tracked (idle ones are forgotten after KEEP_SECONDS)."""
        return len(self._users)

    def _sweep(self, now: float) -> None:
        # Once per window, forget users with nothing left to count, so memory stays bounded.
        # Idle by when their messages were handled, not sent: a backlog handles old messages,
        # and forgetting a user in the middle of theirs would let the flood through.
        if now < self._next_sweep:
            return
        self._next_sweep = now + self.window
        cutoff = now - max(2 * self.window, KEEP_SECONDS)
        idle = [user for user, state in self._users.items() if state.seen <= cutoff]
        for user in idle:
            del self._users[user]
