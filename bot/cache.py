"""The compiled knowledge cache: a validated, indexed knowledge base written to disk once, so
that later starts skip parsing, validation and indexing.

A cache file belongs to one knowledge path. Its first line is a small header: the format, the
package version, a digest of the engine's code, and the content key (a SHA-256 of every
knowledge file's path and bytes). The second line is the body, plain JSON (bot.cachecodec), with
its CRC-32 in the header. Nothing in it can run code: it is parsed as data and rebuilt into
the engine's objects with every shape checked. The articles' texts are read from their files
as in a full load, and must hash to what was indexed.

Whenever the file is missing, stale (another content key), from another version of the code,
unreadable or not a cache at all, the knowledge is loaded in full (one log line says why) and
the cache written again; a cache is only written after a successful load whose files did not
change meanwhile, so it never serves knowledge other than the files'.

Where: $QA_CACHE_DIR, else $XDG_CACHE_HOME/qa-bot, else ~/.cache/qa-bot; QA_CACHE_DIR set to
an empty value turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import sys
import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from bot import __version__, cachecodec, text
from bot.atomicfile import write_atomically
from bot.config import CACHE_DIR_ENV, knowledge_cache_dir
from bot.engine import Engine
from bot.gcpause import paused_gc
from bot.knowledge import Knowledge, knowledge_files, load_knowledge, resolve_knowledge_path
from bot.matcher import Index

if TYPE_CHECKING:
    import logging


def _log() -> logging.Logger:
    """This module's logger; `logging` is imported only when there is something to say (a
    start from a current cache says nothing, and saves the import)."""
    import logging

    return logging.getLogger(__name__)


CACHE_ENV = CACHE_DIR_ENV
MAGIC = "qa-bot knowledge cache"


def cache_dir() -> Path | None:
    """Where cache files go; None when the cache is off (QA_CACHE_DIR set but empty)."""
    return knowledge_cache_dir()


def cache_file(root: Path) -> Path | None:
    """The cache file of a knowledge path (one per path: a newer load replaces it)."""
    folder = cache_dir()
    if folder is None:
        return None
    name = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return folder / f"knowledge-{name[:32]}.json"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the engine's source files, by name, size and modification time: a cache
    built by other code is never used, even when the package version did not change (as while
    the code is being worked on). Their stat, not their bytes: reading all of them cost a
    warm `qa-bot ask` two milliseconds, and an edit always moves a file's modification time."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        stat = source.stat()
        digest.update(f"{source.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def content_key(files: list[Path]) -> str:
    """The SHA-256 of the knowledge files' paths and contents (raises OSError)."""
    digest = hashlib.sha256()
    for file in files:
        data = file.read_bytes()
        digest.update(f"{file.resolve()}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
        digest.update(data)
    return digest.hexdigest()


def text_digest(text: str) -> str:
    """The digest an article's text is checked by."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def load_indexed(path: str | Path | None = None) -> tuple[Knowledge, Index]:
    """The validated knowledge and its index: from the cache when it is current, else loaded
    in full (and the cache written). Raises KnowledgeError on an invalid knowledge base."""
    root = resolve_knowledge_path(path)
    target = cache_file(root) if root.exists() else None
    key = None
    if target is not None:
        files = knowledge_files(root)
        try:
            key = content_key(files) if files else None
        except OSError:
            key = None  # the full load reports the unreadable file
    if target is not None and key is not None:
        restored = _read(target, key)
        if restored is not None:
            return restored
    knowledge = load_knowledge(root)
    with paused_gc():
        index = Index(knowledge)
    if target is not None and key is not None:
        try:
            unchanged = content_key(list(knowledge.files)) == key
        except OSError:
            unchanged = False
        if unchanged:  # else the files changed while loading: the next run caches them
            _write(target, key, knowledge, index)
    return knowledge, index


def _header(key: str) -> dict[str, object]:
    return {
        "magic": MAGIC,
        "format": cachecodec.FORMAT,
        "version": __version__,
        "code": code_digest(),
        "key": key,
    }


def _read(target: Path, key: str) -> tuple[Knowledge, Index] | None:
    """The cached knowledge and index, or None after one log line saying why not."""
    try:
        with target.open("rb") as file:
            found = _parse_header(file.readline(4096))
            if found is None:
                _log().warning("knowledge cache %s is not a cache file; loading in full", target)
                return None
            expected = _header(key)
            if any(found.get(k) != expected[k] for k in ("format", "version", "code")):
                _log().info("knowledge cache %s is from another version; loading in full", target)
                return None
            if found["key"] != key:
                _log().info("knowledge cache %s is stale; loading in full", target)
                return None
            return _read_body(target, file)
    except FileNotFoundError:
        # The normal first start: said only at debug level.
        _log().debug("no knowledge cache at %s yet; loading in full", target)
    except OSError as exc:
        _log().warning("knowledge cache %s cannot be read (%s); loading in full", target, exc)
    return None


def _read_body(target: Path, file: BinaryIO) -> tuple[Knowledge, Index] | None:
    """The body's sections, a line each, then a line with their checksum (checked before the
    result is used; the sections are parsed as they are read, never all held at once)."""
    checksum = 0

    def section() -> object:
        nonlocal checksum
        line = file.readline()
        if not line.endswith(b"\n"):
            raise ValueError("the file ends early")
        checksum = zlib.crc32(line, checksum)
        return json.loads(line)

    try:
        with paused_gc():
            restored = cachecodec.decode(section, _article_text)
            trailer = json.loads(file.readline())
    except _ChangedArticle as exc:
        _log().info("knowledge cache %s is stale (%s changed); loading in full", target, exc)
        return None
    except (
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        AttributeError,
        RecursionError,
        StopIteration,
    ) as exc:
        _log().warning("knowledge cache %s is damaged (%s); loading in full", target, exc)
        return None
    if not isinstance(trailer, dict) or trailer.get("crc32") != checksum or file.read(1):
        _log().warning("knowledge cache %s is damaged (checksum); loading in full", target)
        return None
    knowledge, index, stems = restored
    # The words of the articles' sentences a question first looks at are stemmed from here.
    text.remember_stems(stems.get)
    return knowledge, index


def _parse_header(line: bytes) -> dict[str, object] | None:
    try:
        header = json.loads(line)
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("magic") != MAGIC:
        return None
    if not isinstance(header.get("key"), str):
        return None
    return header


class _ChangedArticle(Exception):
    """An article's text file no longer holds the text that was indexed."""


