"""What handlers share, typed, through PTB's bot_data: the live engine, the question log's
recorder, who may use the bot, the flood guard, the knowledge watcher's task, and each
conversation's last answer (for follow-ups)."""

from __future__ import annotations

import asyncio
from typing import Any, TypeAlias

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.config import DEFAULT_RELOAD_INTERVAL
from bot.conversation import Subjects
from bot.engine import Engine
from bot.flood import FloodGuard
from bot.live import LiveEngine
from bot.telegram.access import Access
from bot.telegram.recorder import Recorder


class BotData:
    """The application's bot_data: set up once by build_application."""

    def __init__(self) -> None:
        self._live: LiveEngine | None = None
        self.recorder = Recorder(None)
        self.access = Access()
        self.flood = FloodGuard(limit=0, window=1.0)  # off until build_application sets it
        self.reload_interval = DEFAULT_RELOAD_INTERVAL
        self.watcher: asyncio.Task[None] | None = None
        self.subjects = Subjects()  # each conversation's last answer, for follow-ups

    @property
    def live(self) -> LiveEngine:
        """The live engine, for reloads."""
        if self._live is None:
            raise RuntimeError("bot_data.live is not set; build the app with build_application")
        return self._live

    @live.setter
    def live(self, live: LiveEngine) -> None:
        self._live = live

    @property
    def engine(self) -> Engine:
        """The current engine. Read it once per update: a reload may swap it at any time."""
        return self.live.engine


Context: TypeAlias = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES: ContextTypes[Context, dict[Any, Any], dict[Any, Any], BotData] = ContextTypes(
    bot_data=BotData
)
