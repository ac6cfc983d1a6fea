"""The postings (term -> the entries having it, with its field weight in each), read in place
from the compact index's runs (bot.compact): matching reads 1.1-1.4 million of them for 300
questions at 100k entries, too many to make into dicts and keep."""

from __future__ import annotations

import bisect
import collections
import itertools
import operator
from array import array
from collections.abc import Iterator, KeysView, Mapping

from bot.compact import Kept, Runs, Terms

# A run is searched entry by entry (bisection, ~0.45 µs an entry) rather than read through when
# it is longer than this many times the entries asked about: measured, reading it costs ~0.04 µs
# a posting to say which entries have the term, ~0.09 µs to say their field weights too.
HAVING_BISECT_RATIO = 10
WEIGHTS_BISECT_RATIO = 5
# A run of at least 1/CODE_MAP_SHARE of the entries (a question word like "when", a common word)
# is asked about entry by entry in question after question: it gets a code map, a byte per
# entry (its field-weight code + 1, 0 for none), read at ~0.04 µs an entry. Kept up to this many
# bytes (100 KB a map at 100k entries).
CODE_MAP_SHARE = 64
KEEP_CODE_MAPS = 16_000_000
# bytes.translate table: a code + 1.
_PLUS_ONE = bytes(range(1, 256)) + b"\0"
# Postings._largest: a term's largest field weight not looked for yet, or it has no postings.
NOT_FOUND = -1
EMPTY = -2


