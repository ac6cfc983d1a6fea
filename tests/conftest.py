"""Shared pytest fixtures; the helpers behind them are in tests/support/."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests import fakebotapi
from tests.fakebotapi import FakeBotApi
from tests.support.knowledge import write_library
from tests.support.telegram import RunningBot, polling_bot

# The knowledge cache (bot.cache) of every test run goes to a folder of its own, never to the
# user's cache directory; commands run as subprocesses inherit it.
os.environ["QA_CACHE_DIR"] = tempfile.mkdtemp(prefix="qa-bot-test-cache-")

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
