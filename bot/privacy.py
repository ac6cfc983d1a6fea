"""Keyed hashing of Telegram user and chat ids, and the key it needs.

The question log never stores a raw id: only HMAC-SHA256(key, id). The key comes from
$QA_HASH_KEY, else from a key file next to the database, else it is generated once, saved
in that file (mode 0600) and shown on stderr, so restarts keep producing the same hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sys
from collections.abc import Callable
from pathlib import Path

from bot.config import HASH_KEY_ENV, MIN_KEY_CHARS

HASH_HEX_CHARS = 32  # 128 bits: no collisions at any realistic number of users


class HashKeyError(ValueError):
    """The hash key is unusable; the message says how to fix it."""


class Hasher:
    """Turns a raw id into a keyed hash; never shows its key."""

    __slots__ = ("_key",)

    def __init__(self, key: bytes) -> None:
        self._key = key

    def hash(self, kind: str, raw_id: int | str) -> str:
        """The hex hash of one id of a kind ("user", "chat")."""
        # The kind is mixed in so that a user's hash never equals the hash of a chat id.
        message = f"{kind}:{raw_id}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:HASH_HEX_CHARS]

    def derive(self, purpose: str) -> bytes:
        """A key for another use, derived from this one (which it does not reveal)."""
        return hmac.new(self._key, f"derive:{purpose}".encode(), hashlib.sha256).digest()

    def __repr__(self) -> str:
        return "Hasher(key='**********')"


def key_file_for(db_path: Path) -> Path:
    """Where the generated key of a database is kept: next to it, named after it."""
    return db_path.with_name(db_path.name + ".key")


def load_hash_key(
    db_path: Path,
    configured: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> bytes:
    """The configured key ($QA_HASH_KEY), else the key file next to the database, else a new
    key saved there."""
    say = warn or _stderr
    configured = (configured or "").strip()
    if configured:
        return _checked(configured, HASH_KEY_ENV)
    key_file = key_file_for(db_path)
    if key_file.is_file():
        return _read_key_file(key_file, say)
    key = secrets.token_hex(32)
    try:
        _create_key_file(key_file, key)
    except FileExistsError:
        # Another process created it between our check and our write: use theirs.
        return _read_key_file(key_file, say)
    say(_generated_message(key, key_file))
    return key.encode()


def _checked(key: str, where: str) -> bytes:
    if len(key) < MIN_KEY_CHARS:
        raise HashKeyError(
            f"{where}: the hash key is too short ({len(key)} characters); use at least "
            f"{MIN_KEY_CHARS}, e.g. the output of: python3 -c 'import secrets; "
            "print(secrets.token_hex(32))'"
        )
    return key.encode()


def _read_key_file(key_file: Path, say: Callable[[str], None]) -> bytes:
    if key_file.stat().st_mode & 0o077:
        say(f"qa-bot: warning: {key_file} is readable by other users; run: chmod 600 {key_file}")
    return _checked(key_file.read_text(encoding="utf-8").strip(), str(key_file))


def restore_key_file(key_file: Path, key: bytes) -> bool:
    """Write `key` back to its file if the file is gone (its folder was deleted while the bot
    ran); True if it was written. Without this, the next start would make a new key."""
    try:
        _create_key_file(key_file, key.decode("utf-8"))
    except FileExistsError:
        return False
    return True


def _create_key_file(key_file: Path, key: str) -> None:
    key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # O_EXCL: never overwrite a key, which would silently change every hash.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(key + "\n")


def _generated_message(key: str, key_file: Path) -> str:
    return (
        f"qa-bot: generated a new {HASH_KEY_ENV}: user and chat ids are stored only as keyed "
        f"hashes.\n"
        f"  It is saved in {key_file} (readable only by you), so restarts keep the same hashes.\n"
        f"  To keep it with your other settings, add this line to .env and delete that file:\n"
        f"      {HASH_KEY_ENV}={key}\n"
        f"  Keep it secret. Losing it only means new hashes no longer match old ones."
    )


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
