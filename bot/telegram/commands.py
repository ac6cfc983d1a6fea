"""Command handlers: /start, /help, /topics, /source and /ask."""

from __future__ import annotations

import logging
from collections import Counter

from telegram import ForceReply, Update

from bot.telegram import keyboards
from bot.telegram.addressing import strip_mention
from bot.telegram.context import Context
from bot.telegram.delivery import answer, send, via
from bot.telegram.replies import EXAMPLES, Reply
from bot.telegram.texts import (
    ask_what_html,
    help_html,
    knowledge_topics_pages,
    source_html,
    start_html,
)

log = logging.getLogger(__name__)

ASK_PLACEHOLDER = "Your question about the article"


async def start(update: Update, context: Context) -> None:
    """Greet, say what the bot knows, and offer example questions as buttons."""
    message = update.effective_message
    if message is None:
        return
    log.info("command=start via=%s", via(message))
    engine = context.bot_data.engine
    user = update.effective_user
    html = start_html(list(engine.knowledge.articles.values()), user.first_name if user else None)
    await send(message, Reply(html, keyboards.questions(engine.examples(EXAMPLES))))


async def help_command(update: Update, context: Context) -> None:
    """Explain how to ask and list the commands."""
    message = update.effective_message
    if message is None:
        return
    log.info("command=help via=%s", via(message))
    # Imported here: the command table names this handler.
    from bot.telegram.command_table import PUBLIC_COMMANDS

    listed = [(command.name, command.description) for command in PUBLIC_COMMANDS]
    await send(message, Reply(help_html(context.bot.username, listed)))


async def topics(update: Update, context: Context) -> None:
    """List every question the bot can answer, by topic, one page at a time."""
    message = update.effective_message
    if message is None:
        return
    log.info("command=topics via=%s", via(message))
    pages = knowledge_topics_pages(context.bot_data.engine.knowledge)
    await send(message, Reply(pages[0], keyboards.topics_pager(0, len(pages))))


async def source(update: Update, context: Context) -> None:
    """Name the article(s) answers come from, and how they are quoted."""
    message = update.effective_message
    if message is None:
        return
    log.info("command=source via=%s", via(message))
    knowledge = context.bot_data.engine.knowledge
    counts = Counter(entry.article_id for entry in knowledge.entries.values())
    await send(message, Reply(source_html(list(knowledge.articles.values()), counts)))


async def ask(update: Update, context: Context) -> None:
    """/ask QUESTION answers it (in groups too); a bare /ask asks what to ask."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    parts = message.text.split(maxsplit=1)
    question = strip_mention(parts[1], context.bot.username) if len(parts) > 1 else ""
    if not question:
        log.info("command=ask via=%s outcome=prompted", via(message))
        prompt = ForceReply(selective=True, input_field_placeholder=ASK_PLACEHOLDER)
        articles = len(context.bot_data.engine.knowledge.articles)
        await message.reply_html(ask_what_html(articles), reply_markup=prompt, do_quote=True)
        return
    await answer(message, question, context)
