"""A conversation with the real bot over HTTP, as people expect it: answers with their quote,
typos forgiven, suggestions and fallbacks, small talk and odd input; the answer names its
question, follow-ups stay in their chat and with their person, several questions in one
message, keyword menus, near misses, visible votes, and two articles in one knowledge."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.engine import Engine
from bot.knowledge import bundled_knowledge_path
from bot.model import Outcome, Result, Suggestion
from tests.fakebotapi import DEFAULT_USER_ID, FakeBotApi
from tests.support.knowledge import OLD_MILL, ROOT, copy_knowledge, remove_entry
from tests.support.knowledge import OLD_MILL_TITLE as ARTICLE_TITLE
from tests.support.telegram import (
    GROUP_ID,
    IN_GROUP,
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


SURREY = "What did Surrey Police Authority decide?"
NO_MATCH_START = "Sorry, I can't find that in the article."


@contextmanager
def engine_gives(
    monkeypatch: pytest.MonkeyPatch, message: str, build: Callable[[Engine], Result]
) -> Iterator[None]:
    """The engine's result for `message` is `build(engine)`; other messages as usual."""
    real_ask = Engine.ask

    def ask(self: Engine, question: str, **options: Any) -> Result:
        if question == message:
            return build(self)
        return real_ask(self, question, **options)

    with monkeypatch.context() as patch:
        patch.setattr(Engine, "ask", ask)
        yield


def answer_to(engine: Engine, entry_id: str, question: str) -> Result:
    return engine.answer_entry(entry_id, question)


# -- the reply names its question ----------------------------------------------------------------


async def test_an_answer_to_a_paraphrase_starts_with_its_question_in_bold(
    running_bot: RunningBot,
) -> None:
    reply = await running_bot.ask("council vote result?")
    assert entity_text(reply, "bold") == ["How did the council vote?"]
    assert reply["text"] == expected_answer_text(
        running_bot.knowledge, "vote", "council vote result?"
    )
    same = await running_bot.ask("How did the council vote?")  # asked as written: not repeated
    assert entity_text(same, "bold") == []


# -- follow-ups ----------------------------------------------------------------------------------


def bundled_followup() -> tuple[str, Result]:
    """The entry "why?" is about after SURREY, as the engine sees it today."""
    engine = Engine.load(bundled_knowledge_path())
    first = engine.ask(SURREY)
    assert first.entry is not None
    followed = engine.ask("why?", subject=first.entry.id)
    assert followed.answered and followed.entry is not None
    return first.entry.id, followed


async def test_a_follow_up_is_answered_about_the_last_answer_in_that_chat_only(
    fake_api: FakeBotApi,
) -> None:
    knowledge = bundled_knowledge_path()
    _, followed = bundled_followup()
    assert followed.entry is not None
    with_subject = expected_answer_text(knowledge, followed.entry.id, "why?")
    async with polling_bot(fake_api, knowledge) as bot:
        fresh = await bot.ask("why?")  # nothing asked before: the usual reply
        assert fresh["text"].startswith(NO_MATCH_START)
        await bot.ask(SURREY)
        reply = await bot.ask("why?")
        assert reply["text"] == with_subject
        assert entity_text(reply, "bold") == [followed.entry.question]
        # Another person, in their own private chat, has no subject.
        other = await bot.ask("why?", user_id=2002)
        assert other["text"].startswith(NO_MATCH_START)
        # A clear new question ignores the subject.
        new = await bot.ask("How many staff did G4S have to supply?")
        assert "10,400" in new["text"]
        fake_api.assert_no_errors()


async def test_a_follow_up_in_a_group_belongs_to_the_member_who_asked(
    fake_api: FakeBotApi,
) -> None:
    knowledge = bundled_knowledge_path()
    _, followed = bundled_followup()
    assert followed.entry is not None
    alice, bob = 3001, 3002
    async with polling_bot(fake_api, knowledge) as bot:
        await bot.ask(SURREY, user_id=alice)  # in Alice's private chat
        in_group = await bot.ask("@g4s_qa_bot why?", user_id=alice, **IN_GROUP)
        assert in_group["text"].startswith(NO_MATCH_START)  # the private chat's subject stays there
        await bot.ask(f"@g4s_qa_bot {SURREY}", user_id=alice, **IN_GROUP)
        bobs = await bot.ask("@g4s_qa_bot why?", user_id=bob, **IN_GROUP)
        assert bobs["text"].startswith(NO_MATCH_START)
        alices = await bot.ask("@g4s_qa_bot why?", user_id=alice, **IN_GROUP)
        assert alices["text"] == expected_answer_text(knowledge, followed.entry.id, "why?")
        fake_api.assert_no_errors()


