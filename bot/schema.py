"""The question log's file: where it lives, its connection settings, schema and migrations.

bot.store writes to it (QuestionLog); bot.stats, bot.report and `qa-bot report` read it. All
open it through here, so every connection is configured alike and every file is up to date.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.errors import UserError


class StoreError(UserError):
    """The question log cannot be opened or used; the message says why."""


class StoreClosed(StoreError):
    """A write was attempted after close()."""


# -- schema --------------------------------------------------------------------------------------

# Each migration moves the file from version N to N+1 (PRAGMA user_version); never edit one
# that has shipped: add the next.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # v1: one row per question
        """CREATE TABLE questions (
            id TEXT PRIMARY KEY,
            asked_at TEXT NOT NULL,
            chat_type TEXT NOT NULL,
            user_hash TEXT,
            chat_hash TEXT,
            outcome TEXT NOT NULL,
            entry_id TEXT,
            confidence REAL NOT NULL,
            question TEXT
        )""",
        "CREATE INDEX questions_asked_at ON questions (asked_at)",
    ),
    (  # v2: the suggestion people picked, and 👍/👎 per user and answer
        "ALTER TABLE questions ADD COLUMN picked_entry_id TEXT",
        "ALTER TABLE questions ADD COLUMN picked_at TEXT",
        """CREATE TABLE feedback (
            record_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
            user_hash TEXT NOT NULL,
            vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
            voted_at TEXT NOT NULL,
            PRIMARY KEY (record_id, user_hash)
        )""",
    ),
    (  # v3: the inbox of updates (bot.inbox), and whether each reply really reached Telegram
        """CREATE TABLE inbox (
            update_id INTEGER PRIMARY KEY,
            received_at TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'skipped', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            payload TEXT
        )""",
        "CREATE INDEX inbox_state ON inbox (state, received_at)",
        "ALTER TABLE questions ADD COLUMN delivery TEXT",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def connect_database(
    path: Path,
    factory: type[sqlite3.Connection] = sqlite3.Connection,
    *,
    any_thread: bool = False,
) -> sqlite3.Connection:
    """A configured connection (WAL, foreign keys), creating the file and its folder.

    `any_thread`: the caller serialises its use itself and calls from several threads.
    """
    # Owner-only: the file holds question texts (SQLite gives its WAL the same mode), and the
    # folder the hash key.
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    # Autocommit mode: transactions are opened explicitly, so DDL and DML behave alike.
    conn = sqlite3.connect(
        path,
        timeout=5.0,
        isolation_level=None,
        factory=factory,
        check_same_thread=not any_thread,
    )
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit survives an OS crash too, not only a crash of the bot.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def file_identity(path: Path) -> tuple[int, int] | None:
    """Which file `path` names now (device and inode), or None if there is none.

    A connection keeps writing to the file it opened even after that file was deleted (or
    replaced): comparing identities tells whether the writes still land where readers look."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file to SCHEMA_VERSION, one migration per transaction; return the version."""
    while True:
        conn.execute("BEGIN IMMEDIATE")  # re-read the version under the write lock
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the question log has schema version {version}, newer than this qa-bot "
                    f"({SCHEMA_VERSION}); upgrade qa-bot"
                )
            if version == SCHEMA_VERSION:
                conn.execute("COMMIT")
                return version
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def open_database(path: Path) -> sqlite3.Connection:
    """A connection to an up-to-date log (for reports and tools)."""
    conn = connect_database(path)
    try:
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def iso(moment: datetime) -> str:
    """How times are stored: UTC, to the second, sortable as text (naive means UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def purge_texts(conn: sqlite3.Connection, retention_days: int, now: datetime) -> int:
    """Forget question texts older than the retention period; the rows (counts) remain."""
    cutoff = iso(now - timedelta(days=retention_days))
    cursor = conn.execute(
        "UPDATE questions SET question = NULL WHERE question IS NOT NULL AND asked_at < ?",
        (cutoff,),
    )
    return cursor.rowcount
