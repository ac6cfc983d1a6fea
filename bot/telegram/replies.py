"""From a question to a reply: ask the engine off the event loop, log and record the outcome,
pick the buttons. The one place where people's questions reach the engine."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import time
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup

from bot import wording
from bot.conversation import Subjects
from bot.engine import Engine
from bot.model import Outcome, Result
from bot.question_policy import MAX_QUESTIONS, Screening
from bot.telegram import keyboards
from bot.telegram.recorder import Origin, Recorder
from bot.telegram.texts import (
    TOO_LONG_HTML,
    empty_question_html,
    keyword_html,
    near_miss_html,
    no_match_html,
    render_html,
    smalltalk_html,
    unsure_html,
)

log = logging.getLogger(__name__)

EXAMPLES = 3


@dataclass(frozen=True)
class Reply:
    """One message to send or to edit into: Telegram HTML and its buttons."""

    html: str
    markup: InlineKeyboardMarkup | None = None
    record: str | None = None  # the question log id of the question it answers, if noted


async def ask(
    engine: Engine,
    question: str,
    via: str,
    *,
    explain: bool = False,
    subject: str | None = None,
) -> Result:
    """The engine's result, computed in a worker thread; logs outcome, entry, confidence, time.
    `subject` is the entry answered last in this conversation, for follow-ups."""
    started = time.perf_counter()
    call = functools.partial(engine.ask, question, explain=explain, subject=subject)
    result = await asyncio.to_thread(call)
    log.info(
        "question via=%s outcome=%s entry=%s confidence=%.3f followup=%s others=%d ms=%.1f",
        via,
        result.outcome.value,
        result.entry.id if result.entry else "-",
        result.confidence,
        "yes" if result.followup_of else "no",
        len(result.others),
        (time.perf_counter() - started) * 1000,
    )
    return result


def answer_reply(
    result: Result, engine: Engine, record: str | None, *, always_name: bool = False
) -> Reply:
    """The reply for an engine result: the answer, "Did you mean…", or the no-match fallback;
    `record` is the question's id in the question log, carried by the buttons. An answer
    names its question when asked in other words, or `always_name` (several in a message)."""
    knowledge = engine.knowledge
    if result.outcome is Outcome.ANSWERED and result.entry:
        html = render_html(result, always_name=always_name)
        return Reply(html, keyboards.answer(result.entry, knowledge, record))
    if result.closest is not None:
        return Reply(near_miss_html(result, knowledge.articles))
    if result.outcome is Outcome.UNSURE and result.suggestions and result.keyword:
        menu = keyboards.suggestions(result.suggestions, record, most=keyboards.MAX_MENU)
        return Reply(keyword_html(wording.keyword_as_typed(result)), menu)
    if result.outcome is Outcome.UNSURE and result.suggestions:
        return Reply(
            unsure_html(result.question), keyboards.suggestions(result.suggestions, record)
        )
    return Reply(
        no_match_html(list(knowledge.articles.values())),
        keyboards.questions(engine.examples(EXAMPLES)),
    )


def conversation_key(origin: Origin) -> tuple[int | None, int | None]:
    """Whose follow-ups these are: one person in one chat (group members never share)."""
    return (origin.chat_id, origin.user_id)


async def replies_to_text(
    engine: Engine,
    text: str,
    origin: Origin,
    recorder: Recorder,
    subjects: Subjects | None = None,
) -> list[Reply]:
    """The replies to a person's message: to each question in it (each recorded; a follow-up
    read against the conversation's last answer), or to small talk, or to something else."""
    screened = engine.screen(text)
    question = screened.text
    articles = len(engine.knowledge.articles)
    if screened.kind is Screening.EMPTY:
        examples = engine.examples(1)
        return [Reply(empty_question_html(examples[0].question if examples else None, articles))]
    if screened.kind is Screening.TOO_LONG:
        log.info("question via=%s outcome=too_long chars=%d", origin.via, len(question))
        return [Reply(TOO_LONG_HTML)]
    if screened.small_talk is not None:
        small_talk = screened.small_talk
        log.info("question via=%s outcome=small_talk kind=%s", origin.via, small_talk.value)
        return [Reply(smalltalk_html(small_talk, list(engine.knowledge.articles.values())))]
    key = conversation_key(origin)
    subject = subjects.recall(key) if subjects is not None else None
    result = await ask(engine, question, origin.via, subject=subject)
    if subjects is not None:
        subjects.remember(key, result)
    replies = []
    several = bool(result.others)
    for one in (result, *result.others)[:MAX_QUESTIONS]:
        record = recorder.question(one, origin)
        reply = answer_reply(one, engine, record, always_name=several)
        replies.append(dataclasses.replace(reply, record=record))
    return replies
