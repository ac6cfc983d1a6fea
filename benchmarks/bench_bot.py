"""Bot throughput: 1,000 questions from 100 chats through `qa-bot run` and a fake Bot API.

The real bot (``qa-bot run``: settings from the environment, the bundled knowledge,
``build_application``, polling) runs in its own process against the project's fake Bot API
(tests/fakebotapi.py, which also checks every reply as Telegram would: HTML, lengths,
keyboards) on 127.0.0.1. Once the bot polls, 1,000 private-chat questions (10 each from 100
chats, the dev-set questions in turn) are queued at once and handed out as fast as the bot
asks for them (getUpdates, up to 100 per call). For each scenario it reports:

* total   — first question queued until the last reply (sendMessage) arrived, and questions/s;
* latency — per question, from delivery (getUpdates handing out the batch that carries it)
  to its reply's arrival at the fake API: median, p99, max. Replies are matched to questions
  through the quoted message when the bot quotes, else in order within each chat;
* lost / extra / rejected — questions without a reply, replies beyond one per question,
  requests the fake API rejected (4xx/5xx);
* concurrency — the most API calls (not getUpdates) in flight at once. With an API latency
  of L ms per call (--api-latency-ms), sequential replies would need 1,000 x L ms;
* the bot's CPU time per question (/proc/<pid>/stat) and the engine time it logs.

The rate limiters are DISABLED for these measurements: AIORateLimiter (30 messages/s overall,
which alone would make 1,000 replies take 33 s or more) is swapped out in the bot process before
the Application is built, and the per-user flood guard is turned off (QA_FLOOD_MAX=0; at its
default of 8 messages per 10 s each chat's 9th question would get "slow down" and its 10th no
reply). --with-rate-limiter adds one run as shipped, with both.

    .venv/bin/python benchmarks/bench_bot.py
    .venv/bin/python benchmarks/bench_bot.py --chats 10 --per-chat 10 --api-latency-ms 0
"""

from __future__ import annotations

import argparse
import math
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakebotapi import FakeBotApi  # the project's fake, from the checkout

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "eval" / "g4s-questions.yaml"
APP = ROOT / "bot" / "telegram" / "app.py"
TOKEN = "123:abc"
FIRST_CHAT = 1000

# Runs in the bot's process: the real `run`, optionally without the rate limiter. It prefers a
# `rate_limiter` parameter of build_application and otherwise replaces the AIORateLimiter name
# that build_application uses.
_BOT_RUNNER = """
import inspect, sys
import bot.telegram.app as app
if sys.argv[1] == "off":
    parameters = inspect.signature(app.build_application).parameters
    if "rate_limiter" in parameters:
        build = app.build_application
        app.build_application = lambda settings, live: build(settings, live, rate_limiter=None)
    elif hasattr(app, "AIORateLimiter"):
        app.AIORateLimiter = lambda *args, **kwargs: None
    else:
        sys.exit("bench_bot: cannot find how to disable the rate limiter in bot.telegram.app")
from bot.cli import main
sys.exit(main(["run"]))
"""


class TimedFakeBotApi(FakeBotApi):
    """The project's fake Bot API, plus what this benchmark measures: when each message was
    handed out by getUpdates, when each reply arrived, how many calls were in flight, and an
    optional latency added to every call but getUpdates (slept outside the fake's lock)."""

    def __init__(self, api_latency: float) -> None:
        super().__init__(TOKEN)
        self.api_latency = api_latency
        self.delivered: dict[tuple[int, int], float] = {}  # (chat, message) -> monotonic
        self.replies: list[tuple[int, int | None, float]] = []  # chat, quoted message, time
        self.in_flight = 0
        self.max_in_flight = 0
        self._bench_lock = threading.Lock()

    def _process(self, token: str, method: str, raw: Any, content_type: str, ctx: Any) -> Any:
        if method.lower() == "getupdates":
            return super()._process(token, method, raw, content_type, ctx)
        with self._bench_lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.api_latency:
                time.sleep(self.api_latency)
            return super()._process(token, method, raw, content_type, ctx)
        finally:
            with self._bench_lock:
                self.in_flight -= 1

    def _get_updates(self, params: Any, ctx: Any) -> Any:
        updates = super()._get_updates(params, ctx)
        now = time.monotonic()
        for update in updates:
            message = update.get("message")
            if message:
                self.delivered.setdefault((message["chat"]["id"], message["message_id"]), now)
        return updates

    def _send_message(self, params: Any, ctx: Any) -> Any:
        message = super()._send_message(params, ctx)  # raises ApiError for a bad reply
        quoted = (message.get("reply_to_message") or {}).get("message_id")
        self.replies.append((message["chat"]["id"], quoted, time.monotonic()))
        return message


