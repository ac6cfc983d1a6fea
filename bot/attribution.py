"""Who said a quoted passage: the words around it in its article sentence that name the
speaker ("Councillor Janet Ormerod, cabinet member for communities, said: …").

Authors often quote only the spoken words, so an entry would otherwise know nothing of who
spoke: "What did the cabinet member say?" would find no cabinet member in it.
"""

from __future__ import annotations

import re

from bot.knowledge import normalise_for_quote
from bot.lazyre import LazyPattern

_SPEECH = r"(?:said|says|told|added|explained|warned|insisted|argued|stated|commented)"
# Before the quote: its sentence up to a verb of speech ("X, cabinet member for Y, said:").
_ENDS_SPEAKING = LazyPattern(rf"\b{_SPEECH}$")
# After it, past the closing mark: "…," said Dr Priya Nair, clinical director.' (not a bare
# "she said").
_AFTER = LazyPattern(
    rf"^[,.!?]?\s*\"\s*,?\s*({_SPEECH}\s+[^.!?\"]{{3,120}}|[^.!?\"]{{3,120}}?\s{_SPEECH})\b"
)
_PRONOUN = LazyPattern(r"^(?:he|she|they|it|we|i)\s", re.IGNORECASE)
_LOOK = 260  # characters either side of the quote
_SENTENCE_ENDS = (". ", "! ", "? ", '" ')


def attribution(quote: str, normalised_article: str) -> str:
    """The words naming who said `quote`, from the article (normalise_for_quote'd); "" when
    the article does not say there, or the quote is not in it."""
    passage = normalise_for_quote(quote)
    at = normalised_article.find(passage) if passage else -1
    if at < 0:
        return ""
    # (String steps rather than one pattern searched from every position: this runs for
    # every entry of a large knowledge.)
    before = normalised_article[max(0, at - _LOOK) : at].rstrip(' "\u201c').rstrip(":, ")
    if _ENDS_SPEAKING.search(before[-12:]):
        start = max(before.rfind(end) for end in _SENTENCE_ENDS)
        speaker = before[start + 2 if start >= 0 else 0 :].strip(" ,")
        if len(speaker) > len("x said"):
            return speaker
    end = at + len(passage)
    after_text = normalised_article[end : end + _LOOK]
    if '"' not in after_text[:3]:
        return ""
    after = _AFTER.match(after_text)
    if after and not _PRONOUN.match(after.group(1).strip()):
        return after.group(1).strip(" ,")
    return ""
