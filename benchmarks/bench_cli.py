"""Whole-process cost of the command line: wall time, peak memory and imports.

* ``qa-bot ask "How much was the G4S deal worth?"``: wall time (median, min, max of --runs
  runs) and peak RSS (the child's own max RSS, from resource.getrusage(RUSAGE_CHILDREN) in a
  tiny launcher that starts only that child), next to ``python -c pass`` (the interpreter's
  own start-up, the floor) interleaved in the same run; the difference is what the project
  costs.
* ``python -X importtime`` of the same command: import time per package (self times summed
  by top-level package, median over a few runs) and whether anything the command does not
  need (telegram, httpx, asyncio, dotenv…) is imported.
* ``qa-bot run`` idle: started against the project's fake Bot API on 127.0.0.1
  (tests/fakebotapi.py), left idle for --idle seconds, then its VmHWM (peak RSS) is read from
  /proc/<pid>/status and it is stopped with SIGINT (exit code and stop time reported); with
  --questions N it then answers N questions from N chats before its memory is read.

    .venv/bin/python benchmarks/bench_cli.py
    .venv/bin/python benchmarks/bench_cli.py --runs 20 --skip-run
    .venv/bin/python benchmarks/bench_cli.py --knowledge PATH   # e.g. a generated knowledge base
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakebotapi import FakeBotApi  # the project's fake, from the checkout

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
QUESTION = "How much was the G4S deal worth?"
# Imported by `qa-bot ask` although it does not need them (the Telegram stack, networking,
# asyncio, .env parsing).
UNNEEDED = ("telegram", "httpx", "httpcore", "anyio", "h11", "asyncio", "dotenv", "ssl", "sqlite3")
WALL_BAR_MS, RSS_BAR_MB = 250, 40


@dataclass
class Run:
    wall_ms: float
    max_rss_mb: float
    returncode: int
    stdout: str
    stderr: str
    launcher_rss_mb: float = 0.0


# A tiny launcher, started with `python -S -I`, runs the command and reports the command's own
# wall time and max RSS. The launcher is needed because a child's ru_maxrss counts the memory of
# the process that forked it until exec: measured from this script it would include this
# script's RSS. The launcher's own peak (about 9 MB) is the floor below which nothing shows.
_LAUNCHER = """
import os, resource, sys, time
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status = os.waitpid(pid, 0)
wall = time.perf_counter() - start
with open("/proc/self/status") as f:
    own = [l.split()[1] for l in f if l.startswith("VmHWM:")][0]
with open(sys.argv[1], "w") as f:
    f.write("%f %d %d %s" % (wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                              os.waitstatus_to_exitcode(status), own))
