"""The candidates of last resort: article sentences that no entry quotes.

A new author's modest knowledge file leaves much of the article unquoted, and people ask about
all of it ("who is the head teacher?", "how tall will the wall be?"). When no entry answers, a
sentence of the article may: one that holds what the question asks about, word for word after
stems, synonyms and spelling, and the kind of fact it asks for. It is quoted verbatim, as every
answer is, and shown as the article's own words rather than a prepared answer. The decision
stage (bot.decision.from_passage) judges these candidates by stricter rules than entries'.

Found on first use, not when the knowledge is loaded: most questions never need them, and a
start from the knowledge cache should not read every article again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import NamedTuple

from bot import kinds, text
from bot.coverage import article_coverage
from bot.knowledge import Knowledge
from bot.model import Article, Entry
from bot.query import Query

# Marks a passage's id: entry ids are [a-z0-9_-], so "leisure-centre#7" is never an entry's.
ID_MARK = "#"


class Passage(NamedTuple):
    """One article sentence no entry quotes, with what it holds."""

    id: str  # "<article id>#<its number among the article's sentences>"
    article_id: str
    text: str  # as in the article, but for whitespace and typographic quotes
    terms: frozenset[str]  # every meaning of its content words
    gives: frozenset[str]  # the kinds of fact it holds (bot.kinds)
    counted: frozenset[str]  # the terms of what its figures count ("640 *homes*")
    named: frozenset[str]  # the terms of the things it names ("Thorpeley Town *Council*")
    # Its parts inside and outside direct speech, each as (terms, kinds of fact it gives): the
    # "eight months" someone speaks of does not say how long the speaker has held office.
    parts: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()

    def as_entry(self) -> Entry:
        """The passage in the shape of an entry: its own words answer, and are the quote."""
        return Entry(
            id=self.id,
            article_id=self.article_id,
            questions=(self.text,),
            answer=self.text,
            quote=self.text,
            from_article=True,
        )


class Found(NamedTuple):
    """A passage scored for a query."""

    passage: Passage
    share: float  # the share of the question's weight the passage holds
    matched: int  # how many of the question's words it holds
    gives: frozenset[str] = frozenset()  # the kinds its parts holding those words give


def is_passage_id(entry_id: str) -> bool:
    return ID_MARK in entry_id


class Passages:
    """The uncovered sentences of every article, indexed by their terms."""

    def __init__(
        self,
        knowledge: Knowledge,
        terms_of: Callable[[str], Iterable[str]],
        weight_of: Callable[[str], float],
        unknown_weight: float,
    ) -> None:
        """`terms_of`: a word's meanings, as the query stage reads it; `weight_of`: a term's
        weight (its IDF); `unknown_weight`: what an unknown word weighs against a match."""
        self._terms_of = terms_of
        self._weight_of = weight_of
        self._unknown_weight = unknown_weight
        self.by_id: dict[str, Passage] = {}
        self._having: dict[str, list[Passage]] = defaultdict(list)
        for coverage in article_coverage(knowledge):
            article = coverage.article
            numbers = {sentence: n for n, sentence in enumerate(coverage.sentences, 1)}
            for sentence in coverage.uncovered:
                passage = self._passage(article, numbers[sentence], sentence)
                self.by_id[passage.id] = passage
                for term in passage.terms:
                    self._having[term].append(passage)

    def _passage(self, article: Article, number: int, sentence: str) -> Passage:
        def meanings(words: Iterable[str]) -> frozenset[str]:
            return frozenset(
                term
                for word in words
                if text.is_content_word(word)
                for term in self._terms_of(word)
            )

        segments = [part for part in sentence.split('"') if part.strip()]
        return Passage(
            id=f"{article.id}{ID_MARK}{number}",
            article_id=article.id,
            text=sentence,
            terms=meanings(text.words(sentence)),
            gives=kinds.given_by_text(sentence),
            counted=meanings(kinds.counted_words(sentence)),
            named=meanings(kinds.named_things(sentence)),
            parts=tuple(
                (meanings(text.words(part)), kinds.given_by_text(part)) for part in segments
            ),
        )

    def find(self, query: Query) -> list[Found]:
        """The passages holding any of the question's words, best first."""
        meanings = [tuple(self._terms_of(word)) for word in query.words]
        weights = [max(map(self._weight_of, terms), default=0.0) for terms in meanings]
        total = sum(weights) + self._unknown_weight * sum(query.unknown_weights)
        if not total:
            return []
        touched = {p.id: p for terms in meanings for t in terms for p in self._having.get(t, ())}
        found = []
        asked = {t for terms in meanings for t in terms}
        for passage in touched.values():
            held = [
                w for terms, w in zip(meanings, weights, strict=True) if passage.terms & set(terms)
            ]
            gives = frozenset(
                kind
                for terms, given in passage.parts
                if not terms.isdisjoint(asked)
                for kind in given
            )
            found.append(Found(passage, sum(held) / total, len(held), gives))
        found.sort(key=lambda f: (-f.share, f.passage.id))
        return found
