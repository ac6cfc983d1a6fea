"""Shared pytest fixtures."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from tests import fakebotapi
from tests.fakebotapi import FakeBotApi

# Lets test modules also write ``from fakebotapi import FakeBotApi`` (same module object).
sys.modules.setdefault("fakebotapi", fakebotapi)


@pytest.fixture
def fake_api() -> Iterator[FakeBotApi]:
    """A fake Telegram Bot API on 127.0.0.1 (random port), stopped after the test."""
    with FakeBotApi() as api:
        yield api


# The Telegram tests' fixtures (running_bot, library) and helpers.
pytest_plugins = ["tests.telegram_fixtures"]
