"""The index's compact layout: terms numbered once, every list of numbers a run in an `array`.

At 100k entries the index was ~1.8M dict items in postings and as many again in the entries'
term dicts, 500k wording tuples with a frozenset and a phrase each: ~600 MB, and seconds to
rebuild from the knowledge cache. Here a term is a small number (one table of strings, one dict
to look them up), the postings, each entry's terms and each wording's terms are runs in flat
arrays (4 bytes a number, 1 byte a field weight), and the knowledge cache stores those arrays as
they are. Matching reads the postings in place (bot.postings), and the wordings too, terms as
numbers; the term sets of the few entries a question scores in full are made from a run when
first asked for.

Made objects are kept, up to a budget (KEEP_ENTRIES), so that entries cost their making once,
while a long-running bot's memory stays bounded: over the budget, what was kept is let go and
made again when next asked for.
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Generic, NamedTuple, TypeVar, overload

from bot.model import Entry

# 4-byte unsigned numbers, whatever the platform's C long is.
TYPECODE = next(code for code in "IL" if array(code).itemsize == 4)
# Field weights are a handful of distinct values: each is a 1-byte code into a table.
CODE_TYPECODE = "B"
# Entries whose terms and wordings are kept as objects (~2 KB each).
KEEP_ENTRIES = 20_000

_NO_TERMS: frozenset[str] = frozenset()

T = TypeVar("T")


class Wordings(NamedTuple):
    """An entry's wordings, one item per wording in each field: its text, its terms by number
    and its normalised phrase (for fuzzy matching)."""

    texts: tuple[str, ...]
    terms: tuple[frozenset[int], ...]
    phrases: tuple[str, ...]


class Columns(NamedTuple):
    """Fields of every entry, in order, read without making its Entry: matching reads those of
    a few dozen entries a question (from the knowledge cache, making one took ~20 µs)."""

    ids: Sequence[str]
    articles: Sequence[str]
    answers: Sequence[str]
    quotes: Sequence[str]
    questions: Sequence[str]  # every entry's wordings, all entries' in a row


def numbers(values: Iterable[int] = (), typecode: str = TYPECODE) -> array[int]:
    return array(typecode, values)


class Runs:
    """Groups of numbers in one array: group i is `values[offsets[i]:offsets[i + 1]]`, with
    `codes` (field-weight codes) alongside when the numbers are weighted."""

    __slots__ = ("codes", "offsets", "values")

    def __init__(self, offsets: array[int], values: array[int], codes: array[int] | None = None):
        self.offsets = offsets
        self.values = values
        self.codes = codes

    @classmethod
    def of_lengths(
        cls, lengths: Iterable[int], values: array[int], codes: array[int] | None = None
    ) -> Runs:
        offsets = numbers(itertools.accumulate(lengths, initial=0))
        return cls(offsets, values, codes)

    @classmethod
    def of(cls, groups: Iterable[Iterable[int]]) -> Runs:
        offsets, values = numbers([0]), numbers()
        for group in groups:
            values.extend(group)
            offsets.append(len(values))
        return cls(offsets, values)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def lengths(self) -> Iterator[int]:
        offsets = self.offsets
        return map(int.__rsub__, offsets, itertools.islice(offsets, 1, None))

    def size(self, group: int) -> int:
        return self.offsets[group + 1] - self.offsets[group]

    def group(self, group: int) -> array[int]:
        return self.values[self.offsets[group] : self.offsets[group + 1]]

    def codes_of(self, group: int) -> array[int]:
        assert self.codes is not None
        return self.codes[self.offsets[group] : self.offsets[group + 1]]


class Terms:
    """The term table: term -> its number, and back; numbered in the order first met."""

    __slots__ = ("names", "number")

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.names: list[str] = list(names)
        self.number: dict[str, int] = {name: i for i, name in enumerate(self.names)}

    def ids(self, terms: Iterable[str]) -> list[int]:
        number, names = self.number, self.names
        found = []
        for term in terms:
            i = number.get(term)
            if i is None:
                i = number[term] = len(names)
                names.append(term)
            found.append(i)
        return found

    def __len__(self) -> int:
        return len(self.names)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Terms) and self.names == other.names

    __hash__ = None  # type: ignore[assignment]


def _checked(values: array[int], limit: int) -> array[int]:
    """A run's numbers, checked to be below `limit` when first read (the cache's checksum was
    verified before; this catches a self-consistent but wrong file before it answers)."""
    if values and max(values) >= limit:
        raise ValueError("a number out of range in the knowledge cache")
    return values


class Kept(Generic[T]):
    """Objects made from runs, kept up to a budget of `cost` (then all let go at once: simpler
    than an LRU, and a question's own objects are made again within a millisecond)."""

    __slots__ = ("_budget", "_kept", "_spent")

    def __init__(self, budget: int) -> None:
        self._kept: dict[object, T] = {}
        self._spent = 0
        self._budget = budget

    def get(self, key: object) -> T | None:
        return self._kept.get(key)

    def keep(self, key: object, value: T, cost: int) -> T:
        self._spent += cost
        if self._spent > self._budget:
            # Two threads may clear or add at once: each only loses a kept object.
            self._kept = {}
            self._spent = cost
        self._kept[key] = value
        return value


class _PerEntry(Generic[T]):
    """A sequence of one object per entry, made from runs when asked for (by _make: a method,
    not a bound method kept on the instance, which would be a reference cycle and keep an old
    index alive after a reload until the cyclic collector ran)."""

    def __init__(self, count: int, kept: Kept[T] | None) -> None:
        self._count = count
        self._kept = kept

    def _make(self, entry: int) -> T:
        raise NotImplementedError

    def __getitem__(self, entry: int) -> T:
        if not 0 <= entry < self._count:
            raise IndexError(entry)
        kept = self._kept
        if kept is None:
            return self._make(entry)
        found = kept.get(entry)
        if found is None:
            found = kept.keep(entry, self._make(entry), 1)
        return found

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[T]:
        return map(self._make, range(self._count))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _PerEntry) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


