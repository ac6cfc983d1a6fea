"""The knowledge cache's body: a validated knowledge and its index as plain JSON data, and back.

Stored: the entries (texts as one string per column), the compact index's arrays as they are in
memory (bot.compact: postings, each entry's and wording's terms), the vocabulary and its words'
stems (bot.compact.Stems: a process that read the cache stems none of the knowledge's words);
the statistics are derived again by the Index itself. Terms are written once, in a table, and
referred to by number. Decoding checks the shape of every record (`_check`) and raises
ValueError, TypeError, KeyError or IndexError on anything else, so a damaged or foreign file
can only fail to load. The exception: the numbers in the compact index's
big arrays (the postings' entry numbers, the runs' term numbers; ~6M at 100k entries, 0.4 s to
check) are checked run by run when first read (bot.compact), and raise then. The body's CRC-32
and the header's code digest have been checked before any is read, so only a file written by
this very code reaches that point: a wrong number there is a bug, and fails loudly rather than
answering.

Every attribute of an Index is either stored (STORED), rebuilt here from what is stored
(REBUILT), or set by the Index's own _link() and _derive() (DERIVED): a test fails when the
Index gains one that is none of them, so that a warm start never silently lacks it.
"""

from __future__ import annotations

import base64
import functools
import itertools
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from bot import compact, text
from bot.knowledge import EntryPlaces, Knowledge, Problem
from bot.matcher import Analyzer, Index
from bot.model import Article, Entry

FORMAT = 4

STORED = (
    "analyzer",
    "scoped_terms",
    "terms",
    "postings",
    "entry_terms",
    "entry_kinds",
    "entry_answer_types",
    "entry_counted",
    "entry_variants",
    "known_terms",
)
REBUILT = ()
DERIVED = (
    "knowledge",
    "entries",
    "position",
    "wordings",
    "max_field_weight",
    "idf",
    "idf_by_number",
    "wording_weights",
    "columns",
    "unknown_weight",
    "queries",
)

_ARTICLE_FIELDS = 5

# The body's sections and their parts, in the order they are written and read.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("knowledge", ("files", "articles", "synonyms", "article_synonyms", "warnings")),
    (
        "entries",
        (
            "entry_ids",
            "entry_articles",
            "entry_topics",
            "entry_sources",
            "entry_lines",
            "entry_declared",
            "entry_keywords",
            "entry_related",
        ),
    ),
    # The long texts a section each: a section's JSON line and its strings are in memory at
    # once while it is read.
    ("answers", ("entry_answers",)),
    ("quotes", ("entry_quotes",)),
    ("questions", ("entry_questions",)),
    # (Early: a section's text is in memory twice while it is read, best before the arrays.)
    ("phrases", ("variant_phrases",)),
    ("places", ("places",)),
    (
        "terms",
        ("terms", "posting_count", "weights", "synonym_of", "scoped_terms", "kinds", "entry_kinds"),
    ),
    # The compact index's arrays as they are in memory (bot.compact).
    ("postings", ("postings",)),
    ("entry_terms", ("entry_terms",)),
    ("variants", ("variant_terms",)),
    ("term_sets", ("answer_types", "counted")),
    ("vocabulary", ("known_terms", "vocabulary", "names")),
    # The vocabulary's stems, word by word (bot.compact.Stems).
    ("stems", ("stem_drops", "other_stems")),
)


# -- encoding ----------------------------------------------------------------------------------


