"""Telegram's texts as HTML: answers, greeting, help, topics, fallbacks, admin replies.

Free of the Telegram library, so they can be read and tested on their own. Everything that
comes from the knowledge or from a person is escaped; every message fits Telegram's
4096-character limit.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from bot import wording
from bot.model import Article, Entry, Outcome, Result
from bot.smalltalk import SmallTalk

if TYPE_CHECKING:
    from bot.knowledge import Knowledge
    from bot.live import ReloadResult
    from bot.stats import Stats


def escape(text: str) -> str:
    """Escape text for Telegram's HTML parse mode (it knows only &lt; &gt; &amp; &quot;)."""
    return html.escape(text, quote=False)


# -- Telegram HTML -------------------------------------------------------------------------------

MESSAGE_LIMIT = 4096  # Telegram's limit per message, counted in UTF-16 code units
TOPICS_PER_PAGE = 8

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
VOTE_CHANGED_NOTICE = "Vote changed. Thanks for your feedback!"
VOTE_KEPT_NOTICE = "You already voted that way; press the other one to change your vote."


def group_vote_notice(vote: int) -> str:
    """A vote noted in a group, where the buttons show the latest member's vote."""
    label = "\U0001f44d" if vote > 0 else "\U0001f44e"
    return f"Thanks for your feedback! Your vote: {label} (press the other one to change it)."


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


def _answer_html(answer: str, quote: str, title: str, heading: str = "") -> str:
    return (
        (f"<b>{escape(heading)}</b>\n\n" if heading else "") + f"{escape(answer)}\n\n"
        f"<blockquote>{escape(quote)}</blockquote>\n"
        f"Source: <i>{escape(title)}</i>"
    )