@dataclass
class Outcome:
    name: str
    questions: int
    answered: int
    lost: int
    extra: int
    rejected: int
    total_s: float
    latencies_ms: list[float]
    max_in_flight: int
    api_latency_ms: float
    exit_code: int
    ready_s: float
    get_updates_calls: int
    bot_cpu_s: float  # user + system CPU of the bot process, first poll to last reply
    ask_ms: list[float]  # the bot's own log: engine time per question (incl. thread hop)


_ASK_MS = re.compile(r"question via=\S+ outcome=\S+ entry=\S+ confidence=\S+ ms=([\d.]+)")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process, from /proc/<pid>/stat."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def dev_questions(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        str(item["q"]) for item in (data.get("in_scope") or []) + (data.get("out_of_scope") or [])
    ]


def match_replies(
    api: TimedFakeBotApi, sent: Sequence[tuple[int, int]]
) -> tuple[list[float], int, int]:
    """Latencies (ms), questions without a reply, surplus replies.

    `sent` lists (chat_id, message_id) in sending order. A reply quoting a message belongs to
    it; other replies are taken in order within their chat."""
    queues: dict[int, deque[int]] = defaultdict(deque)
    for chat_id, message_id in sent:
        queues[chat_id].append(message_id)
    answered: dict[tuple[int, int], float] = {}
    extra = 0
    for chat_id, quoted, received in sorted(api.replies, key=lambda r: r[2]):
        queue = queues[chat_id]
        if quoted is not None and quoted in queue:
            queue.remove(quoted)
            message_id = quoted
        elif queue:
            message_id = queue.popleft()
        else:
            extra += 1
            continue
        answered[(chat_id, message_id)] = received
    latencies = [
        (received - api.delivered[key]) * 1000
        for key, received in answered.items()
        if key in api.delivered
    ]
    return latencies, len(sent) - len(answered), extra


