"""Settings (bot/config.py): the environment, `.env` and the command line; the token and the
hash key kept secret; malformed values say what to fix; `.env.example` documents them all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.config import DEFAULT_API_BASE_URL, ConfigError, Secret, Settings, terminal_columns

TOKEN = "123456789:AAHsecretSECRETsecret_-xyz"


def test_settings_read_the_environment_and_hide_the_token(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:1/bot",
        "QA_KNOWLEDGE": "some/folder",
        "QA_LOG_LEVEL": "debug",
        "QA_POLL_TIMEOUT": "0.5",
    }
    settings = Settings.from_env(environ=env, dotenv=tmp_path / "absent.env")
    assert settings.token is not None and settings.token.reveal() == TOKEN
    assert settings.api_base_url == "http://127.0.0.1:1/bot"
    assert settings.knowledge == "some/folder"
    assert settings.log_level == "DEBUG"
    assert settings.poll_timeout == 0.5
    for shown in (repr(settings), str(settings), f"{settings.token}", repr(settings.token)):
        assert TOKEN not in shown
        assert "AAH" not in shown
    assert settings.secrets() == [TOKEN]


def test_settings_defaults_and_command_line_wins(tmp_path: Path) -> None:
    env = {"QA_KNOWLEDGE": "from-env", "QA_LOG_LEVEL": "ERROR"}
    settings = Settings.from_env(
        knowledge="from-flag", log_level="warning", environ=env, dotenv=tmp_path / "x"
    )
    assert settings.token is None
    assert settings.api_base_url == DEFAULT_API_BASE_URL
    assert settings.knowledge == "from-flag"
    assert settings.log_level == "WARNING"
    assert Settings.from_env(environ={}, dotenv=tmp_path / "x").log_level == "INFO"


def test_dotenv_is_read_but_the_environment_wins(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nQA_LOG_LEVEL=ERROR\n# comment\n")
    settings = Settings.from_env(environ={"QA_LOG_LEVEL": "DEBUG"}, dotenv=dotenv)
    assert settings.token == Secret(TOKEN)
    assert settings.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("name", "value", "hint"),
    [
        ("QA_LOG_LEVEL", "loud", "log level"),
        ("QA_POLL_TIMEOUT", "soon", "QA_POLL_TIMEOUT"),
        ("QA_POLL_TIMEOUT", "-1", "QA_POLL_TIMEOUT"),
        ("TELEGRAM_BOT_TOKEN", "not a token", "BotFather"),
    ],
)
def test_malformed_settings_say_what_to_fix(
    tmp_path: Path, name: str, value: str, hint: str
) -> None:
    with pytest.raises(ConfigError, match=hint) as caught:
        Settings.from_env(environ={name: value}, dotenv=tmp_path / "x")
    assert "not a token" not in str(caught.value)  # a malformed token is not echoed either


def test_the_new_settings_have_defaults(tmp_path: Path) -> None:
    settings = Settings.from_env(environ={}, dotenv=tmp_path / "x")
    assert settings.reload_interval == 3.0
    assert settings.admin_ids == frozenset()
    assert settings.allowed_chat_ids is None
    assert (settings.flood_max, settings.flood_window) == (8, 10.0)
    assert settings.hash_key is None
    assert settings.store.path.name == "questions.sqlite3" and settings.store.retention_days == 90


def test_the_new_settings_are_read_and_the_hash_key_kept_secret(tmp_path: Path) -> None:
    key = "k" * 32
    env = {
        "QA_RELOAD_INTERVAL": "0",
        "QA_ADMIN_IDS": "42, 43",
        "QA_ALLOWED_CHAT_IDS": "-1001234567890,42",
        "QA_FLOOD_MAX": "0",
        "QA_FLOOD_WINDOW": "2.5",
        "QA_DB_PATH": str(tmp_path / "q.sqlite3"),
        "QA_RETENTION_DAYS": "7",
        "QA_HASH_KEY": key,
    }
    settings = Settings.from_env(environ=env, dotenv=tmp_path / "x")
    assert settings.reload_interval == 0
    assert settings.admin_ids == {42, 43}
    assert settings.allowed_chat_ids == frozenset({-1001234567890, 42})
    assert (settings.flood_max, settings.flood_window) == (0, 2.5)
    assert settings.store.path == tmp_path / "q.sqlite3" and settings.store.retention_days == 7
    assert key in settings.secrets() and key not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value", "hint"),
    [
        ("QA_ADMIN_IDS", "42,ann", "'ann' is not a Telegram id"),
        ("QA_ALLOWED_CHAT_IDS", "1.5", "QA_ALLOWED_CHAT_IDS"),
        ("QA_RELOAD_INTERVAL", "-1", "QA_RELOAD_INTERVAL"),
        ("QA_FLOOD_MAX", "many", "QA_FLOOD_MAX"),
        ("QA_FLOOD_WINDOW", "0", "QA_FLOOD_WINDOW"),
        ("QA_RETENTION_DAYS", "a week", "QA_RETENTION_DAYS"),
        ("QA_HASH_KEY", "short", "too short"),
    ],
)
def test_malformed_new_settings_say_what_to_fix(
    tmp_path: Path, name: str, value: str, hint: str
) -> None:
    with pytest.raises(ConfigError, match=hint):
        Settings.from_env(environ={name: value}, dotenv=tmp_path / "x")


def test_env_example_documents_every_setting() -> None:
    example = (Path(__file__).parent.parent / ".env.example").read_text(encoding="utf-8")
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_API_BASE_URL",
        "QA_POLL_TIMEOUT",
        "QA_KNOWLEDGE",
        "QA_RELOAD_INTERVAL",
        "QA_ADMIN_IDS",
        "QA_ALLOWED_CHAT_IDS",
        "QA_FLOOD_MAX",
        "QA_FLOOD_WINDOW",
        "QA_LOG_LEVEL",
        "QA_DB_PATH",
        "QA_HASH_KEY",
        "QA_RETENTION_DAYS",
    ):
        assert f"\n{name}=" in example or f"\n# {name}=" in example, name


def test_the_help_width_follows_columns_then_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "57")
    assert terminal_columns() == 57

    def no_terminal(fd: int) -> os.terminal_size:
        raise OSError("not a terminal")

    def terminal(fd: int) -> os.terminal_size:
        return os.terminal_size((132, 40))

    monkeypatch.setenv("COLUMNS", "wide")
    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    assert terminal_columns() == 80
    monkeypatch.delenv("COLUMNS")
    monkeypatch.setattr(os, "get_terminal_size", terminal)
    assert terminal_columns() == 132


def test_help_is_wrapped_to_the_width(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    monkeypatch.setenv("COLUMNS", "44")
    with pytest.raises(SystemExit) as exited:
        main(["ask", "--help"])
    assert exited.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("--explain" in line for line in lines)
    assert max(len(line) for line in lines) <= 44 - 2 and len(lines) > 8
