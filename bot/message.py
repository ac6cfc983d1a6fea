"""From a message to its question(s): the first stage of answering.

People wrap questions in greetings, introductions and background ("Hi, I'm a councillor in
Stevenage and I keep hearing different figures. How much is the deal worth?"). Those sentences
would dilute the match, so the message is split into sentences and each is sorted into
small talk (dropped), background (kept aside as context) or a question. A sentence holding two
questions joined by "and" ("How much was it worth, and what did Surrey do?") is split too.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot import smalltalk
from bot.lazyre import LazyPattern

# Sentence ends: . ! ? (and runs of them) before a space, or a line break.
_SENTENCE_END = LazyPattern(r"(?<=[.!?])[\"')\u201d\u2019]*\s+|\n+")
# A greeting or filler clause at the start of a sentence: "Hi,", "Hello bot!", "Just to double
# check,", "Sorry if this is a silly question, but".
_LEADING_FILLER = LazyPattern(
    r"^\s*(?:(?:hi|hii|hello|hey|heya|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening))"
    r"(?: there| bot| all| everyone| guys| folks)?\s*[,!.:\-]+\s*"
    r"|(?:ok(?:ay)?|so|well|right|um+|hmm+|quick question|just (?:to )?(?:double[- ])?check(?:ing)?"
    r"|out of (?:curiosity|interest)|sorry(?: if this is a (?:silly|stupid|dumb) question)?"
    r"|one more thing|also|and also|btw|by the way)\s*[,:\-]+\s*(?:but\s+)?"
    r"|(?:(?:can|could|would|will) (?:you|u) (?:please |pls )?(?:(?:tell|let) me(?: know)?"
    r"|confirm|explain|remind me|clarify)"
    r"|(?:please |pls )?tell me|i(?:'d| would) like to know|i want to know|do you know"
    r"|does anyone know|any idea|i was wondering|i wonder)\s*[,:\-]?\s+(?=\w))",
    re.IGNORECASE,
)
# The words a leading filler can open with: a sentence opening otherwise is left as it is
# without the pattern (the largest of this module: compiling it costs a plain question
# 1.5 ms). tests/test_message.py checks that no other word opens a match.
_FILLER_OPENERS = frozenset(
    "hi hii hello hey heya hiya howdy yo greetings good ok okay so well right um hmm quick just "
    "out sorry one also and btw by can could would will please pls tell i'd i do does any".split()
)
_QUESTION_START = LazyPattern(
    r"^\s*(?:what|what's|whats|which|who|who's|whos|whom|whose|when|where|why|how|is|are|was|"
    r"were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must|any|"
    r"tell me|please|pls|plz|explain|describe|list|give me|remind me|i want to know|"
    r"i'd like to know|i would like to know|do you know|any idea|wat|wot|wen|hw|y|r|wud|"
    r"isn't|aren't|wasn't|didn't|doesn't|won't|can't|wouldn't|couldn't|haven't|hasn't)\b",
    re.IGNORECASE,
)
# Background: the person talking about themselves or what they heard, not asking.
_BACKGROUND_OPENERS = frozenset("i'm i im i've my me we're we our as being".split())
_BACKGROUND_START = LazyPattern(
    r"^\s*(?:i'm|i am|im|i've|i have|i was|i work|i live|i sit|i read|i heard|i keep|i saw|"
    r"i half|i need|i think|i thought|i just|my |me and|we're|we are|our |as a |being a |"
    r"i'm writing|i write|i teach|i study|i run|i own)\b",
    re.IGNORECASE,
)
# Where one sentence asks a second question: ", and what…", " and why…", "; also how…".
# The words a question (or a second one in the same sentence) opens with.
_ASKING = (
    r"what|which|who|whom|whose|when|where|why|how|is|are|was|were|did|does|do|can|could|will|"
    r"would|has|have"
)
_SECOND_QUESTION = LazyPattern(
    rf"(?:,\s*|;\s*|\s+)(?:and|also|plus|but)\s+(?:also\s+)?(?=(?:{_ASKING})\b)",
    re.IGNORECASE,
)

# Where a sentence that opens about the person turns to its question: "I'm a Luton resident,
# *can* the public see the decision being made?"
_TURN_TO_QUESTION = LazyPattern(
    rf"[,;:\-]\s*(?:(?:so|and|but)\s+)?(?=(?:{_ASKING}|should)\b)", re.IGNORECASE
)

# A reason about the person at a question's end: "…, because I don't follow UK news much?"
_TRAILING_ABOUT_ME = LazyPattern(
    # ("as far as we know" is not a reason)
    r"[,;]?\s+(?<!far )(?:because|cos|coz|as|since)\s+(?:i|i'm|im|i've|we|we're|my)\b"
    r"[^?]*(?=\?*\s*$)",
    re.IGNORECASE,
)

# A condition opening a question restates what the article is about ("If the cut goes ahead,
# from when would the changes start?"): the question is what follows it.
_CONDITION_OPENERS = ("if", "once", "assuming", "supposing")
_LEADING_CONDITION = LazyPattern(
    rf"^\s*(?:{'|'.join(_CONDITION_OPENERS)})\b[^,;?]*[,;]\s*(?=(?:from|by|in|at|{_ASKING})\b)",
    re.IGNORECASE,
)


class Message(NamedTuple):
    """A message taken apart: its questions, and the background around them."""

    questions: tuple[str, ...]
    background: tuple[str, ...]


def sentences(message: str) -> list[str]:
    """The message's sentences, without empty ones."""
    return [part.strip() for part in _SENTENCE_END.split(message) if part and part.strip()]


