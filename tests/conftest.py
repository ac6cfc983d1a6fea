"""Shared pytest fixtures; the helpers behind them are in tests/support/."""

from __future__ import annotations

import os
import ssl
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import httpx._transports.default as httpx_transports
import pytest

from tests import fakebotapi
from tests.fakebotapi import FakeBotApi
from tests.support.knowledge import write_library
from tests.support.telegram import RunningBot, polling_bot

# The knowledge cache (bot.cache) and the parsed word list (bot.wordlist) of every test run go
# to a folder of their own, never to the user's cache directory; commands run as subprocesses
# inherit it.
os.environ["QA_CACHE_DIR"] = tempfile.mkdtemp(prefix="qa-bot-test-cache-")

_make_ssl_context = httpx.create_ssl_context
_shared_ssl_context: list[ssl.SSLContext] = []


def _reused_ssl_context(
    verify: ssl.SSLContext | str | bool = True,
    cert: object = None,
    trust_env: bool = True,
) -> ssl.SSLContext:
    """Every PTB Bot opens two httpx clients, and each would read the whole CA bundle (~60 ms)
    for a context the tests never use: they speak plain HTTP to 127.0.0.1. One default
    context, made once, serves them all; anything unusual is made as httpx would."""
    if verify is True and cert is None:
        if not _shared_ssl_context:
            _shared_ssl_context.append(_make_ssl_context(verify, None, trust_env))
        return _shared_ssl_context[0]
    return _make_ssl_context(verify, cert, trust_env)  # type: ignore[arg-type]


httpx_transports.create_ssl_context = _reused_ssl_context  # type: ignore[attr-defined]

# Lets test modules also write ``from fakebotapi import FakeBotApi`` (same module object).
sys.modules.setdefault("fakebotapi", fakebotapi)


@pytest.fixture
def fake_api() -> Iterator[FakeBotApi]:
    """A fake Telegram Bot API on 127.0.0.1 (random port), stopped after the test."""
    with FakeBotApi() as api:
        yield api


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A copy of the Telegram tests' knowledge (tests/data/knowledge_old_mill), to edit at will."""
    return write_library(tmp_path / "knowledge")


@pytest.fixture
async def running_bot(fake_api: FakeBotApi, library: Path) -> AsyncIterator[RunningBot]:
    """The real bot, started like `qa-bot run` starts it, polling the fake Bot API."""
    async with polling_bot(fake_api, library) as bot:
        yield bot


@pytest.fixture
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process runs of the command line read ./.env and $QA_KNOWLEDGE: keep both out."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QA_KNOWLEDGE", raising=False)
