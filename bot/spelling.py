"""Spelling that knows English: text-speak, and typos corrected to real words.

A word is left alone when the knowledge knows it or when it is an English word (the
82,765-word frequency list that ships with `symspellpy`): "count" stays "count" even though the
knowledge only has "court". Any other word is corrected to the likeliest word one edit away,
taken from the knowledge's vocabulary or from English (question words and other small words
included), ranked by a small error model (a doubled letter or a swap is a likelier slip than a
wrong letter; a wrong letter next to the right one on the keyboard likelier than one far away;
the first letter is rarely wrong), then by the knowledge's own words, then by how common the
word is in English. Long words may also be two edits from one of the knowledge's words.

symspellpy is used for its dictionary only: its SymSpell index takes 2.3 s to build on this
machine, far more than a question-answering command may spend starting; generating the ~500
one-edit neighbours of a word and looking them up costs well under a millisecond.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Callable, Collection, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot import text
from bot.wordlist import word_levels

# Text-speak and chat shorthand: the word people type, and what they mean.
TEXT_SPEAK: dict[str, str] = {
    "u": "you",
    "ya": "you",
    "r": "are",
    "ur": "your",
    "b": "be",
    "y": "why",
    "wud": "would",
    "wd": "would",
    "cud": "could",
    "shud": "should",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "thnx": "thanks",
    "abt": "about",
    "bout": "about",
    "yr": "year",
    "yrs": "years",
    "wat": "what",
    "wot": "what",
    "wht": "what",
    "wats": "what is",
    "wots": "what is",
    "wen": "when",
    "hw": "how",
    "cn": "can",
    "temp": "temperature",
    "tix": "tickets",
    "chuckin": "chucking",
    "wz": "was",
    "woz": "was",
    "coz": "because",
    "cos": "because",
    "cuz": "because",
    "bc": "because",
    "tho": "though",
    "thru": "through",
    "rn": "now",
    "atm": "now",
    "til": "until",
    "till": "until",
    "n": "and",
    "nd": "and",
    "ppl": "people",
    "sigs": "signatures",
    "hav": "have",
    "wil": "will",
    "assoc": "association",
    "bck": "back",
    "rd": "road",
    "govt": "government",
    "dept": "department",
    "depts": "departments",
    "mil": "million",
    "mln": "million",
    "tmrw": "tomorrow",
    "2day": "today",
    "wk": "week",
    "grp": "group",
    "mgr": "manager",
    "mgmt": "management",
    "hosp": "hospital",
    "prob": "probably",
    "defo": "definitely",
    "gov": "government",
    "xmas": "christmas",
    "op": "operation",
    "ops": "operations",
    "appt": "appointment",
    "appts": "appointments",
    "nxt": "next",
    "evry": "every",
    "bcos": "because",
    "becoz": "because",
    "wiv": "with",
    "wer": "were",
    "jus": "just",
    "tlk": "talk",
    "wks": "weeks",
    "b4": "before",
    "w": "with",
    "im": "i am",
    "dont": "do not",
    "didnt": "did not",
    "doesnt": "does not",
    "isnt": "is not",
    "wasnt": "was not",
    "arent": "are not",
    "cant": "can not",
    "wont": "will not",
    "havent": "have not",
    "hasnt": "has not",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "idk": "i do not know",
    "dunno": "do not know",
    "info": "information",
    "approx": "approximately",
    "cllr": "councillor",
    "cllrs": "councillors",
    "hrs": "hours",
    "wknd": "weekend",
    "yday": "yesterday",
    "tmw": "tomorrow",
    "bldg": "building",
    "whereabouts": "where",
}

# Words so rare in the list that they are more likely a typo than a word someone meant.
MIN_ENGLISH_LEVEL = 43  # 20,000 uses

# What being one of the knowledge's words is worth, in edits: as much as being one of the
# few hundred commonest English words (the people asking are talking about the article).
KNOWLEDGE_PRIOR = 0.15
_COMMONEST = 100  # the level of 10**10 uses

# What a shortened word ("collab" for "collaboration") costs, in edits: a correction one edit
# away must be likelier than this to win over it.
ABBREVIATION_COST = 0.9
# The shortest last part of a compound looked for ("path" of "towpath").
MIN_COMPOUND_HEAD = 4
# A real English word rarer than this may still be a slip for one of the knowledge's words.
RARE_REAL_WORD = 60  # a million uses
# English words rarer than this are never a correction's target ("wer" is "were", not "weer").
MIN_TARGET_LEVEL = 60  # a million uses

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = frozenset("aeiouy")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """Keys that touch each key on a QWERTY keyboard; each row sits half a key right of the
    one above, so "f" touches "r" and "t" above it and "c" and "v" below it."""
    position = {key: (row, col) for row, keys in enumerate(_ROWS) for col, key in enumerate(keys)}
    touching = {-1: (0, 1), 0: (-1, 1), 1: (-1, 0)}  # row offset -> column offsets
    return {
        key: frozenset(
            other
            for other, (r, c) in position.items()
            if r - row in touching and c - col in touching[r - row]
        )
        for key, (row, col) in position.items()
    }


_NEAR = _keyboard_neighbours()


class Correction(NamedTuple):
    """One word rewritten, and why: "knowledge", "english" or "text-speak"."""

    word: str
    fixed: str
    source: str


def level(count: float) -> int:
    """How common a word is, as 10·log10 of its count: 43 for 20,000 uses, 90 for a billion."""
    return round(10 * math.log10(count))


def _plural_slip(word: str) -> str:
    """The plural meant by "familys", "lorrys", "themselfs", "shelfs" (two edits away, but one
    slip of grammar)."""
    if len(word) > 4 and word.endswith("ys") and word[-3] not in "aeiou":
        return word[:-2] + "ies"
    if len(word) > 4 and word.endswith("lfs"):
        return word[:-2] + "ves"
    return ""


def _plural_of_common(word: str, levels: dict[str, int]) -> bool:
    """A plural is rarer than its singular: "storeys" (a storey) is no slip for "stores"."""
    if not word.endswith("s"):
        return False
    singulars = (word[:-1], word[:-2] if word.endswith("es") else "", word[:-3] + "y")
    return any(levels.get(s, 0) >= RARE_REAL_WORD for s in singulars if s)


@lru_cache(maxsize=1)
def english() -> dict[str, int]:
    """English words and how common each is (its `level`); read on first use, from the cache
    folder once parsed (bot.wordlist; ~15 ms instead of ~65), ~7 MB."""
    # Found without importing symspellpy (whose import pulls in its whole spelling engine).
    spec = importlib.util.find_spec("symspellpy")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("symspellpy is not installed: pip install symspellpy")
    folder = Path(next(iter(spec.submodule_search_locations)))
    source = folder / "frequency_dictionary_en_82_765.txt"
    return word_levels(source, parse_frequencies, f"en{MIN_ENGLISH_LEVEL}")


def parse_frequencies(source: Path) -> dict[str, int]:
    """The words of a "word count" list at MIN_ENGLISH_LEVEL or above, with their levels
    (small cached ints, not 77,000 int objects)."""
    words: dict[str, int] = {}
    with open(source, encoding="utf-8") as lines:
        for line in lines:
            word, _, count = line.partition(" ")
            common = level(int(count))
            if common >= MIN_ENGLISH_LEVEL:
                words[word] = common
    return words


# How much a word the knowledge has never seen says, from how common it is in English: "use"
# or "bill" next to nothing, a rare word ("spearheading") or a name everything.
_COMMON_WORD = level(1e9)
_RARE_WORD = level(1e7)
MIN_RARITY = 0.25


def rarity(word: str) -> float:
    """1.0 for a rare word or one that is not English, down to MIN_RARITY for a common one."""
    common = english().get(word)
    if common is None:
        return 1.0
    share = (_COMMON_WORD - common) / (_COMMON_WORD - _RARE_WORD)
    return min(1.0, max(MIN_RARITY, share))


# The letters an edit may insert or substitute (not string.ascii_lowercase: importing
# `string` compiles its Template pattern, a millisecond of every start).
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits(word: str) -> Iterator[tuple[str, float]]:
    """Every string one edit from `word`, with the cost of the slip that would turn it into
    `word` (the person meant the string and typed `word`)."""
    letters = _LETTERS
    n = len(word)
    # Spelling as spoken: "sayin" for "saying", "togetha" for "together".
    if word.endswith("in"):
        yield word + "g", 0.4
    if word.endswith("a") and n > 3:
        yield word[:-1] + "er", 0.5
    for i in range(n):
        # They typed a letter too many: a doubled letter is the commonest slip.
        doubled = (i > 0 and word[i - 1] == word[i]) or (i + 1 < n and word[i + 1] == word[i])
        yield word[:i] + word[i + 1 :], (0.5 if doubled else 1.0) + (0.7 if i == 0 else 0.0)
    for i in range(n - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :], 0.7 + (0.4 if i == 0 else 0.0)
    for i in range(n):
        typed = word[i]
        for letter in letters:
            if letter == typed:
                continue
            if letter in _NEAR.get(typed, ()):
                cost = 0.9
            elif letter in _VOWELS and typed in _VOWELS:
                cost = 1.0  # "privitisation": vowels are confused by sound
            else:
                cost = 1.3
            yield word[:i] + letter + word[i + 1 :], cost + (0.7 if i == 0 else 0.0)
    for i in range(n + 1):
        for letter in letters:
            # They left a letter out; leaving out one of a double letter is the likeliest.
            doubled = (i > 0 and word[i - 1] == letter) or (i < n and word[i] == letter)
            yield word[:i] + letter + word[i:], (0.5 if doubled else 1.0) + (0.7 if i == 0 else 0.0)


class Speller:
    """Corrects words against one knowledge's vocabulary and English."""

    def __init__(self, vocabulary: Collection[str], small_words: Collection[str]) -> None:
        # vocabulary: the knowledge's content words; small_words: stop words and question words.
        self.vocabulary = frozenset(vocabulary)
        self.small_words = frozenset(small_words)
        self._long_by_length: dict[int, list[str]] = {}
        self._by_prefix: dict[str, list[str]] = {}
        # In sorted order: a set's order differs from run to run, and so would the lists (an
        # engine read from the cache must equal the one built in full).
        for word in sorted(self.vocabulary):
            if len(word) >= 7 and word.isalpha():
                self._by_prefix.setdefault(word[:4], []).append(word)
            if len(word) >= 8 and word.isalpha():
                self._long_by_length.setdefault(len(word), []).append(word)
        # A plain dict, not lru_cache(self._correct): a cache of a bound method kept on the
        # instance is a reference cycle, and every reload would keep the old index alive.
        self._corrections: dict[str, Correction | None] = {}
        self._by_tail: dict[str, list[str]] | None = None  # made on first use (compound)

    def correct(self, word: str) -> Correction | None:
        """The word a typo most likely meant, or None (cached; bounded)."""
        if word not in self._corrections:
            if len(self._corrections) >= 4096:  # questions bring endless new typos
                self._corrections.clear()
            self._corrections[word] = self._correct(word)
        return self._corrections[word]

    def _correct(self, word: str) -> Correction | None:
        """The word a typo most likely meant, or None (a real word, or nothing close)."""
        if len(word) < 3 or not word.isalpha() or word in self.vocabulary:
            return None
        if word in self.small_words:
            return None
        levels = english()
        if word in levels:
            # A real word is left alone, unless it is a rare one a slip away from one of the
            # knowledge's words ("parkin" is a cake, but here surely "parking").
            if levels[word] >= RARE_REAL_WORD or _plural_of_common(word, levels):
                return None
            return self._rare_word_slip(word)
        plural = _plural_slip(word)
        if plural in self.vocabulary:
            return Correction(word, plural, "knowledge")
        if levels.get(plural, 0) >= MIN_TARGET_LEVEL:
            return Correction(word, plural, "english")
        best: tuple[float, str, str] | None = None
        for candidate, cost in _edits(word):
            if candidate in self.vocabulary:
                source, prior = "knowledge", KNOWLEDGE_PRIOR
            elif levels.get(candidate, 0) >= MIN_TARGET_LEVEL or candidate in self.small_words:
                source = "english"
                # More common words are likelier meant: a tenth of an edit per factor of ten.
                # (a tenth of an edit per factor of ten: levels are tenths of a factor of ten)
                prior = max(
                    KNOWLEDGE_PRIOR, 0.01 * (_COMMONEST - levels.get(candidate, _COMMONEST))
                )
            else:
                continue
            if len(candidate) < 3 and cost >= 1.0:
                continue  # "tge" -> "te": too little left to be sure
            rank = (cost + prior, source, candidate)
            if best is None or rank < best:
                best = rank
        shortened = self._shortened(word)
        if shortened is not None and (best is None or best[0] > ABBREVIATION_COST):
            return Correction(word, shortened, "knowledge")
        if best is not None and (len(word) > 3 or best[0] < 1.0):
            return Correction(word, best[2], best[1])
        return self._two_edits(word)

    def compound(self, word: str) -> Correction | None:
        """For a word the knowledge lacks, the one knowledge word that is an English compound
        ending in it ("towpath" for "path", "farmland" for "land"): a towpath is a path."""
        if len(word) < MIN_COMPOUND_HEAD or not word.isalpha():
            return None
        found = self._compounds_ending(word)
        if not found and word.endswith("s"):
            found = self._compounds_ending(word[:-1])
        if len(found) == 1:
            return Correction(word, found[0], "compound")
        return self._head_of(word)

    def _compounds_ending(self, head: str) -> list[str]:
        """The knowledge words made of an English word and `head` ("tow" + "path")."""
        levels = english()
        if head not in levels or head in self.small_words or len(head) < MIN_COMPOUND_HEAD:
            return []
        if self._by_tail is None:
            # By their last letters: made in one pass over the vocabulary (~10 ms at 100k
            # entries), where trying every split of every word took ~170 ms.
            self._by_tail = {}
            for known in sorted(self.vocabulary):
                if len(known) >= 3 + MIN_COMPOUND_HEAD and known.isalpha():
                    self._by_tail.setdefault(known[-MIN_COMPOUND_HEAD:], []).append(known)
        return [
            known
            for known in self._by_tail.get(head[-MIN_COMPOUND_HEAD:], ())
            if known.endswith(head)
            and len(known) - len(head) >= 3
            and known[: -len(head)] in levels
            and known[: -len(head)] not in self.small_words
        ]

    def _head_of(self, word: str) -> Correction | None:
        """For a word that is not English, the knowledge word it ends with ("portacabins" ->
        "cabins"): a compound names a kind of its last part."""
        if word in english():
            return None  # "understand" is no kind of stand
        for split in range(3, len(word) - MIN_COMPOUND_HEAD + 1):
            head = word[split:]
            if head in self.vocabulary and head not in self.small_words:
                return Correction(word, head, "compound")
        return None

    def _shortened(self, word: str) -> str | None:
        """The one knowledge word that `word` starts ("collab" for "collaboration"), if any."""
        if len(word) < 4:
            return None
        longer = {w for w in self._by_prefix.get(word[:4], ()) if w.startswith(word)}
        longer = {w for w in longer if len(w) >= len(word) + 3}
        stems = {text.stem(w) for w in longer}
        return min(longer, key=lambda w: (len(w), w)) if len(stems) == 1 else None

    def _rare_word_slip(self, word: str) -> Correction | None:
        best = min(
            ((cost, candidate) for candidate, cost in _edits(word) if candidate in self.vocabulary),
            default=None,
        )
        if best is None or best[0] > 1.0:
            return None
        return Correction(word, best[1], "knowledge")

    def _two_edits(self, word: str) -> Correction | None:
        """A long word two edits from one of the knowledge's long words ("lincolnshre")."""
        if len(word) < 8:
            return None
        best: tuple[float, int, str] | None = None
        for length in range(len(word) - 2, len(word) + 3):
            close = process.extract(
                word,
                self._long_by_length.get(length, ()),
                scorer=OSA.distance,
                score_cutoff=2,
                limit=None,
            )
            for candidate, distance, _ in close:
                rank = (float(distance), 0 if candidate[0] == word[0] else 1, candidate)
                if best is None or rank < best:
                    best = rank
        if best is None or best[1] == 1:
            return None
        return Correction(word, best[2], "knowledge")


