"""LazyPattern behaves as the compiled pattern would, compiling once, on first use."""

from __future__ import annotations

import re

from bot.lazyre import LazyPattern

SOURCE = r"(?<=\d)[,.](?=\d{3}\b)|\bhi\b"
TEXTS = ["£1,250 and 3.000 hi", "nothing here", "HI hi, 1,000,000", ""]


def test_every_method_gives_what_re_compile_gives() -> None:
    for flags in (0, re.IGNORECASE):
        lazy, eager = LazyPattern(SOURCE, flags), re.compile(SOURCE, flags)
        for text in TEXTS:
            assert [m.span() for m in lazy.finditer(text)] == [
                m.span() for m in eager.finditer(text)
            ]
            assert lazy.findall(text) == eager.findall(text)
            assert lazy.split(text) == eager.split(text)
            assert lazy.sub("_", text) == eager.sub("_", text)
            assert lazy.sub(lambda m: m.group().upper(), text, 1) == eager.sub(
                lambda m: m.group().upper(), text, 1
            )
            assert lazy.subn("", text) == eager.subn("", text)
            for method in ("search", "match", "fullmatch"):
                mine, theirs = getattr(lazy, method)(text), getattr(eager, method)(text)
                assert (mine and mine.span()) == (theirs and theirs.span())
            mine, theirs = lazy.search(text, 3), eager.search(text, 3)
            assert (mine and mine.span()) == (theirs and theirs.span())


def test_it_compiles_once_on_first_use() -> None:
    lazy = LazyPattern(r"\bdeal\b", re.IGNORECASE)
    assert lazy._compiled is None and lazy.pattern == r"\bdeal\b"
    assert lazy.search("The DEAL is off")
    first = lazy.compiled()
    assert lazy.match("deal") and lazy.compiled() is first
    assert first.flags & re.IGNORECASE
