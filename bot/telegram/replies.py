"""From a question to a reply: ask the engine off the event loop, log and record the outcome,
pick the buttons. The one place where people's questions reach the engine."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup

from bot.engine import Engine
from bot.model import Outcome, Result
from bot.render import (
    TOO_LONG_HTML,
    empty_question_html,
    no_match_html,
    render_html,
    smalltalk_html,
    unsure_html,
)
from bot.smalltalk import classify
from bot.telegram import keyboards
from bot.telegram.recorder import Origin, Recorder

log = logging.getLogger(__name__)

# Longer messages are not questions but pasted text; the engine would only read the start.
MAX_QUESTION_CHARS = 1000
EXAMPLES = 3


@dataclass(frozen=True)
class Reply:
    """One message to send or to edit into: Telegram HTML and its buttons."""

    html: str
    markup: InlineKeyboardMarkup | None = None
    record: str | None = None  # the question log id of the question it answers, if noted


async def ask(engine: Engine, question: str, via: str, *, explain: bool = False) -> Result:
    """The engine's result, computed in a worker thread; logs outcome, entry, confidence, time."""
    started = time.perf_counter()
    result = await asyncio.to_thread(engine.ask, question, explain=explain)
    log.info(
        "question via=%s outcome=%s entry=%s confidence=%.3f ms=%.1f",
        via,
        result.outcome.value,
        result.entry.id if result.entry else "-",
        result.confidence,
        (time.perf_counter() - started) * 1000,
    )
    return result


def answer_reply(result: Result, engine: Engine, record: str | None) -> Reply:
    """The reply for an engine result: the answer, "Did you mean…", or the no-match fallback;
    `record` is the question's id in the question log, carried by the buttons."""
    if result.outcome is Outcome.ANSWERED and result.entry:
        return Reply(render_html(result), keyboards.answer(result.entry, engine.knowledge, record))
    if result.outcome is Outcome.UNSURE and result.suggestions:
        return Reply(
            unsure_html(result.question), keyboards.suggestions(result.suggestions, record)
        )
    return Reply(
        no_match_html(list(engine.knowledge.articles.values())),
        keyboards.questions(engine.examples(EXAMPLES)),
    )


async def reply_to_text(engine: Engine, text: str, origin: Origin, recorder: Recorder) -> Reply:
    """The reply to a person's message: a question (recorded), small talk, or something else."""
    question = " ".join(text.split())
    if not question:
        examples = engine.examples(1)
        return Reply(empty_question_html(examples[0].question if examples else None))
    if len(question) > MAX_QUESTION_CHARS:
        log.info("question via=%s outcome=too_long chars=%d", origin.via, len(question))
        return Reply(TOO_LONG_HTML)
    small_talk = classify(question)
    if small_talk is not None:
        log.info("question via=%s outcome=small_talk kind=%s", origin.via, small_talk.value)
        return Reply(smalltalk_html(small_talk, list(engine.knowledge.articles.values())))
    result = await ask(engine, question, origin.via)
    record = recorder.question(result, origin)
    return dataclasses.replace(answer_reply(result, engine, record), record=record)