def encode(
    knowledge: Knowledge, index: Index, digest: Callable[[str], str]
) -> Iterator[dict[str, Any]]:
    """The cache body of a knowledge and its index, one section at a time (each is made when
    asked for, so that a large one is never all in memory); `digest` fingerprints an article's
    text."""
    files = {path: i for i, path in enumerate(knowledge.files)}
    entries = list(knowledge.entries.values())
    places = [knowledge.places.get(entry.id) for entry in entries]
    article_number = {article_id: i for i, article_id in enumerate(knowledge.articles)}
    # The index's own table, with the terms only the query stage knows after it.
    terms = compact.Terms(index.terms.names)
    terms.ids(index.known_terms)
    terms.ids(index.queries.names)
    kinds = {found: 0 for found in index.entry_kinds}
    kinds = {found: i for i, found in enumerate(kinds)}
    vocabulary = sorted(index.queries.speller.vocabulary)

    @functools.cache
    def stems_of_vocabulary() -> compact.Stems:
        # (a built process has stemmed them already: read from text.stem's memo)
        return compact.Stems.of(vocabulary, text.stem)

    parts: dict[str, Callable[[], Any]] = {
        "articles": lambda: [
            [a.id, a.title, a.origin, str(a.path), digest(a.text)]
            for a in knowledge.articles.values()
        ],
        "files": lambda: [str(path) for path in knowledge.files],
        "synonyms": lambda: [list(group) for group in knowledge.synonyms],
        "article_synonyms": lambda: {
            article: [list(group) for group in groups]
            for article, groups in knowledge.article_synonyms.items()
        },
        "warnings": lambda: [
            [str(p.path), p.line, p.column, p.message, p.entry_id, p.severity]
            for p in knowledge.warnings
        ],
        "entry_ids": lambda: [e.id for e in entries],
        "entry_articles": lambda: _array(article_number[e.article_id] for e in entries),
        "entry_topics": lambda: _texts([e.topic for e in entries]),
        # 0 for none, else 1 + the file's number
        "entry_sources": lambda: _array(
            files[e.source_file] + 1 if e.source_file else 0 for e in entries
        ),
        "entry_lines": lambda: _array(e.line for e in entries),
        "entry_declared": lambda: _text_runs([e.answers for e in entries]),
        "entry_keywords": lambda: _text_runs([e.keywords for e in entries]),
        "entry_related": lambda: _text_runs([e.related for e in entries]),
        "entry_answers": lambda: _texts([e.answer for e in entries]),
        "entry_quotes": lambda: _texts([e.quote for e in entries]),
        "entry_questions": lambda: _text_runs([e.questions for e in entries]),
        "places": lambda: {
            "has": _array(int(p is not None) for p in places),
            "spots": _array(n for p in places if p is not None for n in (*p.answer, *p.quote)),
            "questions": _runs(
                [[n for pair in p.questions for n in pair] for p in places if p is not None]
            ),
        },
        "synonym_of": lambda: index.analyzer.synonym_of,
        "scoped_terms": lambda: {stem: list(found) for stem, found in index.scoped_terms.items()},
        "posting_count": lambda: index.postings.count,
        "postings": lambda: _weighted_runs(index.postings.runs),
        "entry_terms": lambda: _weighted_runs(index.entry_terms.runs),
        "weights": lambda: list(index.postings.weights),
        "entry_kinds": lambda: _array(kinds[found] for found in index.entry_kinds),
        "answer_types": lambda: _compact_runs(index.entry_answer_types.runs),
        "counted": lambda: _compact_runs(index.entry_counted.runs),
        "names": lambda: _array(terms.ids(index.queries.names)),
        "variant_terms": lambda: _compact_runs(index.entry_variants.runs),
        "variant_phrases": lambda: _texts(index.entry_variants.phrases),
        "known_terms": lambda: _array(terms.ids(index.known_terms)),
        "vocabulary": lambda: vocabulary,
        "stem_drops": lambda: _array(stems_of_vocabulary().drops, compact.CODE_TYPECODE),
        "other_stems": lambda: stems_of_vocabulary().others,
        "kinds": lambda: [list(found) for found in kinds],
        "terms": lambda: terms.names,
    }
    for section, names in SECTIONS:
        yield {"section": section, **{name: parts[name]() for name in names}}


# -- decoding ----------------------------------------------------------------------------------


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise ValueError(f"unexpected {what}")


def _strings(value: Any, what: str) -> list[str]:
    _check(isinstance(value, list) and set(map(type, value)) <= {str}, what)
    return value  # type: ignore[no-any-return]


def _texts(strings: Sequence[str]) -> list[Any]:
    """Strings as one (see compact.Texts): their lengths, and them joined."""
    return [_array(map(len, strings)), "".join(strings)]


def _text_runs(groups: Sequence[Sequence[str]]) -> list[Any]:
    """Groups of strings: the groups' lengths, then their strings as _texts()."""
    return [_array(map(len, groups)), *_texts([s for group in groups for s in group])]


def _read_texts(value: Any, count: int, what: str) -> compact.Texts:
    """The `count` strings of a _texts()."""
    _check(isinstance(value, list) and len(value) == 2 and isinstance(value[1], str), what)
    lengths = _read_array(value[0], None, what)
    _check(len(lengths) == count and sum(lengths) == len(value[1]), what)
    return compact.Texts(value[1], compact.numbers(itertools.accumulate(lengths, initial=0)))


