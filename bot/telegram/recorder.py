"""Notes each question's outcome, picked suggestions and votes in the question log.

Never in a person's way: QuestionLog only queues writes, /stats reads in a worker thread, and
a failing or closed log is logged and otherwise ignored, so answers still go out. Without a
log (tools, some tests) nothing is noted and answers get no 👍/👎.

Inline queries arrive while the person types ("how", "how much", "how much was…"); noting
each would fill the log with fragments. So an inline query is noted once its user has typed
nothing new for INLINE_SETTLE_SECONDS (the latest query wins), and close() notes the ones
still waiting.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from bot.model import Result
from bot.store import QuestionLog

if TYPE_CHECKING:
    from bot.stats import Stats

log = logging.getLogger(__name__)

INLINE_SETTLE_SECONDS = 3.0
STATS_TIMEOUT = 10.0  # seconds /stats waits for the writer (a stuck disk must not hang it)
T = TypeVar("T")


@dataclass(frozen=True)
class Origin:
    """Who asked, and where. The ids reach the question log only hashed, and never the logs."""

    chat_type: str  # a bot.store.ChatType value
    user_id: int | None
    chat_id: int | None
    via: str  # for log lines, e.g. "private" or "group-edited"


class Recorder:
    """The bot's side of the question log; every method is safe to call with the log down."""

    def __init__(self, questions: QuestionLog | None) -> None:
        self.questions = questions
        self._settling: dict[int | None, tuple[asyncio.TimerHandle, Result, Origin]] = {}

    def question(self, result: Result, origin: Origin) -> str | None:
        """Note an engine result; its record id (for buttons), or None if not noted."""
        return self._safely(
            "record a question",
            lambda log_: log_.record_result(
                result, chat_type=origin.chat_type, user_id=origin.user_id, chat_id=origin.chat_id
            ),
        )

    def question_when_settled(self, result: Result, origin: Origin) -> None:
        """Note an inline query once its user stops typing; a newer query replaces it."""
        if self.questions is None:
            return
        pending = self._settling.pop(origin.user_id, None)
        if pending is not None:
            pending[0].cancel()
        handle = asyncio.get_running_loop().call_later(
            INLINE_SETTLE_SECONDS, self._settle, origin.user_id
        )
        self._settling[origin.user_id] = (handle, result, origin)

    def picked(self, record: str, entry_id: str) -> None:
        """Note the suggestion picked after the "Did you mean…" of `record`."""
        self._safely("note a pick", lambda log_: log_.suggestion_picked(record, entry_id))

    def delivered(self, record: str | None, ok: bool) -> None:
        """Note whether the reply to question `record` was really delivered."""
        if record is not None:
            self._safely("note a delivery", lambda log_: log_.delivered(record, ok))

    def vote(self, record: str, user_id: int, vote: int) -> None:
        """Note one user's 👍 (+1) or 👎 (-1) on the answer to `record`; a new vote replaces it."""
        self._safely("note a vote", lambda log_: log_.feedback(record, user_id, vote))

    async def stats(self) -> Stats | None:
        """The numbers behind /stats, read off the event loop; None if the log cannot say."""
        questions = self.questions
        if questions is None:
            return None
        try:
            return await asyncio.to_thread(questions.stats, None, STATS_TIMEOUT)
        except Exception as exc:  # the log is closed, the disk failed, the writer is stuck
            log.warning("question log: could not read the stats: %s", exc)
            return None

    async def close(self) -> None:
        """Note the inline queries still settling, then write everything and close the log."""
        for user_id in list(self._settling):
            self._settling[user_id][0].cancel()
            self._settle(user_id)
        if self.questions is not None:
            await asyncio.to_thread(self.questions.close)

    def _settle(self, user_id: int | None) -> None:
        pending = self._settling.pop(user_id, None)
        if pending is not None:
            self.question(pending[1], pending[2])

    def _safely(self, what: str, write: Callable[[QuestionLog], T]) -> T | None:
        if self.questions is None:
            return None
        try:
            return write(self.questions)
        except Exception as exc:  # whatever the log's trouble, the answer still goes out
            log.warning("question log: could not %s: %s", what, exc)
            return None
