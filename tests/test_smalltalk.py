"""Small talk (bot/smalltalk.py): greetings, thanks and goodbyes told from questions."""

from __future__ import annotations

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
        ("<b>hi</b>", None),
        ("", None),
    ],
)
def test_small_talk(text: str, kind: SmallTalk | None) -> None:
    assert classify(text) is kind
