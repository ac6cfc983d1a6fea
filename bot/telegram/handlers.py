"""The routing table: which handler gets which update."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.telegram import buttons, errors, gate, inline, messages
from bot.telegram.command_table import COMMANDS

# New and edited messages in private chats and groups; not channel posts or business messages.
MESSAGES = filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE


def register(
    application: Application[Any, Any, Any, Any, Any, Any], admins: Collection[int] = ()
) -> None:
    """Add the gate, every handler and the error handler to `application`."""
    application.add_handler(
        MessageHandler(MESSAGES & ~filters.StatusUpdate.ALL, gate.check_message), group=gate.GROUP
    )
    application.add_handler(CallbackQueryHandler(gate.check_button), group=gate.GROUP)
    application.add_handler(InlineQueryHandler(gate.check_inline_query), group=gate.GROUP)

    # Admin-only commands are not matched for anyone else: theirs fall through to
    # on_unknown_command.
    admin_only = MESSAGES & filters.ChatType.PRIVATE & filters.User(user_id=admins)
    for command in COMMANDS:
        allowed = admin_only if command.admin_only else MESSAGES
        application.add_handler(CommandHandler(command.name, command.handler, filters=allowed))
    application.add_handler(MessageHandler(MESSAGES & filters.COMMAND, messages.on_unknown_command))
    application.add_handler(MessageHandler(MESSAGES & filters.TEXT, messages.on_text))
    other_content = filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL
    application.add_handler(MessageHandler(other_content, messages.on_other_content))
    application.add_handler(CallbackQueryHandler(buttons.on_button))
    application.add_handler(InlineQueryHandler(inline.on_inline_query))
    application.add_error_handler(errors.on_error)
