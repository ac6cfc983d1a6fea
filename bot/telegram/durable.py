"""No update lost: getUpdates goes through the inbox (bot.inbox), handling marks it done.

PTB's Updater confirms updates to Telegram with the next getUpdates offset right after it
queued them in memory, and cannot skip an update it fails to parse (it fetches the same one
forever). InboxBot sits under the Updater, in the one request every poll makes: each update
it fetches is cleaned of lone surrogates, tried out, and written to the inbox before
getUpdates returns, so before the Updater's next call can confirm it. Updates that cannot be
read are recorded as skipped, logged without their content, and confirmed too (the offset
moves past every update fetched, whatever the Updater thinks). Updates the inbox has seen
before (Telegram sent them again after a crash) are not handed out twice.

InboxApplication marks an update done when its handlers finished, puts the updates an
earlier run left pending in front of the queue at start, and stops within STOP_GRACE
seconds whatever the backlog: updates not yet started are left pending for the next start,
and those still running after the grace period are cancelled (and so also left pending).
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import JSONDict, ODVInput
from telegram.error import TelegramError
from telegram.ext import Application, ExtBot

from bot.inbox import Inbox, Incoming

log = logging.getLogger(__name__)

STOP_GRACE = 2.5  # seconds the replies in flight get to finish on SIGTERM
# Done marks are written as soon as there are some, at most every FLUSH_INTERVAL seconds (a
# batch per commit); a crash repeats the answers of the last interval, and those in flight.
FLUSH_INTERVAL = 0.05
PRUNE_INTERVAL = 3600.0
CONFIRM_TIMEOUT = 1.0  # seconds for the getUpdates that confirms the last updates at stop
T = TypeVar("T")
_SURROGATE = re.compile("[\ud800-\udfff]")


class InboxUnavailable(TelegramError):
    """The inbox could not store fetched updates: they are not confirmed, and fetched again.

    A TelegramError, so that the Updater backs off and retries as after a network error."""


async def _in_inbox_thread(inbox: Inbox, call: Callable[..., T], *args: Any) -> T:
    """`call(*args)` in the inbox's own thread."""
    return await asyncio.get_running_loop().run_in_executor(inbox.executor, call, *args)


