"""Recognising an article's headline line, the same way for `draft` and `coverage`.

A headline is the first paragraph of the text when it is one short line that does not end a
sentence ("Council to close Riverside library"), and more text follows it. It names the
article; it is not a sentence an answer can quote.
"""

from __future__ import annotations

import re

MAX_HEADLINE_WORDS = 16


def split_headline(text: str) -> tuple[str | None, str]:
    """(the headline, or None; the text without it)."""
    parts = re.split(r"\n\s*\n", text.lstrip("\ufeff").strip(), maxsplit=1)
    if len(parts) < 2 or not parts[1].strip():
        return None, text
    first, rest = parts
    line = " ".join(first.split())
    if (
        "\n" not in first.strip()
        and 0 < len(line.split()) <= MAX_HEADLINE_WORDS
        and not re.search(r"[.!,;:]['\"\u201d\u2019]?$", line)
    ):
        return line, rest
    return None, text