def opening_word(sentence: str) -> str:
    """The sentence's first word, lower-case, without the punctuation after it; "um" and "hmm"
    however many m's they are typed with."""
    text = sentence.lstrip()
    end = 0
    while end < len(text) and (text[end].isalpha() or text[end] == "'"):
        end += 1
    word = text[:end].lower()
    if len(word) > 1 and word.rstrip("m") in ("u", "h"):
        return "um" if word[0] == "u" else "hmm"
    return word


def _strip_filler(sentence: str) -> str:
    previous = None
    while previous != sentence and opening_word(sentence) in _FILLER_OPENERS:
        previous = sentence
        sentence = _LEADING_FILLER.sub("", sentence, count=1)
    return sentence.strip()


def is_question(sentence: str) -> bool:
    """Asks something: ends with "?" or opens like a question or a request."""
    return sentence.rstrip().endswith("?") or bool(_QUESTION_START.match(sentence))


def is_background(sentence: str) -> bool:
    """Tells about the person or what they heard, and asks nothing."""
    return (
        not sentence.rstrip().endswith("?")
        and opening_word(sentence) in _BACKGROUND_OPENERS
        and bool(_BACKGROUND_START.match(sentence))
    )


def split_background(sentence: str) -> tuple[str, str]:
    """A question that opens about the person, split into that background and the question:
    ("I'm a Luton resident", "can the public see it?"); ("", sentence) otherwise."""
    if (
        not sentence.rstrip().endswith("?")
        or opening_word(sentence) not in _BACKGROUND_OPENERS
        or not _BACKGROUND_START.match(sentence)
    ):
        return "", sentence
    turn = _TURN_TO_QUESTION.search(sentence)
    if turn is None:
        return "", sentence
    return sentence[: turn.start()].strip(), sentence[turn.end() :].strip()


def split_condition(sentence: str) -> tuple[str, str]:
    """A question opening with a condition, split into that condition and the question:
    ("If the cut goes ahead", "from when would it start?"); ("", sentence) otherwise."""
    if opening_word(sentence) not in _CONDITION_OPENERS:
        return "", sentence
    found = _LEADING_CONDITION.match(sentence)
    if found is None or not sentence.rstrip().endswith("?"):
        return "", sentence
    return sentence[: found.end()].strip(" ,;"), sentence[found.end() :].strip()


def split_reason_about_me(sentence: str) -> tuple[str, str]:
    """A question ending in a reason about the person, split into the question and that
    reason: ("what was the problem?", "because I don't follow the news"); (sentence, "")."""
    found = _TRAILING_ABOUT_ME.search(sentence)
    if found is None or found.start() == 0:
        return sentence, ""
    question = sentence[: found.start()].rstrip(" ,;") + sentence[found.end() :]
    return question.strip(), found.group().strip(" ,;")


def split_questions(sentence: str) -> list[str]:
    """One sentence's questions: "How much, and what did Surrey do?" is two; "When and where
    did they vote?" is one, asked two ways."""
    parts = [part.strip(" ,;") for part in _SECOND_QUESTION.split(sentence)]
    parts = [part for part in parts if part]
    if len(parts) > 1 and len(parts[0].split()) == 1:
        return [sentence.strip()]  # a lone question word: it shares the rest of the sentence
    return parts


def analyse(message: str) -> Message:
    """Sort a message's sentences into questions and background; small talk is dropped.

    A message with no sentence that reads as a question (a keyword, a fragment) is one
    question as it stands.
    """
    questions: list[str] = []
    background: list[str] = []
    others: list[str] = []
    for raw in sentences(message):
        sentence = _strip_filler(raw)
        if not sentence or smalltalk.classify(sentence) is not None:
            continue
        if is_question(sentence):
            about, sentence = split_background(sentence)
            condition, sentence = split_condition(sentence)
            sentence, reason = split_reason_about_me(sentence)
            background.extend(part for part in (about, condition, reason) if part)
            questions.extend(split_questions(sentence))
        elif is_background(sentence):
            background.append(sentence)
        else:
            others.append(sentence)
    if not questions:
        # Fragments and statements ("surrey privitisation plan"): what is left is the question.
        questions = others or background
        background = [] if not others else background
        if not questions:
            stripped = message.strip()
            questions = [stripped] if stripped else []
    else:
        background.extend(others)
    return Message(tuple(questions), tuple(background))
