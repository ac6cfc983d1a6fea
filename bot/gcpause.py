"""Pausing Python's cyclic garbage collector while a knowledge base is loaded or indexed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
    """
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
