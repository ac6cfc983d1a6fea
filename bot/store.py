"""The question log: every question's outcome in SQLite, written by one background thread.

`QuestionLog.record()` only puts a row on a queue and returns its id, so the event loop
never waits for the disk; the writer commits whatever is queued as soon as it arrives
(one transaction per batch, no added delay), and `close()` drains the queue first.
User and chat ids are stored as keyed hashes only (bot.privacy); question texts only
where an author needs them (see `record`), and never longer than the retention period.
The file itself (settings, schema, migrations) is bot.schema's; the /stats queries are
bot.stats'.
"""

from __future__ import annotations

import atexit
import enum
import logging
import queue
import secrets
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from bot.config import DEFAULT_RETENTION_DAYS, StoreSettings
from bot.model import Outcome, Result
from bot.privacy import (
    Hasher,
    HashKeyError,
    key_file_for,
    load_hash_key,
    restore_key_file,
)
from bot.question_policy import MAX_QUESTION_CHARS
from bot.schema import (
    StoreClosed,
    StoreError,
    connect_database,
    file_identity,
    iso,
    migrate,
    purge_texts,
)
from bot.stats import Stats, read_stats

log = logging.getLogger(__name__)

MAX_BATCH = 500
PURGE_EVERY = 3600.0  # seconds between purges of old question texts by the writer
# Texts of answered questions wait in memory for a 👎 at most this long, and this many.
PENDING_SECONDS = 86_400.0
PENDING_LIMIT = 10_000
T = TypeVar("T")


class ChatType(enum.StrEnum):
    """Where a question was asked."""

    PRIVATE = "private"
    GROUP = "group"
    SUPERGROUP = "supergroup"
    CHANNEL = "channel"
    INLINE = "inline"


# -- writes --------------------------------------------------------------------------------------


