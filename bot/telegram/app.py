"""`qa-bot run`: the Telegram bot, polling for updates until SIGINT or SIGTERM (exit code 0).

Start-up checks the settings, the knowledge and the question log before any request reaches
Telegram; a missing token, an invalid knowledge base or a question log that cannot be opened
raises a UserError saying how to fix it (`cli.main` prints it and exits with code 1). Every
update goes through the durable inbox (bot.telegram.durable) before Telegram is told it
was received.
While running, network errors, 5xx replies and flood limits are retried: polling never gives
up, and replies are retried for a bounded time (bot.telegram.sending). A watcher reloads the
knowledge when its files change (QA_RELOAD_INTERVAL). On SIGINT/SIGTERM the updates in flight
get a short grace period, the rest stays in the inbox for the next start, then the question
log writes everything queued and closes: no record is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import secrets
from collections.abc import Iterator
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application, ApplicationBuilder, Defaults
from telegram.request import HTTPXRequest

from bot.config import (
    MISSING_TOKEN_HELP,
    ConfigError,
    Settings,
    log_level_number,
    opt_in_to_ptb_timedelta,
)
from bot.datadir import tighten_permissions
from bot.errors import UserError
from bot.flood import FloodGuard
from bot.inbox import Inbox
from bot.live import LiveEngine, watch
from bot.schema import StoreError
from bot.store import QuestionLog
from bot.telegram.access import Access
from bot.telegram.command_table import ADMIN_COMMANDS, PUBLIC_COMMANDS
from bot.telegram.context import CONTEXT_TYPES, BotData
from bot.telegram.durable import InboxApplication, InboxBot
from bot.telegram.handlers import register
from bot.telegram.logsafe import RedactingFilter, configure_logging
from bot.telegram.recorder import Recorder
from bot.telegram.sending import RetryingRateLimiter

log = logging.getLogger(__name__)

CONCURRENT_UPDATES = 32  # updates handled at once; the engine runs in worker threads
RATE_LIMIT_RETRIES = 3  # times a request hit by a 429 is retried after its retry_after
STARTUP_RETRIES = 3  # times the first getMe is retried before giving up
CONNECTIONS = 256  # PTB's default pool for requests other than getUpdates
ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "inline_query")

QaApplication = Application[Any, Any, Any, Any, BotData, Any]
# Also the name benchmarks/bench_bot.py replaces to measure without the rate limiter.
AIORateLimiter = RetryingRateLimiter


def run(settings: Settings) -> None:
    """Check the knowledge and the question log, then answer until stopped.

    Raises a UserError (ConfigError, KnowledgeError, StoreError) when the bot cannot start."""
    if settings.token is None:
        raise ConfigError(MISSING_TOKEN_HELP)
    configure_logging(log_level_number(settings.log_level), settings.secrets())
    opt_in_to_ptb_timedelta()
    live = LiveEngine(settings.knowledge)
    with _explained_store_error():
        questions = open_question_log(settings)
    try:
        with _explained_store_error():
            inbox = Inbox(settings.store.path, questions.inbox_key())
    except StoreError:
        questions.close()
        raise
    try:
        serve(build_application(settings, live, questions, inbox), settings)
    finally:
        questions.close()  # normally done by post_shutdown already; closing twice is harmless
        inbox.close()


@contextlib.contextmanager
def _explained_store_error() -> Iterator[None]:
    """Add to a StoreError how to fix it: the data file must be somewhere this user can write."""
    try:
        yield
    except StoreError as exc:
        raise StoreError(
            f"{exc}\n  Set QA_DB_PATH to a file in a folder this user can write (see .env.example)."
        ) from exc


def open_question_log(settings: Settings) -> QuestionLog:
    """The question log of the settings; raises StoreError when it cannot be opened."""
    tighten_permissions(settings.store.path, log.warning)
    key = settings.hash_key.reveal() if settings.hash_key else None
    return QuestionLog.open(settings.store, key)


def build_application(
    settings: Settings,
    live: LiveEngine,
    questions: QuestionLog | None = None,
    inbox: Inbox | None = None,
) -> QaApplication:
    """The PTB Application: durable, rate limited, concurrent, HTML by default, handlers
    registered.

    Without `questions` nothing is recorded (and answers get no 👍/👎 buttons). Without
    `inbox`, the inbox in the question log's file is opened (raises StoreError if it cannot).
    """
    if settings.token is None:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set")
    if inbox is None:
        # Without a question log (tools, tests) nothing survives a restart anyway.
        key = questions.inbox_key() if questions else secrets.token_bytes(32)
        inbox = Inbox(settings.store.path, key)
    rate_limiter = AIORateLimiter(max_retries=RATE_LIMIT_RETRIES)
    defaults = Defaults(
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        allow_sending_without_reply=True,
    )
    bot = InboxBot(
        settings.token.reveal(),
        base_url=settings.api_base_url,
        defaults=defaults,
        request=HTTPXRequest(connection_pool_size=CONNECTIONS),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        rate_limiter=rate_limiter,
        inbox=inbox,
    )
    application: QaApplication = (
        ApplicationBuilder()
        .bot(bot)
        .application_class(InboxApplication, kwargs={"inbox": inbox})
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(start_up)
        .post_shutdown(shut_down)
        .build()
    )
    data = application.bot_data
    data.live = live
    data.recorder = Recorder(questions)
    data.access = Access(settings.admin_ids, settings.allowed_chat_ids)
    data.flood = FloodGuard(settings.flood_max, settings.flood_window)
    data.reload_interval = settings.reload_interval
    register(application, settings.admin_ids)
    return application


def serve(application: QaApplication, settings: Settings) -> None:
    """Poll until SIGINT/SIGTERM; in-flight updates finish first.

    Raises StartError when Telegram turns the bot away at start-up."""
    try:
        application.run_polling(
            poll_interval=0,
            timeout=dt.timedelta(seconds=settings.poll_timeout),
            bootstrap_retries=STARTUP_RETRIES,
            allowed_updates=ALLOWED_UPDATES,
        )
    except InvalidToken as exc:
        raise StartError(
            "Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather (/token)"
        ) from exc
    except TelegramError as exc:
        # The error's text could hold a URL, and the URL the token: redacted like log lines.
        reason = RedactingFilter(settings.secrets()).redact(str(exc))
        raise StartError(
            f"could not start: {reason} (is {_host(settings.api_base_url)} reachable?)"
        ) from exc
    log.info("stopped")


class StartError(UserError):
    """Telegram refused the bot or could not be reached at start-up."""


async def start_up(application: QaApplication) -> None:
    """The post_init hook: register the command menus, start watching the knowledge."""
    await announce(application)
    data = application.bot_data
    if data.reload_interval > 0:
        data.watcher = asyncio.create_task(
            watch(data.live, data.reload_interval), name="qa-bot-knowledge-watch"
        )


async def shut_down(application: QaApplication) -> None:
    """The post_shutdown hook: stop watching, then write and close the question log."""
    data = application.bot_data
    if data.watcher is not None:
        data.watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await data.watcher
        data.watcher = None
    await data.recorder.close()


async def announce(application: QaApplication) -> None:
    """Register the command menus (admins get theirs) and log who and what is being served."""
    bot = application.bot
    public = [BotCommand(c.name, c.description) for c in PUBLIC_COMMANDS]
    try:
        await bot.set_my_commands(public)
    except TelegramError as exc:
        log.warning("could not register the command menu: %s", exc)
    admin_menu = public + [BotCommand(c.name, c.description) for c in ADMIN_COMMANDS]
    for admin in sorted(application.bot_data.access.admins):
        try:
            await bot.set_my_commands(admin_menu, scope=BotCommandScopeChat(admin))
        except TelegramError as exc:  # e.g. "chat not found": the admin never wrote to the bot
            log.warning("could not register an admin's command menu: %s", exc)
    knowledge = application.bot_data.engine.knowledge
    log.info(
        "started as @%s: %d entries from %d article(s): %s",
        bot.username,
        len(knowledge.entries),
        len(knowledge.articles),
        ", ".join(a.title for a in knowledge.articles.values()),
    )


def _host(url: str) -> str:
    """The scheme and host of the API URL, for messages (the path could hold the token)."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"