def render_html(result: Result, limit: int = MESSAGE_LIMIT, always_name: bool = False) -> str:
    """An answered Result as Telegram HTML: the entry's question in bold when asked in other
    words (or `always_name`), the answer, the quote in a blockquote, the source."""
    if not (result.outcome is Outcome.ANSWERED and result.entry and result.article):
        raise ValueError(
            "render_html renders answers; unsure and no-match replies are built "
            "by the adapter with buttons"
        )
    answer, quote = wording.answer_text(result.entry), result.entry.quote
    title = clip(result.article.title, 200)
    heading = clip(wording.named_question(result, always_name) or "", 300)
    text = _answer_html(answer, quote, title, heading)
    if utf16_len(text) <= limit:
        return text
    # Only an unusually long entry gets here: share the room fairly between answer and quote.
    budget = limit - utf16_len(_answer_html("", "", title, heading))
    answer_room = max(budget // 2, budget - utf16_len(escape(quote)))
    answer = _clip_escaped(answer, answer_room)
    quote = _clip_escaped(quote, budget - utf16_len(escape(answer)))
    return _answer_html(answer, quote, title, heading)


def near_miss_html(result: Result, articles: Mapping[str, Article]) -> str:
    """A near miss declined: the article doesn't say; the closest passage quoted as context."""
    closest = result.closest
    if closest is None:
        raise ValueError("near_miss_html renders a declined near miss with a closest passage")
    head = f"<b>{escape(wording.not_said(result, len(articles) or 1))}</b>"
    about = escape(clip(closest.question, 300))
    text = (
        f"{head}\n\nThe closest I have is this passage, about <i>{about}</i> "
        f"(it does not answer your question):\n"
        f"<blockquote>{escape(clip(closest.quote, 3000))}</blockquote>"
    )
    article = articles.get(closest.article_id)
    if article is not None:
        text += f"\nSource: <i>{escape(clip(article.title, 200))}</i>"
    return text


def keyword_html(keyword: str) -> str:
    """A keyword menu: the questions about it are buttons under this line."""
    return f"About <b>{escape(clip(keyword, 100))}</b> I can tell you:"


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
    if len(titles) > 1:  # "A, B and C": each title stays in italics, so they read apart
        return f"{', '.join(titles[:-1])} and {titles[-1]}"
    return titles[0] if titles else "one news article"


def unsure_html(question: str) -> str:
    """The unsure reply; the suggestions are buttons under it."""
    quoted = escape(clip(question, 120))
    return f"I'm not sure what you mean by \u201c{quoted}\u201d. Did you mean\u2026"


def no_match_html(articles: Sequence[Article]) -> str:
    """The no-match reply; example questions are buttons under it."""
    return (
        f"Sorry, I can't find that in {wording.the_article(len(articles))}. I only know about "
        f"{_titles_html(articles)}.\n\nYou could ask, for example (or send /topics):"
    )


def start_html(articles: Sequence[Article], first_name: str | None = None) -> str:
    """/start: a greeting, what the bot knows; example questions are buttons under it."""
    hello = f"Hi {escape(clip(first_name, 64))}!" if first_name else "Hi!"
    return (
        f"{hello} I answer questions about {_titles_html(articles)}, quoting the sentence "
        f"from {wording.the_article(len(articles))} that backs each answer.\n\n"
        "Send me a question, or tap one of these:"
    )


def smalltalk_html(kind: SmallTalk, articles: Sequence[Article]) -> str:
    """A friendly short reply to a greeting, thanks or goodbye."""
    the = wording.the_article(len(articles))
    if kind is SmallTalk.THANKS:
        return f"You're welcome! Ask me anything else about {the}."
    if kind is SmallTalk.GOODBYE:
        return f"Bye! Come back any time you have a question about {the}."
    if kind is SmallTalk.ABOUT_BOT:
        return (
            f"I'm a bot that answers questions about {_titles_html(articles)}, quoting {the} "
            "for every answer. Send /topics to see what I can answer."
        )
    return (
        f"Hello! Ask me a question about {_titles_html(articles)}. "
        f"Send /topics to see what I can answer."
    )


def empty_question_html(example: str | None, article_count: int = 1) -> str:
    """The reply to an empty message or a bare mention."""
    hint = f", for example: <i>{escape(example)}</i>" if example else "."
    return f"Yes? Ask me a question about {wording.the_article(article_count)}{hint}"


def ask_what_html(article_count: int = 1) -> str:
    """The reply to a bare /ask."""
    return ASK_WHAT_HTML.replace("the article", wording.the_article(article_count))


def non_text_html(article_count: int = 1) -> str:
    """The reply to a sticker, photo, voice message…"""
    return NON_TEXT_HTML.replace("the article", wording.the_article(article_count))


def help_html(bot_username: str, commands: Sequence[tuple[str, str]]) -> str:
    """/help: how to ask, the commands (name and description), groups and inline mode."""
    me = f"@{escape(bot_username)}"
    listed = "\n".join(f"/{name} \u2013 {escape(text)}" for name, text in commands)
    return (
        "<b>How to ask</b>\n"
        "Send a question in your own words, e.g. <i>How much was the contract worth?</i> "
        "I answer with the sentence from the article that backs it. When I'm not sure what "
        "you mean, I offer a few questions as buttons: tap the one you meant. After an answer, "
        "a short follow-up such as <i>why?</i> or <i>and when?</i> is about that answer.\n\n"
        f"<b>Commands</b>\n{listed}\n\n"
        f"<b>In groups</b> use /ask, mention me ({me} and your question) or reply to one of "
        "my messages; I stay out of other conversations.\n\n"
        f"<b>In any chat</b> type {me} followed by a question to share an answer."
    )


def source_html(articles: Sequence[Article], questions: Mapping[str, int]) -> str:
    """/source: each article's title and origin, how many questions it answers, and how
    answers quote it."""
    parts = ["<b>Where my answers come from</b>"]
    if len(articles) == 1:
        closing = (
            "Every answer quotes the article word for word: the quote is the indented block "
            "under the answer, followed by the article's title. I answer only from the article, "
            "never from elsewhere."
        )
    else:
        closing = (
            f"I have read these {len(articles)} articles. Every answer quotes one of them word "
            "for word: the quote is the indented block under the answer, followed by that "
            "article's title. I answer only from the articles, never from elsewhere."
        )
    room = MESSAGE_LIMIT - utf16_len(closing) - 100
    for shown, article in enumerate(articles):
        count = questions.get(article.id, 0)
        part = (
            f"<i>{escape(clip(article.title, 200))}</i>\n{escape(clip(article.origin, 500))}\n"
            f"{wording.questions_count(count)} from it."
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
    return _pages([(None, topics)], per_page, limit)


def knowledge_topics_pages(
    knowledge: Knowledge, per_page: int = TOPICS_PER_PAGE, limit: int = MESSAGE_LIMIT
) -> list[str]:
    """/topics for a whole knowledge: with several articles, the topics of each article
    under its title (repeated at the top of a page that continues it)."""
    if len(knowledge.articles) <= 1:
        return topics_pages(knowledge.topics(), per_page, limit)
    sections: list[tuple[str | None, Mapping[str, Sequence[Entry]]]] = []
    for article in knowledge.articles.values():
        topics: dict[str, list[Entry]] = {}
        for entry in knowledge.entries.values():
            if entry.article_id == article.id:
                topics.setdefault(entry.topic or "Other", []).append(entry)
        if topics:
            sections.append((article.title, topics))
    return _pages(sections, per_page, limit)


def _article_heading(title: str) -> str:
    return f"\U0001f4f0 <u><b>{escape(clip(title, 200))}</b></u>"


def _pages(
    sections: Sequence[tuple[str | None, Mapping[str, Sequence[Entry]]]],
    per_page: int,
    limit: int,
) -> list[str]:
    header = "<b>Everything I can answer</b>"
    budget = limit - utf16_len(header) - 40  # room for " (page 12/34)" and blank lines
    blocks: list[tuple[str | None, str]] = []
    for title, topics in sections:
        heading_room = utf16_len(_article_heading(title)) + 1 if title else 0
        for topic, entries in topics.items():
            questions = [e.question for e in entries]
            blocks += [
                (title, block) for block in _topic_blocks(topic, questions, budget - heading_room)
            ]
    pages: list[list[str]] = []
    page_title: str | None = None
    for title, block in blocks:
        page = pages[-1] if pages else None
        headed = f"{_article_heading(title)}\n{block}" if title else block
        starts_page = (
            page is None
            or len(page) >= per_page
            or utf16_len("\n\n".join([*page, headed if title != page_title else block])) > budget
        )
        if starts_page:
            pages.append([headed])
        elif title != page_title:
            pages[-1].append(headed)
        else:
            pages[-1].append(block)
        page_title = title
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
