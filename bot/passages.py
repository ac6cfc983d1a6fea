"""The candidates of last resort: article sentences that no entry quotes.

A new author's modest knowledge file leaves much of the article unquoted, and people ask about
all of it ("who is the head teacher?", "how tall will the wall be?"). When no entry answers, a
sentence of the article may: one that holds what the question asks about, word for word after
stems, synonyms and spelling, and the kind of fact it asks for. It is quoted verbatim, as every
answer is, and shown as the article's own words rather than a prepared answer. The decision
stage (bot.decision.from_passage) judges these candidates by stricter rules than entries'.

Found on first use, an article at a time, not when the knowledge is loaded: most questions
never need them, and a start from the knowledge cache should not read every article again.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from bot import compact, figures, kinds, text, which_one
from bot.followup import POINTERS
from bot.knowledge import Knowledge
from bot.model import Article, Entry
from bot.query import Query

# With this many articles or fewer every article's sentences are looked at; with more, those of
# the articles whose entries matched best (at 100,000 entries, finding every article's would
# take seconds).
ALL_ARTICLES_UP_TO = 8

# How many articles' passages are kept (the most recently used): a bot over thousands of
# articles must not keep every article's sentences it was ever asked about.
KEEP_ARTICLES = 64
KEEP_DETAILS = 4096
KEEP_WORD_MEANINGS = 50_000

# Marks a passage's id: entry ids are [a-z0-9_-], so "leisure-centre#7" is never an entry's.
ID_MARK = "#"


class Passage(NamedTuple):
    """One article sentence no entry quotes, with its terms."""

    id: str  # "<article id>#<its number among the article's sentences>"
    article_id: str
    text: str  # as in the article, but for whitespace and typographic quotes
    terms: frozenset[str]  # every meaning of its content words

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


class Details(NamedTuple):
    """What a passage holds beyond its terms: read only for the best one of a question."""

    gives: frozenset[str]  # the kinds of fact it holds (bot.kinds)
    counted: frozenset[str]  # the terms of what its figures count ("640 *homes*")
    named: frozenset[str]  # the terms of the things it names ("Thorpeley Town *Council*")
    # Its parts inside and outside direct speech, each as (terms, kinds of fact it gives): the
    # "eight months" someone speaks of does not say how long the speaker has held office.
    parts: tuple[tuple[frozenset[str], frozenset[str]], ...]


class Found(NamedTuple):
    """A passage scored for a query."""

    passage: Passage
    share: float  # the share of the question's weight the passage holds
    matched: int  # how many of the question's words it holds
    details: Details | None = None  # for the best passage only
    gives: frozenset[str] = frozenset()  # the kinds its parts holding those words give


def _in_context(sentences: Sequence[str], number: int) -> tuple[str, list[str]]:
    """The sentence `number` (from 1), after the one before it when it opens by pointing back
    at it ("*Its* chairman, Geoff Allard, said…"; the words a follow-up points back with); the
    two are consecutive in the article, so the quote stays verbatim. With its words (the
    sentence's own are read first: most open with no pointer, and then are the passage's)."""
    sentence = sentences[number - 1]
    words = text.words(sentence)
    if number > 1 and words and words[0] in POINTERS:
        sentence = f"{sentences[number - 2]} {sentence}"
        return sentence, text.words(sentence)
    return sentence, words


def is_passage_id(entry_id: str) -> bool:
    return ID_MARK in entry_id


class Passages:
    """The uncovered sentences of the articles, each article's found when first needed."""

    def __init__(
        self,
        knowledge: Knowledge,
        columns: compact.Columns,
        terms_of: Callable[[str], Iterable[str]],
        weight_of: Callable[[str], float],
        unknown_weight: float,
    ) -> None:
        """`columns`: the fields of the knowledge's entries in order (bot.matcher's index
        keeps them; an article's entries are known by these, without making any `Entry`);
        `terms_of`: a word's meanings, as the query stage reads it; `weight_of`: a term's
        weight (its IDF); `unknown_weight`: what an unknown word weighs against a match."""
        self._knowledge = knowledge
        self._columns = columns
        self._terms_of = terms_of
        self._weight_of = weight_of
        self._unknown_weight = unknown_weight
        self._of_article: dict[str, tuple[Passage, ...]] = {}
        self._positions: dict[str, list[int]] | None = None
        self._details: dict[str, Details] = {}
        # A word's meanings (none for a stop word): an article repeats its words, and each
        # costs a stem and two lookups.
        self._word_meanings: dict[str, tuple[str, ...]] = {}

    def of_article(self, article_id: str) -> tuple[Passage, ...]:
        """An article's passages (KeyError for an unknown article)."""
        found = self._of_article.get(article_id)
        if found is None:
            # (Imported here: most runs never need an article's sentences, and it brings
            # textwrap and the headline rules into every start.)
            from bot.coverage import uncovered_sentences

            article = self._knowledge.articles[article_id]
            # Only the entries' quotes tell which sentences they cover: read from the columns
            # (from the cache, making an article's ~200 entries for them took ~20 µs each).
            quotes = self._columns.quotes
            _, sentences, uncovered = uncovered_sentences(
                article, [quotes[i] for i in self._entry_positions().get(article_id, ())]
            )
            numbers = {sentence: n for n, sentence in enumerate(sentences, 1)}
            found = tuple(
                self._passage(
                    article, numbers[sentence], *_in_context(sentences, numbers[sentence])
                )
                for sentence in uncovered
            )
            self._of_article[article_id] = found
            if len(self._of_article) > KEEP_ARTICLES:
                # The longest unused goes (dicts keep order; a use moves an article last).
                del self._of_article[next(iter(self._of_article))]
        else:
            self._of_article[article_id] = self._of_article.pop(article_id)
        return found

    def get(self, passage_id: str) -> Passage:
        """A passage by its id (KeyError when there is none)."""
        article_id, _, _ = passage_id.partition(ID_MARK)
        for passage in self.of_article(article_id):
            if passage.id == passage_id:
                return passage
        raise KeyError(passage_id)

    def _entry_positions(self) -> dict[str, list[int]]:
        """Each article's entries, as positions: read from their article column, so that a
        knowledge from the cache does not make every entry to find one article's."""
        if self._positions is None:
            positions: dict[str, list[int]] = defaultdict(list)
            for position, article_id in enumerate(self._columns.articles):
                positions[article_id].append(position)
            self._positions = positions
        return self._positions

    def _meanings(self, words: Iterable[str]) -> frozenset[str]:
        meanings = self._word_meanings
        if len(meanings) > KEEP_WORD_MEANINGS:
            meanings.clear()
        found: set[str] = set()
        for word in words:
            terms = meanings.get(word)
            if terms is None:
                terms = meanings[word] = (
                    tuple(self._terms_of(word)) if text.is_content_word(word) else ()
                )
            found.update(terms)
        return frozenset(found)

    def _passage(self, article: Article, number: int, sentence: str, words: list[str]) -> Passage:
        return Passage(
            id=f"{article.id}{ID_MARK}{number}",
            article_id=article.id,
            text=sentence,
            terms=self._meanings(words),
        )

    def details(self, passage: Passage) -> Details:
        """What the passage holds: kinds of fact, counts, names, its parts (a few regexes
        each, so only for the passage that may answer)."""
        found = self._details.get(passage.id)
        if found is None:
            sentence = passage.text
            segments = [part for part in sentence.split('"') if part.strip()]
            if len(self._details) >= KEEP_DETAILS:
                self._details.clear()  # only the best passage of a question is ever read
            found = self._details[passage.id] = Details(
                gives=kinds.given_by_text(sentence),
                counted=self._meanings(figures.counted_words(sentence)),
                named=self._meanings(which_one.named_things(sentence)),
                parts=tuple(
                    (self._meanings(text.words(part)), kinds.given_by_text(part))
                    for part in segments
                ),
            )
        return found

    def find(self, query: Query, near: Iterable[str] = ()) -> list[Found]:
        """The passages holding any of the question's words, best first: those of every
        article when there are few, else of the articles `near` (those of the entries that
        matched best)."""
        meanings = [tuple(self._terms_of(word)) for word in query.words]
        weights = [max(map(self._weight_of, terms), default=0.0) for terms in meanings]
        total = sum(weights) + self._unknown_weight * sum(query.unknown_weights)
        if not total:
            return []
        articles = self._knowledge.articles
        scanned = articles if len(articles) <= ALL_ARTICLES_UP_TO else dict.fromkeys(near)
        asked = {t for terms in meanings for t in terms}
        found = []
        for article_id in scanned:
            for passage in self.of_article(article_id):
                if passage.terms.isdisjoint(asked):
                    continue
                held = [
                    w
                    for terms, w in zip(meanings, weights, strict=True)
                    if not passage.terms.isdisjoint(terms)
                ]
                found.append(Found(passage, sum(held) / total, len(held)))
        found.sort(key=lambda f: (-f.share, f.passage.id))
        if found:
            best = found[0]
            details = self.details(best.passage)
            gives = frozenset(
                kind
                for terms, given in details.parts
                if not terms.isdisjoint(asked)
                for kind in given
            )
            found[0] = best._replace(details=details, gives=gives)
        return found
