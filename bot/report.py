"""What the question log tells an author: unanswered questions, picked wordings, disliked answers.

Reads a connection of bot.schema; near-duplicate wordings are clustered as for /stats
(bot.stats), so that "who owns G4S?" and "Who owns g4s" count as one question asked twice.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

import yaml
from rapidfuzz.utils import default_process

from bot.keywords import meaningful
from bot.knowledge import Knowledge
from bot.schema import iso
from bot.stats import (
    OUTCOMES,
    UNANSWERED,
    Cluster,
    cluster_wordings,
    outcome_counts,
    unanswered_texts,
    votes,
)

# -- the author's report -------------------------------------------------------------------------


@dataclass(frozen=True)
class PickedEntry:
    """A suggestion people picked, and the wordings (not yet variants) that led to it."""

    entry_id: str
    picks: int
    wordings: tuple[Cluster, ...]


@dataclass(frozen=True)
class DislikedEntry:
    """An entry whose answers got 👎, with the questions that got them (when kept)."""

    entry_id: str
    down: int
    up: int
    wordings: tuple[Cluster, ...]


@dataclass(frozen=True)
class Report:
    """Everything `qa-bot report` prints."""

    since: datetime
    totals: Mapping[str, int]
    picked_total: int
    votes_up: int
    votes_down: int
    unanswered: tuple[Cluster, ...]
    unanswered_without_text: int
    picked: tuple[PickedEntry, ...]
    disliked: tuple[DislikedEntry, ...]


def build_report(
    conn: sqlite3.Connection,
    now: datetime,
    since_days: int,
    known: Mapping[str, Collection[str]] | None = None,
    top: int = 20,
) -> Report:
    """Read the log since `since_days` ago; `known` (entry id -> wordings) are not proposed."""
    since = now - timedelta(days=since_days)
    known_keys = {
        entry_id: {default_process(w) for w in wordings}
        for entry_id, wordings in (known or {}).items()
    }
    every_known = set().union(*known_keys.values()) if known_keys else set()
    unanswered = [
        c
        for c in cluster_wordings(unanswered_texts(conn, since))
        if default_process(c.wording) not in every_known
    ]
    up, down = votes(conn, since)
    return Report(
        since=since,
        totals=outcome_counts(conn, since),
        picked_total=_scalar(
            conn,
            "SELECT COUNT(*) FROM questions WHERE asked_at >= ? AND picked_entry_id IS NOT NULL",
            since,
        ),
        votes_up=up,
        votes_down=down,
        unanswered=tuple(unanswered[:top]),
        unanswered_without_text=_scalar(
            conn,
            f"SELECT COUNT(*) FROM questions WHERE asked_at >= ? AND {UNANSWERED} "
            "AND question IS NULL",
            since,
        ),
        picked=tuple(_picked(conn, since, known_keys)[:top]),
        disliked=tuple(_disliked(conn, since)[:top]),
    )


def _scalar(conn: sqlite3.Connection, sql: str, since: datetime) -> int:
    return int(conn.execute(sql, (iso(since),)).fetchone()[0])


def _picked(
    conn: sqlite3.Connection, since: datetime, known: Mapping[str, set[str]]
) -> list[PickedEntry]:
    texts: dict[str, list[tuple[str, int]]] = {}
    picks: dict[str, int] = {}
    for entry_id, text, count in conn.execute(
        "SELECT picked_entry_id, question, COUNT(*) FROM questions WHERE asked_at >= ? "
        "AND picked_entry_id IS NOT NULL GROUP BY picked_entry_id, question",
        (iso(since),),
    ):
        picks[entry_id] = picks.get(entry_id, 0) + count
        # Wordings the entry already has are no news to the author.
        if text is not None and default_process(text) not in known.get(entry_id, ()):
            texts.setdefault(entry_id, []).append((text, count))
    found = [
        PickedEntry(entry_id, picks[entry_id], tuple(cluster_wordings(wordings)))
        for entry_id, wordings in texts.items()
    ]
    return sorted(found, key=lambda p: (-p.picks, p.entry_id))


def _disliked(conn: sqlite3.Connection, since: datetime) -> list[DislikedEntry]:
    # The answer a vote is about: the picked suggestion's, else the record's own entry.
    rows = conn.execute(
        "SELECT COALESCE(q.picked_entry_id, q.entry_id), f.vote, q.question "
        "FROM feedback f JOIN questions q ON q.id = f.record_id "
        "WHERE q.asked_at >= ? AND COALESCE(q.picked_entry_id, q.entry_id) IS NOT NULL",
        (iso(since),),
    ).fetchall()
    votes: dict[str, list[int]] = {}
    texts: dict[str, list[tuple[str, int]]] = {}
    for entry_id, vote, text in rows:
        up_down = votes.setdefault(entry_id, [0, 0])
        up_down[0 if vote > 0 else 1] += 1
        if vote < 0 and text is not None:
            texts.setdefault(entry_id, []).append((text, 1))
    found = [
        DislikedEntry(entry_id, down, up, tuple(cluster_wordings(texts.get(entry_id, []))))
        for entry_id, (up, down) in votes.items()
        if down
    ]
    return sorted(found, key=lambda d: (-d.down, d.up, d.entry_id))


# -- rendering -----------------------------------------------------------------------------------


def render_text(report: Report, since_days: int) -> str:
    """The report for a terminal."""
    total = sum(report.totals.values())
    lines = [f"Questions in the last {since_days} days (since {iso(report.since)}): {total}"]
    for outcome in OUTCOMES:
        count = report.totals.get(outcome, 0)
        share = f"{count / total:.0%}" if total else "-"
        extra = f", {report.picked_total} picked a suggestion" if outcome == "suggested" else ""
        lines.append(f"  {outcome:<10} {count:>6}  {share:>4}{extra}")
    lines.append(f"Feedback on answers: {report.votes_up} up, {report.votes_down} down")
    lines += ["", "Most frequent unanswered questions (near-duplicates grouped):"]
    lines += [_cluster_line(c) for c in report.unanswered] or ["  none"]
    if report.unanswered_without_text:
        lines.append(
            f"  (and {report.unanswered_without_text} whose text was deleted after the "
            "retention period)"
        )
    lines += ["", "Suggestions people picked, and the wordings that led there (new variants?):"]
    for picked in report.picked:
        lines.append(f"  {picked.entry_id} ({picked.picks} picks)")
        lines += ["  " + _cluster_line(c) for c in picked.wordings]
    if not report.picked:
        lines.append("  none")
    lines += ["", "Entries with the most down-votes:"]
    for disliked in report.disliked:
        lines.append(f"  {disliked.entry_id}: {disliked.down} down, {disliked.up} up")
        lines += ["  " + _cluster_line(c) for c in disliked.wordings]
    if not report.disliked:
        lines.append("  none")
    lines += ["", "Run with --yaml to get the proposals as knowledge YAML."]
    return "\n".join(lines)


def _cluster_line(cluster: Cluster) -> str:
    also = f"  (also: {'; '.join(cluster.variants[:3])})" if cluster.variants else ""
    return f"  {cluster.count:>4}x {cluster.wording}{also}"


MAX_ID_LENGTH = 40


def new_entry_id(wording: str, taken: set[str]) -> str:
    """A valid, unused `new-...` id made of the question's first whole words."""
    # Accents are dropped rather than the letters: "coûte" becomes "coute", not "co-te".
    ascii_text = unicodedata.normalize("NFKD", wording).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split()
    base = "new"
    for word in words[:5]:
        if len(base) + 1 + len(word) > MAX_ID_LENGTH:
            break  # whole words only: never a word cut in the middle
        base = f"{base}-{word}"
    if base == "new":
        base = f"new-{words[0][: MAX_ID_LENGTH - 4]}" if words else "new-question"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


