"""Settings of `qa-bot run`, read from the environment and ./.env (no Telegram import here).

Variables already set in the environment win over ./.env; `--knowledge` and `--log-level`
win over both. .env.example lists every variable.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_POLL_TIMEOUT = 10.0
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

MISSING_TOKEN_HELP = """\
qa-bot run: no Telegram bot token; set TELEGRAM_BOT_TOKEN.

  1. In Telegram, talk to @BotFather and send /newbot; it replies with a token
     that looks like 123456789:AAH...
  2. Put it in a file named .env in this folder (see .env.example):
         TELEGRAM_BOT_TOKEN=123456789:AAH...
     or export it in the environment:
         export TELEGRAM_BOT_TOKEN=123456789:AAH...
  3. Run `qa-bot run` again.

To try the bot without Telegram, run `qa-bot chat`."""


class ConfigError(Exception):
    """A setting is missing or malformed; the message says which and how to fix it."""


class Secret:
    """A string that never shows itself in repr(), str() or f-strings; `.reveal()` reads it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class Settings:
    """Everything `qa-bot run` needs besides the knowledge itself."""

    token: Secret | None
    api_base_url: str = DEFAULT_API_BASE_URL
    knowledge: str | None = None  # None: the bundled knowledge
    log_level: str = "INFO"
    poll_timeout: float = DEFAULT_POLL_TIMEOUT  # seconds a getUpdates long poll may wait

    @classmethod
    def from_env(
        cls,
        *,
        knowledge: str | None = None,
        log_level: str | None = None,
        environ: Mapping[str, str] | None = None,
        dotenv: Path | None = None,
    ) -> Settings:
        """Read the settings; `environ` defaults to os.environ and `dotenv` to ./.env."""
        values = _merged_environment(os.environ if environ is None else environ, dotenv)
        return cls(
            token=_token(values.get("TELEGRAM_BOT_TOKEN", "")),
            api_base_url=values.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_API_BASE_URL,
            knowledge=knowledge or values.get("QA_KNOWLEDGE", "").strip() or None,
            log_level=_log_level(log_level or values.get("QA_LOG_LEVEL", "") or "INFO"),
            poll_timeout=_seconds("QA_POLL_TIMEOUT", values.get("QA_POLL_TIMEOUT", "")),
        )

    def secrets(self) -> list[str]:
        """The values that must never reach a log line."""
        return [self.token.reveal()] if self.token else []


def _merged_environment(environ: Mapping[str, str], dotenv: Path | None) -> dict[str, str]:
    path = dotenv if dotenv is not None else Path.cwd() / ".env"
    merged: dict[str, str] = {}
    if path.is_file():
        from dotenv import dotenv_values

        merged.update({k: v for k, v in dotenv_values(path).items() if v is not None})
    merged.update(environ)  # variables already set win
    return merged


def _token(raw: str) -> Secret | None:
    token = raw.strip().strip("'\"")
    if not token:
        return None
    if any(c.isspace() or c in "/?#%" for c in token) or ":" not in token:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then letters, "
            "e.g. 123456789:AAH...); copy it again from @BotFather"
        )
    return Secret(token)


def _log_level(raw: str) -> str:
    level = raw.strip().upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"log level {raw!r} is not one of {', '.join(LOG_LEVELS)}")
    return level


def _seconds(name: str, raw: str) -> float:
    if not raw.strip():
        return DEFAULT_POLL_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 300:
        raise ConfigError(f"{name}={raw!r}: give a number of seconds between 0 and 300")
    return value


def log_level_number(level: str) -> int:
    """The logging module's number for a validated level name."""
    return logging.getLevelNamesMapping()[level]
