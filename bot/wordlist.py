"""The English word list's levels, parsed once into the cache folder.

Parsing symspellpy's 82,765-line frequency list takes ~65 ms, which the first unknown word of a
`qa-bot ask` waited for every time; the parsed words and their levels, kept as two strings in a
JSON file beside the knowledge cache, load in ~15 ms. The file is named by the list's size and
modification time and by the parsing rule, so another list or rule gets a file of its own; one
that cannot be read, or is not what it should be, is parsed again and rewritten. No code is
ever read from it: plain strings, checked before use.
"""

import contextlib
import json
from collections.abc import Callable
from pathlib import Path

from bot.atomicfile import write_atomically
from bot.config import knowledge_cache_dir

FORMAT = 1


def word_levels(source: Path, parse: Callable[[Path], dict[str, int]], rule: str) -> dict[str, int]:
    """parse(source), or what it gave before when the cache folder has it (`rule` names the
    parsing rule: a change of it must not reuse an old file)."""
    target = _cache_file(source, rule)
    if target is not None:
        found = _read(target)
        if found is not None:
            return found
    words = parse(source)
    if target is not None:
        _write(target, words)
    return words


def _cache_file(source: Path, rule: str) -> Path | None:
    folder = knowledge_cache_dir()
    if folder is None:
        return None
    try:
        stat = source.stat()
    except OSError:
        return None
    return folder / f"words-{FORMAT}-{rule}-{stat.st_size}-{stat.st_mtime_ns}.json"


def _read(target: Path) -> dict[str, int] | None:
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    words, levels = data.get("words"), data.get("levels")
    if not isinstance(words, str) or not isinstance(levels, str):
        return None
    listed = words.split(" ") if words else []
    if len(listed) != len(levels):
        return None
    # Each level is one character (its code is the level): the list's order is kept.
    return dict(zip(listed, map(ord, levels), strict=True))


def _write(target: Path, words: dict[str, int]) -> None:
    """Written atomically; a failure only means the list is parsed again next time."""
    if any(" " in word or not word for word in words):
        return  # not representable as one space-separated string
    data = {"format": FORMAT, "words": " ".join(words), "levels": "".join(map(chr, words.values()))}
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError):
        write_atomically(target, lambda file: file.write(encoded))
