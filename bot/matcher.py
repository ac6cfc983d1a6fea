"""Matching a question against the curated entries: index, scoring and the decision.

The confidence of an entry combines three signals, each in [0, 1]:

* overlap — the IDF-weighted share of the question's terms that the entry knows (from its
  question variants and keywords at full weight, its answer and quote at reduced weight).
  Words that the knowledge has never seen count against it with a high weight, so
  "Who is the CEO of G4S?" scores low even though "G4S" is known.
* closeness — the weighted Jaccard similarity between the question's terms and the entry's
  best-matching variant: it prefers the entry whose wording is closest, and punishes a
  question that only brushes an entry.
* fuzzy — rapidfuzz's token_sort_ratio between the question's words and that variant, which
  rewards near-identical phrasing that stems and synonyms cannot see.

Terms are Snowball stems mapped through the knowledge's synonym groups; words outside the
knowledge's vocabulary are first corrected against it (a typo such as "contarct").
Candidates are drawn from an inverted index of terms, so the cost grows with the number of
entries sharing a term, not with the size of the knowledge.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot import text
from bot.knowledge import Knowledge
from bot.model import Candidate, Entry, Explanation, Outcome, Suggestion

# Decision thresholds on the confidence of the best entry (documented in the README).
ANSWER_THRESHOLD = 0.45
SUGGEST_THRESHOLD = 0.30
MAX_SUGGESTIONS = 3

# How much each signal counts in the confidence.
W_OVERLAP, W_CLOSENESS, W_FUZZY = 0.5, 0.3, 0.2
# Field weights: a term from a question variant says more about an entry than one from its quote.
FIELD_WEIGHTS = {"question": 1.0, "keyword": 1.0, "answer": 0.9, "quote": 0.9, "topic": 0.4}
# A word the knowledge has never seen weighs like the rarest known term times this factor.
UNKNOWN_FACTOR = 1.0
INTENT_WEIGHT = 0.7
META_FACTOR = 0.3
INTENT_MISS_WEIGHT = 3.5
# Added to every term's IDF: without it a rare word dominates and a common word that the
# entry lacks costs almost nothing ("How much did the Olympics cost?" is not about the deal).
IDF_FLOOR = 1.0
# The best entry must explain at least this share of the question's weight to be answered.
MIN_OVERLAP = 0.65
FUZZY_SCORER = fuzz.token_sort_ratio
# Entries scored in full after candidate selection.
SHORTLIST = 40


@dataclass(frozen=True)
class Query:
    """A question broken into weighted terms."""

    words: tuple[str, ...]  # content words after typo correction
    phrase: str  # every word after typo correction, for fuzzy comparison
    terms: tuple[str, ...]  # canonical terms of known words, intents included
    unknown: tuple[str, ...]  # content words the knowledge has never seen
    corrections: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Variant:
    entry_index: int
    text: str
    terms: frozenset[str]
    phrase: str


class Analyzer:
    """Turns text into canonical terms: stems, unified through synonym groups."""

    def __init__(self, synonyms: Iterable[Iterable[str]]) -> None:
        self.synonym_of: dict[str, str] = {}
        for group in synonyms:
            stems = [text.stem(w) for w in group]
            canonical = self.synonym_of.get(stems[0], stems[0])
            for s in stems:
                self.synonym_of.setdefault(s, canonical)

    def term(self, word: str) -> str:
        s = text.stem(word)
        return self.synonym_of.get(s, s)

    def content_words(self, sentence: str) -> list[str]:
        return [w for w in text.words(sentence) if text.is_content_word(w)]

    def terms(self, sentence: str, with_intents: bool = True) -> list[str]:
        terms = [self.term(w) for w in self.content_words(sentence)]
        if with_intents:
            terms.extend(text.intents(sentence))
        return terms


class Index:
    """The inverted index and statistics over the entries of a knowledge base."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.entries: list[Entry] = list(knowledge.entries.values())
        self.position = {entry.id: i for i, entry in enumerate(self.entries)}
        self.analyzer = Analyzer(knowledge.synonyms)
        analyzer = self.analyzer
        self.entry_terms: list[dict[str, float]] = []
        self.variants: list[_Variant] = []
        self.entry_variants: list[list[_Variant]] = []
        postings: dict[str, list[int]] = defaultdict(list)
        vocabulary: set[str] = set()
        for index, entry in enumerate(self.entries):
            weights: dict[str, float] = {}
            fields = [("question", q) for q in entry.questions]
            fields += [("keyword", k) for k in entry.keywords]
            fields += [("answer", entry.answer), ("quote", entry.quote), ("topic", entry.topic)]
            for field_name, sentence in fields:
                for word in analyzer.content_words(sentence):
                    vocabulary.add(word)
                    term = analyzer.term(word)
                    weights[term] = max(weights.get(term, 0.0), FIELD_WEIGHTS[field_name])
            for intent in {i for q in entry.questions for i in text.intents(q)}:
                weights[intent] = FIELD_WEIGHTS["question"]
            for term in weights:
                postings[term].append(index)

            self.entry_terms.append(weights)
            own = []
            for question in entry.questions:
                variant = _Variant(
                    entry_index=index,
                    text=question,
                    terms=frozenset(analyzer.terms(question)),
                    phrase=" ".join(text.words(question)),
                )
                own.append(variant)
                self.variants.append(variant)
            self.entry_variants.append(own)
        for article in knowledge.articles.values():
            vocabulary.update(analyzer.content_words(article.text))
        for group in knowledge.synonyms:
            vocabulary.update(group)
        self.postings = dict(postings)
        count = len(self.entries)
        self.idf = {
            term: IDF_FLOOR + math.log(1.0 + count / len(entries))
            for term, entries in self.postings.items()
        }
        for term in {analyzer.term(w) for w in text.META_WORDS} & self.idf.keys():
            self.idf[term] *= META_FACTOR
        for intent in ("_amount", "_when", "_why", "_who", "_where"):
            self.idf[intent] = INTENT_WEIGHT
        self.unknown_weight = (IDF_FLOOR + math.log(1.0 + count / 0.5)) * UNKNOWN_FACTOR
        # Words of the articles that no entry uses still count as known, so that they are not
        # "corrected" into another word; they simply match nothing.
        self.known_terms = {analyzer.term(w) for w in vocabulary}
        # Typos are corrected into content words: "correcting" an unknown word into a short stop
        # word would erase it, and unknown words are what tells a near miss from a question.
        self.swapped_small_words = {
            "".join(sorted(w)): w for w in text.STOP_WORDS | text.QUESTION_WORDS if len(w) > 2
        }
        self.correctable_by_length: dict[int, list[str]] = defaultdict(list)
        # Long stop words are safe targets ("involvd" is just filler).
        long_stop_words = {w for w in text.STOP_WORDS if len(w) >= 6}
        for word in sorted(vocabulary | long_stop_words):
            if not word.isdigit() and (text.is_content_word(word) or word in long_stop_words):
                self.correctable_by_length[len(word)].append(word)
        self._correct = lru_cache(maxsize=8192)(self._correct_uncached)

    def analyse(self, question: str) -> Query:
        """Terms, unknown words and typo corrections of a question."""
        words: list[str] = []
        terms: list[str] = []
        unknown: list[str] = []
        corrections: list[tuple[str, str]] = []
        for raw in text.words(question):
            word = raw
            if text.is_content_word(word) and self.analyzer.term(word) not in self.known_terms:
                fixed = self._correct(word)
                if fixed is None:
                    unknown.append(word)
                    continue
                corrections.append((word, fixed))
                word = fixed
            if not text.is_content_word(word):
                continue
            words.append(word)
            terms.append(self.analyzer.term(word))
        fixes = dict(corrections)
        corrected = " ".join(fixes.get(w, w) for w in text.words(question))
        terms.extend(text.intents(corrected))
        return Query(
            tuple(words), corrected, tuple(dict.fromkeys(terms)), tuple(unknown), tuple(corrections)
        )

    def _correct_uncached(self, word: str) -> str | None:
        """The vocabulary word a typo most likely meant, or None when nothing is close."""
        if word.isdigit() or len(word) < 3:
            return None
        swapped = self.swapped_small_words.get("".join(sorted(word)))
        if swapped is not None and OSA.distance(word, swapped) == 1:
            return swapped  # "teh", "waht": two letters swapped in a small word
        question_word = next(
            (w for w in text.QUESTION_WORDS if w[0] == word[0] and OSA.distance(word, w) == 1),
            None,
        )
        if question_word is not None:
            return question_word  # "wich", "wat"
        if len(word) < 4:
            return None  # otherwise three letters are too few to tell a typo from a word
        # Real words sit one edit apart ("join"/"joint", "hire"/"here"), so short words only
        # get same-length fixes (a swapped or wrong letter) and two edits need a long word.
        allowed = 2 if len(word) >= 10 else 1
        best: tuple[int, int, str] | None = None
        for length in range(len(word) - allowed, len(word) + allowed + 1):
            if len(word) <= 5 and length != len(word):
                continue
            for candidate in self.correctable_by_length.get(length, ()):
                distance = OSA.distance(word, candidate, score_cutoff=allowed)
                if distance > allowed:
                    continue
                # Typos rarely hit the first letter: prefer candidates that keep it.
                rank = (distance, 0 if candidate[0] == word[0] else 1, candidate)
                if best is None or rank < best:
                    best = rank
        if best is None or (len(word) <= 5 and best[1] == 1):
            return None
        return best[2]


