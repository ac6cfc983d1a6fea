"""The meaningful words of a text, for ids, topics and relevance in authoring tools.

Deliberately separate from the matcher's analysis (bot/text.py): authoring tools need stable,
readable words, not stems, and must not change when the matching is tuned.
"""

from __future__ import annotations

import re
import unicodedata

STOP_WORDS = frozenset(
    """a about above after again against all also although am an and any are as at be because
    been before being below between both but by can could did do does doing down during each
    either even ever every few for from further had has have having he her here hers him his
    how i if in into is it its itself just may me might more most much must my no nor not now
    of off on once only or other our ours out over own same she should so some such than that
    the their theirs them then there these they this those though through to too under until
    up upon very was we were what when where whether which while who whom whose why will with
    within without would yet you your yours said says say added told according however one two
    three four five six seven eight nine ten yesterday today tomorrow week year years month
    months day days time times new would like get got make made many way ways well back also
    still already recently early late last next current currently full own each tell know
    going go s t thing things please someone anyone people""".split()
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*")


def ascii_words(text: str) -> list[str]:
    """Lower-case ASCII words (accents dropped, not letters: "coûte" -> "coute")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", plain.lower())


def key_words(text: str) -> list[str]:
    """The words that carry the meaning, in text order, each once, as written."""
    seen: set[str] = set()
    found = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        lower = word.lower()
        if lower in STOP_WORDS or lower in seen or (len(lower) < 3 and not word.isupper()):
            continue
        if lower.isdigit() and len(lower) < 3:
            continue
        seen.add(lower)
        found.append(word)
    return found


def meaningful(text: str) -> set[str]:
    """The key words of a text, lower-case, with a plural "s" dropped, for comparisons."""
    words = set()
    for word in key_words(text):
        lower = word.lower().replace("\u2019", "'")
        lower = lower[:-2] if lower.endswith("'s") else lower
        if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
            lower = lower[:-1]
        words.add(lower)
    return words
