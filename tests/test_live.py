"""LiveEngine: validated reloads, serialised across threads, and the watcher that triggers them."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from pathlib import Path

import pytest

import bot.live
from bot.cache import load_engine
from bot.engine import Engine
from bot.live import LiveEngine, watch
from tests.support.cli import check_lines
from tests.support.knowledge import edit, write_library

VOTE_ANSWER = "Seven votes to four, on Tuesday."


def vote_answer(live: LiveEngine) -> str:
    return live.engine.knowledge.entries["vote"].answer


def test_an_invalid_edit_keeps_the_old_engine_and_logs_what_check_prints(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    knowledge = write_library(tmp_path / "k")
    live = LiveEngine(knowledge)
    before = live.engine
    edit(
        knowledge / "library.yaml", "by seven votes to four.", "by nine votes to two."
    )  # a wrong quote
    assert live.changed()
    with caplog.at_level(logging.ERROR, logger="bot.live"):
        result = live.reload()
    assert not result.ok and result.entries == 7
    assert live.engine is before
    expected = check_lines(knowledge)
    assert expected and list(result.problems) == expected
    logged = [r.getMessage() for r in caplog.records if r.name == "bot.live"]
    assert logged[: len(expected)] == expected  # one log line per problem, as check prints it
    assert "still serving the previous 7 entries" in logged[-1]
    assert not live.changed()  # not retried until a file changes again
    assert live.reload_if_changed() is None

    edit(knowledge / "library.yaml", "by nine votes to two.", "by seven votes to four.")
    edit(knowledge / "library.yaml", VOTE_ANSWER, "Seven to four.")
    again = live.reload_if_changed()
    assert again is not None and again.ok and again.entries == 7
    assert vote_answer(live) == "Seven to four."


class SlowFirstLoad:
    """load_engine whose first call waits (after reading the files) until released."""

    def __init__(self) -> None:
        self.real = load_engine  # what bot.live calls
        self.loading, self.release = threading.Event(), threading.Event()
        self.calls = 0

    def __call__(self, path: Path) -> Engine:
        self.calls += 1
        engine = self.real(path)
        if self.calls == 1:
            self.loading.set()
            assert self.release.wait(10)
        return engine


def test_overlapping_reloads_never_swap_in_older_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    knowledge = write_library(tmp_path / "k")
    live = LiveEngine(knowledge)
    slow = SlowFirstLoad()
    monkeypatch.setattr(bot.live, "load_engine", slow)
    first = threading.Thread(target=live.reload)
    first.start()
    assert slow.loading.wait(10)  # the first reload has read the old files...
    edit(knowledge / "library.yaml", VOTE_ANSWER, "Newer answer.")
    second = threading.Thread(target=live.reload)  # ...and a second one starts meanwhile
    second.start()
    time.sleep(0.1)
    slow.release.set()
    first.join(10)
    second.join(10)
    assert vote_answer(live) == "Newer answer."


def test_a_file_saved_during_a_reload_is_reloaded_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    knowledge = write_library(tmp_path / "k")
    live = LiveEngine(knowledge)
    slow = SlowFirstLoad()
    monkeypatch.setattr(bot.live, "load_engine", slow)
    edit(knowledge / "library.yaml", VOTE_ANSWER, "First edit.")
    reload = threading.Thread(target=live.reload)
    reload.start()
    assert slow.loading.wait(10)
    edit(knowledge / "library.yaml", "First edit.", "Second edit, longer.")
    slow.release.set()
    reload.join(10)
    assert vote_answer(live) == "First edit."
    assert live.changed()
    result = live.reload_if_changed()
    assert result is not None and result.ok
    assert vote_answer(live) == "Second edit, longer."


async def test_the_watcher_reloads_in_a_thread_and_survives_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    knowledge = write_library(tmp_path / "k")
    live = LiveEngine(knowledge)
    loop_thread = threading.get_ident()
    threads: list[int] = []
    real = live.reload_if_changed
    failures = [OSError("disk gone")]

    def tracked() -> bot.live.ReloadResult | None:
        threads.append(threading.get_ident())
        if failures:
            raise failures.pop()
        return real()

    monkeypatch.setattr(live, "reload_if_changed", tracked)
    task = asyncio.create_task(watch(live, 0.01))
    try:
        edit(knowledge / "library.yaml", VOTE_ANSWER, "Watched.")
        for _ in range(500):
            if vote_answer(live) == "Watched.":
                break
            await asyncio.sleep(0.01)
        assert vote_answer(live) == "Watched."
    finally:
        task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert loop_thread not in threads
    assert any("checking for changes failed" in r.getMessage() for r in caplog.records)
