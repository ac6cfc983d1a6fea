"""Matching benchmark: knowledge load and index time, per-question latency of ``Engine.ask``.

For the bundled knowledge (questions: eval/g4s-questions.yaml) and for generated knowledge
bases of 1k, 10k and 100k entries (questions: paraphrased variants plus off-topic ones, see
generate.py), it measures:

* load   — ``bot.knowledge.load_knowledge`` (YAML parsing, validation, quote checks), seconds;
* index  — ``Engine(knowledge)`` (the matcher's inverted index), seconds;
* engine — ``engine.ask(question)`` per question: median and p99 in ms, questions/second;
* naive  — in the same run, interleaved question by question, the naive baseline
  ``rapidfuzz.process.extractOne(question, all_variants, scorer=fuzz.WRatio,
  processor=utils.default_process)``, and the speed-up naive median / engine median.

Every question is asked once (after a warm-up on other questions), so the typo-correction cache
helps only as much as it would in service. The naive baseline stops after --baseline-budget
seconds per knowledge base (its question count is in the table). When the real loader takes
longer than --load-budget seconds it is stopped, its time is shown as "> N", and the matcher is
measured on the same files read by a minimal loader without validation (marked in the table).

    .venv/bin/python benchmarks/bench_matching.py                  # all sizes, ~5 min
    .venv/bin/python benchmarks/bench_matching.py --sizes bundled,1k --questions 200
"""

from __future__ import annotations

import argparse
import gc
import itertools
import math
import os
import signal
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import yaml
from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # benchmarks/ is not a package

from bot.engine import Engine
from bot.knowledge import Knowledge, knowledge_files, load_knowledge
from bot.model import Article, Entry

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "eval" / "g4s-questions.yaml"
WARMUP_QUESTIONS = 30
T = TypeVar("T")


# -- questions -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    text: str
    expect_id: str | None = None  # generated sets: the entry that should answer
    expect_groups: tuple[tuple[str, ...], ...] | None = None  # dev.yaml: facts to find

    @property
    def in_scope(self) -> bool:
        return self.expect_id is not None or self.expect_groups is not None


def dev_questions(path: Path) -> list[Question]:
    """The dev set: in-scope questions with their expected facts, then the off-topic ones."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = [
        Question(str(item["q"]), expect_groups=tuple(tuple(map(str, g)) for g in item["expect"]))
        for item in data.get("in_scope") or []
    ]
    questions += [Question(str(item["q"])) for item in data.get("out_of_scope") or []]
    return questions


def generated_questions(paths: generate.KbPaths) -> list[Question]:
    return [Question(q["q"], expect_id=q["expect"]) for q in generate.load_questions(paths)]


def entry_is_right(entry: Entry | None, question: Question) -> bool:
    if entry is None or not question.in_scope:
        return False
    if question.expect_id is not None:
        return entry.id == question.expect_id
    haystack = f"{entry.answer}\n{entry.quote}".lower()
    groups = question.expect_groups or ()
    return all(any(alt.lower() in haystack for alt in group) for group in groups)


# -- loading -------------------------------------------------------------------------------------


class LoadBudgetExceeded(BaseException):
    """Raised by the timer inside the loader; BaseException so that nothing swallows it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise LoadBudgetExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def unvalidated_knowledge(path: Path) -> Knowledge:
    """The knowledge in `path` read without any validation: only to measure the matcher when
    the real loader is too slow. Same entries, synonyms and articles as load_knowledge."""
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    articles: dict[str, Article] = {}
    entries: dict[str, Entry] = {}
    synonyms: list[tuple[str, ...]] = []
    files = knowledge_files(path)
    for file in files:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=loader)
        meta = data["article"]
        text_path = (file.parent / meta["file"]).resolve()
        article = Article(
            meta["id"], meta["title"], meta["origin"], text_path.read_text("utf-8"), text_path
        )
        articles[article.id] = article
        synonyms += [tuple(str(w).lower() for w in group) for group in data.get("synonyms") or []]
        for item in data["entries"]:
            entries[item["id"]] = Entry(
                id=item["id"],
                article_id=article.id,
                questions=tuple(str(q).strip() for q in item["questions"]),
                answer=str(item["answer"]).strip(),
                quote=str(item["quote"]).strip(),
                keywords=tuple(str(k).strip() for k in item.get("keywords") or ()),
                related=tuple(item.get("related") or ()),
                topic=str(item.get("topic") or ""),
                source_file=file,
            )
    return Knowledge(articles, entries, tuple(synonyms), tuple(files))


