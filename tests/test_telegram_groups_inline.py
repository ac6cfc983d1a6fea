"""Groups and inline mode: which messages are meant for the bot (mentions, replies, /ask@bot;
bot/telegram/addressing.py), other chatter ignored, and inline queries on the real bot."""

from __future__ import annotations

import datetime as dt

from telegram import Chat, Message, User

from bot.engine import Engine
from bot.telegram.addressing import command_target, meant_for_the_bot
from tests.support.telegram import (
    GROUP_ID,
    IN_GROUP,
    JSONDict,
    RunningBot,
    expected_answer_text,
)

BOT, BOT_ID = "g4s_qa_bot", 7000000001
COMMANDS = {"start", "help", "ask", "stats"}


async def _next_reply_after_chatter(bot: RunningBot, chatter: list[str], final: str) -> JSONDict:
    """Send group chatter, then `final`; returns the bot's only new message (to `final`)."""
    for text in chatter:
        bot.api.send_text(text, **IN_GROUP)
    reply = await bot.ask(final, **IN_GROUP)
    await bot.settle()
    return reply


async def test_group_chatter_is_ignored_and_a_mention_is_answered(running_bot: RunningBot) -> None:
    running_bot.api.privacy_mode = False  # the bot sees every group message; it must choose
    before = len(running_bot.api.messages_in(GROUP_ID))
    reply = await _next_reply_after_chatter(
        running_bot,
        ["How did the council vote?", "hi everyone", "@someone_else how did the council vote?"],
        "@G4S_QA_BOT how did the council vote?",
    )
    assert len(running_bot.api.messages_in(GROUP_ID)) == before + 1  # chatter got nothing
    assert reply["text"] == expected_answer_text(running_bot.knowledge, "vote")
    assert reply["reply_to_message"]["text"] == "@G4S_QA_BOT how did the council vote?"
    other_content = running_bot.api.send_sticker(**IN_GROUP)
    await running_bot.settle()
    assert len(running_bot.api.messages_in(GROUP_ID)) == before + 1  # a sticker too
    assert other_content["chat"]["id"] == GROUP_ID


async def test_a_reply_to_the_bot_in_a_group_is_answered(running_bot: RunningBot) -> None:
    running_bot.api.privacy_mode = False
    first = await running_bot.ask("@g4s_qa_bot hello", **IN_GROUP)
    assert first["text"].startswith("Hello!")
    reply = await running_bot.ask(
        "and what happens to the books?", reply_to_message=first, **IN_GROUP
    )
    assert reply["text"] == expected_answer_text(
        running_bot.knowledge, "books", "and what happens to the books?"
    )


async def test_ask_with_the_bot_name_works_in_groups(running_bot: RunningBot) -> None:
    reply = await running_bot.command("/ask How did the council vote?", at_bot=True, **IN_GROUP)
    assert reply["text"] == expected_answer_text(running_bot.knowledge, "vote")
    plain = await running_bot.command("/ask @g4s_qa_bot What happens to the books?", **IN_GROUP)
    assert plain["text"] == expected_answer_text(running_bot.knowledge, "books")
    prompt = await running_bot.command("/ask", at_bot=True, **IN_GROUP)
    assert prompt["text"].startswith("What would you like to know")
    markup = running_bot.api.calls_to("sendMessage")[-1].params["reply_markup"]
    assert markup["force_reply"] is True and markup["selective"] is True
    # Answering the prompt is a reply to the bot: answered.
    answer = await running_bot.ask(
        "How much will the council save?", reply_to_message=prompt, **IN_GROUP
    )
    assert answer["text"] == expected_answer_text(
        running_bot.knowledge, "savings", "How much will the council save?"
    )


async def test_commands_for_another_bot_are_ignored_in_groups(running_bot: RunningBot) -> None:
    running_bot.api.privacy_mode = False
    before = len(running_bot.api.messages_in(GROUP_ID))
    reply = await _next_reply_after_chatter(
        running_bot, ["/ask@other_bot How did the council vote?", "/weather"], "/help@g4s_qa_bot"
    )
    assert "How to ask" in reply["text"]
    assert len(running_bot.api.messages_in(GROUP_ID)) == before + 1