def _read_text_runs(value: Any, groups: int, what: str) -> tuple[compact.TextRuns, array[int]]:
    """The groups of a _text_runs(), and their lengths."""
    _check(isinstance(value, list) and len(value) == 3, what)
    lengths = _read_array(value[0], None, what)
    _check(len(lengths) == groups, what)
    texts = _read_texts(value[1:], sum(lengths), what)
    return compact.TextRuns(
        texts, compact.numbers(itertools.accumulate(lengths, initial=0))
    ), lengths


class _Places(Mapping[str, EntryPlaces]):
    """Where each entry sits in its file: checked when read, built when first looked at (only
    `qa-bot check` does)."""

    def __init__(self, data: Any, ids: list[str]) -> None:
        _check(isinstance(data, dict), "places")
        has = _read_array(data["has"], 2, "places")
        _check(len(has) == len(ids), "places")
        self._ids = [entry_id for entry_id, known in zip(ids, has, strict=True) if known]
        self._spots = _read_array(data["spots"], 1 << 32, "places")
        self._lengths, self._questions = _read_runs(
            data["questions"], len(self._ids), 1 << 32, "places"
        )
        _check(len(self._spots) == 4 * len(self._ids), "places")
        _check(all(n % 2 == 0 for n in self._lengths), "places")
        self._built: dict[str, EntryPlaces] | None = None

    def _places(self) -> dict[str, EntryPlaces]:
        if self._built is None:
            spots, numbers = self._spots, iter(self._questions)
            built = {}
            for i, (entry_id, length) in enumerate(zip(self._ids, self._lengths, strict=True)):
                flat = list(islice(numbers, length))
                built[entry_id] = EntryPlaces(
                    answer=(spots[4 * i], spots[4 * i + 1]),
                    quote=(spots[4 * i + 2], spots[4 * i + 3]),
                    questions=tuple(zip(flat[0::2], flat[1::2], strict=True)),
                )
            self._built = built
        return self._built

    def __getitem__(self, key: str) -> EntryPlaces:
        return self._places()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._places())

    def __len__(self) -> int:
        return len(self._ids)


class _Body:
    """The body's sections, read one at a time as their parts are taken, each part let go once
    taken (a large knowledge's body is never all in memory at once)."""

    def __init__(self, read: Callable[[], Any]) -> None:
        self._read = read
        self._sections = iter(SECTIONS)
        self._parts: dict[str, Any] = {}

    def take(self, name: str) -> Any:
        while name not in self._parts:
            section, names = next(self._sections)  # StopIteration: a part never written
            data = self._read()
            _check(isinstance(data, dict) and data.keys() == {"section", *names}, section)
            _check(data.pop("section") == section, section)
            self._parts.update(data)
        return self._parts.pop(name)

    def finish(self) -> None:
        _check(not self._parts and next(self._sections, None) is None, "sections")


def decode(
    read: Callable[[], Any], article_text: Callable[[Path, str], str]
) -> tuple[Knowledge, Index, compact.Stems]:
    """The knowledge and index of a cache body, whose sections `read()` returns in order (see
    sections()), and its vocabulary's stems (for bot.text.remember_stems, once the body's
    checksum is known to be right). `article_text(path, digest)` reads an article's text,
    which must have that digest (else it raises)."""
    body = _Body(read)
    knowledge = _knowledge(body, article_text)
    index, vocabulary = _index(body, knowledge)
    stems = _stems(body, vocabulary)
    body.finish()
    return knowledge, index, stems


