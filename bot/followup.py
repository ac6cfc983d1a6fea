"""Follow-ups: a short message ("why?", "and Surrey?", "who decides that?") read against the
entry answered just before it. No Telegram here: the engine and every adapter share it.

`followup_question` turns such a message and the earlier entry (the subject) into a question
that can be asked on its own. Whether the rewritten question is then used is the engine's
decision (`Engine.ask(..., subject=...)`): only when the message alone is not answered.
"""

from __future__ import annotations

import re

from bot import text
from bot.lazyre import LazyPattern
from bot.model import Entry

# Longer messages say enough on their own: they are never read as follow-ups.
MAX_WORDS = 8
# A follow-up adds little of its own: "who decides that" has one content word.
MAX_OWN_CONTENT_WORDS = 3

# Words that point back at the subject ("who decides that?", "when did they do it?").
POINTERS = frozenset("that this it its they them their those these he she him her his".split())
# "and Surrey?", "what about Surrey?", "how about the others?": the same question, another thing.
_SWAP = LazyPattern(
    r"^\s*(?:(?:and|but|also|so)\s+)?(?:what|how)\s+about\s+|^\s*(?:and|but|also)\s+", re.I
)
_OPENERS = frozenset({"and", "but", "so", "also", "then"})
# A run of capitalised words after the first word: the names a question is about
# ("Surrey Police Authority", "G4S").
_NAME_RUN = LazyPattern(r"(?<=\s)(?:[A-Z][\w'\u2019-]*)(?:\s+(?:of\s+|the\s+)?[A-Z][\w'\u2019-]*)*")


def followup_question(message: str, subject: Entry) -> str | None:
    """The question `message` asks about `subject`, or None when it does not read as a
    follow-up (too long, or saying enough to be a question of its own)."""
    words = text.words(message)
    if not words or len(words) > MAX_WORDS:
        return None
    if any(w in text.META_WORDS for w in words):  # "what is this article about?"
        return None
    own = [w for w in words if text.is_content_word(w) and w not in POINTERS]
    if len(own) > MAX_OWN_CONTENT_WORDS:
        return None
    swapped = _SWAP.match(message)
    if swapped:
        rest = message[swapped.end() :].strip()
        # "and Cambridgeshire?" swaps a name; "and the cost?" asks about the subject's cost.
        if (
            own
            and rest[:1].isupper()
            and not any(w in text.QUESTION_WORDS or w in POINTERS for w in text.words(rest))
        ):
            return _swap_subject(rest, subject)
    if words[0] in text.QUESTION_WORDS or words[0] in _OPENERS or any(w in POINTERS for w in words):
        return _add_subject(words, subject)
    return None


def points_back(message: str) -> bool:
    """Whether a message refers to what was said before ("who decided that?")."""
    return any(word in POINTERS for word in text.words(message))


def subject_words(subject: Entry) -> list[str]:
    """The content words of the subject's canonical question, in order."""
    return list(dict.fromkeys(w for w in text.words(subject.question) if text.is_content_word(w)))


def _add_subject(words: list[str], subject: Entry) -> str:
    """ "why" + "What did Surrey Police Authority decide?" ->
    "why surrey police authority decide"."""
    kept = [w for w in words if w not in POINTERS and w not in _OPENERS]
    extra = [w for w in subject_words(subject) if w not in kept]
    return " ".join([*kept, *extra])


def _swap_subject(new_thing: str, subject: Entry) -> str:
    """ "Cambridgeshire" + "What did Surrey Police Authority do?" ->
    "What did Cambridgeshire do?"; without a name to swap, the new thing is added."""
    new_thing = new_thing.strip(" ?!.,;:")
    question = subject.question
    run = _NAME_RUN.search(question)
    if run is not None:
        return f"{question[: run.start()]}{new_thing}{question[run.end() :]}"
    return f"{question.rstrip(' ?')} {new_thing}?"
