"""Question wordings proposed for an entry from its quote: who / what / when / how many / why.

Rough, rule-based English: the sentence's subject is the words before its first verb, and
each form rearranges the sentence around it ("The three forces had been planning on using
the company" -> "Who had been planning on using the company?", "How many forces had been
planning on using the company?"). The results are shown to the author to accept or edit; they
never enter the knowledge by themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from bot.answercheck import number_values

MAX_PROPOSALS = 6
_MAX_WORDS = 14  # a longer proposal reads like the sentence read back, not like a question

_AUX = frozenset(
    "is are was were has have had will would can could should may might must does do did "
    "shall".split()
)
_OPENERS = frozenset("however but and so also meanwhile yet still".split())
# Where the part of a sentence that a question is about ends.
_CLAUSE_END = re.compile(
    r"\s*(?:,(?!\d)|;|:| - | \u2013 | \u2014 |\b(?:although|though|whereas|which|while|because|"
    r"identifying|in the wake of|due to|as a result of|following|"
    r"and (?:will|would|could|can|is|are|was|were|has|have|had))\b)",
    re.IGNORECASE,
)
_CAUSE = re.compile(
    r"\b(?:in the wake of|because|due to|as a result of|the reason|reasons?|following|"
    r"after (?:the|its|their|a)\b)",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b(?:(?:on|last|next|this|by|early|late|until) )?(?:early |late )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"tomorrow|tonight|next week|last week|this week|next month|last month|next year|"
    r"last year|january|february|march|april|june|july|august|september|october|"
    r"november|december|(?:18|19|20)\d\d)\b",
    re.IGNORECASE,
)
_PEOPLE = frozenset(
    """spokesman spokeswoman spokesperson chief chiefs constables constable police force forces
    authority authorities council councillor councillors company firm government minister
    mayor people residents staff officers members group board committee union managers
    manager director residents campaigners""".split()
)
_IRREGULAR = {
    "met": "meet",
    "made": "make",
    "said": "say",
    "took": "take",
    "had": "have",
    "went": "go",
    "saw": "see",
    "gave": "give",
    "told": "tell",
    "found": "find",
    "got": "get",
    "began": "begin",
    "came": "come",
    "paid": "pay",
    "sold": "sell",
    "won": "win",
    "lost": "lose",
    "left": "leave",
    "kept": "keep",
    "held": "hold",
    "voted": "vote",
    "closed": "close",
    "agreed": "agree",
    "spent": "spend",
    "built": "build",
    "cut": "cut",
    "put": "put",
    "set": "set",
    "rose": "rise",
    "fell": "fall",
    "wrote": "write",
    "chose": "choose",
    "ran": "run",
}
# Past tenses only: a present "-s" verb looks like a plural noun ("constables", "forces").
_PAST = re.compile(r"^[a-z]{3,}ed$")
_PRESENT = frozenset(
    "says wants needs plans hopes expects thinks believes claims admits warns insists".split()
)
_PREPOSITIONS = frozenset(
    "about whether to on in at for with from by that into over under after before than "
    "as of".split()
)
_NOT_SUBJECT_START = frozenset(
    "at in on by for from with until after before during if when while although as "
    "because since to whether that which who what how".split()
)
_NOT_VERBS = frozenset(
    "this its his is was has does as us plus bus gas news series species less unless "
    "across always perhaps various famous previous serious business analysis police "
    "towards whereas thus yes".split()
)


def propose(quote: str, answer: str = "", existing: Iterable[str] = ()) -> list[str]:
    """Up to MAX_PROPOSALS question wordings for an entry, none of them like one in `existing`.

    With an answer, only the forms it answers are kept: "How much…?" when the answer states
    an amount, "When…?" a time, "Why…?" a cause, so that a sentence holding several facts
    proposes to each entry the questions about its own fact.
    """
    sentence = _clean(quote)
    words = sentence.split()
    if len(words) < 3:
        return []
    subject, verb_at = _split_subject(words)
    forms: list[tuple[str, str | None]] = [("how many", f) for f in _how_many(words)]
    forms.append(("how much", _how_much(words, sentence)))
    if subject:
        predicate = _clause(words[verb_at:])
        forms.append(("who", _who(subject, predicate)))
        forms.append(("when", _when(subject, predicate, sentence)))
        forms.append(("why", _why(subject, predicate, sentence)))
        forms.append(("what", _what_did(subject, words[verb_at:])))
    forms += [("name", f) for f in _names(sentence, subject)]
    known = [_key(q) for q in existing]
    found: list[str] = []
    for kind, form in forms:
        if not form or len(form.split()) > _MAX_WORDS or not _answers(kind, answer):
            continue
        key = _key(form)
        if any(fuzz.token_sort_ratio(key, other) >= _SAME_WORDING for other in known):
            continue
        known.append(key)
        found.append(form)
    return found[:MAX_PROPOSALS]


_SAME_WORDING = 90.0  # token_sort_ratio at or above which a proposal repeats a wording


def _answers(kind: str, answer: str) -> bool:
    """Whether the answer gives the kind of fact a question form asks for (no answer: any)."""
    if not answer.strip() or answer.startswith("TODO"):
        return True
    kinds = {kind for _text, _value, kind in number_values(answer)}
    if kind == "how many":
        return "number" in kinds
    if kind == "how much":
        return "amount" in kinds
    if kind == "when":
        return _TIME.search(answer) is not None or "date" in kinds
    if kind == "why":
        return _CAUSE.search(answer) is not None
    return True


def _key(question: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", question.lower()))


def _clean(quote: str) -> str:
    text = quote.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    # The words of a quoted speaker: `The spokesman added: "…"` asks about what was said.
    speaker = re.search(r':\s*"', text)
    if speaker:
        text = text[speaker.end() :]
    text = text.strip().strip('"').strip()
    # Reported speech: "A spokesman said the chief constables will …" asks about what follows.
    said = re.match(r"(?:\S+ ){1,7}(?:said|says|added|told \S+)(?: that)? (?=[A-Za-z])", text)
    if said:
        text = text[said.end() :]
    text = re.sub(r"\s+", " ", text).rstrip(".!?\"' ")
    first, _, rest = text.partition(" ")
    while first.lower().rstrip(",") in _OPENERS and rest:
        text = rest
        first, _, rest = text.partition(" ")
    return text


def _is_verb(word: str, position: int) -> bool:
    lower = word.lower().strip(",")
    if lower in _AUX or lower in _IRREGULAR:
        return True
    if position == 0 or word[0].isupper() or lower in _NOT_VERBS:
        return False
    return _PAST.match(lower) is not None or lower in _PRESENT


def _split_subject(words: list[str]) -> tuple[list[str], int]:
    """The words before the first verb (at most 9), and where the verb is."""
    if words[0].lower() in _NOT_SUBJECT_START:
        return [], 0
    for index, word in enumerate(words[:14]):
        if word.endswith(","):
            # "After the meeting, the council …": the subject comes after the comma.
            continue
        if _is_verb(word, index) and index > 0:
            return _short_subject(words[:index]), index
    return [], 0


def _short_subject(subject: list[str]) -> list[str]:
    """ "The chief constables of Hertfordshire, …" -> "The chief constables"."""
    lower = [w.lower() for w in subject]
    if len(subject) > 4 and "of" in lower[2:]:
        return subject[: lower.index("of", 2)]
    return subject


def _clause(words: list[str], limit: int = 9) -> list[str]:
    """The words up to the end of the clause, cut before a preposition to stay short."""
    text = " ".join(words)
    match = _CLAUSE_END.search(text)
    if match and match.start() > 0:
        text = text[: match.start()]
    kept = text.split()
    if len(kept) > limit:
        cuts = [i for i in range(2, limit + 1) if kept[i].lower() in _PREPOSITIONS]
        kept = kept[: cuts[-1]] if cuts else []
    # A clause cut after "not" or "the" is no question at all.
    return kept if kept and kept[-1].lower() not in _DANGLING else []


_DANGLING = frozenset("not the a an to of and or their its his her that this".split())


def _lower_first(words: list[str]) -> str:
    if not words:
        return ""
    first = words[0]
    # "The forces" -> "the forces"; names ("Surrey") and acronyms ("G4S") keep their capital.
    if first[0].isupper() and first.lower() in _DETERMINERS:
        first = first.lower()
    return " ".join([first, *words[1:]])


_NOT_AN_OBJECT = frozenset(
    "yesterday today tomorrow on at in last next early late recently again and".split()
)
_DETERMINERS = frozenset("the a an this that these those their its our his her".split())


def _who(subject: list[str], predicate: list[str]) -> str | None:
    if len(predicate) < 2:
        return None
    person = any(w.lower().strip(",") in _PEOPLE for w in subject) or any(
        w[0].isupper() for w in subject[1:]
    )
    return f"{'Who' if person else 'What'} {' '.join(predicate)}?"


def _inverted(subject: list[str], predicate: list[str]) -> tuple[str, str] | None:
    """(auxiliary, "subject rest") for a question: "is X keeping …", "did X decide …"."""
    if not predicate:
        return None
    verb, rest = predicate[0].lower(), predicate[1:]
    who = _lower_first(subject)
    possession = verb in ("has", "have", "had") and not (
        rest and re.fullmatch(r"been|[a-z]+(?:ed|en)", rest[0].lower())
    )
    if verb in _AUX and not possession:
        return verb, " ".join([who, *rest])
    base = _base_form(verb)
    if base is None or len(rest) > 8:
        return None
    tense = "do" if verb.endswith("s") and not verb.endswith("ed") else "did"
    if tense == "do" and not _plural(subject):
        tense = "does"
    return tense, " ".join([who, base, *rest])


def _plural(subject: list[str]) -> bool:
    last = subject[-1].lower()
    return last.endswith("s") and not last.endswith("ss")


def _base_form(verb: str) -> str | None:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ied"):
        return verb[:-3] + "y"
    if verb.endswith("ed"):
        stem = verb[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            return stem[:-1]  # planned -> plan
        if re.search(r"(?:[^aeiou][aeiou][cdgkrsvz]|[aeiou]{2}[cdgrsvz]|[cgsv]|[bdgkptz]l)$", stem):
            return stem + "e"  # decided -> decide, used -> use, moved -> move
        return stem
    if verb.endswith("es") and verb[-3] in "sxz":
        return verb[:-2]
    if verb.endswith("s"):
        return verb[:-1]
    return None


def _when(subject: list[str], predicate: list[str], sentence: str) -> str | None:
    time = _TIME.search(sentence)
    if not time:
        return None
    kept = _clause(_before(predicate, time.group(0)))
    inverted = _inverted(subject, kept)
    return f"When {inverted[0]} {inverted[1]}?" if inverted else None


def _why(subject: list[str], predicate: list[str], sentence: str) -> str | None:
    if not _CAUSE.search(sentence):
        return None
    inverted = _inverted(subject, predicate)
    return f"Why {inverted[0]} {inverted[1]}?" if inverted else None


def _what_did(subject: list[str], rest: list[str]) -> str | None:
    """ "What had the three forces been planning?" / "What did Surrey Police Authority decide?"."""
    if not rest:
        return None
    verb = rest[0].lower().strip(",")
    if verb in _AUX or len(rest) < 2 or rest[1].lower().strip(",") in _NOT_AN_OBJECT:
        return None  # "What is X keeping?", "What did they meet yesterday?": no questions
    who = _lower_first(subject)
    base = _base_form(verb)
    if base is None:
        return None
    return f"What did {who} {base}?"


def _before(predicate: list[str], time: str) -> list[str]:
    """The predicate without the time expression and what follows it."""
    text = " ".join(predicate)
    found = text.lower().find(time.lower())
    if found > 0:
        text = text[:found]
    return re.sub(r"\s+(?:on|at|in|by|from|until)\s*$", "", text.rstrip(" ,")).split()


def _how_many(words: list[str]) -> list[str | None]:
    """ "How many staff were required by LOCOG?" for each counted thing."""
    forms: list[str | None] = []
    text = " ".join(words)
    for written, _value, kind in number_values(text):
        if kind != "number":
            continue
        at = text.find(written)
        after = text[at + len(written) :].split()
        if (
            not after
            or not re.fullmatch(r"[a-z][a-z-]*", after[0])
            or after[0] in _PREPOSITIONS
            or after[0] in _DANGLING
        ):
            continue
        noun, rest = after[0], _clause(after[1:], limit=6)
        if rest and re.fullmatch(r"[a-z]+ed", rest[0]):
            rest = ["were", *rest]
        forms.append(f"How many {' '.join([noun, *rest])}?")
    return forms


def _how_much(words: list[str], sentence: str) -> str | None:
    amounts = [w for w, _v, kind in number_values(sentence) if kind == "amount"]
    if not amounts:
        return None
    lower = [w.lower().strip(",") for w in words]
    if "worth" in lower:
        at = lower.index("worth")
        thing = next(
            (w for w in reversed(lower[:at]) if w.isalpha() and w not in _DETERMINERS), None
        )
        if thing:
            return f"How much is the {thing} worth?"
    return "How much money is involved?"


_NAME = re.compile(r"(?<![.!?] )\b(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|[A-Z]{2,}[0-9]*)\b")


def _names(sentence: str, subject: list[str]) -> list[str | None]:
    """ "What is LOCOG?" for acronyms outside the subject (names people look up)."""
    in_subject = {w.strip(",'s") for w in subject}
    forms: list[str | None] = []
    for match in _NAME.finditer(sentence):
        name = match.group(0)
        if name not in in_subject and len(name) > 2 and len(forms) < 1:
            forms.append(f"What is {name}?")
    return forms
