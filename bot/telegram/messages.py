"""Handlers for messages that are not known commands: questions, other media, odd commands.

Edited messages: an edited question is answered again, as a new reply quoting the edited
message (the earlier answer stays; Telegram keeps both in view). Edits of anything that is
not text are ignored: a live location, for one, is "edited" every few seconds.
"""

from __future__ import annotations

import logging

from telegram import Chat, Update

from bot.telegram import keyboards
from bot.telegram.addressing import addressed_question, command_target, for_the_bot
from bot.telegram.context import Context
from bot.telegram.delivery import answer, send, via
from bot.telegram.replies import EXAMPLES, Reply
from bot.telegram.texts import UNKNOWN_COMMAND_HTML, non_text_html

log = logging.getLogger(__name__)


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