def _knowledge(body: _Body, article_text: Callable[[Path, str], str]) -> Knowledge:
    files = tuple(Path(p) for p in _strings(body.take("files"), "files"))
    articles: dict[str, Article] = {}
    for row in body.take("articles"):
        _check(
            isinstance(row, list)
            and len(row) == _ARTICLE_FIELDS
            and all(isinstance(s, str) for s in row),
            "article",
        )
        article_id, title, origin, path, digest = row
        articles[article_id] = Article(
            article_id, title, origin, article_text(Path(path), digest), Path(path)
        )
    ids = _strings(body.take("entry_ids"), "ids")
    count = len(ids)
    _check(count > 0, "entries")
    article_list = list(articles)
    article_ids = list(
        map(
            article_list.__getitem__,
            _read_array(body.take("entry_articles"), len(articles), "articles"),
        )
    )
    _check(len(article_ids) == count, "articles")
    topics = _read_texts(body.take("entry_topics"), count, "topics")
    sources = _read_array(body.take("entry_sources"), len(files) + 1, "sources")
    lines = _read_array(body.take("entry_lines"), 1 << 32, "lines")
    _check(len(sources) == count and len(lines) == count, "entries")
    kinds = _read_text_runs(body.take("entry_declared"), count, "answers")[0]
    keywords = _read_text_runs(body.take("entry_keywords"), count, "keywords")[0]
    related = _read_text_runs(body.take("entry_related"), count, "related")[0]
    answers = _read_texts(body.take("entry_answers"), count, "answers")
    quotes = _read_texts(body.take("entry_quotes"), count, "quotes")
    questions, wordings = _read_text_runs(body.take("entry_questions"), count, "questions")

    def entry(i: int) -> Entry:
        source = sources[i]
        return Entry(
            id=ids[i],
            article_id=article_ids[i],
            questions=questions[i],
            answer=answers[i],
            quote=quotes[i],
            keywords=keywords[i],
            related=related[i],
            topic=topics[i],
            answers=kinds[i],
            source_file=files[source - 1] if source else None,
            line=lines[i],
        )

    # Made as they are looked at (each checked above): a question needs a few dozen.
    columns = compact.Columns(ids, article_ids, answers, quotes, questions.texts)
    entries = compact.Entries(columns, topics, wordings, entry)
    places = _Places(body.take("places"), list(entries))
    synonyms = tuple(tuple(_strings(g, "synonyms")) for g in body.take("synonyms"))
    scoped = body.take("article_synonyms")
    _check(isinstance(scoped, dict), "article synonyms")
    article_synonyms = {
        article: tuple(tuple(_strings(g, "synonyms")) for g in groups)
        for article, groups in scoped.items()
    }
    warnings = []
    for row in body.take("warnings"):
        _check(isinstance(row, list) and len(row) == 6, "warning")
        path, line, column, message, entry_id, severity = row
        _check(
            isinstance(path, str)
            and type(line) is int
            and type(column) is int
            and isinstance(message, str)
            and (entry_id is None or isinstance(entry_id, str))
            and isinstance(severity, str),
            "warning",
        )
        warnings.append(Problem(Path(path), line, column, message, entry_id, severity))
    return Knowledge(
        articles=articles,
        entries=entries,
        synonyms=synonyms,
        files=files,
        warnings=tuple(warnings),
        places=places,
        article_synonyms=article_synonyms,
    )


def _index(body: _Body, knowledge: Knowledge) -> tuple[Index, list[str]]:
    terms = _strings(body.take("terms"), "terms")
    term = terms.__getitem__
    count = len(terms)
    index = Index.__new__(Index)
    index._link(knowledge)
    entries = index.entries
    analyzer = Analyzer(())
    synonym_of = body.take("synonym_of")
    _check(
        isinstance(synonym_of, dict) and all(isinstance(t, str) for t in synonym_of.values()),
        "synonyms",
    )
    analyzer.synonym_of = synonym_of
    index.analyzer = analyzer
    scoped = body.take("scoped_terms")
    _check(isinstance(scoped, dict), "scoped terms")
    index.scoped_terms = {
        stem: tuple(_strings(found, "scoped terms")) for stem, found in scoped.items()
    }
    posting_count = body.take("posting_count")
    _check(type(posting_count) is int and 0 <= posting_count <= count, "postings")
    weights = body.take("weights")
    _check(isinstance(weights, list) and all(type(w) is float for w in weights), "weights")
    _check(len(weights) <= 1 << 8, "weights")
    kinds = [frozenset(_strings(group, "kinds")) for group in body.take("kinds")]
    index.entry_kinds = list(
        map(kinds.__getitem__, _read_array(body.take("entry_kinds"), len(kinds), "kinds"))
    )
    _check(len(index.entry_kinds) == len(entries), "kinds")
    table = compact.Terms(terms)
    _check(len(table.number) == count, "terms")
    index._install(
        table,
        posting_count,
        tuple(weights),
        _read_weighted_runs(body.take("postings"), posting_count, len(weights), "postings"),
        _read_weighted_runs(body.take("entry_terms"), len(entries), len(weights), "entry terms"),
        _read_compact_runs(
            body.take("variant_terms"),
            sum(index.wordings),
            "variant terms",
        ),
        _read_texts(body.take("variant_phrases"), sum(index.wordings), "phrases"),
        _read_compact_runs(body.take("answer_types"), len(entries), "answer types"),
        _read_compact_runs(body.take("counted"), len(entries), "counted"),
    )
    index.known_terms = set(map(term, _read_array(body.take("known_terms"), count, "known terms")))
    vocabulary = _strings(body.take("vocabulary"), "vocabulary")
    index._derive(vocabulary)
    index.queries.names = frozenset(map(term, _read_array(body.take("names"), count, "names")))
    return index, vocabulary


