"""The handler for pressed inline buttons; every callback query is answered, whatever happens.

A picked suggestion is noted on the unsure question's record, and its answer's 👍/👎 vote on
that record. An example or follow-up tapped is a question of its own: it is recorded, and its
answer's votes go to that new record. A vote ticks its button ("👍 ✓"), so the message shows
the vote that counts; pressing the other one changes it. The answer's text is left as it is.
An answer shown after a press becomes the presser's subject for follow-ups.
"""

from __future__ import annotations

import logging

from telegram import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, TelegramError

from bot.telegram import keyboards
from bot.telegram.callback_data import VOTES, Action, Press, decode, resolve_entry
from bot.telegram.context import Context
from bot.telegram.recorder import Origin
from bot.telegram.replies import Reply, answer_reply, conversation_key
from bot.telegram.texts import (
    GONE_ENTRY_NOTICE,
    NONE_OF_THESE_HTML,
    OLD_BUTTON_NOTICE,
    THANKS_NOTICE,
    VOTE_CHANGED_NOTICE,
    VOTE_KEPT_NOTICE,
    group_vote_notice,
    knowledge_topics_pages,
)

log = logging.getLogger(__name__)


async def on_button(update: Update, context: Context) -> None:
    """Act on a pressed button, then answer its callback query (with a notice if needed)."""
    query = update.callback_query
    if query is None:
        return
    notice: str | None = None
    try:
        notice = await _act(query, decode(query.data), context)
    finally:
        await _answer(query, notice)


async def _act(query: CallbackQuery, press: Press | None, context: Context) -> str | None:
    """Do what the button says; returns a notice for the person, or None."""
    if press is None:
        log.info("button outcome=old_button")
        return OLD_BUTTON_NOTICE
    data = context.bot_data
    if press.action in VOTES:
        log.info("button action=%s", press.action.name.lower())
        vote = VOTES[press.action]
        data.recorder.vote(press.record, query.from_user.id, vote)
        return await _show_vote(query, press.record, vote)
    engine = data.engine
    if press.action is Action.NONE_OF_THESE:
        log.info("button action=none_of_these")
        await _edit(query, Reply(NONE_OF_THESE_HTML))
        return None
    if press.action is Action.TOPICS_PAGE:
        pages = knowledge_topics_pages(engine.knowledge)
        page = min(int(press.argument), len(pages) - 1)  # the topics may have shrunk
        await _edit(query, Reply(pages[page], keyboards.topics_pager(page, len(pages))))
        return None
    entry_id = resolve_entry(press.argument, engine.knowledge.entries)
    if entry_id is None:
        log.info("button action=%s outcome=gone_entry", press.action.name.lower())
        return GONE_ENTRY_NOTICE
    log.info("button action=%s outcome=answered entry=%s", press.action.name.lower(), entry_id)
    result = engine.answer_entry(entry_id)
    data.subjects.remember(conversation_key(_origin(query)), result)
    if press.action is Action.ANSWER_IN_PLACE:
        if press.record:
            data.recorder.picked(press.record, entry_id)
        await _edit(query, answer_reply(result, engine, press.record or None))
    else:
        record = data.recorder.question(result, _origin(query))
        await _send(query, answer_reply(result, engine, record))
    return None


async def _show_vote(query: CallbackQuery, record: str, vote: int) -> str:
    """Tick the vote that counts under the answer; the notice says what happened."""
    message = query.message
    markup = message.reply_markup if isinstance(message, Message) else None
    if markup is None:  # an inline message: its buttons can't be read back
        return THANKS_NOTICE
    before = keyboards.shown_vote(markup, record)
    if before != vote:
        await _edit_buttons(query, keyboards.with_vote(markup, record, vote))
    if isinstance(message, Message) and message.chat.type != Chat.PRIVATE:
        # In a group the ticked vote is the latest member's, which may not be this one's.
        return group_vote_notice(vote)
    if before == vote:
        return VOTE_KEPT_NOTICE
    return VOTE_CHANGED_NOTICE if before else THANKS_NOTICE


async def _edit_buttons(query: CallbackQuery, markup: InlineKeyboardMarkup) -> None:
    """Change only the buttons of the pressed message; failures are only logged."""
    try:
        await query.edit_message_reply_markup(reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            log.info("could not show a vote on its buttons: %s", exc.message)


def _origin(query: CallbackQuery) -> Origin:
    """Who pressed the button, and in which chat (an inline message's chat is unknown)."""
    user_id = query.from_user.id
    if query.message is None:
        return Origin("inline", user_id, None, "inline-button")
    chat = query.message.chat
    return Origin(chat.type, user_id, chat.id, f"{chat.type}-button")


async def _edit(query: CallbackQuery, reply: Reply) -> None:
    """Edit the button's message into `reply`; send it anew when the message can't be edited."""
    if query.inline_message_id is None and not isinstance(query.message, Message):
        await _send(query, reply)
        return
    try:
        await query.edit_message_text(reply.html, reply_markup=reply.markup)
    except BadRequest as exc:
        if "not modified" in exc.message.lower():  # the same button pressed twice
            return
        if query.inline_message_id is not None:
            raise
        log.info("could not edit a message (%s); sending the reply instead", exc.message)
        await _send(query, reply)


async def _send(query: CallbackQuery, reply: Reply) -> None:
    """Send `reply` as a new message in the button's chat (or edit an inline message)."""
    message = query.message
    if isinstance(message, Message):
        await message.reply_html(reply.html, reply_markup=reply.markup, do_quote=False)
    elif message is not None:
        await query.get_bot().send_message(message.chat.id, reply.html, reply_markup=reply.markup)
    elif query.inline_message_id is not None:
        await query.edit_message_text(reply.html, reply_markup=reply.markup)


async def _answer(query: CallbackQuery, notice: str | None) -> None:
    """Answer the callback query, so the button stops spinning; failures are only logged."""
    try:
        await query.answer(notice)
    except TelegramError as exc:
        log.info("could not answer a callback query: %s", exc)
