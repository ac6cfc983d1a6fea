"""The `qa-bot` command line: ask, chat, check, eval, run, report, coverage.

The command line imports only what a command needs: the Telegram library is loaded by `run`
alone, so `qa-bot ask` starts fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from bot.engine import Engine
from bot.knowledge import KnowledgeError, Problem, load_knowledge
from bot.model import Outcome

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class Io:
    """Where a command reads and writes; tests and other adapters inject their own."""

    def __init__(
        self,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
    ) -> None:
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def err(self, text: str) -> None:
        print(text, file=self.stderr, flush=True)


class UserError(Exception):
    """A mistake of the person running the command: reported without a traceback."""


def _load_engine(args: argparse.Namespace) -> Engine:
    return Engine(load_knowledge(args.knowledge))


# -- commands ------------------------------------------------------------------------------------


def cmd_ask(args: argparse.Namespace, io: Io) -> int:
    """Answer one question (or one per line of stdin with `-`)."""
    if args.question == "-":
        engine = _load_engine(args)
        for line in io.stdin:
            question = line.rstrip("\n")
            if question.strip():
                _print_result(engine, question, args, io)
        return EXIT_OK
    if not args.question.strip():
        raise UserError(
            'the question is empty; ask something, e.g. qa-bot ask "How much was '
            'the G4S deal worth?"'
        )
    engine = _load_engine(args)
    _print_result(engine, args.question, args, io)
    return EXIT_OK


def _print_result(engine: Engine, question: str, args: argparse.Namespace, io: Io) -> None:
    from bot.render import render_explanation, render_text

    result = engine.ask(question, explain=args.explain)
    if args.json:
        data = result.to_json()
        if args.explain and result.explanation:
            data["explain"] = render_explanation(result.explanation)
        io.out(json.dumps(data, ensure_ascii=False))
        return
    examples = engine.examples() if result.outcome is Outcome.NO_MATCH else None
    io.out(render_text(result, examples, engine.knowledge.articles))
    if args.explain and result.explanation:
        io.out()
        io.out(render_explanation(result.explanation))


def cmd_chat(args: argparse.Namespace, io: Io) -> int:
    """The bot in a terminal: same answers, small talk and follow-ups (bot.terminal_chat)."""
    from bot.terminal_chat import run_chat

    run_chat(_load_engine(args), io.stdin, io.stdout)
    return EXIT_OK


def cmd_check(args: argparse.Namespace, io: Io) -> int:
    """Validate the knowledge; exit 1 on any error."""
    from bot.checks import ambiguous_variants

    knowledge = load_knowledge(args.path or args.knowledge)
    warnings: list[Problem] = [*knowledge.warnings, *ambiguous_variants(Engine(knowledge))]
    for warning in warnings:
        io.err(str(warning))
    questions = sum(len(e.questions) for e in knowledge.entries.values())
    io.out(
        f"OK: {len(knowledge.entries)} entries, {questions} question variants, "
        f"{len(knowledge.articles)} article(s), {len(warnings)} warning(s)"
    )
    return EXIT_OK


def cmd_eval(args: argparse.Namespace, io: Io) -> int:
    """Run a question file and print in-scope accuracy and out-of-scope rejection."""
    from bot.evaluate import EvalFileError, evaluate, load_eval_file

    try:
        in_scope, out_of_scope = load_eval_file(Path(args.file))
    except EvalFileError as exc:
        raise UserError(str(exc)) from exc
    engine = _load_engine(args)
    report = evaluate(engine, in_scope, out_of_scope)
    for failure in report.failures:
        io.out(f"FAIL {failure}")
    io.out(
        f"In-scope accuracy:      {report.in_scope_correct}/{report.in_scope_total} "
        f"= {report.in_scope_accuracy:.1%}"
    )
    io.out(
        f"Out-of-scope rejection: {report.out_of_scope_declined}/{report.out_of_scope_total} "
        f"= {report.out_of_scope_rejection:.1%}"
    )
    below = []
    if args.min_in_scope is not None and report.in_scope_accuracy < args.min_in_scope:
        below.append(f"in-scope accuracy below {args.min_in_scope:.0%}")
    if args.min_out_of_scope is not None and report.out_of_scope_rejection < args.min_out_of_scope:
        below.append(f"out-of-scope rejection below {args.min_out_of_scope:.0%}")
    if below:
        io.err("qa-bot eval: " + "; ".join(below))
        return EXIT_ERROR
    return EXIT_OK


def cmd_run(args: argparse.Namespace, io: Io) -> int:
    """Start the Telegram bot in polling mode."""
    from bot.telegram.app import run

    return run(knowledge=args.knowledge, log_level=args.log_level)


def cmd_report(args: argparse.Namespace, io: Io) -> int:
    """Summarise the question log for authors; --yaml prints proposals as knowledge YAML."""
    import sqlite3
    from datetime import UTC, datetime

    from bot.report import build_report, render_text, render_yaml
    from bot.schema import StoreError, open_database, resolve_db_path

    path = resolve_db_path(args.db)
    if not path.is_file():
        raise UserError(
            f"no question log at {path}; the bot creates it when it is asked its first "
            "question (set QA_DB_PATH or pass --db PATH)"
        )
    known = _known_wordings(args, io)
    try:
        conn = open_database(path)
        try:
            report = build_report(conn, datetime.now(UTC), args.since, known)
        finally:
            conn.close()
    except (StoreError, sqlite3.Error) as exc:
        raise UserError(f"cannot read the question log {path}: {exc}") from exc
    io.out(render_yaml(report, known or ()) if args.yaml else render_text(report, args.since))
    return EXIT_OK


def _known_wordings(args: argparse.Namespace, io: Io) -> dict[str, tuple[str, ...]] | None:
    """Each entry's wordings, so the report does not propose them again."""
    try:
        knowledge = load_knowledge(args.knowledge)
    except KnowledgeError:
        # A report is still useful while the knowledge is being fixed.
        io.err(
            "qa-bot report: the knowledge has errors (run qa-bot check); proposals are not "
            "compared with it"
        )
        return None
    return {entry.id: entry.questions for entry in knowledge.entries.values()}


