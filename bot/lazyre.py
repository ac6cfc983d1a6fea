"""Regular expressions compiled on first use.

Python compiles a pattern in Python code, a tenth of a millisecond to two each: the ask path's
module-level patterns cost ~17 ms of every `qa-bot ask` when compiled at import, and a plain
question uses a third of them (greetings, background sentences, follow-ups, indexing the
article: each only where it applies). So modules on that path declare theirs with
`LazyPattern`, which has the methods of `re.Pattern` that they use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


class LazyPattern:
    """re.compile(source, flags), made when a method is first called."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        return self.source

    def compiled(self) -> re.Pattern[str]:
        # Two threads may both compile it: the same pattern, so either may win.
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled().search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled().match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled().fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text)

    def findall(self, text: str) -> list[str]:
        return self.compiled().findall(text)

    def split(self, text: str) -> list[str]:
        return self.compiled().split(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled().sub(repl, text, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0
    ) -> tuple[str, int]:
        return self.compiled().subn(repl, text, count)