def _article_text(path: Path, digest: str) -> str:
    """An article's text, read as a full load reads it; it must be the text indexed (the
    cache stores its digest, not the text)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise _ChangedArticle(path) from None
    if text_digest(text) != digest:
        raise _ChangedArticle(path)
    return text


def _write(target: Path, key: str, knowledge: Knowledge, index: Index) -> None:
    """Write the cache file atomically; a failure is logged and otherwise harmless."""

    def fill(file: BinaryIO) -> None:
        file.write(json.dumps(_header(key)).encode("ascii") + b"\n")
        checksum = 0
        for section in cachecodec.encode(knowledge, index, text_digest):
            line = _dumps(section) + b"\n"
            checksum = zlib.crc32(line, checksum)
            file.write(line)
        file.write(json.dumps({"crc32": checksum}).encode("ascii") + b"\n")

    try:
        write_atomically(target, fill)
    except (OSError, ValueError) as exc:
        _log().warning("could not write the knowledge cache %s (%s)", target, exc)


def _dumps(data: object) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return text.encode("utf-8", "surrogatepass")


def is_current(path: str | Path | None = None) -> bool:
    """True when the cache file of the knowledge at `path` is of its files and this code (its
    articles' texts are checked only when it is read)."""
    root = resolve_knowledge_path(path)
    target = cache_file(root)
    if target is None:
        return False
    try:
        files = knowledge_files(root)
        key = content_key(files) if files else None
        with target.open("rb") as file:
            found = _parse_header(file.readline(4096))
    except OSError:
        return False
    expected = _header(key) if key is not None else None
    return (
        found is not None
        and expected is not None
        and all(found.get(k) == v for k, v in expected.items())
    )


# A child building the cache of a very large knowledge is given this long.
CHILD_TIMEOUT = 900.0


def build_in_child(path: str | Path | None = None) -> bool:
    """Load the knowledge at `path` in a child process, which writes its cache: the parsing,
    validation and indexing then take nothing from this process (its event loop, its memory,
    its garbage collector), which only reads the cache. False when the child did not manage
    (an invalid knowledge, the cache off or unwritable): the caller loads in full itself, and
    reports the problems."""
    root = resolve_knowledge_path(path)
    if cache_file(root) is None:
        return False
    import subprocess

    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot.cache", str(root)],
            capture_output=True,
            timeout=CHILD_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        _log().warning("building the knowledge cache in a child process failed (%s)", exc)
        return False
    return done.returncode == 0 and is_current(root)


def load_engine(path: str | Path | None = None) -> Engine:
    """An engine for the knowledge at `path` (see load_indexed)."""
    return Engine(*load_indexed(path))


def _main(argv: list[str]) -> int:
    """`python -m bot.cache PATH`: load the knowledge at PATH and write its cache (used by
    build_in_child); exit status 1 when the knowledge is invalid."""
    from bot.knowledge import KnowledgeError

    try:
        load_indexed(argv[0] if argv else None)
    except KnowledgeError:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
