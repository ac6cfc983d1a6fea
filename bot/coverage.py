"""Where an author should write next: sentences no entry quotes, entries with few wordings."""

from __future__ import annotations

import bisect
import textwrap
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from bot.headline import split_headline
from bot.knowledge import Knowledge, article_sentences, normalise_for_quote
from bot.model import Article, Entry

MIN_OVERLAP = 0.5  # a quote straddling sentences covers those it spans at least half of
# Fewer wordings than this and people's own phrasings often miss the entry.
THIN_WORDINGS = 4


class ArticleCoverage(NamedTuple):
    """One article's sentences, those no entry quotes, and how many entries cite it."""

    article: Article
    sentences: tuple[str, ...]
    uncovered: tuple[str, ...]
    entries: int
    headline: str | None = None
    wordings: tuple[tuple[str, int], ...] = ()  # (entry id, number of question wordings)

    @property
    def thin(self) -> tuple[tuple[str, int], ...]:
        """The entries with fewer than THIN_WORDINGS wordings."""
        return tuple((entry_id, n) for entry_id, n in self.wordings if n < THIN_WORDINGS)


def _spans(text: str, parts: list[str]) -> list[tuple[int, int]]:
    """Where each part (in order) sits in the text; sentences follow each other."""
    spans, start = [], 0
    for part in parts:
        found = text.find(part, start)
        if found < 0:
            found = text.find(part)  # not expected: article_sentences keeps the order
        spans.append((found, found + len(part)))
        start = max(start, found + len(part))
    return spans


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    spans, found = [], text.find(quote)
    while quote and found >= 0:
        spans.append((found, found + len(quote)))
        found = text.find(quote, found + 1)
    return spans


def _covered(sentence: tuple[int, int], quote: tuple[int, int]) -> bool:
    (s_start, s_end), (q_start, q_end) = sentence, quote
    if s_start <= q_start and q_end <= s_end:
        return True  # the quote is part of the sentence
    overlap = min(s_end, q_end) - max(s_start, q_start)
    return overlap >= MIN_OVERLAP * (s_end - s_start)  # includes: the sentence is in the quote


def article_coverage(knowledge: Knowledge) -> list[ArticleCoverage]:
    """Coverage of every article, in the order the knowledge declares them."""
    by_article: dict[str, list[Entry]] = defaultdict(list)
    for entry in knowledge.entries.values():
        by_article[entry.article_id].append(entry)
    return [coverage_of(article, by_article[article.id]) for article in knowledge.articles.values()]


def coverage_of(article: Article, entries: Sequence[Entry]) -> ArticleCoverage:
    """One article's coverage by its entries."""
    headline, sentences, uncovered = uncovered_sentences(article, [e.quote for e in entries])
    wordings = tuple((e.id, len(e.questions)) for e in entries)
    return ArticleCoverage(article, sentences, uncovered, len(entries), headline, wordings)


def uncovered_sentences(
    article: Article, quotes: Iterable[str]
) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """An article's headline, its sentences and those none of `quotes` covers: what coverage
    needs of its entries is their quotes (bot.passages reads them from the knowledge cache's
    columns without making the entries)."""
    text = normalise_for_quote(article.text)
    headline, _body = split_headline(article.text)
    sentences = article_sentences(article.text)
    if headline is not None and sentences and sentences[0] == headline:
        sentences = sentences[1:]  # it names the article; no answer quotes it
    spans = _spans(text, sentences)
    covered = [False] * len(sentences)
    # Sentences follow each other: the ones a quote can cover are found by bisection, so an
    # article of hundreds of sentences and quotes is not compared pair by pair.
    ends = [end for _, end in spans]
    for quote_text in quotes:
        for quote in _occurrences(text, normalise_for_quote(quote_text)):
            i = bisect.bisect_right(ends, quote[0])
            while i < len(spans) and spans[i][0] < quote[1]:
                covered[i] = covered[i] or _covered(spans[i], quote)
                i += 1
    uncovered = tuple(s for s, done in zip(sentences, covered, strict=True) if not done)
    return headline, tuple(sentences), uncovered


def render_coverage(results: list[ArticleCoverage]) -> str:
    """The coverage for a terminal: per article, then the verdict."""
    lines = []
    for result in results:
        total, missing = len(result.sentences), len(result.uncovered)
        lines.append(
            f"{result.article.id}: {result.entries} entr{'y' if result.entries == 1 else 'ies'} "
            f"cite it; {total - missing} of {total} sentences covered."
        )
        if result.headline:
            lines.append(f"  Headline (not counted): {result.headline}")
        if missing:
            lines.append("  Not quoted by any entry:")
            # As written: the sentence may itself start with a quotation mark.
            lines += [f"  - {sentence}" for sentence in result.uncovered]
        if result.thin:
            lines.append(
                f"  Entries with fewer than {THIN_WORDINGS} question wordings (add the ways "
                "people would ask; `qa-bot check --propose` suggests some):"
            )
            lines += [
                f"  - {entry_id}: {n} wording{'s' if n != 1 else ''}" for entry_id, n in result.thin
            ]
        if result.wordings:
            counts = ", ".join(f"{entry_id} {n}" for entry_id, n in result.wordings)
            lines += textwrap.wrap(
                f"Question wordings per entry: {counts}",
                width=100,
                initial_indent="  ",
                subsequent_indent="    ",
                break_on_hyphens=False,
            )
    total = sum(len(r.sentences) for r in results)
    missing = sum(len(r.uncovered) for r in results)
    if missing:
        lines.append(
            f"{total - missing} of {total} sentences are covered; {missing} "
            f"{'is' if missing == 1 else 'are'} not: "
            "write entries whose quote is one of them."
        )
    else:
        lines.append(f"All {total} sentences are covered.")
    thin = sum(len(r.thin) for r in results)
    if thin:
        lines.append(
            f"{thin} entr{'y has' if thin == 1 else 'ies have'} fewer than {THIN_WORDINGS} "
            "question wordings."
        )
    return "\n".join(lines)
