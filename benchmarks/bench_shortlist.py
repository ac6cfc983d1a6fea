"""What bot.shortlist's shortcuts (max-score, one common word) are worth: per-question time of
one engine with them and without them (PRUNE_MIN_POSTINGS set out of reach), the same
generated questions interleaved question by question, answers compared.

    .venv/bin/python benchmarks/bench_shortlist.py --sizes 10k,100k
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

from bot import cache, shortlist


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(size: int, args: argparse.Namespace) -> str:
    paths = generate.ensure_kb(size, args.seed)
    questions = [q["q"] for q in generate.load_questions(paths)][: args.questions]
    engine = cache.load_engine(paths.knowledge)
    on = shortlist.PRUNE_MIN_POSTINGS
    # Warm-up: typo caches, the entries the questions read made and the code maps of long
    # postings (bot.compact, bot.postings), so that neither variant pays for making them and the
    # order does not count.
    for question in questions:
        engine.ask(question)
    times: dict[str, list[float]] = {"with": [], "without": []}
    differ = 0
    for question in questions[20:]:
        results = {}
        for name, threshold in (("with", on), ("without", sys.maxsize)):
            shortlist.PRUNE_MIN_POSTINGS = threshold
            start = time.perf_counter()
            results[name] = engine.ask(question)
            times[name].append((time.perf_counter() - start) * 1000)
        differ += results["with"] != results["without"]
    shortlist.PRUNE_MIN_POSTINGS = on
    cells = []
    for name in ("with", "without"):
        cells += [f"{statistics.median(times[name]):.2f}", f"{percentile(times[name], 0.99):.2f}"]
    return f"| {size:,} | {len(times['with'])} | {' | '.join(cells)} | {differ} |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k")
    parser.add_argument("--questions", type=int, default=320)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rows = [measure(size, args) for size in generate.parse_sizes(args.sizes)]
    print(
        "| entries | questions | with: median ms | p99 ms | without: median ms | p99 ms "
        "| answers differing |"
    )
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(row)
    print()
    print(f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (1 min).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
