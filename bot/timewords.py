"""What a question asks of a time, and whether a text speaks of that time.

"Last year", "in December", "on April 9", "by Friday", "when does it *close*", "when was it
*founded*", "how long *has* she been…", "how old": a text may give a time or an age (bot.kinds)
and still not the one asked ("next year", "in January", "opens on 1 July", "a six-day inquiry"
asked how long someone has been an inspector). bot.query reads what a question asks with
these; bot.decision objects, with them, to a text that speaks of another time. bot.kinds reads
an age with them too.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.lazyre import LazyPattern
from bot.textscan import DAYS, DIGIT, MONTHS, WORDS

# "aged 67", "a 67-year-old", "67 years old", "Derek Hollins, 67, said"
STATED_AGE = LazyPattern(r"\baged? (of )?\d|\b\d{1,3}[ -]years?[ -]old\b|[a-z], \d{1,3}, [a-z]")
# "How long *has* Gillian Trask *been* an inspector?": how long someone or something has been
# what it is, which a text gives by "since…" or a number of years, not by how long an event
# lasted ("a six-day inquiry").
_TENURE_ASKED = LazyPattern(
    r"\bhow long (?:has|have|had|s) (?:[a-z]+ ){1,5}?(?:been|worked|run|lived|served|led|"
    r"chaired|owned|taught|played|volunteered|managed)\b"
)
_TENURE_GIVEN = LazyPattern(
    r"\bsince\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|many|several)[ -](?:years?|months?|decades?)\b|"
    r"\bfor (?:the (?:past|last) )?(?:\w+ )?(?:years?|months?|decades?)\b"
)


def tenure_asked(normalised_question: str) -> bool:
    """Whether a question asks how long someone or something has been what it is."""
    return _TENURE_ASKED.search(normalised_question) is not None


def gives_tenure(text: str) -> bool:
    """Whether a text says how long something has been so ("since 1979", "for 26 years")."""
    return _TENURE_GIVEN.search(text.lower()) is not None


# "How many members did the club have *when it started*?": a figure of the time something
# began, which a text giving today's ("has 148 members") does not say.
_AT_ORIGIN_ASKED = LazyPattern(
    r"\bwhen (?:it|they|the [a-z]+) (?:was |were )?(?:first )?(?:started|began|founded|formed|"
    r"set up|opened|launched)\b|\bat the start\b|\bin the beginning\b"
)
_AT_ORIGIN_GIVEN = LazyPattern(
    r"\b(?:originally|initially|at first|founded|formed|started|began|set up|launched|"
    r"opened|when it)\b|\bin (?:19|20)\d\d\b"
)


def at_origin_asked(normalised_question: str) -> bool:
    """Whether a question asks a figure of the time something began."""
    return _AT_ORIGIN_ASKED.search(normalised_question) is not None


def gives_origin(text: str) -> bool:
    """Whether a text speaks of when something began ("formed in 2019", "originally")."""
    return _AT_ORIGIN_GIVEN.search(text.lower()) is not None


# "How much did it lose *last year*", "will fees go up *next year*": a time the question asks
# about, which a text speaking of no such time ("£95,000 a year") does not answer.
_WHEN_ASKED = LazyPattern(
    r"\b(?:the )?(?P<which>last|next|past|previous|coming|following|this) "
    r"(?P<unit>year|month|week|summer|winter|spring|autumn)\b"
)
_BEFORE_LAST = LazyPattern(r"\b(?P<unit>year|month|week|summer|winter|spring|autumn) before last\b")
_SAME_TIME = {
    "last": ("last", "past", "previous"),
    "past": ("last", "past", "previous"),
    "previous": ("last", "past", "previous"),
    "next": ("next", "coming", "following"),
    "coming": ("next", "coming", "following"),
    "following": ("next", "coming", "following"),
    "this": ("this", "current"),
}


_A_YEAR = LazyPattern(r"\b(?:19|20)\d\d\b")


def time_asked(normalised_question: str) -> str | None:
    """The relative time a question asks about ("last year", "next year", "year before last"),
    if any."""
    if not any(word in normalised_question for word in _SAME_TIME):
        return None
    before_last = _BEFORE_LAST.search(normalised_question)
    if before_last is not None:
        return f"{before_last.group('unit')} before last"
    found = _WHEN_ASKED.search(normalised_question)
    if found is None:
        return None
    return f"{found.group('which')} {found.group('unit')}"


def speaks_of_time(asked: str, text: str) -> bool:
    """Whether a text speaks of the relative time asked ("the past year" of "last year")."""
    lowered = text.lower()
    unit, _, rest = asked.partition(" ")
    if rest == "before last":
        return "before last" in lowered
    which, unit = asked.split(" ")
    if unit == "year" and _A_YEAR.search(lowered):
        return True  # "in 2023" may well be last year: the article's date is not known
    if which == "this":
        # The present is what a text speaks of unless it says otherwise: "this year" is
        # answered by any text but one about last or next year alone ("Last year, 31 groups…").
        other = rf"\b(?:last|past|previous|next|coming|following) (?:[a-z]+ )?{unit}\b"
        if not re.search(other, lowered):
            return True
    if unit == "year":
        unit = "(?:year|12 months|twelve months)"  # "in the past 12 months"
    # ("the last *financial* year")
    return any(re.search(rf"\b{word} (?:[a-z]+ )?{unit}\b", lowered) for word in _SAME_TIME[which])


# "How much rain fell *in 1976*?": a year the question names, which a text must give a fact
# for; "the driest spring *since 1976*" speaks of this year, by that one ("since" counts only
# when the question says it too: "who has run it since 2016").
_YEAR_NAMED = LazyPattern(r"\b(?P<since>since )?(?P<year>(?:1[89]|20)\d\d)\b")


def years_named(text: str, since: bool = True) -> frozenset[str]:
    """The years a text names; with `since` False, not those only "since" names."""
    return frozenset(
        found.group("year")
        for found in _YEAR_NAMED.finditer(text.lower())
        if since or not found.group("since")
    )


# "The council meeting *on April 9*": a day the question names, which a text giving another
# day's facts ("Thursday, April 3, at 7pm") does not answer.
_DAY_OF_MONTH = LazyPattern(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{MONTHS})\b|"
    rf"\b(?P<month2>{MONTHS}) (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b"
)


def days_named(text: str) -> frozenset[str]:
    """The days of a month a text names, as "9 apr" ("April 9", "9th of April")."""
    if DIGIT.search(text) is None:
        return frozenset()
    lowered = text.lower()
    found = set()
    for match in _DAY_OF_MONTH.finditer(lowered):
        day = match.group("day") or match.group("day2")
        month = match.group("month") or match.group("month2")
        found.add(f"{int(day)} {month[:3]}")
    return frozenset(found)


# "What was the response time *in December*": a month the question asks about, which a text
# giving another month's figure ("9 minutes 48 seconds in January") does not answer.
_MONTH_NAMES = MONTHS.split("|")[:12]
_MONTH_ASKED = LazyPattern(
    r"\b(?:in|during|for|of|since|until|by|from|early|late|mid|last|next|this|back in) "
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b|\b(?P<plain>january|february|april|june|july|august|september|"
    r"october|november|december)\b"
)
_MONTH_GIVEN = LazyPattern(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)


def months_asked(normalised_question: str) -> frozenset[str]:
    """The months a question names ("may" and "march" only after "in", "by"…: a verb and a
    protest too)."""
    if not any(month[:3] in normalised_question for month in _MONTH_NAMES):
        return frozenset()
    return frozenset(
        (found.group("month") or found.group("plain"))[:3]
        for found in _MONTH_ASKED.finditer(normalised_question)
    )


def names_only_others(asked: Collection[str], given: Collection[str]) -> bool:
    """Whether a text names some of a set (months, days, seasons), none of them asked."""
    return bool(given) and set(given).isdisjoint(asked)


def other_months(asked: Collection[str], text: str) -> bool:
    """Whether a text names months, none of them one the question asks about."""
    return names_only_others(asked, {m.group()[:3].lower() for m in _MONTH_GIVEN.finditer(text)})


_WEEKDAYS = frozenset(DAYS.split("|"))


def weekdays_named(text: str) -> frozenset[str]:
    """The days of the week a text names ("by *Friday*", "on *Sundays*")."""
    return _WEEKDAYS.intersection(word.removesuffix("s") for word in WORDS.findall(text.lower()))


def other_weekdays(asked: Collection[str], text: str) -> bool:
    """Whether a text names days of the week, none of them one the question asks about
    ("raised by Friday" of "by Wednesday evening")."""
    return names_only_others(asked, weekdays_named(text))


_SEASONS = frozenset("spring summer autumn winter".split())


def seasons_named(text: str) -> frozenset[str]:
    """The seasons a text names ("in the *winter* months")."""
    return _SEASONS.intersection(WORDS.findall(text.lower()))


def other_seasons(asked: Collection[str], text: str) -> bool:
    """Whether a text names seasons, none of them one the question asks about."""
    return names_only_others(asked, seasons_named(text))


# Which end of a period a question asks about ("when does the share offer *close*"), and the
# words a text gives each end in.
_ENDS = {
    "start": frozenset(
        "open opens opened opening start starts started starting begin begins began beginning "
        "launch launches launched from reopen reopens reopened reopening restart restarts "
        "resume resumes".split()
    ),
    "end": frozenset(
        "close closes closed closing end ends ended ending finish finishes finished deadline "
        "until runs expire expires by".split()
    ),
}
_END_ASKED = LazyPattern(
    r"\b(?P<start>open|opens|opening|reopen|reopens|reopening|start|starts|starting|begin|"
    r"begins|beginning|launch)\b|"
    r"\b(?P<end>close|closes|closing|end|ends|ending|finish|finishes|deadline)\b"
)


def end_asked(normalised_question: str) -> str | None:
    """Which end of a period a question asks for: "start" or "end", None for neither or both."""
    # ("when did the *open air* lido close": a kind of pool, not an opening)
    normalised_question = normalised_question.replace("open air", "openair")
    found = {
        name
        for match in _END_ASKED.finditer(normalised_question)
        for name, value in match.groupdict().items()
        if value
    }
    return found.pop() if len(found) == 1 else None


def gives_other_end(asked_end: str, text: str) -> bool:
    """Whether a text speaks of the other end of a period only ("opens on 1 July", asked when
    it closes)."""
    lowered = text.lower()
    if _RANGE.search(lowered):
        return False  # "from 3 March to 14 April": both ends
    words = frozenset(WORDS.findall(lowered))
    other = "end" if asked_end == "start" else "start"
    if not words.isdisjoint(_ENDS[asked_end]):
        return False
    # An event "at 7pm" starts then: asked when it finishes, that is the other end.
    return not words.isdisjoint(_ENDS[other]) or (
        asked_end == "end" and _AT_A_TIME.search(lowered) is not None
    )


_AT_A_TIME = LazyPattern(r"\bat \d{1,2}(?:[.:]\d\d)?\s?(?:am|pm)\b")
_RANGE = LazyPattern(r"\b(?:from|between)\b[^.;]{1,40}?\b(?:to|until|till|and)\b")


# "How old is the pool?" is answered by the year it opened, not by any year ("Tom Ackroyd, who
# first went to the Regal in 1962").
_AGE_BY_YEAR = LazyPattern(
    r"\b(?:opened|built|founded|established|born|constructed|erected|dates from|dating from|"
    r"since|created|formed|set up|launched|started|completed|finished)\b"
    r"[^.;]{0,25}\b(?:1[5-9]|20)\d\d\b"
    # ("a *1950s* diesel shunter": its decade)
    r"|\b(?:a|an|the|its) (?:1[5-9]|20)\d0s\b"
)


def states_age(text: str) -> bool:
    """Whether a text says how old someone or something is in years ("aged 67")."""
    return STATED_AGE.search(text.lower()) is not None


def age_by_year(text: str) -> bool:
    """Whether a text gives an age by the year something began ("opened in 1938")."""
    return _AGE_BY_YEAR.search(text.lower()) is not None


# "When was the school *founded*?", "what year did the market *first open*": when something
# began, which a text giving another date of it (its closure, a vote) does not answer.
_ORIGIN_ASKED = LazyPattern(
    r"\b(?:was|were|did|year)\b[a-z0-9 ]{0,50}?\b(?:built|founded|established|constructed|"
    r"erected|formed|set up|opened|first (?:open|start)(?:ed)?)\b"
)


def origin_asked(normalised_question: str) -> bool:
    """Whether a question asks when something began (was built, founded, first opened)."""
    return _ORIGIN_ASKED.search(normalised_question) is not None
