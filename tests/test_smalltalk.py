"""Small talk (bot/smalltalk.py): greetings, thanks and goodbyes told from questions."""

from __future__ import annotations

import re

import pytest

from bot.smalltalk import SmallTalk, classify


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hi", SmallTalk.GREETING),
        ("Hello there! 👋", SmallTalk.GREETING),
        ("good morning", SmallTalk.GREETING),
        ("thanks", SmallTalk.THANKS),
        ("Thank you very much!", SmallTalk.THANKS),
        ("ok thanks, bye", SmallTalk.GOODBYE),
        ("hi, how much was the deal worth?", None),
        ("ok", None),
        # How it is with the bot: not a question about the article ("day" is in many).
        ("Hi! How's your day going?", SmallTalk.ABOUT_BOT),
        ("hi hows ur day going", SmallTalk.ABOUT_BOT),
        ("how r u doing", SmallTalk.ABOUT_BOT),
        ("whats ur name", SmallTalk.ABOUT_BOT),
        ("hey, how's it going?", SmallTalk.ABOUT_BOT),
        ("what are you up to", SmallTalk.ABOUT_BOT),
        ("how's the post office doing?", None),
        ("what day is it going ahead?", None),
        ("<b>hi</b>", None),
        ("", None),
    ],
)
def test_small_talk(text: str, kind: SmallTalk | None) -> None:
    assert classify(text) is kind


def test_every_question_about_the_bot_says_you_or_your() -> None:
    # classify() tries the about-the-bot pattern only on sentences with "you" or "your": each
    # of its alternatives must say one (every match then holds the word "you" or "your").
    from bot import smalltalk

    source = smalltalk._ABOUT_BOT.source
    assert source.startswith("\\b(") and source.endswith(")\\b")
    alternatives, depth, start = [], 0, 3
    for i, char in enumerate(source[3:-3], 3):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            alternatives.append(source[start:i])
            start = i + 1
    alternatives.append(source[start:-3])
    assert len(alternatives) > 12
    assert [a for a in alternatives if not re.search(r"\byou(r)?\b", a)] == []
    for text in ("What's your name?", "are you a bot", "Who made you?", "in your opinion?"):
        assert smalltalk.classify(text) is SmallTalk.ABOUT_BOT
