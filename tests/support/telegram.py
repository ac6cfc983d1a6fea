"""The real bot (build_application) polling the fake Bot API over HTTP on 127.0.0.1, and helpers
to talk to it and read its messages.

The bot answers from the Telegram tests' own knowledge (tests/data/knowledge_old_mill, see
tests.support.knowledge); questions whose outcome depends on the matcher (an unsure one) are
picked at run time by asking the engine.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import subprocess
import tempfile
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram.error import TelegramError

from bot.config import Secret, Settings, StoreSettings
from bot.engine import Engine
from bot.live import LiveEngine
from bot.model import Outcome
from bot.store import QuestionLog
from bot.telegram.app import (
    ALLOWED_UPDATES,
    QaApplication,
    build_application,
    open_question_log,
)
from tests.fakebotapi import DEFAULT_USER_ID, FakeBotApi
from tests.support.cli import clean_env, qa_bot_command

JSONDict = dict[str, Any]

# Vague questions; the first the engine is unsure about is the tests' unsure question.
UNSURE_CANDIDATES = (
    "library in town",
    "what about the town",
    "what about april",
    "march",
    "the library and the town",
)
GROUP_ID = -1001000000077
TEST_HASH_KEY = "telegram-tests-hash-key-0123456789"
# A group chat, as the fake Bot API sends its messages.
IN_GROUP: dict[str, Any] = {"chat_id": GROUP_ID, "chat_type": "supergroup", "title": "Readers"}


def unsure_question(knowledge: Path) -> str:
    """A question the engine, as tuned today, is unsure about (two suggestions or more if any;
    not a keyword menu).

    Tries a few vague questions, then pairs of words from the knowledge, so that tuning the
    matcher's thresholds moves the question rather than breaking the tests.
    """
    engine = Engine.load(knowledge)
    words = sorted(
        {
            word.lower()
            for entry in engine.knowledge.entries.values()
            for text in (*entry.questions, entry.quote)
            for word in re.findall(r"[A-Za-z]{4,}", text)
        }
    )
    candidates: Iterator[str] = itertools.chain(
        UNSURE_CANDIDATES, words, (f"{a} {b}" for a, b in itertools.combinations(words, 2))
    )
    fallback: str | None = None
    for question in candidates:
        result = engine.ask(question)
        if result.keyword is not None:  # a keyword menu ("About … I can tell you:")
            continue
        if result.outcome is Outcome.UNSURE and len(result.suggestions) >= 2:
            return question
        if result.outcome is Outcome.UNSURE and result.suggestions and fallback is None:
            fallback = question
    if fallback is None:
        raise AssertionError("the engine is never unsure about this knowledge")
    return fallback


def expected_answer_text(knowledge: Path, entry_id: str, asked: str | None = None) -> str:
    """An answer as Telegram shows it (HTML parsed): the entry's question when `asked` words
    it differently, then the answer, quote, source line."""
    engine = Engine.load(knowledge)
    entry = engine.knowledge.entries[entry_id]
    title = engine.knowledge.article_of(entry).title
    body = f"{entry.answer}\n\n{entry.quote}\nSource: {title}"
    if asked is None or _plain_words(asked) == _plain_words(entry.question):
        return body
    return f"{entry.question}\n\n{body}"


def _plain_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


@dataclass
class RunningBot:
    """The real Application polling the fake Bot API, with helpers to talk to it."""

    api: FakeBotApi
    application: QaApplication
    live: LiveEngine
    knowledge: Path
    questions: QuestionLog

    async def ask(self, text: str, **who: Any) -> JSONDict:
        """A user sends `text`; returns the bot's next new message in that chat."""
        chat_id = _chat_of(who)
        before = len(self.api.messages_in(chat_id))
        self.api.send_text(text, **who)
        return (await self.api.wait_for_messages(chat_id, count=before + 1))[before]

    async def command(self, command: str, **who: Any) -> JSONDict:
        """A user sends /command; returns the bot's reply."""
        chat_id = _chat_of(who)
        before = len(self.api.messages_in(chat_id))
        self.api.send_command(command, **who)
        return (await self.api.wait_for_messages(chat_id, count=before + 1))[before]

    async def press(
        self, message: JSONDict, callback_data: str, user_id: int | None = None
    ) -> tuple[str, JSONDict]:
        """Press a button (as the chat's user unless given); returns the callback query id and
        its answerCallbackQuery params."""
        query_id = self.api.press_button(message, callback_data, user_id=user_id)
        await self.api.wait_for_call(
            "answerCallbackQuery",
            where=lambda c: str(c.params.get("callback_query_id")) == query_id,
        )
        return query_id, self.api.answered_callbacks[query_id]

    async def settle(self) -> None:
        """Wait until every update sent so far was fetched and handled."""
        await self.api.wait_for(lambda _: not self.api.pending_updates)
        await self.application.update_queue.join()


