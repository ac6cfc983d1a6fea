"""The inbox on its own: durable, deduplicating, sealed, pruned, and surviving a lost folder."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.inbox import MAX_ATTEMPTS, Inbox, Incoming, seal, unseal
from bot.telegram.durable import without_surrogates

KEY = b"k" * 32
PAYLOAD = '{"update_id": 7, "message": {"text": "hello", "chat": {"id": 424242}}}'


def test_a_sealed_payload_opens_only_with_its_key() -> None:
    blob = seal(KEY, PAYLOAD)
    assert b"424242" not in blob and b"hello" not in blob
    assert unseal(KEY, blob) == PAYLOAD
    assert unseal(b"x" * 32, blob) is None
    assert unseal(KEY, blob[:-1] + bytes([blob[-1] ^ 1])) is None  # damaged
    assert seal(KEY, PAYLOAD) != blob  # a fresh nonce each time


def test_stored_updates_are_pending_until_done_and_duplicates_are_recognised(
    tmp_path: Path,
) -> None:
    db = tmp_path / "data" / "questions.sqlite3"
    inbox = Inbox(db, KEY)
    assert inbox.store([Incoming(7, PAYLOAD), Incoming(8, None)]) == {7, 8}
    assert inbox.store([Incoming(7, PAYLOAD), Incoming(9, PAYLOAD)]) == {9}  # 7: seen before
    assert inbox.counts() == {"pending": 2, "skipped": 1}
    inbox.mark_done(9)
    inbox.close()  # writes the done mark
    assert b"424242" not in db.read_bytes()

    again = Inbox(db, KEY)  # a restart
    [left] = again.take_pending()
    assert (left.update_id, left.payload) == (7, PAYLOAD)
    again.mark_done(7)
    assert again.flush() == 1
    assert again.counts() == {"done": 2, "skipped": 1}
    payloads = sqlite3.connect(db).execute("SELECT payload FROM inbox").fetchall()
    assert payloads == [(None,)] * 3  # handled: nothing of the update is kept
    again.close()


def test_an_update_that_never_finishes_is_given_up_after_a_few_starts(tmp_path: Path) -> None:
    db = tmp_path / "questions.sqlite3"
    Inbox(db, KEY).store([Incoming(1, PAYLOAD)])
    for _ in range(MAX_ATTEMPTS):  # each start takes it, and crashes before it is done
        assert [p.update_id for p in Inbox(db, KEY).take_pending()] == [1]
    inbox = Inbox(db, KEY)
    assert inbox.take_pending() == []
    assert inbox.counts() == {"failed": 1}


def test_a_pending_update_sealed_with_another_key_is_skipped(tmp_path: Path) -> None:
    db = tmp_path / "questions.sqlite3"
    Inbox(db, KEY).store([Incoming(1, PAYLOAD)])
    inbox = Inbox(db, b"another key, after QA_HASH_KEY changed")
    assert inbox.take_pending() == []
    inbox.flush()
    assert inbox.counts() == {"done": 1}


def test_handled_rows_are_pruned_after_two_days_and_pending_ones_kept(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path / "questions.sqlite3", KEY)
    old = datetime.now(UTC) - timedelta(days=3)
    inbox.store([Incoming(1, PAYLOAD), Incoming(2, None), Incoming(3, PAYLOAD)], now=old)
    inbox.store([Incoming(4, None)])
    inbox.mark_done(1)
    inbox.flush()
    assert inbox.prune() == 2  # 1 (done) and 2 (skipped); 3 is pending, 4 is recent
    assert inbox.counts() == {"pending": 1, "skipped": 1}


def test_a_deleted_data_folder_is_created_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "data"
    inbox = Inbox(folder / "questions.sqlite3", KEY)
    shutil.rmtree(folder)
    assert inbox.store([Incoming(1, PAYLOAD)]) == {1}
    assert (folder / "questions.sqlite3").exists()
    assert inbox.counts() == {"pending": 1}
    assert any("vanished" in r.getMessage() for r in caplog.records)


def test_lone_surrogates_are_replaced_one_code_unit_for_one() -> None:
    raw = {"message": {"text": "hi \ud800 there", "from": {"first_name": "\udc00x"}}, "n": [1]}
    clean = without_surrogates(raw)
    message = {"text": "hi \ufffd there", "from": {"first_name": "\ufffdx"}}
    assert clean == {"message": message, "n": [1]}
    assert without_surrogates("\U0001f600") == "\U0001f600"  # a real pair is kept
