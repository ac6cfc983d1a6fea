"""Writing a file so that readers see the old one or the new one, whole: written aside in the
same folder, then renamed over it. The caches (knowledge, check warnings, word list) use it."""

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomically(target: Path, fill: Callable[[BinaryIO], object]) -> None:
    """Create `target`'s folder (private to the user) and write `target` through `fill`;
    raises OSError, or what `fill` raises, and then leaves no partial file behind."""
    import tempfile  # (here: it imports shutil and random, which a start does not need)

    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(handle, "wb") as file:
            fill(file)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