class EntryTerms(_PerEntry[dict[str, float]]):
    """Each entry's terms -> their highest field weight in it (in the order they were met);
    `numbers[entry]`, the same terms by number, is what matching reads."""

    def __init__(self, terms: Terms, runs: Runs, weights: tuple[float, ...], limit: int) -> None:
        self.terms = terms
        self.runs = runs
        self.weights = weights
        # `limit`: the terms with postings (the first in the table), the only ones an entry has.
        self.numbers = TermNumbers(runs, limit)
        super().__init__(len(runs), Kept(KEEP_ENTRIES))

    def _make(self, entry: int) -> dict[str, float]:
        runs = self.runs
        return dict(
            zip(
                map(self.terms.names.__getitem__, runs.group(entry)),
                map(self.weights.__getitem__, runs.codes_of(entry)),
                strict=True,
            )
        )


class TermSets(_PerEntry[frozenset[str]]):
    """A set of terms per entry (the answer types, the counted terms); mostly empty."""

    def __init__(self, terms: Terms, runs: Runs) -> None:
        self.terms = terms
        self.runs = runs
        super().__init__(len(runs), None)

    def _make(self, entry: int) -> frozenset[str]:
        if not self.runs.size(entry):
            return _NO_TERMS
        return frozenset(map(self.terms.names.__getitem__, self.runs.group(entry)))


class TermNumbers(_PerEntry[frozenset[int]]):
    """Each entry's term numbers as a set, kept once made: matching asks whether an entry has
    a term (~2.5 µs to make from the run, against ~5.5 µs for the dict of names)."""

    def __init__(self, runs: Runs, limit: int) -> None:
        self.runs = runs
        self.limit = limit  # every number is below it (checked when a set is made)
        super().__init__(len(runs), Kept(KEEP_ENTRIES))

    def _make(self, entry: int) -> frozenset[int]:
        return frozenset(_checked(self.runs.group(entry), self.limit))


class EntryVariants(_PerEntry[Wordings]):
    """Each entry's wordings: its questions, and the terms and phrase stored for each wording.
    (Deriving the phrases again when an entry is first looked at made a question 70% slower
    until most entries had been looked at once; stored as one string they cost 19 MB at 100k
    entries.)

    Matching reads the runs and phrases in place (bot.matcher), wording by wording, with terms
    as numbers, and makes nothing per entry: making each entry's wordings as records of term
    names when first looked at (12 to 17 µs an entry, ~17 entries new to each question of a
    first pass at 10k) made that pass ~50% slower than the second. Indexing
    (`variants[entry]`) makes them for reading, and keeps none."""

    def __init__(
        self, terms: Terms, runs: Runs, phrases: Texts, texts: Sequence[str], first: array[int]
    ) -> None:
        self.terms = terms
        self.runs = runs  # one run per wording, all entries' in a row
        self.phrases = phrases  # one per wording, in the same order
        self.texts = texts  # the wordings themselves, in the same order (Columns.questions)
        self.first = first  # entry -> the number of its first wording (len: entries + 1)
        super().__init__(len(first) - 1, None)

    def _make(self, entry: int) -> Wordings:
        runs, texts = self.runs, self.texts
        wordings = range(self.first[entry], self.first[entry + 1])
        return Wordings(
            tuple(texts[wording] for wording in wordings),
            tuple(frozenset(runs.group(wording)) for wording in wordings),
            self.phrases.span(wordings.start, wordings.stop),
        )


