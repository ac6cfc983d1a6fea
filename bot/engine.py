"""The answer engine: the one object adapters talk to. It knows nothing of Telegram."""

from __future__ import annotations

from pathlib import Path

from bot import smalltalk
from bot.gcpause import paused_gc
from bot.knowledge import Knowledge, load_knowledge
from bot.matcher import Index, Matcher, suggestions_for
from bot.model import Entry, Outcome, Result
from bot.smalltalk import SmallTalk

MAX_QUESTION_CHARS = 1000


class Engine:
    """Answers questions from one validated knowledge base."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        with paused_gc():
            self.index = Index(knowledge)
        self.matcher = Matcher(self.index)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Engine:
        """Load, validate and index; raises KnowledgeError on an invalid knowledge base."""
        return cls(load_knowledge(path))

    def ask(self, question: str, *, explain: bool = False) -> Result:
        """The engine's answer to one question, as asked by a person."""
        # Very long messages are cut: the matcher's cost grows with their length, and nobody
        # asks one question in more than a few sentences.
        question_text = question[:MAX_QUESTION_CHARS]
        if smalltalk.classify(question_text) is SmallTalk.ABOUT_BOT:
            return Result(question=question, outcome=Outcome.NO_MATCH, confidence=0.0)
        query = self.index.analyse(question_text)
        candidates = self.matcher.candidates(query)
        outcome, chosen = self.matcher.decide(candidates)
        explanation = self.matcher.explain(query, candidates) if explain else None
        confidence = candidates[0].confidence if candidates else 0.0
        if outcome is Outcome.ANSWERED:
            entry = self.knowledge.entries[chosen[0].entry_id]
            return Result(
                question=question,
                outcome=outcome,
                confidence=confidence,
                entry=entry,
                article=self.knowledge.article_of(entry),
                explanation=explanation,
            )
        return Result(
            question=question,
            outcome=outcome,
            confidence=confidence,
            suggestions=suggestions_for(self.knowledge.entries, chosen),
            explanation=explanation,
        )

    def answer_entry(self, entry_id: str, question: str | None = None) -> Result:
        """The answer of a given entry (a pressed suggestion); KeyError for an unknown id."""
        entry = self.knowledge.entries[entry_id]
        return Result(
            question=question if question is not None else entry.question,
            outcome=Outcome.ANSWERED,
            confidence=1.0,
            entry=entry,
            article=self.knowledge.article_of(entry),
        )

    def examples(self, count: int = 3) -> list[Entry]:
        """A few entries from different topics, to show people what they can ask."""
        picked: list[Entry] = []
        for entries in self.knowledge.topics().values():
            if len(picked) < count:
                picked.append(entries[0])
        for entry in self.knowledge.entries.values():
            if len(picked) >= count:
                break
            if entry not in picked:
                picked.append(entry)
        return picked
