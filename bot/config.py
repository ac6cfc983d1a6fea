"""Settings of `qa-bot`, read once from the environment and ./.env (no Telegram import here).

This is the one module that reads the process environment: `cli.main` builds one `Settings`
and passes plain values down (a path, a key, a number of days). Variables already set in the
environment win over ./.env; command-line options (`--knowledge`, `--log-level`, `--db`) win
over both. .env.example lists every variable.
"""

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple, TypeVar

from bot.errors import UserError

KNOWLEDGE_ENV = "QA_KNOWLEDGE"
DB_PATH_ENV = "QA_DB_PATH"
RETENTION_ENV = "QA_RETENTION_DAYS"
HASH_KEY_ENV = "QA_HASH_KEY"
CACHE_DIR_ENV = "QA_CACHE_DIR"
MIN_KEY_CHARS = 16
DEFAULT_DB_PATH = Path("qa-bot-data") / "questions.sqlite3"
DEFAULT_RETENTION_DAYS = 90

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_POLL_TIMEOUT = 10.0
DEFAULT_RELOAD_INTERVAL = 3.0
DEFAULT_FLOOD_MAX = 8
DEFAULT_FLOOD_WINDOW = 10.0
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

MISSING_TOKEN_HELP = """\
no Telegram bot token; set TELEGRAM_BOT_TOKEN.

  1. In Telegram, talk to @BotFather and send /newbot; it replies with a token
     that looks like 123456789:AAH...
  2. Put it in a file named .env in this folder (see .env.example):
         TELEGRAM_BOT_TOKEN=123456789:AAH...
     or export it in the environment:
         export TELEGRAM_BOT_TOKEN=123456789:AAH...
  3. Run `qa-bot run` again.

To try the bot without Telegram, run `qa-bot chat`."""


class ConfigError(UserError):
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


class StoreSettings(NamedTuple):
    """Where the question log lives and how long question texts are kept."""

    path: Path
    retention_days: int = DEFAULT_RETENTION_DAYS


class Settings(NamedTuple):
    """Everything `qa-bot run` needs besides the knowledge itself."""

    token: Secret | None
    api_base_url: str = DEFAULT_API_BASE_URL
    knowledge: str | None = None  # None: the bundled knowledge
    log_level: str = "INFO"
    poll_timeout: float = DEFAULT_POLL_TIMEOUT  # seconds a getUpdates long poll may wait
    store: StoreSettings = StoreSettings(DEFAULT_DB_PATH)
    hash_key: Secret | None = None  # None: the key file next to the database
    reload_interval: float = DEFAULT_RELOAD_INTERVAL  # seconds; 0: reload on /reload only
    admin_ids: frozenset[int] = frozenset()
    allowed_chat_ids: frozenset[int] | None = None  # None: every chat
    flood_max: int = DEFAULT_FLOOD_MAX  # messages per user and window; 0: no limit
    flood_window: float = DEFAULT_FLOOD_WINDOW

    @classmethod
    def from_env(
        cls,
        *,
        knowledge: str | None = None,
        log_level: str | None = None,
        db: str | None = None,
        environ: Mapping[str, str] | None = None,
        dotenv: Path | None = None,
        cwd: Path | None = None,
    ) -> "Settings":
        """Read and check every setting; `environ` defaults to os.environ, `dotenv` to ./.env,
        and relative paths are taken from `cwd` (default: the working directory)."""
        values = read_environment(environ, dotenv)
        allowed = values.get("QA_ALLOWED_CHAT_IDS", "")
        return cls(
            token=_token(values.get("TELEGRAM_BOT_TOKEN", "")),
            api_base_url=values.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_API_BASE_URL,
            knowledge=_knowledge(knowledge, values),
            log_level=_log_level(log_level or values.get("QA_LOG_LEVEL", "") or "INFO"),
            poll_timeout=_seconds("QA_POLL_TIMEOUT", values, DEFAULT_POLL_TIMEOUT, 300),
            store=StoreSettings(_db_path(db, values, cwd), _retention(values)),
            hash_key=_hash_key(values.get(HASH_KEY_ENV, "")),
            reload_interval=_seconds("QA_RELOAD_INTERVAL", values, DEFAULT_RELOAD_INTERVAL, 3600),
            admin_ids=_ids("QA_ADMIN_IDS", values.get("QA_ADMIN_IDS", "")),
            allowed_chat_ids=_ids("QA_ALLOWED_CHAT_IDS", allowed) if allowed.strip() else None,
            flood_max=_flood_max(values.get("QA_FLOOD_MAX", "")),
            flood_window=_seconds("QA_FLOOD_WINDOW", values, DEFAULT_FLOOD_WINDOW, 3600, 0.1),
        )

    @classmethod
    def locations(
        cls,
        *,
        knowledge: str | None = None,
        db: str | None = None,
        environ: Mapping[str, str] | None = None,
        dotenv: Path | None = None,
        cwd: Path | None = None,
    ) -> "Settings":
        """Only where the knowledge and the question log are: what every command but `run`
        needs. The Telegram settings keep their defaults and are not checked, so a setting
        only `run` reads cannot stop `qa-bot ask`."""
        values = read_environment(environ, dotenv)
        return cls(
            token=None,
            knowledge=_knowledge(knowledge, values),
            store=StoreSettings(_db_path(db, values, cwd)),
        )

    def secrets(self) -> list[str]:
        """The values that must never reach a log line."""
        return [s.reveal() for s in (self.token, self.hash_key) if s]