# Real words typed for a small word that sounds or looks alike, and the words around them that
# give the slip away: "when *dose* the consultation open", "*were* is the centre". Elsewhere
# they stay as typed ("a *dose* of the vaccine", "they *were* told").
# ("what dose" and "which dose" are real questions about a medicine.)
_BEFORE_DOES = frozenset("when where who why how".split())
# ("what villages *dose the* 47 go through"; a dose is "of" something, or "is" given.)
_AFTER_DOES = frozenset("the it he she they this that anyone anybody everyone".split())
_AFTER_FOR_TO = frozenset("the a an me us you u it them my our your his her this that".split())
_VERBS_AFTER_TO = frozenset("be get go see book pay find ask know say do make".split())
_AFTER_STREET = frozenset("on in at and n or is now to near by for was will".split()) | {""}
_SLIPS: dict[str, tuple[str, Callable[[str, str], bool]]] = {
    "dose": (
        "does",
        lambda before, after: before in _BEFORE_DOES or before == "" or after in _AFTER_DOES,
    ),
    "were": ("where", lambda before, after: before == "" and after in {"is", "are", "does", "do"}),
    # "bridge st on market days" is a street; "st marys church" a saint.
    "st": ("street", lambda before, after: _after_a_name(before) and after in _AFTER_STREET),
    # "a paper form *4* the consultation", "how *2* book": not a count (no noun follows).
    "4": ("for", lambda before, after: before != "" and after in _AFTER_FOR_TO),
    "2": ("to", lambda before, after: before != "" and after in _AFTER_FOR_TO | _VERBS_AFTER_TO),
}


def _after_a_name(before: str) -> bool:
    return before not in ("", "the", "a", "on", "in", "at", "to", "of")


def _slip(word: str, before: str, after: str) -> str | None:
    """What a real word typed by mistake for a small one means here, if it is such a slip."""
    slip = _SLIPS.get(word)
    return slip[0] if slip is not None and slip[1](before, after) else None


def expand_text_speak(words: list[str]) -> tuple[list[str], list[Correction]]:
    """Words with chat shorthand written out ("hw much wud" -> "how much would")."""
    out: list[str] = []
    fixes: list[Correction] = []
    for position, word in enumerate(words):
        before = out[-1] if out else ""
        after = words[position + 1] if position + 1 < len(words) else ""
        meant = TEXT_SPEAK.get(word) or _slip(word, before, after)
        if meant is None:
            out.append(word)
            continue
        out.extend(meant.split())
        fixes.append(Correction(word, meant, "text-speak"))
    return out, fixes
