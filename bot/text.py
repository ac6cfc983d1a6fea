"""Text normalisation shared by the index and the questions: words, stems, intents."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from bot import thesaurus
from bot.lazyre import LazyPattern
from bot.stemmer import english_stemmer

_STEMMER = english_stemmer()

# Words that carry no meaning of their own in a question to this bot: English function words,
# chat filler ("hey bot, can you tell me…") and vague verbs. Question words are not here: they
# become intent terms instead.
STOP_WORDS = frozenset(
    """
    a about above across actually after again all almost also although am among an and
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
    yourself yourselves hey hi hello hiya howdy bot ok okay um uh hmm well so anyway btw tbh imo
    fyi lol pray according
    curious wondering wonder wondered wonderful idea guess info information details detail explain
    happen happened happening going ok right currently actual basically just total overall whole
    exactly again any d m o y involved involve involves involving
    regarding concerning related part parts stuff time times read reading confused confusing
    understand clarify remind question questions quick mention mentioned everyone everybody
    try trying tried another name names came comes take takes took taken taking
    use uses used using behind guy guys bloke think thinks reckon reckons good
    along amongst onto despite throughout supposed
    """.split()
)

# Words that point at the article itself ("in this story"): they say little about which fact
# is asked for, so they weigh less.
META_WORDS = frozenset({"article", "story", "piece", "report", "text", "news"})

# Other forms of the longer stop words: "happens", "wants", "mentions". The stems of the stop
# words longer than three letters, written out rather than stemmed at every start (a test checks
# that they are what the stemmer gives).
_STOP_STEMS = frozenset(
    """
    about abov accord across actual after again almost also although among anoth anybodi
    anyon
    anyth anyway aren around basic be becam becaus been befor behind below between bloke both
    came cannot clarifi come concern confus could couldn curious current detail didn do doe
    doesn done down dure each either els enough even ever everi everybodi everyon exact explain
    from further get give given go goe gone good guess guy hadn happen hasn have haven hello
    her here herself himself hiya howdi idea info inform into involv itself just kind know like
    look lot made make mani mayb mean mention might mine more most much must myself name need
    okay onc onli other otherwis our ourselv over overal part pleas pray question quick quit
    rather read realli reckon regard relat remind right same say seem shall should shouldn some
    somebodi someon someth sort still stuff such sure take taken tell than thank that their
    them themselv then there these they thing think this those though through thus time took
    total toward tri under understand until upon use veri wanna want wasn well were weren
    whether while whole will with within without wonder would wouldn yeah your yourself
    yourselv along amongst onto despit throughout suppos
    """.split()
)

# Question words become intent terms, so that "when…?" prefers an entry asked with "when":
# a word, or two words in a row.
_INTENT_WORDS = {
    "when": "_when",
    "why": "_why",
    "who": "_who",
    "whom": "_who",
    "whose": "_who",
    "where": "_where",
}
_INTENT_PAIRS = {
    "how": {"much": "_amount", "many": "_amount", "come": "_why"},
    "what": {"time": "_when", "day": "_when", "date": "_when", "reason": "_why", "caused": "_why"},
    "which": {"day": "_when"},
}
_INTENT_ORDER = ("_amount", "_when", "_why", "_who", "_where")
QUESTION_WORDS = frozenset({"what", "which", "how", "who", "whom", "whose", "why", "when", "where"})

# Typographic quotes and dashes, and their plain forms.
_QUOTES = (
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2013", "-"),
    ("\u2014", "-"),
)
# Chat filler that would otherwise leave odd words behind ("who decides in the end").
_FILLER_PHRASES = LazyPattern(
    r"\b(in the end|at the end of the day|at this (point|stage)|right now|these days|"
    r"by the way|to be honest|if you (can|could|know)|do you know|i was wondering|in terms of|"
    r"of the week|in (simple|plain) (words|english|terms)|in a nutshell|"
    r"in[ -]person|face[ -]to[ -]face)\b"
)
# (One pattern of all the idioms, scanned once, took ten times as long as these.)
_IDIOMS = tuple((part, LazyPattern(idiom), plain) for part, idiom, plain in thesaurus.IDIOMS)
# Some patterns below start with a literal and look behind for the rest (r"IT(?<!\wIT)" for
# r"\bIT\b"): the same matches, but the regex engine can skip to that literal instead of
# trying every position, which counts on long articles.
_IT_DEPARTMENT = LazyPattern(r"IT(?<!\wIT)(?!\w)")  # r"\bIT\b"
_DIGIT_GROUPS = LazyPattern(r"[,.](?<=\d[,.])(?=\d{3}\b)")  # r"(?<=\d)[,.](?=\d{3}\b)"
# r"\b(\d+)\s*(m|mn|million|millions)\b", replaced by the digits and "m"
_MILLION = LazyPattern(r"\d(?<!\w\d)\d*\s*(?:m|mn|million|millions)\b")
_LEADING_DIGITS = LazyPattern(r"\d+")
_POSSESSIVE = LazyPattern(r"'s\b")
_APOSTROPHE_LESS = LazyPattern(r"\b(what|where|who|how|that|there)s\b")  # "whats" is "what's"
_NEGATION = LazyPattern(r"n't(?<=\wn't)\b")  # r"(\w)n't\b", the letter before "n't" kept
_WORD = LazyPattern(r"[a-z0-9]+")
_DIGIT = LazyPattern(r"\d")  # any script's digits, as in the number patterns above
_NON_ASCII_RUN = LazyPattern(r"[^\x00-\x7f]+")


def normalise(text: str) -> str:
    """Lower-case, unify quotes and digit grouping, strip accents: "£77 million" -> "77m"."""
    # The index normalises every variant, answer and quote of the knowledge, so each step is
    # skipped when a cheap test shows that it cannot change the text, and replacements are
    # functions or plain strings (a template such as r"\1m" costs Python work on every call).
    if "IT" in text:
        text = _IT_DEPARTMENT.sub("information technology", text)  # before "IT" becomes "it"
    if not text.isascii():  # accents, typographic quotes and dashes are not ASCII
        text = _strip_accents(text)
        for typographic, plain in _QUOTES:
            text = text.replace(typographic, plain)
    text = text.lower()
    # No later step adds an apostrophe, so one test covers the steps that need one.
    has_apostrophe = "'" in text
    if has_apostrophe:
        text = text.replace("won't", "will not").replace("can't", "can not")
        text = _NEGATION.sub(" not", text)
    if _may_have_filler(text):
        text = _FILLER_PHRASES.sub(" ", text)
    if _DIGIT.search(text):
        text = _MILLION.sub(_millions, _DIGIT_GROUPS.sub("", text))
    if has_apostrophe:
        text = _POSSESSIVE.sub("", text)
    if "ats" in text or "res" in text or "hos" in text or "ows" in text:  # whATS, wheRES...
        text = _APOSTROPHE_LESS.sub(_first_group, text)
    return text


def _may_have_filler(text: str) -> bool:
    """False when _FILLER_PHRASES cannot match: each filler phrase has one of these parts."""
    return (
        "the end" in text
        or "at this" in text
        or "right now" in text
        or "these days" in text
        or "by the way" in text
        or "honest" in text
        or "you" in text
        or "wondering" in text
        or "terms of" in text
        or "of the week" in text
        or "in simple" in text
        or "in plain" in text
        or "nutshell" in text
        or "person" in text
        or "face" in text
    )


def _millions(match: re.Match[str]) -> str:
    """ "77 million" -> "77m" """
    digits = _LEADING_DIGITS.match(match.group())
    assert digits is not None
    return digits.group() + "m"


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


def _strip_accents(text: str) -> str:
    """Decompose (NFKD) and drop the combining marks: "café" -> "cafe"."""
    text = unicodedata.normalize("NFKD", text)
    if text.isascii():
        return text
    # Only non-ASCII characters can be combining marks: look at those runs alone.
    return _NON_ASCII_RUN.sub(_drop_combining, text)


def _drop_combining(match: re.Match[str]) -> str:
    return _without_combining(match.group())


@lru_cache(maxsize=4096)
def _without_combining(run: str) -> str:
    return "".join(ch for ch in run if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The normalised words of a text, in order, stop words included."""
    return _WORD.findall(normalise(text))


