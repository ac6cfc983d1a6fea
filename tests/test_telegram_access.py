"""Who may use the bot: the allowlist, admins and inline mode (bot/telegram/access.py), and the
gate on the real bot: the chat allowlist (QA_ALLOWED_CHAT_IDS) and the flood guard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.flood import FloodGuard
from bot.telegram.access import Access
from tests.fakebotapi import FakeBotApi
from tests.support.telegram import GROUP_ID, IN_GROUP, buttons, expected_answer_text, polling_bot

ALLOWED_USER, STRANGER, ADMIN = 2001, 2002, 5005
OTHER_GROUP = -1009999999999
IN_OTHER_GROUP: dict[str, Any] = {
    "chat_id": OTHER_GROUP,
    "chat_type": "supergroup",
    "title": "Elsewhere",
}
DECLINED = "Sorry, I'm not available in this chat. I only answer in the chats I was set up for."
SLOW_DOWN = (
    "You're sending messages faster than I can read them. Please wait a few seconds, "
    "then ask again."
)
QUESTION = "How did the council vote?"


async def test_the_allowlist_answers_listed_chats_and_declines_politely_elsewhere(
    fake_api: FakeBotApi, library: Path
) -> None:
    answer = expected_answer_text(library, "vote")
    fake_api.privacy_mode = False  # the bot sees all group chatter: it must not decline that
    async with polling_bot(
        fake_api,
        library,
        admin_ids=frozenset({ADMIN}),
        allowed_chat_ids=frozenset({ALLOWED_USER, GROUP_ID}),
    ) as bot:
        assert (await bot.ask(QUESTION, user_id=ALLOWED_USER))["text"] == answer
        assert (await bot.ask(QUESTION, user_id=ADMIN))["text"] == answer  # admins, in private
        assert (await bot.ask(f"@g4s_qa_bot {QUESTION}", **IN_GROUP))["text"] == answer

        # Elsewhere: one polite reply per message meant for the bot, commands included.
        for text in (QUESTION, "/start", "/stats"):
            assert (await bot.ask(text, user_id=STRANGER))["text"] == DECLINED
        fake_api.send_text(QUESTION, **IN_OTHER_GROUP)  # chatter: not for the bot
        for command in ("/help@other_bot", "/weather", "/stats"):
            fake_api.send_command(command, **IN_OTHER_GROUP)
        declined = await bot.ask(f"@g4s_qa_bot {QUESTION}", **IN_OTHER_GROUP)
        assert declined["text"] == DECLINED
        assert declined["reply_to_message"]["text"] == f"@g4s_qa_bot {QUESTION}"
        await bot.settle()
        assert len(fake_api.messages_in(OTHER_GROUP)) == 1
        assert len(fake_api.messages_in(STRANGER)) == 3

        # Inline mode: the listed user gets answers, a stranger an empty list.
        allowed = fake_api.inline_query("how did the council vote", user_id=ALLOWED_USER)
        refused = fake_api.inline_query("how did the council vote", user_id=STRANGER)
        await fake_api.wait_for_call("answerInlineQuery", count=2)
        assert fake_api.inline_answers[allowed]["results"]
        assert fake_api.inline_answers[refused]["results"] == []
        assert fake_api.inline_answers[refused]["is_personal"] is True
        fake_api.assert_no_errors()
        bot.questions.flush()
    assert bot.questions.closed


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_a_flooding_user_gets_one_slow_down_then_silence_and_others_are_answered(
    fake_api: FakeBotApi, library: Path
) -> None:
    flooder, other = 3001, 3002
    answer = expected_answer_text(library, "vote")
    async with polling_bot(fake_api, library, flood_max=3, flood_window=10.0) as bot:
        assert bot.application.bot_data.flood.limit == 3  # from the settings
        clock = Clock()
        bot.application.bot_data.flood = FloodGuard(3, 10.0, clock=clock)

        first = await bot.ask(QUESTION, user_id=flooder)
        for _ in range(3):  # messages 2-4 of one user within the window: the 4th is too many
            fake_api.send_text(QUESTION, user_id=flooder)
        replies = await fake_api.wait_for_messages(flooder, count=4)
        assert sorted(m["text"] for m in replies) == sorted([answer] * 3 + [SLOW_DOWN])
        for text in (QUESTION, "/help", "hi"):  # muted: nothing at all
            fake_api.send_text(text, user_id=flooder)
        _, pressed = await bot.press(first, buttons(first)[0][1])  # a follow-up button
        assert pressed["text"] == SLOW_DOWN  # answered, so no spinner; not acted on
        assert (await bot.ask(QUESTION, user_id=other))["text"] == answer
        await bot.settle()
        assert len(fake_api.messages_in(flooder)) == 4

        fake_api.time_shift += 10.0  # sent one window after the warning: a fresh start
        assert (await bot.ask(QUESTION, user_id=flooder))["text"] == answer
        fake_api.assert_no_errors()


# -- who may use the bot, on its own ------------------------------------------------------------


def test_the_allowlist_admins_and_inline_mode() -> None:
    everyone = Access(admins=frozenset({1}))
    assert everyone.allows_chat(-100, "group", 5) and everyone.allows_inline(5)
    listed = Access(admins=frozenset({1}), allowed_chats=frozenset({-100, 2}))
    assert listed.allows_chat(-100, "supergroup", 5)
    assert listed.allows_chat(2, "private", 2)
    assert not listed.allows_chat(3, "private", 3)
    assert listed.allows_chat(1, "private", 1)  # an admin, in private
    assert not listed.allows_chat(-200, "group", 1)  # but not in any group
    assert listed.allows_inline(2) and listed.allows_inline(1)
    assert not listed.allows_inline(3) and not listed.allows_inline(None)
    assert listed.is_admin(1) and not listed.is_admin(2) and not listed.is_admin(None)