async def test_a_picked_suggestion_becomes_the_subject(
    fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    knowledge = bundled_knowledge_path()
    subject, followed = bundled_followup()
    assert followed.entry is not None
    vague = "surrey stuff"

    def build(engine: Engine) -> Result:
        entry = engine.knowledge.entries[subject]
        offered = (Suggestion(subject, entry.question, 0.4),)
        return Result(vague, Outcome.UNSURE, 0.4, suggestions=offered)

    async with polling_bot(fake_api, knowledge) as bot:
        with engine_gives(monkeypatch, vague, build):
            menu = await bot.ask(vague)
        await bot.press(menu, f"1:a:{subject}:{record_of(menu)}")
        reply = await bot.ask("why?")
        assert reply["text"] == expected_answer_text(knowledge, followed.entry.id, "why?")


# -- several questions, keyword menus, near misses -----------------------------------------------

TWO = "How did the council vote, and what happens to the books?"


async def test_two_questions_in_one_message_get_an_answer_each(
    running_bot: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def build(engine: Engine) -> Result:
        second = answer_to(engine, "books", "what happens to the books?")
        first = answer_to(engine, "vote", TWO)
        return first._replace(others=(second,))

    with engine_gives(monkeypatch, TWO, build):
        running_bot.api.send_text(TWO)
        first, second = await running_bot.api.wait_for_messages(DEFAULT_USER_ID, count=2)
    assert first["text"] == expected_answer_text(running_bot.knowledge, "vote", TWO)
    # Asked as written, but one of two answers: it still says which question it answers.
    assert second["text"] == expected_answer_text(running_bot.knowledge, "books", TWO)
    assert entity_text(second, "bold") == ["What happens to the books?"]
    # Each answer has its own record in the question log, and its own votes.
    assert record_of(first) != record_of(second)
    assert buttons(second)[-2:] == votes(record_of(second))


async def test_a_keyword_gets_a_menu_of_questions(
    running_bot: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = ["closure", "vote", "savings", "books"]

    def build(engine: Engine) -> Result:
        entries = engine.knowledge.entries
        suggestions = tuple(Suggestion(i, entries[i].question, 0.4) for i in ids)
        return Result("library", Outcome.UNSURE, 0.4, suggestions=suggestions, keyword="library")

    with engine_gives(monkeypatch, "library", build):
        menu = await running_bot.ask("library")
    assert menu["text"] == "About library I can tell you:"
    assert entity_text(menu, "bold") == ["library"]
    record = record_of(menu)
    assert [data for _, data in buttons(menu)] == [
        *(f"1:a:{i}:{record}" for i in ids),
        "1:n",
    ]
    await running_bot.press(menu, f"1:a:savings:{record}")
    edited = running_bot.api.message(menu["chat"]["id"], menu["message_id"])
    assert edited is not None
    assert edited["text"] == expected_answer_text(running_bot.knowledge, "savings")


async def test_a_near_miss_says_so_and_quotes_the_closest_passage_as_context(
    running_bot: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "Who will buy the building?"

    def build(engine: Engine) -> Result:
        closest = engine.knowledge.entries["building-sale"]
        return Result(question, Outcome.NO_MATCH, 0.3, closest=closest, asked_kind="person")

    with engine_gives(monkeypatch, question, build):
        reply = await running_bot.ask(question)
    knowledge = Engine.load(running_bot.knowledge).knowledge
    closest = knowledge.entries["building-sale"]
    assert reply["text"].startswith("The article doesn't say who.")
    assert entity_text(reply, "blockquote") == [closest.quote]
    assert closest.answer not in reply["text"]  # context, not an answer
    assert "does not answer your question" in reply["text"]
    assert buttons(reply) == []  # no votes: nothing was answered
    running_bot.api.assert_no_errors()


# -- votes you can see ---------------------------------------------------------------------------


async def test_a_vote_is_shown_on_the_buttons_and_a_second_press_changes_it(
    running_bot: RunningBot,
) -> None:
    answer = await running_bot.ask("How did the council vote?")
    record = record_of(answer)
    chat, message_id = answer["chat"]["id"], answer["message_id"]
    up, down = votes(record)
    _, notice = await running_bot.press(answer, up[1])
    assert notice["text"] == "Thanks for your feedback!"
    shown = running_bot.api.message(chat, message_id)
    assert shown is not None and buttons(shown)[-2:] == [("\U0001f44d \u2713", up[1]), down]
    _, notice = await running_bot.press(answer, down[1])
    assert notice["text"].startswith("Vote changed")
    shown = running_bot.api.message(chat, message_id)
    assert shown is not None and buttons(shown)[-2:] == [up, ("\U0001f44e \u2713", down[1])]
    assert buttons(shown)[:-2] == buttons(answer)[:-2]  # the follow-up buttons stay
    assert shown["text"] == answer["text"]  # the answer itself is untouched
    assert running_bot.api.calls_to("editMessageText") == []
    running_bot.questions.flush()
    assert running_bot.questions.stats().votes_down_7_days == 1
    assert running_bot.questions.stats().votes_up_7_days == 0
    running_bot.api.assert_no_errors()


async def test_in_a_group_the_buttons_show_the_latest_vote_and_each_member_hears_their_own(
    running_bot: RunningBot,
) -> None:
    alice, bob = 3001, 3002
    answer = await running_bot.ask(
        "@g4s_qa_bot How did the council vote?", user_id=alice, **IN_GROUP
    )
    record = record_of(answer)
    up, down = votes(record)
    _, notice = await running_bot.press(answer, up[1], user_id=alice)
    assert notice["text"].startswith("Thanks for your feedback! Your vote: \U0001f44d")
    _, notice = await running_bot.press(answer, up[1], user_id=bob)  # Bob agrees: his own vote
    assert notice["text"].startswith("Thanks for your feedback! Your vote: \U0001f44d")
    _, notice = await running_bot.press(answer, down[1], user_id=bob)
    assert notice["text"].startswith("Thanks for your feedback! Your vote: \U0001f44e")
    shown = running_bot.api.message(GROUP_ID, answer["message_id"])
    assert shown is not None and buttons(shown)[-2:] == [up, ("\U0001f44e \u2713", down[1])]
    assert shown["text"] == answer["text"]
    running_bot.questions.flush()
    stats = running_bot.questions.stats()
    assert (stats.votes_up_7_days, stats.votes_down_7_days) == (1, 1)
    running_bot.api.assert_no_errors()


# -- two articles --------------------------------------------------------------------------------


@pytest.fixture
def two_articles(tmp_path: Path) -> Path:
    """The tests' library article and the bundled G4S article, in one knowledge folder."""
    return copy_knowledge(tmp_path / "two", OLD_MILL, bundled_knowledge_path())


async def test_two_articles_examples_topics_source_and_wording(
    fake_api: FakeBotApi, two_articles: Path
) -> None:
    knowledge = Engine.load(two_articles).knowledge
    titles = [a.title for a in knowledge.articles.values()]
    article_of = {e.question: knowledge.article_of(e).title for e in knowledge.entries.values()}
    async with polling_bot(fake_api, two_articles) as bot:
        start = await bot.command("/start")
        examples = [label for label, _ in buttons(start)]
        assert {article_of[q] for q in examples} == set(titles)  # examples from both
        assert "from the articles that backs each answer" in start["text"]

        topics = await bot.command("/topics")
        pages = [topics["text"]]
        underlined = entity_text(topics, "underline")
        while any(data.startswith("1:t:") and "Next" in label for label, data in buttons(topics)):
            data = next(d for label, d in buttons(topics) if "Next" in label)
            await bot.press(topics, data)
            shown = bot.api.message(topics["chat"]["id"], topics["message_id"])
            assert shown is not None
            topics = shown
            pages.append(shown["text"])
            underlined += entity_text(shown, "underline")
        assert list(dict.fromkeys(underlined)) == titles  # each article's title, in order
        for question, title in article_of.items():
            page = next(p for p in pages if f"\u2022 {question}" in p)
            assert page.index(title) < page.index(f"\u2022 {question}")

        source = await bot.command("/source")
        counts = {t: sum(1 for a in article_of.values() if a == t) for t in titles}
        for title, count in counts.items():
            assert f"{title}\n" in source["text"]
            assert f"{count} questions I can answer from it." in source["text"]

        fallback = await bot.ask("what colour is the sky on mars")
        assert fallback["text"].startswith("Sorry, I can't find that in the articles.")
        assert {article_of[label] for label, _ in buttons(fallback)} == set(titles)
        thanks = await bot.ask("thanks!")
        assert thanks["text"] == "You're welcome! Ask me anything else about the articles."
        fake_api.assert_no_errors()


# -- the same, with the engine's own message analysis (bundled knowledge) -------------------------

BOTH = "How much was the G4S deal worth, and what did Surrey Police Authority do?"
NEAR_MISS = "For how many years does the G4S contract run?"


async def test_the_engines_own_results_read_as_people_expect(fake_api: FakeBotApi) -> None:
    knowledge = bundled_knowledge_path()
    engine = Engine.load(knowledge)
    both, menu, near = engine.ask(BOTH), engine.ask("G4S"), engine.ask(NEAR_MISS)
    assert both.answered and len(both.others) == 1 and both.entry and both.others[0].entry
    assert menu.keyword is not None and len(menu.suggestions) >= 2
    assert near.closest is not None and not near.answered
    async with polling_bot(fake_api, knowledge) as bot:
        fake_api.send_text(BOTH)
        first, second = await fake_api.wait_for_messages(DEFAULT_USER_ID, count=2)
        assert entity_text(first, "bold") == [both.entry.question]
        assert entity_text(second, "bold") == [both.others[0].entry.question]
        assert entity_text(second, "blockquote") == [both.others[0].entry.quote]

        shown = await bot.ask("G4S")
        assert shown["text"] == "About G4S I can tell you:"
        labels = [label for label, _ in buttons(shown)]
        assert labels == [s.question for s in menu.suggestions] + ["None of these"]

        declined = await bot.ask(NEAR_MISS)
        assert declined["text"].startswith("The article doesn't say how long.")
        assert entity_text(declined, "blockquote") == [near.closest.quote]
        assert near.closest.answer not in declined["text"]
        fake_api.assert_no_errors()


@pytest.fixture
def g4s_and_leisure(tmp_path: Path) -> Path:
    """The bundled G4S article and the leisure centre article of eval/, in one folder."""
    return copy_knowledge(
        tmp_path / "both", bundled_knowledge_path(), ROOT / "eval" / "leisure-centre"
    )


async def test_a_question_both_articles_answer_offers_both_as_buttons(
    fake_api: FakeBotApi, g4s_and_leisure: Path
) -> None:
    knowledge = Engine.load(g4s_and_leisure).knowledge
    article_of = {e.question: e.article_id for e in knowledge.entries.values()}
    async with polling_bot(fake_api, g4s_and_leisure) as bot:
        reply = await bot.ask("who runs it")
        assert reply["text"].startswith("I'm not sure what you mean by")
        offered = [label for label, _ in buttons(reply) if label != "None of these"]
        assert {article_of[label] for label in offered} == set(knowledge.articles)
        # Picking one answers it in place, from its own article.
        record = record_of(reply)
        data = next(d for label, d in buttons(reply) if label == offered[-1])
        await bot.press(reply, data)
        shown = fake_api.message(reply["chat"]["id"], reply["message_id"])
        assert shown is not None
        entry = next(e for e in knowledge.entries.values() if e.question == offered[-1])
        assert entity_text(shown, "blockquote") == [entry.quote]
        assert knowledge.article_of(entry).title in shown["text"]
        assert buttons(shown)[-2:] == votes(record)
        fake_api.assert_no_errors()


async def test_an_articles_synonyms_stay_with_its_own_entries(
    fake_api: FakeBotApi, g4s_and_leisure: Path
) -> None:
    leisure = g4s_and_leisure / "leisure-centre.yaml"
    text = leisure.read_text(encoding="utf-8")
    assert "\nsynonyms:\n" in text
    # The leisure centre's file makes "blorp" mean "olympics", for its own entries only.
    leisure.write_text(
        text.replace("\nsynonyms:\n", "\nsynonyms:\n  - [olympics, blorp]\n", 1), encoding="utf-8"
    )
    knowledge = Engine.load(g4s_and_leisure).knowledge
    olympics = [e for e in knowledge.entries.values() if "10,400" in e.quote]
    assert olympics and olympics[0].article_id == "g4s-police-outsourcing"
    async with polling_bot(fake_api, g4s_and_leisure) as bot:
        blorp = await bot.ask("what happened at the blorp")
        assert olympics[0].quote not in blorp["text"]
        assert "10,400" not in blorp["text"]
        olympic = await bot.ask("what happened at the olympics")
        assert entity_text(olympic, "blockquote") == [olympics[0].quote]
        fake_api.assert_no_errors()
