"""The numbers behind /stats, read from the question log (bot.schema): outcome counts, votes
and the most asked unanswered questions, near-duplicate wordings clustered with rapidfuzz so
that "who owns G4S?" and "Who owns g4s" count as one question asked twice.

bot.store runs these queries on its writer thread; bot.report builds the authors' report on
the same clusters and counts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from bot.model import Outcome
from bot.schema import iso

CLUSTER_CUTOFF = 85.0  # token_sort_ratio at or above which two wordings are one question
OUTCOMES = tuple(o.value for o in Outcome)
# Unanswered: nothing matched, or suggestions were offered and none was picked.
UNANSWERED = (
    f"(outcome = '{Outcome.NO_MATCH.value}' "
    f"OR (outcome = '{Outcome.UNSURE.value}' AND picked_entry_id IS NULL))"
)


@dataclass(frozen=True)
class Cluster:
    """Near-duplicate wordings of one question: the most frequent one, and how often in all."""

    wording: str
    count: int
    variants: tuple[str, ...] = ()  # the other wordings, most frequent first


def cluster_wordings(
    counted: Iterable[tuple[str, int]], cutoff: float = CLUSTER_CUTOFF
) -> list[Cluster]:
    """Group near-duplicate wordings (token_sort_ratio on normalised text), biggest first."""
    by_key: dict[str, dict[str, int]] = {}
    for text, count in counted:
        # Wordings of only punctuation or emoji normalise to "": they group by their own text.
        key = default_process(text) or text
        same = by_key.setdefault(key, {})
        same[text] = same.get(text, 0) + count
    keys = sorted(by_key, key=lambda k: (-sum(by_key[k].values()), k))
    heads: list[str] = []
    members: dict[str, list[str]] = {}
    for key in keys:
        found = process.extractOne(
            key, heads, scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=cutoff
        )
        if found is None:
            heads.append(key)
            members[key] = [key]
        else:
            members[found[0]].append(key)
    clusters = []
    for head in heads:
        counts: dict[str, int] = {}
        for key in members[head]:
            for text, count in by_key[key].items():
                counts[text] = counts.get(text, 0) + count
        ordered = sorted(counts, key=lambda t: (-counts[t], t))
        clusters.append(Cluster(ordered[0], sum(counts.values()), tuple(ordered[1:])))
    clusters.sort(key=lambda c: (-c.count, c.wording))
    return clusters


@dataclass(frozen=True)
class Stats:
    """Outcome counts today (UTC) and in the last 7 days, and what went unanswered."""

    today: Mapping[str, int]
    last_7_days: Mapping[str, int]
    top_unanswered: tuple[Cluster, ...]
    votes_up_7_days: int
    votes_down_7_days: int


def outcome_counts(conn: sqlite3.Connection, since: datetime) -> dict[str, int]:
    """Questions per outcome since a moment; every outcome present, zeros included."""
    counts = dict.fromkeys(OUTCOMES, 0)
    for outcome, count in conn.execute(
        "SELECT outcome, COUNT(*) FROM questions WHERE asked_at >= ? GROUP BY outcome",
        (iso(since),),
    ):
        counts[outcome] = count
    return counts


def read_stats(conn: sqlite3.Connection, now: datetime, top: int = 5) -> Stats:
    """The numbers behind /stats; "today" is the UTC day of `now`."""
    now = now.astimezone(UTC) if now.tzinfo else now.replace(tzinfo=UTC)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    week = now - timedelta(days=7)
    up, down = votes(conn, week)
    return Stats(
        today=outcome_counts(conn, midnight),
        last_7_days=outcome_counts(conn, week),
        top_unanswered=tuple(cluster_wordings(unanswered_texts(conn, week))[:top]),
        votes_up_7_days=up,
        votes_down_7_days=down,
    )


def unanswered_texts(conn: sqlite3.Connection, since: datetime) -> list[tuple[str, int]]:
    return conn.execute(
        f"SELECT question, COUNT(*) FROM questions WHERE asked_at >= ? AND {UNANSWERED} "
        "AND question IS NOT NULL GROUP BY question",
        (iso(since),),
    ).fetchall()


def votes(conn: sqlite3.Connection, since: datetime) -> tuple[int, int]:
    up, down = conn.execute(
        "SELECT COALESCE(SUM(vote > 0), 0), COALESCE(SUM(vote < 0), 0) FROM feedback "
        "WHERE voted_at >= ?",
        (iso(since),),
    ).fetchone()
    return int(up), int(down)
