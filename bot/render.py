"""A Result as people read it: plain text for the terminal, HTML for Telegram."""

from __future__ import annotations

import html
import textwrap

from bot.model import Entry, Explanation, Outcome, Result

NO_MATCH_TEXT = (
    "Sorry, I don't know that. I can only answer questions about the article I have read."
)
UNSURE_TEXT = "I'm not sure what you mean. Did you mean:"


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def render_text(result: Result, examples: list[Entry] | None = None) -> str:
    """The reply for a terminal: answer, quote and source; or suggestions; or a fallback."""
    if result.outcome is Outcome.ANSWERED and result.entry and result.article:
        return "\n".join(
            [
                _wrap(result.entry.answer),
                "",
                _wrap(f"\u201c{result.entry.quote}\u201d", "  > "),
                "",
                f"Source: {result.article.title} ({result.article.origin})",
            ]
        )
    if result.outcome is Outcome.UNSURE and result.suggestions:
        lines = [UNSURE_TEXT]
        lines += [f"  {n}. {s.question}" for n, s in enumerate(result.suggestions, 1)]
        return "\n".join(lines)
    lines = [NO_MATCH_TEXT]
    if examples:
        lines.append("You could ask, for example:")
        lines += [f"  - {e.question}" for e in examples]
    return "\n".join(lines)


def render_explanation(explanation: Explanation) -> str:
    """--explain: what matched, what was corrected, the top candidates with their scores."""
    lines = [f"words:       {' '.join(explanation.tokens) or '(none)'}"]
    lines.append(f"matched:     {' '.join(explanation.matched_terms) or '(none)'}")
    lines.append(f"unknown:     {' '.join(explanation.unknown_terms) or '(none)'}")
    fixes = ", ".join(f"{a} -> {b}" for a, b in explanation.corrections)
    lines.append(f"corrected:   {fixes or '(none)'}")
    lines.append("candidates:")
    for c in explanation.candidates:
        lines.append(
            f"  {c.confidence:.3f}  {c.entry_id:<28} overlap={c.overlap:.2f} "
            f"fuzzy={c.fuzzy:.2f}  via {c.best_variant!r}"
        )
    if not explanation.candidates:
        lines.append("  (none)")
    return "\n".join(lines)


def escape(text: str) -> str:
    """Escape text for Telegram's HTML parse mode (it knows only &lt; &gt; &amp; &quot;)."""
    return html.escape(text, quote=False)


def render_html(result: Result) -> str:
    """An answered Result as Telegram HTML: answer, the quote in a blockquote, the source."""
    if not (result.outcome is Outcome.ANSWERED and result.entry and result.article):
        raise ValueError("render_html renders answers; unsure and no-match replies are built "
                         "by the adapter with buttons")
    return (
        f"{escape(result.entry.answer)}\n\n"
        f"<blockquote>{escape(result.entry.quote)}</blockquote>\n"
        f"Source: <i>{escape(result.article.title)}</i>"
    )
