"""Sending replies, shared by the handler modules: how a reply quotes, where a message came
from (for the logs and the question log), and answering the question(s) in a message."""

from __future__ import annotations

from telegram import Chat, Message
from telegram.error import TelegramError

from bot.telegram.context import Context
from bot.telegram.recorder import Origin
from bot.telegram.replies import Reply, replies_to_text


async def send(message: Message, reply: Reply) -> None:
    """Reply to `message`; quoting it in groups and for edits so the context is clear."""
    quote = message.chat.type != Chat.PRIVATE or message.edit_date is not None
    await message.reply_html(reply.html, reply_markup=reply.markup, do_quote=quote)


def via(message: Message) -> str:
    """Where a question came from, for the logs (never who asked it)."""
    return message.chat.type + ("-edited" if message.edit_date is not None else "")


def origin_of(message: Message) -> Origin:
    """Who sent `message` and where, for the question log."""
    user = message.from_user
    return Origin(message.chat.type, user.id if user else None, message.chat.id, via(message))


async def answer(message: Message, question: str, context: Context) -> None:
    """Reply to the question(s) in `message` (typed, or after /ask); outcomes are recorded."""
    data = context.bot_data
    origin = origin_of(message)
    replies = await replies_to_text(data.engine, question, origin, data.recorder, data.subjects)
    for reply in replies:  # one per question found in the message
        try:
            await send(message, reply)  # retried for a while by bot.telegram.sending
        except TelegramError:
            data.recorder.delivered(reply.record, False)
            raise
        data.recorder.delivered(reply.record, True)
