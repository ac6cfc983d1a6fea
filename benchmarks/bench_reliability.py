"""Reliability under faults: reload memory, hostile YAML, SIGTERM and SIGKILL in a burst.

* reloads  — RSS of this process over 1,000 reloads of the bundled knowledge (each after a
  question, so the typo cache holds something);
* hostile YAML — wall time and peak RSS of `qa-bot check` on a 9-level alias bomb, on
  3,000-deep nesting (flow and block) and on a few MB of dense YAML, each in its own process;
* SIGTERM — `qa-bot run` against the fake Bot API (rate limiter on, as shipped; flood guard
  off) with a burst of N questions from N/5 chats, all fetched; time from SIGTERM to exit,
  then a restart on the same data folder: time until every question was answered;
* SIGKILL — the same burst, the process killed once 20 replies went out; restart; questions
  answered, and replies beyond one per question (at-least-once duplicates).

    .venv/bin/python benchmarks/bench_reliability.py
    .venv/bin/python benchmarks/bench_reliability.py --pending 300 --skip-reloads
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakebotapi import FakeBotApi  # the project's fake, from the checkout

QUESTION = "How much was the G4S deal worth?"
# `qa-bot ARGS`, then the process's own peak RSS (VmHWM: unlike ru_maxrss, not inherited from
# the parent that forked it) as the last line of stdout.
_CHECK_AND_PEAK = (
    "import sys\n"
    "from bot.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    "sys.exit(code)\n"
)


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def reloads(count: int) -> None:
    from bot.live import LiveEngine

    live = LiveEngine(None)
    print("| reloads | RSS MB | s |\n|---|---|---|")
    started = time.perf_counter()
    for n in range(count + 1):
        if n in (0, 10, 100, count // 2, count):
            print(f"| {n} | {rss_mb():.1f} | {time.perf_counter() - started:.1f} |")
        live.engine.ask("how much is the contarct worth")
        live.reload()


def hostile_files(folder: Path) -> dict[str, Path]:
    bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    texts = {
        "alias bomb, 9 levels": "\n".join(bomb) + "\n",
        "3,000-deep flow nesting": "entries: " + "[" * 3000 + "]" * 3000 + "\n",
        "3,000-deep block nesting": "".join(" " * n + f"k{n}:\n" for n in range(3000)),
        "400,000 one-item lists": "entries: [" + ", ".join(["[a]"] * 400_000) + "]\n",
        "250,000 small mappings": "".join(f"k{n}: {{a: b}}\n" for n in range(250_000)),
        "one 3 MB string": 'x: "' + "a\\t" * 1_000_000 + '"\n',
    }
    files = {}
    for n, (name, text) in enumerate(texts.items()):
        files[name] = folder / f"hostile-{n}.yaml"
        files[name].write_text(text, encoding="utf-8")
    return files


def hostile_yaml() -> None:
    print("\n| file | bytes | exit | s | peak RSS MB | first line |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        for name, path in hostile_files(Path(scratch)).items():
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", _CHECK_AND_PEAK, "--knowledge", str(path), "check"],
                capture_output=True,
                text=True,
            )
            took = time.perf_counter() - started
            *lines, peak = done.stdout.strip().splitlines()
            first = (lines + done.stderr.splitlines())[0].replace(str(path), "FILE")[:90]
            print(
                f"| {name} | {path.stat().st_size:,} | {done.returncode} "
                f"| {took:.2f} | {int(peak.split()[1]) / 1024:.1f} | {first} |"
            )


def start_bot(api: FakeBotApi, data: Path) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env.update(
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_API_BASE_URL=api.base_url,
        QA_POLL_TIMEOUT="1",
        QA_DB_PATH=str(data / "questions.sqlite3"),
        QA_HASH_KEY="bench-reliability-hash-key-0123456789",
        QA_FLOOD_MAX="0",
    )
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )


async def wait(predicate: object, timeout: float) -> float:
    started = time.monotonic()
    while not predicate():  # type: ignore[operator]
        if time.monotonic() - started > timeout:
            raise TimeoutError
        await asyncio.sleep(0.02)
    return time.monotonic() - started


async def burst(kill: signal.Signals, pending: int) -> None:
    chats = [9000 + n for n in range(pending // 5)]
    with FakeBotApi() as api, tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch)
        first = start_bot(api, data)
        await api.wait_for_call("getUpdates", timeout=30)

        def answered() -> int:
            return sum(len(api.messages_in(c)) for c in chats)

        def each() -> bool:
            return all(len(api.messages_in(c)) >= 5 for c in chats)

        for _ in range(5):
            for chat in chats:
                api.send_text(QUESTION, user_id=chat)
        if kill is signal.SIGKILL:
            await wait(lambda: answered() >= 20, 30)
        else:
            await wait(lambda: not api.pending_updates and answered() >= 5, 30)
        before = answered()
        started = time.monotonic()
        first.send_signal(kill)
        code = await asyncio.to_thread(first.wait, 30)
        stop = time.monotonic() - started
        second = start_bot(api, data)
        try:
            resumed = await wait(each, 120)
            await asyncio.sleep(1.0)  # let duplicates, if any, arrive
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(30)
        total = answered()
        print(
            f"| {kill.name} | {len(chats) * 5} | {before} | {stop:.2f} | {code} | {resumed:.1f} "
            f"| {sum(min(len(api.messages_in(c)), 5) for c in chats)} | {total - len(chats) * 5} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reloads", type=int, default=1000)
    parser.add_argument("--pending", type=int, default=300)
    parser.add_argument("--skip-reloads", action="store_true")
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f}\n")
    if not args.skip_reloads:
        reloads(args.reloads)
    hostile_yaml()
    print(
        "\n| signal | questions | answered before | stop s | exit | restart: all answered in s "
        "| answered | duplicates |\n|---|---|---|---|---|---|---|---|"
    )
    asyncio.run(burst(signal.SIGTERM, args.pending))
    asyncio.run(burst(signal.SIGKILL, args.pending // 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
