"""The gate in front of every handler: the per-user flood guard, then the chat allowlist.

Its handlers run in group -1, before the routing table's, and stop an update there
(ApplicationHandlerStop) once they have dealt with it, so the other handlers need no checks.
Only what the bot would respond to is gated: group chatter it ignores anyway is neither
counted nor answered.

Flood guard (QA_FLOOD_MAX messages per QA_FLOOD_WINDOW seconds, per user; bot.flood):
messages, commands and button presses count. The message that goes over the limit gets one
"slow down" reply; the user's next ones get nothing until a window has passed. A button
pressed meanwhile is answered with the slow-down notice, as Telegram would show a spinner
otherwise. Inline queries are not counted: clients send one per keystroke.

Allowlist (QA_ALLOWED_CHAT_IDS; unset: every chat): the bot works in the listed chats and in
admins' private chats. Elsewhere each message meant for it gets a polite "not available"
reply, and a button press the same as a notice. Inline mode does not say in which chat it is
used, so it is open to users whose private chat is listed and to admins; anyone else gets an
empty result list and nothing is recorded. An empty list was chosen over a "not available"
article because such an article can be posted into the chat, advertising a refusal there.
"""

from __future__ import annotations

import logging
from typing import NoReturn

from telegram import CallbackQuery, Message, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.flood import Verdict
from bot.telegram.access import Access
from bot.telegram.addressing import meant_for_the_bot
from bot.telegram.command_table import PUBLIC_COMMANDS
from bot.telegram.context import Context
from bot.telegram.delivery import send, via
from bot.telegram.replies import Reply
from bot.telegram.texts import (
    NOT_AVAILABLE_HTML,
    NOT_AVAILABLE_NOTICE,
    SLOW_DOWN_HTML,
    SLOW_DOWN_NOTICE,
)

log = logging.getLogger(__name__)

GROUP = -1  # the handler group that runs before the routing table's (group 0)
# The commands the bot answers in a group without /name@bot. Not the admin commands: those are
# unknown commands there, and the gate must treat them alike, or it would give them away.
GROUP_COMMANDS = frozenset(command.name for command in PUBLIC_COMMANDS)
CACHE_SECONDS = 5


async def check_message(update: Update, context: Context) -> None:
    """Stop a message meant for the bot when its sender floods or its chat is not allowed."""
    message = update.effective_message
    bot = context.bot
    if message is None or not meant_for_the_bot(message, bot.username, bot.id, GROUP_COMMANDS):
        return
    data = context.bot_data
    user_id = message.from_user.id if message.from_user else None
    sent = message.edit_date or message.date  # when it was sent, not when it is handled
    verdict = data.flood.check(
        user_id if user_id is not None else message.chat.id, sent.timestamp()
    )
    if verdict is Verdict.WARN:
        log.info("message via=%s outcome=slowed_down", via(message))
        await _reply_and_stop(message, SLOW_DOWN_HTML)
    if verdict is Verdict.IGNORE:
        raise ApplicationHandlerStop
    if not data.access.allows_chat(message.chat.id, message.chat.type, user_id):
        log.info("message via=%s outcome=not_allowed", via(message))
        await _reply_and_stop(message, NOT_AVAILABLE_HTML)


async def check_button(update: Update, context: Context) -> None:
    """Answer a press from a flooding user or a chat not allowed with a notice, and stop it."""
    query = update.callback_query
    if query is None:
        return
    data = context.bot_data
    if data.flood.check(query.from_user.id) is not Verdict.ALLOW:
        log.info("button outcome=slowed_down")
        notice = SLOW_DOWN_NOTICE
    elif not _allowed(query, data.access):
        log.info("button outcome=not_allowed")
        notice = NOT_AVAILABLE_NOTICE
    else:
        return
    try:
        await query.answer(notice)
    except TelegramError as exc:
        log.info("could not answer a callback query: %s", exc)
    raise ApplicationHandlerStop


async def check_inline_query(update: Update, context: Context) -> None:
    """Answer an inline query from a user who may not use the bot with no results."""
    query = update.inline_query
    if query is None or context.bot_data.access.allows_inline(query.from_user.id):
        return
    log.info("inline outcome=not_allowed")
    try:
        await query.answer([], cache_time=CACHE_SECONDS, is_personal=True)
    except TelegramError as exc:
        log.info("could not answer an inline query: %s", exc)
    raise ApplicationHandlerStop


async def _reply_and_stop(message: Message, html: str) -> NoReturn:
    """Reply, then stop the update; also when the reply fails (the handlers would answer)."""
    try:
        await send(message, Reply(html))
    except TelegramError as exc:
        log.warning("could not reply to a gated message: %s", exc)
    raise ApplicationHandlerStop


def _allowed(query: CallbackQuery, access: Access) -> bool:
    """True when the bot answers the chat of the pressed button's message."""
    if query.message is None:  # a message posted through inline mode
        return access.allows_inline(query.from_user.id)
    chat = query.message.chat
    return access.allows_chat(chat.id, chat.type, query.from_user.id)