class Postings(Mapping[str, dict[int, float]]):
    """term -> {entry: the term's field weight in it}, entries in order; the first `count`
    terms of the table have postings (possibly empty).

    Matching reads each run in place (bot.shortlist): the entries having a term, scaled by a
    weight, as one dict (scaled); which of some entries have it (having, has, weights_in), by
    bisection in the run when they are few, else by one pass over it, or from a long run's code
    map. Kept: a byte or two per term, and the code maps (1/70 of a dict's ~70 bytes a posting
    for a run of 1/64 of the entries, less for longer ones). Keeping the dicts within a budget
    made ~540 of them again every pass of 300 questions at 100k entries, which read 1.1-1.4
    million postings. Indexing (`postings[term]`) makes the whole dict, for reading, and keeps
    none."""

    def __init__(
        self, terms: Terms, count: int, runs: Runs, weights: tuple[float, ...], entries: int
    ) -> None:
        self.terms = terms
        self.count = count
        self.runs = runs
        self.weights = weights
        self.entries = entries
        # Per term: whether its run was checked (see _span); its largest field weight's code,
        # once found (NOT_FOUND: not yet; EMPTY: no postings).
        self._run_checked = bytearray(count)
        self._largest = array("h", [NOT_FOUND]) * count
        self._code_maps: Kept[bytearray] = Kept(KEEP_CODE_MAPS)

    def _index(self, term: str) -> int:
        i = self.terms.number.get(term)
        if i is None or i >= self.count:
            raise KeyError(term)
        return i

    def _span(self, term: str) -> tuple[int, int]:
        """Where the term's run is in `runs.values`, checked the first time it is asked for:
        bisection needs the entries strictly increasing, and the cache's checksum cannot tell
        a self-consistent but wrong file (a number out of range raises rather than answers)."""
        i = self._index(term)
        offsets = self.runs.offsets
        start, stop = offsets[i], offsets[i + 1]
        if not self._run_checked[i]:
            _check_increasing(self.runs.values[start:stop], self.entries)
            # Two threads may both check it: the same result.
            self._run_checked[i] = 1
        return start, stop

    def __getitem__(self, term: str) -> dict[int, float]:
        start, stop = self._span(term)
        runs = self.runs
        assert runs.codes is not None
        return dict(
            zip(
                runs.values[start:stop],
                map(self.weights.__getitem__, runs.codes[start:stop]),
                strict=True,
            )
        )

    def __contains__(self, term: object) -> bool:
        if not isinstance(term, str):
            return False
        i = self.terms.number.get(term)
        return i is not None and i < self.count

    def size(self, term: str) -> int:
        """How many entries have `term`."""
        return self.runs.size(self._index(term))

    def scaled(self, term: str, weight: float) -> dict[int, float]:
        """entry -> `weight` times the term's field weight in it, for every entry having it, in
        entry order (one dict made straight from the run)."""
        start, stop = self._span(term)
        runs = self.runs
        assert runs.codes is not None
        by_code = [weight * field_weight for field_weight in self.weights]
        return dict(
            zip(
                runs.values[start:stop],
                map(by_code.__getitem__, runs.codes[start:stop]),
                strict=True,
            )
        )

    def has(self, term: str, entry: int) -> bool:
        start, stop = self._span(term)
        values = self.runs.values
        at = bisect.bisect_left(values, entry, start, stop)
        return at < stop and values[at] == entry

    def having(self, term: str, entries: KeysView[int]) -> set[int]:
        """Those of `entries` having `term`."""
        start, stop = self._span(term)
        code_map = self._code_map(term, start, stop)
        if code_map is not None:
            return {entry for entry in entries if code_map[entry]}
        values = self.runs.values
        if len(entries) * HAVING_BISECT_RATIO < stop - start:
            found = set()
            for entry in entries:
                at = bisect.bisect_left(values, entry, start, stop)
                if at < stop and values[at] == entry:
                    found.add(entry)
            return found
        return entries & values[start:stop]  # one pass over the run (in C)

    def weights_in(self, term: str, entries: KeysView[int]) -> dict[int, float]:
        """entry -> the term's field weight in it, for those of `entries` having it."""
        start, stop = self._span(term)
        weights = self.weights
        found: dict[int, float] = {}
        code_map = self._code_map(term, start, stop)
        if code_map is not None:
            by_code = (0.0, *weights)  # the map's codes are one more
            for entry in entries:
                code = code_map[entry]
                if code:
                    found[entry] = by_code[code]
            return found
        runs = self.runs
        assert runs.codes is not None
        values, codes = runs.values, runs.codes
        if len(entries) * WEIGHTS_BISECT_RATIO < stop - start:
            for entry in entries:
                at = bisect.bisect_left(values, entry, start, stop)
                if at < stop and values[at] == entry:
                    found[entry] = weights[codes[at]]
            return found
        # One pass over the run (in C), keeping the postings of `entries`.
        run = values[start:stop]
        for entry, code in itertools.compress(
            zip(run, codes[start:stop], strict=True), map(entries.__contains__, run)
        ):
            found[entry] = weights[code]
        return found

    def _code_map(self, term: str, start: int, stop: int) -> bytearray | None:
        """The term's code map when its run is long enough to have one (see CODE_MAP_SHARE),
        made by one pass over the run (in C) when first asked for."""
        if (stop - start) * CODE_MAP_SHARE < self.entries or len(self.weights) >= 256:
            return None
        found = self._code_maps.get(term)
        if found is None:
            runs = self.runs
            assert runs.codes is not None
            found = bytearray(self.entries)
            plus_one = runs.codes[start:stop].tobytes().translate(_PLUS_ONE)
            collections.deque(map(found.__setitem__, runs.values[start:stop], plus_one), maxlen=0)
            # Two threads may both make it: the same value, so either may win.
            self._code_maps.keep(term, found, self.entries)
        return found

    def field_weights(self, term: str) -> set[float]:
        """The term's field weights, each in at least one entry."""
        return {self.weights[code] for code in self._codes(term)}

    def largest_weight(self, term: str) -> float:
        """The term's largest field weight in any entry: the most it can add to an entry."""
        i = self._index(term)
        code = self._largest[i]
        if code == NOT_FOUND:
            code = max(self._codes(term), key=self.weights.__getitem__, default=EMPTY)
            self._largest[i] = code
        return 0.0 if code == EMPTY else self.weights[code]

    def _codes(self, term: str) -> list[int]:
        """The codes the term's run has, each found by a byte search (in C): a set of a common
        word's ~40k codes at 100k entries took ~0.3 ms."""
        i = self._index(term)
        codes = self.runs.codes_of(i).tobytes()
        return [code for code in range(len(self.weights)) if bytes((code,)) in codes]

    def with_field_weight(self, term: str, field_weight: float) -> Iterator[int]:
        """The entries having `term` with this field weight, in entry order, found one at a time
        (the caller stops early) by a byte search in the run's codes."""
        start, stop = self._span(term)
        runs = self.runs
        assert runs.codes is not None
        matches = bytes(
            1 if code < len(self.weights) and self.weights[code] == field_weight else 0
            for code in range(256)
        )
        marked = runs.codes[start:stop].tobytes().translate(matches)
        values = runs.values
        at = marked.find(1)
        while at >= 0:
            yield values[start + at]
            at = marked.find(1, at + 1)

    def __iter__(self) -> Iterator[str]:
        return itertools.islice(self.terms.names, self.count)

    def __len__(self) -> int:
        return self.count


def _check_increasing(run: array[int], limit: int) -> None:
    if run and (run[-1] >= limit or not all(map(operator.lt, run, itertools.islice(run, 1, None)))):
        raise ValueError("a posting out of order or out of range in the knowledge cache")


class MaxFieldWeight(Mapping[str, float]):
    """term -> its largest field weight in any entry (read from the codes, not the dicts)."""

    def __init__(self, postings: Postings) -> None:
        self._postings = postings

    def __getitem__(self, term: str) -> float:
        return self._postings.largest_weight(term)

    def __iter__(self) -> Iterator[str]:
        return iter(self._postings)

    def __len__(self) -> int:
        return len(self._postings)
