"""Answers that say no more than their quote: numbers, amounts, dates, days and names.

The bot invents nothing only if every fact in an answer is in the quote shown with it. This
check finds the facts an answer states that its quote lacks. Numbers are compared by value,
so "£77m", "77 million" and "77,000,000" are one number, and "three" is 3.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge import Knowledge, Problem
from bot.model import Entry

_NUMBER_WORDS = {
    # "one" is left out: it is a pronoun as often as a number ("the one that…").
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "dozen": 12,
    "half": 0.5,
}
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "hundred": 1e2,
}
_NUMBER = re.compile(
    r"(?<![\w.])(?P<currency>[£$€])?\s?"
    r"(?P<digits>\d+(?:,\d{3})*(?:\.\d+)?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")"
    r"(?:\s?(?P<scale>k|m|mn|bn|thousand|million|billion|hundred)(?![a-z]))?"
    r"(?P<percent>\s?(?:%|per ?cent\b))?"
    r"(?![a-z0-9])",
    re.IGNORECASE,
)
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_DAYS = (
    "monday tuesday wednesday thursday friday saturday sunday "
    "yesterday today tomorrow tonight weekend"
).split()
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")
# Words that start a sentence with a capital without being names.
_COMMON_STARTERS = frozenset(
    """a an the this that these those it its it's they their there here he she we you i yes no
    not and but or so because since as after before when while if although though through
    from for with without by to of in on at up about over under into until unless once only
    also still yet some any all each every both either neither none most many more much few
    what which who whom whose why how where then than just even perhaps maybe instead rather
    according under around during between against among""".split()
)


@dataclass(frozen=True)
class Claim:
    """A fact an answer states: the words as written, and what it is."""

    text: str
    kind: str  # "number", "amount", "percentage", "date", "day", "name"


def number_values(text: str) -> list[tuple[str, float, str]]:
    """Every number in the text: as written, its value, and its kind."""
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group("digits").lower()
        value = float(raw.replace(",", "")) if raw[0].isdigit() else float(_NUMBER_WORDS[raw])
        scale = (match.group("scale") or "").lower()
        if scale:
            value *= _SCALES[scale]
        kind = "number"
        if match.group("percent"):
            kind = "percentage"
        elif match.group("currency") or scale in ("m", "mn", "bn", "k"):
            kind = "amount"
        elif raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100:
            kind = "date"
        found.append((match.group(0).strip(), value, kind))
    return found


def _has_value(values: list[float], value: float) -> bool:
    return any(math.isclose(value, v, rel_tol=1e-9) for v in values)


def _word_forms(word: str) -> set[str]:
    """A word and its forms without possessive or plural ending, lower-case."""
    word = word.lower().replace("\u2019", "'")
    forms = {word}
    if word.endswith("'s"):
        forms.add(word[:-2])
    if word.endswith("s'"):
        forms.add(word[:-1])
    for form in list(forms):
        if form.endswith("s"):
            forms.add(form[:-1])
    return forms


def _words_of(text: str) -> set[str]:
    return {form for word in _WORD.findall(text) for form in _word_forms(word)}


def _sentence_starts(text: str) -> set[int]:
    """Offsets of words that begin a sentence (or follow a colon)."""
    starts = {0}
    for match in re.finditer(r"[.!?:;]\s+[\"“(]*", text):
        starts.add(match.end())
    return starts


def _is_name(word: str, at_start: bool, article_words: frozenset[str]) -> bool:
    if not word[0].isupper():
        return False
    plain = word.lower().rstrip("'\u2019s") or word.lower()
    if word.lower() in _COMMON_STARTERS or plain in _COMMON_STARTERS:
        return False
    if any(ch.isdigit() for ch in word) or (len(word) > 1 and word.isupper()):
        return True
    if at_start:
        # "Work was under way": a capital only because the sentence starts there. A name is
        # never written in lower case in the article.
        return not (_word_forms(word) & article_words)
    return True


def lower_case_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case (with their forms): common words, not names."""
    return frozenset(
        form for word in _WORD.findall(text) if word.islower() for form in _word_forms(word)
    )


def claims(answer: str, article_words: frozenset[str] = frozenset()) -> list[Claim]:
    """The facts an answer states that could be missing from its quote, in answer order."""
    found: list[Claim] = []
    number_spans: list[tuple[int, int]] = []
    for match in _NUMBER.finditer(answer):
        number_spans.append(match.span())
    for text, _value, kind in number_values(answer):
        found.append(Claim(text, kind))
    starts = _sentence_starts(answer)
    for match in _WORD.finditer(answer):
        word = match.group(0).strip("'\u2019-")
        if not word or any(s <= match.start() < e for s, e in number_spans):
            continue
        lower = word.lower()
        if lower in _MONTHS and (word[0].isupper() or len(lower) > 3):
            found.append(Claim(word, "date"))
        elif lower in _DAYS:
            found.append(Claim(word, "day"))
        elif _is_name(word, match.start() in starts, article_words):
            found.append(Claim(word, "name"))
    return found


def missing_claims(
    answer: str, quote: str, article_words: frozenset[str] = frozenset()
) -> list[Claim]:
    """The answer's claims that the quote does not contain (numbers by value), once each."""
    quote_values = [value for _text, value, _kind in number_values(quote)]
    quote_words = _words_of(quote)
    answer_values = {text: value for text, value, _kind in number_values(answer)}
    missing: list[Claim] = []
    seen: set[str] = set()
    for claim in claims(answer, article_words):
        if claim.text.lower() in seen:
            continue
        seen.add(claim.text.lower())
        if claim.text in answer_values:
            if not _has_value(quote_values, answer_values[claim.text]):
                missing.append(claim)
        elif not (_word_forms(claim.text) & quote_words):
            missing.append(claim)
    return missing


def check_entry(entry: Entry, article_words: frozenset[str] = frozenset()) -> list[Claim]:
    """What the entry's answer states beyond its quote (`article_words`: lower_case_words)."""
    return missing_claims(entry.answer, entry.quote, article_words)


def answer_problems(knowledge: Knowledge) -> list[Problem]:
    """A warning per answer word its quote lacks, at the answer's line."""
    problems = []
    # Once per article, not per entry: an article may have thousands of entries.
    article_words = {a.id: lower_case_words(a.text) for a in knowledge.articles.values()}
    for entry in knowledge.entries.values():
        place = knowledge.places.get(entry.id)
        line, column = place.answer if place else (entry.line, 1)
        for claim in check_entry(entry, article_words.get(entry.article_id, frozenset())):
            problems.append(
                Problem(
                    entry.source_file or Path("?"),
                    line,
                    column,
                    f"the answer says `{claim.text}` ({_KIND_WORDS[claim.kind]}), which its quote "
                    "does not: an answer must say no more than its quote; fix the answer, or "
                    "quote the passage that says it",
                    entry.id,
                    severity="warning",
                )
            )
    return problems


_KIND_WORDS = {
    "number": "a number",
    "amount": "an amount",
    "percentage": "a percentage",
    "date": "a date",
    "day": "a day",
    "name": "a name",
}
