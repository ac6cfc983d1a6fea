"""The answer engine: the one object adapters talk to. It knows nothing of Telegram."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bot import followup, smalltalk
from bot.examples import pick_examples
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

    def ask(self, question: str, *, explain: bool = False, subject: str | None = None) -> Result:
        """The engine's answer to one question, as asked by a person; `subject` is the entry
        answered just before in the conversation, for follow-ups ("why?")."""
        if subject is not None:
            return self._ask_after(question, subject, explain)
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

    def _ask_after(self, question: str, subject: str, explain: bool) -> Result:
        """A follow-up is read against `subject` only when the message alone is not answered."""
        alone = self.ask(question, explain=explain)
        entry = self.knowledge.entries.get(subject)  # a reload may have removed it
        if alone.answered or entry is None:
            return alone
        # Words the knowledge has never seen ("how tall is everest?") make it a new question.
        if self.index.analyse(question[:MAX_QUESTION_CHARS]).unknown:
            return alone
        rewritten = followup.followup_question(question, entry)
        if rewritten is None:
            return alone
        again = self.ask(rewritten, explain=explain)
        new_answer = again.answered and again.entry is not None and again.entry.id != subject
        if not (new_answer or (again.closest is not None and alone.closest is None)):
            return alone
        return dataclasses.replace(again, question=question, followup_of=subject)

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
        """A few entries from every article in turn and different topics, to show people what
        they can ask."""
        return pick_examples(self.knowledge, count)
