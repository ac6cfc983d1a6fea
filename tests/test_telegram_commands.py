"""The commands in a private chat with the real bot over HTTP: /start, /help, /topics (paged),
/source, /ask, and an unknown command."""

from __future__ import annotations

from pathlib import Path

from bot.engine import Engine
from tests.fakebotapi import FakeBotApi
from tests.support.knowledge import OLD_MILL_TITLE as ARTICLE_TITLE
from tests.support.telegram import (
    RunningBot,
    buttons,
    entity_text,
    expected_answer_text,
    polling_bot,
)


async def test_start_greets_and_offers_example_questions(running_bot: RunningBot) -> None:
    reply = await running_bot.command("/start")
    assert reply["text"].startswith("Hi Ann! I answer questions about " + ARTICLE_TITLE)
    examples = Engine.load(running_bot.knowledge).examples(3)
    assert buttons(reply) == [(e.question, f"1:q:{e.id}") for e in examples]
    # The command menu was registered at start-up.
    assert [c["command"] for c in running_bot.api.commands] == [
        "start",
        "help",
        "topics",
        "source",
        "ask",
    ]


async def test_help_explains_how_to_ask_and_the_commands(running_bot: RunningBot) -> None:
    reply = await running_bot.command("/help")
    for expected in ("How to ask", "/start", "/topics", "/source", "/ask", "@g4s_qa_bot"):
        assert expected in reply["text"]
    assert entity_text(reply, "bold")[:2] == ["How to ask", "Commands"]


async def test_topics_lists_every_question_by_topic(running_bot: RunningBot) -> None:
    reply = await running_bot.command("/topics")
    knowledge = Engine.load(running_bot.knowledge).knowledge
    for topic, entries in knowledge.topics().items():
        assert topic in entity_text(reply, "bold")
        for entry in entries:
            assert f"\u2022 {entry.question}" in reply["text"]
    assert buttons(reply) == []  # one page: no pager


async def test_topics_are_paginated_with_buttons(fake_api: FakeBotApi, tmp_path: Path) -> None:
    from tests.support.knowledge import write_many_topics

    async with polling_bot(fake_api, write_many_topics(tmp_path / "many", 20)) as bot:
        first = await bot.command("/topics")
        assert "(page 1/3)" in first["text"]
        assert "Box 0" in first["text"] and "Box 8" not in first["text"]
        assert buttons(first) == [("Next \u203a", "1:t:1")]
        await bot.press(first, "1:t:1")
        second = bot.api.message(first["chat"]["id"], first["message_id"])
        assert second is not None and "(page 2/3)" in second["text"]
        assert "Box 8" in second["text"]
        assert buttons(second) == [("\u2039 Previous", "1:t:0"), ("Next \u203a", "1:t:2")]
        bot.api.assert_no_errors()


async def test_source_names_the_article_and_how_answers_quote_it(
    running_bot: RunningBot,
) -> None:
    reply = await running_bot.command("/source")
    assert ARTICLE_TITLE in reply["text"]
    assert "A test article written for the Telegram tests." in reply["text"]
    assert "7 questions I can answer from it." in reply["text"]
    assert "word for word" in reply["text"]


async def test_ask_command_answers_and_a_bare_ask_asks_what_to_ask(
    running_bot: RunningBot,
) -> None:
    answered = await running_bot.command("/ask How did the council vote?")
    assert answered["text"] == expected_answer_text(running_bot.knowledge, "vote")
    prompt = await running_bot.command("/ask")
    assert prompt["text"].startswith("What would you like to know about the article?")
    call = running_bot.api.calls_to("sendMessage")[-1]
    assert call.params["reply_markup"]["force_reply"] is True


async def test_an_unknown_command_points_to_help(running_bot: RunningBot) -> None:
    reply = await running_bot.command("/weather")
    assert "/help" in reply["text"]