def repeat_timed(
    make: Callable[[], T], min_total: float = 1.0, max_runs: int = 5
) -> tuple[T, float]:
    """Run `make` until `min_total` seconds or `max_runs` runs; the last result, median time."""
    times: list[float] = []
    result: T
    while True:
        gc.collect()
        start = time.perf_counter()
        result = make()
        times.append(time.perf_counter() - start)
        if sum(times) >= min_total or len(times) >= max_runs:
            return result, statistics.median(times)


# -- measuring -----------------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (p99 of 300 values is the 3rd largest)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Row:
    name: str
    entries: int = 0
    variants: int = 0
    load_s: float | None = None
    load_note: str = ""
    load_budget: float = 0.0
    index_s: float = 0.0
    rss_mb: float = 0.0
    engine_ms: list[float] = field(default_factory=list)
    naive_ms: list[float] = field(default_factory=list)
    engine_paired_ms: list[float] = field(default_factory=list)  # same questions as naive
    in_scope: int = 0
    engine_right: int = 0
    naive_right: int = 0
    naive_in_scope: int = 0
    off_topic: int = 0
    off_topic_declined: int = 0

    @property
    def engine_median(self) -> float:
        return statistics.median(self.engine_ms)

    @property
    def engine_p99(self) -> float:
        return percentile(self.engine_ms, 0.99)

    @property
    def speedup(self) -> float:
        if not self.naive_ms:
            return float("nan")
        return statistics.median(self.naive_ms) / statistics.median(self.engine_paired_ms)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(
    row: Row,
    engine: Engine,
    questions: Sequence[Question],
    warmup: Sequence[str],
    baseline_budget: float,
    fresh_engine: Callable[[], Engine] | None = None,
    pass_size: int = 0,
) -> None:
    """Ask every question once (engine), interleaved with the naive baseline while its budget
    lasts. With `fresh_engine`, a new engine (cold caches) is built every `pass_size` questions,
    outside the timings."""
    variants = [q for entry in engine.knowledge.entries.values() for q in entry.questions]
    owner = [entry for entry in engine.knowledge.entries.values() for _ in entry.questions]
    for text in warmup:
        engine.ask(text)
        process.extractOne(
            text, variants[:1000], scorer=fuzz.WRatio, processor=utils.default_process
        )
    naive_spent = 0.0
    clock = time.perf_counter
    for number, question in enumerate(questions):
        if fresh_engine is not None and number and pass_size and number % pass_size == 0:
            engine = fresh_engine()
        start = clock()
        result = engine.ask(question.text)
        engine_time = clock() - start
        row.engine_ms.append(engine_time * 1000)
        if question.in_scope:
            row.in_scope += 1
            row.engine_right += entry_is_right(result.entry if result.answered else None, question)
        else:
            row.off_topic += 1
            row.off_topic_declined += not result.answered
        if naive_spent < baseline_budget:
            start = clock()
            best = process.extractOne(
                question.text, variants, scorer=fuzz.WRatio, processor=utils.default_process
            )
            naive_time = clock() - start
            naive_spent += naive_time
            row.naive_ms.append(naive_time * 1000)
            row.engine_paired_ms.append(engine_time * 1000)
            if question.in_scope and best is not None:
                row.naive_in_scope += 1
                row.naive_right += entry_is_right(owner[best[2]], question)


def bench_bundled(args: argparse.Namespace) -> Row:
    row = Row("bundled")
    knowledge, row.load_s = repeat_timed(load_knowledge)
    _, row.index_s = repeat_timed(lambda: Engine(knowledge))
    row.rss_mb = rss_mb()
    row.entries = len(knowledge.entries)
    row.variants = sum(len(e.questions) for e in knowledge.entries.values())
    dev = dev_questions(args.dev)
    # The dev set is small: ask it several times, each pass on a fresh engine (cold caches).
    passes = max(1, math.ceil(args.questions / len(dev)))
    measure(
        row,
        Engine(knowledge),
        dev * passes,
        [q.text for q in dev[:WARMUP_QUESTIONS]],
        args.baseline_budget,
        fresh_engine=lambda: Engine(knowledge),
        pass_size=len(dev),
    )
    return row


