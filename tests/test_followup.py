"""Follow-ups: rewriting a short message against the last answer (bot.followup), the memory of
that answer (bot.conversation.Subjects), and Engine.ask(..., subject=...)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.conversation import Subjects
from bot.engine import Engine
from bot.followup import followup_question
from bot.model import Entry, Outcome, Result
from tests.support.knowledge import BUNDLED, ROOT


def entry(question: str, entry_id: str = "subject") -> Entry:
    return Entry(entry_id, "article", (question,), "An answer.", "A quote.")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load(BUNDLED)


# -- rewriting -----------------------------------------------------------------------------------


def test_a_question_word_takes_the_subjects_content_words() -> None:
    subject = entry("What did Surrey Police Authority decide?")
    assert followup_question("why?", subject) == "why surrey police authority decide"
    assert followup_question("When?", subject) == "when surrey police authority decide"
    assert followup_question("how much?", subject) == "how much surrey police authority decide"


def test_a_pointer_word_is_replaced_by_the_subject() -> None:
    subject = entry("Which company would take over the back-office work?")
    rewritten = followup_question("who decides that?", subject)
    assert rewritten is not None
    words = rewritten.split()
    assert words[:2] == ["who", "decides"] and "that" not in words
    assert {"company", "back", "office", "work"} <= set(words)
    assert not {"which", "would", "the"} & set(words)  # the subject's content words only


def test_and_something_else_swaps_the_name_in_the_subject() -> None:
    subject = entry("What did Surrey Police Authority do?")
    assert followup_question("and Cambridgeshire?", subject) == "What did Cambridgeshire do?"
    assert followup_question("what about Kent?", subject) == "What did Kent do?"
    plain = entry("how much is the deal worth?")  # no name to swap: the new thing is added
    assert followup_question("and Surrey?", plain) == "how much is the deal worth Surrey?"


def test_and_something_not_a_name_asks_about_the_subject() -> None:
    subject = entry("When does Puffin Ward close?")
    assert followup_question("and the cost?", subject) == "the cost puffin ward close"
    assert followup_question("and why?", subject) == "why puffin ward close"


@pytest.mark.parametrize(
    "message",
    [
        "How much money was the whole outsourcing contract worth to the company each year?",
        "contract value per year for the company",  # a question of its own: no question word
        "",
        "   ",
    ],
)
def test_a_message_that_says_enough_is_not_a_follow_up(message: str) -> None:
    assert followup_question(message, entry("What did Surrey Police Authority do?")) is None


# -- the engine ----------------------------------------------------------------------------------


def test_why_after_an_answer_is_answered_about_its_subject(engine: Engine) -> None:
    first = engine.ask("What did Surrey Police Authority decide?")
    assert first.answered and first.entry is not None
    alone = engine.ask("why?")
    assert not alone.answered  # on its own, "why?" is not a question the article answers
    followed = engine.ask("why?", subject=first.entry.id)
    assert followed.answered and followed.entry is not None
    assert followed.entry.id != first.entry.id
    assert "olympic failure" in followed.entry.quote.lower()
    assert followed.followup_of == first.entry.id
    assert followed.question == "why?"  # the person's words, for the log and the reply


def test_a_clear_new_question_ignores_the_subject(engine: Engine) -> None:
    first = engine.ask("What did Surrey Police Authority decide?")
    assert first.entry is not None
    question = "How many staff was G4S meant to provide for the Games?"
    alone = engine.ask(question)
    followed = engine.ask(question, subject=first.entry.id)
    assert followed == alone
    assert followed.followup_of is None


def test_a_follow_up_the_subject_does_not_answer_is_an_honest_near_miss(engine: Engine) -> None:
    first = engine.ask("What's the G4S contract worth?")
    assert first.answered and first.entry is not None
    followed = engine.ask("how long?", subject=first.entry.id)
    assert not followed.answered
    assert followed.closest == first.entry  # the passage about the subject, as context
    assert followed.asked_kind == "duration"
    assert followed.followup_of == first.entry.id


def test_a_follow_up_with_words_the_knowledge_never_uses_is_a_new_question(
    engine: Engine,
) -> None:
    first = engine.ask("What did Surrey Police Authority decide?")
    assert first.entry is not None
    question = "how tall is everest?"
    followed = engine.ask(question, subject=first.entry.id)
    assert followed == engine.ask(question)
    assert followed.followup_of is None


def test_a_subject_that_is_gone_is_ignored(engine: Engine) -> None:
    assert engine.ask("why?", subject="no-such-entry") == engine.ask("why?")


@pytest.mark.parametrize(
    ("first", "message"),
    [
        ("What did Surrey Police Authority decide?", "who decides that?"),
        ("How much is the G4S deal worth?", "is it still going ahead?"),
    ],
)
def test_a_message_pointing_back_is_not_answered_with_the_same_entry_again(
    engine: Engine, first: str, message: str
) -> None:
    subject = engine.ask(first).entry
    alone = engine.ask(message)
    assert subject is not None and alone.answered and alone.entry != subject
    followed = engine.ask(message, subject=subject.id)
    assert followed.answered and followed.entry != subject
    assert followed.entry == alone.entry


def test_a_message_pointing_back_stays_with_the_subjects_article(tmp_path: Path) -> None:
    for source in (BUNDLED, ROOT / "eval" / "leisure-centre"):
        for file in source.iterdir():
            (tmp_path / file.name).write_bytes(file.read_bytes())
    engine = Engine.load(tmp_path)
    first = engine.ask("How did the cabinet vote?")
    assert first.answered and first.entry is not None
    followed = engine.ask("who decided that?", subject=first.entry.id)
    assert followed.followup_of == first.entry.id
    about = followed.entry or followed.closest
    assert about is not None and about.article_id == first.entry.article_id


def test_pointing_back_and_the_article_itself() -> None:
    from bot.followup import points_back

    assert points_back("who decided that?") and points_back("is it going ahead?")
    assert not points_back("is there a business case?")
    subject = entry("What did Surrey Police Authority decide?")
    assert followup_question("what is this article about?", subject) is None


# -- memory --------------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def answered(entry_id: str) -> Result:
    return Result("q", Outcome.ANSWERED, 1.0, entry=entry("Q?", entry_id))


def test_subjects_are_kept_per_conversation_for_ten_minutes() -> None:
    clock = Clock()
    subjects = Subjects(clock=clock)
    subjects.remember(("chat", 1), answered("deal-value"))
    assert subjects.recall(("chat", 1)) == "deal-value"
    assert subjects.recall(("chat", 2)) is None  # another member of the same group
    assert subjects.recall(("other-chat", 1)) is None  # the same person elsewhere
    clock.now += 599
    assert subjects.recall(("chat", 1)) == "deal-value"
    clock.now += 2
    assert subjects.recall(("chat", 1)) is None
    assert len(subjects) == 0


def test_an_unanswered_message_keeps_the_subject() -> None:
    subjects = Subjects()
    subjects.remember("me", answered("deal-value"))
    subjects.remember("me", Result("hm", Outcome.NO_MATCH, 0.0))
    assert subjects.recall("me") == "deal-value"
    subjects.forget("me")
    assert subjects.recall("me") is None


def test_subjects_stay_bounded() -> None:
    subjects = Subjects(capacity=3)
    for n in range(10):
        subjects.remember(n, answered(f"e{n}"))
    assert len(subjects) == 3
    assert subjects.recall(9) == "e9" and subjects.recall(0) is None
