"""The inbox: every update Telegram delivers, kept in SQLite until it has been handled.

An update is written here (and committed, synchronous=FULL) before the next getUpdates
confirms it to Telegram, and marked done once its handlers finished. So whatever happens to
the process, an update is either still at Telegram or in this table: at start the bot first
handles what is pending here. The price is at-least-once: an update handled just before a
crash, whose "done" mark was not yet written, is handled again after the restart.

Rows are keyed by Telegram's update_id, so an update that Telegram delivers again (it was
stored, but the crash came before the confirming getUpdates) is recognised and not handled
twice. The payload (the raw update: ids, names, texts) is deleted as soon as the update is
done; the bare rows are pruned after PRUNE_AFTER (Telegram redelivers an unconfirmed update
for at most a day). An update that never finishes (it crashed the process each time) is
given up after MAX_ATTEMPTS starts.

Payloads are sealed before they are written (see seal()): the question log's promise that
no raw user or chat id is readable from its file holds for the inbox too, even for the
moment an update is pending, and in the WAL and free pages afterwards.

No Telegram types here: payloads are JSON texts, and bot.telegram.durable does the rest.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.schema import StoreError, connect_database, file_identity, iso, migrate

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
PRUNE_AFTER = timedelta(days=2)
_NONCE, _TAG, _BLOCK = 16, 16, 32


def _stream(key: bytes, nonce: bytes, size: int) -> bytes:
    blocks = (size + _BLOCK - 1) // _BLOCK
    return b"".join(
        hmac.new(key, b"stream" + nonce + n.to_bytes(8, "big"), hashlib.sha256).digest()
        for n in range(blocks)
    )[:size]


def _tag(key: bytes, nonce: bytes, body: bytes) -> bytes:
    return hmac.new(key, b"tag" + nonce + body, hashlib.sha256).digest()[:_TAG]


def seal(key: bytes, text: str) -> bytes:
    """`text` encrypted and authenticated with `key`: HMAC-SHA256 as a keyed stream (counter
    mode, a random nonce per payload) and as the tag. The stdlib has no cipher, and a
    dependency for this one use was not worth it."""
    data = text.encode("utf-8")
    nonce = secrets.token_bytes(_NONCE)
    body = bytes(a ^ b for a, b in zip(data, _stream(key, nonce, len(data)), strict=True))
    return nonce + _tag(key, nonce, body) + body


def unseal(key: bytes, blob: bytes) -> str | None:
    """The text sealed in `blob`; None when it was sealed with another key or damaged."""
    nonce, tag, body = blob[:_NONCE], blob[_NONCE : _NONCE + _TAG], blob[_NONCE + _TAG :]
    if len(nonce) != _NONCE or not hmac.compare_digest(tag, _tag(key, nonce, body)):
        return None
    data = bytes(a ^ b for a, b in zip(body, _stream(key, nonce, len(body)), strict=True))
    return data.decode("utf-8")


@dataclass(frozen=True)
class Incoming:
    """One update as fetched: its id and raw JSON, or None when it cannot be read (skipped)."""

    update_id: int
    payload: str | None


@dataclass(frozen=True)
class Pending:
    """An update left over from an earlier run, to be handled first."""

    update_id: int
    payload: str


def _connect(path: Path) -> sqlite3.Connection:
    return connect_database(path, any_thread=True)


class Inbox:
    """The durable inbox; thread-safe (calls are serialised), blocking (use a worker thread)."""

    def __init__(
        self,
        path: Path,
        key: bytes,
        connect: Callable[[Path], sqlite3.Connection] | None = None,
    ) -> None:
        """Open (creating or migrating) the database; raise StoreError if it cannot.

        `key` seals the payloads: the same key must be given after a restart."""
        self.path = path
        self._key = hmac.new(key, b"qa-bot inbox", hashlib.sha256).digest()
        self._connect = connect or _connect
        self._lock = threading.Lock()
        self._done: list[int] = []
        self._closed = False
        # For async callers: the inbox's own thread, so that its quick writes never queue
        # behind the engine's work in the default pool (a late done mark is a repeated answer).
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="qa-bot-inbox")
        try:
            self._conn = self._open()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the inbox in {path}: {exc}") from exc

    def _open(self) -> sqlite3.Connection:
        conn = self._connect(self.path)
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        self._identity = file_identity(self.path)
        return conn

    def _connection(self) -> sqlite3.Connection:
        # A deleted data folder would swallow every later write into an unlinked file: write to
        # the file now at the path (made again if need be; the question log may have), and say so.
        if file_identity(self.path) != self._identity:
            log.error("inbox: %s vanished while running; using a new file", self.path)
            self._conn.close()
            self._conn = self._open()
        return self._conn

    def store(self, updates: Iterable[Incoming], now: datetime | None = None) -> set[int]:
        """Write fetched updates in one durable transaction; the ids seen for the first time."""
        received = iso(now or datetime.now(UTC))
        new: set[int] = set()
        with self._lock:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                for update in updates:
                    state = "pending" if update.payload is not None else "skipped"
                    sealed = None if update.payload is None else seal(self._key, update.payload)
                    cursor = conn.execute(
                        "INSERT OR IGNORE INTO inbox (update_id, received_at, state, payload) "
                        "VALUES (?, ?, ?, ?)",
                        (update.update_id, received, state, sealed),
                    )
                    if cursor.rowcount:
                        new.add(update.update_id)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return new

    def take_pending(self) -> list[Pending]:
        """The updates an earlier run left unhandled, oldest first; each start counts as an
        attempt, and those tried MAX_ATTEMPTS times are given up (marked failed)."""
        with self._lock:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                failed = conn.execute(
                    "UPDATE inbox SET state = 'failed', payload = NULL "
                    "WHERE state = 'pending' AND attempts >= ?",
                    (MAX_ATTEMPTS,),
                ).rowcount
                rows = conn.execute(
                    "SELECT update_id, payload FROM inbox WHERE state = 'pending' "
                    "ORDER BY update_id"
                ).fetchall()
                conn.execute("UPDATE inbox SET attempts = attempts + 1 WHERE state = 'pending'")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        if failed:
            log.error("inbox: gave up %d update(s) that failed %d starts", failed, MAX_ATTEMPTS)
        pending = []
        for update_id, payload in rows:
            text = unseal(self._key, bytes(payload)) if payload is not None else None
            if text is None:  # the hash key changed since: it cannot be read any more
                log.error("inbox: pending update %d cannot be unsealed; skipped", update_id)
                self.mark_done(int(update_id))
                continue
            pending.append(Pending(int(update_id), text))
        return pending

    def mark_done(self, update_id: int) -> None:
        """Note that an update was handled; written by the next flush() (no disk access)."""
        with self._lock:
            self._done.append(update_id)

    def flush(self) -> int:
        """Write the done marks noted so far (and forget their payloads); how many."""
        with self._lock:
            done, self._done = self._done, []
            if not done or self._closed:
                return 0
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    "UPDATE inbox SET state = 'done', payload = NULL WHERE update_id = ?",
                    [(update_id,) for update_id in done],
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                self._done[:0] = done  # tried again by the next flush
                raise
        return len(done)

    def prune(self, now: datetime | None = None) -> int:
        """Delete handled rows older than PRUNE_AFTER; how many."""
        cutoff = iso((now or datetime.now(UTC)) - PRUNE_AFTER)
        with self._lock:
            if self._closed:
                return 0
            cursor = self._connection().execute(
                "DELETE FROM inbox WHERE state != 'pending' AND received_at < ?", (cutoff,)
            )
        return cursor.rowcount

    def counts(self) -> dict[str, int]:
        """Rows per state (for tests and logs)."""
        with self._lock:
            rows = (
                self._connection()
                .execute("SELECT state, COUNT(*) FROM inbox GROUP BY state")
                .fetchall()
            )
        return {str(state): int(count) for state, count in rows}

    def close(self) -> None:
        """Write the done marks, then close the database; idempotent."""
        try:
            self.flush()
        except sqlite3.Error as exc:
            log.error("inbox: could not write the last done marks: %s", exc)
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()
        self.executor.shutdown(wait=False)