def _stems(body: _Body, vocabulary: list[str]) -> compact.Stems:
    """The stems of the vocabulary (sorted as written: a word out of order is only not found,
    and stemmed)."""
    drops = _read_array(body.take("stem_drops"), None, "stems", compact.CODE_TYPECODE)
    _check(len(drops) == len(vocabulary), "stems")
    others = body.take("other_stems")
    _check(
        isinstance(others, dict) and all(type(found) is str for found in others.values()),
        "stems",
    )
    packed = drops.tobytes()
    _check(packed.count(compact.OTHER_STEM) == len(others), "stems")
    return compact.Stems(vocabulary, packed, others)


# Flat arrays of small numbers travel as base64 of little-endian 32-bit integers (or bytes): a
# thousand times fewer JSON values to parse, and nothing but numbers can come out of them.
_TYPECODE = compact.TYPECODE


def _array(numbers: Iterable[int], typecode: str = _TYPECODE) -> str:
    packed = numbers if isinstance(numbers, array) else array(typecode, numbers)
    if sys.byteorder == "big" and packed.itemsize > 1:
        packed = array(packed.typecode, packed)
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def _compact_runs(runs: compact.Runs) -> list[str]:
    """A compact.Runs: its groups' lengths and its numbers."""
    return [_array(runs.lengths()), _array(runs.values)]


def _weighted_runs(runs: compact.Runs) -> list[str]:
    """A compact.Runs with field-weight codes: lengths, numbers and codes."""
    assert runs.codes is not None
    return [*_compact_runs(runs), _array(runs.codes)]


def _runs(groups: Sequence[Sequence[int]]) -> list[str]:
    """Groups of numbers: their lengths, and all of them in a row."""
    return [_array(map(len, groups)), _array(n for group in groups for n in group)]


def _read_array(text: Any, limit: int | None, what: str, typecode: str = _TYPECODE) -> array[int]:
    """The numbers of an _array(), each checked to be below `limit` (None: the arrays of
    bot.compact, whose numbers are checked run by run when first read)."""
    _check(isinstance(text, str), what)
    raw = base64.b64decode(text, validate=True)
    numbers = array(typecode)
    _check(len(raw) % numbers.itemsize == 0, what)
    numbers.frombytes(raw)
    if sys.byteorder == "big" and numbers.itemsize > 1:
        numbers.byteswap()
    if limit is not None and numbers and limit < 1 << (8 * numbers.itemsize):
        if numbers.itemsize == 1:
            # In C: every byte below the limit deleted, nothing may be left.
            _check(not raw.translate(None, bytes(range(limit))), what)
        else:
            _check(max(numbers) < limit, what)
    return numbers


def _read_compact_runs(value: Any, groups: int, what: str) -> compact.Runs:
    """A compact.Runs of `groups` groups (see _compact_runs)."""
    _check(isinstance(value, list) and len(value) == 2, what)
    lengths = _read_array(value[0], None, what)
    values = _read_array(value[1], None, what)
    _check(len(lengths) == groups and sum(lengths) == len(values), what)
    return compact.Runs.of_lengths(lengths, values)


def _read_weighted_runs(value: Any, groups: int, weights: int, what: str) -> compact.Runs:
    """A compact.Runs with its codes (see _weighted_runs), each below `weights`."""
    _check(isinstance(value, list) and len(value) == 3, what)
    runs = _read_compact_runs(value[:2], groups, what)
    runs.codes = _read_array(value[2], weights, what, compact.CODE_TYPECODE)
    _check(len(runs.codes) == len(runs.values), what)
    return runs


def _read_runs(value: Any, groups: int, limit: int, what: str) -> tuple[array[int], array[int]]:
    """The lengths and numbers of _runs(): `groups` groups of numbers below `limit`."""
    _check(isinstance(value, list) and len(value) == 2, what)
    lengths = _read_array(value[0], 1 << 32, what)
    numbers = _read_array(value[1], limit, what)
    _check(len(lengths) == groups and sum(lengths) == len(numbers), what)
    return lengths, numbers
