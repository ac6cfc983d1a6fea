"""No question lost: unreadable updates, crashes and stops, against the fake Bot API.

The process tests run the real `qa-bot run` and kill or stop it in the middle of a burst; a
restart on the same data folder must answer every question that was sent.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.fakebotapi import FakeBotApi
from tests.support.telegram import RunningBot, expected_answer_text, polling_bot, start_qa_bot_run

QUESTION = "How did the council vote?"


def _malformed(update_id: int) -> dict[str, object]:
    """A message PTB cannot read: its date is far beyond any datetime."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": 100000000000000000000,
            "chat": {"id": 5005, "type": "private", "first_name": "Secretname"},
            "from": {"id": 5005, "is_bot": False, "first_name": "Secretname"},
            "text": "my secret question",
        },
    }


@pytest.mark.slow  # waits out retry delays in real time
async def test_an_unreadable_update_is_skipped_confirmed_and_the_next_question_answered(
    running_bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    api = running_bot.api
    caplog.set_level(logging.INFO)  # at DEBUG, PTB itself logs every request and response
    api.push_update(_malformed(api._next_update_id))
    reply = await running_bot.ask(QUESTION)
    assert reply["text"] == expected_answer_text(running_bot.knowledge, "vote")
    await running_bot.settle()
    assert api.pending_updates == []  # confirmed, so Telegram would not send it again
    polls = len(api.calls_to("getUpdates"))
    await asyncio.sleep(1.5)
    assert len(api.calls_to("getUpdates")) - polls <= 3  # long polls, not a fetch loop
    [skipped] = [r for r in caplog.records if "cannot be read" in r.getMessage()]
    assert skipped.levelno == logging.WARNING and skipped.exc_info is None
    assert "1 skipped since start" in skipped.getMessage()
    log_text = "\n".join(r.getMessage() + str(r.exc_info or "") for r in caplog.records)
    for content in ("Secretname", "my secret question", "5005"):
        assert content not in log_text
    assert running_bot.application.bot.inbox.counts().get("skipped") == 1


@pytest.mark.slow
async def test_lone_surrogates_are_replaced_before_replying_logging_and_storing(
    fake_api: FakeBotApi, library: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "questions.sqlite3"
    caplog.set_level(logging.INFO)
    async with polling_bot(fake_api, library, db) as bot:
        fake_api.send_text("What is the mayor \ud800 called?", first_name="\udc00Ann")
        [reply] = await fake_api.wait_for_messages(1001)
        await bot.settle()
        bot.questions.flush()
    assert reply["text"]  # a reply, whatever the engine made of it
    assert not any(r.levelno >= logging.WARNING for r in caplog.records), [
        r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING
    ]
    [(question,)] = sqlite3.connect(db).execute("SELECT question FROM questions").fetchall()
    assert question == "What is the mayor \ufffd called?"


def _start(api: FakeBotApi, knowledge: Path, cwd: Path) -> subprocess.Popen[str]:
    """The bot as a process, with its data in `cwd` and no flood guard."""
    return start_qa_bot_run(
        api, knowledge, cwd, QA_DB_PATH=str(cwd / "data" / "questions.sqlite3"), QA_FLOOD_MAX="0"
    )


def _burst(api: FakeBotApi, chats: int, each: int) -> list[int]:
    users = [7000 + n for n in range(chats)]
    for _ in range(each):
        for user in users:
            api.send_text(QUESTION, user_id=user)
    return users


def _answered(api: FakeBotApi, users: list[int]) -> int:
    return sum(len(api.messages_in(user)) for user in users)


def _each_answered(api: FakeBotApi, users: list[int], each: int) -> bool:
    # Not the total: a crash may answer some question twice (at-least-once).
    return all(len(api.messages_in(user)) >= each for user in users)


async def _finish(process: subprocess.Popen[str]) -> str:
    if process.poll() is None:
        process.kill()
    out, err = await asyncio.to_thread(process.communicate, timeout=20)
    return out + err


@pytest.mark.slow
async def test_sigkill_in_a_burst_loses_no_question_after_a_restart(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    answer = expected_answer_text(library, "vote")
    first = _start(fake_api, library, tmp_path)
    try:
        await fake_api.wait_for_call("getUpdates", timeout=20)
        users = _burst(fake_api, chats=30, each=5)
        await fake_api.wait_for(lambda _: _answered(fake_api, users) >= 20, timeout=20)
        first.send_signal(signal.SIGKILL)  # no clean-up at all: the OOM killer's way
        await _finish(first)
    finally:
        await _finish(first)
    before = _answered(fake_api, users)
    assert before < 150  # the kill came in the middle of the burst
    second = _start(fake_api, library, tmp_path)
    try:
        await fake_api.wait_for(lambda _: _each_answered(fake_api, users, 5), timeout=60)
    finally:
        output = await _finish(second)
    for user in users:
        assert {m["text"] for m in fake_api.messages_in(user)} == {answer}, output
    duplicates = _answered(fake_api, users) - 150
    assert duplicates <= 32, duplicates  # at most the replies in flight at the kill


@pytest.mark.slow
async def test_sigterm_with_300_pending_exits_0_within_5_s_and_a_restart_answers_them(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    first = _start(fake_api, library, tmp_path)
    try:
        await fake_api.wait_for_call("getUpdates", timeout=20)
        users = _burst(fake_api, chats=60, each=5)
        await fake_api.wait_for(lambda _: _answered(fake_api, users) >= 5, timeout=20)
        await fake_api.wait_for(lambda _: not fake_api.pending_updates, timeout=20)
        assert _answered(fake_api, users) < 300 - 250  # most of the burst is still waiting
        started = time.monotonic()
        first.send_signal(signal.SIGTERM)
        out, err = await asyncio.to_thread(first.communicate, timeout=20)
        took = time.monotonic() - started
    finally:
        await _finish(first)
    assert first.returncode == 0, out + err
    assert took < 5.0, took
    assert "left for the next start" in err
    second = _start(fake_api, library, tmp_path)
    try:
        await fake_api.wait_for(lambda _: _each_answered(fake_api, users, 5), timeout=60)
    finally:
        output = await _finish(second)
    assert "left from the last run" in output
    for user in users:
        assert len(fake_api.messages_in(user)) >= 5


@pytest.mark.slow  # waits out retry delays in real time
async def test_the_question_log_records_whether_each_reply_was_delivered(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "questions.sqlite3"
    async with polling_bot(fake_api, library, db) as bot:
        fake_api.fail_next("sendMessage", 502, count=2)
        await bot.ask(QUESTION, user_id=6001)  # delivered at the third try
        fake_api.block_user(6002)
        fake_api.send_text(QUESTION, user_id=6002)  # 403: never delivered, not retried
        await fake_api.wait_for(lambda _: fake_api.errors_returned[2:])
        await bot.settle()
        bot.questions.flush()
    rows = sqlite3.connect(db).execute("SELECT outcome, delivery FROM questions").fetchall()
    assert sorted(rows) == [("answered", "failed"), ("answered", "sent")]
    assert [c.status for c in fake_api.calls_to("sendMessage")] == [502, 502, 200, 403]


@pytest.mark.slow
async def test_the_flood_guard_counts_by_when_messages_were_sent_not_handled(
    fake_api: FakeBotApi, library: Path
) -> None:
    # 150 messages at once: the rate limit (30 replies/s) spreads handling over 5 s, so by
    # handling time no user ever had more than 2 messages in a 2 s window.
    async with polling_bot(fake_api, library, flood_max=3, flood_window=2.0) as bot:
        users = _burst(fake_api, chats=30, each=5)
        await fake_api.wait_for(lambda _: _each_answered(fake_api, users, 4), timeout=30)
        await bot.settle()
    for user in users:
        texts = [m["text"] for m in fake_api.messages_in(user)]
        assert len(texts) == 4  # three answers, one "slow down", then silence
        assert sum("faster than I can read" in t for t in texts) == 1, texts


@pytest.mark.parametrize("data", ["1:t:\u00b2", "1:t:\u0663", "1:t:\uff11"])
async def test_a_forged_page_number_of_other_digits_gets_a_polite_notice(
    running_bot: RunningBot, data: str, caplog: pytest.LogCaptureFixture
) -> None:
    answer = await running_bot.ask(QUESTION)
    query_id = running_bot.api.press_button(answer, data, forged=True)
    await running_bot.api.wait_for_call(
        "answerCallbackQuery", where=lambda c: str(c.params.get("callback_query_id")) == query_id
    )
    assert "older version" in running_bot.api.answered_callbacks[query_id]["text"]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_an_expired_inline_query_is_one_info_line(
    running_bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    api = running_bot.api
    api.fail_next(
        "answerInlineQuery",
        400,
        description="Bad Request: query is too old and response timeout expired or query ID "
        "is invalid",
    )
    api.inline_query("how did the council vote")
    await api.wait_for_call("answerInlineQuery")
    await running_bot.settle()
    [line] = [r for r in caplog.records if "could not answer a query" in r.getMessage()]
    assert line.levelno == logging.INFO and line.exc_info is None
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.slow
async def test_sigterm_while_every_send_fails_still_stops_within_5_s_and_loses_nothing(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    first = _start(fake_api, library, tmp_path)
    try:
        await fake_api.wait_for_call("getUpdates", timeout=20)
        fake_api.fail_next("sendMessage", 502, count=100_000)  # Telegram's proxy is down
        users = _burst(fake_api, chats=20, each=3)
        await fake_api.wait_for(lambda _: not fake_api.pending_updates, timeout=20)
        await fake_api.wait_for_call("sendMessage", count=40, timeout=20)  # retrying
        started = time.monotonic()
        first.send_signal(signal.SIGTERM)
        _, err = await asyncio.to_thread(first.communicate, timeout=20)
        took = time.monotonic() - started
    finally:
        await _finish(first)
    assert first.returncode == 0 and took < 5.0, (took, err[-2000:])
    assert "Traceback" not in err
    fake_api.clear_faults()
    second = _start(fake_api, library, tmp_path)
    try:
        await fake_api.wait_for(lambda _: _each_answered(fake_api, users, 3), timeout=60)
    finally:
        await _finish(second)
