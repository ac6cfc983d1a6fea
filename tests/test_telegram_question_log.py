"""The question log behind the real bot: what Telegram questions leave for `qa-bot report`,
picked suggestions, 👍/👎 votes, hashed ids, and a log closed with every record written."""

from __future__ import annotations

import asyncio
import logging
import signal
from pathlib import Path

import pytest
import yaml

from bot.privacy import Hasher
from tests.fakebotapi import DEFAULT_USER_ID, FakeBotApi
from tests.support.cli import call, clean_env, qa_bot, run_in_process
from tests.support.store import rows
from tests.support.telegram import (
    IN_GROUP,
    TEST_HASH_KEY,
    buttons,
    expected_answer_text,
    polling_bot,
    record_of,
    start_qa_bot_run,
    unsure_question,
    votes,
)

THANKS = "Thanks for your feedback!"
HASHER = Hasher(TEST_HASH_KEY.encode())


def report(db: Path, knowledge: Path, *options: str) -> str:
    """`qa-bot report` run in-process, as an author would after the bot stopped."""
    code, out, err = call(["--knowledge", str(knowledge), "report", "--db", str(db), *options])
    assert code == 0, err
    return out


async def test_every_kind_of_question_is_recorded_and_the_gaps_reach_qa_bot_report(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "log" / "questions.sqlite3"
    async with polling_bot(fake_api, library, db) as bot:
        await bot.ask("Who is the mayor of Riverside?")  # typed, in private
        await bot.command("/ask who is the mayor of riverside", **IN_GROUP)
        mention = await bot.ask("@g4s_qa_bot What colour is the van?", **IN_GROUP)
        await bot.ask("is the swimming pool open", reply_to_message=mention, **IN_GROUP)
        answered = await bot.ask("How did the council vote?")
        assert answered["text"] == expected_answer_text(library, "vote")
        # Inline mode, typed letter by letter: only the query the person settled on counts.
        fake_api.inline_query("capital of mong")
        fake_api.inline_query("what is the capital of mongolia")
        await fake_api.wait_for_call("answerInlineQuery", count=2)
        await bot.ask("hi")  # small talk is not a question about the article
    recorded = [(r["chat_type"], r["outcome"], r["question"]) for r in rows(db)]
    assert recorded == [
        ("private", "no_match", "Who is the mayor of Riverside?"),
        ("supergroup", "no_match", "who is the mayor of riverside"),
        ("supergroup", "no_match", "What colour is the van?"),  # the mention is stripped
        ("supergroup", "no_match", "is the swimming pool open"),
        ("private", "answered", None),  # answered: counted, its text not kept
        ("inline", "no_match", "what is the capital of mongolia"),
    ]
    text = report(db, library)
    assert "Questions in the last 30 days" in text and "): 6\n" in text
    assert "     2x Who is the mayor of Riverside?  (also: who is the mayor of riverside)" in text
    for wording in ("What colour is the van?", "is the swimming pool open"):
        assert f"     1x {wording}" in text
    assert "1x what is the capital of mongolia" in text
    assert "capital of mong\n" not in text and "hi\n" not in text


async def test_a_picked_suggestion_becomes_a_proposed_variant(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "questions.sqlite3"
    question = unsure_question(library)
    async with polling_bot(fake_api, library, db) as bot:
        reply = await bot.ask(question)
        record = record_of(reply)
        _, data = buttons(reply)[0]
        chosen = data.split(":")[2]
        await bot.press(reply, data)
        edited = bot.api.message(reply["chat"]["id"], reply["message_id"])
        assert edited is not None
        assert edited["text"] == expected_answer_text(library, chosen)
        assert buttons(edited)[-2:] == votes(record)  # votes go to the picked answer
    [row] = rows(db)
    assert (row["id"], row["outcome"], row["picked_entry_id"]) == (record, "suggested", chosen)
    proposals = yaml.safe_load(report(db, library, "--yaml"))
    assert {"id": chosen, "questions": [question]} in proposals
    assert f"  {chosen} (1 picks)" in report(db, library)


async def test_one_vote_per_user_and_answer_a_second_press_changes_it(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "questions.sqlite3"
    other_user = 2002
    async with polling_bot(fake_api, library, db) as bot:
        answer = await bot.ask("How did the council vote?")
        record = record_of(answer)
        assert buttons(answer)[-2:] == votes(record)
        for data, notice in (
            (f"1:u:{record}", THANKS),
            (f"1:u:{record}", "You already voted that way"),
            (f"1:d:{record}", "Vote changed"),
        ):
            _, answered = await bot.press(answer, data)
            assert answered["text"].startswith(notice)
        query_id = fake_api.press_button(answer, f"1:u:{record}", user_id=other_user)
        await fake_api.wait_for(lambda _: query_id in fake_api.answered_callbacks)
        assert fake_api.answered_callbacks[query_id]["text"].startswith("Vote changed")
        assert fake_api.calls_to("editMessageText") == []  # the answer is left as it is
        shown = fake_api.message(DEFAULT_USER_ID, answer["message_id"])
        assert shown is not None and shown["text"] == answer["text"]
        # A follow-up tapped is a question of its own, with its own 👍/👎.
        await bot.press(answer, "1:q:campaign")
        follow_up = (await fake_api.wait_for_messages(DEFAULT_USER_ID, count=2))[-1]
        assert follow_up["text"] == expected_answer_text(library, "campaign")
        assert record_of(follow_up) != record
        fake_api.assert_no_errors()
    assert sorted(
        (v["record_id"], v["user_hash"], v["vote"]) for v in rows(db, "SELECT * FROM feedback")
    ) == sorted(
        [
            (record, HASHER.hash("user", DEFAULT_USER_ID), -1),
            (record, HASHER.hash("user", other_user), 1),
        ]
    )
    questions = rows(db)
    assert [(q["outcome"], q["entry_id"]) for q in questions] == [
        ("answered", "vote"),
        ("answered", "campaign"),
    ]
    assert questions[0]["question"] == "How did the council vote?"  # kept: a 👎 stands
    text = report(db, library)
    assert "Feedback on answers: 1 up, 1 down" in text
    assert "  vote: 1 down, 1 up" in text


USER = 987654321012
CHAT = -1001234567890


async def test_raw_user_and_chat_ids_never_reach_the_database_files(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "questions.sqlite3"
    group = {"chat_id": CHAT, "chat_type": "supergroup", "title": "Readers", "user_id": USER}
    async with polling_bot(fake_api, library, db) as bot:
        await bot.ask("Who is the mayor?", user_id=USER)
        answer = await bot.ask("@g4s_qa_bot How did the council vote?", **group)
        await bot.press(answer, f"1:d:{record_of(answer)}", USER)
        unsure = await bot.ask(unsure_question(library), user_id=USER)
        await bot.press(unsure, buttons(unsure)[0][1], USER)
        fake_api.inline_query("who is the mayor", user_id=USER)
        await fake_api.wait_for_call("answerInlineQuery")
        bot.questions.flush()
        wal = db.with_name(db.name + "-wal")
        assert wal.stat().st_size > 0  # the rows are in the WAL at this point
        assert_no_raw_ids([db, wal])
    assert len(rows(db)) == 4 and len(rows(db, "SELECT * FROM feedback")) == 1
    assert_no_raw_ids([p for p in tmp_path.iterdir() if p.name.startswith(db.name)])


def assert_no_raw_ids(files: list[Path]) -> None:
    for raw in (USER, CHAT):
        # As text, and as SQLite would store an INTEGER (big-endian, 6 or 8 bytes).
        forms = [str(raw).encode(), str(abs(raw)).encode()]
        forms += [raw.to_bytes(n, "big", signed=True) for n in (6, 8)]
        for file in files:
            data = file.read_bytes()
            assert all(form not in data for form in forms), f"{raw} found in {file.name}"


async def test_stopping_closes_the_log_with_every_record_written(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "questions.sqlite3"
    users = range(3001, 3031)
    async with polling_bot(fake_api, library, db) as bot:
        for user in users:
            fake_api.send_text("Who is the mayor?", user_id=user)
        for user in users:
            await fake_api.wait_for_messages(user)
        questions = bot.questions
    assert questions.closed
    recorded = rows(db)
    assert len(recorded) == len(users)
    assert {r["user_hash"] for r in recorded} == {HASHER.hash("user", u) for u in users}


async def test_a_failing_question_log_does_not_stop_the_answers(
    fake_api: FakeBotApi, library: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with polling_bot(fake_api, library) as bot:
        bot.questions.close()  # from now on every write fails
        with caplog.at_level(logging.WARNING, logger="bot"):
            reply = await bot.ask("How did the council vote?")
            unsure = await bot.ask(unsure_question(library))
        assert reply["text"] == expected_answer_text(library, "vote")
        assert buttons(reply) == [("Will anyone challenge the decision?", "1:q:campaign")]
        assert all(data.count(":") == 2 for _, data in buttons(unsure)[:-1])  # no record
        await bot.press(unsure, buttons(unsure)[0][1])  # the old shape still answers
        fake_api.assert_no_errors()
    warnings = [r.getMessage() for r in caplog.records if r.name == "bot.telegram.recorder"]
    assert warnings == ["question log: could not record a question: the question log is closed"] * 2


# -- `qa-bot run` as a process -------------------------------------------------------------------


@pytest.mark.slow
async def test_sigterm_loses_no_record_and_report_reads_them(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "data" / "questions.sqlite3"
    process = start_qa_bot_run(
        fake_api, library, tmp_path, QA_DB_PATH=str(db), QA_HASH_KEY=TEST_HASH_KEY
    )
    try:
        await fake_api.wait_for_call("getUpdates", timeout=20)
        users = range(4001, 4011)
        for user in users:
            fake_api.send_text(f"Who is the mayor of town {user}?", user_id=user)
        await fake_api.wait_for_call("sendMessage", count=len(users), timeout=10)
        process.send_signal(signal.SIGTERM)
        out, err = await asyncio.to_thread(process.communicate, timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, out + err
    assert len(rows(db)) == len(users)
    done = run_in_process(
        ["--knowledge", str(library), "report", "--db", str(db)],
        tmp_path,
        env=clean_env(QA_DB_PATH=str(db), QA_HASH_KEY=TEST_HASH_KEY),
    )
    assert done.returncode == 0, done.stderr
    assert "  10x Who is the mayor of town 4001?  (also: " in done.stdout  # near-duplicates
    assert TEST_HASH_KEY not in out + err  # the key is a secret like the token


@pytest.mark.slow
def test_a_question_log_that_cannot_be_opened_stops_the_start_with_exit_1(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    env = clean_env(
        TELEGRAM_BOT_TOKEN=fake_api.token,
        TELEGRAM_API_BASE_URL=fake_api.base_url,
        QA_DB_PATH=str(tmp_path / "a-file" / "questions.sqlite3"),
    )
    done = qa_bot("--knowledge", str(library), "run", env=env, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("qa-bot run: cannot ")
    assert "QA_DB_PATH" in done.stderr and "Traceback" not in done.stderr
    assert fake_api.calls == []  # before any request to Telegram
