"""The answer engine: the one object adapters talk to. It knows nothing of Telegram.

A message goes through the stages in order, each in its own module: the message is taken
apart into question(s) (bot.message), each question becomes a query (bot.query), the query
is scored against the entries (bot.matcher), and the candidates become a decision
(bot.decision); this module turns decisions into Results.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from bot import message, smalltalk
from bot.decision import Decision, decide
from bot.gcpause import paused_gc
from bot.knowledge import Knowledge, load_knowledge
from bot.matcher import Index, Matcher, suggestions_for
from bot.model import Candidate, Entry, Explanation, Outcome, Result
from bot.query import Query
from bot.smalltalk import SmallTalk

MAX_QUESTION_CHARS = 1000
# Answered at most this many distinct questions from one message.
MAX_QUESTIONS = 3


@dataclass(frozen=True)
class _Judged:
    """One question of a message, with its query, candidates and decision."""

    question: str
    query: Query
    decision: Decision
    confidence: float
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def rank(self) -> tuple[int, float]:
        """Answered beats a near miss beats suggestions beats nothing; then confidence."""
        order = {Outcome.ANSWERED: 3, Outcome.UNSURE: 1, Outcome.NO_MATCH: 0}
        level = order[self.decision.outcome]
        if self.decision.closest is not None:
            level = 2
        return level, self.confidence


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
        """The engine's answer to one message, as sent by a person."""
        # Very long messages are cut: the matcher's cost grows with their length, and nobody
        # asks one question in more than a few sentences.
        text = question[:MAX_QUESTION_CHARS]
        if smalltalk.classify(text) is SmallTalk.ABOUT_BOT:
            return self._nothing(question, explain, "a question about the bot, not the article")
        parts = message.analyse(text)
        judged = [self._judge_in(q, parts.background) for q in parts.questions[: MAX_QUESTIONS * 2]]
        if not judged:
            return self._nothing(question, explain, "no question in the message")
        best = max(judged, key=lambda j: j.rank)
        others = self._others(best, judged)
        if others:
            # Several questions answered: in the order they were asked.
            best, *rest = sorted([best, *others], key=judged.index)
            others = rest
        result = self._result(question, best, explain, parts.questions)
        if others:
            result = replace(
                result, others=tuple(self._result(j.question, j, False, ()) for j in others)
            )
        return result

    @staticmethod
    def _nothing(question: str, explain: bool, why: str) -> Result:
        """No match, before any question was matched."""
        explanation = Explanation((), (), (), (), (), decision=why) if explain else None
        return Result(question, Outcome.NO_MATCH, 0.0, explanation=explanation)

    def _judge_in(self, question: str, background: tuple[str, ...]) -> _Judged:
        """A question judged alone, and with the message's background when that does better:
        it may lean on it ("I work in finance at Beds police. Is my department affected?")."""
        alone = self._judge(question)
        if not background:
            return alone
        leaning = self._judge(" ".join((*background, question)), context=True)
        return replace(leaning, question=question) if leaning.rank > alone.rank else alone

    def _judge(self, question: str, context: bool = False) -> _Judged:
        query = self.index.analyse(question)
        candidates = self.matcher.candidates(query)
        decision = decide(query, candidates)
        confidence = candidates[0].confidence if candidates else 0.0
        if context:
            # The background adds words that may match by chance: it must do clearly better.
            confidence -= 0.05
        return _Judged(question, query, decision, confidence, candidates)

    def _others(self, best: _Judged, judged: list[_Judged]) -> list[_Judged]:
        """Further questions of the message answered by other entries than the best one."""
        if best.decision.answer is None:
            return []
        seen = {best.decision.answer.entry_id}
        others = []
        for item in judged:
            answer = item.decision.answer
            if item is best or answer is None or answer.entry_id in seen:
                continue
            if item.question not in (j.question for j in judged[: MAX_QUESTIONS * 2]):
                continue
            seen.add(answer.entry_id)
            others.append(item)
        return others[: MAX_QUESTIONS - 1]

    def _result(
        self, question: str, judged: _Judged, explain: bool, questions: tuple[str, ...]
    ) -> Result:
        decision = judged.decision
        candidates = judged.candidates
        explanation = None
        if explain:
            explanation = self.matcher.explain(judged.query, candidates)
            explanation = replace(
                explanation,
                questions=questions,
                asked_kind=judged.query.kind,
                decision=decision.why,
            )
        common = {
            "question": question,
            "confidence": candidates[0].confidence if candidates else 0.0,
            "explanation": explanation,
            "asked_kind": judged.query.kind,
        }
        answer = decision.answer
        if answer is not None:
            entry = self.knowledge.entries[answer.entry_id]
            return Result(
                outcome=Outcome.ANSWERED,
                entry=entry,
                article=self.knowledge.article_of(entry),
                **common,  # type: ignore[arg-type]
            )
        closest = self.knowledge.entries[decision.closest.entry_id] if decision.closest else None
        keyword = " ".join(judged.query.words + judged.query.unknown) if decision.keyword else None
        return Result(
            outcome=decision.outcome,
            suggestions=suggestions_for(self.knowledge.entries, list(decision.chosen)),
            closest=closest,
            keyword=keyword or None,
            **common,  # type: ignore[arg-type]
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


__all__ = ["MAX_QUESTION_CHARS", "Engine", "Explanation"]
