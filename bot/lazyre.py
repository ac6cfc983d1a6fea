"""Regular expressions compiled on first use.

For patterns that only reading the knowledge needs (indexing its texts): a start from the
knowledge cache (bot.cache) never uses them, and compiling them costs milliseconds of every
`qa-bot ask`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class LazyPattern:
    """re.compile(source), made when search() or finditer() is first called."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        # Two threads may both compile it: the same pattern, so either may win.
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled().search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text)
