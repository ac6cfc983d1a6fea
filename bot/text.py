"""Text normalisation shared by the index and the questions: words, stems, intents."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")

# Words that carry no meaning of their own in a question to this bot: English function words,
# chat filler ("hey bot, can you tell me…") and vague verbs. Question words are not here: they
# become intent terms instead.
STOP_WORDS = frozenset(
    """
    a about above across actually after again against all almost also although am among an and
    any anybody anyone anything are aren around as at be became because been before being below
    between both but by can cannot could couldn did didn do does doesn doing don done down during
    each either else enough etc even ever every exactly for from further get gets getting give
    given go goes going gone got had hadn has hasn have haven having he her here hers herself him
    himself his i if in into is isn it its itself just kind know let like likely ll look looking
    lot lots made make many may maybe me mean might mine more most much must my myself need needs
    no nor not now of on once one only or other others otherwise our ours ourselves out over
    own please pls plz quite rather re really s same say says see seem seems shall she should
    shouldn so some something somebody someone sort still such sure t tell than thank thanks that
    the their theirs them themselves then there these they thing things this those though through
    thus to too toward towards u under until up upon us ve very want wanna was wasn way we were
    weren whether while will with within without would wouldn ya yeah yes yet you your yours
    yourself yourselves hey hi hello hiya howdy bot ok okay um uh hmm well so anyway btw pray
    curious wondering wonder wondered wonderful idea guess info information details detail explain
    happen happened happening going ok right currently actual basically just total overall whole
    exactly again any d m o y involved involve involves involving
    regarding concerning related part parts stuff time times read reading confused confusing
    understand clarify remind question questions quick mention mentioned everyone everybody
    try trying tried
    """.split()
)

# Words that point at the article itself ("in this story"): they say little about which fact
# is asked for, so they weigh less.
META_WORDS = frozenset({"article", "story", "piece", "report", "text", "news"})

# Other forms of the longer stop words: "happens", "wants", "mentions".
_STOP_STEMS = frozenset(_STEMMER.stemWords([w for w in STOP_WORDS if len(w) > 3]))

# Question words become intent terms, so that "when…?" prefers an entry asked with "when".
_INTENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bhow (much|many)\b"), "_amount"),
    (re.compile(r"\b(when|what time|what day|what date|which day)\b"), "_when"),
    (re.compile(r"\b(why|how come|what reason|what caused)\b"), "_why"),
    (re.compile(r"\b(who|whom|whose)\b"), "_who"),
    (re.compile(r"\bwhere\b"), "_where"),
)
QUESTION_WORDS = frozenset({"what", "which", "how", "who", "whom", "whose", "why", "when", "where"})

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
# Chat filler that would otherwise leave odd words behind ("who decides in the end").
_FILLER_PHRASES = re.compile(
    r"\b(in the end|at the end of the day|at this (point|stage)|right now|these days|"
    r"by the way|to be honest|if you (can|could|know)|do you know|i was wondering)\b"
)
_IT_DEPARTMENT = re.compile(r"\bIT\b")
_DIGIT_GROUPS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_MILLION = re.compile(r"\b(\d+)\s*(m|mn|million|millions)\b")
_POSSESSIVE = re.compile(r"'s\b")
_APOSTROPHE_LESS = re.compile(r"\b(what|where|who|how|that|there)s\b")  # "whats" is "what's"
_NEGATION = re.compile(r"(\w)n't\b")
_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lower-case, unify quotes and digit grouping, strip accents: "£77 million" -> "77m"."""
    text = _IT_DEPARTMENT.sub("information technology", text)  # before "IT" becomes "it"
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_QUOTES).lower()
    text = _NEGATION.sub(r"\1 not", text.replace("won't", "will not").replace("can't", "can not"))
    text = _FILLER_PHRASES.sub(" ", text)
    text = _DIGIT_GROUPS.sub("", text)
    text = _MILLION.sub(r"\1m", text)
    return _APOSTROPHE_LESS.sub(r"\1", _POSSESSIVE.sub("", text))


def words(text: str) -> list[str]:
    """The normalised words of a text, in order, stop words included."""
    return _WORD.findall(normalise(text))


def intents(text: str) -> list[str]:
    """Intent terms for the question words in a text."""
    normal = " ".join(words(text))
    return [term for pattern, term in _INTENTS if pattern.search(normal)]


def is_content_word(word: str) -> bool:
    """A word that can carry meaning: not a stop word (in any form), not a lone letter."""
    return (
        len(word) > 1
        and word not in STOP_WORDS
        and word not in QUESTION_WORDS
        and stem(word) not in _STOP_STEMS
    )


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a word; numbers are kept as they are."""
    if word.isdigit():
        return word
    result: str = _STEMMER.stemWord(word)
    return result