def plain_idioms(words: list[str]) -> list[str]:
    """A question's words with its everyday idioms as the plain words they stand for: "why get
    rid of it" -> "why scrap it" (bot.thesaurus.IDIOMS)."""
    joined = " ".join(words)
    for part, idiom, plain in _IDIOMS:
        if part in joined:
            joined = idiom.sub(plain, joined)
    return joined.split() if joined != " ".join(words) else words


def intents(text: str) -> list[str]:
    """Intent terms for the question words in a text."""
    return word_intents(words(text))


def word_intents(words: list[str]) -> list[str]:
    """Intent terms for the question words among normalised words, in a fixed order."""
    found = set()
    for position, word in enumerate(words, 1):
        intent = _INTENT_WORDS.get(word)
        if intent is not None:
            found.add(intent)
        elif word in _INTENT_PAIRS and position < len(words):
            intent = _INTENT_PAIRS[word].get(words[position])
            if intent is not None:
                found.add(intent)
    if not found:
        return []
    return [intent for intent in _INTENT_ORDER if intent in found]


@lru_cache(maxsize=65536)
def is_content_word(word: str) -> bool:
    """A word that can carry meaning: not a stop word (in any form), not a lone letter."""
    return (
        len(word) > 1
        and word not in STOP_WORDS
        and word not in QUESTION_WORDS
        and stem(word) not in _STOP_STEMS
    )


