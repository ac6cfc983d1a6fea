"""The `qa-bot` command line for tests: in-process through main() wherever no process is
needed, and otherwise as a process of the checkout under test (`python -m bot` with
PYTHONPATH set to the checkout), never whatever `qa-bot` happens to be installed."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from bot.cli import Io, main
from tests.support.knowledge import ROOT

# The bot's own settings: a test's subprocess gets them only when the test sets them.
BOT_SETTINGS = ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "QA_KNOWLEDGE")


def call(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    """main(argv) in-process with string streams: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, io=Io(io.StringIO(stdin), out, err))
    return code, out.getvalue(), err.getvalue()


def check_lines(knowledge: Path) -> list[str]:
    """The problem lines `qa-bot check` prints for an invalid knowledge (without its closing
    summary)."""
    code, _, err = call(["check", str(knowledge)])
    assert code == 1
    return err.splitlines()[:-1]


def clean_env(**extra: str) -> dict[str, str]:
    """The test process's environment without the bot's settings, with the checkout first on
    PYTHONPATH, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in BOT_SETTINGS}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env.update(extra)
    return env


def checkout_env(env: Mapping[str, str]) -> dict[str, str]:
    """`env` (a test's own, minimal environment) with the checkout on PYTHONPATH."""
    return {**env, "PYTHONPATH": str(ROOT)}


def qa_bot_command() -> list[str]:
    """`qa-bot` as a process of the checkout under test (with PYTHONPATH from clean_env)."""
    return [sys.executable, "-m", "bot"]


def run_process(
    command: list[str],
    *,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 60,
    check: bool = False,
) -> subprocess.CompletedProcess[str]:
    """`command` to completion, on the checkout (clean_env unless `env` is given, which gets
    the checkout's PYTHONPATH); with `check`, a failure raises CalledProcessError."""
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=clean_env() if env is None else checkout_env(env),
        timeout=timeout,
        check=check,
    )


def python(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 60,
    check: bool = False,
) -> subprocess.CompletedProcess[str]:
    """The test interpreter with `args`, on the checkout, to completion (see run_process)."""
    return run_process(
        [sys.executable, *args], cwd=cwd, env=env, stdin=stdin, timeout=timeout, check=check
    )


def qa_bot(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 60,
    check: bool = False,
) -> subprocess.CompletedProcess[str]:
    """`qa-bot ARGS` as a process of the checkout, to completion."""
    return python("-m", "bot", *args, cwd=cwd, env=env, stdin=stdin, timeout=timeout, check=check)


def run_in_process(
    argv: list[str], cwd: Path, stdin: str = "", env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """main(argv) with `cwd` as working folder and `env` as the whole environment (clean_env
    when None), returned as a finished process would be."""
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(clean_env() if env is None else env)
    try:
        with (
            contextlib.chdir(cwd),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            try:
                code = main(argv, io=Io(io.StringIO(stdin), out, err))
            except SystemExit as exc:  # argparse: --help, usage errors
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())