def _chat_of(who: Mapping[str, Any]) -> int:
    if who.get("chat_id") is not None:
        return int(who["chat_id"])
    return int(who.get("user_id", DEFAULT_USER_ID))


def buttons(message: JSONDict) -> list[tuple[str, str]]:
    """A message's inline buttons as (label, callback_data)."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]


def record_of(message: JSONDict) -> str:
    """The question log id that an answer's 👍 button (or a suggestion button) carries."""
    for _, data in buttons(message):
        parts = data.split(":")
        if parts[1] == "u" or (parts[1] == "a" and len(parts) == 4):
            return parts[-1]
    raise AssertionError(f"no button of message {message.get('message_id')} names a record")


def votes(record: str) -> list[tuple[str, str]]:
    """The 👍 and 👎 buttons under the answer to question `record`."""
    return [("\U0001f44d", f"1:u:{record}"), ("\U0001f44e", f"1:d:{record}")]


def entity_text(message: JSONDict, kind: str) -> list[str]:
    """The parts of a message's text covered by entities of one type (e.g. "blockquote")."""
    units = message["text"].encode("utf-16-le")
    return [
        units[e["offset"] * 2 : (e["offset"] + e["length"]) * 2].decode("utf-16-le")
        for e in message.get("entities", [])
        if e["type"] == kind
    ]


@asynccontextmanager
async def polling_bot(
    api: FakeBotApi, knowledge: Path, db: Path | None = None, **settings: Any
) -> AsyncIterator[RunningBot]:
    """Run the real Application against `api` as `qa-bot run` would, then stop it cleanly.

    The question log is `db` (a temporary file when None); `settings` override Settings
    fields (e.g. admin_ids, reload_interval). The knowledge watcher is off unless asked for.
    """
    with tempfile.TemporaryDirectory() as scratch:
        path = db if db is not None else Path(scratch) / "questions.sqlite3"
        config = Settings(
            token=Secret(api.token),
            api_base_url=api.base_url,
            knowledge=str(knowledge),
            poll_timeout=1.0,
            store=StoreSettings(path),
            hash_key=Secret(TEST_HASH_KEY),
            reload_interval=0,
        )
        config = config._replace(**settings)
        async with _polling(api, config) as bot:
            yield bot


@asynccontextmanager
async def _polling(api: FakeBotApi, settings: Settings) -> AsyncIterator[RunningBot]:
    assert settings.knowledge is not None
    live = LiveEngine(settings.knowledge)
    questions = open_question_log(settings)
    application = build_application(settings, live, questions)
    updater = application.updater
    assert updater is not None and application.post_init and application.post_shutdown

    def on_polling_error(error: TelegramError) -> None:  # what run_polling passes
        application.create_task(application.process_error(update=None, error=error))

    saved_timedelta = os.environ.get("PTB_TIMEDELTA")
    os.environ["PTB_TIMEDELTA"] = "1"  # as run() does: no deprecation warning on a 429
    await application.initialize()
    try:
        await application.post_init(application)
        await updater.start_polling(
            poll_interval=0,
            timeout=dt.timedelta(seconds=1),
            allowed_updates=ALLOWED_UPDATES,
            error_callback=on_polling_error,
        )
        await application.start()
        yield RunningBot(api, application, live, Path(settings.knowledge), questions)
    finally:
        # The order of run_polling: stop polling, finish the updates in flight, shut down.
        if updater.running:
            await updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        await application.post_shutdown(application)
        questions.close()  # in case post_shutdown failed: the next test needs a closed file
        if saved_timedelta is None:
            os.environ.pop("PTB_TIMEDELTA", None)
        else:
            os.environ["PTB_TIMEDELTA"] = saved_timedelta


def start_qa_bot_run(
    api: FakeBotApi, knowledge: Path, cwd: Path, **extra: str
) -> subprocess.Popen[str]:
    """`qa-bot run` as its own process against the fake Bot API (1 s long polls)."""
    env = clean_env(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_BASE_URL=api.base_url,
        QA_POLL_TIMEOUT="1",
        **extra,
    )
    return subprocess.Popen(
        [*qa_bot_command(), "--knowledge", str(knowledge), "run"],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
