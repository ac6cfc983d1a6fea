"""The data folder: deleted while running, or left open to other users."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from bot.config import StoreSettings
from bot.datadir import tighten_permissions
from bot.inbox import Inbox, Incoming
from bot.model import Outcome
from bot.privacy import key_file_for
from bot.store import QuestionLog


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_deleted_data_folder_is_created_again_with_the_same_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "qa-bot-data"
    db = folder / "questions.sqlite3"
    log = QuestionLog.open(StoreSettings(db), warn=lambda _: None)
    key = key_file_for(db).read_text()
    log.record(question="q1", outcome=Outcome.NO_MATCH, chat_type="private", user_id=1, chat_id=1)
    log.flush()
    shutil.rmtree(folder)
    log.record(question="q2", outcome=Outcome.NO_MATCH, chat_type="private", user_id=1, chat_id=1)
    log.close()
    assert key_file_for(db).read_text() == key  # a restart keeps hashing ids the same way
    assert _mode(key_file_for(db)) == 0o600
    texts = sqlite3.connect(db).execute("SELECT question FROM questions").fetchall()
    assert texts == [("q2",)]
    assert any("vanished" in r.getMessage() for r in caplog.records)


def test_open_permissions_of_the_bots_own_folder_and_files_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "qa-bot-data"
    folder.mkdir()
    db = folder / "questions.sqlite3"
    db.write_bytes(b"")
    key_file_for(db).write_text("k" * 64)
    os.chmod(folder, 0o777)
    os.chmod(db, 0o644)
    os.chmod(key_file_for(db), 0o644)
    said: list[str] = []
    tighten_permissions(db, said.append)
    assert (_mode(folder), _mode(db), _mode(key_file_for(db))) == (0o700, 0o600, 0o600)
    assert len(said) == 3 and all("made it" in line for line in said)
    said.clear()
    tighten_permissions(db, said.append)
    assert said == []  # nothing more to say


def test_a_shared_folder_is_left_alone_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "someone-elses-file.txt").write_text("x")
    os.chmod(tmp_path, 0o755)
    db = tmp_path / "questions.sqlite3"
    said: list[str] = []
    tighten_permissions(db, said.append)
    assert _mode(tmp_path) == 0o755
    [warning] = said
    assert "can be opened by other users (mode 0755)" in warning and "chmod 700" in warning


def test_both_writers_find_the_new_file_whichever_makes_it(tmp_path: Path) -> None:
    folder = tmp_path / "qa-bot-data"
    db = folder / "questions.sqlite3"
    log = QuestionLog.open(StoreSettings(db), warn=lambda _: None)
    key = key_file_for(db).read_text()
    inbox = Inbox(db, log.inbox_key())
    shutil.rmtree(folder)
    assert inbox.store([Incoming(1, "{}")]) == {1}  # the inbox makes the new file first
    log.record(question="q", outcome=Outcome.NO_MATCH, chat_type="private", user_id=1, chat_id=1)
    log.close()
    inbox.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT question FROM questions").fetchall() == [("q",)]
    assert conn.execute("SELECT update_id FROM inbox").fetchall() == [(1,)]
    assert key_file_for(db).read_text() == key
