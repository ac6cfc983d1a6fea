"""The engine in service: reloads the knowledge when its files change, never serving a bad one.

Reloads run in worker threads (the bot's watcher and /reload may even overlap) while
questions are answered on the event loop. Readers take `engine` once per question and get a
fully built Engine, the old or the new: the new one is swapped in with one reference
assignment, only after it loaded and validated. Reloads themselves are serialised, so a slow
reload of older files can never overwrite a newer engine.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.engine import Engine
from bot.knowledge import KnowledgeError, knowledge_files, load_knowledge, resolve_knowledge_path

log = logging.getLogger(__name__)

_Stamp = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class ReloadResult:
    """What a reload did: the new engine's size, or the problems that kept the old one."""

    ok: bool
    entries: int
    articles: int
    problems: tuple[str, ...] = ()

    def summary(self) -> str:
        if self.ok:
            return f"Reloaded: {self.entries} entries from {self.articles} article(s)."
        return "Reload failed; still serving the previous knowledge.\n" + "\n".join(self.problems)


class LiveEngine:
    """Holds the current Engine; swaps in a new one only after it fully validated."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = resolve_knowledge_path(path)
        self._reloading = threading.Lock()
        self._engine = Engine(load_knowledge(self.path))
        self._stamp = self._fingerprint(self._engine)

    @property
    def engine(self) -> Engine:
        """The engine to use for one question; read it once per question."""
        return self._engine

    def _fingerprint(self, engine: Engine) -> _Stamp:
        """Path, mtime and size of the knowledge files and of `engine`'s article texts."""
        try:
            files = knowledge_files(self.path)
            files += [a.path for a in engine.knowledge.articles.values()]
            stats = [(str(f), f.stat()) for f in dict.fromkeys(files) if f.exists()]
        except OSError:
            return ()
        return tuple((name, stat.st_mtime_ns, stat.st_size) for name, stat in stats)

    def changed(self) -> bool:
        """True when a knowledge file (or article text) changed since the last load attempt."""
        return self._fingerprint(self._engine) != self._stamp

    def reload(self) -> ReloadResult:
        """Load and validate again; keep the old engine when the new knowledge is invalid."""
        with self._reloading:
            return self._reload()

    def reload_if_changed(self) -> ReloadResult | None:
        """Reload when the files changed; None when nothing changed."""
        with self._reloading:
            return self._reload() if self.changed() else None

    def _reload(self) -> ReloadResult:
        old = self._engine
        before = self._fingerprint(old)
        self._stamp = before  # an invalid state is not retried until a file changes again
        try:
            engine = Engine(load_knowledge(self.path))
        except (RecursionError, MemoryError) as exc:  # a file beyond the loader's guards
            log.error(
                "knowledge reload failed (%s: the files are too large or too deeply nested); "
                "still serving the previous %d entries",
                type(exc).__name__,
                len(old.knowledge.entries),
            )
            problem = f"{type(exc).__name__}: the knowledge is too large or too deeply nested"
            return ReloadResult(
                False, len(old.knowledge.entries), len(old.knowledge.articles), (problem,)
            )
        except KnowledgeError as exc:
            problems = tuple(str(p) for p in exc.problems)
            for problem in problems:  # the lines `qa-bot check` prints
                log.error("%s", problem)
            log.error(
                "knowledge reload failed (%s); still serving the previous %d entries",
                exc,
                len(old.knowledge.entries),
            )
            return ReloadResult(
                False, len(old.knowledge.entries), len(old.knowledge.articles), problems
            )
        self._engine = engine  # one reference swap: a question sees the old or the new, whole
        after = self._fingerprint(engine)
        # A file saved again while loading keeps the older stamp, so the next check reloads.
        self._stamp = after if _same_files(before, after) else before
        log.info("knowledge reloaded: %d entries", len(engine.knowledge.entries))
        return ReloadResult(True, len(engine.knowledge.entries), len(engine.knowledge.articles))


def _same_files(before: _Stamp, after: _Stamp) -> bool:
    """True when every file in both stamps kept its mtime and size."""
    old = {name: (mtime, size) for name, mtime, size in before}
    return all(old.get(name, (mtime, size)) == (mtime, size) for name, mtime, size in after)


async def watch(live: LiveEngine, interval: float) -> None:
    """Every `interval` seconds, reload in a worker thread if the files changed; until cancelled."""
    while True:
        await asyncio.sleep(interval)
        try:
            await asyncio.to_thread(live.reload_if_changed)
        except Exception:  # an unexpected error must not end the watching
            log.exception("knowledge watch: checking for changes failed")