async def test_inline_query_offers_answers_with_their_quote(running_bot: RunningBot) -> None:
    api = running_bot.api
    query_id = api.inline_query("how much will the council save")
    await api.wait_for_call("answerInlineQuery")
    answer = api.inline_answers[query_id]
    results = answer["results"]
    assert 1 <= len(results) <= 5
    assert len({r["id"] for r in results}) == len(results)
    assert answer["cache_time"] <= 10
    top = results[0]
    assert top["type"] == "article"
    assert top["title"] == "How much money will closing the library save?"
    content = top["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert "<blockquote>Closing the library will save the council" in content["message_text"]
    # The posted answer says which question it answers: the chat did not see it asked.
    assert content["message_text"].startswith(
        "<b>How much money will closing the library save?</b>\n\n"
    )
    assert "&lt;for good&gt; &amp;" in content["message_text"]
    api.assert_no_errors()


async def test_an_empty_inline_query_offers_example_questions(running_bot: RunningBot) -> None:
    api = running_bot.api
    query_id = api.inline_query("")
    await api.wait_for_call("answerInlineQuery")
    titles = [r["title"] for r in api.inline_answers[query_id]["results"]]
    examples = Engine.load(running_bot.knowledge).examples(5)
    assert titles == [e.question for e in examples]
    api.assert_no_errors()


async def test_hostile_inline_queries_get_valid_results(running_bot: RunningBot) -> None:
    api = running_bot.api
    ids = [api.inline_query(q) for q in ("<b>what & happens 😀 to the books</b>", "x" * 300)]
    await api.wait_for_call("answerInlineQuery", count=2)
    for query_id in ids:
        # A best match or examples, never an empty answer; the fake server parsed the HTML.
        assert api.inline_answers[query_id]["results"]
    api.assert_no_errors()


# -- addressing: what in a group is meant for the bot -------------------------------------------


def test_mentions_of_the_bot_are_found_and_stripped() -> None:
    from bot.telegram.addressing import mentions, strip_mention

    assert mentions("@G4S_QA_BOT how much?", "g4s_qa_bot")
    assert mentions("hey @g4s_qa_bot, how much?", "g4s_qa_bot")
    assert not mentions("@g4s_qa_bot_fan how much?", "g4s_qa_bot")
    assert not mentions("mail me at me@g4s_qa_bot", "g4s_qa_bot")
    assert not mentions("how much?", "")
    assert strip_mention("@G4S_qa_bot   how much was it? @g4s_qa_bot", "g4s_qa_bot") == (
        "how much was it?"
    )


def _message(text: str, chat_type: str = Chat.PRIVATE) -> Message:
    chat = Chat(-100 if chat_type != Chat.PRIVATE else 5, chat_type)
    return Message(1, dt.datetime.now(dt.UTC), chat, from_user=User(5, "Ann", False), text=text)


def test_commands_and_who_they_are_for() -> None:
    assert command_target("/Stats") == ("stats", None)
    assert command_target("/ask@G4S_qa_bot how?") == ("ask", "G4S_qa_bot")
    assert command_target("/ hi") is None and command_target("hi /stats") is None

    def meant(text: str, chat_type: str = Chat.PRIVATE) -> bool:
        return meant_for_the_bot(_message(text, chat_type), BOT, BOT_ID, COMMANDS)

    assert meant("/weather") and meant("/help") and meant("how much?")
    assert not meant("/help@other_bot")
    group = Chat.SUPERGROUP
    assert meant("/help", group) and meant("/stats@g4s_qa_bot", group)
    assert not meant("/weather", group) and not meant("/help@other_bot", group)
    assert meant("@g4s_qa_bot how much?", group) and not meant("how much?", group)
    assert not meant("/help", Chat.CHANNEL)
