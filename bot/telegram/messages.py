"""Handlers for messages that are not known commands: questions, other media, odd commands.

Edited messages: an edited question is answered again, as a new reply quoting the edited
message (the earlier answer stays; Telegram keeps both in view). Edits of anything that is
not text are ignored: a live location, for one, is "edited" every few seconds.
"""

from __future__ import annotations

import logging

from telegram import Chat, Message, Update
from telegram.error import TelegramError

from bot.render import UNKNOWN_COMMAND_HTML, non_text_html
from bot.telegram import keyboards
from bot.telegram.addressing import addressed_question, command_target, for_the_bot
from bot.telegram.context import Context
from bot.telegram.recorder import Origin
from bot.telegram.replies import EXAMPLES, Reply, replies_to_text

log = logging.getLogger(__name__)


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


async def on_text(update: Update, context: Context) -> None:
    """Answer a text message meant for the bot (all of a private chat; mentions and replies)."""
    message = update.effective_message
    if message is None:
        return
    bot = context.bot
    question = addressed_question(message, bot.username, bot.id)
    if question is None:
        return
    await answer(message, question, context)


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


async def on_other_content(update: Update, context: Context) -> None:
    """Politely ask for text when someone sends a sticker, photo, voice, location…"""
    message = update.effective_message
    if message is None or not for_the_bot(message, context.bot.username, context.bot.id):
        return
    log.info("message via=%s outcome=not_text", via(message))
    engine = context.bot_data.engine
    html = non_text_html(len(engine.knowledge.articles))
    await send(message, Reply(html, keyboards.questions(engine.examples(EXAMPLES))))


async def on_unknown_command(update: Update, context: Context) -> None:
    """Point to /help for a command the bot does not have (in groups only if addressed to it)."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    target = command_target(message.text)
    username = target[1] if target else None
    if username is not None and username.lower() != context.bot.username.lower():
        return
    if username is None and message.chat.type != Chat.PRIVATE:
        return
    log.info("message via=%s outcome=unknown_command", via(message))
    await send(message, Reply(UNKNOWN_COMMAND_HTML))
