"""The one command table: each command's name, menu text, handler and who may use it.

The command menus (app.announce), the routing table (handlers.register), the gate's list of
commands answered in groups and /help all read it, so a command is added in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram import Update

from bot.telegram import admin, commands
from bot.telegram.context import Context

Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


@dataclass(frozen=True)
class Command:
    """One /command. Admin-only ones exist only for admins in private chats: they are in the
    admins' menu alone, never in /help, and anyone else gets the unknown-command reply."""

    name: str
    description: str
    handler: Handler
    admin_only: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("start", "What I know, with example questions", commands.start),
    Command("help", "How to ask, and the commands", commands.help_command),
    Command("topics", "Every question I can answer", commands.topics),
    Command("source", "The article my answers come from", commands.source),
    Command("ask", "Ask a question (works in groups): /ask question", commands.ask),
    Command("reload", "Admin: reload the knowledge now", admin.reload, admin_only=True),
    Command("stats", "Admin: questions, votes and gaps", admin.stats, admin_only=True),
)
PUBLIC_COMMANDS = tuple(c for c in COMMANDS if not c.admin_only)
ADMIN_COMMANDS = tuple(c for c in COMMANDS if c.admin_only)
