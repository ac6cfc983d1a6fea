"""The English Snowball stemmer, imported alone.

`import snowballstemmer` (and so any `from snowballstemmer.x import ...`) runs the package's
`__init__`, which imports all ~30 of its languages: 15-25 ms of every start of `qa-bot ask`.
The English stemmer needs only its own module and two helpers, so they are loaded from the
installed package's folder as submodules of a private package (`bot._snowball`): the real
`snowballstemmer` package is left untouched for anyone who imports it, and the same files
(and their cached bytecode) are used.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Protocol, cast

_PACKAGE = "bot._snowball"


class Stemmer(Protocol):
    """The part of snowballstemmer's stemmers used here."""

    def stemWord(self, word: str) -> str: ...

    def stemWords(self, words: list[str]) -> list[str]: ...


def english_stemmer() -> Stemmer:
    """A new English Snowball stemmer."""
    module = _english_module()
    return cast(Stemmer, module.EnglishStemmer())


def _english_module() -> types.ModuleType:
    spec = importlib.util.find_spec("snowballstemmer")  # finds it without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("snowballstemmer is not installed: pip install snowballstemmer")
    if _PACKAGE not in sys.modules:
        package = types.ModuleType(_PACKAGE)
        package.__path__ = list(spec.submodule_search_locations)
        package.__package__ = _PACKAGE
        sys.modules[_PACKAGE] = package
    return importlib.import_module(f"{_PACKAGE}.english_stemmer")