def run_scenario(
    name: str,
    questions: Sequence[str],
    chats: int,
    per_chat: int,
    api_latency_ms: float,
    rate_limiter: bool,
    timeout: float,
) -> Outcome:
    api = TimedFakeBotApi(api_latency_ms / 1000)
    with api, tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.pop("QA_KNOWLEDGE", None)
        env.update(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=api.base_url,
            QA_POLL_TIMEOUT="1",
            QA_LOG_LEVEL="INFO",
        )
        env.pop("QA_FLOOD_MAX", None)
        if not rate_limiter:
            env["QA_FLOOD_MAX"] = "0"  # the per-user flood guard would mute message 9 and 10
        log_path = Path(tmp) / "bot.log"
        total = chats * per_chat
        sent: list[tuple[int, int]] = []
        with log_path.open("wb") as log:
            start = time.perf_counter()
            bot = subprocess.Popen(
                [sys.executable, "-c", _BOT_RUNNER, "on" if rate_limiter else "off"],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=tmp,
            )
            try:
                if not wait_until(lambda: bool(api.calls_to("getUpdates")), 60, bot):
                    raise RuntimeError("the bot did not start polling")
                ready_s = time.perf_counter() - start
                cpu_at_start = cpu_seconds(bot.pid)
                first = time.monotonic()
                for number in range(total):
                    chat_id = FIRST_CHAT + number % chats
                    text = questions[(number * 7 + number // chats) % len(questions)]
                    message = api.send_text(text, user_id=chat_id)
                    sent.append((chat_id, message["message_id"]))
                wait_until(lambda: len(api.replies) >= total, timeout, bot)
                bot_cpu_s = cpu_seconds(bot.pid) - cpu_at_start
                time.sleep(0.5)  # late or duplicate replies
            finally:
                if bot.poll() is None:
                    bot.send_signal(signal.SIGINT)
                try:
                    code = bot.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    bot.kill()
                    code = bot.wait()
        latencies, lost, extra = match_replies(api, sent)
        rejected = [e for e in api.errors_returned if not e.injected]
        last = max((r[2] for r in api.replies), default=first)
        log_text = log_path.read_text("utf-8", "replace")
        ask_ms = [float(m) for m in _ASK_MS.findall(log_text)]
        if lost or extra or rejected or code != 0:
            keep = ROOT / "benchmarks" / ".cache" / f"bot-{re.sub(r'[^a-z0-9]+', '-', name)}.log"
            keep.parent.mkdir(parents=True, exist_ok=True)
            keep.write_text(log_text, "utf-8")
            problems = [
                line for line in log_text.splitlines() if "ERROR" in line or "Error" in line
            ]
            print(f"[{name}] bot log kept in {keep}; problems:", file=sys.stderr)
            for line in problems[:15]:
                print(f"  {line}", file=sys.stderr)
            for error in rejected[:10]:
                print(
                    f"  API rejected {error.method}: {error.status} {error.description}",
                    file=sys.stderr,
                )
        return Outcome(
            name=name,
            questions=total,
            answered=total - lost,
            lost=lost,
            extra=extra,
            rejected=len(rejected),
            total_s=last - first,
            latencies_ms=latencies,
            max_in_flight=api.max_in_flight,
            api_latency_ms=api_latency_ms,
            exit_code=code,
            ready_s=ready_s,
            get_updates_calls=len(api.calls_to("getUpdates")),
            bot_cpu_s=bot_cpu_s,
            ask_ms=ask_ms,
        )


def wait_until(condition: Any, timeout: float, process: subprocess.Popen[bytes]) -> bool:
    """Poll `condition()` every 10 ms until true, the timeout, or the process ends."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return bool(condition())
        time.sleep(0.01)
    return bool(condition())


def print_table(outcomes: Sequence[Outcome]) -> None:
    print(
        "| scenario | API latency ms | answered | lost | extra | rejected | total s "
        "| questions/s | latency median ms | p99 ms | max ms | max calls in flight "
        "| sequential would take s | bot CPU ms/question | exit |"
    )
    print("|" + "---|" * 15)
    for o in outcomes:
        lat = o.latencies_ms or [float("nan")]
        sequential = o.questions * o.api_latency_ms / 1000
        print(
            f"| {o.name} | {o.api_latency_ms:.0f} | {o.answered}/{o.questions} | {o.lost} "
            f"| {o.extra} | {o.rejected} | {o.total_s:.2f} | {o.questions / o.total_s:,.0f} "
            f"| {statistics.median(lat):.0f} | {percentile(lat, 0.99):.0f} | {max(lat):.0f} "
            f"| {o.max_in_flight} | {sequential:.0f} | {o.bot_cpu_s * 1000 / o.questions:.1f} "
            f"| {o.exit_code} |"
        )
    print()
    print(
        "Inside the bot (its log's `ms=` per question: engine.ask in a worker thread, "
        "including the hop to the thread):"
    )
    print()
    print("| scenario | questions logged | median ms | p99 ms | max ms |")
    print("|---|---|---|---|---|")
    for o in outcomes:
        if o.ask_ms:
            print(
                f"| {o.name} | {len(o.ask_ms)} | {statistics.median(o.ask_ms):.2f} "
                f"| {percentile(o.ask_ms, 0.99):.2f} | {max(o.ask_ms):.2f} |"
            )
        else:
            print(f"| {o.name} | 0 (no `ms=` lines in the log) | - | - | - |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Throughput and latency of `qa-bot run` against a fake Telegram Bot API "
        "(rate limiter and flood guard disabled); prints Markdown tables.",
    )
    parser.add_argument("--chats", type=int, default=100, help="chats (default: %(default)s)")
    parser.add_argument(
        "--per-chat", type=int, default=10, help="questions per chat (default: %(default)s)"
    )
    parser.add_argument(
        "--api-latency-ms",
        default="0,50",
        help="comma-separated latencies the fake API adds to each call but getUpdates; "
        "one scenario each (default: %(default)s)",
    )
    parser.add_argument(
        "--with-rate-limiter",
        action="store_true",
        help="add a scenario as shipped: AIORateLimiter (about 30 replies/s) and flood guard",
    )
    parser.add_argument(
        "--timeout", type=float, default=120, help="seconds to wait for all replies per scenario"
    )
    parser.add_argument("--dev", type=Path, default=DEV_SET, help="the questions (dev.yaml format)")
    args = parser.parse_args(argv)
    if not APP.exists():
        print(
            "bench_bot: SKIPPED — bot/telegram/app.py does not exist yet; it needs "
            "`qa-bot run` reading TELEGRAM_API_BASE_URL.",
            file=sys.stderr,
        )
        return 0
    questions = dev_questions(args.dev)
    outcomes = []
    latencies = [float(x) for x in args.api_latency_ms.split(",") if x.strip()]
    for latency in latencies:
        outcomes.append(
            run_scenario(
                f"no rate limiter, API +{latency:.0f} ms",
                questions,
                args.chats,
                args.per_chat,
                latency,
                rate_limiter=False,
                timeout=args.timeout,
            )
        )
        print(f"done: {outcomes[-1].name}", file=sys.stderr, flush=True)
    if args.with_rate_limiter:
        outcomes.append(
            run_scenario(
                "as shipped (AIORateLimiter, flood guard)",
                questions,
                args.chats,
                args.per_chat,
                latencies[0] if latencies else 0,
                rate_limiter=True,
                timeout=max(args.timeout, args.chats * args.per_chat / 20),
            )
        )
    total = args.chats * args.per_chat
    print(
        f"{total} questions from {args.chats} private chats ({args.per_chat} each), queued at "
        "once; the bundled knowledge; RATE LIMITER AND FLOOD GUARD DISABLED unless the scenario "
        "says otherwise."
    )
    print()
    print_table(outcomes)
    print()
    print(
        "latency = delivery (getUpdates hands out the batch) -> reply (sendMessage arrives), so "
        "it includes the wait in the bot's queue behind earlier questions."
    )
    print(
        f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (1 min) at the "
        "end; other processes inflate every number, so compare within one run."
    )
    print()
    all_ok = all(
        o.lost == 0 and o.extra == 0 and o.rejected == 0 and o.exit_code == 0 for o in outcomes
    )
    concurrent = all(o.max_in_flight > 1 for o in outcomes if o.api_latency_ms > 0)
    print()
    print("| bar | measured | verdict |")
    print("|---|---|---|")
    lost = sum(o.lost for o in outcomes)
    print(
        f"| {total} questions from {args.chats} chats all answered, none lost | "
        f"{lost} lost, {sum(o.extra for o in outcomes)} extra, "
        f"{sum(o.rejected for o in outcomes)} rejected | {'PASS' if all_ok else 'FAIL'} |"
    )
    with_latency = [o for o in outcomes if o.api_latency_ms > 0]
    if with_latency:
        o = with_latency[0]
        print(
            f"| replies concurrent | up to {o.max_in_flight} calls in flight; "
            f"{o.total_s:.1f} s vs {o.questions * o.api_latency_ms / 1000:.0f} s sequential "
            f"| {'PASS' if concurrent else 'FAIL'} |"
        )
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
