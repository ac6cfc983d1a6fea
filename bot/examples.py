"""Example questions to show people: from every article in turn, and within an article from
different topics first, so that /start and the fallbacks show the range of what can be asked."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from bot.knowledge import Knowledge
from bot.model import Entry


def pick_examples(knowledge: Knowledge, count: int) -> list[Entry]:
    """Up to `count` entries: one from each article in turn (round robin over articles); a
    question worded like one already picked ("What is this article about?") is skipped."""
    # One pass over the entries for all articles: scanning them once per article cost 4.5 s
    # at 100k entries in 500 articles.
    by_article: dict[str, list[Entry]] = {article_id: [] for article_id in knowledge.articles}
    for entry in knowledge.entries.values():
        by_article[entry.article_id].append(entry)
    queues = [_article_order(entries) for entries in by_article.values()]
    picked: list[Entry] = []
    wordings: set[str] = set()
    for entry in _round_robin(queues):
        if len(picked) >= count:
            break
        wording = " ".join(entry.question.lower().split())
        if wording not in wordings:
            wordings.add(wording)
            picked.append(entry)
    return picked


def _article_order(entries: list[Entry]) -> Iterator[Entry]:
    """An article's entries: the first of each topic, then the rest, in file order."""
    firsts: dict[str, Entry] = {}
    for entry in entries:
        firsts.setdefault(entry.topic or "Other", entry)
    chosen = set(id(e) for e in firsts.values())
    return itertools.chain(firsts.values(), (e for e in entries if id(e) not in chosen))


def _round_robin(queues: list[Iterator[Entry]]) -> Iterator[Entry]:
    while queues:
        for queue in list(queues):
            entry = next(queue, None)
            if entry is None:
                queues.remove(queue)
            else:
                yield entry
