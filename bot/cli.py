"""The `qa-bot` command line: ask, chat, check, draft, eval, run, report, coverage.

The command line imports only what a command needs: the Telegram library is loaded by `run`
alone, so `qa-bot ask` starts fast.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from bot.cache import load_engine
from bot.config import Settings, parse_number, terminal_columns
from bot.engine import Engine
from bot.errors import EXIT_ERROR, EXIT_OK, UserError
from bot.knowledge import Knowledge, KnowledgeError, Problem, load_knowledge
from bot.model import Outcome


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


def _load_engine(settings: Settings) -> Engine:
    return load_engine(settings.knowledge)


# -- commands ------------------------------------------------------------------------------------


def cmd_ask(args: argparse.Namespace, settings: Settings, io: Io) -> int:
    """Answer one question (or one per line of stdin with `-`)."""
    if args.question == "-":
        engine = _load_engine(settings)
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
    engine = _load_engine(settings)
    _print_result(engine, args.question, args, io)
    return EXIT_OK


def _print_result(engine: Engine, question: str, args: argparse.Namespace, io: Io) -> None:
    from bot.render_text import render_explanation, render_text

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


def cmd_chat(args: argparse.Namespace, settings: Settings, io: Io) -> int:
    """The bot in a terminal: same answers, small talk and follow-ups (bot.terminal_chat)."""
    from bot.terminal_chat import run_chat

    run_chat(_load_engine(settings), io.stdin, io.stdout)
    return EXIT_OK


def cmd_check(args: argparse.Namespace, settings: Settings, io: Io) -> int:
    """Validate the knowledge; exit 1 on any error (and, with --strict, on any warning)."""
    from bot.answercheck import answer_problems
    from bot.checkcache import cached_ambiguities, knowledge_key

    path = args.path or settings.knowledge
    key = knowledge_key(path)
    engine = load_engine(path)
    knowledge = engine.knowledge
    ambiguities = cached_ambiguities(engine, path, key)
    warnings: list[Problem] = sorted(
        [*knowledge.warnings, *answer_problems(knowledge), *ambiguities],
        key=lambda p: (str(p.path), p.line, p.column),
    )
    if args.strict and warnings:
        for warning in warnings:
            io.err(
                str(
                    Problem(
                        warning.path,
                        warning.line,
                        warning.column,
                        warning.message,
                        warning.entry_id,
                    )
                )
            )
        count = len(warnings)
        io.err(
            f"{count} warning{'s' if count != 1 else ''} (errors with --strict); fix them and "
            "run `qa-bot check --strict` again."
        )
        return EXIT_ERROR
    for warning in warnings:
        io.err(str(warning))
    if args.propose:
        io.out(_render_proposals(knowledge))
    questions = sum(len(e.questions) for e in knowledge.entries.values())
    io.out(
        f"OK: {len(knowledge.entries)} entries, {questions} question variants, "
        f"{len(knowledge.articles)} article(s), {len(warnings)} warning(s)"
    )
    return EXIT_OK


def _render_proposals(knowledge: Knowledge) -> str:
    """Proposed wordings per entry, as YAML lines to copy into its `questions:`.

    A proposal the bot would already answer with another entry is left out: added to this
    one, it would make the two entries compete.
    """
    from bot.proposals import propose

    engine = Engine(knowledge)
    lines = ["# Proposed question wordings (none is used until you add it to the entry):"]
    for entry in knowledge.entries.values():
        proposals = [
            q
            for q in propose(entry.quote, entry.answer, entry.questions)
            if _answered_by(engine, q) in (None, entry.id)
        ]
        if proposals:
            lines.append(f"{entry.id} ({len(entry.questions)} wordings now):")
            lines += [f"  - {json.dumps(q, ensure_ascii=False)}" for q in proposals]
    return "\n".join(lines)


def _answered_by(engine: Engine, question: str) -> str | None:
    result = engine.ask(question)
    return result.entry.id if result.answered and result.entry else None


def cmd_draft(args: argparse.Namespace, settings: Settings, io: Io) -> int:
    """Write a starter knowledge file next to an article: one entry per sentence."""
    from bot.draft import draft_article, ids_in_folder, render_draft

    article = Path(args.article)
    try:
        text = article.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UserError(f"{article}: no such file; give the article's text file") from exc
    except IsADirectoryError as exc:
        raise UserError(f"{article} is a folder; give the article's text file") from exc
    except UnicodeDecodeError as exc:
        raise UserError(f"{article} is not UTF-8 text; save it as UTF-8 and try again") from exc
    except OSError as exc:
        raise UserError(f"{article}: cannot read the file: {exc.strerror}") from exc
    if not text.strip():
        raise UserError(f"{article} is empty; paste the article's text into it")
    target = article.with_suffix(".yaml")
    if target.exists() and not args.force:
        raise UserError(
            f"{target} already exists and was not changed; pass --force to replace it "
            "(your edits in it would be lost)"
        )
    draft = draft_article(text, article, ids_in_folder(article.parent, target))
    title = args.title or draft.title or _ask_title(io)
    target.write_text(render_draft(draft, title, args.origin), encoding="utf-8")
    io.out(
        f"Wrote {target}: {len(draft.entries)} entries (one per sentence) in "
        f"{len(draft.topics)} topic(s), {draft.proposal_count} proposed wordings as comments."
    )
    io.out(
        'Next: write each entry\'s questions and answer in place of "TODO", then run '
        f"`qa-bot check {target}`."
    )
    return EXIT_OK


def _ask_title(io: Io) -> str:
    """The title, asked for when the article has no headline line."""
    io.stdout.write("The article has no headline line. Its title: ")
    io.stdout.flush()
    title = io.stdin.readline().strip()
    io.out()
    if not title:
        raise UserError('the article has no headline line; give its title with --title "…"')
    return title


def cmd_eval(args: argparse.Namespace, settings: Settings, io: Io) -> int:
    """Run a question file and print in-scope accuracy and out-of-scope rejection."""
    from bot.evaluate import evaluate, load_eval_file

    in_scope, out_of_scope = load_eval_file(Path(args.file))
    engine = _load_engine(settings)
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


def cmd_run(args: argparse.Namespace, settings: Settings, io: Io) -> int:
    """Start the Telegram bot in polling mode."""
    from bot.telegram.app import run

    run(settings)
    return EXIT_OK


def cmd_report(args: argparse.Namespace, settings: Settings, io: Io) -> int:
    """Summarise the question log for authors; --yaml prints proposals as knowledge YAML."""
    import sqlite3
    from datetime import UTC, datetime

    from bot.report import build_report, render_text, render_yaml
    from bot.schema import StoreError, open_database

    path = settings.store.path
    if not path.is_file():
        raise UserError(
            f"no question log at {path}; the bot creates it when it is asked its first "
            "question (set QA_DB_PATH or pass --db PATH)"
        )
    knowledge = _knowledge_for_report(settings, io)
    known = (
        {entry.id: entry.questions for entry in knowledge.entries.values()} if knowledge else None
    )
    try:
        conn = open_database(path)
        try:
            report = build_report(conn, datetime.now(UTC), args.since, known)
        finally:
            conn.close()
    except (StoreError, sqlite3.Error) as exc:
        raise UserError(f"cannot read the question log {path}: {exc}") from exc
    if args.yaml:
        from bot.report import KnownWords

        words = KnownWords.of(knowledge) if knowledge else None
        io.out(render_yaml(report, known or (), words))
    else:
        io.out(render_text(report, args.since))
    return EXIT_OK


def _knowledge_for_report(settings: Settings, io: Io) -> Knowledge | None:
    """The knowledge, so the report does not propose known wordings or off-topic questions."""
    try:
        return load_knowledge(settings.knowledge)
    except KnowledgeError:
        # A report is still useful while the knowledge is being fixed.
        io.err(
            "qa-bot report: the knowledge has errors (run qa-bot check); proposals are not "
            "compared with it"
        )
        return None


def cmd_coverage(args: argparse.Namespace, settings: Settings, io: Io) -> int:
    """List the article sentences that no entry quotes, and how many entries cite each article."""
    from bot.coverage import article_coverage, render_coverage

    knowledge = load_knowledge(args.path or settings.knowledge)
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
        return parse_number(value, int, 1)
    except ValueError:
        raise argparse.ArgumentTypeError("give a whole number of days, 1 or more") from None


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, told the terminal's width: left to find it, argparse imports
    shutil (with bz2 and lzma), which costs every `qa-bot ask` a few milliseconds."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = width if width is not None else terminal_columns() - 2  # as argparse does
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help, and its subcommands' (they share its class), uses
    _HelpFormatter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    check.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on any)"
    )
    check.add_argument(
        "--propose",
        action="store_true",
        help="also propose question wordings for each entry, from its quote (to copy in)",
    )
    check.set_defaults(handler=cmd_check)

    draft = commands.add_parser(
        "draft", help="write a starter knowledge YAML next to an article text"
    )
    draft.add_argument("article", help="the article's text file (ARTICLE.txt)")
    draft.add_argument("--title", help="the article's title (default: its headline line)")
    draft.add_argument("--origin", help="where the article comes from (publication, date)")
    draft.add_argument(
        "--force", action="store_true", help="replace ARTICLE.yaml if it exists already"
    )
    draft.set_defaults(handler=cmd_draft)

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


def load_settings(args: argparse.Namespace) -> Settings:
    """The settings of this run: flags, then the environment, then ./.env, read once.

    Only `run` checks every setting; the other commands read where things are."""
    if args.command == "run":
        return Settings.from_env(knowledge=args.knowledge, log_level=args.log_level)
    return Settings.locations(knowledge=args.knowledge, db=getattr(args, "db", None))


def main(argv: Sequence[str] | None = None, io: Io | None = None) -> int:
    """Run one command; the one place that maps errors to output and exit codes."""
    io = io or Io()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace, Settings, Io], int] = args.handler
    try:
        return handler(args, load_settings(args), io)
    except UserError as exc:
        io.err(exc.for_command(args.command))
        return exc.exit_code
    except KeyboardInterrupt:
        io.err("")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def console() -> NoReturn:
    """The `qa-bot` command (and `python -m bot`): run main() and exit with its code."""
    code = main()
    # Everything left is freed at exit anyway: frozen, it is skipped by the collection the
    # interpreter makes on the way out (a tenth of a warm `qa-bot ask`; benchmarks/RESULTS.md).
    gc.freeze()
    sys.exit(code)
