"""Logging to stderr that can never leak the bot token, at any level, DEBUG included.

The token travels in every Bot API URL (".../bot<token>/sendMessage"), and PTB and httpx
exceptions can quote those URLs. So besides quietening httpx, a filter on the root handler
rewrites every record: its message with the arguments merged in, its exception and its
stack text, replacing each secret (plain or URL-encoded) with "<redacted>".
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Iterable
from types import TracebackType
from urllib.parse import quote

REDACTED = "<redacted>"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Libraries whose DEBUG/INFO lines are noise (httpx logs every request URL at INFO).
QUIET_LOGGERS = ("httpx", "httpcore")


class RedactingFilter(logging.Filter):
    """Replaces secrets in each record's message, arguments, exception and stack text."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        variants = {v for s in secrets if s for v in (s, quote(s, safe=""), quote(s))}
        self._secrets = sorted(variants, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: keep what can be shown
            message = f"{record.msg!r} % {record.args!r}"
        record.msg, record.args = self.redact(message), None
        if record.exc_info and record.exc_info[0] is not None:
            text = record.exc_text or "".join(traceback.format_exception(*record.exc_info))
            record.exc_text = self.redact(text.rstrip("\n"))
        elif record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class CalmProxyPages(logging.Filter):
    """PTB logs a 5xx page from Telegram's proxy as an ERROR with a traceback; the error
    handler reports the failed request anyway, so this becomes a one-line WARNING."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("telegram.request") and str(record.msg).startswith(
            "Can not load invalid JSON data"
        ):
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.msg, record.args = "Telegram answered with a page that is not JSON", None
            record.exc_info, record.exc_text = None, None
        return True


def configure_logging(level: int, secrets: Iterable[str]) -> logging.Handler:
    """Log to stderr at `level` through a redacting handler; route warnings and crashes there."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(CalmProxyPages())
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    sys.excepthook = _log_uncaught
    return handler


def _log_uncaught(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An uncaught exception goes through the redacting handler, not straight to stderr."""
    logging.getLogger("bot").critical("uncaught exception", exc_info=(kind, exc, tb))
