"""Pausing Python's cyclic garbage collector while a knowledge base is loaded or indexed."""

from __future__ import annotations

import _thread
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# The low-level lock: importing `threading` costs a one-shot `qa-bot ask` a millisecond.
_lock = _thread.allocate_lock()
_set_aside = 0  # how many blocks off the main thread have the older objects set aside


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off.

    Loading and indexing create hundreds of thousands of objects that all stay alive. With the
    collector on, it walks them again every time enough new ones pile up, which took about
    half the time of loading. Afterwards every object is moved straight to the oldest
    generation (freeze, then unfreeze: no walk at all), as if it had survived collections:
    left in the youngest, the next collections would walk them all, pausing one of the next
    questions (for a second at 100k entries). Objects of other threads are moved too, which
    only means that they are looked at in the next full collection. Nested pauses, or a
    collector that was off already, are left alone.

    Off the main thread (a reload while the bot answers on its event loop) the collector is
    not stopped for the whole process: it keeps running, and only the objects that existed
    before the block (the engine in service, above all) are set aside so that its collections
    do not walk them again and again (see _older_objects_set_aside).
    """
    if _off_the_main_thread():
        with _older_objects_set_aside():
            yield
        return
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        gc.enable()


def _off_the_main_thread() -> bool:
    # Threads are started through `threading`: until something imports it (the bot does, a
    # one-shot `qa-bot ask` does not), there is no thread but the main one.
    threading = sys.modules.get("threading")
    return threading is not None and threading.current_thread() is not threading.main_thread()


@contextmanager
def _older_objects_set_aside() -> Iterator[None]:
    """Move every object that exists now out of the collector's sight (gc.freeze) until the
    last such block ends; the collector keeps working on the objects made meanwhile."""
    global _set_aside
    with _lock:
        if _set_aside == 0:
            gc.freeze()
        _set_aside += 1
    try:
        yield
    finally:
        with _lock:
            _set_aside -= 1
            if _set_aside == 0:
                gc.unfreeze()
