"""Replies that survive a bad minute: requests retried with backoff, for a bounded time.

AIORateLimiter keeps the bot within Telegram's flood limits and waits out a few 429s. On top
of it, a reply that fails with a network error (connection refused or reset, a timeout), a
5xx from Telegram's proxy or yet another 429 is tried again: after `retry_after` for a 429,
else after a backoff doubling from FIRST_BACKOFF up to MAX_BACKOFF, until GIVE_UP_AFTER has
passed since the first try. Then the error is raised as before (the error handler logs it).

Only what a person waits for is retried: messages and edits for long; answers to button
presses and inline queries only briefly (Telegram forgets those queries within seconds);
polling has its own retry loop, and start-up requests must fail fast. A 4xx other than 429
(bad request, blocked by the user) is never retried: it would fail the same way.

A timeout may hide a reply that did arrive: retrying then sends it twice. That is the
at-least-once side of the trade; a lost answer is worse than a repeated one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

GIVE_UP_AFTER = 600.0  # seconds: a reply later than this is no longer worth sending
QUERY_GIVE_UP_AFTER = 10.0  # callback and inline query answers expire quickly
FIRST_BACKOFF = 0.5
MAX_BACKOFF = 30.0
RETRIED = frozenset({"sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage"})
RETRIED_BRIEFLY = frozenset({"answerCallbackQuery", "answerInlineQuery"})
# 429s of a retried reply are left to AIORateLimiter (it pauses every request meanwhile), up
# to this many times, within the same time budget.
MANY_429S = 1000

_Result = bool | dict[str, Any] | list[dict[str, Any]]


def retry_delay(error: Exception, backoff: float) -> float | None:
    """How long to wait before trying again after `error`; None if retrying cannot help."""
    if isinstance(error, RetryAfter):
        # Read as AIORateLimiter does: the public attribute warns unless PTB_TIMEDELTA is set.
        value: Any = getattr(error, "_retry_after", None) or error.retry_after
        return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        return backoff
    return None


class RetryingRateLimiter(AIORateLimiter):
    """AIORateLimiter, plus bounded retries of replies on network errors, 5xx and 429."""

    def __init__(
        self,
        *,
        give_up_after: float = GIVE_UP_AFTER,
        first_backoff: float = FIRST_BACKOFF,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.give_up_after = give_up_after
        self.first_backoff = first_backoff

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, _Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> _Result:
        """Send through the rate limiter; retry a reply that failed for a passing reason."""
        if endpoint in RETRIED:
            budget = self.give_up_after
        elif endpoint in RETRIED_BRIEFLY:
            budget = QUERY_GIVE_UP_AFTER
        else:
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
        loop = asyncio.get_running_loop()
        deadline = loop.time() + budget
        backoff = self.first_backoff
        attempt = 1
        while True:
            try:
                async with asyncio.timeout(max(0.0, deadline - loop.time())):
                    return await super().process_request(
                        callback, args, kwargs, endpoint, data, MANY_429S
                    )
            except TimeoutError:
                raise TimedOut(f"{endpoint}: gave up after {budget:g} s of retries") from None
            except (NetworkError, RetryAfter) as exc:
                delay = retry_delay(exc, backoff)
                if delay is None or loop.time() + delay > deadline:
                    raise
                log.warning(
                    "%s failed (%s: %s); try %d again in %.1f s",
                    endpoint,
                    type(exc).__name__,
                    str(exc).split(". Parsing the server response", 1)[0][:200],
                    attempt + 1,
                    delay,
                )
            await asyncio.sleep(delay)
            backoff = min(backoff * 2, MAX_BACKOFF)
            attempt += 1
