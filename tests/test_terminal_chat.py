"""`qa-bot chat`: the bot in a terminal. Through stdin (a pipe) and through a pseudo-terminal,
where readline gives line editing and history."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.model import Outcome, Result, Suggestion
from bot.terminal_chat import TerminalChat
from tests.support.cli import call, clean_env, qa_bot_command
from tests.support.knowledge import BUNDLED, LIBRARY, ROOT

SURREY = "What did Surrey Police Authority decide?"


def chat_through_stdin(stdin: str, knowledge: Path = BUNDLED) -> str:
    """`qa-bot --knowledge K chat` in-process, its input piped (not a terminal)."""
    with contextlib.chdir(ROOT):
        code, out, err = call(["--knowledge", str(knowledge), "chat"], stdin)
    assert code == 0, err
    assert err == ""
    return out


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load(BUNDLED)


def test_small_talk_gets_the_bots_friendly_replies() -> None:
    out = chat_through_stdin("hello\nthanks!\nbye\n")
    assert "Hello! Ask me a question about" in out
    assert "You're welcome! Ask me anything else about the article." in out
    assert "Bye!" in out
    assert "Sorry, I don't know that" not in out
    assert "<i>" not in out  # plain text, not Telegram HTML


def test_a_follow_up_is_answered_about_the_last_answer(engine: Engine) -> None:
    first = engine.ask(SURREY)
    assert first.entry is not None
    followed = engine.ask("why?", subject=first.entry.id)
    assert followed.entry is not None
    out = chat_through_stdin(f"why?\n{SURREY}\nwhy?\n")
    before, after = out.split(first.entry.answer, 1)
    assert "Sorry, I don't know that" in before  # "why?" alone, with nothing asked yet
    assert followed.entry.question in after and followed.entry.answer in after


def test_an_empty_line_does_nothing_and_quit_leaves() -> None:
    out = chat_through_stdin(f"\n   \n{SURREY}\nquit\nHow much is the G4S deal worth?\n")
    assert "Surrey Police Authority" in out
    assert "77m" not in out  # nothing is read after "quit"
    assert out.count("? ") == 4  # prompts: two empty lines, the question, quit


def test_a_number_picks_a_pending_suggestion_or_says_there_is_none(engine: Engine) -> None:
    chat = TerminalChat(engine)
    reply = chat.reply("3")
    assert reply is not None and "There are no suggestions to pick from right now" in reply
    entries = list(engine.knowledge.entries.values())[:2]
    offered = tuple(Suggestion(e.id, e.question, 0.4) for e in entries)
    shown = chat._show(Result("G4S", Outcome.UNSURE, 0.4, suggestions=offered, keyword="G4S"))
    assert shown.startswith("About G4S I can tell you:\n  1. ")
    assert shown.endswith("(type the number of a suggestion)")
    assert chat.reply("5") == "Pick a number from 1 to 2, or ask a question."
    picked = chat.reply("2")
    assert picked is not None and entries[1].answer.split()[0] in picked
    assert chat.reply("1") is not None and "There are no suggestions" in str(chat.reply("1"))
    assert chat.reply("") is None and chat.reply("   ") is None


def test_two_questions_in_one_message_are_each_answered(engine: Engine) -> None:
    chat = TerminalChat(engine)
    first, second, third, fourth = list(engine.knowledge.entries.values())[:4]
    result = engine.answer_entry(first.id, "two things?")._replace(
        others=tuple(engine.answer_entry(e.id) for e in (second, third, fourth)),
    )
    shown = chat._show(result)
    assert shown.index(first.quote[:40]) < shown.index(second.quote[:40])
    assert third.quote[:40] in shown
    assert fourth.quote[:40] not in shown  # three questions at most


def test_topics_are_listed_in_plain_text() -> None:
    out = chat_through_stdin("/topics\n", LIBRARY)
    assert "Everything I can answer" in out and "\u2022 Which library is closing?" in out
    assert "<b>" not in out


# -- a real terminal -----------------------------------------------------------------------------


def _read_until(fd: int, seen: bytearray, done: Callable[[bytes], bool]) -> None:
    """Read the terminal into `seen` until `done(seen)`; fail after 30 seconds."""
    deadline = time.monotonic() + 30
    while not done(bytes(seen)):
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"still waiting; the terminal shows {bytes(seen)!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                chunk = b""
            if not chunk:
                raise AssertionError(f"the chat ended early; the terminal shows {bytes(seen)!r}")
            seen.extend(chunk)


ANSWER = b"On Saturday, outside the town hall."


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.slow
def test_in_a_terminal_the_up_arrow_recalls_the_last_question() -> None:
    main, child = pty.openpty()
    env = clean_env(TERM="dumb")
    process = subprocess.Popen(
        [*qa_bot_command(), "--knowledge", str(LIBRARY), "chat"],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        cwd=ROOT,
    )
    os.close(child)
    seen = bytearray()
    try:
        _read_until(main, seen, lambda out: out.endswith(b"? "))
        os.write(main, b"When will campaigners protest?\r")
        _read_until(main, seen, lambda out: ANSWER in out and out.endswith(b"? "))
        os.write(main, b"\r")  # an empty line: nothing happens, a new prompt
        _read_until(main, seen, lambda out: out.count(b"? ") >= 3)
        # Up arrow, then Enter: readline brings back the earlier question.
        os.write(main, b"\x1b[A\r")
        _read_until(main, seen, lambda out: out.count(ANSWER) == 2 and out.endswith(b"? "))
        assert b"^[[A" not in seen
        os.write(main, b"\x04")  # Ctrl-D leaves
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(main)


def test_with_two_articles_the_chat_speaks_of_both(tmp_path: Path) -> None:
    for source in (BUNDLED, LIBRARY):
        for file in source.iterdir():
            (tmp_path / file.name).write_bytes(file.read_bytes())
    out = chat_through_stdin("thanks!\nwhat colour is the sky on mars\n/topics\n", tmp_path)
    assert "Ask me anything else about the articles." in out
    assert "the articles I have read" in out
    engine = Engine.load(tmp_path)
    for article in engine.knowledge.articles.values():
        assert f"\U0001f4f0 {article.title}" in out  # /topics under each article's title
