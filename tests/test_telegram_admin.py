"""Admin commands and live reloads on the real bot: /reload and /stats for admins (and the
unknown-command reply for everyone else), and knowledge edits picked up while it runs."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from tests.fakebotapi import FakeBotApi
from tests.support.cli import check_lines
from tests.support.knowledge import edit, write_library
from tests.support.telegram import (
    IN_GROUP,
    RunningBot,
    buttons,
    expected_answer_text,
    polling_bot,
    record_of,
    unsure_question,
)

ADMIN = 5005
STRANGER = 6006
VOTE_QUOTE = 'quote: "The decision was taken on Tuesday by seven votes to four."'
BAD_QUOTE = 'quote: "The decision was taken on Monday."'
VOTE_ANSWER = "Seven votes to four, on Tuesday."


async def test_stats_for_an_admin(fake_api: FakeBotApi, library: Path) -> None:
    async with polling_bot(fake_api, library, admin_ids=frozenset({ADMIN})) as bot:
        await bot.ask("Who is the mayor?", user_id=2001)
        await bot.ask("who is the mayor", user_id=2002)
        await bot.ask(unsure_question(library), user_id=2003)
        answer = await bot.ask("How did the council vote?", user_id=2004)
        await bot.press(answer, f"1:u:{record_of(answer)}")
        reply = await bot.command("/stats", user_id=ADMIN)
    assert reply["text"].splitlines() == [
        "Questions (days in UTC)",
        "Today: 4 (1 answered, 1 suggestions offered, 2 not answered)",
        "Last 7 days: 4 (1 answered, 1 suggestions offered, 2 not answered)",
        "",
        "Feedback (last 7 days): \U0001f44d 1 \u00b7 \U0001f44e 0",
        "",
        "Most asked, not answered (last 7 days)",
        "1. Who is the mayor? \u00d72",
        f"2. {unsure_question(library)} \u00d71",
    ]
    fake_api.assert_no_errors()


async def test_reload_for_an_admin_reports_entries_or_each_problem_escaped(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    knowledge = write_library(tmp_path / "notes <&> drafts")  # "<&>" shows up in the problems
    async with polling_bot(fake_api, knowledge, admin_ids=frozenset({ADMIN})) as bot:
        edit(knowledge / "library.yaml", VOTE_ANSWER, "Seven to four, on a Tuesday.")
        ok = await bot.command("/reload", user_id=ADMIN)
        assert ok["text"] == (
            "Reloaded: 7 entries from 1 article(s). New questions are answered from them."
        )
        answer = await bot.ask("How did the council vote?", user_id=2001)
        assert answer["text"].startswith("Seven to four, on a Tuesday.")

        edit(knowledge / "library.yaml", VOTE_QUOTE, BAD_QUOTE)
        failed = await bot.command("/reload", user_id=ADMIN)
        problems = check_lines(knowledge)
        assert problems and all("notes <&> drafts" in p for p in problems)
        assert failed["text"].splitlines() == [
            "Reload failed; still answering from the previous knowledge (7 entries). "
            "Fix these and send /reload again:",
            *(f"\u2022 {p}" for p in problems),
        ]
        still = await bot.ask("How did the council vote?", user_id=2001)
        assert still["text"] == answer["text"]
        fake_api.assert_no_errors()  # the HTML was escaped


async def test_strangers_get_exactly_the_unknown_command_reply(
    fake_api: FakeBotApi, library: Path
) -> None:
    async with polling_bot(fake_api, library, admin_ids=frozenset({ADMIN})) as bot:
        engine = bot.live.engine
        unknown = await bot.command("/weather", user_id=STRANGER)
        assert "/help" in unknown["text"]
        for command in ("/reload", "/stats", "/stats@g4s_qa_bot"):
            reply = await bot.command(command, user_id=STRANGER)
            assert (reply["text"], reply.get("entities"), buttons(reply)) == (
                unknown["text"],
                unknown.get("entities"),
                [],
            )
        # An admin's /stats in a group would show other people's questions there: not served.
        group_unknown = await bot.command("/weather@g4s_qa_bot", user_id=ADMIN, **IN_GROUP)
        group_stats = await bot.command("/stats@g4s_qa_bot", user_id=ADMIN, **IN_GROUP)
        assert group_stats["text"] == group_unknown["text"] == unknown["text"]
        await bot.settle()
        assert bot.live.engine is engine  # nothing was reloaded
        help_text = (await bot.command("/help", user_id=STRANGER))["text"]
        admin_help = (await bot.command("/help", user_id=ADMIN))["text"]
    assert help_text == admin_help and "/reload" not in help_text and "/stats" not in help_text
    public = [c["command"] for c in fake_api.commands]
    admin_menu = [c["command"] for c in fake_api.commands_for({"type": "chat", "chat_id": ADMIN})]
    assert public == ["start", "help", "topics", "source", "ask"]
    assert admin_menu == [*public, "reload", "stats"]


async def _wait_for_answer(bot: RunningBot, expected: str) -> None:
    for _ in range(500):
        if bot.live.engine.knowledge.entries["vote"].answer == expected:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"the knowledge was not reloaded: still {expected!r} missing")


async def test_knowledge_edits_are_picked_up_while_the_bot_runs(
    fake_api: FakeBotApi, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    knowledge = write_library(tmp_path / "knowledge")
    async with polling_bot(fake_api, knowledge, reload_interval=0.05) as bot:
        first = await bot.ask("How did the council vote?")
        assert first["text"] == expected_answer_text(knowledge, "vote")

        edit(knowledge / "library.yaml", VOTE_ANSWER, "Seven to four (edited while running).")
        await _wait_for_answer(bot, "Seven to four (edited while running).")
        second = await bot.ask("How did the council vote?")
        assert second["text"].startswith("Seven to four (edited while running).")

        with caplog.at_level(logging.ERROR, logger="bot.live"):
            edit(knowledge / "library.yaml", VOTE_QUOTE, BAD_QUOTE)
            await fake_api.wait_for(lambda _: "still serving" in caplog.text, timeout=5)
        third = await bot.ask("How did the council vote?")
        assert third["text"] == second["text"]  # the last valid knowledge is kept
        fake_api.assert_no_errors()
    logged = [r.getMessage() for r in caplog.records if r.name == "bot.live"]
    problems = check_lines(knowledge)
    assert logged == [*problems, logged[-1]]  # one line per problem, as `qa-bot check` prints
    assert logged[-1].startswith("knowledge reload failed (1 problem in the knowledge)")
