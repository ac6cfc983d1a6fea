"""Example questions to show people: from every article in turn, and within an article from
different topics first, so that /start and the fallbacks show the range of what can be asked."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from bot.compact import Entries
from bot.knowledge import Knowledge
from bot.model import Entry


def pick_examples(knowledge: Knowledge, count: int) -> list[Entry]:
    """Up to `count` entries: one from each article in turn (round robin over articles); a
    question worded like one already picked ("What is this article about?") is skipped."""
    # One pass over the entries for all articles: scanning them once per article cost 4.5 s
    # at 100k entries in 500 articles. Only the entries looked at are made (bot.compact).
    by_article: dict[str, list[tuple[str, str]]] = {
        article_id: [] for article_id in knowledge.articles
    }
    for entry_id, article_id, topic in _outline(knowledge):
        by_article[article_id].append((entry_id, topic))
    queues = [_article_order(entries) for entries in by_article.values()]
    picked: list[Entry] = []
    wordings: set[str] = set()
    for entry_id in _round_robin(queues):
        if len(picked) >= count:
            break
        entry = knowledge.entries[entry_id]
        wording = " ".join(entry.question.lower().split())
        if wording not in wordings:
            wordings.add(wording)
            picked.append(entry)
    return picked


def _outline(knowledge: Knowledge) -> Iterator[tuple[str, str, str]]:
    """Each entry's id, article and topic, in file order (from the knowledge cache's columns
    when it has them, without making the entries)."""
    entries = knowledge.entries
    if isinstance(entries, Entries):
        return zip(entries.ids, entries.articles, entries.topics, strict=True)
    return ((e.id, e.article_id, e.topic) for e in entries.values())


def _article_order(entries: list[tuple[str, str]]) -> Iterator[str]:
    """An article's entries (id and topic): the first of each topic, then the rest, in file
    order."""
    firsts: dict[str, str] = {}
    for entry_id, topic in entries:
        firsts.setdefault(topic or "Other", entry_id)
    chosen = set(firsts.values())
    return itertools.chain(firsts.values(), (i for i, _ in entries if i not in chosen))


def _round_robin(queues: list[Iterator[str]]) -> Iterator[str]:
    while queues:
        for queue in list(queues):
            entry = next(queue, None)
            if entry is None:
                queues.remove(queue)
            else:
                yield entry
