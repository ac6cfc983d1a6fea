"""Reading the question log (SQLite) as the tests check it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def rows(
    db: Path, sql: str = "SELECT * FROM questions ORDER BY asked_at, rowid"
) -> list[dict[str, Any]]:
    """The rows `sql` selects from the question log at `db`, as dicts."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()
