"""A Result as the terminal shows it (`qa-bot ask`, `qa-bot chat`): plain text, and the
--explain trace. Telegram's HTML is bot.telegram.texts'."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from bot import wording
from bot.model import Article, Entry, Explanation, Outcome, Result

NO_MATCH_TEXT = (
    "Sorry, I don't know that. I can only answer questions about the article I have read."
)
UNSURE_TEXT = "I'm not sure what you mean. Did you mean:"


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def render_text(
    result: Result,
    examples: list[Entry] | None = None,
    articles: Mapping[str, Article] | None = None,
) -> str:
    """The reply for a terminal: answer, quote and source; or suggestions; or a fallback.
    Further questions found in the same message follow, each with its own reply."""
    several = bool(result.others)  # then each answer says which question it answers
    parts = [_one_text(result, examples, articles or {}, several)]
    parts += [_one_text(other, None, articles or {}, several) for other in result.others]
    return "\n\n".join(parts)


def _one_text(
    result: Result,
    examples: list[Entry] | None,
    articles: Mapping[str, Article],
    always_name: bool = False,
) -> str:
    if result.outcome is Outcome.ANSWERED and result.entry and result.article:
        named = wording.named_question(result, always_name)
        return "\n".join(
            [
                *([_wrap(named), ""] if named else []),
                _wrap(wording.answer_text(result.entry)),
                "",
                _wrap(f"\u201c{result.entry.quote}\u201d", "  > "),
                "",
                f"Source: {result.article.title} ({result.article.origin})",
            ]
        )
    if result.closest is not None:
        lines = [
            wording.not_said(result, len(articles) or 1),
            f"The closest passage (about \u201c{result.closest.question}\u201d), not an answer:",
            "",
            _wrap(f"\u201c{result.closest.quote}\u201d", "  > "),
        ]
        article = articles.get(result.closest.article_id)
        if article is not None:
            lines += ["", f"Source: {article.title} ({article.origin})"]
        return "\n".join(lines)
    if result.outcome is Outcome.UNSURE and result.suggestions:
        keyword = wording.keyword_as_typed(result)
        head = f"About {keyword} I can tell you:" if result.keyword else UNSURE_TEXT
        lines = [head]
        lines += [f"  {n}. {s.question}" for n, s in enumerate(result.suggestions, 1)]
        return "\n".join(lines)
    lines = [no_match_text(len(articles) or 1)]
    if examples:
        lines.append("You could ask, for example:")
        lines += [f"  - {e.question}" for e in examples]
    return "\n".join(lines)


def no_match_text(article_count: int = 1) -> str:
    """The terminal's "don't know", worded for one article or several."""
    if article_count == 1:
        return NO_MATCH_TEXT
    return "Sorry, I don't know that. I can only answer questions about the articles I have read."


def render_explanation(explanation: Explanation) -> str:
    """--explain: each stage — the question(s) found, spelling, the kind of fact asked, what
    matched, the top candidates with their scores and the kinds they give, the decision."""
    lines = []
    if explanation.questions:
        lines.append("questions:   " + " | ".join(explanation.questions))
    lines.append(f"words:       {' '.join(explanation.tokens) or '(none)'}")
    fixes = ", ".join(f"{c.word} -> {c.fixed} ({c.source})" for c in explanation.corrections)
    lines.append(f"corrected:   {fixes or '(none)'}")
    lines.append(f"unknown:     {' '.join(explanation.unknown_terms) or '(none)'}")
    lines.append(f"asks for:    {explanation.asked_kind or '(not clear)'}")
    lines.append(f"matched:     {' '.join(explanation.matched_terms) or '(none)'}")
    lines.append("candidates:")
    for c in explanation.candidates:
        gives = ",".join(sorted(c.gives - {"yesno"})) or "-"
        lines.append(
            f"  {c.confidence:.3f}  {c.entry_id:<28} overlap={c.overlap:.2f} "
            f"fuzzy={c.fuzzy:.2f}  gives {gives}  via {c.best_variant!r}"
        )
    if not explanation.candidates:
        lines.append("  (none)")
    if explanation.decision:
        lines.append(f"decision:    {explanation.decision}")
    return "\n".join(lines)
