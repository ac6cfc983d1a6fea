"""The answer engine: the one object adapters talk to. It knows nothing of Telegram.

A message goes through the stages in order, each in its own module: the message is taken
apart into question(s) (bot.message), each question becomes a query (bot.query), the query
is scored against the entries (bot.matcher), and the candidates become a decision
(bot.decision); this module turns decisions into Results.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from bot import followup, message, text
from bot.decision import Decision, decide, from_passage, needs_passage, passage_wins
from bot.examples import pick_examples
from bot.gcpause import paused_gc
from bot.knowledge import Knowledge, load_knowledge
from bot.matcher import W_OVERLAP, Index, Matcher, suggestions_for
from bot.model import Candidate, Entry, Explanation, Outcome, Result
from bot.passages import Found, Passages, is_passage_id
from bot.query import Query
from bot.question_policy import MAX_QUESTION_CHARS, MAX_QUESTIONS, Screened, screen
from bot.smalltalk import SmallTalk

# A follow-up whose best match is still the last answer may take another entry this close
# to it that explains this much of the rewritten question (see Engine._judge_beyond).
FOLLOWUP_MARGIN = 0.1
# What a question judged with its message's background gives up against itself alone.
BACKGROUND_HANDICAP = 0.05
# Words by which a question points back at someone its message named before it.
POINTERS = frozenset("he she him her his hers they them their theirs".split())
FOLLOWUP_OVERLAP = 0.9
# Of a knowledge with many articles, the sentences of the best entry's article are looked at:
# finding an article's takes ~8 ms at 200 entries an article, paid once per article (with the
# three best entries' articles, a 10k knowledge's p99 was 20 ms; with one, 13 ms).
PASSAGE_ARTICLES = 1


class _Judged(NamedTuple):
    """One question of a message, with its query, candidates and decision."""

    question: str
    query: Query
    decision: Decision
    confidence: float
    candidates: list[Candidate]

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

    def __init__(self, knowledge: Knowledge, index: Index | None = None) -> None:
        """`index`: the knowledge's index when it is at hand (from the knowledge cache)."""
        self.knowledge = knowledge
        if index is None:
            with paused_gc():
                index = Index(knowledge)
        self.index = index
        self.matcher = Matcher(self.index)
        self._passages: Passages | None = None

    @staticmethod
    def screen(message: str) -> Screened:
        """What a message is before any matching: empty, too long, small talk or a question
        (bot.question_policy). Adapters render this; `ask` goes by it too."""
        return screen(message)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Engine:
        """Load, validate and index; raises KnowledgeError on an invalid knowledge base."""
        return cls(load_knowledge(path))

    def ask(self, question: str, *, explain: bool = False, subject: str | None = None) -> Result:
        """The engine's answer to one message, as sent by a person; `subject` is the entry
        answered just before in the conversation, for follow-ups ("why?")."""
        if subject is not None:
            return self._ask_after(question, subject, explain)
        # Very long messages are cut: the matcher's cost grows with their length, and nobody
        # asks one question in more than a few sentences.
        text = question[:MAX_QUESTION_CHARS]
        if screen(text).small_talk is SmallTalk.ABOUT_BOT:
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
            result = result._replace(
                others=tuple(self._result(j.question, j, False, ()) for j in others)
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
        # "What happens to *them*?" after "my kids take this bus": the question is about whoever
        # the background names, and is read with it whenever that answers.
        points_back = not POINTERS.isdisjoint(text.words(question))
        # Of the background, only the words the knowledge knows: the rest is the person's own
        # story ("I run a little café…"), which would count against every entry.
        known = [word for sentence in background for word in self.index.analyse(sentence).words]
        if not known:
            return alone
        leaning = self._judge(" ".join((*known, question)), context=not points_back)
        if points_back and leaning.decision.answer is not None:
            return leaning._replace(question=question)
        if not alone.query.words and alone.query.unknown and leaning.decision.answer is None:
            # Only the person's story matched ("my cat *keeps* sneezing. Should I take her to
            # the *vet*?"): suggestions for it would answer nothing they asked. (A question of
            # no words of its own, "what will that go up to?", is all about the story.)
            return alone
        return leaning._replace(question=question) if leaning.rank > alone.rank else alone

    def _judge(self, question: str, context: bool = False) -> _Judged:
        query = self.index.analyse(question)
        candidates = self.matcher.candidates(query)
        decision = decide(query, candidates)
        confidence = candidates[0].confidence if candidates else 0.0
        if needs_passage(query, decision):
            near = (c.article for c in candidates[:PASSAGE_ARTICLES])
            found = from_passage(query, self.passages().find(query, near))
            if found is not None and passage_wins(decision, found):
                decision = Decision(
                    Outcome.ANSWERED,
                    (_passage_candidate(found),),
                    why="answered by an article sentence no entry quotes",
                )
                confidence = decision.chosen[0].confidence
        if context:
            # The background adds words that may match by chance: it must do clearly better.
            confidence -= BACKGROUND_HANDICAP
        return _Judged(question, query, decision, confidence, candidates)

    def passages(self) -> Passages:
        """The article sentences no entry quotes (bot.passages), found on first use."""
        if self._passages is None:
            index = self.index
            self._passages = Passages(
                self.knowledge,
                index.columns,
                index.queries.terms_of,
                lambda term: index.idf.get(term, index.unknown_weight),
                index.unknown_weight,
            )
        return self._passages

    def _entry(self, entry_id: str) -> Entry:
        """An entry of the knowledge, or an article sentence answering as one."""
        if is_passage_id(entry_id):
            return self.passages().get(entry_id).as_entry()
        return self.knowledge.entries[entry_id]

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
            seen.add(answer.entry_id)
            others.append(item)
        return others[: MAX_QUESTIONS - 1]

    def _result(
        self, question: str, judged: _Judged, explain: bool, questions: tuple[str, ...]
    ) -> Result:
        decision = judged.decision
        candidates = judged.candidates
        explanation = None
        answer = decision.answer
        from_article = answer is not None and is_passage_id(answer.entry_id)
        if explain:
            explanation = self.matcher.explain(judged.query, candidates)
            explanation = explanation._replace(
                questions=questions,
                asked_kind=judged.query.kind,
                decision=decision.why,
                candidates=(*explanation.candidates, *((answer,) if from_article else ())),
            )
        common = {
            "question": question,
            "confidence": judged.confidence
            if from_article
            else (candidates[0].confidence if candidates else 0.0),
            "explanation": explanation,
            "asked_kind": judged.query.kind,
        }
        if answer is not None:
            entry = self._entry(answer.entry_id)
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

    def _ask_after(self, question: str, subject: str, explain: bool) -> Result:
        """A message read against `subject` (bot.followup). One that points back ("who decided
        that?") is answered by another entry about the subject first, and never from another
        article; any other message is read against the subject only when not answered alone."""
        entry = self.knowledge.entries.get(subject)  # a reload may have removed it
        rewritten = followup.followup_question(question, entry) if entry else None
        # Words the knowledge has never seen ("how tall is everest?") make it a new question.
        if entry is None or rewritten is None or self.index.analyse(question).unknown:
            return self.ask(question, explain=explain)
        again = self._result(question, self._judge_beyond(rewritten, subject), explain, ())
        points_back = followup.points_back(question)
        if points_back and again.answered and again.entry is not None and again.entry != entry:
            return again._replace(followup_of=subject)
        alone = self.ask(question, explain=explain)
        # "who decided that?" answered from another article is not about the subject.
        elsewhere = alone.entry is not None and alone.entry.article_id != entry.article_id
        if alone.answered and not (points_back and elsewhere):
            return alone
        # A near miss about the subject beats a plain "don't know" or an answer from another
        # article, not suggestions.
        no_better = alone.answered or (alone.outcome is Outcome.NO_MATCH and alone.closest is None)
        if again.answered or (again.closest is not None and no_better):
            return again._replace(followup_of=subject)
        return alone

    def _judge_beyond(self, question: str, subject: str) -> _Judged:
        """A follow-up asks for more than the last answer gave. When that answer's entry still
        matches best, another entry is taken only if it is nearly as close and explains the
        whole question ("why?" after Surrey's decision: the entry giving its reason)."""
        judged = self._judge(question)
        if not judged.candidates or judged.candidates[0].entry_id != subject:
            return judged
        top = judged.candidates[0]
        candidates = [
            c
            for c in judged.candidates[1:]
            if c.overlap >= FOLLOWUP_OVERLAP and top.confidence - c.confidence <= FOLLOWUP_MARGIN
        ]
        if not candidates:
            # Only the subject fits: its passage gives what is asked ("who decided that?" after
            # the cabinet's vote), or the article doesn't say ("how long?" after the deal's value).
            own = decide(judged.query, [top])
            if own.outcome is not Outcome.ANSWERED and own.closest is None:
                own = Decision(Outcome.NO_MATCH, closest=top, why="only the last answer matches")
            return judged._replace(decision=own, candidates=[top])
        decision = decide(judged.query, candidates)
        return judged._replace(decision=decision, candidates=candidates)

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


def _passage_candidate(found: Found) -> Candidate:
    """An answering article sentence as a candidate: with no wording to be close to, its
    confidence is the matcher's overlap part alone."""
    passage = found.passage
    return Candidate(
        entry_id=passage.id,
        confidence=W_OVERLAP * found.share,
        overlap=found.share,
        fuzzy=0.0,
        best_variant=passage.text,
        gives=found.gives,
        quote=passage.text,
        article=passage.article_id,
    )


__all__ = ["MAX_QUESTION_CHARS", "Engine", "Explanation"]
