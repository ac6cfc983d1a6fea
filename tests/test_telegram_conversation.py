"""A private chat with the real bot over HTTP: answers, suggestions, fallbacks, commands."""

from __future__ import annotations

from pathlib import Path

from bot.engine import Engine
from bot.knowledge import bundled_knowledge_path
from bot.model import Outcome
from tests.fakebotapi import FakeBotApi
from tests.support.knowledge import OLD_MILL_TITLE as ARTICLE_TITLE
from tests.support.knowledge import remove_entry
from tests.support.telegram import (
    RunningBot,
    buttons,
    entity_text,
    expected_answer_text,
    polling_bot,
    record_of,
    unsure_question,
    votes,
)


async def test_a_question_is_answered_with_its_quote_in_a_blockquote(
    running_bot: RunningBot,
) -> None:
    question = "How much will the council save?"
    reply = await running_bot.ask(question)
    assert reply["text"] == expected_answer_text(running_bot.knowledge, "savings", question)
    assert entity_text(reply, "blockquote") == [
        "Closing the library will save the council about £120,000 a year, according to the "
        "finance report."
    ]
    assert entity_text(reply, "italic") == [ARTICLE_TITLE]  # "<" and "&" escaped, shown as is
    # Follow-up questions (the entry's related entries) are buttons under the answer, then
    # 👍/👎 for this question's record in the question log.
    record = record_of(reply)
    assert buttons(reply) == [
        ("What will happen to the building?", "1:q:building-sale"),
        *votes(record),
    ]
    running_bot.questions.flush()
    assert running_bot.questions.stats().today["answered"] == 1
    [call] = running_bot.api.calls_to("sendMessage")
    assert call.params["parse_mode"] == "HTML"
    assert "<blockquote>" in call.params["text"]
    running_bot.api.assert_no_errors()  # the fake server parsed the HTML like Telegram


async def test_a_follow_up_button_answers_in_a_new_message(running_bot: RunningBot) -> None:
    answer = await running_bot.ask("Is the Old Mill library closing?")
    assert ("How did the council vote?", "1:q:vote") in buttons(answer)
    _, answered = await running_bot.press(answer, "1:q:vote")
    assert answered.get("text") is None
    messages = await running_bot.api.wait_for_messages(answer["chat"]["id"], count=2)
    assert messages[-1]["text"] == expected_answer_text(running_bot.knowledge, "vote")
    assert messages[0]["text"] == answer["text"]  # the first answer stays as it was


async def test_a_typo_is_forgiven(running_bot: RunningBot) -> None:
    question = "how much monye will the council saev"
    reply = await running_bot.ask(question)
    assert reply["text"] == expected_answer_text(running_bot.knowledge, "savings", question)


async def test_a_typo_in_the_bundled_knowledge(fake_api: FakeBotApi) -> None:
    question = "how much is the contarct worth"
    knowledge = bundled_knowledge_path()
    result = Engine.load(knowledge).ask(question)
    assert result.outcome is Outcome.ANSWERED and result.entry
    async with polling_bot(fake_api, knowledge) as bot:
        reply = await bot.ask(question)
    assert reply["text"] == expected_answer_text(knowledge, result.entry.id, question)
    assert entity_text(reply, "blockquote") == [result.entry.quote]


async def test_an_unsure_question_offers_buttons_that_answer_in_place(
    running_bot: RunningBot,
) -> None:
    question = unsure_question(running_bot.knowledge)
    suggested = Engine.load(running_bot.knowledge).ask(question).suggestions
    reply = await running_bot.ask(question)
    assert (
        reply["text"] == f"I'm not sure what you mean by \u201c{question}\u201d. Did you mean\u2026"
    )
    offered = buttons(reply)
    record = record_of(reply)  # the unsure question's id in the question log
    assert offered[:-1] == [(s.question, f"1:a:{s.entry_id}:{record}") for s in suggested]
    assert offered[-1] == ("None of these", "1:n")
    assert 1 <= len(offered) - 1 <= 3

    chosen = suggested[0].entry_id
    query_id, answered = await running_bot.press(reply, f"1:a:{chosen}:{record}")
    assert answered["callback_query_id"] == query_id
    edited = running_bot.api.message(reply["chat"]["id"], reply["message_id"])
    assert edited is not None and edited.get("edit_date")
    assert edited["text"] == expected_answer_text(running_bot.knowledge, chosen)
    assert entity_text(edited, "blockquote")
    # Follow-ups, then 👍/👎 on the same record (the vote is about the picked answer).
    assert all(data.startswith("1:q:") for _, data in buttons(edited)[:-2])
    assert buttons(edited)[-2:] == votes(record)
    assert len(running_bot.api.messages_in(reply["chat"]["id"])) == 1  # edited, not re-sent
    running_bot.api.assert_no_errors()


