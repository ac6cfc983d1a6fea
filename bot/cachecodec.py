"""The knowledge cache's body: a validated knowledge and its index as plain JSON data, and back.

Only what is costly to rebuild is stored (the entries, the terms of every wording and passage,
the vocabulary); the postings and statistics are derived again by the Index itself. Terms are
written once, in a table, and referred to by number. Decoding checks the shape of every record
(`_check`) and raises ValueError, TypeError, KeyError or IndexError on anything else, so a
damaged or foreign file can only fail to load.

Every attribute of an Index is either stored (STORED), rebuilt here from what is stored
(REBUILT), or set by the Index's own _link() and _derive() (DERIVED): a test fails when the
Index gains one that is none of them, so that a warm start never silently lacks it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from bot.knowledge import EntryPlaces, Knowledge, Problem
from bot.matcher import _NO_TYPES, Analyzer, Index, _Variant
from bot.model import Article, Entry

FORMAT = 1

STORED = (
    "analyzer",
    "scoped_terms",
    "entry_terms",
    "entry_kinds",
    "entry_answer_types",
    "entry_texts",
    "entry_variants",
    "known_terms",
)
REBUILT = ("variants",)
DERIVED = (
    "knowledge",
    "entries",
    "position",
    "postings",
    "max_field_weight",
    "idf",
    "unknown_weight",
    "queries",
    "_by_field_weight",
)

_ENTRY_FIELDS = 11
_ARTICLE_FIELDS = 5


# -- encoding ----------------------------------------------------------------------------------


class _Terms:
    """Term -> its number in the table, numbering new terms as they come."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}

    def ids(self, terms: Iterable[str]) -> list[int]:
        number = self.number
        return [number.setdefault(term, len(number)) for term in terms]


def encode(knowledge: Knowledge, index: Index, digest: Callable[[str], str]) -> dict[str, Any]:
    """The cache body of a knowledge and its index; `digest` fingerprints an article's text."""
    files = {path: i for i, path in enumerate(knowledge.files)}
    entries = []
    places = []
    for entry in knowledge.entries.values():
        source = files.get(entry.source_file, -1) if entry.source_file else -1
        entries.append(
            [
                entry.id,
                entry.article_id,
                list(entry.questions),
                entry.answer,
                entry.quote,
                list(entry.keywords),
                list(entry.related),
                entry.topic,
                list(entry.answers),
                source,
                entry.line,
            ]
        )
        place = knowledge.places.get(entry.id)
        places.append(
            None
            if place is None
            else [*place.answer, *place.quote, [n for pair in place.questions for n in pair]]
        )
    terms = _Terms()
    passages: dict[int, int] = {}  # id() of a shared passage -> its number
    passage_rows: list[list[Any]] = []
    entry_texts = []
    for position, texts in enumerate(index.entry_texts):
        numbers = []
        entry = index.entries[position]
        for passage in texts:
            number = passages.get(id(passage))
            if number is None:
                number = passages[id(passage)] = len(passage_rows)
                # The text is the answer or quote of the entry that first had it.
                source = 0 if passage.text == entry.answer else 1
                if source == 1 and passage.text != entry.quote:
                    raise ValueError("a passage that is neither the entry's answer nor quote")
                passage_rows.append([position, source, terms.ids(passage.terms), passage.phrase])
            numbers.append(number)
        entry_texts.append(numbers)
    kinds: dict[frozenset[str], int] = {}
    body = {
        "articles": [
            [a.id, a.title, a.origin, str(a.path), digest(a.text)]
            for a in knowledge.articles.values()
        ],
        "files": [str(path) for path in knowledge.files],
        "synonyms": [list(group) for group in knowledge.synonyms],
        "article_synonyms": {
            article: [list(group) for group in groups]
            for article, groups in knowledge.article_synonyms.items()
        },
        "warnings": [
            [str(p.path), p.line, p.column, p.message, p.entry_id, p.severity]
            for p in knowledge.warnings
        ],
        "entries": entries,
        "places": places,
        "synonym_of": index.analyzer.synonym_of,
        "scoped_terms": {stem: list(found) for stem, found in index.scoped_terms.items()},
        "entry_terms": [
            [terms.ids(weights), list(weights.values())] for weights in index.entry_terms
        ],
        "entry_kinds": [kinds.setdefault(found, len(kinds)) for found in index.entry_kinds],
        "answer_types": [terms.ids(types) for types in index.entry_answer_types],
        "variants": [
            [[terms.ids(v.terms), v.phrase] for v in variants] for variants in index.entry_variants
        ],
        "passages": passage_rows,
        "entry_texts": entry_texts,
        "known_terms": terms.ids(index.known_terms),
        "vocabulary": sorted(index.queries.speller.vocabulary),
    }
    body["kinds"] = [list(found) for found in kinds]
    body["terms"] = list(terms.number)
    return body


