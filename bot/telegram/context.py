"""What handlers share: the live engine, typed, through PTB's bot_data."""

from __future__ import annotations

from typing import Any, TypeAlias

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.engine import Engine
from bot.live import LiveEngine


class BotData:
    """The application's bot_data: set up once by build_application."""

    live: LiveEngine | None = None

    @property
    def engine(self) -> Engine:
        """The current engine. Read it once per update: a reload may swap it at any time."""
        if self.live is None:
            raise RuntimeError("bot_data.live is not set; build the app with build_application")
        return self.live.engine


Context: TypeAlias = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES: ContextTypes[Context, dict[Any, Any], dict[Any, Any], BotData] = ContextTypes(
    bot_data=BotData
)
