"""`qa-bot chat`: the bot in a terminal, with the same conversation as in Telegram.

Small talk, follow-ups ("why?" after an answer), several questions in one message and
keyword menus behave as in the bot; a number picks one of the suggestions just offered. On a
terminal, lines are read with `readline` (line editing, Up/Down for earlier questions);
piped input is read line by line. An empty line does nothing; Ctrl-D or "quit" leaves.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Iterator
from typing import TextIO

from bot.conversation import Subjects
from bot.engine import Engine
from bot.model import Outcome, Result
from bot.question_policy import MAX_QUESTIONS, Screening
from bot.render_text import render_text
from bot.telegram.texts import knowledge_topics_pages, smalltalk_html

PROMPT = "? "
QUIT_WORDS = frozenset({"quit", "exit", ":q", "/quit"})
TOPICS_WORDS = frozenset({"/topics", "topics"})
KEY = "terminal"  # one person, one conversation
_TAG = re.compile(r"<[^>]+>")


def plain(html_text: str) -> str:
    """Telegram HTML as terminal text: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", html_text))


def terminal_lines(stdin: TextIO, stdout: TextIO) -> Iterator[str]:
    """The person's lines: through readline on a terminal, else read from `stdin` as is."""
    if stdin.isatty() and stdout.isatty():
        # Importing readline gives input() line editing and history; where it is missing
        # (Windows), plain input() still works.
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401
        while True:
            try:
                yield input(PROMPT)
            except EOFError:
                return
    while True:
        stdout.write(PROMPT)
        stdout.flush()
        line = stdin.readline()
        if not line:
            return
        yield line.rstrip("\n")


class TerminalChat:
    """One conversation with the engine: remembers the subject and pending suggestions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.subjects = Subjects()
        self.pending: list[str] = []  # entry ids of the suggestions just offered

    def greeting(self) -> str:
        articles = list(self.engine.knowledge.articles.values())
        titles = "; ".join(a.title for a in articles)
        return (
            f"Ask me about: {titles}.\n"
            'A number picks a suggestion; /topics lists what I can answer; Ctrl-D or "quit" '
            "leaves."
        )

    def reply(self, line: str) -> str | None:
        """The reply to one line; None for an empty one."""
        screened = self.engine.screen(line)
        message = screened.text
        if screened.kind is Screening.EMPTY:
            return None
        if message.isdigit():
            return self._pick(int(message))
        if message.lower() in TOPICS_WORDS:
            pages = knowledge_topics_pages(self.engine.knowledge, per_page=10**6, limit=10**9)
            return "\n\n".join(plain(page) for page in pages)
        if screened.small_talk is not None:
            articles = list(self.engine.knowledge.articles.values())
            return plain(smalltalk_html(screened.small_talk, articles))
        # A long paste (Screening.TOO_LONG) is answered from its start, as `qa-bot ask` does.
        result = self.engine.ask(message, subject=self.subjects.recall(KEY))
        return self._show(result)

    def _pick(self, number: int) -> str:
        if not self.pending:
            return (
                "There are no suggestions to pick from right now. Ask a question; when I'm "
                "not sure what you mean, I list a few and you can type the number of one."
            )
        if not 1 <= number <= len(self.pending):
            return f"Pick a number from 1 to {len(self.pending)}, or ask a question."
        entry_id = self.pending[number - 1]
        if entry_id not in self.engine.knowledge.entries:
            self.pending = []
            return "That question is no longer in my notes. Please ask again."
        return self._show(self.engine.answer_entry(entry_id))

    def _show(self, result: Result) -> str:
        self.subjects.remember(KEY, result)
        shown = result.others[: MAX_QUESTIONS - 1]
        result = result if len(shown) == len(result.others) else _with_others(result, shown)
        # The numbers typed next pick from the last menu shown.
        menus = [r for r in (result, *result.others) if r.outcome is Outcome.UNSURE]
        self.pending = [s.entry_id for s in menus[-1].suggestions] if menus else []
        knowledge = self.engine.knowledge
        examples = self.engine.examples() if result.outcome is Outcome.NO_MATCH else None
        text = render_text(result, examples, knowledge.articles)
        if self.pending:
            text += "\n(type the number of a suggestion)"
        return text


def _with_others(result: Result, others: tuple[Result, ...]) -> Result:
    return result._replace(others=others)


def run_chat(engine: Engine, stdin: TextIO, stdout: TextIO) -> None:
    """Talk until Ctrl-D or "quit"."""
    chat = TerminalChat(engine)
    print(chat.greeting(), file=stdout, flush=True)
    for line in terminal_lines(stdin, stdout):
        if line.strip().lower() in QUIT_WORDS:
            break
        reply = chat.reply(line)
        if reply is not None:
            print(f"{reply}\n", file=stdout, flush=True)
    print(file=stdout, flush=True)
