"""The shortlist: the entries the matcher scores in full, found without reading the postings of
very common words when that provably gives the same entries.

The shortlist is the SHORTLIST entries with the largest overlap: the weighted sum of the
question's terms that an entry has, added up in question order (term weight times field weight,
then the weights of the intents it has), ties going to the entry met first (term by term in
question order, entries in order). overlaps() computes it for every entry having a word; find()
is the one entry point, and takes a shortcut when the question's words have at least
PRUNE_MIN_POSTINGS postings (only very large knowledge bases: a common word's postings are ~40k
long at 100k entries):

* max-score (_pruned_shortlist): the entries having the rarer words provably outscore every
  entry that has none of them, so only those are scored, exactly;
* one common word (_shortlist_with_one_common_word): the entries having only the common word
  differ by nothing but its field weight and their intents, so the best of them are the first
  entries of the best such groups.

Both give exactly the entries (and overlaps) of the plain path (tests/test_speed_paths.py).

Measured (benchmarks/bench_shortlist.py, one warm engine, 300 generated questions asked with
and without the shortcuts, interleaved, 2026-12-01, 2 shared CPUs): at 100k entries the p99
halves (26 ms with, 51 ms without) while the median does not move (3.6 ms vs 3.2 ms, within
the noise); at 10k they seldom apply (median 1.6 vs 1.4 ms, p99 3.3 vs 3.0 ms). So they are
kept for very large knowledge bases' slowest questions only, and cost nothing elsewhere.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable

from bot.postings import Postings

# Entries scored in full after candidate selection.
SHORTLIST = 40
# The shortlist is looked for from the rarer words' postings alone when the question's words
# have at least this many postings, reading at most this share.
PRUNE_MIN_POSTINGS = 5000
PRUNE_MAX_SHARE = 0.5
# The most postings looked at one by one for the entries having only a common word.
SCAN_LIMIT = 4000
# Relative error allowed for when bounding floating-point sums of up to ~1,000 terms.
ROUNDING_SLACK = 1 + 1e-12


def find(
    postings: Postings, words: list[str], intents: list[str], weight_of: dict[str, float]
) -> tuple[list[int], dict[int, float]]:
    """The shortlist, and the overlap of (at least) the entries on it."""
    found = _pruned_shortlist(postings, words, intents, weight_of)
    if found is None:
        found = _shortlist_with_one_common_word(postings, words, intents, weight_of)
    if found is not None:
        return found
    overlap = overlaps(postings, words, intents, weight_of)
    return top(overlap, SHORTLIST), overlap


def overlaps(
    postings: Postings, words: list[str], intents: list[str], weight_of: dict[str, float]
) -> dict[int, float]:
    """The overlap of every entry having one of `words`, in the order the entries are met.

    The work is done in bulk, with dicts and sets (in C).
    """
    overlap: dict[int, float] = {}
    for term in words:
        scores = postings.scaled(term, weight_of[term])
        if not overlap:
            overlap = scores
            continue
        sums = {e: overlap[e] + scores[e] for e in scores.keys() & overlap.keys()}
        overlap |= scores  # new entries go last, in entry order
        overlap |= sums  # entries met before keep their place
    for term in intents:
        weight = weight_of[term]
        overlap |= {e: overlap[e] + weight for e in postings.having(term, overlap.keys())}
    return overlap


def _pruned_shortlist(
    postings: Postings, words: list[str], intents: list[str], weight_of: dict[str, float]
) -> tuple[list[int], dict[int, float]] | None:
    """The shortlist from the postings of the rarer words only, when their entries provably
    outscore every entry that has none of them; None when that would not save work.

    (The "max-score" method of search engines, kept exact: the same entries as overlaps().)
    """
    sizes = {term: postings.size(term) for term in words}
    total = sum(sizes.values())
    if total < PRUNE_MIN_POSTINGS:
        return None
    # Words that can add the most to an entry first: rare words (high IDF) in questions.
    ranked = sorted(words, key=lambda t: -weight_of[t] * postings.largest_weight(t))
    for count in range(1, len(ranked)):
        chosen = set(ranked[:count])
        read = sum(sizes[term] for term in chosen)
        if read > total * PRUNE_MAX_SHARE:
            return None
        partial = overlaps(postings, [t for t in words if t in chosen], [], weight_of)
        if len(partial) < SHORTLIST:
            continue
        # Every entry's overlap is at least its `partial` (the same sum without some
        # terms), so `floor` is at most the overlap of the shortlist's last entry.
        floor = heapq.nlargest(SHORTLIST, partial.values())[-1]
        # The most an entry can get from the other words and the intents: an entry without
        # any chosen word gets at most that, added up in the same order (rounding cannot
        # make a sum of smaller numbers larger), so less than `floor`.
        ceiling = 0.0
        for term in words:
            if term not in chosen:
                ceiling += weight_of[term] * postings.largest_weight(term)
        for term in intents:
            ceiling += weight_of[term]
        if floor <= ceiling:
            continue  # an entry with none of the chosen words might still make it
        # Only entries that could reach `floor` need their exact overlap. (The factor
        # covers the rounding of the sums, which add up in another order here.)
        contenders = [
            e for e, score in partial.items() if (score + ceiling) * ROUNDING_SLACK >= floor
        ]
        if read + len(contenders) * (len(words) + len(intents)) > 2 * total:
            return None  # no cheaper than reading every posting (a look-up in a posting
            # costs about half as much as reading one in bulk)
        return _exact_top(postings, contenders, words, intents, weight_of)
    return None


def _exact_top(
    postings: Postings,
    contenders: list[int],
    words: list[str],
    intents: list[str],
    weight_of: dict[str, float],
) -> tuple[list[int], dict[int, float]]:
    """The SHORTLIST contenders with the largest overlap, and their overlap."""
    overlap = _exact_overlaps(postings, contenders, words, intents, weight_of)
    shortlist = _top_by(overlap, lambda e: _met_first(postings, e, words), SHORTLIST)
    return shortlist, {e: overlap[e] for e in shortlist}


def _exact_overlaps(
    postings: Postings,
    entries: list[int],
    words: list[str],
    intents: list[str],
    weight_of: dict[str, float],
) -> dict[int, float]:
    """The overlap of each of `entries`, added up exactly as overlaps() does (looking each
    entry up in the postings instead of reading them)."""
    overlap = dict.fromkeys(entries, 0.0)
    for term in words:
        weight, having = weight_of[term], postings.weights_in(term, overlap.keys())
        overlap |= {e: overlap[e] + weight * field_weight for e, field_weight in having.items()}
    for term in intents:
        weight = weight_of[term]
        overlap |= {e: overlap[e] + weight for e in postings.having(term, overlap.keys())}
    return overlap


def _met_first(postings: Postings, entry: int, words: list[str]) -> tuple[int, int]:
    """Where overlaps() meets an entry: at the first word it has, then in entry order."""
    return next(i for i, term in enumerate(words) if postings.has(term, entry)), entry


def _shortlist_with_one_common_word(
    postings: Postings, words: list[str], intents: list[str], weight_of: dict[str, float]
) -> tuple[list[int], dict[int, float]] | None:
    """The shortlist when one word is common and the others are rare (a question with a
    rare name and a common word, or a common word alone); None otherwise.

    The entries with a rare word are scored one by one. The others have only the common
    word, so their overlap depends on nothing but its field weight and their intents:
    the best of them are the first entries (in entry order) of the best such groups.
    """
    common = max(words, key=postings.size)
    total = sum(map(postings.size, words))
    if total < PRUNE_MIN_POSTINGS or total - postings.size(common) > total * PRUNE_MAX_SHARE:
        return None
    rare = [t for t in words if t != common]
    with_rare = list(overlaps(postings, rare, [], weight_of)) if rare else []
    overlap = _exact_overlaps(postings, with_rare, words, intents, weight_of)
    best_only = _best_with_only(postings, common, intents, weight_of, set(overlap))
    if best_only is None:
        return None
    overlap |= best_only
    position = words.index(common)
    with_rare_set = set(with_rare)

    def met_first(entry: int) -> tuple[int, int]:
        if entry in with_rare_set:
            return _met_first(postings, entry, words)
        return position, entry

    shortlist = _top_by(overlap, met_first, SHORTLIST)
    return shortlist, {e: overlap[e] for e in shortlist}


def _best_with_only(
    postings: Postings, term: str, intents: list[str], weight_of: dict[str, float], others: set[int]
) -> dict[int, float] | None:
    """Among the entries having `term` and not in `others`, the SHORTLIST with the largest
    overlap from `term` and the intents alone (ties: entry order), with that overlap; None
    when finding them would mean reading too many postings."""
    weight = weight_of[term]
    # Such an entry's overlap is overlaps()'s sum for its field weight and intents.
    groups = []
    for field_weight in postings.field_weights(term):
        for has in itertools.product((True, False), repeat=len(intents)):
            score = weight * field_weight
            for intent, has_intent in zip(intents, has, strict=True):
                if has_intent:
                    score += weight_of[intent]
            groups.append((score, field_weight, has))
    groups.sort(key=lambda group: -group[0])
    best: dict[int, float] = {}
    budget = SCAN_LIMIT
    for score, same_score in itertools.groupby(groups, key=lambda group: group[0]):
        wanted = SHORTLIST - len(best)
        found: list[int] = []
        for _, field_weight, has in same_score:
            count = 0
            for entry in postings.with_field_weight(term, field_weight):  # in entry order
                budget -= 1
                if budget < 0:
                    return None
                if entry in others:
                    continue
                if has == tuple(postings.has(intent, entry) for intent in intents):
                    found.append(entry)
                    count += 1
                    if count == wanted:
                        break  # the rest of this group comes later in entry order
        found.sort()
        best |= dict.fromkeys(found[:wanted], score)
        if len(best) >= SHORTLIST:
            break
    return best


def _top_by(
    scores: dict[int, float], order: Callable[[int], tuple[int, int]], count: int
) -> list[int]:
    """The `count` keys with the highest scores; of equal scores, those first in `order`."""
    if len(scores) <= count:
        return list(scores)
    threshold = heapq.nlargest(count, scores.values())[-1]
    above = [key for key, score in scores.items() if score > threshold]
    ties = sorted((key for key, score in scores.items() if score == threshold), key=order)
    return above + ties[: count - len(above)]


def top(scores: dict[int, float], count: int) -> list[int]:
    """The `count` keys with the highest scores; of equal scores, the first ones: the same keys
    as a stable sort by score, without sorting them all."""
    if len(scores) <= count:
        return list(scores)
    threshold = heapq.nlargest(count, scores.values())[-1]
    above = [key for key, score in scores.items() if score > threshold]
    ties = [key for key, score in scores.items() if score == threshold]
    return above + ties[: count - len(above)]
