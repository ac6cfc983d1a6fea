"""The question log: what is written, what is never written, and that writes never block."""

from __future__ import annotations

import functools
import io
import sqlite3
import stat
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.config import HASH_KEY_ENV, ConfigError, Settings, StoreSettings
from bot.engine import Engine
from bot.model import Outcome
from bot.privacy import Hasher, HashKeyError, key_file_for, load_hash_key
from bot.schema import (
    SCHEMA_VERSION,
    StoreClosed,
    StoreError,
    connect_database,
    iso,
)
from bot.store import QuestionLog
from tests.support.knowledge import LIBRARY
from tests.support.store import rows

KEY = b"test-key-0123456789abcdef"
USER = 987654321012
OTHER_USER = 555444333222
CHAT = -1001234567890
NOW = datetime(2024, 6, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "questions.sqlite3"


@pytest.fixture
def qlog(db: Path) -> Iterator[QuestionLog]:
    with QuestionLog(db, KEY) as log:
        yield log


def ask(log: QuestionLog, outcome: Outcome, text: str, **kw: Any) -> str:
    params: dict[str, Any] = {"chat_type": "private", "user_id": USER, "chat_id": USER}
    params.update(kw)
    return log.record(question=text, outcome=outcome, **params)


def test_records_are_written_and_read_back(qlog: QuestionLog, db: Path) -> None:
    first = qlog.record(
        question="Which library is closing?",
        outcome=Outcome.ANSWERED,
        chat_type="supergroup",
        user_id=USER,
        chat_id=CHAT,
        entry_id="closure",
        confidence=0.912345,
        at=NOW,
    )
    second = ask(qlog, Outcome.NO_MATCH, "Who is the mayor?", at=NOW + timedelta(seconds=1))
    qlog.flush()
    answered, unmatched = rows(db)
    assert answered["id"] == first and unmatched["id"] == second and first != second
    assert answered["asked_at"] == "2024-06-15T12:00:00Z"
    assert answered["chat_type"] == "supergroup"
    assert answered["outcome"] == "answered" and answered["entry_id"] == "closure"
    assert answered["confidence"] == pytest.approx(0.9123)
    assert answered["user_hash"] == Hasher(KEY).hash("user", USER)
    assert answered["chat_hash"] == Hasher(KEY).hash("chat", CHAT)
    assert len(answered["user_hash"]) == 32 and answered["user_hash"] != answered["chat_hash"]
    assert answered["picked_entry_id"] is None
    assert unmatched["outcome"] == "no_match" and unmatched["entry_id"] is None
    assert unmatched["question"] == "Who is the mayor?"


def test_the_database_is_in_wal_mode_with_the_latest_schema(qlog: QuestionLog, db: Path) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_record_result_takes_the_entry_or_the_top_suggestion(qlog: QuestionLog, db: Path) -> None:
    engine = Engine.load(LIBRARY)
    answered = engine.ask("Which library is closing?")
    unmatched = engine.ask("What is the capital of Peru?")
    assert answered.outcome is Outcome.ANSWERED and unmatched.outcome is Outcome.NO_MATCH
    qlog.record_result(answered, chat_type="private", user_id=USER, chat_id=USER, at=NOW)
    qlog.record_result(
        unmatched, chat_type="inline", user_id=USER, chat_id=None, at=NOW + timedelta(seconds=1)
    )
    qlog.flush()
    first, second = rows(db)
    assert (first["outcome"], first["entry_id"], first["question"]) == ("answered", "closure", None)
    assert first["confidence"] == pytest.approx(answered.confidence, abs=1e-4)
    assert (second["outcome"], second["entry_id"]) == ("no_match", None)
    assert second["chat_type"] == "inline" and second["chat_hash"] is None
    assert second["question"] == "What is the capital of Peru?"


def test_raw_ids_never_reach_the_file(db: Path) -> None:
    with QuestionLog(db, KEY) as log:
        record = ask(log, Outcome.UNSURE, "budget?", chat_type="supergroup", chat_id=CHAT)
        log.suggestion_picked(record, "running-cost")
        log.feedback(record, USER, -1)
        log.feedback(record, OTHER_USER, 1)
        log.flush()
        files = [db, db.with_name(db.name + "-wal")]
        assert files[1].stat().st_size > 0  # the rows are in the WAL at this point
        _assert_no_raw_ids(files)
    _assert_no_raw_ids([db])
    stored = rows(db, "SELECT * FROM questions") + rows(db, "SELECT * FROM feedback")
    values = {str(v) for row in stored for v in row.values()}
    assert not values & {str(USER), str(OTHER_USER), str(CHAT)}


def _assert_no_raw_ids(files: list[Path]) -> None:
    for raw in (USER, OTHER_USER, CHAT):
        # As text, and as SQLite would store an INTEGER (big-endian, 6 or 8 bytes).
        forms = [str(raw).encode(), str(abs(raw)).encode()]
        forms += [raw.to_bytes(n, "big", signed=True) for n in (6, 8)]
        for file in files:
            data = file.read_bytes()
            for form in forms:
                assert form not in data, f"{raw} found in {file.name}"


def test_hashes_survive_a_restart_and_depend_on_the_key(db: Path, tmp_path: Path) -> None:
    with QuestionLog(db, KEY) as log:
        ask(log, Outcome.NO_MATCH, "one")
    with QuestionLog(db, KEY) as log:
        ask(log, Outcome.NO_MATCH, "two")
    other = tmp_path / "other.sqlite3"
    with QuestionLog(other, b"another-key-0123456789") as log:
        ask(log, Outcome.NO_MATCH, "three")
    first, second = rows(db)
    assert first["user_hash"] == second["user_hash"]
    assert rows(other)[0]["user_hash"] != first["user_hash"]


def test_texts_are_kept_only_for_the_right_outcomes(qlog: QuestionLog, db: Path) -> None:
    texts = {
        "no-match": ask(qlog, Outcome.NO_MATCH, "Who is the mayor?"),
        "suggested": ask(qlog, Outcome.UNSURE, "library money"),
        "answered": ask(qlog, Outcome.ANSWERED, "Which library closes?", entry_id="closure"),
        "liked": ask(qlog, Outcome.ANSWERED, "What did Porter say?", entry_id="councillor"),
        "disliked": ask(qlog, Outcome.ANSWERED, "when does it shut", entry_id="closure"),
    }
    qlog.feedback(texts["liked"], USER, 1)
    qlog.feedback(texts["disliked"], USER, -1)
    qlog.flush()
    stored = {row["id"]: row["question"] for row in rows(db)}
    assert stored[texts["no-match"]] == "Who is the mayor?"
    assert stored[texts["suggested"]] == "library money"
    assert stored[texts["answered"]] is None
    assert stored[texts["liked"]] is None
    assert stored[texts["disliked"]] == "when does it shut"


def test_an_answer_text_stays_only_while_a_down_vote_stands(qlog: QuestionLog, db: Path) -> None:
    record = ask(qlog, Outcome.ANSWERED, "when does it shut", entry_id="closure")

    def text() -> str | None:
        qlog.flush()
        question: str | None = rows(db, f"SELECT question FROM questions WHERE id = '{record}'")[0][
            "question"
        ]
        return question

    qlog.feedback(record, USER, -1)
    assert text() == "when does it shut"
    qlog.feedback(record, OTHER_USER, 1)
    assert text() == "when does it shut"  # the first user's 👎 still stands
    qlog.feedback(record, USER, 1)
    assert text() is None  # nobody dislikes it any more
    qlog.feedback(record, OTHER_USER, -1)
    assert text() == "when does it shut"  # still pending in memory: kept again


def test_a_down_vote_after_a_restart_keeps_the_vote_but_has_no_text(db: Path) -> None:
    with QuestionLog(db, KEY) as log:
        record = ask(log, Outcome.ANSWERED, "when does it shut", entry_id="closure")
    with QuestionLog(db, KEY) as log:
        log.feedback(record, USER, -1)
    assert rows(db)[0]["question"] is None
    assert [r["vote"] for r in rows(db, "SELECT * FROM feedback")] == [-1]


def test_one_vote_per_user_per_answer_and_a_second_press_changes_it(
    qlog: QuestionLog, db: Path
) -> None:
    record = ask(qlog, Outcome.ANSWERED, "q", entry_id="closure")
    qlog.feedback(record, USER, 1, at=NOW)
    qlog.feedback(record, USER, -1, at=NOW + timedelta(minutes=1))
    qlog.feedback(record, OTHER_USER, 1, at=NOW)
    qlog.flush()
    votes = rows(db, "SELECT * FROM feedback ORDER BY vote")
    assert [(v["record_id"], v["vote"]) for v in votes] == [(record, -1), (record, 1)]
    assert votes[0]["user_hash"] == Hasher(KEY).hash("user", USER)
    assert votes[0]["voted_at"] == iso(NOW + timedelta(minutes=1))
    with pytest.raises(ValueError):
        qlog.feedback(record, USER, 0)


def test_feedback_for_an_unknown_record_is_dropped_and_the_log_goes_on(
    qlog: QuestionLog, db: Path
) -> None:
    qlog.feedback("0123456789abcdef", USER, -1)
    ask(qlog, Outcome.NO_MATCH, "still recorded")
    qlog.flush()
    assert rows(db, "SELECT * FROM feedback") == []
    assert [r["question"] for r in rows(db)] == ["still recorded"]


def test_the_picked_suggestion_is_recorded(qlog: QuestionLog, db: Path) -> None:
    record = ask(qlog, Outcome.UNSURE, "library budget", entry_id="running-cost")
    qlog.suggestion_picked(record, "running-cost", at=NOW)
    qlog.flush()
    (row,) = rows(db)
    assert (row["picked_entry_id"], row["picked_at"]) == ("running-cost", iso(NOW))
    assert row["question"] == "library budget"


def test_retention_purges_old_texts_and_keeps_the_counts(db: Path) -> None:
    with QuestionLog(db, KEY, retention_days=90) as log:
        ask(log, Outcome.NO_MATCH, "old question", at=NOW - timedelta(days=91))
        ask(log, Outcome.NO_MATCH, "recent question", at=NOW - timedelta(days=89))
        assert log.purge_texts(NOW).result() == 1
    assert [r["question"] for r in rows(db)] == [None, "recent question"]
    # Opening with a shorter retention purges at once (relative to the real clock).
    with QuestionLog(db, KEY, retention_days=1):
        pass
    assert [r["question"] for r in rows(db)] == [None, None]
    assert len(rows(db)) == 2


def test_retention_zero_keeps_no_texts(db: Path) -> None:
    with QuestionLog(db, KEY, retention_days=0) as log:
        record = ask(log, Outcome.ANSWERED, "answered", entry_id="closure")
        ask(log, Outcome.NO_MATCH, "unmatched")
        log.feedback(record, USER, -1)
    assert [r["question"] for r in rows(db)] == [None, None]


def test_close_drains_everything(db: Path) -> None:
    log = QuestionLog(db, KEY)
    ids = {ask(log, Outcome.NO_MATCH, f"question {n}") for n in range(1000)}
    log.close()
    assert len(ids) == 1000
    assert {r["id"] for r in rows(db, "SELECT id FROM questions")} == ids
    with pytest.raises(StoreClosed):
        ask(log, Outcome.NO_MATCH, "too late")
    log.close()  # closing twice is harmless


def test_record_never_touches_sqlite_on_the_calling_thread(db: Path) -> None:
    gate, waiting = threading.Event(), threading.Event()
    threads: set[int] = set()

    class Tracking(sqlite3.Connection):
        def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
            threads.add(threading.get_ident())
            if sql.startswith("INSERT INTO questions"):
                waiting.set()
                gate.wait(30)  # a writer stuck on a slow disk
            return super().execute(sql, parameters)

    log = QuestionLog(db, KEY, connect=functools.partial(connect_database, factory=Tracking))
    try:
        ask(log, Outcome.NO_MATCH, "first")
        assert waiting.wait(10)
        ids = [ask(log, Outcome.NO_MATCH, f"q{n}") for n in range(100)]
        log.feedback(ids[0], USER, -1)
        log.suggestion_picked(ids[1], "closure")
        # Every call returned while the writer is still blocked, and nothing is committed yet.
        assert not gate.is_set()
        assert rows(db, "SELECT id FROM questions") == []
        assert threading.get_ident() not in threads and len(threads) == 1
    finally:
        gate.set()
        log.close()
    assert len(rows(db, "SELECT id FROM questions")) == 101
    assert threading.get_ident() not in threads


V1_SCHEMA = """
CREATE TABLE questions (
    id TEXT PRIMARY KEY, asked_at TEXT NOT NULL, chat_type TEXT NOT NULL, user_hash TEXT,
    chat_hash TEXT, outcome TEXT NOT NULL, entry_id TEXT, confidence REAL NOT NULL, question TEXT
);
CREATE INDEX questions_asked_at ON questions (asked_at);
INSERT INTO questions VALUES
    ('old1', '2024-01-02T03:04:05Z', 'group', 'u1', 'c1', 'suggested', 'closure', 0.5, 'shut?'),
    ('old2', '2024-01-02T03:04:06Z', 'private', 'u2', 'u2', 'answered', 'closure', 0.9, NULL);
PRAGMA user_version = 1;
"""


def test_a_version_1_file_is_migrated_with_its_data(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.executescript(V1_SCHEMA)
    conn.close()
    with QuestionLog(db, KEY, retention_days=36_500) as log:  # keep the 2024 texts
        log.suggestion_picked("old1", "running-cost")
        log.feedback("old2", USER, -1)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    conn.close()
    old1, old2 = rows(db)
    assert (old1["chat_type"], old1["user_hash"], old1["question"]) == ("group", "u1", "shut?")
    assert old1["picked_entry_id"] == "running-cost" and old2["confidence"] == 0.9
    assert [r["record_id"] for r in rows(db, "SELECT * FROM feedback")] == ["old2"]


def test_a_file_from_a_newer_version_is_refused(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer than this qa-bot"):
        QuestionLog(db, KEY)


def test_stats_count_today_and_the_last_week(qlog: QuestionLog) -> None:
    now = datetime(2024, 6, 15, 9, 30, tzinfo=UTC)
    ask(qlog, Outcome.ANSWERED, "a", entry_id="closure", at=now - timedelta(hours=1))
    ask(qlog, Outcome.NO_MATCH, "Who is the mayor?", at=now - timedelta(hours=2))
    ask(qlog, Outcome.NO_MATCH, "who is the mayor", at=now - timedelta(hours=12))
    ask(qlog, Outcome.UNSURE, "parking?", at=now - timedelta(days=2))
    ask(qlog, Outcome.NO_MATCH, "ancient", at=now - timedelta(days=8))
    stats = qlog.stats(now)
    assert stats.today == {"answered": 1, "suggested": 0, "no_match": 1}
    assert stats.last_7_days == {"answered": 1, "suggested": 1, "no_match": 2}
    assert [(c.wording, c.count) for c in stats.top_unanswered] == [
        ("Who is the mayor?", 2),
        ("parking?", 1),
    ]


def test_settings_come_from_the_environment(tmp_path: Path) -> None:
    absent = tmp_path / "absent.env"
    default = Settings.from_env(environ={}, dotenv=absent, cwd=tmp_path).store
    assert default.path == tmp_path / "qa-bot-data" / "questions.sqlite3"
    assert default.retention_days == 90
    custom = Settings.from_env(
        environ={"QA_DB_PATH": "x/log.db", "QA_RETENTION_DAYS": "7"}, dotenv=absent, cwd=tmp_path
    ).store
    assert (custom.path, custom.retention_days) == (tmp_path / "x" / "log.db", 7)
    with pytest.raises(ConfigError, match="QA_RETENTION_DAYS"):
        Settings.from_env(environ={"QA_RETENTION_DAYS": "a week"}, dotenv=absent)


def test_open_creates_the_folder_and_a_key_shown_once(tmp_path: Path) -> None:
    said: list[str] = []
    settings = StoreSettings(tmp_path / "data" / "q.sqlite3")
    with QuestionLog.open(settings, warn=said.append) as log:
        ask(log, Outcome.NO_MATCH, "hello")
    db = tmp_path / "data" / "q.sqlite3"
    key_file = key_file_for(db)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    key = key_file.read_text().strip()
    assert len(said) == 1 and f"{HASH_KEY_ENV}={key}" in said[0] and ".env" in said[0]
    with QuestionLog.open(settings, warn=said.append) as log:
        ask(log, Outcome.NO_MATCH, "again")
    assert len(said) == 1  # shown once: the second start reads the file
    first, second = rows(db)
    assert first["user_hash"] == second["user_hash"] == Hasher(key.encode()).hash("user", USER)


def test_the_key_from_the_environment_wins_and_must_be_long(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    err = io.StringIO()
    assert load_hash_key(db, "k" * 20, lambda text: print(text, end="", file=err)) == b"k" * 20
    assert not key_file_for(db).exists() and err.getvalue() == ""
    with pytest.raises(HashKeyError, match="too short"):
        load_hash_key(db, "short")