# -- decoding ----------------------------------------------------------------------------------


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise ValueError(f"unexpected {what}")


def _strings(value: Any, what: str) -> list[str]:
    _check(isinstance(value, list) and all(isinstance(s, str) for s in value), what)
    return value  # type: ignore[no-any-return]


def _numbers(value: Any, limit: int, what: str) -> list[int]:
    """A list of numbers in range(limit)."""
    _check(isinstance(value, list), what)
    if value:
        _check(all(type(n) is int for n in value), what)
        _check(min(value) >= 0 and max(value) < limit, what)
    return value  # type: ignore[no-any-return]


def decode(data: Any, article_text: Callable[[Path, str], str]) -> tuple[Knowledge, Index]:
    """The knowledge and index of a cache body. `article_text(path, digest)` reads an
    article's text, which must have that digest (else it raises)."""
    _check(isinstance(data, dict), "body")
    knowledge = _knowledge(data, article_text)
    return knowledge, _index(data, knowledge)


def _knowledge(data: dict[str, Any], article_text: Callable[[Path, str], str]) -> Knowledge:
    files = tuple(Path(p) for p in _strings(data["files"], "files"))
    articles: dict[str, Article] = {}
    for row in data["articles"]:
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
    entries: dict[str, Entry] = {}
    for row in data["entries"]:
        _check(isinstance(row, list) and len(row) == _ENTRY_FIELDS, "entry")
        entry_id, article_id, questions, answer, quote, keywords, related, topic = row[:8]
        answers, source, line = row[8:]
        _check(
            isinstance(entry_id, str)
            and isinstance(article_id, str)
            and article_id in articles
            and isinstance(answer, str)
            and isinstance(quote, str)
            and isinstance(topic, str)
            and type(source) is int
            and -1 <= source < len(files)
            and type(line) is int,
            "entry",
        )
        entries[entry_id] = Entry(
            id=entry_id,
            article_id=article_id,
            questions=tuple(_strings(questions, "questions")),
            answer=answer,
            quote=quote,
            keywords=tuple(_strings(keywords, "keywords")),
            related=tuple(_strings(related, "related")),
            topic=topic,
            answers=tuple(_strings(answers, "answers")),
            source_file=files[source] if source >= 0 else None,
            line=line,
        )
    _check(len(entries) == len(data["entries"]) and len(entries) > 0, "entries")
    places: dict[str, EntryPlaces] = {}
    _check(isinstance(data["places"], list) and len(data["places"]) == len(entries), "places")
    for entry_id, row in zip(entries, data["places"], strict=True):
        if row is None:
            continue
        _check(isinstance(row, list) and len(row) == 5, "place")
        flat = _numbers(row[4], 1 << 62, "place")
        _check(all(type(n) is int for n in row[:4]) and len(flat) % 2 == 0, "place")
        places[entry_id] = EntryPlaces(
            answer=(row[0], row[1]),
            quote=(row[2], row[3]),
            questions=tuple(zip(flat[0::2], flat[1::2], strict=True)),
        )
    synonyms = tuple(tuple(_strings(g, "synonyms")) for g in data["synonyms"])
    _check(isinstance(data["article_synonyms"], dict), "article synonyms")
    article_synonyms = {
        article: tuple(tuple(_strings(g, "synonyms")) for g in groups)
        for article, groups in data["article_synonyms"].items()
    }
    warnings = []
    for row in data["warnings"]:
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


