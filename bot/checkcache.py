"""`qa-bot check` at scale: the variant-ambiguity pass, run once per knowledge content.

The pass asks every question variant of the knowledge (about 2 ms each at 10k entries), so its
warnings are kept next to the knowledge cache (bot.cache), keyed like it by the content of the
knowledge files and the engine's code: a `check` of unchanged files reuses them. When the pass
must run on a large knowledge, it is split between forked worker processes, which share the
loaded engine with this one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bot import __version__, cache
from bot.atomicfile import write_atomically
from bot.checks import ambiguous_variants
from bot.engine import Engine
from bot.knowledge import Problem, knowledge_files, resolve_knowledge_path

log = logging.getLogger(__name__)

MAGIC = "qa-bot check cache"
FORMAT = 1
# From this many entries on, the pass is split between processes (below, forking costs more).
PARALLEL_FROM = 2000
WORKERS = 2

_engine: Engine | None = None  # the engine a forked worker inherited


def knowledge_key(path: str | Path | None) -> str | None:
    """The content key of the knowledge at `path` now (None when it cannot be read): taken
    before the engine is loaded, for cached_ambiguities."""
    return _key(resolve_knowledge_path(path))


def cached_ambiguities(
    engine: Engine, path: str | Path | None, loaded_key: str | None
) -> list[Problem]:
    """ambiguous_variants(engine), from the check cache when the files are unchanged.
    `loaded_key` is knowledge_key(path) from before the engine was loaded: if the files
    changed since, the engine may be of either version, and the cache is left alone."""
    root = resolve_knowledge_path(path)
    target = _cache_file(root)
    key = _key(root) if target is not None else None
    if key != loaded_key:
        return ambiguities(engine)
    if target is not None and key is not None:
        found = _read(target, key)
        if found is not None:
            return found
    warnings = ambiguities(engine)
    # Kept only if the files did not change while the pass ran (else it is of older files).
    if target is not None and key is not None and _key(root) == key:
        _write(target, key, warnings)
    return warnings


def ambiguities(engine: Engine) -> list[Problem]:
    """ambiguous_variants(engine), split between worker processes on a large knowledge."""
    entries = list(engine.knowledge.entries.values())
    workers = min(WORKERS, os.cpu_count() or 1)
    if len(entries) < PARALLEL_FROM or workers < 2 or "fork" not in _start_methods():
        return ambiguous_variants(engine)
    global _engine
    _engine = engine
    try:
        size = -(-len(entries) // (workers * 4))  # a few chunks each: even when one is slow
        chunks = [
            (start, min(start + size, len(entries))) for start in range(0, len(entries), size)
        ]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            parts = list(pool.map(_chunk, chunks))
    finally:
        _engine = None
    return [warning for part in parts for warning in part]


def _start_methods() -> list[str]:
    return multiprocessing.get_all_start_methods()


def _chunk(bounds: tuple[int, int]) -> list[Problem]:
    """In a worker: the warnings of entries start..end of the inherited engine."""
    assert _engine is not None
    entries = list(_engine.knowledge.entries.values())[bounds[0] : bounds[1]]
    return ambiguous_variants(_engine, entries)


def _cache_file(root: Path) -> Path | None:
    folder = cache.cache_dir()
    if folder is None:
        return None
    name = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return folder / f"check-{name[:32]}.json"


def _key(root: Path) -> str | None:
    try:
        files = knowledge_files(root)
        return cache.content_key(files) if files else None
    except OSError:
        return None


def _header(key: str) -> dict[str, object]:
    return {
        "magic": MAGIC,
        "format": FORMAT,
        "version": __version__,
        "code": cache.code_digest(),
        "key": key,
    }


def _read(target: Path, key: str) -> list[Problem] | None:
    """The kept warnings, or None (one log line says why, unless there are none yet)."""
    try:
        data = json.loads(target.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("check cache %s cannot be read (%s); checking in full", target, exc)
        return None
    if not isinstance(data, dict) or any(data.get(k) != v for k, v in _header(key).items()):
        log.info("check cache %s is stale or foreign; checking in full", target)
        return None
    try:
        return [_problem(row) for row in data["warnings"]]
    except (KeyError, TypeError, ValueError) as exc:
        log.warning("check cache %s is damaged (%s); checking in full", target, exc)
        return None


def _problem(row: object) -> Problem:
    if not isinstance(row, list) or len(row) != 6:
        raise ValueError("not a warning")
    path, line, column, message, entry_id, severity = row
    if not (
        isinstance(path, str)
        and type(line) is int
        and type(column) is int
        and isinstance(message, str)
        and (entry_id is None or isinstance(entry_id, str))
        and isinstance(severity, str)
    ):
        raise ValueError("not a warning")
    return Problem(Path(path), line, column, message, entry_id, severity)


def _write(target: Path, key: str, warnings: list[Problem]) -> None:
    rows = [[str(p.path), p.line, p.column, p.message, p.entry_id, p.severity] for p in warnings]
    data = json.dumps({**_header(key), "warnings": rows}).encode("utf-8")
    try:
        write_atomically(target, lambda file: file.write(data))
    except OSError as exc:
        log.warning("could not write the check cache %s (%s)", target, exc)