# The stems a knowledge cache holds (bot.compact.Stems.get): a process that read its knowledge
# from the cache has stemmed none of its words, and an article's sentences looked at for the
# first time would otherwise stem theirs then (20-50 µs a word; a look-up here takes ~1 µs).
_known_stem: Callable[[str], str | None] | None = None


def remember_stems(known: Callable[[str], str | None] | None) -> None:
    """Read stems from `known` (a word's stem, or None for a word it lacks) before stemming:
    the stems of the last knowledge read from the cache (None: stem every word)."""
    global _known_stem
    _known_stem = known


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a word; numbers are kept as they are."""
    if word.isdigit():
        return word
    if _known_stem is not None:
        known = _known_stem(word)
        if known is not None:
            return known
    result: str = _STEMMER.stemWord(word)
    # Snowball keeps the "e" of a one-s word's plural ("buses" -> "buse", "bus" -> "bus").
    return _PLURAL_SLIPS.get(result, result)


_PLURAL_SLIPS = {"buse": "bus", "busse": "bus", "gase": "gas", "bonuse": "bonus"}


# Days and months are capitalised but are dates, not names (bot.which_one reads them).
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
_SENTENCES = LazyPattern(r"(?<=[.!?])\s+|\n+")
_CAPITALISED_WORD = LazyPattern(r"[A-Z][A-Za-z0-9]*")
_SENTENCE_START = LazyPattern(r"(?:^|[.!?:;\n\"\u201c\u2018(]|[.!?]['\u2019\u201d\"]?)\s*$")


def lower_case_words(article: str) -> set[str]:
    """The words an article writes in lower case."""
    return {w for w in _WORD.findall(article) if w.islower()}


def names_in(article: str, most_sentences: int = 1_000_000) -> set[str]:
    """The article's proper names, lower-cased: words it writes with a capital letter where no
    sentence starts, and never in lower case ("Surrey", "LOCOG", "Monday"; not "Police" in
    "Surrey Police Authority", which it also writes as "police"); only those named in at most
    `most_sentences` of its sentences."""
    lower = set(_WORD.findall(article.lower().replace("\u2019", "'")))
    capitalised: set[str] = set()
    for found in _CAPITALISED_WORD.finditer(article):
        if _SENTENCE_START.search(article[max(0, found.start() - 3) : found.start()]):
            continue
        capitalised.add(found.group().lower())
    in_lower_case = lower_case_words(article)
    names = {w for w in capitalised & lower if w not in in_lower_case and len(w) > 1}
    mentions = dict.fromkeys(names, 0)
    for sentence in _SENTENCES.split(article.lower()):
        for word in set(_WORD.findall(sentence)) & names:
            mentions[word] += 1
    return {w for w in names if mentions[w] <= most_sentences}