# -- which questions are about the knowledge ------------------------------------------------------


@dataclass(frozen=True)
class KnownEntry:
    """An entry's id, topic and meaningful words: to judge and place a new question."""

    id: str
    topic: str
    words: frozenset[str]


@dataclass(frozen=True)
class KnownWords:
    """What the knowledge talks about: per entry, and every word of it (synonyms included)."""

    entries: tuple[KnownEntry, ...]
    vocabulary: frozenset[str]

    @classmethod
    def of(cls, knowledge: Knowledge) -> KnownWords:
        entries = tuple(
            KnownEntry(
                entry.id,
                entry.topic,
                frozenset(
                    meaningful(
                        " ".join([*entry.questions, entry.answer, entry.quote, *entry.keywords])
                    )
                ),
            )
            for entry in knowledge.entries.values()
        )
        vocabulary = set().union(*(e.words for e in entries)) if entries else set()
        vocabulary |= meaningful(" ".join(a.title for a in knowledge.articles.values()))
        # A synonym group names words for the same things the knowledge is about.
        vocabulary |= meaningful(" ".join(w for group in knowledge.synonyms for w in group))
        return cls(entries, frozenset(vocabulary))

    def relevant(self, question: str) -> bool:
        """Whether the question shares a meaningful word with the knowledge."""
        return bool(meaningful(question) & self.vocabulary)

    def nearest(self, question: str) -> KnownEntry | None:
        """The entry sharing most meaningful words with the question (None if none does)."""
        words = meaningful(question)
        best, best_score = None, 0.0
        for entry in self.entries:
            shared = len(words & entry.words)
            score = shared / len(words | entry.words) if shared else 0.0
            if score > best_score:
                best, best_score = entry, score
        return best