def bench_generated(size: int, args: argparse.Namespace) -> Row:
    row = Row(f"generated {generate.parse_label(size)}")
    paths = generate.ensure_kb(size, args.seed)
    gc.collect()
    try:
        with time_limit(args.load_budget):
            knowledge, row.load_s = repeat_timed(lambda: load_knowledge(paths.knowledge))
    except LoadBudgetExceeded:
        row.load_s = None
        row.load_budget = args.load_budget
        row.load_note = f"> {args.load_budget:.0f} (stopped)"
        gc.collect()
        knowledge = unvalidated_knowledge(paths.knowledge)
    engine, row.index_s = repeat_timed(lambda: Engine(knowledge))
    row.rss_mb = rss_mb()
    row.entries = len(knowledge.entries)
    row.variants = sum(len(e.questions) for e in knowledge.entries.values())
    questions = generated_questions(paths)
    measured = questions[: args.questions]
    warmup = [q.text for q in questions[args.questions :][-WARMUP_QUESTIONS:]]
    measure(row, engine, measured, warmup, args.baseline_budget)
    return row


# -- output --------------------------------------------------------------------------------------


def _ms(value: float) -> str:
    return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 100 else f"{value:.0f}"


def _rate(ms_values: Sequence[float]) -> str:
    total = sum(ms_values) / 1000
    return f"{len(ms_values) / total:,.0f}" if total else "-"


def print_tables(rows: Sequence[Row], args: argparse.Namespace) -> None:
    print()
    print(
        "| knowledge | entries | variants | load s | index s | RSS MB | questions "
        "| engine median ms | engine p99 ms | engine q/s | naive n | naive median ms "
        "| naive p99 ms | naive q/s | speed-up |"
    )
    print("|" + "---|" * 15)
    for r in rows:
        load = r.load_note or f"{r.load_s:.3f}"
        naive = (
            [
                _ms(statistics.median(r.naive_ms)),
                _ms(percentile(r.naive_ms, 0.99)),
                _rate(r.naive_ms),
            ]
            if r.naive_ms
            else ["-", "-", "-"]
        )
        print(
            f"| {r.name} | {r.entries:,} | {r.variants:,} | {load} | {r.index_s:.3f} "
            f"| {r.rss_mb:.0f} | {len(r.engine_ms)} | {_ms(r.engine_median)} "
            f"| {_ms(r.engine_p99)} | {_rate(r.engine_ms)} | {len(r.naive_ms)} | "
            + " | ".join(naive)
            + f" | {r.speedup:.1f}x |"
        )
    print()
    print(
        "speed-up = naive median / engine median over the questions both answered "
        "(interleaved, same process)."
    )
    if any(r.load_note for r in rows):
        print(
            "load '> N (stopped)': the real loader exceeded --load-budget; the matcher was "
            "measured on the same files read without validation."
        )
    print()
    print("Answer sanity (not a quality benchmark):")
    print()
    print(
        "| knowledge | in-scope right (engine) | in-scope right (naive top-1) "
        "| off-topic declined (engine) |"
    )
    print("|---|---|---|---|")
    for r in rows:
        naive_right = f"{r.naive_right}/{r.naive_in_scope}" if r.naive_in_scope else "-"
        print(
            f"| {r.name} | {r.engine_right}/{r.in_scope} | {naive_right} "
            f"| {r.off_topic_declined}/{r.off_topic} |"
        )
    print_bars(rows)


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else "PASS" if ok else "FAIL"


