"""The kind of fact a question asks for, and the kinds of fact an entry's answer gives.

"How many years would the contract last?" asks for a duration; an entry whose answer is
"Up to £77m a year" gives an amount, so however many words they share, it does not answer the
question, and the engine says so honestly instead of answering something else.

Kinds are read from a question's opening words ("how long", "who", "what date"). An entry
gives the kinds its own question wordings ask for, the kinds its answer visibly holds (a number,
a day, a name, a reason), and any it declares in the knowledge (`answers: [date, place]`).

The finer details a question asks of a fact, and whether a text gives them, are read in
bot.figures (of a figure), bot.timewords (of a time) and bot.which_one (of whom or what).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import lru_cache

from bot.lazyre import LazyPattern
from bot.text import stem
from bot.textscan import (
    A_SUM,
    DAYS,
    DIGIT,
    MONTHS,
    ORGANISATION_WORDS,
    PLACE_WORDS,
    WORDS,
    capital_runs,
)
from bot.timewords import STATED_AGE, age_by_year

PERSON = "person"  # who: a person, body or organisation
NAME = "name"  # the name of someone ("What is the name of the spokesman?")
WHEN = "when"  # a day, date or time of any precision
DATE = "date"  # a calendar date ("On what date…")
YEAR = "year"
TIME = "time"  # a time of day
DURATION = "duration"
FREQUENCY = "frequency"  # how often ("three times a week", "every two hours")
NUMBER = "number"  # a count or an amount
PLACE = "place"
REASON = "reason"
ABBREVIATION = "abbreviation"  # what letters stand for
CONTACT = "contact"  # a phone number, email, website or postcode
PHONE = "phone"  # a phone number in particular
SAID = "said"  # someone's words ("What did the council say?")
YESNO = "yesno"
AGE = "age"  # how old someone or something is
PARTY = "party"  # a political party ("Which party is Cllr Oakes in?")

KINDS = (
    PERSON,
    NAME,
    WHEN,
    DATE,
    YEAR,
    TIME,
    DURATION,
    FREQUENCY,
    NUMBER,
    PLACE,
    REASON,
    ABBREVIATION,
    CONTACT,
    SAID,
    YESNO,
    AGE,
    PARTY,
    PHONE,
)

# What each kind reads as in a sentence: "The article doesn't say how long."
PHRASES = {
    PERSON: "who",
    NAME: "the name",
    WHEN: "when",
    DATE: "the date",
    YEAR: "the year",
    TIME: "the time",
    DURATION: "how long",
    FREQUENCY: "how often",
    NUMBER: "how many or how much",
    PLACE: "where",
    REASON: "why",
    ABBREVIATION: "what that stands for",
    CONTACT: "how to get in touch",
    SAID: "what they said",
    YESNO: "",
    AGE: "how old",
    PARTY: "which party",
    PHONE: "the phone number",
}

# A kind asked for is also given by these more precise kinds.
_SATISFIED_BY = {
    WHEN: {WHEN, DATE, YEAR, TIME},
    PERSON: {PERSON, NAME},
    DATE: {DATE},
    YEAR: {YEAR, DATE},
    # "How old is the pool?" is answered by the year it opened.
    AGE: {AGE, YEAR},
    CONTACT: {CONTACT, PHONE},
}

# "What did *G4S* say…": whose words are asked for (bot.query counts them as a name the
# answer must have), and the verb that asks.
_SAID_ASKED = LazyPattern(
    r"\bwhat (?:did|does|do|has|have|had|will|would) (?!you\b|i\b|we\b)"
    r"(?P<speaker>(?:[a-z0-9]+ ){1,6}?)(?P<asked>say|said|tell|told|respond|responded|reply|"
    r"replied|comment|commented|think|thought|call|describe|characterise|characterize)\b"
    # "How did the spokesman *describe* the forces' needs?": in whose words
    r"|\bhow (?:did|does|do|has|have|had|would) (?!you\b|i\b|we\b)"
    r"(?P<speaker2>(?:[a-z0-9]+ ){1,6}?)(?P<asked2>describe|characterise|characterize|put)\b"
)
# The verbs that follow a question word ("when *did*…", "who *has*…").
_AUXILIARY = r"(?:is|was|will|did|does|do|are|were|would|can|could|should|has|have)"
_UNITS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|yrs?|mins?)"
# Patterns over a question's normalised words (lower case, words joined by single spaces).
# Compiled on first use: a question tries only the patterns whose trigger words it has.
_ASKED_PATTERNS: tuple[tuple[str, LazyPattern], ...] = (
    (ABBREVIATION, LazyPattern(r"\b(stand|stands|short) for\b|\b(acronym|abbreviation)\b")),
    (
        PHONE,
        LazyPattern(
            r"\b(phone|telephone|mobile|helpline) (number|numbers)\b|"
            r"\bnumber to (call|ring|phone)\b"
        ),
    ),
    (
        CONTACT,
        LazyPattern(
            r"\b(phone|telephone|contact|mobile|helpline) (number|numbers|details)\b|"
            r"\bnumber to (call|ring|phone)\b|\be ?mail( address)?\b|\bwebsite\b|"
            r"\bweb (address|site|page)\b|\bpostcode\b|\burl\b"
        ),
    ),
    # "What did G4S say…": only the verb asks the kind; whose words they are is what they
    # are about. ("What do you think…" asks the bot.)
    (SAID, _SAID_ASKED),
    (
        FREQUENCY,
        LazyPattern(
            r"\bhow (often|frequently|regularly)\b|\bhow many times (a|an|per|each|every)\b|"
            r"\bwhat frequency\b"
        ),
    ),
    (
        DURATION,
        LazyPattern(
            rf"\bhow long\b|\bhow many {_UNITS}\b(?! a (?:day|week|month|year)\b| per\b)|"
            r"\bfor how\b|\bduration\b|\b(?:over|for|in) what (?:period|time ?(?:frame|scale))\b"
        ),
    ),
    (TIME, LazyPattern(r"\bwhat time\b|\bwhich time\b|\bat what hour\b|\bwhat hour\b")),
    (YEAR, LazyPattern(r"\b(what|which) year\b")),
    (AGE, LazyPattern(r"\bhow old\b|\bwhat age\b|\b(his|her|their) age\b|\bage of\b")),
    (PARTY, LazyPattern(r"\b(?:which|what) (?:political )?party\b|\bpolitical party\b")),
    (DATE, LazyPattern(r"\b(what|which|exact) date\b|\bthe date\b|\bdate of\b")),
    (
        NAME,
        LazyPattern(
            # The role ("who is the *leader*…") is what is asked about, not how it is asked.
            r"\bwhat is (he|she|they) (?P<asked>called)\b|\b(his|her|their) (?P<asked2>name)\b"
            # "what is margaret pellows dads name": someone's, the apostrophe dropped
            r"|\b[a-z]+s (?P<asked5>name)$"
            # "what make are the lorries": a maker's name
            r"|\b(?:what|which|wat) (?P<asked4>make|brand|model|manufacturer)\b"
            # "what's the new minibus called": its name
            r"|\bwhat(?: is| s|s)? (?:the|it|this) (?:\w+ ){0,3}?(?P<asked3>called|named)$"
            r"|(^who (is |was |will be |is going to be )?|\bname of )the (\w+ ){0,3}(chief|head|"
            r"leader|boss|chair|"
            r"chairman|chairwoman|director|manager|spokesman|spokeswoman|"
            r"spokesperson|commissioner|secretary|minister|mayor|president|"
            r"ceo|chief executive|owner|founder)\b"
        ),
    ),
    (
        WHEN,
        LazyPattern(
            rf"^(when|whens)\b|\bwhen {_AUXILIARY}\b|\bby when\b|\b(what|which) (month|day)\b"
        ),
    ),
    (
        PLACE,
        LazyPattern(
            rf"^(where|wheres)\b|\bwhere {_AUXILIARY}\b|\b(what|which) (place|venue|town|city|"
            r"location|address|building|room)\b|\baddress\b"
        ),
    ),
    (
        REASON,
        LazyPattern(
            rf"^why\b|\bwhy ({_AUXILIARY}|might|not)\b|\bhow come\b|"
            r"\b(what|which) (reasons?|justification|"
            r"explanation|motive|grounds)\b|"
            r"\breason (for|behind|why)\b|\bwhat (caused|led)\b|\b(argument|case) for\b"
        ),
    ),
    (
        NUMBER,
        LazyPattern(
            r"\bhow (many|much)\b|"
            r"\bwhat (number|amount|percentage|proportion|"
            r"figure|sum|total)\b"
        ),
    ),
    # "What is the deal worth?": an amount. (No word is taken as only asking it: "worth" is
    # what an entry about the deal's worth is asked with.)
    (NUMBER, LazyPattern(r"\bwhat(?: \w+){1,7} worth\b(?P<asked>)")),
    # "How large a grant…": an amount.
    (NUMBER, LazyPattern(r"\bhow (?P<asked>large|big) an?\b")),
    (
        PERSON,
        LazyPattern(
            rf"^(who|whom|whose)\b|\b(who|whom|whose) ({_AUXILIARY}|said|says|decides|made|"
            r"make|makes|required|requires)\b|\b(which|what) (organisation|organization|"
            r"company|firm|body|person|people|group)\b|\bname of\b"
        ),
    ),
    (
        YESNO,
        LazyPattern(
            r"^(is|are|was|were|do|does|did|can|could|will|would|should|has|have|"
            r"had|isn|aren|wasn|didn|doesn|won|hasn|haven)\b"
        ),
    ),
    # In a fragment ("meeting date", "opening times", "surrey reason"), a kind word anywhere.
    (TIME, LazyPattern(r"\b(times|hours|(?:start|finish|end|opening|closing) time)\b")),
    (AGE, LazyPattern(r"\bage\b")),
    (
        YEAR,
        LazyPattern(
            # (only "year" asks: "opened" is what the entry says happened then)
            r"\b(?:opening|opened|built|founded|started|closing|closed|completion) "
            r"(?P<asked>year)\b|\b(?P<asked2>year) (?:it |they |was |were )?"
            r"(?:opened|built|founded|started|closed|completed)\b"
        ),
    ),
    (WHEN, LazyPattern(r"\b(dates?|deadline)\b")),
    (DURATION, LazyPattern(r"\b(length|duration)\b")),
    (PLACE, LazyPattern(r"\b(location|venue|address)\b")),
    (REASON, LazyPattern(r"\b(reasons?|justification|explanation|motive)\b")),
    (NUMBER, LazyPattern(r"\b(numbers?|figures?|stats|statistics|count|total)\b")),
)

# Words at least one of which each pattern above needs (in order): a pattern is only tried on
# a question that has one, which spares the regex engine most of its work while indexing.
_TRIGGERS: tuple[frozenset[str], ...] = tuple(
    frozenset(words.split())
    for words in (
        "stand stands short acronym abbreviation",
        "number numbers call ring phone",
        "number numbers details call ring phone mail email e website web postcode url",
        "say said tell told respond responded reply replied comment commented think thought "
        "call describe characterise characterize put",
        "often frequently regularly times frequency",
        "long for duration many period",
        "time hour",
        "year",
        "old age",
        "party",
        "date",
        "called named name who make brand model manufacturer",
        "when whens month day",
        "where wheres place venue town city location address building room",
        "why come reason reasons justification explanation motive grounds caused led argument case",
        "many much number amount percentage proportion figure sum total",
        "worth",
        "large big",
        "who whom whose organisation organization company firm body person people group name",
        "is are was were do does did can could will would should has have had isn aren wasn "
        "didn doesn won hasn haven",
        "times hours time",
        "age",
        "year",
        "date dates deadline",
        "length duration",
        "location venue address",
        "reason reasons justification explanation motive",
        "number numbers figure figures stats statistics count total",
    )
)
_ASKED = tuple(
    (kind, triggers, pattern)
    for (kind, pattern), triggers in zip(_ASKED_PATTERNS, _TRIGGERS, strict=True)
)
# Compiled on first use: only the knowledge's texts are read with these (bot.lazyre).
_GIVES: tuple[tuple[str, LazyPattern], ...] = (
    (
        NUMBER,
        LazyPattern(
            r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"dozen|dozens|hundred|hundreds|thousand|thousands|million|millions|"
            r"billion|half|quarter|twice|double|single|all|none|no)\b"
        ),
    ),
    (
        WHEN,
        LazyPattern(
            rf"\b({DAYS}|{MONTHS}|yesterday|today|tomorrow|tonight|recently|soon|"
            r"shortly|later this|earlier this)\b|\b(next|last|this|early|late|"
            r"coming) (week|weekend|month|year|spring|summer|autumn|winter)\b|"
            r"\b(in|by|since|until|from) (\d{4}|the (spring|summer|autumn|winter))\b|"
            r"\b(days?|weeks?|months?|years?) (ago|later|earlier)\b"
        ),
    ),
    (
        DATE,
        LazyPattern(
            rf"\b\d{{1,2}}(st|nd|rd|th)? ({MONTHS})\b|\b({MONTHS}) \d{{1,2}}\b|"
            r"\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|"
            # a deadline's month ("by March 2027"): the date a "by what date" asks
            rf"\b(by|before|until) ({MONTHS}) (19|20)\d\d\b"
        ),
    ),
    (YEAR, LazyPattern(r"\b(1[89]|20)\d\d\b")),
    (
        TIME,
        LazyPattern(
            r"\b\d{1,2}([:.]\d\d)? ?(am|pm)\b|\b\d{1,2}:\d\d\b|\bo'?clock\b|\bnoon\b|"
            r"\bmidnight\b|\bmidday\b"
        ),
    ),
    (
        DURATION,
        LazyPattern(
            rf"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
            # ("six days a week" is how often, not how long)
            # ("a *125-year-old* carriage" is an age, not how long)
            rf"several|few|many)[ -]{_UNITS}\b(?! a (?:day|week|month|year)\b| per\b|[ -]old\b)|"
            r"\b(for|lasting|over) (the )?"
            # "how long is the corridor?" asks a length: "a 400-metre corridor"
            r"(next|past|last)\b|\b\d[\d,.]*[ -]?(metres?|meters?|miles?|km|kilometres?|"
            r"kilometers?|feet|foot|ft|yards?)\b|\b(?:one|two|three|four|five|six|seven|"
            r"eight|nine|ten|hundred)[ -](metres?|meters?|miles?|feet|yards?)\b|"
            r"\blength\b|\blong\b|"
            # "How long do residents have?": "It is open until 14 November."
            r"\buntil\b"
        ),
    ),
    (
        FREQUENCY,
        LazyPattern(
            r"\b(\w+ times|once|twice) (a|an|per|each|every) (day|week|fortnight|month|year|"
            r"hour|minute|night|morning|evening)\b|\bevery (\w+ )?(minutes?|hours?|days?|"
            r"weeks?|fortnights?|months?|mornings?|evenings?|nights?|weekdays?|weekends?)\b|"
            r"\b(hourly|daily|nightly|weekly|fortnightly|monthly)\b|"
            r"\b(\d|one|two|three|four|five|six|seven) (days?|nights?) a week\b"
        ),
    ),
    (
        REASON,
        LazyPattern(
            r"\b(because|reason|reasons|due to|owing to|as a result|so that|"
            r"in order to|caused|blamed|citing|amid|in the wake of|following)\b"
        ),
    ),
    (
        PLACE,
        LazyPattern(
            # a place's name after a preposition (the place words are in _GIVES_TRIGGERS)
            r"\b(?:in|at|near|from|to|into) (?!(?:Monday|Tuesday|Wednesday|Thursday|"
            r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
            r"August|September|October|November|December)\b)[A-Z]"
        ),
    ),
    (ABBREVIATION, LazyPattern(r"\b(stands for|short for|acronym|abbreviation)\b")),
    (
        PARTY,
        LazyPattern(
            # (read with its capitals: "in labour", "an independent review" name no party)
            r"\b(?:Conservatives?|Tory|Tories|Labour|Liberal Democrats?|Lib Dems?|Green Party|"
            r"Greens|Reform UK|Independent|SNP|Plaid Cymru|UKIP)\b"
        ),
    ),
    (
        AGE,
        STATED_AGE,
    ),
    (PHONE, LazyPattern(r"\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b")),
    (
        CONTACT,
        LazyPattern(
            # a phone number, an email or web address, a postcode
            r"\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b|\S@\S+\.[a-z]|\bwww\.|https?://|"
            r"\.(?:co\.uk|com|org|gov\.uk|nhs\.uk)\b|\b[a-z]{1,2}\d[a-z\d]? \d[a-z]{2}\b"
        ),
    ),
)
# A personal name: a title and a capitalised word, or two capitalised words that are not the
# start of the sentence and not an organisation ("Hertfordshire Constabulary").
_TITLED_NAME = LazyPattern(
    r"\b(Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Professor|Councillor|Cllr|Rev|Inspector|"
    r"Sergeant|Chief Constable|Chief Executive|Superintendent|Judge)\.? [A-Z][a-z]+"
)
_CAPITALISED = LazyPattern(r"(?<!^)(?<![.!?] )\b[A-Z][A-Za-z0-9]+")


_LASTING = frozenset("last lasts lasting run runs running take takes taking continue go".split())


def asked(normalised_question: str) -> str | None:
    """The kind of fact a question asks for (one of KINDS), or None when it is not clear."""
    return asked_with_words(normalised_question)[0]


def asked_with_words(normalised_question: str) -> tuple[str | None, frozenset[str]]:
    """The kind of fact asked for, and the words that asked it ("how *long*", "what *day*"):
    those say what kind of fact is wanted, not what it is about."""
    words = frozenset(normalised_question.split())
    for kind, triggers, pattern in _ASKED:
        if triggers.isdisjoint(words):
            continue
        found = pattern.search(normalised_question)
        if found:
            named = [
                g
                for g in ("asked", "asked2", "asked3", "asked4", "asked5")
                if g in found.re.groupindex
            ]
            asked_by = " ".join(found.group(g) or "" for g in named) if named else found.group()
            if kind == DURATION:
                # "How long will the trial *run*?": the verb asks how long, as "how long" does.
                return kind, frozenset(asked_by.split()) | (words & _LASTING)
            return kind, frozenset(asked_by.split())
    return None, frozenset()


_DIGIT_MARK = frozenset({"<digit>"})
_DISTANCE_WORDS = (
    "metre metres meter meters mile miles km kilometre kilometres feet foot ft yard yards"
)
_UNIT_WORDS = "years year months month weeks week days day hours hour minutes minute decades"
# Words at least one of which a _GIVES pattern needs ("<digit>": any digit in the text); a
# pattern is only tried on a text that has one. PLACE has capitalised names: always tried.
_GIVES_TRIGGERS = {
    NUMBER: frozenset(
        "<digit> one two three four five six seven eight nine ten eleven twelve dozen dozens "
        "hundred hundreds thousand thousands million millions billion half quarter twice "
        "double single all none no".split()
    ),
    WHEN: frozenset(
        f"{DAYS.replace('|', ' ')} {MONTHS.replace('|', ' ')} yesterday today tomorrow "
        f"tonight recently soon shortly later earlier {_UNIT_WORDS} weekend spring summer "
        "autumn winter <digit>".split()
    ),
    DATE: _DIGIT_MARK,
    YEAR: _DIGIT_MARK,
    TIME: frozenset("<digit> clock oclock noon midnight midday".split()),
    DURATION: frozenset(
        f"{_UNIT_WORDS} yrs yr mins min length long next past last until {_DISTANCE_WORDS}".split()
    ),
    FREQUENCY: frozenset(
        "times once twice every hourly daily nightly weekly fortnightly monthly week".split()
    ),
    REASON: frozenset(
        "because reason reasons due owing result so order caused blamed citing amid wake "
        "following".split()
    ),
    ABBREVIATION: frozenset("stands short acronym abbreviation".split()),
    AGE: _DIGIT_MARK,
    PARTY: frozenset(
        "conservative conservatives tory tories labour liberal lib green greens reform "
        "independent snp plaid ukip".split()
    ),
    CONTACT: frozenset("<digit> www http https com org uk".split()),
    PHONE: _DIGIT_MARK,
}
_PEOPLE = LazyPattern(
    r"\b(spokesman|spokeswoman|spokesperson|chief|chiefs|council|councillor|authority|"
    r"authorities|police|force|forces|company|firm|members|group|minister|officials?|"
    r"residents|staff|campaigners|he|she|they)\b"
)

# Someone's words in a text: a verb of speech, or quotation marks.
_SPEECH = frozenset(
    "say says said saying tell tells told stated states according added adds comment "
    "commented comments spokesman spokeswoman spokesperson described describes warned warns "
    "insisted insists admitted admits explained explains confirmed confirms announced "
    "announces claimed claims argued argues vowed vows urged urges replied responded "
    "statement".split()
)


_READ_WITH_CAPITALS = frozenset({PLACE, PARTY})


@lru_cache(maxsize=65536)
def given_by_text(text: str) -> frozenset[str]:
    """The kinds of fact that a text (an answer, a quote) visibly holds."""
    lowered = text.lower()
    words = frozenset(WORDS.findall(lowered))
    if DIGIT.search(text):
        words |= _DIGIT_MARK
    kinds = {
        kind
        for kind, pattern in _GIVES
        if (kind not in _GIVES_TRIGGERS or not _GIVES_TRIGGERS[kind].isdisjoint(words))
        and pattern.search(text if kind in _READ_WITH_CAPITALS else lowered)
    }
    if not PLACE_WORDS.isdisjoint(words):
        kinds.add(PLACE)
    if AGE not in kinds and DIGIT.search(text) and age_by_year(text):
        kinds.add(AGE)  # ("a 1950s diesel shunter", "opened in 1938": an age by its start)
    if _has_name(text):
        kinds.update((NAME, PERSON))
    if _CAPITALISED.search(text) or _PEOPLE.search(lowered):
        kinds.add(PERSON)
    if not _SPEECH.isdisjoint(words) or '"' in text or "\u201c" in text:
        kinds.add(SAID)
    kinds.add(YESNO)
    return frozenset(kinds)


def _has_name(text: str) -> bool:
    """A person's name: a title and a name, or a run of two or three capitalised words that
    starts no sentence and names no organisation or place (its last word says which)."""
    if _TITLED_NAME.search(text):
        return True
    return any(
        2 <= len(run) <= 3 and not ORGANISATION_WORDS.intersection(run)
        for run in capital_runs(text)
    )


def gives(asked_kind: str | None, given: Iterable[str]) -> bool:
    """Whether an entry giving `given` kinds answers a question asking for `asked_kind`."""
    if asked_kind is None or not is_strict(asked_kind):
        return True
    wanted = _SATISFIED_BY.get(asked_kind, {asked_kind})
    return not wanted.isdisjoint(given)


# Kinds of fact a sentence gives visibly enough to say which sentence gives them (a place or a
# name may be given in any words).
_LOCATED = frozenset({NUMBER, TIME, DATE, YEAR, DURATION, AGE, FREQUENCY})
# A text's sentences, and the parts of one a semicolon or a conjunction joins.
# ("…at 7pm on Thursday, *and the* committee will review it on 12 February": a new subject)
_SENTENCES = LazyPattern(
    r"(?<=[.!?])\s+(?=[A-Z\"\u201c])|;\s*|,\s+(?:and|but)\s+(?=(?:the|its|their|it|they)\s)"
    r"|,?\s+before\s+(?=(?:the|its|their|it|they)\s)|,?\s+(?:while|whereas)\s+"
)


def fact_apart(
    asked_kind: str | None, text: str, subject_stems: Collection[str], money: bool = False
) -> bool:
    """Whether a text of several sentences gives the kind of fact asked only in sentences that
    say nothing of what the question is about, while another sentence does ("What time do the
    drop-in sessions start?" of "The consultation is open until 5pm. Drop-in sessions will be
    held at the library on 28 October."): the time given is something else's. Asked how much
    money, only sums count ("How much has been pledged?" of "shares at £50 each; more than 300
    people have pledged")."""
    if asked_kind not in _LOCATED or not subject_stems:
        return False
    parts = [part for part in _SENTENCES.split(text) if part.strip()]
    if len(parts) < 2:
        return False
    shared = [
        len({stem(w) for w in WORDS.findall(part.lower())} & set(subject_stems)) for part in parts
    ]
    giving = [
        A_SUM.search(part) is not None if money else gives(asked_kind, given_by_text(part))
        for part in parts
    ]
    if not any(giving) or not any(shared):
        return False
    # The part most about the question (by two words or more) must give it: "a meeting at the
    # Town Hall on 8 December at 7pm, and the police and crime panel will consider it on 29
    # January", asked when the panel meeting starts.
    most = max(shared)
    closest = [g for n, g in zip(shared, giving, strict=True) if n == most]
    others = [n for n, g in zip(shared, giving, strict=True) if g]
    return not any(closest) and (max(others) == 0 or (most >= 2 and most > max(others)))


# Kinds precise enough to decline on: asking "how long" of an amount is a near miss. A reason
# or a person is too often given in words no pattern sees ("while the equipment is moved").
STRICT = frozenset(KINDS) - {PERSON, REASON, YESNO}


def is_strict(asked_kind: str | None) -> bool:
    return asked_kind in STRICT


def speaker_asked(normalised_question: str) -> list[str]:
    """Whose words a question asks for: "what did *G4S* say…", "what has *the council* said"."""
    found = _SAID_ASKED.search(normalised_question)
    return (found.group("speaker") or found.group("speaker2")).split() if found else []
