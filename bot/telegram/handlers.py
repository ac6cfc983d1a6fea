"""The routing table: which handler gets which update."""

from __future__ import annotations

from typing import Any

from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.telegram import buttons, commands, errors, inline, messages

# New and edited messages in private chats and groups; not channel posts or business messages.
MESSAGES = filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add every handler, and the error handler, to `application`."""
    for name, callback in (
        ("start", commands.start),
        ("help", commands.help_command),
        ("topics", commands.topics),
        ("source", commands.source),
        ("ask", commands.ask),
    ):
        application.add_handler(CommandHandler(name, callback, filters=MESSAGES))
    application.add_handler(MessageHandler(MESSAGES & filters.COMMAND, messages.on_unknown_command))
    application.add_handler(MessageHandler(MESSAGES & filters.TEXT, messages.on_text))
    other_content = filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL
    application.add_handler(MessageHandler(other_content, messages.on_other_content))
    application.add_handler(CallbackQueryHandler(buttons.on_button))
    application.add_handler(InlineQueryHandler(inline.on_inline_query))
    application.add_error_handler(errors.on_error)