"""


def run_child(
    command: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> Run:
    """Run a command through the launcher: its wall time and its own max RSS."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        done = subprocess.run(
            [sys.executable, "-S", "-I", "-c", _LAUNCHER, report.name, *command],
            capture_output=True,
            env=env,
            cwd=cwd,
            check=False,
        )
        fields = report.read().split()
    if done.returncode != 0 or len(fields) != 4:
        raise SystemExit(f"the launcher failed for {command}: {done.stderr.decode()}")
    wall, max_rss_kb, code, own_kb = (
        float(fields[0]),
        int(fields[1]),
        int(fields[2]),
        int(fields[3]),
    )
    return Run(
        wall * 1000,
        max_rss_kb / 1024,
        code,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        own_kb / 1024,
    )


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    # The measured command must not pick up a developer's settings.
    for name in (
        "QA_KNOWLEDGE",
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_API_BASE_URL",
        "PYTHONPROFILEIMPORTTIME",
        # Without bytecode files every start would compile the package first; an installed
        # package has them (pip writes them, as does the first run from a checkout).
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(name, None)
    return env


def summary(values: Sequence[float]) -> str:
    return f"{statistics.median(values):.0f} | {min(values):.0f} | {max(values):.0f}"


def bench_wall(args: argparse.Namespace, workdir: Path) -> tuple[list[Run], list[Run], list[str]]:
    python = str(VENV_BIN / "python")
    ask = [str(VENV_BIN / "qa-bot"), *args.knowledge_args, "ask", QUESTION]
    env = child_env()
    baseline: list[Run] = []
    measured: list[Run] = []
    # Interleaved, after one warm-up each, so both see the same machine.
    run_child([python, "-c", "pass"], env, workdir)
    run_child(ask, env, workdir)
    for _ in range(args.runs):
        baseline.append(run_child([python, "-c", "pass"], env, workdir))
        measured.append(run_child(ask, env, workdir))
    failed = [r for r in measured if r.returncode != 0]
    if failed:
        raise SystemExit(f"qa-bot ask failed (exit {failed[0].returncode}):\n{failed[0].stderr}")
    return baseline, measured, ask


_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def bench_imports(
    ask: Sequence[str], runs: int, workdir: Path
) -> tuple[dict[str, float], set[str], float]:
    """Median self µs per top-level package, every module imported, median total µs."""
    per_run: list[dict[str, int]] = []
    modules: set[str] = set()
    for _ in range(runs):
        result = run_child(
            [str(VENV_BIN / "python"), "-X", "importtime", ask[0], *ask[1:]], child_env(), workdir
        )
        by_package: dict[str, int] = defaultdict(int)
        for match in _IMPORT_LINE.finditer(result.stderr):
            self_us, _, _, name = match.groups()
            modules.add(name)
            by_package[name.split(".")[0]] += int(self_us)
        per_run.append(by_package)
    packages = {name for run in per_run for name in run}
    medians = {p: statistics.median(run.get(p, 0) for run in per_run) for p in packages}
    total = statistics.median(sum(run.values()) for run in per_run)
    return medians, modules, total


def proc_status(pid: int) -> dict[str, str]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return fields


def bench_run_idle(args: argparse.Namespace, workdir: Path) -> str:
    """Peak RSS of `qa-bot run` idling against the fake Bot API; a Markdown report."""
    app = ROOT / "bot" / "telegram" / "app.py"
    if not app.exists():
        return (
            "`qa-bot run`: SKIPPED — bot/telegram/app.py does not exist yet, so `qa-bot run` "
            "cannot start."
        )
    with FakeBotApi("123:abc") as api:
        env = child_env()
        env.update(
            TELEGRAM_BOT_TOKEN=api.token,
            TELEGRAM_API_BASE_URL=api.base_url,
            QA_POLL_TIMEOUT="1",
        )
        with tempfile.TemporaryFile() as log:
            start = time.perf_counter()
            child = subprocess.Popen(
                [str(VENV_BIN / "qa-bot"), *args.knowledge_args, "run"],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=workdir,
            )
            started = False
            while time.perf_counter() - start < 30 and child.poll() is None and not started:
                started = bool(api.calls_to("getUpdates"))
                time.sleep(0.01)
            ready_s = time.perf_counter() - start
            time.sleep(args.idle)
            idle_status = proc_status(child.pid) if child.poll() is None else {}
            answered, answer_s = ask_running_bot(api, child, args.questions)
            alive = child.poll() is None
            status = proc_status(child.pid) if alive else {}
            stop = time.perf_counter()
            if alive:
                child.send_signal(signal.SIGINT)
            try:
                code = child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                code = child.wait()
            stop_s = time.perf_counter() - stop
            log.seek(0)
            output = log.read().decode("utf-8", "replace")
    if not alive or not started:
        tail = "\n".join(output.splitlines()[-15:])
        return (
            f"`qa-bot run`: FAILED to start and poll (exit {code}); its output:\n\n```\n{tail}\n```"
        )
    idle_hwm = int(idle_status.get("VmHWM", "0 kB").split()[0]) / 1024
    hwm = int(status.get("VmHWM", "0 kB").split()[0]) / 1024
    rss = int(status.get("VmRSS", "0 kB").split()[0]) / 1024
    threads = status.get("Threads", "?")
    counts: dict[str, int] = defaultdict(int)
    for call in api.calls:
        counts[call.method] += 1
    calls = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    return "\n".join(
        [
            "| `qa-bot run` idle | value |",
            "|---|---|",
            f"| start until first getUpdates | {ready_s * 1000:.0f} ms |",
            f"| peak RSS (VmHWM) after {args.idle:.0f} s idle | {idle_hwm:.1f} MB |",
            f"| questions answered, from as many chats | {answered} of {args.questions} "
            f"in {answer_s:.1f} s |",
            f"| peak RSS (VmHWM) after the questions | {hwm:.1f} MB |",
            f"| RSS at the end (VmRSS) | {rss:.1f} MB |",
            f"| threads | {threads} |",
            f"| SIGINT to exit | {stop_s * 1000:.0f} ms, exit code {code} |",
            f"| Bot API calls seen | {calls} |",
        ]
    )


def ask_running_bot(
    api: FakeBotApi, child: subprocess.Popen[bytes], count: int
) -> tuple[int, float]:
    """Send `count` questions from as many chats; wait (60 s at most) for a reply to each."""
    questions = (QUESTION, "who chairs the police authority", "wat is the contarct about")
    start = time.perf_counter()
    chats = [9000 + n for n in range(count)]
    for n, chat in enumerate(chats):
        api.send_text(questions[n % len(questions)], chat_id=chat, user_id=chat)
    answered = 0
    while time.perf_counter() - start < 60 and child.poll() is None:
        answered = sum(1 for chat in chats if api.messages_in(chat))
        if answered == count:
            break
        time.sleep(0.05)
    return answered, time.perf_counter() - start


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Measure `qa-bot ask` start-up time, peak memory and imports, and the "
        "idle memory of `qa-bot run`; prints Markdown tables.",
    )
    parser.add_argument("--runs", type=int, default=10, help="timed runs (default: %(default)s)")
    parser.add_argument(
        "--import-runs", type=int, default=3, help="-X importtime runs (default: %(default)s)"
    )
    parser.add_argument("--top", type=int, default=12, help="imports listed (default: %(default)s)")
    parser.add_argument(
        "--idle", type=float, default=3.0, help="seconds `qa-bot run` idles (default: %(default)s)"
    )
    parser.add_argument("--knowledge", help="knowledge for both commands (default: bundled)")
    parser.add_argument("--skip-run", action="store_true", help="do not measure `qa-bot run`")
    parser.add_argument(
        "--questions",
        type=int,
        default=20,
        help="questions `qa-bot run` answers before its memory is read (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    args.knowledge_args = (
        ["--knowledge", str(Path(args.knowledge).resolve())] if args.knowledge else []
    )

    with tempfile.TemporaryDirectory() as tmp:  # cwd without a .env
        workdir = Path(tmp)
        baseline, measured, ask = bench_wall(args, workdir)
        imports, modules, total_us = bench_imports(ask, args.import_runs, workdir)
        run_report = (
            "`qa-bot run`: skipped (--skip-run)" if args.skip_run else bench_run_idle(args, workdir)
        )

    wall = [r.wall_ms for r in measured]
    base = [r.wall_ms for r in baseline]
    rss = [r.max_rss_mb for r in measured]
    base_rss = [r.max_rss_mb for r in baseline]
    shown = " ".join(["qa-bot", *ask[1:-1], f'"{ask[-1]}"'])
    print(f"`{shown}`, {args.runs} runs interleaved with `python -c pass`:")
    print()
    print("| command | wall median ms | min | max | peak RSS median MB | max |")
    print("|---|---|---|---|---|---|")
    floor = max(r.launcher_rss_mb for r in measured + baseline)
    for name, times, peaks in (("python -c pass", base, base_rss), ("qa-bot ask", wall, rss)):
        print(f"| {name} | {summary(times)} | {statistics.median(peaks):.1f} | {max(peaks):.1f} |")
    added = statistics.median(wall) - statistics.median(base)
    ratio = statistics.median(wall) / statistics.median(base)
    print(
        f"| difference (the project's cost) | {added:.0f} ({ratio:.1f}x) | | | "
        f"{statistics.median(rss) - statistics.median(base_rss):.1f} | |"
    )
    print()
    print(
        f"Peak RSS is the command's own max RSS (resource.getrusage(RUSAGE_CHILDREN) in a "
        f"launcher that starts only it); the launcher's own {floor:.1f} MB is the floor."
    )
    print()
    print(
        f"Imports of `qa-bot ask` by package (python -X importtime, self times summed per "
        f"top-level package, median of {args.import_runs} runs; {total_us / 1000:.0f} ms in all):"
    )
    print()
    print("| package | import ms | share |")
    print("|---|---|---|")
    for name, micros in sorted(imports.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"| {name} | {micros / 1000:.1f} | {micros / total_us:.0%} |")
    unneeded = sorted(m for m in modules if m.split(".")[0] in UNNEEDED)
    roots = sorted({m.split(".")[0] for m in unneeded})
    print()
    if roots:
        print(
            f"Imported although `ask` does not need them: {', '.join(roots)} "
            f"({len(unneeded)} modules)."
        )
    else:
        print(f"None of {', '.join(UNNEEDED)} is imported.")
    print()
    print(run_report)
    print()
    print(
        f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (1 min) at the "
        "end; other processes inflate every number, so compare within one run."
    )
    print()
    median_wall = statistics.median(wall)
    print("| bar | measured | verdict |")
    print("|---|---|---|")
    print(
        f"| `qa-bot ask` whole process < {WALL_BAR_MS} ms | median {median_wall:.0f} ms "
        f"| {_verdict(median_wall < WALL_BAR_MS)} |"
    )
    print(
        f"| `qa-bot ask` peak RSS < {RSS_BAR_MB} MB | max {max(rss):.1f} MB "
        f"| {_verdict(max(rss) < RSS_BAR_MB)} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
