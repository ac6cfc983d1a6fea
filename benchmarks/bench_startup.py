"""Start-up of `qa-bot ask` and `qa-bot check` with and without the knowledge cache.

For the bundled knowledge and generated ones (1k, 10k, 100k entries, see generate.py), in one
run, interleaved round by round with ``python -c pass`` (the interpreter's own start-up):

* cold — ``QA_CACHE_DIR=`` (the cache off): parse, validate and index, as every start did
  before the cache;
* warm — ``QA_CACHE_DIR`` set to a folder primed by one run first: the compiled cache;
* before, before warm — optional (``--before PATH``): the same command run from another
  checkout (a copy of an older commit, put first on ``PYTHONPATH``), with the cache off and
  with a cache of its own, for a same-run comparison with older code.

The command is the installed ``qa-bot`` script; the older checkout is started the way its own
script started it (``from bot.cli import main; sys.exit(main())``), since this checkout's
script calls an entry point older ones lack. Both packages are compiled to bytecode first, as
an installed package is: otherwise the first run measures the compiler.

Wall time is the median of the runs (min and max shown), peak RSS the command's own max RSS
(see bench_cli.run_child). With ``--check``, ``qa-bot check`` of the 10k knowledge is timed
cold (an empty cache folder: full load and the whole variant-ambiguity pass) and warm.

    .venv/bin/python benchmarks/bench_startup.py --sizes bundled,10k --runs 5
    .venv/bin/python benchmarks/bench_startup.py --before /tmp/main-copy --check
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate
from bench_cli import ROOT, VENV_BIN, Run, child_env, run_child

QUESTION = "How much was the G4S deal worth?"
PYTHON = str(VENV_BIN / "python")
# What an older checkout's `qa-bot` script ran (its entry point was bot.cli:main).
BEFORE_SCRIPT = "import sys; from bot.cli import main; sys.exit(main())"


def knowledge_of(label: str, seed: int) -> Path:
    if label == "bundled":
        return ROOT / "knowledge"
    return generate.ensure_kb(generate.parse_sizes(label)[0], seed).knowledge


def env_for(variant: str, cache: Path, before: Path | None) -> dict[str, str]:
    env = child_env()
    env.pop("PYTHONPATH", None)
    if variant == "warm":
        env["QA_CACHE_DIR"] = str(cache)
    elif variant == "before warm":
        # A cache folder of its own: the two checkouts' cache formats may differ, and each
        # would take the other's file for a foreign one and rewrite it on every run.
        env["QA_CACHE_DIR"] = f"{cache}-before"
    else:
        env["QA_CACHE_DIR"] = ""
    if variant.startswith("before") and before is not None:
        env["PYTHONPATH"] = str(before)
    return env


def measure(
    label: str, variants: Sequence[str], args: argparse.Namespace, workdir: Path
) -> dict[str, list[Run]]:
    """Rounds of `python -c pass` and each variant's `qa-bot ask`, interleaved."""
    knowledge = knowledge_of(label, args.seed)
    cache = workdir / f"cache-{label}"
    ask_args = ["--knowledge", str(knowledge), "ask", QUESTION]
    ask = [str(VENV_BIN / "qa-bot"), *ask_args]
    ask_before = [PYTHON, "-c", BEFORE_SCRIPT, *ask_args]
    runs = args.runs if label in ("bundled", "1k") else max(1, args.runs // 3)
    if label == "100k":
        runs = min(runs, args.runs_100k)
    results: dict[str, list[Run]] = {name: [] for name in ("pass", *variants)}
    run_child(ask, env_for("warm", cache, None), workdir)  # primes the cache
    if "before warm" in variants:
        run_child(ask_before, env_for("before warm", cache, args.before), workdir)
    for _ in range(runs):
        results["pass"].append(run_child([PYTHON, "-c", "pass"], child_env(), workdir))
        for variant in variants:
            command = ask_before if variant.startswith("before") else ask
            done = run_child(command, env_for(variant, cache, args.before), workdir)
            if done.returncode != 0:
                raise SystemExit(f"{label} {variant} failed:\n{done.stderr}")
            results[variant].append(done)
    return results


def median_ms(runs: Sequence[Run]) -> float:
    return statistics.median(r.wall_ms for r in runs)


def median_mb(runs: Sequence[Run]) -> float:
    return statistics.median(r.max_rss_mb for r in runs)


def bench_check(args: argparse.Namespace, workdir: Path) -> list[str]:
    knowledge = knowledge_of("10k", args.seed)
    cache = workdir / "cache-check"
    check = [PYTHON, "-m", "bot", "check", str(knowledge)]
    env = child_env()
    env["QA_CACHE_DIR"] = str(cache)
    cold = run_child(check, env, workdir)
    warm = run_child(check, env, workdir)
    lines = [
        "| `qa-bot check`, 10k | wall s | peak RSS MB |",
        "|---|---|---|",
        f"| cold (empty cache folder) | {cold.wall_ms / 1000:.1f} | {cold.max_rss_mb:.0f} |",
        f"| warm (files unchanged) | {warm.wall_ms / 1000:.1f} | {warm.max_rss_mb:.0f} |",
    ]
    if args.before is not None:
        env_before = child_env()
        env_before["PYTHONPATH"] = str(args.before)
        before = run_child(check, env_before, workdir)
        lines.append(f"| before | {before.wall_ms / 1000:.1f} | {before.max_rss_mb:.0f} |")
    same = cold.stderr == warm.stderr and cold.stdout == warm.stdout
    lines.append("")
    lines.append(f"Cold and warm report the same: {same}. ({cold.stdout.strip()})")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="bundled,1k,10k,100k")
    parser.add_argument("--runs", type=int, default=9, help="rounds for bundled and 1k")
    parser.add_argument("--runs-100k", type=int, default=2, help="rounds at 100k")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--before", type=Path, help="an older checkout to compare with")
    parser.add_argument("--check", action="store_true", help="also time `qa-bot check` at 10k")
    args = parser.parse_args(argv)
    variants = ("cold", "warm", *(("before", "before warm") if args.before else ()))
    for package in (ROOT / "bot", *([args.before / "bot"] if args.before else [])):
        compileall.compile_dir(package, quiet=1)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        bundled_warm = None
        for label in [s.strip() for s in args.sizes.split(",") if s.strip()]:
            results = measure(label, variants, args, workdir)
            base = median_ms(results["pass"])
            if label == "bundled":
                bundled_warm = median_ms(results["warm"])
            for variant in variants:
                runs = results[variant]
                ms = median_ms(runs)
                rows.append(
                    f"| {label} | {variant} | {len(runs)} | {ms:.0f} "
                    f"({min(r.wall_ms for r in runs):.0f}-{max(r.wall_ms for r in runs):.0f}) "
                    f"| {ms / base:.1f}x | "
                    + (f"{ms / bundled_warm:.1f}x" if bundled_warm else "")
                    + f" | {median_mb(runs):.0f} |"
                )
            rows.append(
                f"| {label} | `python -c pass` | {len(results['pass'])} | {base:.0f} | 1.0x | | "
                f"{median_mb(results['pass']):.0f} |"
            )
            print(f"{label}: done", file=sys.stderr, flush=True)
        check_lines = bench_check(args, workdir) if args.check else []
    print(f'`qa-bot ask "{QUESTION}"`, rounds interleaved with `python -c pass`:')
    print()
    print(
        "| knowledge | variant | runs | wall median ms (min-max) | vs `python -c pass` "
        "| vs bundled warm | peak RSS median MB |"
    )
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(row)
    if check_lines:
        print()
        for line in check_lines:
            print(line)
    print()
    print(
        f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (1 min) at the "
        "end; other processes inflate every number, so compare within one run."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
