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
entries sharing a term, not with the size of the knowledge; and the shortlist of entries scored
in full is found, when it provably can be, without reading the postings of very common words
(see bot.shortlist).
"""

from __future__ import annotations

import itertools
import math
import zlib
from array import array
from collections.abc import Collection, Container, Iterable, Mapping, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from bot import compact, figures, kinds, text, thesaurus, which_one
from bot.attribution import attribution
from bot.knowledge import Knowledge, normalise_for_quote
from bot.lazyre import LazyPattern
from bot.model import Candidate, Entry, Explanation, Suggestion
from bot.postings import MaxFieldWeight, Postings
from bot.query import Query, QueryAnalyser, answer_type
from bot.shortlist import find as find_shortlist

# How much each signal counts in the confidence.
W_OVERLAP, W_CLOSENESS, W_FUZZY = 0.5, 0.3, 0.2
# Field weights: a term from a question variant says more about an entry than one from its quote.
FIELD_WEIGHTS = {
    "question": 1.0,
    "keyword": 1.0,
    "answer": 0.9,
    "quote": 0.9,
    "speaker": 0.9,  # who said the quote, named beside it in the article (bot.attribution)
    "topic": 0.4,
}
# A word the knowledge has never seen weighs like the rarest known term times this factor.
UNKNOWN_FACTOR = 1.0
# A word of an article that no entry uses weighs this share of an unknown word against a match.
ARTICLE_ONLY_FACTOR = 1.0
# A word that says how a keyword string asks ("petition signatures *number*") counts this much.
LIGHT_WEIGHT = 0.5
# The intent terms (see text.word_intents) and their weight.
INTENTS = ("_amount", "_when", "_why", "_who", "_where")
INTENT_WEIGHT = 0.7
META_FACTOR = 0.3
INTENT_MISS_WEIGHT = 3.5
# Added to every term's IDF: without it a rare word dominates and a common word that the
# entry lacks costs almost nothing ("How much did the Olympics cost?" is not about the deal).
IDF_FLOOR = 1.0
FUZZY_SCORER = fuzz.token_sort_ratio
# A name the article mentions in more sentences than this is its subject, which questions
# about anything in it name (see Index.__init__).
NAME_MOST_SENTENCES = 1
# The share of its distance to 1 added to the confidence of an entry asked "which X" when the
# question asks "which X" too.
ANSWER_TYPE_BONUS = 0.4
# A question asking for several things by name ("which forces…") prefers an answer that lists
# several: as a share of what is left to 1, like the answer-type bonus.
LIST_BONUS = 0.4
# Either bonus only for an entry that explains this much of the question: "what
# *requirements* do the forces have" gained nothing from an entry asked "which organisers
# *required*…" and sharing little else (up to 0.4, no result on any set changed).
BONUS_MIN_OVERLAP = 0.4
# What an article's own synonym of a word is worth when another article uses the word itself.
WEAK_MEANING = 0.5
# The word a question turns on ("which *forces*…") counts this much more than the others.
FOCUS_WEIGHT = 1.6


# "Hertfordshire, Bedfordshire and Cambridgeshire": an answer that names several things.
_NAME = r"[A-Z][\w'\u2019-]+"
_ENUMERATION = LazyPattern(rf"\b{_NAME}(?:, {_NAME})* and {_NAME}")


@lru_cache(maxsize=65536)
def _enumerates(answer: str) -> bool:
    """Whether an answer names several things: "Hertfordshire, Bedfordshire and Cambridgeshire"."""
    return _ENUMERATION.search(answer) is not None


class Analyzer:
    """Turns text into canonical terms: stems, unified through synonym groups.

    An article's own groups (`scoped`) come first and make terms of their own ("deal@1a2b3c4d"),
    so that they link words for that article's entries only; then the shared groups. A term is
    named after its group's words, not its article: articles declaring the same group share one
    term (at 500 articles a word would otherwise have 500 meanings to look up).
    """

    def __init__(
        self,
        synonyms: Iterable[Iterable[str]],
        scoped: Iterable[Iterable[str]] = (),
    ) -> None:
        self.synonym_of: dict[str, str] = {}
        for group in scoped:
            stems = [text.stem(w) for w in group]
            label = zlib.crc32("|".join(sorted(set(stems))).encode()) & 0xFFFFFFFF
            canonical = self.synonym_of.get(stems[0], f"{stems[0]}@{label:08x}")
            for s in stems:
                self.synonym_of.setdefault(s, canonical)
        for group in synonyms:
            stems = [text.stem(w) for w in group]
            canonical = self.synonym_of.get(stems[0], stems[0])
            for s in stems:
                self.synonym_of.setdefault(s, canonical)

    def term(self, word: str) -> str:
        s = text.stem(word)
        return self.synonym_of.get(s, s)


class _TermsOf(dict[str, str | None]):
    """word -> its term, or None for a word without meaning of its own; each word is analysed
    once while indexing (the knowledge repeats its words hundreds of thousands of times)."""

    def __init__(
        self,
        analyzer: Analyzer,
        shared: _TermsOf | None = None,
        own_stems: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.analyzer = analyzer
        # An article's words outside its own synonym groups read as everywhere else: they
        # are looked up in the shared dict, analysed once for all articles.
        self.shared = shared
        self.own_stems = own_stems

    def __missing__(self, word: str) -> str | None:
        if self.shared is not None and text.stem(word) not in self.own_stems:
            term = self.shared[word]
        else:
            term = self.analyzer.term(word) if text.is_content_word(word) else None
        self[word] = term
        return term

    def of(self, words: list[str]) -> list[str]:
        """The terms of the content words among `words`, in order."""
        return [term for term in map(self.__getitem__, words) if term is not None]

    def content_words(self) -> set[str]:
        """Every content word looked up so far."""
        return {word for word, term in self.items() if term is not None}


def _weigh(weights: dict[str, float], terms: list[str], weight: float) -> None:
    """Record that an entry has `terms` in a field of `weight`: each term keeps its highest."""
    for term in terms:
        if weights.get(term, 0.0) < weight:
            weights[term] = weight


_NO_TYPES: frozenset[str] = frozenset()


_SAID = frozenset({kinds.SAID})


def _entry_kinds(entry: Entry, asked: set[str]) -> frozenset[str]:
    """What an entry answers: the kinds its wordings ask for, its answer and quote hold, and
    those it declares."""
    # Someone's words are in the article's quote: an answer saying what "the article says"
    # is the author's.
    return frozenset(
        asked.union(entry.answers, kinds.given_by_text(entry.answer) - _SAID)
        | kinds.given_by_text(entry.quote)
    )


class Index:
    """The inverted index and statistics over the entries of a knowledge base.

    The knowledge cache (bot.cache) stores what is costly to build and restores the rest with
    _link() and _derive(), as the constructor does.
    """

    def __init__(self, knowledge: Knowledge) -> None:
        self._link(knowledge)
        # The knowledge-wide groups first: where they name a word, they win over everyday
        # English; an article's own groups win over both, for its own entries.
        shared = (*knowledge.shared_synonyms, *thesaurus.GROUPS)
        self.analyzer = Analyzer(shared)
        analyzer = self.analyzer
        analyzers = {
            article: Analyzer(shared, groups)
            for article, groups in knowledge.article_synonyms.items()
            if groups
        }
        # stem -> the terms an article's own groups give it: a question's word may mean
        # either, depending on whose entry it is matched with.
        self.scoped_terms: dict[str, tuple[str, ...]] = {}
        for article_analyzer in analyzers.values():
            # Every stem the article reads otherwise: its own groups', and shared groups'
            # words that its groups pulled in ("staffing" with "staff").
            for stem, term in article_analyzer.synonym_of.items():
                known = self.scoped_terms.get(stem, ())
                if analyzer.synonym_of.get(stem, stem) != term and term not in known:
                    self.scoped_terms[stem] = (*known, term)
        entry_terms: list[dict[str, float]] = []
        # The kinds of fact each entry gives (bot.kinds).
        self.entry_kinds: list[frozenset[str]] = []
        # The terms of what each entry's answer and quote count ("26 *beds*").
        entry_counted: list[list[str]] = []
        # The terms each entry's "which/what X" wordings ask for: the X it names.
        entry_answer_types: list[list[str]] = []
        variant_terms: list[list[str]] = []
        # Each wording's words, normalised, for fuzzy matching: one string per wording.
        variant_phrases: list[str] = []
        base_terms_of = _TermsOf(analyzer)
        terms_of_article = {
            article: _TermsOf(
                a,
                base_terms_of,
                frozenset(
                    stem
                    for stem, term in a.synonym_of.items()
                    if analyzer.synonym_of.get(stem, stem) != term
                ),
            )
            for article, a in analyzers.items()
        }
        # Keywords and topics repeat from entry to entry: analysed once each.
        short_terms = lru_cache(maxsize=None)(
            lambda article, short: terms_of_article.get(article, base_terms_of).of(
                text.words(short)
            )
        )
        question_weight = FIELD_WEIGHTS["question"]
        article_texts = {
            article.id: normalise_for_quote(article.text) for article in knowledge.articles.values()
        }
        # Entries often quote the same sentence: each passage is analysed once.
        passages: dict[str, list[str]] = {}
        for entry in self.entries:
            terms_of = terms_of_article.get(entry.article_id, base_terms_of)
            weights: dict[str, float] = {}
            own: list[list[str]] = []
            intents: dict[str, None] = {}
            asked: set[str] = set()
            types: dict[str, None] = {}
            for question in entry.questions:
                # Normalised once for its terms, intents, kind of fact, phrase.
                words = text.words(question)
                phrase = " ".join(words)
                question_intents = text.word_intents(words)
                if question_intents:
                    intents.update(dict.fromkeys(question_intents))
                terms = terms_of.of(words)
                _weigh(weights, terms, question_weight)
                own.append(terms + question_intents)
                variant_phrases.append(phrase)
                kind = kinds.asked(phrase)
                if kind is not None:
                    asked.add(kind)
                types.update(dict.fromkeys(terms_of.of(answer_type(words))))
            variant_terms.extend(own)
            for keyword in entry.keywords:
                _weigh(weights, short_terms(entry.article_id, keyword), FIELD_WEIGHTS["keyword"])
            for passage, field in ((entry.answer, "answer"), (entry.quote, "quote")):
                key = f"{entry.article_id}\n{passage}"
                passage_terms = passages.get(key)
                if passage_terms is None:
                    passage_terms = passages[key] = terms_of.of(text.words(passage))
                _weigh(weights, passage_terms, FIELD_WEIGHTS[field])
            speaker = attribution(entry.quote, article_texts[entry.article_id])
            if speaker:
                _weigh(weights, terms_of.of(text.words(speaker)), FIELD_WEIGHTS["speaker"])
            _weigh(weights, short_terms(entry.article_id, entry.topic), FIELD_WEIGHTS["topic"])
            for intent in intents:
                weights[intent] = FIELD_WEIGHTS["question"]
            entry_terms.append(weights)
            self.entry_kinds.append(_entry_kinds(entry, asked))
            # What its answer and quote count: shown, not claimed by a wording.
            counted = terms_of.of(
                sorted(figures.counted_words(entry.answer) | figures.counted_words(entry.quote))
            )
            entry_counted.append(counted)
            # What its figures count is in it though unnamed: "£410,000" is money ("how much
            # *money* did it lose?").
            _weigh(weights, counted, FIELD_WEIGHTS["answer"])
            # An entry naming a council ("Northbrook District Council") answers "which
            # council…" as surely as one asked it.
            for passage in (entry.answer, entry.quote):
                types.update(dict.fromkeys(terms_of.of(which_one.named_things(passage))))
            entry_answer_types.append(list(types))
        for article in knowledge.articles.values():
            article_terms = terms_of_article.get(article.id, base_terms_of)
            article_terms.of(list(set(text.words(article.text))))  # which words it has matters
        vocabulary = base_terms_of.content_words()
        for article_terms in terms_of_article.values():
            vocabulary |= article_terms.content_words()
        for group in knowledge.synonyms:
            vocabulary.update(group)
        # Words of the articles that no entry uses still count as known, so that they are not
        # "corrected" into another word; they simply match nothing.
        self.known_terms = {analyzer.term(w) for w in vocabulary}
        self.known_terms.update(term for terms in self.scoped_terms.values() for term in terms)
        self._compact(
            entry_terms, variant_terms, variant_phrases, entry_answer_types, entry_counted
        )
        self._derive(vocabulary)
        self.queries.names = self._article_names()
        # The query stage's terms in the table too: the cache refers to every term by number.
        self.terms.ids(self.known_terms)
        self.terms.ids(self.queries.names)

    def _link(self, knowledge: Knowledge) -> None:
        """The knowledge and its entries in order."""
        self.knowledge = knowledge
        self.entries: Sequence[Entry]
        if isinstance(knowledge.entries, compact.Entries):
            # From the knowledge cache: entries are made as they are looked at.
            self.entries = knowledge.entries.in_order
            self.position = knowledge.entries.position
            self.wordings: Sequence[int] = knowledge.entries.wordings
            self.columns = knowledge.entries.columns
        else:
            entries = self.entries = list(knowledge.entries.values())
            self.position = {entry.id: i for i, entry in enumerate(entries)}
            self.wordings = [len(entry.questions) for entry in entries]
            self.columns = compact.Columns(
                [entry.id for entry in entries],
                [entry.article_id for entry in entries],
                [entry.answer for entry in entries],
                [entry.quote for entry in entries],
                [question for entry in entries for question in entry.questions],
            )

    def _compact(
        self,
        entry_terms: list[dict[str, float]],
        variant_terms: list[list[str]],
        variant_phrases: list[str],
        answer_types: list[list[str]],
        counted: list[list[str]],
    ) -> None:
        """The compact layout (bot.compact) of what the constructor found."""
        table = compact.Terms()
        # The terms with postings first, in the order met (entries in order, then the intents):
        # the order of the postings.
        for weights in entry_terms:
            table.ids(weights)
        table.ids(INTENTS)
        posting_count = len(table)
        weight_list = list(dict.fromkeys(w for weights in entry_terms for w in weights.values()))
        code_of = {w: i for i, w in enumerate(weight_list)}
        weights_table = tuple(weight_list)
        entry_runs = compact.Runs(
            compact.numbers([0]), compact.numbers(), compact.numbers((), compact.CODE_TYPECODE)
        )
        having: list[list[int]] = [[] for _ in range(posting_count)]
        having_codes: list[list[int]] = [[] for _ in range(posting_count)]
        for entry, weights in enumerate(entry_terms):
            ids = table.ids(weights)
            codes = [code_of[w] for w in weights.values()]
            entry_runs.values.extend(ids)
            assert entry_runs.codes is not None
            entry_runs.codes.extend(codes)
            entry_runs.offsets.append(len(entry_runs.values))
            for term, code in zip(ids, codes, strict=True):
                having[term].append(entry)
                having_codes[term].append(code)
        posting_runs = compact.Runs.of(having)
        posting_runs.codes = compact.numbers(
            (c for codes in having_codes for c in codes), compact.CODE_TYPECODE
        )
        self._install(
            table,
            posting_count,
            weights_table,
            posting_runs,
            entry_runs,
            compact.Runs.of(map(table.ids, variant_terms)),
            compact.Texts.of(variant_phrases),
            compact.Runs.of(table.ids(dict.fromkeys(types)) for types in answer_types),
            compact.Runs.of(table.ids(dict.fromkeys(terms)) for terms in counted),
        )

    def _install(
        self,
        table: compact.Terms,
        posting_count: int,
        weights: tuple[float, ...],
        postings: compact.Runs,
        entry_terms: compact.Runs,
        variant_terms: compact.Runs,
        variant_phrases: compact.Texts,
        answer_types: compact.Runs,
        counted: compact.Runs,
    ) -> None:
        """The index's views over its compact layout, as built or read from the cache."""
        self.terms = table
        # term -> {entry: the term's field weight in it}, entries in order. Dicts (made when
        # first asked for), so that matching can intersect a long one with a few entries
        # without reading it.
        self.postings = Postings(table, posting_count, postings, weights, len(self.entries))
        self.entry_terms = compact.EntryTerms(table, entry_terms, weights, posting_count)
        first = compact.numbers(itertools.accumulate(self.wordings, initial=0))
        texts = self.columns.questions
        if not first[-1] == len(variant_terms) == len(variant_phrases) == len(texts):
            raise ValueError("the wordings do not match the entries")
        self.entry_variants = compact.EntryVariants(
            table, variant_terms, variant_phrases, texts, first
        )
        # The terms each entry's "which/what X" wordings ask for: the X it names.
        self.entry_answer_types = compact.TermSets(table, answer_types)
        # The terms of what each entry's answer and quote count ("26 *beds*").
        self.entry_counted = compact.TermSets(table, counted)

    def _derive(self, vocabulary: Collection[str]) -> None:
        """The statistics and query stage, from the postings (cheap to make, so the knowledge
        cache does not store them)."""
        analyzer = self.analyzer
        postings = self.postings
        # term -> its largest field weight in any entry: the most it can add to an entry.
        self.max_field_weight = MaxFieldWeight(postings)
        count = len(self.entries)
        sizes = postings.runs.lengths()
        self.idf = {
            term: IDF_FLOOR + math.log(1.0 + count / size)
            for term, size in zip(postings, sizes, strict=False)
            if size
        }
        meta_terms = {analyzer.term(w) for w in text.META_WORDS}
        meta_terms.update(
            t for w in text.META_WORDS for t in self.scoped_terms.get(text.stem(w), ())
        )
        for term in meta_terms & self.idf.keys():
            self.idf[term] *= META_FACTOR
        for intent in INTENTS:
            self.idf[intent] = INTENT_WEIGHT
        # The same by term number (0.0 for a term no entry has), for the wordings' terms,
        # which matching reads as numbers (bot.compact.EntryVariants).
        idf = self.idf
        self.idf_by_number = [
            idf.get(term, 0.0) for term in itertools.islice(self.terms.names, postings.count)
        ]
        # Each wording's terms' idf summed, made when the wording is first scored (-1: not yet).
        self.wording_weights = array("d", [-1.0]) * len(self.columns.questions)
        self.unknown_weight = (IDF_FLOOR + math.log(1.0 + count / 0.5)) * UNKNOWN_FACTOR
        self.queries = QueryAnalyser(
            analyzer.term, self.known_terms, vocabulary, self.scoped_terms.get
        )

    def _article_names(self) -> frozenset[str]:
        """The terms of the articles' proper names, for the query stage (the knowledge cache
        stores them: finding them reads every article's text)."""
        names: set[str] = set()
        for article in self.knowledge.articles.values():
            # The story's subject (in its title, or named all through it) is named by questions
            # about anything in it: only names of details count.
            found = (
                text.names_in(article.text, NAME_MOST_SENTENCES)
                - set(text.words(article.title))
                - text.CALENDAR_WORDS
            )
            # A name sharing its stem with a word the article writes in lower case ("Brightplate
            # Catering", "the caterer") is not what a question using that word names.
            common = {text.stem(w) for w in text.lower_case_words(article.text)}
            names.update(
                term
                for word in found
                if text.stem(word) not in common
                for term in self.queries.terms_of(word)
            )
        return frozenset(names)

    def analyse(self, question: str) -> Query:
        """The query stage, for this knowledge (see bot.query)."""
        return self.queries.analyse(question)


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
        # idf is the weight of every term, but for the question's focus: its extra weight is
        # added to the sums over idf below (question terms, always in the union).
        focus_extra = 0.0
        for term in query.focus:
            if term in weight_of:
                extra = weight_of[term] * (FOCUS_WEIGHT - 1.0)
                weight_of[term] += extra
                focus_extra += extra
        unknown_penalty = index.unknown_weight * sum(query.unknown_weights)
        # A word of the articles that no entry uses ("how much *mud*…") is something no entry
        # answers about: it counts against every entry, as a share of an unknown word.
        alternative = {t for group in query.alternatives for t in group}
        article_only = sum(
            1 for t in query.terms if t not in idf and t not in alternative and t[0] != "_"
        )
        unknown_penalty += index.unknown_weight * ARTICLE_ONLY_FACTOR * article_only
        # A word with several meanings (articles' own synonyms) weighs as its heaviest one.
        groups = [
            members
            for group in query.alternatives
            if len(members := [t for t in group if t in weight_of]) > 1
        ]
        # A word another article uses as it is ("beds" in a hospital story) means that first;
        # an article's own synonym for it ("beds" for Bedfordshire) counts for less, unless the
        # word heads that article's group ("article" in [article, story, piece]).
        weak = {
            t
            for members in groups
            if not all("@" in m for m in members)
            for t in members
            if "@" in t and t not in query.heads
        }
        heaviest_of = [max(weight_of[t] for t in members) for members in groups]
        for term in weak:
            weight_of[term] *= WEAK_MEANING
        for term in query.light:
            if term in weight_of:
                weight_of[term] *= LIGHT_WEIGHT
        query_weight = sum(weight_of.values()) + unknown_penalty
        for members, heaviest in zip(groups, heaviest_of, strict=True):
            query_weight -= sum(weight_of[t] for t in members) - heaviest
        words = [t for t in known if not t.startswith("_")]
        intents = [t for t in known if t.startswith("_")]
        shortlist, overlap = find_shortlist(index.postings, words, intents, weight_of)
        # The entries' terms are read as numbers (bot.compact: as the index stores them), so the
        # question's are numbered once here; every known term is numbered.
        number = index.terms.number
        weight_by_number = {number[t]: weight for t, weight in weight_of.items()}
        query_numbers = frozenset(weight_by_number)
        idf_by_number = index.idf_by_number
        group_numbers = [[number[t] for t in members] for members in groups]
        intent_numbers = [number[t] for t in intents]
        name_numbers = [[number[t] for t in name if t in number] for name in query.names]
        phrase = query.phrase
        wanted = frozenset(query.answer_type)
        scored = []
        extra = unknown_penalty + focus_extra  # weight the question has beyond its terms

        # Each wording's terms and phrase are read in place from the index's arrays (see
        # bot.compact.EntryVariants): nothing is made for an entry looked at the first time.
        variants = index.entry_variants
        first_wording = variants.first
        term_values, term_offsets = variants.runs.values, variants.runs.offsets
        phrases, phrase_offsets = variants.phrases.joined, variants.phrases.offsets
        columns = index.columns
        wording_texts = columns.questions
        wording_weights = index.wording_weights
        query_idf = sum(map(idf_by_number.__getitem__, query_numbers))

        for entry_index in shortlist:
            best_close, best_fuzzy, best = 0.0, 0.0, -1
            # The closeness and fuzzy similarity of the question to each wording (inline, and
            # map rather than generators: this runs for ~150 wordings a question). Every term
            # of a wording is looked up in idf_by_number: a number out of range in the
            # knowledge cache raises there rather than answers.
            for wording in range(first_wording[entry_index], first_wording[entry_index + 1]):
                terms = term_values[term_offsets[wording] : term_offsets[wording + 1]]
                common = query_numbers.intersection(terms)
                shared = sum(map(weight_by_number.__getitem__, common))
                weight = wording_weights[wording]
                if weight < 0.0:
                    weight = sum(map(idf_by_number.__getitem__, set(terms)))
                    wording_weights[wording] = weight
                # The union's weight, without making the union: both sides less what they share.
                union = query_idf + weight - sum(map(idf_by_number.__getitem__, common)) + extra
                if groups:
                    union -= _extra_meanings(group_numbers, terms, idf_by_number)
                close = shared / union if union else 0.0
                similarity = (
                    FUZZY_SCORER(
                        phrase, phrases[phrase_offsets[wording] : phrase_offsets[wording + 1]]
                    )
                    / 100
                )
                if close + similarity > best_close + best_fuzzy:
                    best_close, best_fuzzy, best = close, similarity, wording
            best_text = wording_texts[best] if best >= 0 else ""
            # A question word the entry is never asked with ("where…?" for an entry that says
            # when) weighs like an unknown word: the entry answers a different question.
            entry_terms = index.entry_terms.numbers[entry_index]
            missing = sum(1 for t in intent_numbers if t not in entry_terms)
            denominator = query_weight + missing * (INTENT_MISS_WEIGHT - INTENT_WEIGHT)
            for members, numbers, heaviest in zip(groups, group_numbers, heaviest_of, strict=True):
                # The word weighs, for this entry, as the meaning the entry has (a weak one
                # earns part of the word's weight).
                had = next(
                    (t for t, n in zip(members, numbers, strict=True) if n in entry_terms), None
                )
                if had is not None and had not in weak:
                    denominator -= heaviest - weight_of[had]
            # (a word the entry has in two of its meanings counts once: at most all of it)
            share = min(1.0, overlap[entry_index] / denominator) if denominator else 0.0
            confidence = W_OVERLAP * share + W_CLOSENESS * best_close + W_FUZZY * best_fuzzy
            names_asked = bool(wanted) and not wanted.isdisjoint(
                index.entry_answer_types[entry_index]
            )
            if names_asked and share >= BONUS_MIN_OVERLAP:
                # A share of what is left to 1: an exact wording still outranks it.
                confidence += ANSWER_TYPE_BONUS * (1.0 - confidence)
            lists = query.wants_list and _enumerates(columns.answers[entry_index])
            if lists and share >= BONUS_MIN_OVERLAP:
                confidence += LIST_BONUS * (1.0 - confidence)
            scored.append(
                Candidate(
                    entry_id=columns.ids[entry_index],
                    confidence=round(min(1.0, confidence), 4),
                    overlap=round(share, 4),
                    fuzzy=round(best_fuzzy, 4),
                    best_variant=best_text,
                    closeness=round(best_close, 4),
                    gives=index.entry_kinds[entry_index],
                    quote=columns.quotes[entry_index],
                    article=columns.articles[entry_index],
                    missing_names=sum(1 for name in name_numbers if entry_terms.isdisjoint(name)),
                    counts_asked=not query.counted
                    or not index.entry_counted[entry_index].isdisjoint(query.counted),
                    wordings=index.wordings[entry_index],
                    lists=lists,
                    names_asked=names_asked,
                )
            )
        scored.sort(key=lambda c: (-c.confidence, -c.fuzzy, -c.closeness, c.entry_id))
        return scored

    def explain(self, query: Query, candidates: list[Candidate]) -> Explanation:
        matched: tuple[str, ...] = ()
        if candidates:
            terms = self.index.entry_terms[self.index.position[candidates[0].entry_id]]
            matched = tuple(
                w for w in query.words if any(t in terms for t in self.index.queries.terms_of(w))
            )
        return Explanation(
            tokens=query.words,
            matched_terms=matched,
            unknown_terms=query.unknown,
            corrections=query.corrections,
            candidates=tuple(candidates[:5]),
        )


def _extra_meanings(groups: list[list[int]], terms: Container[int], idf: list[float]) -> float:
    """How much a union of terms over-counts words with several meanings: each should count
    once, as the meaning the other side has, or else as its heaviest."""
    extra = 0.0
    for members in groups:
        present = [idf[t] for t in members if t in terms]
        extra += sum(idf[t] for t in members) - (
            present[0] if present else max(idf[t] for t in members)
        )
    return extra


def suggestions_for(
    entries: Mapping[str, Entry], candidates: list[Candidate]
) -> tuple[Suggestion, ...]:
    return tuple(
        Suggestion(c.entry_id, entries[c.entry_id].question, c.confidence) for c in candidates
    )
