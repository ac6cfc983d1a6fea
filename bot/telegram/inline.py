"""Inline mode: `@botname question` in any chat offers the best matching answers to post.

The question is recorded once the person stops typing (see bot.telegram.recorder). Posted
answers carry no buttons: they land in chats where others, who did not ask, would see them.
Who may use inline mode at all is the gate's decision (bot.telegram.gate).
"""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update

from bot.decision import SUGGEST_THRESHOLD
from bot.engine import Engine
from bot.model import Entry, Outcome, Result
from bot.question_policy import MAX_QUESTION_CHARS
from bot.telegram.callback_data import entry_ref
from bot.telegram.context import Context
from bot.telegram.recorder import Origin
from bot.telegram.replies import ask
from bot.telegram.texts import clip, render_html

MAX_RESULTS = 5
CACHE_SECONDS = 5  # short: answers change when the knowledge is reloaded


async def on_inline_query(update: Update, context: Context) -> None:
    """Offer up to five answers for the typed question, or example questions for an empty one."""
    inline_query = update.inline_query
    if inline_query is None:
        return
    data = context.bot_data
    engine = data.engine
    question = " ".join(inline_query.query.split())[:MAX_QUESTION_CHARS]
    if question:
        result = await ask(engine, question, "inline", explain=True)
        # "hi" is not a question the article should answer: not recorded.
        if engine.screen(question).small_talk is None:
            origin = Origin("inline", inline_query.from_user.id, None, "inline")
            data.recorder.question_when_settled(result, origin)
        entries = best_entries(engine, result)
    else:
        entries = []
    if not entries:  # nothing typed yet, or nothing matched: show what can be asked
        entries = engine.examples(MAX_RESULTS)
    await inline_query.answer(
        [_article(engine, entry) for entry in entries[:MAX_RESULTS]],
        cache_time=CACHE_SECONDS,
        is_personal=False,
    )


def best_entries(engine: Engine, result: Result) -> list[Entry]:
    """The answered entry or the suggestions first, then other plausible candidates."""
    ids: list[str] = []
    if result.outcome is Outcome.ANSWERED and result.entry:
        ids.append(result.entry.id)
    ids += [s.entry_id for s in result.suggestions]
    if result.outcome is not Outcome.NO_MATCH and result.explanation:
        ids += [
            c.entry_id for c in result.explanation.candidates if c.confidence >= SUGGEST_THRESHOLD
        ]
    unique = list(dict.fromkeys(ids))
    return [engine.knowledge.entries[i] for i in unique if i in engine.knowledge.entries]


def _article(engine: Engine, entry: Entry) -> InlineQueryResultArticle:
    """One result: titled with the entry's question; posts the question (in bold: others in
    the chat did not see it asked), the answer and its quote."""
    html = render_html(engine.answer_entry(entry.id), always_name=True)
    return InlineQueryResultArticle(
        id=entry_ref(entry.id),
        title=clip(entry.question, 100),
        description=clip(entry.answer, 120),
        input_message_content=InputTextMessageContent(html, parse_mode="HTML"),
    )
