"""Log redaction (bot/telegram/logsafe.py): the token never reaches a log line."""

from __future__ import annotations

import logging

from bot.telegram.logsafe import REDACTED, RedactingFilter

TOKEN = "123456789:AAHsecretSECRETsecret_-xyz"


def test_the_filter_redacts_message_args_and_exceptions() -> None:
    log_filter = RedactingFilter([TOKEN])
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/getMe failed")
    except RuntimeError as exc:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "url %s and %r", (f"/bot{TOKEN}/x", TOKEN), None
        )
        record.exc_info = (type(exc), exc, exc.__traceback__)
    encoded = TOKEN.replace(":", "%3A")
    record.stack_info = f"stack {encoded}"
    assert log_filter.filter(record)
    formatted = logging.Formatter().format(record)
    assert TOKEN not in formatted and encoded not in formatted
    assert "AAHsecret" not in formatted
    assert formatted.count(REDACTED) >= 4
    assert "getMe failed" in formatted