# -- proposals as knowledge YAML -----------------------------------------------------------------


class _Quoted(str):
    """A text the YAML snippet shows in double quotes, as the knowledge files do."""

    __slots__ = ()


class _Dumper(yaml.SafeDumper):
    """Safe YAML, with list items indented under their key like the knowledge files."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_quoted(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


_Dumper.add_representer(_Quoted, _represent_quoted)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _dump(item: dict[str, object]) -> str:
    return yaml.dump([item], Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)


def render_yaml(
    report: Report, known_ids: Collection[str] = (), known: KnownWords | None = None
) -> str:
    """The proposals as one YAML list in the knowledge format, commented, ready to edit.

    With `known`, a question sharing no meaningful word with the knowledge is listed as a
    comment, not proposed ("What is the capital of France?" is not a gap in this article),
    and each new entry gets the topic of the entry nearest to it.
    """
    chunks = [
        f"# Proposals from the questions asked since {iso(report.since)} (qa-bot report --yaml).",
        "# Review them, then paste them into the `entries:` list of a knowledge file.",
    ]
    if report.picked:
        chunks.append("\n# New wordings for existing entries: add them to that entry's questions.")
    for picked in report.picked:
        times = f"{picked.picks} time{'s' if picked.picks != 1 else ''}"
        chunks.append(f"# picked {times} from the suggestions after these wordings")
        wordings = [_Quoted(_one_line(c.wording)) for c in picked.wordings]
        chunks.append(_dump({"id": picked.entry_id, "questions": wordings}).rstrip())
    on_topic = [c for c in report.unanswered if known is None or known.relevant(c.wording)]
    off_topic = [c for c in report.unanswered if c not in on_topic]
    if on_topic:
        chunks.append("\n# New entries for questions nobody could answer: write answer and quote.")
    taken = set(known_ids)
    for cluster in on_topic:
        times = f"asked {cluster.count} time{'s' if cluster.count != 1 else ''}"
        nearest = known.nearest(cluster.wording) if known else None
        item: dict[str, object] = {"id": new_entry_id(cluster.wording, taken)}
        if nearest is not None and nearest.topic:
            item["topic"] = _Quoted(nearest.topic)
            times += f"; topic guessed from the nearest entry, `{nearest.id}`"
        chunks.append(f"# {times}")
        item |= {
            "questions": [_Quoted(_one_line(cluster.wording))],
            "answer": _Quoted("TODO"),
            "quote": _Quoted("TODO: copy the sentence from the article"),
        }
        chunks.append(_dump(item).rstrip())
    if off_topic:
        chunks.append(
            "\n# Not proposed: these share no meaningful word with the knowledge (off-topic?):"
        )
        chunks += [f"#   {c.count}x {_one_line(c.wording)}" for c in off_topic]
    if report.disliked:
        chunks.append("\n# Answers people disliked (check the answer, or the entry they matched):")
    for disliked in report.disliked:
        chunks.append(f"#   {disliked.entry_id}: {disliked.down} down, {disliked.up} up")
        chunks += [f"#     {_one_line(c.wording)}" for c in disliked.wordings]
    if not (report.picked or on_topic):
        chunks.append("# Nothing to propose yet.")
    return "\n".join(chunks) + "\n"