def print_bars(rows: Sequence[Row]) -> None:
    by_size = {r.entries: r for r in rows if r.name.startswith("generated")}
    bundled = next((r for r in rows if r.name == "bundled"), None)
    bars: list[tuple[str, str, bool | None]] = []
    if bundled:
        bars.append(("bundled p99 < 2 ms", f"{_ms(bundled.engine_p99)} ms", bundled.engine_p99 < 2))
    r10 = by_size.get(10_000)
    if r10:
        bars.append(("10k p99 < 20 ms", f"{_ms(r10.engine_p99)} ms", r10.engine_p99 < 20))
        bars.append(("10k >= 5x faster than naive", f"{r10.speedup:.1f}x", r10.speedup >= 5))
        if r10.load_s is None:  # stopped at --load-budget: it took longer than that
            shown, fast = f"load {r10.load_note} s", None if r10.load_budget < 2 else False
        else:
            total = r10.load_s + r10.index_s
            shown = f"{r10.load_s:.2f} s + index {r10.index_s:.2f} s = {total:.2f} s"
            fast = total < 2
        bars.append(("load 10k < 2 s (load + index)", shown, fast))
    r100 = by_size.get(100_000)
    if r100:
        bars.append(("100k p99 < 100 ms", f"{_ms(r100.engine_p99)} ms", r100.engine_p99 < 100))
    sizes = sorted(by_size)
    if len(sizes) >= 2:
        # Fitted exponent k of cost ~ N^k for each step between sizes; sub-linear means k < 1
        # for the median and the p99 at every step (a tail that grows linearly fails).
        steps = []
        all_sublinear = True
        for small_n, large_n in itertools.pairwise(sizes):
            small, large = by_size[small_n], by_size[large_n]
            scale = math.log(large.entries / small.entries)
            k50 = math.log(large.engine_median / small.engine_median) / scale
            k99 = math.log(large.engine_p99 / small.engine_p99) / scale
            all_sublinear = all_sublinear and k50 < 1 and k99 < 1
            steps.append(
                f"{generate.parse_label(small_n)}->{generate.parse_label(large_n)}: "
                f"median N^{k50:.2f}, p99 N^{k99:.2f}"
            )
        bars.append(("cost sub-linear in entries (every step)", "; ".join(steps), all_sublinear))
    print()
    print("| bar | measured | verdict |")
    print("|---|---|---|")
    for name, value, verdict in bars:
        print(f"| {name} | {value} | {_verdict(verdict)} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark knowledge loading, indexing and per-question matching against "
        "a naive rapidfuzz baseline; prints Markdown tables.",
    )
    parser.add_argument(
        "--sizes",
        default="bundled,1k,10k,100k",
        help="comma-separated: 'bundled' and/or entry counts like 1k,10k,100k "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--questions",
        type=int,
        default=300,
        help="questions timed per knowledge base (default: %(default)s; at most "
        f"{generate.QUESTIONS_PER_KB - WARMUP_QUESTIONS} for generated ones)",
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default: %(default)s)")
    parser.add_argument(
        "--baseline-budget",
        type=float,
        default=20.0,
        metavar="S",
        help="seconds of naive-baseline time per knowledge base (default: %(default)s)",
    )
    parser.add_argument(
        "--load-budget",
        type=float,
        default=60.0,
        metavar="S",
        help="stop the real loader after S seconds (default: %(default)s)",
    )
    parser.add_argument(
        "--dev", type=Path, default=DEV_SET, help="questions for the bundled knowledge"
    )
    args = parser.parse_args(argv)
    args.questions = min(args.questions, generate.QUESTIONS_PER_KB - WARMUP_QUESTIONS)
    rows: list[Row] = []
    started = time.perf_counter()
    for label in args.sizes.split(","):
        label = label.strip().lower()
        if not label:
            continue
        step = time.perf_counter()
        if label == "bundled":
            row = bench_bundled(args)
        else:
            row = bench_generated(generate.parse_sizes(label)[0], args)
        rows.append(row)
        print(
            f"{row.name}: done in {time.perf_counter() - step:.1f} s "
            f"(engine median {_ms(row.engine_median)} ms, p99 {_ms(row.engine_p99)} ms)",
            file=sys.stderr,
            flush=True,
        )
    print_tables(rows, args)
    print(f"\nTotal {time.perf_counter() - started:.0f} s; Python {sys.version.split()[0]}.")
    print(
        f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (1 min) at the "
        "end; other processes inflate every number, so compare within one run."
    )

    return 0


if __name__ == "__main__":
    sys.exit(main())
