"""A Result as people read it: plain text for the terminal, HTML for Telegram.

The Telegram texts live here too (greeting, help, topics, fallbacks), so they can be read
and tested without the Telegram library. Everything that comes from the knowledge or from a
person is escaped; every message fits Telegram's 4096-character limit.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from bot.model import Article, Entry, Explanation, Outcome, Result
from bot.smalltalk import SmallTalk

if TYPE_CHECKING:
    from bot.live import ReloadResult
    from bot.report import Stats

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


def escape(text: str) -> str:
    """Escape text for Telegram's HTML parse mode (it knows only &lt; &gt; &amp; &quot;)."""
    return html.escape(text, quote=False)


# -- Telegram HTML -------------------------------------------------------------------------------

MESSAGE_LIMIT = 4096  # Telegram's limit per message, counted in UTF-16 code units
TOPICS_PER_PAGE = 8

# The command menu (set_my_commands) and /help list the same commands.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "What I know, with example questions"),
    ("help", "How to ask, and the commands"),
    ("topics", "Every question I can answer"),
    ("source", "The article my answers come from"),
    ("ask", "Ask a question (works in groups): /ask question"),
)
# Only admins see these, in their own command menu; /help never lists them.
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("reload", "Admin: reload the knowledge now"),
    ("stats", "Admin: questions, votes and gaps"),
)

NONE_OF_THESE_HTML = (
    "Sorry I couldn't help with that one. Try asking in other words, or send /topics to see "
    "every question I can answer."
)
NON_TEXT_HTML = (
    "I can only read text. Send me your question about the article as a message, "
    "or tap one of these:"
)
TOO_LONG_HTML = (
    "That's a long message! I answer one short question at a time. Could you ask it in a "
    "sentence or two?"
)
ASK_WHAT_HTML = (
    "What would you like to know about the article? Reply to this message with your question, "
    "or send <code>/ask</code> followed by it."
)
UNKNOWN_COMMAND_HTML = (
    "I don't know that command. Send /help to see what I can do, or just ask me a question."
)
# Answers to a pressed button (shown by Telegram as a short notice: plain text, <= 200 chars).
GONE_ENTRY_NOTICE = (
    "Sorry, that question is no longer in my notes (they were just updated). Please ask again."
)
OLD_BUTTON_NOTICE = "This button is from an older version of me. Please ask your question again."
THANKS_NOTICE = "Thanks for your feedback!"
SLOW_DOWN_NOTICE = (
    "You're sending messages faster than I can read them. Please wait a few seconds, "
    "then ask again."
)
NOT_AVAILABLE_NOTICE = "Sorry, I'm not available in this chat."
SLOW_DOWN_HTML = SLOW_DOWN_NOTICE
NOT_AVAILABLE_HTML = (
    "Sorry, I'm not available in this chat. I only answer in the chats I was set up for."
)


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji counts as two)."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in an ellipsis when cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "\u2026"


def _answer_html(answer: str, quote: str, title: str) -> str:
    return (
        f"{escape(answer)}\n\n"
        f"<blockquote>{escape(quote)}</blockquote>\n"
        f"Source: <i>{escape(title)}</i>"
    )


