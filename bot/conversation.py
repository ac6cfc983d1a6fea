"""What the bot remembers of a conversation: the entry it answered last, for follow-ups.

Kept in memory only, for SUBJECT_SECONDS, per conversation key: in Telegram a chat and a
user (so two people in one group never share a subject), in the terminal one key. Nothing
is written anywhere, and a restart forgets everything.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from bot.model import Result

SUBJECT_SECONDS = 600.0  # "why?" ten minutes later is about something else
MAX_CONVERSATIONS = 20_000  # the oldest are forgotten first: memory stays bounded


class Subjects:
    """The last answered entry of each conversation, forgotten after SUBJECT_SECONDS."""

    def __init__(
        self,
        capacity: int = MAX_CONVERSATIONS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity = capacity
        self.clock = clock
        self._subjects: OrderedDict[Hashable, tuple[str, float]] = OrderedDict()

    def recall(self, key: Hashable) -> str | None:
        """The entry id answered last in conversation `key`, if recent enough."""
        remembered = self._subjects.get(key)
        if remembered is None:
            return None
        entry_id, at = remembered
        if self.clock() - at > SUBJECT_SECONDS:
            del self._subjects[key]
            return None
        return entry_id

    def remember(self, key: Hashable, result: Result) -> None:
        """Note an answered result as the conversation's subject (unanswered ones change
        nothing: "why?" after a miss still refers to the answer before it)."""
        answered = [r for r in (result, *result.others) if r.answered and r.entry]
        if not answered:
            return
        first = answered[0].entry
        assert first is not None
        self._subjects[key] = (first.id, self.clock())
        self._subjects.move_to_end(key)
        while len(self._subjects) > self.capacity:
            self._subjects.popitem(last=False)

    def forget(self, key: Hashable) -> None:
        """Drop the subject of conversation `key`."""
        self._subjects.pop(key, None)

    def __len__(self) -> int:
        return len(self._subjects)
