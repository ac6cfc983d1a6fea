"""Per-question speed of an engine read from the knowledge cache against one built in full.

Both engines are made in the same process from the same generated knowledge (one with
``Engine(load_knowledge(...))``, one with ``bot.cache.load_engine`` from a fresh cache folder),
and asked the same questions interleaved, question by question; it also checks that every
answer is the same. The cache must not make matching slower (its objects are laid out by a
different route) nor different.

    .venv/bin/python benchmarks/bench_cached_queries.py --sizes 10k,100k
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

from bot import cache
from bot.engine import Engine
from bot.knowledge import load_knowledge


def measure(size: int, args: argparse.Namespace) -> str:
    paths = generate.ensure_kb(size, args.seed)
    questions = [q["q"] for q in generate.load_questions(paths)][: args.questions]
    built = Engine(load_knowledge(paths.knowledge))
    with tempfile.TemporaryDirectory() as folder:
        os.environ[cache.CACHE_ENV] = folder
        cache.load_engine(paths.knowledge)  # writes the cache
        cached = cache.load_engine(paths.knowledge)
    for question in questions[:20]:  # warm-up: typo caches, CPU caches
        built.ask(question)
        cached.ask(question)
    times: dict[str, list[float]] = {"built": [], "cached": []}
    differ = 0
    for question in questions[20:]:
        results = {}
        for name, engine in (("built", built), ("cached", cached)):
            start = time.perf_counter()
            results[name] = engine.ask(question)
            times[name].append((time.perf_counter() - start) * 1000)
        differ += results["built"] != results["cached"]
    built_ms, cached_ms = (statistics.median(times[n]) for n in ("built", "cached"))
    return (
        f"| {size:,} | {len(times['built'])} | {built_ms:.2f} | {cached_ms:.2f} "
        f"| {cached_ms / built_ms:.2f} | {differ} |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k")
    parser.add_argument("--questions", type=int, default=320)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rows = [measure(size, args) for size in generate.parse_sizes(args.sizes)]
    print(
        "| entries | questions | built median ms | cached median ms | ratio | answers differing |"
    )
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(row)
    print()
    print(f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (1 min).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