def render_html(result: Result, limit: int = MESSAGE_LIMIT) -> str:
    """An answered Result as Telegram HTML: answer, the quote in a blockquote, the source."""
    if not (result.outcome is Outcome.ANSWERED and result.entry and result.article):
        raise ValueError(
            "render_html renders answers; unsure and no-match replies are built "
            "by the adapter with buttons"
        )
    answer, quote = result.entry.answer, result.entry.quote
    title = clip(result.article.title, 200)
    text = _answer_html(answer, quote, title)
    if utf16_len(text) <= limit:
        return text
    # Only an unusually long entry gets here: share the room fairly between answer and quote.
    budget = limit - utf16_len(_answer_html("", "", title))
    answer_room = max(budget // 2, budget - utf16_len(escape(quote)))
    answer = _clip_escaped(answer, answer_room)
    quote = _clip_escaped(quote, budget - utf16_len(escape(answer)))
    return _answer_html(answer, quote, title)


def _clip_escaped(text: str, units: int) -> str:
    """The longest clip of `text` whose escaped form takes at most `units` UTF-16 units."""
    if utf16_len(escape(text)) <= units:
        return text
    low, high = 0, len(text)
    while low < high:  # binary search on the number of characters kept
        middle = (low + high + 1) // 2
        if utf16_len(escape(clip(text, middle))) <= units:
            low = middle
        else:
            high = middle - 1
    return clip(text, low) if low else ""


def _titles_html(articles: Sequence[Article], most: int = 5) -> str:
    titles = [f"<i>{escape(clip(a.title, 150))}</i>" for a in articles[:most]]
    if len(articles) > most:
        titles.append(f"{len(articles) - most} more")
    return ", ".join(titles) or "one news article"


def unsure_html(question: str) -> str:
    """The unsure reply; the suggestions are buttons under it."""
    quoted = escape(clip(question, 120))
    return f"I'm not sure what you mean by \u201c{quoted}\u201d. Did you mean\u2026"


def no_match_html(articles: Sequence[Article]) -> str:
    """The no-match reply; example questions are buttons under it."""
    return (
        f"Sorry, I can't find that in the article. I only know about "
        f"{_titles_html(articles)}.\n\nYou could ask, for example (or send /topics):"
    )


def start_html(articles: Sequence[Article], first_name: str | None = None) -> str:
    """/start: a greeting, what the bot knows; example questions are buttons under it."""
    hello = f"Hi {escape(clip(first_name, 64))}!" if first_name else "Hi!"
    return (
        f"{hello} I answer questions about {_titles_html(articles)}, quoting the sentence "
        f"from the article that backs each answer.\n\nSend me a question, or tap one of these:"
    )


def smalltalk_html(kind: SmallTalk, articles: Sequence[Article]) -> str:
    """A friendly short reply to a greeting, thanks or goodbye."""
    if kind is SmallTalk.THANKS:
        return "You're welcome! Ask me anything else about the article."
    if kind is SmallTalk.GOODBYE:
        return "Bye! Come back any time you have a question about the article."
    if kind is SmallTalk.ABOUT_BOT:
        return (
            f"I'm a bot that answers questions about {_titles_html(articles)}, quoting the "
            "article for every answer. Send /topics to see what I can answer."
        )
    return (
        f"Hello! Ask me a question about {_titles_html(articles)}. "
        f"Send /topics to see what I can answer."
    )


def empty_question_html(example: str | None) -> str:
    """The reply to an empty message or a bare mention."""
    hint = f", for example: <i>{escape(example)}</i>" if example else "."
    return f"Yes? Ask me a question about the article{hint}"


def help_html(bot_username: str) -> str:
    """/help: how to ask, the commands, groups and inline mode."""
    me = f"@{escape(bot_username)}"
    commands = "\n".join(f"/{name} \u2013 {escape(text)}" for name, text in COMMANDS)
    return (
        "<b>How to ask</b>\n"
        "Send a question in your own words, e.g. <i>How much was the contract worth?</i> "
        "I answer with the sentence from the article that backs it. When I'm not sure what "
        "you mean, I offer a few questions as buttons: tap the one you meant.\n\n"
        f"<b>Commands</b>\n{commands}\n\n"
        f"<b>In groups</b> use /ask, mention me ({me} and your question) or reply to one of "
        "my messages; I stay out of other conversations.\n\n"
        f"<b>In any chat</b> type {me} followed by a question to share an answer."
    )


def source_html(articles: Sequence[Article], questions: Mapping[str, int]) -> str:
    """/source: each article's title and origin, and how answers quote it."""
    parts = ["<b>Where my answers come from</b>"]
    closing = (
        "Every answer quotes the article word for word: the quote is the indented block under "
        "the answer, followed by the article's title. I answer only from the article, "
        "never from elsewhere."
    )
    room = MESSAGE_LIMIT - utf16_len(closing) - 100
    for shown, article in enumerate(articles):
        count = questions.get(article.id, 0)
        part = (
            f"<i>{escape(clip(article.title, 200))}</i>\n{escape(clip(article.origin, 500))}\n"
            f"{count} question{'s' if count != 1 else ''} answered from it."
        )
        if utf16_len("\n\n".join([*parts, part])) > room:
            parts.append(f"\u2026and {len(articles) - shown} more.")
            break
        parts.append(part)
    parts.append(closing)
    return "\n\n".join(parts)


def topics_pages(
    topics: Mapping[str, Sequence[Entry]],
    per_page: int = TOPICS_PER_PAGE,
    limit: int = MESSAGE_LIMIT,
) -> list[str]:
    """/topics: every question, grouped by topic, as pages that each fit one message."""
    header = "<b>Everything I can answer</b>"
    budget = limit - utf16_len(header) - 40  # room for " (page 12/34)" and blank lines
    blocks: list[str] = []
    for topic, entries in topics.items():
        blocks += _topic_blocks(topic, [e.question for e in entries], budget)
    pages: list[list[str]] = []
    for block in blocks:
        page = pages[-1] if pages else None
        if page is None or len(page) >= per_page or utf16_len("\n\n".join([*page, block])) > budget:
            pages.append([block])
        else:
            page.append(block)
    if not pages:
        return [f"{header}\n\nNothing yet: my notes are empty."]
    total = len(pages)
    return [
        f"{header}{f' (page {n}/{total})' if total > 1 else ''}\n\n" + "\n\n".join(page)
        for n, page in enumerate(pages, 1)
    ]


def _topic_blocks(topic: str, questions: list[str], budget: int) -> list[str]:
    """One topic as blocks of a title and its questions; a long topic continues in a new one."""
    title = f"<b>{escape(clip(topic, 100))}</b>"
    blocks: list[str] = []
    lines = [title]
    for question in questions:
        line = f"\u2022 {escape(clip(question, 300))}"
        if utf16_len("\n".join([*lines, line])) > budget and len(lines) > 1:
            blocks.append("\n".join(lines))
            lines = [f"{title} (continued)"]
        lines.append(line)
    blocks.append("\n".join(lines))
    return blocks


# -- admin replies -------------------------------------------------------------------------------

_OUTCOME_LABELS = {
    Outcome.ANSWERED.value: "answered",
    Outcome.UNSURE.value: "suggestions offered",
    Outcome.NO_MATCH.value: "not answered",
}
STATS_UNAVAILABLE_HTML = "The question log is not available right now; the bot's log says why."


def _outcome_line(label: str, counts: Mapping[str, int]) -> str:
    parts = ", ".join(f"{counts.get(k, 0)} {name}" for k, name in _OUTCOME_LABELS.items())
    return f"{label}: <b>{sum(counts.values())}</b> ({parts})"


def stats_html(stats: Stats) -> str:
    """/stats: questions per outcome today and in the last 7 days, votes, top unanswered."""
    lines = [
        "<b>Questions</b> (days in UTC)",
        _outcome_line("Today", stats.today),
        _outcome_line("Last 7 days", stats.last_7_days),
        "",
        f"<b>Feedback</b> (last 7 days): \U0001f44d {stats.votes_up_7_days} \u00b7 "
        f"\U0001f44e {stats.votes_down_7_days}",
        "",
        "<b>Most asked, not answered</b> (last 7 days)",
    ]
    for n, cluster in enumerate(stats.top_unanswered, 1):
        lines.append(f"{n}. {escape(clip(cluster.wording, 300))} \u00d7{cluster.count}")
    if not stats.top_unanswered:
        lines.append("None (or their texts are not kept: see QA_RETENTION_DAYS).")
    return "\n".join(lines)


def reload_html(result: ReloadResult, limit: int = MESSAGE_LIMIT) -> str:
    """/reload: what was loaded, or each problem that kept the previous knowledge."""
    if result.ok:
        return (
            f"Reloaded: <b>{result.entries}</b> entries from {result.articles} article(s). "
            "New questions are answered from them."
        )
    head = (
        f"<b>Reload failed</b>; still answering from the previous knowledge "
        f"({result.entries} entries). Fix these and send /reload again:"
    )
    lines = [head]
    for shown, problem in enumerate(result.problems):
        line = f"\u2022 {escape(clip(problem, 500))}"
        more = f"\u2026and {len(result.problems) - shown} more (run qa-bot check)."
        if utf16_len("\n".join([*lines, line, more])) > limit:
            lines.append(more)
            break
        lines.append(line)
    return "\n".join(lines)
