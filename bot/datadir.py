"""The data folder's permissions: owner-only, checked at every start.

The database holds question texts and (while pending) whole updates, the key file the hash
key. New files are created owner-only; files and folders made earlier, by hand or by an
older version, may not be. Files of the database are tightened to 0600 (nobody else has
any business reading them). The folder is tightened to 0700 only when it holds nothing but
the database's files (it is then the bot's own folder); a shared folder, such as /tmp or a
home directory, is left as it is, with a warning.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from bot.privacy import key_file_for

_SUFFIXES = ("", "-wal", "-shm", "-journal")


def database_files(db_path: Path) -> list[Path]:
    """The files that belong to a database: itself, its WAL and shared memory, its key."""
    return [db_path.with_name(db_path.name + s) for s in _SUFFIXES] + [key_file_for(db_path)]


def tighten_permissions(db_path: Path, warn: Callable[[str], None]) -> None:
    """Make the database's files owner-only and its own folder too; warn about what is not."""
    own = database_files(db_path)
    for path in own:
        _tighten(path, 0o600, warn)
    folder = db_path.parent
    try:
        info = folder.stat()
    except OSError:
        return  # not created yet: it will be, owner-only
    if not stat.S_ISDIR(info.st_mode) or not info.st_mode & 0o077:
        return  # not a folder: opening the database will say so
    names = {p.name for p in own}
    try:
        only_ours = all(child.name in names for child in folder.iterdir())
    except OSError:
        only_ours = False
    if only_ours and info.st_uid == os.getuid() and not info.st_mode & stat.S_ISVTX:
        _tighten(folder, 0o700, warn)
    else:
        warn(
            f"the folder {folder} of the question log can be opened by other users "
            f"(mode {stat.S_IMODE(info.st_mode):04o}); keep QA_DB_PATH in a folder of its own, "
            f"or run: chmod 700 {folder}"
        )


def _tighten(path: Path, mode: int, warn: Callable[[str], None]) -> None:
    try:
        info = path.stat()
    except OSError:
        return
    current = stat.S_IMODE(info.st_mode)
    if not current & 0o077:
        return
    try:
        os.chmod(path, mode)
    except OSError as exc:
        warn(
            f"{path} can be read by other users (mode {current:04o}) and could not be "
            f"changed ({exc.strerror}); run: chmod {mode:o} {path}"
        )
        return
    warn(f"{path} could be read by other users (mode {current:04o}); made it {mode:04o}")
