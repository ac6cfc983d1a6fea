"""Admin commands, for QA_ADMIN_IDS in private chats: /reload and /stats.

The routing table hands anyone else's /reload or /stats (and an admin's, in a group) to the
unknown-command handler, so they get exactly the reply of any unknown command: nothing hints
that these exist.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Update

from bot.telegram.context import Context
from bot.telegram.delivery import send
from bot.telegram.replies import Reply
from bot.telegram.texts import STATS_UNAVAILABLE_HTML, reload_html, stats_html

log = logging.getLogger(__name__)


async def reload(update: Update, context: Context) -> None:
    """Reload the knowledge now; reply with what was loaded, or with each problem."""
    message = update.effective_message
    if message is None:
        return
    result = await asyncio.to_thread(context.bot_data.live.reload)
    log.info("command=reload outcome=%s", "reloaded" if result.ok else "failed")
    await send(message, Reply(reload_html(result)))


async def stats(update: Update, context: Context) -> None:
    """Reply with the outcome counts, the votes and the most asked unanswered questions."""
    message = update.effective_message
    if message is None:
        return
    numbers = await context.bot_data.recorder.stats()
    log.info("command=stats outcome=%s", "shown" if numbers else "unavailable")
    await send(message, Reply(stats_html(numbers) if numbers else STATS_UNAVAILABLE_HTML))
