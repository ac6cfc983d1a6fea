"""The question policy: what of a message the engine takes as a question, decided once.

The engine and every adapter (Telegram messages and inline mode, the terminal chat) screen
a message here; the adapters then only render the outcome.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from bot.smalltalk import SmallTalk, classify

# Longer messages are not questions but pasted text, and the matcher's cost grows with their
# length: the engine reads no further, and the question log keeps no more.
MAX_QUESTION_CHARS = 1000
# Answered at most this many distinct questions from one message.
MAX_QUESTIONS = 3


class Screening(enum.Enum):
    """What a message is, before any matching."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    SMALL_TALK = "small_talk"
    QUESTION = "question"


class Screened(NamedTuple):
    """A message with its whitespace collapsed, and what it is."""

    text: str
    kind: Screening
    small_talk: SmallTalk | None = None


def screen(message: str) -> Screened:
    """Empty, too long, small talk (greetings, thanks, questions about the bot) or a question."""
    text = " ".join(message.split())
    if not text:
        return Screened(text, Screening.EMPTY)
    if len(text) > MAX_QUESTION_CHARS:
        return Screened(text, Screening.TOO_LONG)
    small_talk = classify(text)
    if small_talk is not None:
        return Screened(text, Screening.SMALL_TALK, small_talk)
    return Screened(text, Screening.QUESTION)
