"""Retried replies, on their own: what is retried, how long it waits, when it gives up."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.telegram.sending import RetryingRateLimiter, retry_delay


class Flaky:
    """A request that fails with the given errors, then succeeds; notes when it was tried."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.tries: list[float] = []

    async def __call__(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        self.tries.append(asyncio.get_running_loop().time())
        if self.errors:
            raise self.errors.pop(0)
        return {"ok": True}


async def _send(limiter: RetryingRateLimiter, request: Flaky, endpoint: str = "sendMessage") -> Any:
    await limiter.initialize()
    return await limiter.process_request(request, (), {}, endpoint, {"chat_id": 1}, None)


async def test_network_errors_and_5xx_are_retried_with_a_growing_backoff() -> None:
    request = Flaky(NetworkError("Bad Gateway (502)"), TimedOut(), NetworkError("reset"))
    limiter = RetryingRateLimiter(first_backoff=0.05)
    assert await _send(limiter, request) == {"ok": True}
    gaps = [b - a for a, b in zip(request.tries, request.tries[1:], strict=False)]
    assert len(request.tries) == 4
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1 and gaps[2] >= 0.2


async def test_retrying_gives_up_after_its_time_budget() -> None:
    request = Flaky(*[NetworkError("Bad Gateway (502)")] * 100)
    limiter = RetryingRateLimiter(give_up_after=0.5, first_backoff=0.05)
    with pytest.raises(NetworkError):
        await _send(limiter, request)
    assert 3 <= len(request.tries) < 10
    assert request.tries[-1] - request.tries[0] <= 0.5


@pytest.mark.parametrize("error", [BadRequest("Message is too long"), Forbidden("blocked")])
async def test_errors_that_would_repeat_are_not_retried(error: Exception) -> None:
    request = Flaky(error)
    with pytest.raises(type(error)):
        await _send(RetryingRateLimiter(first_backoff=0.01), request)
    assert len(request.tries) == 1


async def test_requests_other_than_replies_are_not_retried() -> None:
    request = Flaky(NetworkError("Bad Gateway (502)"))
    with pytest.raises(NetworkError):
        await _send(RetryingRateLimiter(first_backoff=0.01), request, endpoint="setMyCommands")
    assert len(request.tries) == 1


def test_a_429_waits_its_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # as `qa-bot run` sets it
    assert retry_delay(RetryAfter(dt.timedelta(seconds=7)), 0.5) == 7.0
    assert retry_delay(NetworkError("Bad Gateway (502)"), 0.5) == 0.5
    assert retry_delay(BadRequest("x"), 0.5) is None
