"""The global error handler: log every error (the log filter hides the token), never crash.

Network trouble (timeouts, 5xx, flood limits) is expected now and then: PTB retries polling
by itself, so it is logged as a one-line warning. An inline query answered after it expired
is one INFO line, like a button press answered too late. Anything else is logged with its traceback,
and the person whose message failed gets a short apology.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.telegram.context import Context
from bot.telegram.texts import clip

log = logging.getLogger(__name__)

SORRY_HTML = "Sorry, something went wrong on my side. Please try again in a moment."


async def on_error(update: object, context: Context) -> None:
    """Log an error raised by a handler or while polling; apologise when a person waits."""
    error = context.error
    where = _describe(update)
    if isinstance(error, NetworkError | RetryAfter) and not isinstance(error, BadRequest):
        log.warning(
            "Telegram request failed %s: %s: %s", where, type(error).__name__, _short(error)
        )
        return
    if isinstance(error, BadRequest) and _expired_query(error):
        # The person stopped waiting (or the bot was down): logged as for buttons.
        log.info("could not answer a query %s: %s", where, error)
        return
    if isinstance(error, Forbidden):  # blocked by the user, or removed from the group
        log.info("not allowed to reply %s: %s", where, error)
        return
    if isinstance(error, Conflict):
        log.error("another process is polling with this bot token; stop it (%s)", error)
        return
    log.error("error %s", where, exc_info=error)
    if isinstance(update, Update) and update.effective_chat and not update.callback_query:
        try:
            await context.bot.send_message(update.effective_chat.id, SORRY_HTML)
        except TelegramError as exc:
            log.warning("could not send an apology: %s", exc)


def _expired_query(error: BadRequest) -> bool:
    """True for Telegram's answer to an inline or callback query answered too late."""
    text = str(error).lower()
    return "query is too old" in text or "query id is invalid" in text


def _short(error: Exception) -> str:
    """The error's message without the HTML page a proxy may have answered with."""
    text = str(error).split(". Parsing the server response", 1)[0]
    return clip(text, 300)


def _describe(update: object) -> str:
    """Which kind of update failed (never its content: that is a person's message)."""
    if update is None:
        return "while polling"
    if isinstance(update, Update):
        kinds = [name for name, value in update.to_dict().items() if name != "update_id" and value]
        return f"in update {update.update_id} ({', '.join(kinds) or 'empty'})"
    return f"in {type(update).__name__}"
