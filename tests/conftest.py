"""Shared pytest fixtures."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator

import pytest

from tests import fakebotapi
from tests.fakebotapi import FakeBotApi

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


# The Telegram tests' fixtures (running_bot, library) and helpers.
pytest_plugins = ["tests.telegram_fixtures"]
