"""`qa-bot run` as a process: start-up checks, signals, exit codes, and a token-free log."""

from __future__ import annotations

import asyncio
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from tests.fakebotapi import FakeBotApi
from tests.support.cli import clean_env, qa_bot
from tests.support.telegram import expected_answer_text, start_qa_bot_run

_start = start_qa_bot_run


async def _stop(process: subprocess.Popen[str], sig: signal.Signals) -> tuple[int, str]:
    process.send_signal(sig)
    out, err = await asyncio.to_thread(process.communicate, timeout=20)
    return process.returncode, out + err


@pytest.mark.slow
async def test_run_answers_then_sigint_lets_the_answer_finish_and_exits_0(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    process = _start(fake_api, library, tmp_path, QA_LOG_LEVEL="DEBUG")
    try:
        await fake_api.wait_for_call("getUpdates", timeout=20)
        assert [c["command"] for c in fake_api.commands][:2] == ["start", "help"]
        # A 502 while polling, then a question whose answer is held up by a 429...
        fake_api.fail_next("getUpdates", 502)
        await fake_api.wait_for(lambda _: fake_api.errors_returned, timeout=10)
        fake_api.fail_next("sendMessage", 429, retry_after=1)
        fake_api.send_text("How did the council vote?")
        await fake_api.wait_for_call("sendMessage", timeout=10)  # the 429: answer in flight
        code, output = await _stop(process, signal.SIGINT)  # ...stopped while it waits
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert code == 0, output
    [reply] = fake_api.messages_in(1001)  # the in-flight answer was still delivered
    assert reply["text"] == expected_answer_text(library, "vote")
    assert "started as @g4s_qa_bot: 7 entries from 1 article(s)" in output
    assert "outcome=answered entry=vote" in output
    assert "Telegram request failed while polling" in output
    # DEBUG logs every Bot API URL and request; the token never shows, however encoded.
    secret = fake_api.token.split(":", 1)[1]
    for leak in (fake_api.token, secret, fake_api.token.replace(":", "%3A")):
        assert leak not in output
    assert "<redacted>" in output
    assert " DEBUG " in output


@pytest.mark.slow
async def test_sigterm_stops_the_bot_with_exit_code_0(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    process = _start(fake_api, library, tmp_path)
    try:
        await fake_api.wait_for_call("getUpdates", timeout=20)
        code, output = await _stop(process, signal.SIGTERM)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert code == 0, output
    assert output.rstrip().endswith("stopped")


@pytest.mark.slow
def test_run_without_a_token_explains_how_to_get_one(tmp_path: Path) -> None:
    done = qa_bot("run", env=clean_env(), cwd=tmp_path)
    assert done.returncode == 1
    for hint in ("@BotFather", "/newbot", "TELEGRAM_BOT_TOKEN=", ".env", "qa-bot chat"):
        assert hint in done.stderr
    assert done.stdout == ""


@pytest.mark.slow
def test_a_token_telegram_rejects_exits_1_with_a_hint(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    wrong = "7000000001:AAWrongTokenWrongTokenWrongToken-000"
    env = clean_env(TELEGRAM_BOT_TOKEN=wrong, TELEGRAM_API_BASE_URL=fake_api.base_url)
    done = qa_bot("--knowledge", str(library), "run", env=env, cwd=tmp_path)
    assert done.returncode == 1
    assert "Telegram rejected TELEGRAM_BOT_TOKEN" in done.stderr
    assert wrong not in done.stderr + done.stdout
    assert wrong.split(":")[1] not in done.stderr + done.stdout
    assert [c.method for c in fake_api.calls] == ["getMe"]


@pytest.mark.slow
def test_invalid_knowledge_exits_1_before_any_request(
    fake_api: FakeBotApi, library: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(library, broken)
    yaml_file = broken / "library.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(text.replace("by seven votes to four", "by nine votes to two"), "utf-8")
    # The token comes from ./.env this time: the settings are read from there too.
    (tmp_path / ".env").write_text(
        f"TELEGRAM_BOT_TOKEN={fake_api.token}\nTELEGRAM_API_BASE_URL={fake_api.base_url}\n"
    )
    run = qa_bot("--knowledge", str(broken), "run", env=clean_env(), cwd=tmp_path)
    check = qa_bot("--knowledge", str(broken), "check", env=clean_env(), cwd=tmp_path)
    assert run.returncode == check.returncode == 1
    assert run.stderr == check.stderr
    assert "library.yaml" in run.stderr and "quote" in run.stderr
    assert fake_api.calls == []


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [("QA_LOG_LEVEL", "loud", "log level"), ("TELEGRAM_BOT_TOKEN", "oops", "BotFather")],
)
@pytest.mark.slow
def test_malformed_settings_exit_1_with_a_message(
    tmp_path: Path, name: str, value: str, message: str
) -> None:
    done = qa_bot("run", env=clean_env(**{name: value}), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("qa-bot run: ") and message in done.stderr
    assert "Traceback" not in done.stderr