class Matcher:
    """Scores entries for a question and decides: answer, unsure, or no match."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def candidates(self, query: Query) -> list[Candidate]:
        """Entries sharing a term with the question, best first."""
        index = self.index
        idf = index.idf
        known = [t for t in query.terms if t in idf]
        if not any(not t.startswith("_") for t in known):
            return []
        weight_of = {t: idf[t] for t in known}
        query_weight = sum(weight_of.values()) + index.unknown_weight * len(query.unknown)
        overlap: dict[int, float] = defaultdict(float)
        for term in known:
            if term.startswith("_"):
                continue
            for entry_index in index.postings.get(term, ()):
                overlap[entry_index] += weight_of[term] * index.entry_terms[entry_index][term]
        for entry_index in overlap:
            terms = index.entry_terms[entry_index]
            for term in known:
                if term.startswith("_") and term in terms:
                    overlap[entry_index] += weight_of[term]
        shortlist = sorted(overlap, key=lambda i: -overlap[i])[:SHORTLIST]
        query_terms = set(known)
        intents = [t for t in known if t.startswith("_")]
        unknown_penalty = index.unknown_weight * len(query.unknown)
        scored = []
        for entry_index in shortlist:
            best_close, best_fuzzy, best_text = 0.0, 0.0, ""
            for variant in index.entry_variants[entry_index]:
                shared = sum(weight_of[t] for t in query_terms & variant.terms)
                union = (
                    sum(weight_of.get(t, idf.get(t, 0.0)) for t in query_terms | variant.terms)
                    + unknown_penalty
                )
                close = shared / union if union else 0.0
                similarity = FUZZY_SCORER(query.phrase, variant.phrase) / 100.0
                if close + similarity > best_close + best_fuzzy:
                    best_close, best_fuzzy, best_text = close, similarity, variant.text
            # A question word the entry is never asked with ("where…?" for an entry that says
            # when) weighs like an unknown word: the entry answers a different question.
            missing = sum(1 for t in intents if t not in index.entry_terms[entry_index])
            denominator = query_weight + missing * (INTENT_MISS_WEIGHT - INTENT_WEIGHT)
            share = overlap[entry_index] / denominator if denominator else 0.0
            confidence = W_OVERLAP * share + W_CLOSENESS * best_close + W_FUZZY * best_fuzzy
            scored.append(
                Candidate(
                    entry_id=index.entries[entry_index].id,
                    confidence=round(min(1.0, confidence), 4),
                    overlap=round(share, 4),
                    fuzzy=round(best_fuzzy, 4),
                    best_variant=best_text,
                    closeness=round(best_close, 4),
                    missing_intents=missing,
                )
            )
        scored.sort(key=lambda c: (-c.confidence, -c.fuzzy, -c.closeness, c.entry_id))
        return scored

    def decide(self, candidates: list[Candidate]) -> tuple[Outcome, list[Candidate]]:
        """The outcome and the candidates that go with it (one answer or the suggestions)."""
        if not candidates or candidates[0].confidence < SUGGEST_THRESHOLD:
            return Outcome.NO_MATCH, []
        top = candidates[0]
        if top.confidence >= ANSWER_THRESHOLD and top.overlap >= MIN_OVERLAP:
            return Outcome.ANSWERED, candidates[:1]
        floor = max(SUGGEST_THRESHOLD * 0.8, candidates[0].confidence - 0.2)
        return Outcome.UNSURE, [c for c in candidates[:MAX_SUGGESTIONS] if c.confidence >= floor]

    def explain(self, query: Query, candidates: list[Candidate]) -> Explanation:
        matched: tuple[str, ...] = ()
        if candidates:
            terms = self.index.entry_terms[self.index.position[candidates[0].entry_id]]
            matched = tuple(w for w in query.words if self.index.analyzer.term(w) in terms)
        return Explanation(
            tokens=query.words,
            matched_terms=matched,
            unknown_terms=query.unknown,
            corrections=query.corrections,
            candidates=tuple(candidates[:5]),
        )


def suggestions_for(
    entries: dict[str, Entry], candidates: list[Candidate]
) -> tuple[Suggestion, ...]:
    return tuple(
        Suggestion(c.entry_id, entries[c.entry_id].question, c.confidence) for c in candidates
    )