def without_surrogates(value: Any) -> Any:
    """`value` (parsed JSON) with every lone surrogate replaced by U+FFFD.

    Valid JSON may escape half a UTF-16 pair ("\\ud800"); such a string cannot be encoded as
    UTF-8, so it could be neither sent, logged nor stored. One code unit for one: UTF-16
    entity offsets stay right."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    return value


@dataclass
class _Fetching:
    next_offset: int = 0  # the offset that confirms every update fetched so far
    skipped: int = 0


class InboxBot(ExtBot[Any]):
    """ExtBot whose getUpdates stores every update in the inbox before returning it."""

    def __init__(self, *args: Any, inbox: Inbox, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with self._unfrozen():  # PTB freezes its objects; the counters live in a holder
            self.inbox = inbox
            self._fetching = _Fetching()

    @property
    def skipped(self) -> int:
        """How many updates could not be read since start."""
        return self._fetching.skipped

    async def _post(
        self,
        endpoint: str,
        data: JSONDict | None = None,
        *,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
        api_kwargs: JSONDict | None = None,
    ) -> Any:
        next_offset = self._fetching.next_offset
        if endpoint == "getUpdates" and data is not None and next_offset:
            # The Updater only counts the updates it was given; confirm everything fetched.
            data["offset"] = max(int(data.get("offset") or 0), next_offset)
        if endpoint == "getUpdates" and data is not None and not data.get("timeout"):
            # The Updater's last call when stopping: quick, or the stop would wait for it.
            read_timeout = connect_timeout = pool_timeout = CONFIRM_TIMEOUT
        result = await super()._post(
            endpoint,
            data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
            api_kwargs=api_kwargs,
        )
        if endpoint != "getUpdates" or not isinstance(result, list) or not result:
            return result
        return await self._keep(result)

    async def _keep(self, fetched: list[Any]) -> list[JSONDict]:
        """Store the fetched updates; the readable ones not seen before, to hand out."""
        incoming: list[Incoming] = []
        readable: list[JSONDict] = []
        newest = None
        for raw in fetched:
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            if not isinstance(update_id, int) or isinstance(update_id, bool):
                self._skipped(None, raw, "no update_id")
                continue
            newest = update_id if newest is None else max(newest, update_id)
            clean = without_surrogates(raw)
            try:
                Update.de_json(copy.deepcopy(clean), self)
                payload: str | None = json.dumps(clean, ensure_ascii=False)
            except Exception as exc:  # whatever the library cannot read, it cannot handle
                self._skipped(update_id, clean, type(exc).__name__)
                payload = None
            else:
                readable.append(clean)
            incoming.append(Incoming(update_id, payload))
        try:
            new = await _in_inbox_thread(self.inbox, self.inbox.store, incoming)
        except (sqlite3.Error, OSError) as exc:
            raise InboxUnavailable(f"could not store fetched updates in the inbox: {exc}") from exc
        if newest is not None:
            self._fetching.next_offset = max(self._fetching.next_offset, newest + 1)
        return [update for update in readable if update["update_id"] in new]

    def _skipped(self, update_id: int | None, raw: Any, why: str) -> None:
        self._fetching.skipped += 1
        # The kinds of content, never the content: it holds a person's ids, name and text.
        kinds = sorted(k for k in raw if k != "update_id") if isinstance(raw, dict) else []
        log.warning(
            "skipped update %s (%s): it cannot be read (%s); %d skipped since start",
            update_id if update_id is not None else "?",
            ", ".join(str(k)[:40] for k in kinds[:5]) or "empty",
            why,
            self.skipped,
        )


class InboxApplication(Application[Any, Any, Any, Any, Any, Any]):
    """Application that marks updates done in the inbox, resumes pending ones at start, and
    stops within STOP_GRACE seconds, leaving what it did not finish in the inbox."""

    def __init__(self, *, inbox: Inbox, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.inbox = inbox
        self._stopping = False
        self._in_flight: set[asyncio.Task[Any]] = set()
        self._flusher: asyncio.Task[None] | None = None
        self._marked = asyncio.Event()
        self._resumed = False

    async def initialize(self) -> None:
        """Initialize, then queue the updates an earlier run left unhandled, first of all."""
        await super().initialize()
        if self._resumed:  # initialize() may be called again; the pending are queued once
            return
        self._resumed = True
        pending = await _in_inbox_thread(self.inbox, self.inbox.take_pending)
        resumed = 0
        for item in pending:
            try:
                update = Update.de_json(json.loads(item.payload), self.bot)
            except Exception as exc:  # a library upgrade reads it differently: give it up
                log.warning(
                    "inbox: cannot read pending update %d (%s)", item.update_id, type(exc).__name__
                )
                self.inbox.mark_done(item.update_id)
                continue
            await self.update_queue.put(update)
            resumed += 1
        if resumed:
            log.info("inbox: answering %d update(s) left from the last run first", resumed)

    async def start(self) -> None:
        """Start handling updates, and writing their done marks in the background."""
        self._stopping = False
        await super().start()
        self._flusher = asyncio.create_task(self._keep_flushing(), name="qa-bot-inbox-flush")

    async def process_update(self, update: object) -> None:
        """Handle one update, then mark it done; nothing once stopping (it stays pending)."""
        if self._stopping:
            return
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
        try:
            await super().process_update(update)
        finally:
            if task is not None:
                self._in_flight.discard(task)
        if isinstance(update, Update):
            self.inbox.mark_done(update.update_id)
            self._marked.set()

    async def stop(self) -> None:
        """Stop within STOP_GRACE seconds: queued updates stay pending in the inbox, those in
        flight get the grace period to finish and are then cancelled (pending too)."""
        self._stopping = True
        while not self.update_queue.empty():
            self.update_queue.get_nowait()
            self.update_queue.task_done()
        in_flight = set(self._in_flight)
        if in_flight:
            _, unfinished = await asyncio.wait(in_flight, timeout=STOP_GRACE)
            for task in unfinished:
                task.cancel()
        await super().stop()
        if self._flusher is not None:
            self._flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flusher
            self._flusher = None
        await _in_inbox_thread(self.inbox, self._flush)
        counts = await _in_inbox_thread(self.inbox, self.inbox.counts)
        if counts.get("pending"):
            log.info("inbox: %d update(s) left for the next start", counts["pending"])

    async def shutdown(self) -> None:
        """Shut down, then write the last done marks and close the inbox."""
        await super().shutdown()
        await asyncio.to_thread(self.inbox.close)

    async def _keep_flushing(self) -> None:
        loop = asyncio.get_running_loop()
        next_prune = loop.time()  # prune once at start, then hourly
        while True:
            if loop.time() >= next_prune:
                next_prune = loop.time() + PRUNE_INTERVAL
                with contextlib.suppress(sqlite3.Error):
                    await _in_inbox_thread(self.inbox, self.inbox.prune)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(PRUNE_INTERVAL):
                    await self._marked.wait()
            self._marked.clear()
            await _in_inbox_thread(self.inbox, self._flush)
            await asyncio.sleep(FLUSH_INTERVAL)

    def _flush(self) -> None:
        try:
            self.inbox.flush()
        except (sqlite3.Error, OSError) as exc:  # kept in memory; the next flush tries again
            log.error("inbox: could not write done marks: %s", exc)