def terminal_columns() -> int:
    """The width for help text: $COLUMNS, else the terminal's on stdout, else 80 (the rules of
    shutil.get_terminal_size, which argparse would import shutil for)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def read_environment(
    environ: Mapping[str, str] | None = None, dotenv: Path | None = None
) -> dict[str, str]:
    """The environment merged over ./.env (or `dotenv`): variables already set win."""
    path = dotenv if dotenv is not None else Path.cwd() / ".env"
    merged: dict[str, str] = {}
    if path.is_file():
        from dotenv import dotenv_values

        merged.update({k: v for k, v in dotenv_values(path).items() if v is not None})
    merged.update(os.environ if environ is None else environ)
    return merged


def knowledge_cache_dir(
    environ: Mapping[str, str] | None = None, dotenv: Path | None = None
) -> Path | None:
    """Where the knowledge cache (bot.cache) lives: $QA_CACHE_DIR, else
    $XDG_CACHE_HOME/qa-bot, else ~/.cache/qa-bot; None when QA_CACHE_DIR is set but empty
    (no cache). Read at each use, as the cache is used below the commands' settings (reloads,
    `check`, the CLI)."""
    values = read_environment(environ, dotenv)
    chosen = values.get(CACHE_DIR_ENV)
    if chosen is not None:
        return Path(chosen).expanduser() if chosen.strip() else None
    base = values.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "qa-bot"


def opt_in_to_ptb_timedelta() -> None:
    """Opt in to PTB 23's timedelta attributes, which PTB's own RetryAfter warns about.

    PTB reads this variable from the process environment, hence here, beside the reads."""
    os.environ.setdefault("PTB_TIMEDELTA", "1")


Number = TypeVar("Number", int, float)


def parse_number(raw: str, kind: type[Number], least: Number, most: Number | None = None) -> Number:
    """`raw` as an int or a float between `least` and `most`; ValueError if it is not one."""
    value = kind(raw.strip())
    if not (least <= value and (most is None or value <= most)):  # NaN fails too
        raise ValueError(f"{raw!r} is out of range")
    return value


def _knowledge(flag: str | None, values: Mapping[str, str]) -> str | None:
    """--knowledge beats $QA_KNOWLEDGE; None: the bundled knowledge."""
    return flag or values.get(KNOWLEDGE_ENV, "").strip() or None


def _db_path(flag: str | None, values: Mapping[str, str], cwd: Path | None) -> Path:
    """--db beats $QA_DB_PATH beats ./qa-bot-data/questions.sqlite3; relative to cwd."""
    raw = flag or values.get(DB_PATH_ENV, "").strip()
    path = Path(raw).expanduser() if raw else DEFAULT_DB_PATH
    return path if path.is_absolute() else (cwd or Path.cwd()) / path


def _retention(values: Mapping[str, str]) -> int:
    """Days to keep question texts; 0 keeps none."""
    raw = values.get(RETENTION_ENV, "")
    if not raw.strip():
        return DEFAULT_RETENTION_DAYS
    try:
        return parse_number(raw, int, 0)
    except ValueError:
        raise ConfigError(
            f"{RETENTION_ENV}={raw!r}: give a whole number of days (0 keeps no question texts)"
        ) from None


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


def _seconds(
    name: str, values: Mapping[str, str], default: float, most: float, least: float = 0.0
) -> float:
    raw = values.get(name, "")
    if not raw.strip():
        return default
    try:
        return parse_number(raw, float, least, most)
    except ValueError:
        raise ConfigError(
            f"{name}={raw!r}: give a number of seconds between {least:g} and {most:g}"
        ) from None


def _hash_key(raw: str) -> Secret | None:
    key = raw.strip()
    if key and len(key) < MIN_KEY_CHARS:
        raise ConfigError(
            f"{HASH_KEY_ENV} is too short ({len(key)} characters); use at least {MIN_KEY_CHARS}, "
            "e.g. the output of: python3 -c 'import secrets; print(secrets.token_hex(32))'"
        )
    return Secret(key) if key else None


def _ids(name: str, raw: str) -> frozenset[int]:
    """Comma-separated Telegram ids (chat ids of groups are negative)."""
    ids = set()
    for part in raw.replace(",", " ").split():
        try:
            ids.add(int(part))
        except ValueError:
            raise ConfigError(
                f"{name}: {part!r} is not a Telegram id; give whole numbers separated by commas, "
                "e.g. 123456789,-1001234567890"
            ) from None
    return frozenset(ids)


def _flood_max(raw: str) -> int:
    if not raw.strip():
        return DEFAULT_FLOOD_MAX
    try:
        return parse_number(raw, int, 0)
    except ValueError:
        raise ConfigError(
            f"QA_FLOOD_MAX={raw!r}: give a whole number of messages (0 turns the limit off)"
        ) from None


def log_level_number(level: str) -> int:
    """The logging module's number for a validated level name."""
    import logging  # here: `qa-bot ask` does not load logging

    return logging.getLevelNamesMapping()[level]