async def test_none_of_these_edits_to_a_friendly_fallback(running_bot: RunningBot) -> None:
    reply = await running_bot.ask(unsure_question(running_bot.knowledge))
    _, answered = await running_bot.press(reply, "1:n")
    assert "callback_query_id" in answered
    edited = running_bot.api.message(reply["chat"]["id"], reply["message_id"])
    assert edited is not None
    assert edited["text"].startswith("Sorry I couldn't help with that one.")
    assert "/topics" in edited["text"]
    assert buttons(edited) == []


async def test_a_button_for_an_entry_gone_after_a_reload_gets_a_polite_notice(
    running_bot: RunningBot,
) -> None:
    reply = await running_bot.ask(unsure_question(running_bot.knowledge))
    gone = buttons(reply)[0][1]
    remove_entry(running_bot.knowledge / "library.yaml", gone.split(":")[2])
    assert running_bot.live.reload().ok

    _, answered = await running_bot.press(reply, gone)
    assert "no longer in my notes" in answered["text"]
    assert running_bot.api.message(reply["chat"]["id"], reply["message_id"]) == reply
    running_bot.api.assert_no_errors()


async def test_no_match_says_what_the_bot_knows_with_example_buttons(
    running_bot: RunningBot,
) -> None:
    reply = await running_bot.ask("What is the capital of Mongolia?")
    assert reply["text"].startswith("Sorry, I can't find that in the article.")
    assert ARTICLE_TITLE in reply["text"]
    examples = Engine.load(running_bot.knowledge).examples(3)
    assert buttons(reply) == [(e.question, f"1:q:{e.id}") for e in examples]
    _, _ = await running_bot.press(reply, f"1:q:{examples[0].id}")
    messages = await running_bot.api.wait_for_messages(reply["chat"]["id"], count=2)
    assert messages[-1]["text"] == expected_answer_text(running_bot.knowledge, examples[0].id)


async def test_greetings_and_thanks_get_a_short_friendly_reply(running_bot: RunningBot) -> None:
    hello = await running_bot.ask("hi")
    assert hello["text"].startswith("Hello! Ask me a question about")
    thanks = await running_bot.ask("thanks a lot!")
    assert thanks["text"] == "You're welcome! Ask me anything else about the article."


async def test_hostile_and_odd_text_gets_polite_replies(running_bot: RunningBot) -> None:
    markup = await running_bot.ask("<b>bold</b> & <i>x</i> &amp; 😀😀 </blockquote> <a href=x>")
    assert markup["text"].startswith("Sorry, I can't find that")
    long = await running_bot.ask("how much will the council save " * 170)  # ~5000 chars
    assert long["text"].startswith("That's a long message!")
    blank = await running_bot.ask("   \n\t  ")
    assert blank["text"].startswith("Yes? Ask me a question about the article")
    # Echoed back in "Did you mean…", the text is escaped: people see exactly what they typed.
    hostile = f"<b>{unsure_question(running_bot.knowledge)}</b> & 😀"
    if Engine.load(running_bot.knowledge).ask(hostile).outcome is Outcome.UNSURE:
        echoed = await running_bot.ask(hostile)
        assert f"\u201c{hostile}\u201d" in echoed["text"]
    running_bot.api.assert_no_errors()


async def test_stickers_photos_voice_and_locations_get_a_polite_reply(
    running_bot: RunningBot,
) -> None:
    api = running_bot.api
    for send in (api.send_sticker, api.send_photo, api.send_location, api.send_voice):
        before = len(api.messages_in(1001))
        send()
        reply = (await api.wait_for_messages(1001, count=before + 1))[before]
        assert reply["text"].startswith("I can only read text.")
        assert len(buttons(reply)) == 3
    api.assert_no_errors()


async def test_an_edited_question_is_answered_again_in_a_new_reply(
    running_bot: RunningBot,
) -> None:
    api = running_bot.api
    question = api.send_text("What is the capital of Mongolia?")
    first = (await api.wait_for_messages(1001, count=1))[0]
    assert first["text"].startswith("Sorry")
    api.edit_text(question, "How did the council vote?")
    second = (await api.wait_for_messages(1001, count=2))[1]
    assert second["text"] == expected_answer_text(running_bot.knowledge, "vote")
    assert second["reply_to_message"]["message_id"] == question["message_id"]
    assert api.message(1001, first["message_id"]) == first  # the first reply is left alone


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


async def test_many_questions_at_once_are_all_answered(running_bot: RunningBot) -> None:
    api = running_bot.api
    users = range(2001, 2013)
    for user in users:
        api.send_text("How did the council vote?", user_id=user)
    expected = expected_answer_text(running_bot.knowledge, "vote")
    for user in users:
        [reply] = await api.wait_for_messages(user)
        assert reply["text"] == expected
    api.assert_no_errors()
