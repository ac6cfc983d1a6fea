"""`qa-bot draft ARTICLE.txt`: a starter knowledge file, one entry per sentence of the article.

The draft holds what can be copied (each sentence as its verbatim quote, ids, topics) and
leaves what needs a person (questions, answers) marked with TODO, which `qa-bot check` reports
per entry. Proposed question wordings are written as comments: the author accepts one by
uncommenting it, so none is ever used unseen.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.headline import split_headline
from bot.keywords import ascii_words, key_words
from bot.knowledge import TODO_MARKER, article_sentences
from bot.proposals import propose

MAX_ID_WORDS = 4
MAX_TOPIC_WORDS = 3
_ID_TAKEN = re.compile(r"^\s*-?\s*id:\s*['\"]?([a-z0-9][a-z0-9_-]*)", re.MULTILINE)


@dataclass(frozen=True)
class DraftEntry:
    """One sentence of the article, ready for its questions and answer."""

    id: str
    topic: str
    quote: str
    proposals: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """The starter knowledge for one article."""

    article_id: str
    title: str | None
    file_name: str
    entries: tuple[DraftEntry, ...]
    topics: tuple[str, ...] = field(default=())

    @property
    def proposal_count(self) -> int:
        return sum(len(e.proposals) for e in self.entries)


def article_id_for(path: Path) -> str:
    """An article id from the file name: "Council Library (2024).txt" -> "council-library-2024"."""
    words = ascii_words(path.stem)
    return "-".join(words) or "article"


def draft_article(text: str, path: Path, taken: set[str] | None = None) -> Draft:
    """The draft of an article's text (read from `path`); `taken` are ids already in use."""
    headline, body = split_headline(text.lstrip("\ufeff"))
    taken = set(taken or ())
    entries: list[DraftEntry] = []
    topics: list[str] = []
    for number, paragraph in enumerate(re.split(r"\n\s*\n", body.strip()), 1):
        sentences = [_trim_quote_marks(s) for s in article_sentences(paragraph)]
        sentences = [s for s in sentences if len(s.split()) >= 3]
        if not sentences:
            continue
        topic = _topic(paragraph, number)
        topics.append(topic)
        for sentence in sentences:
            entries.append(
                DraftEntry(
                    id=_entry_id(sentence, taken),
                    topic=topic,
                    quote=sentence,
                    proposals=tuple(propose(sentence)),
                )
            )
    return Draft(article_id_for(path), headline, path.name, tuple(entries), tuple(topics))


def _trim_quote_marks(sentence: str) -> str:
    """A spoken sentence without an unmatched opening or closing quotation mark."""
    if sentence.count('"') % 2 == 1:
        if sentence.startswith('"'):
            return sentence[1:].strip()
        if sentence.endswith('"'):
            return sentence[:-1].strip()
    return sentence


def _entry_id(sentence: str, taken: set[str]) -> str:
    words = [w for word in key_words(sentence) for w in ascii_words(word)][:MAX_ID_WORDS]
    base = "-".join(words) or "sentence"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _topic(paragraph: str, number: int) -> str:
    # Nouns and names make a topic; "keeping", "decided" rarely do.
    words = [w for w in key_words(paragraph) if w[0].isupper() or not re.search(r"(?:ing|ed)$", w)][
        :MAX_TOPIC_WORDS
    ]
    if not words:
        return f"Paragraph {number}"
    text = " ".join(words)
    return text[0].upper() + text[1:]


def ids_in_folder(folder: Path, skip: Path) -> set[str]:
    """Ids used by the other knowledge files next to the draft: a new id must not clash."""
    taken: set[str] = set()
    for other in sorted(folder.glob("*.y*ml")):
        if other.resolve() == skip.resolve() or other.suffix not in (".yaml", ".yml"):
            continue
        try:
            taken.update(_ID_TAKEN.findall(other.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return taken


def _q(text: str) -> str:
    """A YAML double-quoted text (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


def render_draft(draft: Draft, title: str, origin: str | None = None) -> str:
    """The draft as a knowledge YAML file."""
    todo = f"{TODO_MARKER}: "
    lines = [
        f"# Drafted by `qa-bot draft {draft.file_name}`: one entry per sentence, its quote copied",
        "# verbatim from the article. For each entry you keep, write the questions people would",
        f'# ask and a short answer that says no more than the quote, in place of "{TODO_MARKER}"',
        "# (`qa-bot check` lists the entries still unfinished; delete the ones you do not need).",
        "# Proposed wordings are comments: uncomment the ones you accept, reword the others.",
        "article:",
        f"  id: {draft.article_id}",
        f"  title: {_q(title)}",
        f"  origin: {_q(origin or todo + 'where the article comes from (publication, date)')}",
        f"  file: {_q(draft.file_name)}",
        "",
        "synonyms:  # words people use interchangeably, e.g. - [library, libraries, branch]",
        "  []",
        "",
        "entries:",
    ]
    topic = None
    for entry in draft.entries:
        if entry.topic != topic:
            topic = entry.topic
            lines.append(f"  # -- {topic}")
        lines += [
            f"  - id: {entry.id}",
            f"    topic: {_q(entry.topic)}",
            "    questions:",
            f"      - {_q(todo + 'how would people ask for this?')}",
        ]
        if entry.proposals:
            lines.append("      # proposed (uncomment to accept):")
            lines += [f"      # - {_q(q)}" for q in entry.proposals]
        lines += [
            f"    answer: {_q(todo + 'a short answer, saying no more than the quote')}",
            f"    quote: {_q(entry.quote)}",
            "",
        ]
    return "\n".join(lines).rstrip("\n") + "\n"