class Entries(Mapping[str, Entry]):
    """entry id -> Entry, in file order, each made from the knowledge cache's columns when first
    looked at (`make(position)`): a question reads a few dozen of 100k entries."""

    def __init__(
        self,
        columns: Columns,
        topics: Sequence[str],
        wordings: array[int],
        make: Callable[[int], Entry],
    ) -> None:
        self.ids = columns.ids
        self.position = {entry_id: i for i, entry_id in enumerate(self.ids)}
        if len(self.position) != len(self.ids):
            raise ValueError("an entry id twice")
        # Read without making entries (bot.examples groups them by article and topic; matching
        # reads a candidate's id, article, quote and best wording).
        self.columns = columns
        self.articles = columns.articles
        self.topics = topics
        self.wordings = wordings  # how many questions each entry has
        self._make = make
        self._kept: Kept[Entry] = Kept(KEEP_ENTRIES)
        self.in_order = EntryList(self)

    def at(self, position: int) -> Entry:
        found = self._kept.get(position)
        if found is None:
            found = self._kept.keep(position, self._make(position), 1)
        return found

    def __getitem__(self, entry_id: str) -> Entry:
        return self.at(self.position[entry_id])

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.position

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


class EntryList(Sequence[Entry]):
    """The entries of an Entries by position (Index.entries)."""

    def __init__(self, entries: Entries) -> None:
        self._entries = entries

    @overload
    def __getitem__(self, position: int) -> Entry: ...

    @overload
    def __getitem__(self, position: slice) -> list[Entry]: ...

    def __getitem__(self, position: int | slice) -> Entry | list[Entry]:
        count = len(self._entries.ids)
        if isinstance(position, slice):
            return [self._entries.at(i) for i in range(count)[position]]
        if not -count <= position < count:
            raise IndexError(position)
        return self._entries.at(position % count)

    def __len__(self) -> int:
        return len(self._entries)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


class Texts(Sequence[str]):
    """Many strings kept as one (string i is `joined[offsets[i]:offsets[i + 1]]`): one object
    instead of 100k, each sliced out when read."""

    def __init__(self, joined: str, offsets: array[int]) -> None:
        self.joined = joined
        self.offsets = offsets

    @classmethod
    def of(cls, strings: Sequence[str]) -> Texts:
        return cls("".join(strings), numbers(itertools.accumulate(map(len, strings), initial=0)))

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(len(self))[i]]
        return self.joined[self.offsets[i] : self.offsets[i + 1]]

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __iter__(self) -> Iterator[str]:
        offsets = self.offsets
        return map(self.joined.__getitem__, map(slice, offsets, itertools.islice(offsets, 1, None)))

    def span(self, start: int, stop: int) -> tuple[str, ...]:
        """Strings start to stop - 1."""
        offsets = self.offsets
        # (In C: an entry's questions, keywords… are read this way when it is made.)
        return tuple(
            map(
                self.joined.__getitem__,
                map(slice, offsets[start:stop], offsets[start + 1 : stop + 1]),
            )
        )


class TextRuns:
    """Groups of strings: group i is strings `first[i]` to `first[i + 1] - 1` of `texts`."""

    def __init__(self, texts: Texts, first: array[int]) -> None:
        self.texts = texts
        self._first = first

    def __getitem__(self, group: int) -> tuple[str, ...]:
        return self.texts.span(self._first[group], self._first[group + 1])


# A word whose stem is not its beginning: its stem is among the others (see Stems).
OTHER_STEM = 255


class Stems:
    """The stems of a sorted list of words (the knowledge's vocabulary), as the knowledge cache
    stores them: for each word, how many letters its stem drops from its end (one byte; most
    stems are a word's beginning: "councils" -> "council"), or OTHER_STEM for a word whose stem
    is in `others` ("happy" -> "happi"). A word is found by bisection, not a dict of 100k
    words: only the words of the sentences a process looks at are ever asked for."""

    def __init__(self, words: Sequence[str], drops: bytes, others: dict[str, str]) -> None:
        self._words = words
        self._drops = drops
        self._others = others

    @classmethod
    def of(cls, words: Sequence[str], stem: Callable[[str], str]) -> Stems:
        """The stems of `words` (sorted) by `stem`."""
        drops = bytearray()
        others: dict[str, str] = {}
        for word in words:
            found = stem(word)
            drop = len(word) - len(found)
            if 0 <= drop < min(len(word), OTHER_STEM) and word.startswith(found):
                drops.append(drop)
            else:
                drops.append(OTHER_STEM)
                others[word] = found
        return cls(words, bytes(drops), others)

    @property
    def drops(self) -> bytes:
        return self._drops

    @property
    def others(self) -> dict[str, str]:
        return self._others

    def get(self, word: str) -> str | None:
        """The word's stem, or None when it is not one of the words."""
        words = self._words
        i = bisect.bisect_left(words, word)
        if i < len(words) and words[i] == word:
            drop = self._drops[i]
            if drop != OTHER_STEM and drop < len(word):
                return word[: len(word) - drop]
        return self._others.get(word)