def _index(data: dict[str, Any], knowledge: Knowledge) -> Index:
    terms = _strings(data["terms"], "terms")
    count = len(terms)

    def term_set(ids: Any) -> frozenset[str]:
        return frozenset(map(terms.__getitem__, _numbers(ids, count, "terms")))

    index = Index.__new__(Index)
    index._link(knowledge)
    entries = index.entries
    analyzer = Analyzer(())
    synonym_of = data["synonym_of"]
    _check(
        isinstance(synonym_of, dict) and all(isinstance(t, str) for t in synonym_of.values()),
        "synonyms",
    )
    analyzer.synonym_of = synonym_of
    index.analyzer = analyzer
    _check(isinstance(data["scoped_terms"], dict), "scoped terms")
    index.scoped_terms = {
        stem: tuple(_strings(found, "scoped terms")) for stem, found in data["scoped_terms"].items()
    }
    rows = _sized(data["entry_terms"], len(entries), "entry terms")
    entry_terms = []
    for row in rows:
        _check(isinstance(row, list) and len(row) == 2, "entry terms")
        ids, weights = row
        _check(
            isinstance(weights, list)
            and len(weights) == len(ids)
            and all(type(w) is float for w in weights),
            "entry terms",
        )
        entry_terms.append(
            dict(zip(map(terms.__getitem__, _numbers(ids, count, "terms")), weights, strict=True))
        )
    index.entry_terms = entry_terms
    kinds = [frozenset(_strings(found, "kinds")) for found in data["kinds"]]
    index.entry_kinds = list(
        map(kinds.__getitem__, _numbers(data["entry_kinds"], len(kinds), "kinds"))
    )
    _check(len(index.entry_kinds) == len(entries), "kinds")
    index.entry_answer_types = [
        term_set(ids) if ids else _NO_TYPES
        for ids in _sized(data["answer_types"], len(entries), "answer types")
    ]
    entry_variants = []
    for position, (entry, variants) in enumerate(
        zip(entries, _sized(data["variants"], len(entries), "variants"), strict=True)
    ):
        _check(isinstance(variants, list) and len(variants) == len(entry.questions), "variants")
        own = []
        for question, row in zip(entry.questions, variants, strict=True):
            _check(isinstance(row, list) and len(row) == 2 and isinstance(row[1], str), "variant")
            own.append(_Variant(position, question, term_set(row[0]), row[1]))
        entry_variants.append(own)
    index.entry_variants = entry_variants
    index.variants = [variant for own in entry_variants for variant in own]
    passages = []
    for row in data["passages"]:
        _check(isinstance(row, list) and len(row) == 4 and isinstance(row[3], str), "passage")
        position, source, ids, phrase = row
        _numbers([position, source], len(entries), "passage")
        _check(source in (0, 1), "passage")
        entry = entries[position]
        passages.append(
            _Variant(-1, entry.quote if source else entry.answer, term_set(ids), phrase)
        )
    index.entry_texts = [
        tuple(map(passages.__getitem__, _numbers(numbers, len(passages), "passages")))
        for numbers in _sized(data["entry_texts"], len(entries), "entry texts")
    ]
    index.known_terms = set(map(terms.__getitem__, _numbers(data["known_terms"], count, "known")))
    index._derive(_strings(data["vocabulary"], "vocabulary"))
    return index


def _sized(value: Any, size: int, what: str) -> Sequence[Any]:
    _check(isinstance(value, list) and len(value) == size, what)
    return value  # type: ignore[no-any-return]
