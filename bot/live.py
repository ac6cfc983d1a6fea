"""The engine in service: reloads the knowledge when its files change, never serving a bad one."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from bot.engine import Engine
from bot.knowledge import KnowledgeError, knowledge_files, load_knowledge, resolve_knowledge_path

log = logging.getLogger(__name__)


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
        self._engine = Engine(load_knowledge(self.path))
        self._stamp = self._fingerprint()

    @property
    def engine(self) -> Engine:
        """The engine to use for one question; read it once per question."""
        return self._engine

    def _fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        files: list[Path] = []
        try:
            files = knowledge_files(self.path)
            engine = getattr(self, "_engine", None)
            if engine is not None:
                files += [a.path for a in engine.knowledge.articles.values()]
            return tuple(
                (str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists()
            )
        except OSError:
            return ()

    def changed(self) -> bool:
        """True when a knowledge file (or article text) changed since the last load attempt."""
        return self._fingerprint() != self._stamp

    def reload(self) -> ReloadResult:
        """Load and validate again; keep the old engine when the new knowledge is invalid."""
        self._stamp = self._fingerprint()
        try:
            engine = Engine(load_knowledge(self.path))
        except KnowledgeError as exc:
            problems = tuple(str(p) for p in exc.problems)
            for problem in problems:
                log.error("knowledge reload: %s", problem)
            return ReloadResult(
                False,
                len(self._engine.knowledge.entries),
                len(self._engine.knowledge.articles),
                problems,
            )
        self._engine = engine  # one reference swap: a question sees the old or the new, whole
        self._stamp = self._fingerprint()
        log.info("knowledge reloaded: %d entries", len(engine.knowledge.entries))
        return ReloadResult(True, len(engine.knowledge.entries), len(engine.knowledge.articles))

    def reload_if_changed(self) -> ReloadResult | None:
        """Reload when the files changed; None when nothing changed."""
        return self.reload() if self.changed() else None
