"""Words that depend on what is being said: one article or several, which question an answer
answers, what kind of fact the article does not give. Shared by the terminal and Telegram."""

from __future__ import annotations

from bot import kinds, text
from bot.model import Entry, Result

# What a reply says above an article sentence answering in its own words (bot.passages): no
# one wrote an answer for it, and the reply says so rather than repeating the quote.
FROM_ARTICLE = "The article says, in a passage no prepared answer covers:"


def the_article(count: int) -> str:
    """ "the article" for one article, "the articles" for several."""
    return "the article" if count == 1 else "the articles"


def questions_count(count: int) -> str:
    """ "11 questions I can answer", "1 question I can answer"."""
    return f"{count} question{'' if count == 1 else 's'} I can answer"


def named_question(result: Result, always: bool = False) -> str | None:
    """The entry's question when the person asked in other words (so the reply says which
    question it answers), or `always` (one of several answers to one message); None when they
    asked it as written, or nothing was answered."""
    if not result.answered or result.entry is None or result.entry.from_article:
        return None
    canonical = result.entry.question
    if not always and text.words(result.question) == text.words(canonical):
        return None
    return canonical


def answer_text(entry: Entry) -> str:
    """The answer line of a reply: the entry's answer, or FROM_ARTICLE above the article's
    own words."""
    return FROM_ARTICLE if entry.from_article else entry.answer


def not_said(result: Result, article_count: int = 1) -> str:
    """ "The article doesn't say how long." for a near miss declined."""
    what = kinds.PHRASES.get(result.asked_kind or "") or "that"
    if article_count == 1:
        return f"The article doesn't say {what}."
    return f"The articles don't say {what}."


def keyword_as_typed(result: Result) -> str:
    """The keyword of a keyword menu as the person typed it ("G4S", not "g4s"), when the
    message is just that keyword; else the engine's keyword."""
    keyword = result.keyword or ""
    typed = result.question.strip(" \t?!.,;:")
    if typed and text.words(typed) == text.words(keyword):
        return typed
    return keyword
