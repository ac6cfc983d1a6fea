"""Reloads free the old knowledge: no reference cycle keeps an old index alive."""

from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

import pytest

from bot.live import LiveEngine


def _rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_a_reload_frees_the_old_engine_without_the_cyclic_collector(library: Path) -> None:
    live = LiveEngine(library)
    live.engine.ask("how did the concil vote")  # fills the typo caches
    old_engine, old_knowledge = weakref.ref(live.engine), weakref.ref(live.engine.knowledge)
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()  # freed by reference counting alone, the moment nothing refers to them
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        assert live.reload().ok
        assert old_engine() is None and old_knowledge() is None
        gc.collect()  # what only the cyclic collector could free lands in gc.garbage
        cyclic = {type(o).__qualname__ for o in gc.garbage if type(o).__module__.startswith("bot.")}
        assert cyclic == set(), f"reference cycles keep old {sorted(cyclic)} alive"
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()


@pytest.mark.slow
def test_memory_stays_flat_over_1000_reloads(library: Path) -> None:
    live = LiveEngine(library)
    for _ in range(100):  # warm up: caches, allocator arenas
        live.engine.ask("how did the concil vote")
        live.reload()
    before = _rss_mb()
    for _ in range(900):
        live.engine.ask("how did the concil vote")
        assert live.reload().ok
    grown = _rss_mb() - before
    # The leak this guards against kept every old index: ~100 KB a reload here, 90 MB in all.
    assert grown < 8, f"{grown:.1f} MB more after 900 more reloads"
