"""Small talk: greetings, thanks and goodbyes, which the engine rightly finds no answer for.

A message counts as small talk only when every word of it is a greeting word or filler
("hi there", "thanks a lot!", "hello bot 👋"); "hi, how much was the deal worth?" is a question.
"""

from __future__ import annotations

import enum
import re

from bot.lazyre import LazyPattern
from bot.spelling import TEXT_SPEAK


class SmallTalk(enum.Enum):
    """The kinds of small talk the adapters answer with a friendly line."""

    GREETING = "greeting"
    THANKS = "thanks"
    GOODBYE = "goodbye"
    ABOUT_BOT = "about_bot"


_WORDS: dict[SmallTalk, frozenset[str]] = {
    SmallTalk.GREETING: frozenset(
        "hi hii hiii hello hallo helo hey heya hiya howdy yo hola greetings morning afternoon "
        "evening sup hai".split()
    ),
    SmallTalk.THANKS: frozenset(
        "thanks thank thx thnx thanx ty cheers ta appreciated appreciate great cool nice "
        "awesome perfect ok okay".split()
    ),
    SmallTalk.GOODBYE: frozenset("bye goodbye byebye cya later farewell night".split()),
}
_FILLER = frozenset(
    "good there you all everyone everybody bot guys folks again so much very a lot and "
    "see it for the help that was mate".split()
)
# Thanks words that say nothing on their own ("ok", "great") count only next to a real one.
_WEAK_THANKS = frozenset("great cool nice awesome perfect ok okay".split())
_WORD_RE = LazyPattern(r"[^\W\d_]+", re.UNICODE)
_MAX_WORDS = 8


# Questions about the bot itself, not the article ("what's your name?"). Each speaks to it,
# with "you" or "your": other sentences are passed over without compiling the pattern.
_ADDRESSED = frozenset(("you", "your"))
_ABOUT_BOT = LazyPattern(
    r"\b(your name|who are you|what are you|are you (a |an )?(bot|robot|human|real|person|ai)|"
    r"how are you|who (made|built|created|wrote) you|your favou?rite|do you like|"
    r"how old are you|where are you|"
    # How it is: "how's your day going?", "what are you up to?"
    r"how (is|was) your (day|week|weekend|morning|afternoon|evening|night)|"
    r"how (are|r) (you|u) (doing|keeping|getting on)|what are you (up to|doing)|"
    r"are you (ok|okay|well|alright|good)|"
    # Its opinion: the bot reports what the article says, and thinks nothing of its own.
    r"in your (own |personal )?(opinion|view)|(what )?do you (think|reckon|believe)|"
    r"your (own |personal )?(opinion|view|take)|would you (say|recommend|advise))\b"
)


# Apostrophe-less "is" ("hows ur day going"); the rest of text-speak is spelling.TEXT_SPEAK.
_IS_WITHOUT_APOSTROPHE = {"hows": "how is", "whats": "what is"}


# The same, said without "you": the whole of a message ("hi, how's it going?").
_HOW_IS_IT = LazyPattern(
    r"(?:(?:hi|hello|hey|hiya|morning|evening) )?(?:how is it going|how are things|what is up|"
    r"whats up|how is things|how is life|how do you do)"
)


def classify(text: str) -> SmallTalk | None:
    """The kind of small talk `text` is, or None when it may be a question."""
    said = [
        spelled
        for word in _WORD_RE.findall(text.lower().replace("'s", " is"))
        for spelled in (TEXT_SPEAK.get(word) or _IS_WITHOUT_APOSTROPHE.get(word) or word).split()
    ]
    if not _ADDRESSED.isdisjoint(said) and _ABOUT_BOT.search(" ".join(said)):
        return SmallTalk.ABOUT_BOT
    if _HOW_IS_IT.fullmatch(" ".join(said)):
        return SmallTalk.ABOUT_BOT
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if not words or len(words) > _MAX_WORDS:
        return None
    kinds: list[SmallTalk] = []
    for word in words:
        kind = next((k for k, vocab in _WORDS.items() if word in vocab), None)
        if kind is None and word not in _FILLER:
            return None
        if kind is not None and word not in _WEAK_THANKS:
            kinds.append(kind)
    # "thanks, bye" is a goodbye and "hi, thanks" is thanks: the last word that counts decides.
    return kinds[-1] if kinds else None
