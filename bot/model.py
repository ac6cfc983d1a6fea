"""Domain objects shared by the engine and its adapters (CLI, Telegram, store)."""

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from bot.spelling import Correction


class Article(NamedTuple):
    """One source text that answers are quoted from."""

    id: str
    title: str
    origin: str
    text: str
    path: Path


class Entry(NamedTuple):
    """One curated question with its answer and the verbatim quote that backs it."""

    id: str
    article_id: str
    questions: tuple[str, ...]
    answer: str
    quote: str
    keywords: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    topic: str = ""
    answers: tuple[str, ...] = ()  # kinds of fact declared in the knowledge (bot.kinds)
    source_file: Path | None = None
    line: int = 0
    # Not an entry of the knowledge but an article sentence no entry quotes, answering in its
    # own words (bot.passages).
    from_article: bool = False

    @property
    def question(self) -> str:
        """The canonical wording: the first variant."""
        return self.questions[0]


class Outcome(enum.StrEnum):
    """What the engine decided for one question."""

    ANSWERED = "answered"
    UNSURE = "suggested"
    NO_MATCH = "no_match"


class Suggestion(NamedTuple):
    """A candidate entry offered when the engine is unsure."""

    entry_id: str
    question: str
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {"id": self.entry_id, "question": self.question, "confidence": self.confidence}


class Candidate(NamedTuple):
    """A scored entry, with the parts of the score (for --explain)."""

    entry_id: str
    confidence: float
    overlap: float
    fuzzy: float
    best_variant: str
    closeness: float = 0.0
    gives: frozenset[str] = frozenset()  # the kinds of fact the entry gives (bot.kinds)
    quote: str = ""  # the entry's quote: entries quoting the same passage are not rivals
    article: str = ""  # the entry's article id
    missing_names: int = 0  # names in the question (Surrey, LOCOG) the entry never mentions
    counts_asked: bool = True  # the entry counts what "how many …" asks about, if it asks
    wordings: int = 0  # how many question wordings the entry has (0: not known)
    lists: bool = False  # the entry's answer names several ("Beds, Cambs and Herts")
    names_asked: bool = False  # asked "which X", the entry names an X or is asked which X


class Explanation(NamedTuple):
    """Why the engine decided what it did."""

    tokens: tuple[str, ...]
    matched_terms: tuple[str, ...]
    unknown_terms: tuple[str, ...]
    corrections: "tuple[Correction, ...]"
    candidates: tuple[Candidate, ...]
    questions: tuple[str, ...] = ()  # the question(s) found in the message
    asked_kind: str | None = None
    decision: str = ""  # why the outcome is what it is, in a few words


class Result(NamedTuple):
    """The engine's reply to one question; adapters render it."""

    question: str
    outcome: Outcome
    confidence: float
    entry: Entry | None = None
    article: Article | None = None
    suggestions: tuple[Suggestion, ...] = ()
    explanation: Explanation | None = None
    # A near miss: the entry closest to what was asked, which does not give the kind of fact
    # asked for (`asked_kind`). Shown as context, never as an answer; set only when declined.
    closest: Entry | None = None
    # The kind of fact the question asks for (see bot.kinds), or None when it is not clear.
    asked_kind: str | None = None
    # Set when the suggestions are a menu for a bare keyword ("G4S"): the keyword as typed.
    keyword: str | None = None
    # Further distinct questions found in the same message, each with its own result.
    others: "tuple[Result, ...]" = ()
    # The entry id of the earlier answer this message was read as a follow-up to.
    followup_of: str | None = None

    @property
    def answered(self) -> bool:
        return self.outcome is Outcome.ANSWERED

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of `qa-bot ask --json`."""
        entry = self.entry if self.answered else None
        article = self.article if self.answered else None
        return {
            "question": self.question,
            "answered": self.answered,
            "id": entry.id if entry else None,
            "answer": entry.answer if entry else None,
            "quote": entry.quote if entry else None,
            "source": (
                {"id": article.id, "title": article.title, "origin": article.origin}
                if article
                else None
            ),
            "confidence": round(self.confidence, 4),
            "suggestions": [s.to_json() for s in self.suggestions],
            "closest": (
                {"id": self.closest.id, "quote": self.closest.quote}
                if self.closest and not self.answered
                else None
            ),
            "asked_kind": self.asked_kind,
            "keyword": self.keyword,
            "others": [other.to_json() for other in self.others],
            "followup_of": self.followup_of,
            # The answer is an article sentence no entry quotes, in its own words (its id is
            # "<article id>#<sentence number>"), not an entry's prepared answer.
            "from_article": bool(entry and entry.from_article),
        }
