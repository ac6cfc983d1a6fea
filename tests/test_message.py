"""From a message to its question(s): greetings, introductions and background set aside."""

from __future__ import annotations

import re

import pytest

from bot.message import analyse, is_question, sentences, split_questions


def test_greeting_and_introduction_are_not_the_question() -> None:
    message = analyse(
        "Hi, I'm a parish clerk in Ware and people keep asking me about this. "
        "What would the private company have been paid?"
    )
    assert message.questions == ("What would the private company have been paid?",)
    assert message.background == (
        "I'm a parish clerk in Ware and people keep asking me about this.",
    )


def test_small_talk_sentences_are_dropped() -> None:
    message = analyse("Hello there! Thanks a lot. Who has to approve the changes?")
    assert message.questions == ("Who has to approve the changes?",)
    assert message.background == ()


def test_request_wrappers_are_stripped() -> None:
    [question] = analyse("Could you tell me roughly what the deal is worth?").questions
    assert question == "roughly what the deal is worth?"
    [question] = analyse("Just to double check, when do they meet?").questions
    assert question == "when do they meet?"


def test_two_questions_in_one_sentence_are_split() -> None:
    assert split_questions("How much was it worth, and what did Surrey do?") == [
        "How much was it worth",
        "what did Surrey do?",
    ]
    # A list of names joined by "and" is not a second question.
    assert split_questions("Are Bedfordshire and Cambridgeshire involved?") == [
        "Are Bedfordshire and Cambridgeshire involved?"
    ]


def test_a_fragment_is_its_own_question() -> None:
    assert analyse("surrey privatisation plan").questions == ("surrey privatisation plan",)
    assert analyse("   ").questions == ()


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("is hr going to g4s", True),
        ("wat happened", True),
        ("Tell me about the meeting", True),
        ("My dad works in the fleet department.", False),
    ],
)
def test_is_question(sentence: str, asks: bool) -> None:
    assert is_question(sentence) is asks


def test_sentences_keep_decimals_and_amounts_whole() -> None:
    assert sentences("It costs £3.2m. Why?\nAnd when") == ["It costs £3.2m.", "Why?", "And when"]


@pytest.mark.parametrize(
    ("message", "background", "question"),
    [
        (
            "I'm a parish councillor in Ely, when do the police authorities decide?",
            "I'm a parish councillor in Ely",
            "when do the police authorities decide?",
        ),
        (
            "im new here - how much was the deal worth?",
            "im new here",
            "how much was the deal worth?",
        ),
        (
            "My dad isn't online, so how would he book the minibus?",
            "My dad isn't online",
            "how would he book the minibus?",
        ),
    ],
)
def test_a_question_that_opens_about_the_person_is_split_from_it(
    message: str, background: str, question: str
) -> None:
    found = analyse(message)
    assert found.questions == (question,)
    assert found.background == (background,)


def test_a_question_about_oneself_is_left_whole() -> None:
    assert analyse("I'm wondering, is the deal off?").questions == ("is the deal off?",)
    assert analyse("Am I able to see the decision?").questions == (
        "Am I able to see the decision?",
    )


def test_a_reason_about_the_person_at_the_end_is_background() -> None:
    found = analyse("Why did Surrey drop the plan, because I live there and nobody says?")
    assert found.questions == ("Why did Surrey drop the plan?",)
    assert found.background == ("because I live there and nobody says",)
    # An idiom, not a reason: the question is left whole.
    kept = "Is the deal off as far as we know?"
    assert analyse(kept).questions == (kept,)


def test_a_condition_opening_a_question_is_background() -> None:
    found = analyse("If the cut goes ahead, from when would the changes kick in?")
    assert found.questions == ("from when would the changes kick in?",)
    assert found.background == ("If the cut goes ahead",)
    # Not a question, or no comma before it: left whole.
    statement = "If it closes, I will be upset."
    assert analyse(statement).questions == (statement,)
    whole = "What happens if it closes?"
    assert analyse(whole).questions == (whole,)


# What may follow a sentence's first word in a greeting, filler, introduction or condition.
_CONTINUATIONS = (
    ", how much?",
    "! how much?",
    ",how much?",
    " - how much?",
    " there, how much?",
    " bot! how much?",
    " morning, how much?",
    " you tell me how much?",
    " u pls let me know how much?",
    " me how much?",
    " question, how much?",
    " to double check, how much?",
    " of interest, how much?",
    " if this is a silly question, but how much?",
    " more thing, how much?",
    " also, how much?",
    " the way, how much?",
    " like to know how much?",
    " would like to know how much?",
    " want to know how much?",
    " know how much?",
    " anyone know how much?",
    " idea how much?",
    " was wondering how much?",
    " wonder how much?",
    " am a councillor, how much?",
    " have read it",
    " heard that",
    " work in Luton",
    " a resident, how much?",
    " and my wife want to know",
    " the cut goes ahead, how much?",
    " it goes ahead, from when?",
)


def test_only_the_listed_opening_words_can_open_a_filler_background_or_condition() -> None:
    # The opener sets spare compiling the patterns for other sentences: a word missing from
    # them would leave its greeting (or background, or condition) in the question. The
    # patterns open with literal words, so those words (and text-speak, and odd cases) are the
    # ones to try.
    from bot import message
    from bot.spelling import TEXT_SPEAK

    words = {*TEXT_SPEAK, "ummm", "hmmmm", "I'd", "Im", "HI", "Hello", "you", "how", "what"}
    gates = (
        (message._LEADING_FILLER, message._FILLER_OPENERS),
        (message._BACKGROUND_START, message._BACKGROUND_OPENERS),
        (message._LEADING_CONDITION, message._CONDITION_OPENERS),
    )
    for pattern, _ in gates:
        words.update(re.findall(r"[a-z']+", pattern.source))
    for pattern, openers in gates:
        unlisted = sorted(
            word + rest
            for word in words
            if message.opening_word(word) not in openers
            for rest in _CONTINUATIONS
            if pattern.match(word + rest)
        )
        assert unlisted == [], pattern.source[:40]


def test_the_opening_word() -> None:
    from bot.message import opening_word

    assert opening_word("  Hi, there") == "hi"
    assert opening_word("hi,how much") == "hi"
    assert opening_word("I'd like to know") == "i'd"
    assert opening_word("Ummmm, so") == "um"
    assert opening_word("hmmm... ok") == "hmm"
    assert opening_word("") == "" and opening_word("?!") == ""


def test_a_lone_question_word_joined_by_and_is_not_a_question_of_its_own() -> None:
    assert split_questions("When and where did they vote on it?") == [
        "When and where did they vote on it?"
    ]
    assert split_questions("How much was it worth, and what did Surrey do?") == [
        "How much was it worth",
        "what did Surrey do?",
    ]