def cmd_coverage(args: argparse.Namespace, io: Io) -> int:
    """List the article sentences that no entry quotes, and how many entries cite each article."""
    from bot.coverage import article_coverage, render_coverage

    knowledge = load_knowledge(args.path or args.knowledge)
    io.out(render_coverage(article_coverage(knowledge)))
    return EXIT_OK


# -- parsing -------------------------------------------------------------------------------------


def _fraction(value: str) -> float:
    number = float(value.rstrip("%"))
    number = number / 100 if value.endswith("%") or number > 1 else number
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError("give a fraction between 0 and 1, or a percentage")
    return number


def _days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        days = 0
    if days < 1:
        raise argparse.ArgumentTypeError("give a whole number of days, 1 or more")
    return days


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qa-bot",
        description="Answers questions about a news article, quoting the sentence that backs "
        "each answer.",
    )
    parser.add_argument(
        "--knowledge",
        metavar="PATH",
        help="knowledge folder or YAML file (default: $QA_KNOWLEDGE, else the bundled one)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ask = commands.add_parser("ask", help="answer one question ('-' reads one per line)")
    ask.add_argument("question", help="the question, or - to read questions from stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--explain", action="store_true", help="show how the answer was chosen")
    ask.set_defaults(handler=cmd_ask)

    chat = commands.add_parser("chat", help="ask questions interactively in the terminal")
    chat.set_defaults(handler=cmd_chat)

    check = commands.add_parser("check", help="validate the knowledge (exit 1 on errors)")
    check.add_argument("path", nargs="?", help="knowledge folder or YAML file")
    check.set_defaults(handler=cmd_check)

    ev = commands.add_parser("eval", help="measure answer quality on a question file")
    ev.add_argument("file", help="questions in the format of shared/eval/dev.yaml")
    ev.add_argument(
        "--min-in-scope",
        type=_fraction,
        metavar="F",
        help="exit 1 if in-scope accuracy is below F (0..1 or NN%%)",
    )
    ev.add_argument(
        "--min-out-of-scope",
        type=_fraction,
        metavar="F",
        help="exit 1 if out-of-scope rejection is below F (0..1 or NN%%)",
    )
    ev.set_defaults(handler=cmd_eval)

    run = commands.add_parser("run", help="run the Telegram bot (polling)")
    run.add_argument("--log-level", default=None, help="DEBUG, INFO (default), WARNING or ERROR")
    run.set_defaults(handler=cmd_run)

    report = commands.add_parser("report", help="what people asked: gaps and new variants")
    report.add_argument(
        "--since", type=_days, default=30, metavar="DAYS", help="look back DAYS days (default 30)"
    )
    report.add_argument(
        "--yaml", action="store_true", help="print the proposals as knowledge YAML to paste"
    )
    report.add_argument(
        "--db",
        metavar="PATH",
        help="the question log (default: $QA_DB_PATH, else ./qa-bot-data/questions.sqlite3)",
    )
    report.set_defaults(handler=cmd_report)

    coverage = commands.add_parser("coverage", help="article sentences that no entry quotes")
    coverage.add_argument("path", nargs="?", help="knowledge folder or YAML file")
    coverage.set_defaults(handler=cmd_coverage)
    return parser


def _load_dotenv() -> None:
    """Read ./.env into the environment (variables already set win)."""
    env_file = Path.cwd() / ".env"
    if env_file.is_file():
        from dotenv import load_dotenv

        load_dotenv(env_file, override=False)


def main(argv: Sequence[str] | None = None, io: Io | None = None) -> int:
    """Run one command; map outcomes to exit codes."""
    io = io or Io()
    parser = build_parser()
    args = parser.parse_args(argv)
    _load_dotenv()
    handler: Callable[[argparse.Namespace, Io], int] = args.handler
    try:
        return handler(args, io)
    except KnowledgeError as exc:
        io.err(exc.report())
        return EXIT_ERROR
    except UserError as exc:
        io.err(f"qa-bot {args.command}: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        io.err("")
        return 130
    except BrokenPipeError:
        return EXIT_OK