_Op = Callable[[sqlite3.Connection], Any]
_INSERT = (
    "INSERT INTO questions (id, asked_at, chat_type, user_hash, chat_hash, outcome, entry_id, "
    "confidence, question) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_PICK = "UPDATE questions SET picked_entry_id = ?, picked_at = ? WHERE id = ?"
_DELIVERY = "UPDATE questions SET delivery = ? WHERE id = ?"
_VOTE = (
    "INSERT INTO feedback (record_id, user_hash, vote, voted_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (record_id, user_hash) DO UPDATE "
    "SET vote = excluded.vote, voted_at = excluded.voted_at"
)
_KEEP_TEXT = "UPDATE questions SET question = ? WHERE id = ? AND outcome = ? AND question IS NULL"
# A 👎 changed to 👍: an answered question's text is kept only while some 👎 stands.
_DROP_TEXT = (
    "UPDATE questions SET question = NULL WHERE id = ? AND outcome = ? "
    "AND NOT EXISTS (SELECT 1 FROM feedback WHERE record_id = ? AND vote < 0)"
)


def _statements(*steps: tuple[str, tuple[object, ...]]) -> _Op:
    """An operation for the writer: these statements, in order."""

    def run(conn: sqlite3.Connection) -> None:
        for sql, params in steps:
            conn.execute(sql, params)

    return run


_Item = tuple[_Op, Future[Any] | None]
_STOP = None


class QuestionLog:
    """The question log; safe to call from any thread, never blocking on the disk."""

    def __init__(
        self,
        path: Path,
        hash_key: bytes,
        *,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        connect: Callable[[Path], sqlite3.Connection] = connect_database,
        key_file: Path | None = None,
    ) -> None:
        """Open (creating or migrating) the database; raise StoreError if it cannot.

        `key_file`: where `hash_key` came from, to write it back if the folder vanishes."""
        self.path = path
        self._key = hash_key
        self._key_file = key_file
        self.retention_days = retention_days
        self._hasher = Hasher(hash_key)
        self._connect = connect
        # Texts of answered questions, kept in memory only: written if a 👎 comes.
        self._pending: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._closed = False
        ready: Future[None] = Future()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="qa-bot-question-log", daemon=True
        )
        self._thread.start()
        try:
            ready.result()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the question log {path}: {exc}") from exc
        # The writer is a daemon thread, so it cannot keep the process alive; closing at
        # exit still drains the queue when the owner forgot to.
        atexit.register(self.close)

    @classmethod
    def open(
        cls,
        settings: StoreSettings,
        hash_key: str | None = None,
        *,
        warn: Callable[[str], None] | None = None,
    ) -> QuestionLog:
        """Open the log of `settings`; without `hash_key`, the key file's (made if missing)."""
        try:
            key = load_hash_key(settings.path, hash_key, warn)
        except (HashKeyError, OSError) as exc:
            raise StoreError(f"cannot set up the hash key: {exc}") from exc
        key_file = None if hash_key else key_file_for(settings.path)
        return cls(settings.path, key, retention_days=settings.retention_days, key_file=key_file)

    def inbox_key(self) -> bytes:
        """A key for the inbox's sealed payloads, derived from the hash key (never shown)."""
        return self._hasher.derive("inbox")

    # -- the public writes -------------------------------------------------------------------

    def record(
        self,
        *,
        question: str,
        outcome: Outcome | str,
        chat_type: ChatType | str,
        user_id: int | str | None,
        chat_id: int | str | None,
        entry_id: str | None = None,
        confidence: float = 0.0,
        at: datetime | None = None,
    ) -> str:
        """Queue one question's outcome; return its record id at once (no disk access)."""
        outcome = Outcome(outcome)
        record_id = secrets.token_hex(8)
        text = question.strip()[:MAX_QUESTION_CHARS] or None
        if self.retention_days == 0:
            text = None
        # Authors need the texts nothing answered; an answered question's text waits in memory
        # (a day at most) and reaches the disk only if a 👎 comes for it.
        keep_now = outcome is not Outcome.ANSWERED
        row = (
            record_id,
            iso(at or datetime.now(UTC)),
            ChatType(chat_type).value,
            None if user_id is None else self._hasher.hash("user", user_id),
            None if chat_id is None else self._hasher.hash("chat", chat_id),
            outcome.value,
            entry_id,
            round(float(confidence), 4),
            text if keep_now else None,
        )
        with self._lock:
            if not keep_now and text is not None:
                self._remember(record_id, text)
            self._put(_statements((_INSERT, row)))
        return record_id

    def record_result(
        self,
        result: Result,
        *,
        chat_type: ChatType | str,
        user_id: int | str | None,
        chat_id: int | str | None,
        at: datetime | None = None,
    ) -> str:
        """`record` for an engine Result: the answered entry, or the top suggestion."""
        entry_id = result.entry.id if result.entry else None
        if entry_id is None and result.suggestions:
            entry_id = result.suggestions[0].entry_id
        return self.record(
            question=result.question,
            outcome=result.outcome,
            chat_type=chat_type,
            user_id=user_id,
            chat_id=chat_id,
            entry_id=entry_id,
            confidence=result.confidence,
            at=at,
        )

    def suggestion_picked(self, record_id: str, entry_id: str, at: datetime | None = None) -> None:
        """Note which suggestion was picked after a "did you mean"; the last pick wins."""
        with self._lock:
            self._put(_statements((_PICK, (entry_id, iso(at or datetime.now(UTC)), record_id))))

    def delivered(self, record_id: str, ok: bool) -> None:
        """Note whether the reply to `record_id` reached Telegram ("sent") or not ("failed")."""
        with self._lock:
            self._put(_statements((_DELIVERY, ("sent" if ok else "failed", record_id))))

    def feedback(
        self, record_id: str, user_id: int | str, vote: int, at: datetime | None = None
    ) -> None:
        """👍 (+1) or 👎 (-1) from one user on one answer; pressing again changes the vote."""
        if vote not in (1, -1):
            raise ValueError(f"a vote is +1 or -1, not {vote!r}")
        user_hash = self._hasher.hash("user", user_id)
        answered = Outcome.ANSWERED.value
        steps: list[tuple[str, tuple[object, ...]]] = [
            (_VOTE, (record_id, user_hash, vote, iso(at or datetime.now(UTC))))
        ]
        with self._lock:
            text = self._pending_text(record_id)
            if vote < 0 and text is not None:
                steps.append((_KEEP_TEXT, (text, record_id, answered)))
            elif vote > 0:
                steps.append((_DROP_TEXT, (record_id, answered, record_id)))
            self._put(_statements(*steps))

    def purge_texts(self, now: datetime | None = None) -> Future[int]:
        """Forget texts older than the retention period now (the writer also does it hourly)."""
        moment = now or datetime.now(UTC)
        return self._call(lambda conn: purge_texts(conn, self.retention_days, moment))

    def stats(self, now: datetime | None = None, timeout: float | None = None) -> Stats:
        """Counts for today and the last 7 days, top unanswered; blocks (use asyncio.to_thread).

        Raises TimeoutError when the writer has not got to it within `timeout` seconds.
        """
        # Run by the writer, after every write queued before it: the numbers include them.
        moment = now or datetime.now(UTC)
        return self._call(lambda conn: read_stats(conn, moment)).result(timeout)

    def flush(self, timeout: float | None = None) -> None:
        """Wait until everything queued so far is committed."""
        self._call(lambda conn: None).result(timeout)

    def close(self, timeout: float | None = None) -> None:
        """Write everything queued, then close the database; later writes raise StoreClosed."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(_STOP)
        atexit.unregister(self.close)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("question log: the writer did not finish within %s s", timeout)

    @property
    def closed(self) -> bool:
        """True once close() was called: nothing more can be written."""
        return self._closed

    def __enter__(self) -> QuestionLog:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- internals ---------------------------------------------------------------------------

    def _put(self, op: _Op, future: Future[Any] | None = None) -> None:
        # Called with the lock held, so nothing can be queued after close()'s stop marker.
        if self._closed:
            raise StoreClosed("the question log is closed")
        self._queue.put((op, future))

    def _call(self, op: Callable[[sqlite3.Connection], T]) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            self._put(op, future)
        return future

    def _remember(self, record_id: str, text: str) -> None:
        now = time.monotonic()
        self._pending[record_id] = (now, text)
        while self._pending:
            oldest_id, (since, _) = next(iter(self._pending.items()))
            if len(self._pending) <= PENDING_LIMIT and now - since < PENDING_SECONDS:
                break
            del self._pending[oldest_id]

    def _pending_text(self, record_id: str) -> str | None:
        # Not removed on a 👎: the vote may still change, and a 👎 from another user may come.
        found = self._pending.get(record_id)
        if found is None or time.monotonic() - found[0] >= PENDING_SECONDS:
            return None
        return found[1]

    def _run(self, ready: Future[None]) -> None:
        try:
            conn = self._connect(self.path)
            try:
                migrate(conn)
                self._purge_now(conn)
            except BaseException:
                conn.close()
                raise
        except BaseException as exc:
            ready.set_exception(exc)
            return
        self._identity = file_identity(self.path)
        ready.set_result(None)
        self._conn = conn
        try:
            self._serve()
        finally:
            self._conn.close()

    def _purge_now(self, conn: sqlite3.Connection) -> int:
        return purge_texts(conn, self.retention_days, datetime.now(UTC))

    def _serve(self) -> None:
        # Runs in the writer thread, the only user of self._conn.
        next_purge = time.monotonic() + PURGE_EVERY
        while True:
            try:
                first = self._queue.get(timeout=max(0.0, next_purge - time.monotonic()))
            except queue.Empty:
                next_purge = time.monotonic() + PURGE_EVERY
                self._conn = self._still_there(self._conn)
                self._commit(self._conn, [(self._purge_now, None)])
                continue
            batch = [first]
            # Whatever queued up while the last commit ran goes into one transaction.
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._conn = self._still_there(self._conn)
            self._commit(self._conn, [item for item in batch if item is not _STOP])
            if batch[-1] is _STOP:
                return

    def _still_there(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        """`conn`, or a connection to the file now at the path (made again if need be) when the
        file or its folder was deleted: SQLite would go on writing into the unlinked file, and
        every later row would be lost. The key file is written back too."""
        if file_identity(self.path) == self._identity:
            return conn
        try:
            fresh = self._connect(self.path)
            migrate(fresh)
        except (sqlite3.Error, OSError) as exc:
            log.error("question log: %s vanished and cannot be created again: %s", self.path, exc)
            return conn
        conn.close()
        self._identity = file_identity(self.path)
        restored = self._key_file is not None and restore_key_file(self._key_file, self._key)
        log.error(
            "question log: %s vanished while running; writing to a new file%s",
            self.path,
            " (the hash key file written back)" if restored else "",
        )
        return fresh

    def _commit(self, conn: sqlite3.Connection, batch: list[_Item]) -> None:
        if not batch:
            return
        done: list[tuple[Future[Any] | None, Any]] = []
        try:
            conn.execute("BEGIN IMMEDIATE")
            for op, future in batch:
                # A savepoint per operation: one bad write (an unknown record id) spoils no other.
                conn.execute("SAVEPOINT op")
                try:
                    result = op(conn)
                except Exception as exc:
                    conn.execute("ROLLBACK TO op")
                    log.warning("question log: a write failed: %s", exc)
                    if future is not None:
                        future.set_exception(exc)
                else:
                    done.append((future, result))
                conn.execute("RELEASE op")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            # The disk is full or the file locked for longer than the busy timeout: the batch
            # is lost, but the writer lives on for the next one.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            log.error("question log: lost %d writes: %s", len(batch), exc)
            for _, future in batch:
                if future is not None and not future.done():
                    future.set_exception(exc)
            return
        for future, result in done:
            if future is not None:
                future.set_result(result)
