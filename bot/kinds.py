"""The kind of fact a question asks for, and the kinds of fact an entry's answer gives.

"How many years would the contract last?" asks for a duration; an entry whose answer is
"Up to £77m a year" gives an amount, so however many words they share, it does not answer the
question, and the engine says so honestly instead of answering something else.

Kinds are read from a question's opening words ("how long", "who", "what date"). An entry
gives the kinds its own question wordings ask for, the kinds its answer visibly holds (a number,
a day, a name, a reason), and any it declares in the knowledge (`answers: [date, place]`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache

from bot.lazyre import LazyPattern
from bot.text import CALENDAR_WORDS, is_content_word, stem

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

_MONTHS = "|".join(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_DAYS = "|".join("monday tuesday wednesday thursday friday saturday sunday".split())
# "aged 67", "a 67-year-old", "67 years old", "Derek Hollins, 67, said"
_STATED_AGE = LazyPattern(r"\baged? (of )?\d|\b\d{1,3}[ -]years?[ -]old\b|[a-z], \d{1,3}, [a-z]")
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
            rf"\b({_DAYS}|{_MONTHS}|yesterday|today|tomorrow|tonight|recently|soon|"
            r"shortly|later this|earlier this)\b|\b(next|last|this|early|late|"
            r"coming) (week|weekend|month|year|spring|summer|autumn|winter)\b|"
            r"\b(in|by|since|until|from) (\d{4}|the (spring|summer|autumn|winter))\b|"
            r"\b(days?|weeks?|months?|years?) (ago|later|earlier)\b"
        ),
    ),
    (
        DATE,
        LazyPattern(
            rf"\b\d{{1,2}}(st|nd|rd|th)? ({_MONTHS})\b|\b({_MONTHS}) \d{{1,2}}\b|"
            r"\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|"
            # a deadline's month ("by March 2027"): the date a "by what date" asks
            rf"\b(by|before|until) ({_MONTHS}) (19|20)\d\d\b"
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
        _STATED_AGE,
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
# Runs of capitalised words: "Janet Ormerod", "Ashworth Amateur Swimming Club".
_CAPITAL_RUN = LazyPattern("\\b[A-Z][a-z'\u2019]+(?: [A-Z][a-z'\u2019]+)+\\b")
_ORGANISATION_WORDS = frozenset(
    "Police Constabulary Council Authority Authorities Group Trust Hospital Centre Center "
    "Road Street Lane Avenue Ward Unit Pool Park Service Services Office Department Committee "
    "Board Company Limited Ltd Party Association Union Club School College University Games "
    "Charity Appeal Programme Fund Society Partnership Alliance Commission Centre Theatre "
    "Library Museum Church Cathedral Airport Bridge Square Market Forces Force Pupils "
    "Station Line Railway Court House Hall Church Bank Fund Foundation Agency "
    # a role or a branch of government, not someone's name ("Secretary of State for Local
    # Government")
    "Government State Secretary Ministry Minister Parliament Cabinet Communities".split()
)
# "Which *council*…", "which *road*…": a kind of thing a text names reliably (named_things), so
# an entry naming none does not answer it.
# (Not "which company", "force", "group" or "school": "Harrowden Coaches", "Herts police", "the
# joint working group" name them in words named_things does not read.)
NAMED_KINDS = frozenset(
    "council trust hospital road street lane avenue church station university ward".split()
)

# Those of them that are bodies of people: "Thorpeley Town Council and the Environment Agency"
# answer "which organisations…".
_BODIES = frozenset(
    "Police Constabulary Council Authority Group Trust Service Office Department Committee "
    "Board Company Limited Ltd Party Association Union Club Charity Society Partnership "
    "Alliance Commission Fund Foundation Agency".split()
)
# Kinds of place named before the name: "River Wenlow", "Mount Snowdon".
_NAMED_FIRST = frozenset("River Lake Loch Mount Port Forest Isle".split())
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


_WORDS = LazyPattern(r"[a-z0-9]+")
_DIGIT = LazyPattern(r"\d")
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
        f"{_DAYS.replace('|', ' ')} {_MONTHS.replace('|', ' ')} yesterday today tomorrow "
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
_PLACE_WORDS = frozenset(
    "road street lane avenue hall centre center building site town city village county room "
    "floor ward hospital station park square".split()
)
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
    words = frozenset(_WORDS.findall(lowered))
    if _DIGIT.search(text):
        words |= _DIGIT_MARK
    kinds = {
        kind
        for kind, pattern in _GIVES
        if (kind not in _GIVES_TRIGGERS or not _GIVES_TRIGGERS[kind].isdisjoint(words))
        and pattern.search(text if kind in _READ_WITH_CAPITALS else lowered)
    }
    if not _PLACE_WORDS.isdisjoint(words):
        kinds.add(PLACE)
    if AGE not in kinds and _DIGIT.search(text) and age_by_year(text):
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
        2 <= len(run) <= 3 and not _ORGANISATION_WORDS.intersection(run)
        for run in _capital_runs(text)
    )


def _capital_runs(text: str) -> Iterator[list[str]]:
    """The runs of capitalised words in a text, each without a first word that is only
    capitalised as a sentence's start."""
    for found in _CAPITAL_RUN.finditer(text):
        run = found.group().split()
        yield run[1:] if _starts_sentence(text, found.start()) else run


def _starts_sentence(text: str, offset: int) -> bool:
    """Whether the word at `offset` begins a sentence (or a quotation, or follows a colon)."""
    before = text[:offset].rstrip()
    return not before or before[-1] in '.!?:"\u201c'


def _without_possessive(word: str) -> str:
    """A word without its possessive ending: "Regal's" -> "Regal"."""
    return re.sub("['\u2019]s?$", "", word)


# One sum for several things: "£310,000 a year, to fund enforcement officers, resurfacing of
# the car park and 40 charging points".
_SUM_FOR = LazyPattern(
    r"\b(?:to fund|to pay for|pays for|to cover|covering|covers|goes on|go on|spent on|towards|"
    r"for|on)"
    r"\b([^.;:£]+)"
)
_ITEM_SPLIT = LazyPattern(r",\s*(?:and\s+)?|\s+and\s+")


# A sum given towards something: "a £65,000 grant", "£20,000 towards the roof".
_TOWARDS = LazyPattern(
    r"£[\d,.]+\s?(?:m|k|bn|million|billion)?\s+(?:\w+\s+)?(?:grant|donation|contribution|"
    r"loan|towards)\b|\b(?:grant|donation|contribution|loan) of £"
)
_SUM = LazyPattern(r"£[\d,.]+")
_COST_STEMS = frozenset(map(stem, "cost costs price total spend spent bill".split()))
_HELP_STEMS = frozenset(
    map(
        stem,
        "grant grants fund funds funding funded donation donations contribution contributions "
        "contribute loan loans towards pay paid paying".split(),
    )
)


def only_help_towards(text: str, question_stems: Collection[str]) -> bool:
    """Whether a question asks what something costs and the text's only sums are grants or
    contributions towards it ("how much will the heat pump cost" of "a heat pump helped by a
    £65,000 grant"): a part of the cost, not the cost."""
    if _COST_STEMS.isdisjoint(question_stems) or not _HELP_STEMS.isdisjoint(question_stems):
        return False
    sums = len(_SUM.findall(text))
    return sums > 0 and len(_TOWARDS.findall(text)) >= sums


# "£310,000 towards the appeal, *including a 26-mile sponsored walk*": the items a figure
# includes, each up to the next comma, "and" or the clause's end.
_INCLUDING = LazyPattern(r"\bincluding\b([^.;:]*)")


def only_in_a_total(text: str, question_stems: Collection[str], counting: bool) -> bool:
    """Whether what a question asks a figure of (`counting`: it asks how many or how much; or
    its words name a figure, "amount raised") is only named among the things a figure
    includes, with no figure of its own ("sponsored walk amount raised" of "£310,000,
    including a 26-mile sponsored walk"); "including £30,000 for the refit" gives one."""
    if not counting and _FIGURE_STEMS.isdisjoint(question_stems):
        return False
    lowered = text.lower()
    subject_stems = set(question_stems) - _FIGURE_STEMS
    for found in _INCLUDING.finditer(lowered):
        before = {stem(w) for w in _WORDS.findall(lowered[: found.start()])}
        if not _DIGIT.search(lowered[: found.start()]) or not before.isdisjoint(subject_stems):
            continue
        for item in _ITEM_SPLIT.split(found.group(1)):
            words = _WORDS.findall(item)
            named = {stem(w) for w in words if not w.isdigit()}
            if not named.isdisjoint(subject_stems):
                return not _A_SUM.search(item) and not _OWN_FIGURE.search(item)
    return False


# Words asking for a figure, not what it is of ("sponsored walk *amount raised*").
_FIGURE_STEMS = frozenset(
    map(stem, "amount raised raise cost costs total number figure money sum spent spend".split())
)
# A figure of an item's own ("12 of them"), not a measure describing it ("a *26-mile* walk").
_OWN_FIGURE = LazyPattern(r"(?<![\w-])\d[\d,.]*(?![\d,.]*-)")


def one_of_several(text: str, question_stems: Collection[str]) -> bool:
    """Whether a text gives one sum for three or more things and the question is about one of
    them alone ("How much will resurfacing the car park cost?"): the text does not say."""
    lowered = text.lower()
    if lowered.count("£") != 1:
        return False
    after_sum = lowered[lowered.index("£") :].split(".")[0]
    for found in _SUM_FOR.finditer(after_sum):
        items = [
            {stem(w) for w in _WORDS.findall(item) if is_content_word(w) and not w.isdigit()}
            for item in _ITEM_SPLIT.split(found.group(1))
        ]
        items = [item for item in items if item]
        if len(items) >= 3:
            touched = [item for item in items if not item.isdisjoint(question_stems)]
            return len(touched) == 1
    return False


def names_beyond(text: str, question_stems: Collection[str]) -> bool:
    """Whether a text names anyone or anything a question does not ("What's Margaret Pellow's
    father called?" of a text naming only Margaret Pellow gives no name)."""
    return any(
        stem(_without_possessive(word).lower()) not in question_stems
        for run in _capital_runs(text)
        for word in run
    )


def places_beyond(text: str, question_stems: Collection[str]) -> bool:
    """Whether a text names a place a question does not ("Where will the 42 stop instead of
    Bridge Street?" of "stop calling at Bridge Street" gives none)."""
    for found in _TEXT_WORDS.finditer(text):
        word = found.group()
        if word[0].isupper() and word != "I" and not _starts_sentence(text, found.start()):
            lowered = _without_possessive(word).lower()
            if lowered not in CALENDAR_WORDS and stem(lowered) not in question_stems:
                return True
    words = _WORDS.findall(text.lower())
    return not _RELATIVE_PLACE.isdisjoint(words) or any(
        (word in _PLACE_WORDS or word in _PLACE_NOUNS) and stem(word) not in question_stems
        for word in words
    )


# More places a text may name without capitals ("we swam in the open-air *lido*").
_PLACE_NOUNS = frozenset(
    "pool lido library school church chapel pub cafe shop museum theatre cinema stadium ground "
    "field farm estate quay harbour beach garden gardens depot warehouse office academy college "
    "university court house bridge club basin marina yard".split()
)
# ("will be installed 40 metres *downstream*": a place, by where it is from another)
_RELATIVE_PLACE = frozenset(
    "downstream upstream opposite beside alongside nearby north south east west northeast "
    "northwest southeast southwest".split()
)


# "What's the name of the *spokesperson*", "lead *inspector* name", "who was the *farmer*
# that found it": the role whose holder is asked. A text answers it only by naming someone
# beside that role ("home manager Claire Benson"), not by mentioning the role alone ("a
# Brightplate spokesperson said").
# Kinds of organisation, which a text names when it gives one ("Balfour Beatty", "Barclays").
ORGANISATIONS = frozenset(
    "company companies firm firms contractor contractors builder builders developer developers "
    "supplier suppliers operator operators bank banks agency consultancy charity business "
    "manufacturer manufacturers".split()
)
# Things known by their names ("which film", "what app"), organisations among them, and people
# known by their office ("*which councillors* abstained").
# Of them, things that are neither people nor organisations: a name stands right by one.
_OBJECTS = (
    "film movie book song album play show musical app website brand ship vessel boat hotel "
    "restaurant pub cafe shop supermarket newspaper magazine"
)
_NAMED_THINGS = ORGANISATIONS | frozenset(
    f"{_OBJECTS} band team club provider caterer architect insurer airline councillor "
    "councillors mp mps minister ministers member members".split()
)
_ROLE_ASKED = (
    LazyPattern(
        r"\bnames? of (?:the |a |an |this |that |its |their |his |her )?"
        r"(?P<words>(?:[a-z]+ ){0,3}[a-z]+)"
    ),
    LazyPattern(
        # ("who was *council leader* before…": the office without "the" too; bot.query drops
        # a role that is a name the question gives, "who is Claire Benson")
        r"\bwho (?:is|was|s|will be|would be|are|were) (?:(?:the|their|its) )?"
        r"(?P<words>(?:[a-z]+ ){0,3}[a-z]+)"
    ),
    LazyPattern(r"\b(?P<before>[a-z]+)(?: s)? names?\b"),
    # "*which developer* is building the homes", "*what film* will be shown last"
    LazyPattern(
        r"\b(?:what|which) (?:(?:two|three|four|five|other|\d+) )?(?:(?P<modifier>[a-z]+) )?"
        rf"(?P<thing>{'|'.join(sorted(_NAMED_THINGS, key=len, reverse=True))})\b"
    ),
    # "*who chairs* the committee", "who heads it": the holder of an office a verb names
    # ("who *voted* against it": members, by their names)
    LazyPattern(
        r"\bwho (?:will |would |is going to )?(?P<verb>chairs|chaired|chair|heads|headed|head|"
        r"leads|led|lead|founded|owns|owned|voted|abstained)\b"
    ),
)
# The office a verb names: "chairs" -> "chair".
_OFFICE_OF = {
    "chairs": "chair",
    "chaired": "chair",
    "chair": "chair",
    "head": "head",
    "lead": "leader",
    "heads": "head",
    "headed": "head",
    "leads": "leader",
    "led": "leader",
    "founded": "founder",
    "owns": "owner",
    "owned": "owner",
    "voted": "member",
    "abstained": "member",
}
# Words before "name" that say which name, not whose ("full name"), and roles anyone fills.
_NOT_ROLES = frozenset(
    "first full last real maiden official proper exact actual whats what the a an your my his "
    "her their its person people man woman one ones someone guy lady".split()
)
_PREPOSITIONS = frozenset(
    "against behind besides about over under after before near without within across around "
    "between into onto from with for of on in at by to".split()
)
ROLE_WINDOW = 6  # words either side of the role a name may stand
# A thing's name stands right by it ("the *Regal Picture House*", "a minibus called *Wealdmoor
# Link*"); a person's or a company's may be a clause away ("Tom Fairweather, who chairs the
# trust", "a plan with Northgate Retail fell through when the company pulled out").
THING_WINDOW = 3


_WHO_IS_THE = LazyPattern(r"\bwho (?:is|was|s|will be|would be|are|were) (?:the|their|its) ")


def names_the_office(normalised_question: str) -> bool:
    """Whether a question asks who holds an office it names with "the" ("who is *the*
    manager"), not who someone is ("who is Claire Benson")."""
    return _WHO_IS_THE.search(normalised_question) is not None


def role_asked(normalised_question: str) -> str | None:
    """The stem of the role whose holder's name a question asks ("spokesperson"), if any."""
    if not any(word in normalised_question for word in ("name", "who", "what", "which")):
        return None
    for pattern in _ROLE_ASKED:
        found = pattern.search(normalised_question)
        if found is not None:
            break
    else:
        return None
    if "verb" in found.groupdict():
        role = _OFFICE_OF[found.group("verb")]
    elif "thing" in found.groupdict():
        modifier = found.group("modifier")
        if modifier is not None and not is_content_word(modifier):
            return None  # "what *about* business support": no thing asked for by name
        role = found.group("thing")
    elif "before" in found.groupdict():
        role = found.group("before")
    else:
        head: list[str] = []
        words = found.group("words").split()
        bare = pattern is _ROLE_ASKED[1] and not names_the_office(found.group())
        if bare and (not is_content_word(words[0]) or words[0].endswith(("ing", "ed"))):
            return None  # "who is *rumoured* to…", "who is *in* charge": no office named
        for word in words:
            content = is_content_word(word) and not word.isdigit() and word not in _PREPOSITIONS
            # the role's noun phrase ends at a function word or a verb ("the church *on* Mill
            # Lane"); "the *other three new* stops" begins it
            if head and (not content or word.endswith(("ing", "ed"))):
                if pattern is _ROLE_ASKED[1] and word.endswith(("ing", "ed")):
                    return None  # "who are the police *thinking* of…": the police do, not are
                break
            if content:
                head.append(word)
        if not head:
            return None
        role = head[-1]
    if role in _NOT_ROLES or not is_content_word(role) or role.isdigit():
        return None
    return stem(role)


_TEXT_WORDS = LazyPattern(r"[A-Za-z][A-Za-z0-9'\u2019-]*")


def names_role(text: str, role: str, question_stems: Collection[str]) -> bool:
    """Whether a text names someone beside the role asked ("manager Claire Benson", "Tom
    Fairweather, the new manager"), by a name the question does not already give; when it
    never mentions the role, whether it names anyone the question does not. A role people hold
    ("husband", "manager") needs a person's name: two capitalised words, or a title and one
    ("met her late husband in the Regal's queue" names no husband)."""
    found = list(_TEXT_WORDS.finditer(text))
    tokens = [token.group() for token in found]
    places = [i for i, token in enumerate(tokens) if stem(token.lower()) == role]
    person = role in _PERSON_ROLES
    window = THING_WINDOW if role in _THINGS else ROLE_WINDOW
    spans = [range(i - window, i + window + 1) for i in places] or [range(len(tokens))]
    upper = [token[0].isupper() and token != "I" for token in tokens]
    for j, word in enumerate(tokens):
        if not upper[j] or j in places or not any(j in span for span in spans):
            continue
        lowered = _without_possessive(word).lower()
        # capitalised as a sentence's start, unless a name's first word ("*Downland* Water
        # announced…")
        if _starts_sentence(text, found[j].start()) and not (
            j + 1 < len(tokens)
            and upper[j + 1]
            and is_content_word(lowered)
            and stem(lowered) not in _PERSON_ROLES  # ("*Chair* Tom Fairweather")
        ):
            continue
        if lowered in CALENDAR_WORDS or stem(lowered) in question_stems:
            continue
        if person and not _in_personal_name(tokens, upper, j):
            continue
        # ("which club is she training with" of "won at the championships *in Dunmouth*": a
        # place, where the text never says "club")
        if (window == THING_WINDOW or not places) and _at_a_place(tokens, upper, j):
            continue
        return True
    return False


_THINGS = frozenset(map(stem, _OBJECTS.split()))


# Roles people hold, whose holder a text names by a person's name.
_PERSON_ROLES = frozenset(
    stem(word)
    for word in (
        "husband wife partner son daughter father mother dad mum brother sister widow manager "
        "spokesperson spokesman spokeswoman chairman chairwoman inspector farmer director "
        "headteacher teacher owner founder organiser leader councillor minister officer doctor "
        "nurse driver secretary boss landlord architect engineer designer artist author "
        "presenter captain coach player resident winner victim member chair"
    ).split()
)
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


# Words of which one excludes the others: "the response target *for rural areas*" is not given
# by "a target of 15 minutes *for urban areas*".
_ALTERNATIVES = (
    ("rural", "urban"),
    ("weekday", "weekend"),
    ("weekdays", "weekends"),
    ("indoor", "outdoor"),
    ("primary", "secondary"),
    ("inbound", "outbound"),
    ("upstairs", "downstairs"),
    ("permanent", "temporary"),
    ("peak", "off-peak"),
    ("full-time", "part-time"),
    ("national", "regional", "county"),
)
_OPPOSITES = {word: frozenset(group) - {word} for group in _ALTERNATIVES for word in group}
_HYPHENATED = LazyPattern(r"[a-z]+(?:-[a-z]+)?")


def opposites_named(text: str) -> frozenset[str]:
    """The words of a pair of opposites a text uses ("rural", "weekend")."""
    return frozenset(w for w in _HYPHENATED.findall(text.lower()) if w in _OPPOSITES)


def names_only_opposites(asked: Collection[str], text: str) -> bool:
    """Whether a text names the opposite of a word asked and not the word itself."""
    given = opposites_named(text)
    return any(not _OPPOSITES[word].isdisjoint(given) and word not in given for word in asked)


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


# "Six fire engines *from Millbeck, Tarnside and Carlow*": one figure for several places, which
# does not say how many came from one of them.
_PLACES_LISTED = LazyPattern(
    r"(?:\d|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"hundreds?)\b)[^.;]{0,60}?\b(?:from|in|at|across)\s+"
    r"((?:[A-Z][\w']+(?:\s[A-Z][\w']+)*,\s)*[A-Z][\w']+(?:\s[A-Z][\w']+)*"
    r"\s(?:and|or)\s[A-Z][\w']+(?:\s[A-Z][\w']+)*)"
)


def one_of_places_counted(text: str, question_stems: Collection[str]) -> bool:
    """Whether a text gives one figure for several places and the question names one of them
    ("how many engines came from Tarnside" of "six engines from Millbeck, Tarnside and
    Carlow")."""
    for found in _PLACES_LISTED.finditer(text):
        places = re.split(r",\s|\s(?:and|or)\s", found.group(1))
        named = [
            p for p in places if not {stem(w.lower()) for w in p.split()}.isdisjoint(question_stems)
        ]
        if len(places) >= 2 and len(named) == 1:
            return True
    return False


def is_office(role: str) -> bool:
    """Whether a role's stem is an office people hold ("councillor", "manager"), which a
    capitalised title in an article ("Councillor Ann Lee") does not make a name."""
    return role in _PERSON_ROLES


_TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Sir Dame Lord Lady Prof Professor Councillor Cllr Rev Judge".split()
)


def _in_personal_name(tokens: list[str], upper: list[bool], j: int) -> bool:
    """Whether the capitalised word at `j` is part of a person's name: beside another
    capitalised word in a run naming no organisation or place, or after a title."""
    if j > 0 and tokens[j - 1] in _TITLES:
        return True
    first = j
    while first > 0 and upper[first - 1]:
        first -= 1
    last = j
    while last + 1 < len(tokens) and upper[last + 1]:
        last += 1
    run = [_without_possessive(token) for token in tokens[first : last + 1]]
    return (
        len(run) >= 2 and _ORGANISATION_WORDS.isdisjoint(run) and not _at_a_place(tokens, upper, j)
    )


_PLACE_PREPOSITIONS = frozenset("at in near outside inside".split())


def _at_a_place(tokens: list[str], upper: list[bool], j: int) -> bool:
    """Whether the capitalised word at `j` is in a run after "at", "in" or "near": a place
    ("found by a farmer *at Cragg Edge*", "four pubs *in Ashcombe*")."""
    first = j
    while first > 0 and upper[first - 1]:
        first -= 1
    return first > 0 and tokens[first - 1] in _PLACE_PREPOSITIONS


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


# "What's the *minimum* fine?" of "Up to £1,000": one bound of a figure, asked of a text that
# gives only the other.
_BOUND_ASKED = {
    "least": LazyPattern(r"\b(?:minimum|min|lowest|smallest|at least|least)\b"),
    "most": LazyPattern(r"\b(?:maximum|max|highest|largest|biggest|at most|upper limit)\b"),
}
_BOUND_GIVEN = {
    "least": LazyPattern(r"\b(?:at least|minimum|no less than|no fewer than|a min)\b"),
    "most": LazyPattern(r"\b(?:up to|maximum|at most|no more than|as much as|capped)\b"),
}


def bound_asked(normalised_question: str) -> str | None:
    """Which bound of a figure a question asks ("least" or "most"), None for neither or both."""
    found = [name for name, pattern in _BOUND_ASKED.items() if pattern.search(normalised_question)]
    return found[0] if len(found) == 1 else None


def gives_other_bound(asked: str, text: str) -> bool:
    """Whether a text gives a figure's other bound only ("up to £1,000", asked the least)."""
    lowered = text.lower()
    other = "most" if asked == "least" else "least"
    return (
        _BOUND_GIVEN[other].search(lowered) is not None
        and _BOUND_GIVEN[asked].search(lowered) is None
    )


# "The council meeting *on April 9*": a day the question names, which a text giving another
# day's facts ("Thursday, April 3, at 7pm") does not answer.
_DAY_OF_MONTH = LazyPattern(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{_MONTHS})\b|"
    rf"\b(?P<month2>{_MONTHS}) (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b"
)


def days_named(text: str) -> frozenset[str]:
    """The days of a month a text names, as "9 apr" ("April 9", "9th of April")."""
    if _DIGIT.search(text) is None:
        return frozenset()
    lowered = text.lower()
    found = set()
    for match in _DAY_OF_MONTH.finditer(lowered):
        day = match.group("day") or match.group("day2")
        month = match.group("month") or match.group("month2")
        found.add(f"{int(day)} {month[:3]}")
    return frozenset(found)


# "Category *three*", "Band *A*", "zone *F*": one of a numbered or lettered series, which a text
# about another of the series ("category two", "Band D") does not answer.
_SERIES_NOUNS = (
    "category|categories|band|bands|zone|zones|route|routes|phase|stage|tier|platform|gate|"
    "junction|level|grade|ward|block|unit"
)
# (A letter only as a capital in a text: "level a" is no level A; questions are read in lower
# case, where "band a" is.)
_DESIGNATOR = (
    r"(?:\d{1,3}[A-Za-z]?|[A-H]|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve))"
)
_SERIES = LazyPattern(
    rf"\b(?P<noun>(?i:{_SERIES_NOUNS})),? (?P<first>{_DESIGNATOR})\b"
    rf"(?:(?:, | and | or | to |-)(?:{_DESIGNATOR})\b)*"
)
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
# (Each series noun's first letters, "categor" for category and categories: looked for before
# the pattern is compiled.)
_SERIES_HINTS = frozenset(noun[:7] for noun in _SERIES_NOUNS.split("|"))


def series_named(text: str, question: bool = False) -> frozenset[str]:
    """The members of numbered or lettered series a text names, as "category 2", "band a"
    ("zones F and G": "zone f", "zone g"). A question (in lower case) may name a letter so."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _SERIES_HINTS):
        return frozenset()
    searched = re.sub(r"\b([a-h])\b", lambda m: m.group().upper(), text) if question else text
    found = set()
    for match in _SERIES.finditer(searched):
        noun = match.group("noun").lower()
        noun = "category" if noun == "categories" else noun.removesuffix("s")
        rest = match.group()[len(match.group("noun")) :]
        for designator in re.findall(_DESIGNATOR, rest):
            designator = designator.lower()
            found.add(f"{noun} {_NUMBER_WORDS.get(designator, designator)}")
    return frozenset(found)


def other_of_series(asked: Collection[str], text: str) -> bool:
    """Whether a text names other members of the series a question names, and not those asked
    ("category three" of a text about category two)."""
    given = series_named(text)
    nouns = {member.split()[0] for member in asked}
    return any(member.split()[0] in nouns for member in given) and not set(asked) <= given


# "What was the response time *in December*": a month the question asks about, which a text
# giving another month's figure ("9 minutes 48 seconds in January") does not answer.
_MONTH_NAMES = _MONTHS.split("|")[:12]
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


def other_months(asked: Collection[str], text: str) -> bool:
    """Whether a text names months, none of them one the question asks about."""
    given = {found.group()[:3].lower() for found in _MONTH_GIVEN.finditer(text)}
    return bool(given) and given.isdisjoint(asked)


_WEEKDAYS = frozenset(_DAYS.split("|"))


def weekdays_named(text: str) -> frozenset[str]:
    """The days of the week a text names ("by *Friday*", "on *Sundays*")."""
    return _WEEKDAYS.intersection(word.removesuffix("s") for word in _WORDS.findall(text.lower()))


def other_weekdays(asked: Collection[str], text: str) -> bool:
    """Whether a text names days of the week, none of them one the question asks about
    ("raised by Friday" of "by Wednesday evening")."""
    given = weekdays_named(text)
    return bool(given) and given.isdisjoint(asked)


_SEASONS = frozenset("spring summer autumn winter".split())


def seasons_named(text: str) -> frozenset[str]:
    """The seasons a text names ("in the *winter* months")."""
    return _SEASONS.intersection(_WORDS.findall(text.lower()))


def other_seasons(asked: Collection[str], text: str) -> bool:
    """Whether a text names seasons, none of them one the question asks about."""
    given = seasons_named(text)
    return bool(given) and given.isdisjoint(asked)


# "How many beds *in total*" of "22 *extra* beds": a number added, not the whole.
_TOTAL_ASKED = LazyPattern(r"\b(?:total|totals|altogether|overall|in all|all together)\b")
_INCREMENT = frozenset("extra more additional further new fewer".split())
_TOTAL_GIVEN = LazyPattern(
    r"\b(?:total|in all|altogether|overall)\b|\b(?:bringing|taking|raising)\b[^.;]{0,40}\bto\b"
)


def total_asked(normalised_question: str) -> bool:
    """Whether a question asks for a whole ("total beds", "how many in total")."""
    return _TOTAL_ASKED.search(normalised_question) is not None


def only_increments(text: str, counted_stems: Collection[str]) -> bool:
    """Whether every count a text gives of what is asked is of some added or taken away
    ("opened 22 extra beds", "10 extra ambulances"), so that it gives no total."""
    lowered = text.lower()
    if _TOTAL_GIVEN.search(lowered):
        return False  # "bringing the total in the town centre to seven"
    words = _WORDS.findall(lowered)
    counts = []
    for i, word in enumerate(words):
        if not _NUMBER_TOKEN.fullmatch(word):
            continue
        following = words[i + 1 : i + 5]
        if any(stem(w) in counted_stems for w in following):
            # ("cracked *three of its* columns": a part, no more a total than "22 extra beds")
            counts.append(bool(following) and following[0] in _INCREMENT | {"of"})
    return bool(counts) and all(counts)


def only_parts_of_a_sum(text: str) -> bool:
    """Whether a text gives several sums and no total ("£1.85 million from the Lottery and
    £900,000 from the council", asked the total price tag)."""
    lowered = text.lower()
    return (
        len(_SUM.findall(text)) >= 2
        and not _TOTAL_GIVEN.search(lowered)
        and not _A_WHOLE_SUM.search(lowered)  # "£1.24m, including…", "the full project cost"
    )


_A_WHOLE_SUM = LazyPattern(
    r"£[\d,.]+\s?\w*,? (?:including|of which|which includes)\b|\b(?:full|whole|entire) "
    r"(?:\w+ )?(?:cost|bill|project|scheme)\b"
)


# "A *child* ticket", "a *return*", "a *family* ticket": a kind of ticket or fare, which a text
# pricing only others ("an adult single", "a weekly season ticket") does not price.
_TICKET_WORDS = frozenset(
    "ticket tickets fare fares pass passes admission entry price prices".split()
)
_TICKET_KINDS = {
    "adult": "adult",
    "adults": "adult",
    "child": "child",
    "children": "child",
    "childs": "child",
    "kids": "child",
    "kid": "child",
    "concession": "concession",
    "concessions": "concession",
    "senior": "senior",
    "pensioner": "senior",
    "pensioners": "senior",
    "family": "family",
    "student": "student",
    "students": "student",
    "return": "return",
    "returns": "return",
    "single": "single",
    "singles": "single",
    "season": "season",
    "weekly": "weekly",
    "monthly": "monthly",
    "annual": "annual",
    "day": "day",
    "group": "group",
}


def ticket_kinds(text: str) -> frozenset[str]:
    """The kinds of ticket or fare a text names ("an adult single": adult, single)."""
    words = _WORDS.findall(text.lower())
    if _TICKET_WORDS.isdisjoint(words) and "£" not in text:
        return frozenset()
    return frozenset(_TICKET_KINDS[w] for w in words if w in _TICKET_KINDS)


def other_tickets(asked: Collection[str], text: str) -> bool:
    """Whether a text prices kinds of ticket, none of them the kind asked ("a child ticket" of
    "an adult single costs £4.20")."""
    if "£" not in text:
        return False
    given = ticket_kinds(text)
    if not given:
        # a sum with no ticket, fare or pass in sight prices something else ("£6.8m.")
        return _TICKET_WORDS.isdisjoint(_WORDS.findall(text.lower()))
    return given.isdisjoint(asked)


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
    words = frozenset(_WORDS.findall(lowered))
    other = "end" if asked_end == "start" else "start"
    if not words.isdisjoint(_ENDS[asked_end]):
        return False
    # An event "at 7pm" starts then: asked when it finishes, that is the other end.
    return not words.isdisjoint(_ENDS[other]) or (
        asked_end == "end" and _AT_A_TIME.search(lowered) is not None
    )


_AT_A_TIME = LazyPattern(r"\bat \d{1,2}(?:[.:]\d\d)?\s?(?:am|pm)\b")
_RANGE = LazyPattern(r"\b(?:from|between)\b[^.;]{1,40}?\b(?:to|until|till|and)\b")


# A sum aimed at, and words saying how much has come in.
_TARGET_WORDS = frozenset("target targets aim aims aiming goal hopes hoping needs need".split())
_PROGRESS = LazyPattern(r"\b(?:so far|to date|already|raised|collected|pledged|received)\b")


def gives_only_target(text: str) -> bool:
    """Whether a text gives what is aimed at and nothing of what has been reached ("a target
    of £50,000"), which does not say how much was raised so far."""
    return _aims_without_reaching(text, _TARGET_WORDS, _PROGRESS)


def _aims_without_reaching(text: str, aims: frozenset[str], reached: LazyPattern) -> bool:
    """Whether a text has a word of aiming and none of reaching."""
    lowered = text.lower()
    return not aims.isdisjoint(_WORDS.findall(lowered)) and not reached.search(lowered)


# "Did they *actually manage to* provide…", "how many did they *eventually* supply": what was
# achieved; a figure required, planned or aimed at ("as required by LOCOG") does not say it.
_ACHIEVED_WORDS = frozenset(
    "actually manage managed eventually finally really currently presently".split()
)
_AIMED_WORDS = frozenset(
    "target targets aim aims aimed goal required require requires requirement supposed meant "
    "expected planned wanted hoped".split()
)
# What was achieved is asked in the past ("how many *did* they manage…", "have they actually").
_PAST = frozenset("did was were had has have managed".split())
_REACHED = LazyPattern(
    r"\b(?:so far|to date|already|raised|collected|pledged|received|provided|supplied|"
    r"delivered|achieved|managed|recruited|hired|found|sent|only)\b|"
    # "250 *of the* 400 required"
    r"\b\d[\d,]* of (?:the|its|their)\b"
)


_RIGHT_NOW = LazyPattern(r"\b(?:right now|at the moment|at present|as things stand)\b")


def achieved_asked(words: Collection[str]) -> bool:
    """Whether a question asks what was achieved ("how many did they actually manage to
    provide"), not what was aimed at (it says neither "required" nor "supposed")."""
    # ("what is the handover time *right now*": what it is, not what is aimed at)
    now = "currently" in words or "presently" in words or _RIGHT_NOW.search(" ".join(words))
    return (
        bool(now) or (not _ACHIEVED_WORDS.isdisjoint(words) and not _PAST.isdisjoint(words))
    ) and _AIMED_WORDS.isdisjoint(words)


_AIM_ASKED = frozenset("need needs needed target targets aim aiming goal".split())
_AIM_GIVEN = (
    _AIMED_WORDS
    | _AIM_ASKED
    | frozenset("hope hopes hoping aims bid proposed plans planning seeking seek".split())
)


def aim_asked(words: Collection[str]) -> bool:
    """Whether a question asks what is needed or aimed at ("how many signatures do they
    *need*")."""
    return not _AIM_ASKED.isdisjoint(words)


def gives_no_aim(text: str) -> bool:
    """Whether a text says nothing of what is needed or aimed at ("the petition has 1,200
    signatures")."""
    return _AIM_GIVEN.isdisjoint(_WORDS.findall(text.lower()))


def gives_only_aim(text: str) -> bool:
    """Whether a text gives what was required or aimed at and nothing of what was reached
    ("10,400 staff, as required by LOCOG")."""
    return _aims_without_reaching(text, _AIMED_WORDS, _REACHED)


def named_things(text: str) -> list[str]:
    """What the organisations and places a text names are ("Northbrook District Council's
    cabinet": a council; "the Riverside Pool in Hadley": a pool), in lower case."""
    found: list[str] = []
    for words in _capital_runs(text):
        if len(words) < 2:
            continue
        last = _without_possessive(words[-1])
        if last in _ORGANISATION_WORDS:
            found.append(last.lower())
            if last in _BODIES:
                found.append("organisation")
        elif words[0] in _NAMED_FIRST:
            found.append(words[0].lower())  # "the River Wenlow": a river
    return found


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
        len({stem(w) for w in _WORDS.findall(part.lower())} & set(subject_stems)) for part in parts
    ]
    giving = [
        _A_SUM.search(part) is not None if money else gives(asked_kind, given_by_text(part))
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


_A_SUM = LazyPattern(r"£\s?\d|\d\s?(?:pounds|p)\b")


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
    return _STATED_AGE.search(text.lower()) is not None


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


# "What are the names of *the other two* galleries?", "*which other* schools…": the rest of a
# list, which a text naming only some of it ("three galleries, *including* Wool and Water")
# does not give.
_OTHERS_ASKED = LazyPattern(
    r"\b(?:which|what) other\b|\bnames? of (?:the|its|their) other\b"
    r"|\bthe other (?:two|three|four|five|six|seven|eight|nine|ten|\d+|ones)\b"
)
_SOME_OF = LazyPattern(r"\b(?:including|such as|among them|among which)\b")


def others_asked(normalised_question: str) -> bool:
    """Whether a question asks for the rest of a list ("the other three new stops")."""
    return _OTHERS_ASKED.search(normalised_question) is not None


def names_only_some(text: str) -> bool:
    """Whether a text names only some of a list ("five new stops *including* Mill Lane")."""
    return _SOME_OF.search(text.lower()) is not None


def names_person(text: str, question_stems: Collection[str]) -> bool:
    """Whether a text names, by a person's name, someone the question names ("how old is
    Gareth Pryce" of "landlord Gareth Pryce, who has run it since 2016")."""
    found = list(_TEXT_WORDS.finditer(text))
    tokens = [token.group() for token in found]
    upper = [token[0].isupper() and token != "I" for token in tokens]
    return any(
        upper[j]
        and stem(_without_possessive(word).lower()) in question_stems
        and _in_personal_name(tokens, upper, j)
        for j, word in enumerate(tokens)
    )


# Kinds precise enough to decline on: asking "how long" of an amount is a near miss. A reason
# or a person is too often given in words no pattern sees ("while the equipment is moved").
STRICT = frozenset(KINDS) - {PERSON, REASON, YESNO}


def is_strict(asked_kind: str | None) -> bool:
    return asked_kind in STRICT


_NUMBER_WORD = (
    r"(?:\d[\d,.]*\w*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|"
    r"dozens?)"
)
_NUMBER_TOKEN = LazyPattern(_NUMBER_WORD)  # one word that is a number (only_increments)
# What a text counts is read while indexing only (bot.lazyre).
# (A lookahead, so that "26 beds and four high-dependency beds" yields both counts.)
# (A hyphenated word is one: "17.5 *full-time equivalent posts*"; "31 of the *affected plots*".)
_COUNTED = LazyPattern(
    rf"\b{_NUMBER_WORD}[ -](?:of (?:the|its|their|these|those) )?"
    r"(?:(?:new|extra|more|other|additional|further) )?"
    rf"(?=((?:[a-z]+(?:-[a-z]+)*[ -]){{0,2}}[a-z]+(?:-[a-z]+)*))"
)

_CHANGED = LazyPattern(
    r"\b([a-z]+)(?: (?:to|of|in|at|on|from) (?:the )?[a-z-]+(?: [a-z-]+)?)?"
    # ("admissions at the cinema*, which opened in 1938,* had dropped")
    r"(?:, (?:which|who) [^,]{1,40},)? "
    # ("complaints from parents *had more than doubled in two years*, from 214")
    r"(?:(?:had|has|have) )?(?:(?:more than|almost|nearly) )?(?:fell|rose|dropped|grew|"
    r"increased|decreased|climbed|doubled|halved|went up|went down)(?: in [a-z]+ [a-z]+,?)? "
    r"(?:by|from|to) (?:(?:around|about|some|nearly|almost|over|more than|just) )?£?\d"
)
_NUMBERS_OF = LazyPattern(r"\b([a-z]+) (?:numbers|figures)\b|\bnumbers? of ([a-z]+)")
# "Of those *parcels*, 2,611 went to children": what a number counts, named before it.
_OF_THOSE = LazyPattern(rf"\bof (?:the|those|these|them|which) ([a-z]+), {_NUMBER_WORD}\b")

_UNITS_COUNTED = (
    (LazyPattern(r"£\s?\d|\d\s?(?:pounds|p)\b"), ("pounds", "money")),
    (LazyPattern(r"\d\s?(?:m|mn|million|millions)\b"), ("million", "millions")),
    (LazyPattern(r"\d\s?(?:bn|billion|billions)\b"), ("billion", "billions")),
    (LazyPattern(r"\d\s?(?:k|thousand|thousands)\b"), ("thousand", "thousands")),
    (LazyPattern(r"\d\s?(?:%|per ?cent)"), ("percent", "percentage")),
)


_PEOPLE_PLURALS = (
    "staff workers employees members officers residents pupils children patients visitors "
    "councillors guards volunteers parents families users swimmers personnel workforce "
    "adults students teachers nurses doctors passengers voters protesters campaigners "
    # each one someone ("how many people complained?": 187 written objections)
    "objectors objections complaints complainants responses respondents replies".split()
)
# (singular too: "*pupil* numbers rose to 420")
_PEOPLE_COUNTED = frozenset(_PEOPLE_PLURALS) | {w[:-1] for w in _PEOPLE_PLURALS if w.endswith("s")}
# Words for people in general: "how many *kids*…" is answered by a count of pupils.
_ANY_PEOPLE = frozenset("people kids children folk folks persons individuals".split())

# Counts of uses, which answer how many people use something.
_USES_COUNTED = frozenset(
    "journeys journey trips trip visits visit users passengers admissions attendances".split()
)


def counted_words(text: str) -> set[str]:
    """Words that follow a number closely: what the text counts ("26 beds", "10,400 staff",
    "four high-dependency beds"), and the units of its amounts ("£77m": pounds, millions)."""
    lowered = text.lower()
    words = {
        w
        for found in _COUNTED.finditer(lowered)
        # ("£1.4 million on *agency* doctors": a sum counts pounds, not what it is spent on)
        if not lowered[: found.start()].rstrip("0123456789,. ").endswith("£")
        for w in re.split(r"[ -]", found.group(1))
    }
    if _DIGIT.search(lowered):
        # "visitor numbers have fallen … to 174,000": what the numbers are numbers of.
        words.update(found.group(1) or found.group(2) for found in _NUMBERS_OF.finditer(lowered))
        # "*visits* to the libraries fell from 1.9 million": what changed by so much.
        words.update(found.group(1) for found in _CHANGED.finditer(lowered))
        words.update(found.group(1) for found in _OF_THOSE.finditer(lowered))
    for pattern, units in _UNITS_COUNTED:
        if pattern.search(lowered):
            words.update(units)
    if _TALLY.search(lowered):
        words.update(_TALLY_COUNTS)
    if not _PEOPLE_COUNTED.isdisjoint(words):
        words.add("people")  # a count of staff is a count of people
    if not _USES_COUNTED.isdisjoint(words):
        words.add("users")  # "how many people use it" is answered by a count of journeys
    return words


# A vote's tally ("voted five to two", "by 7-2") counts those who voted, for and against.
_TALLY = LazyPattern(rf"\b(?:voted|vote|votes|by) {_NUMBER_WORD}(?: to |-){_NUMBER_WORD}\b")
_TALLY_COUNTS = ("votes", "voters", "members", "councillors")


_HOW_MANY = LazyPattern(
    r"\b(?:how many|number of) (?:of (?:the|those|these|its|their) )?((?:[a-z]+ ){0,2}[a-z]+)"
)


def counted_asked(normalised_question: str, money: bool | None = None) -> list[str]:
    """What "how many …" asks a count of: the words after it ("how many *police officers*");
    "people" too when they are people in general ("how many *kids*…"), and "money" for "how
    much … cost" (`money`: whether it asks money, when already read)."""
    if money is None:
        money = money_asked(normalised_question)
    found = _HOW_MANY.search(normalised_question)
    # ("how many *new* trams" asks a count of trams: "five new stops" does not give it)
    words = [w for w in found.group(1).split() if w not in _NOT_COUNTED] if found else []
    if not _ANY_PEOPLE.isdisjoint(words):
        words.append("people")
        if not _USING.isdisjoint(normalised_question.split()):
            # "how many people *go* there a week": a count of visits or admissions says
            words.append("users")
    if money and not _CHANGE_ASKED.search(normalised_question):
        # ("*By how much* have fuel costs *gone up*?" may be answered by a share: "by 38 per
        # cent")
        words.append("money")
    return words


_CHANGE_ASKED = LazyPattern(
    r"\bby how much\b|\b(?:gone|go|going|gone) (?:up|down)\b|\b(?:risen|rise|rises|rising|"
    r"increase|increased|increases|fallen|fall|falls|dropped|drop|cut|cuts|doubled)\b"
)
_USING = frozenset(
    "go goes going went visit visits visited use uses used using attend attends attended "
    "come comes came ride rides travel travels swim swims watch".split()
)
_NOT_COUNTED = frozenset("new extra more other additional different separate further".split())


# What counted_asked adds of its own (the question need not say it): a count of people, money.
IMPLIED_COUNTS = frozenset({"people", "money", "users"})


# "How much will the panels *cost*?" asks for money: an entry that counts metres or homes does
# not answer it ("how much" alone may ask for anything: "how much of the site").
_MONEY_ASKED = LazyPattern(
    # "what was the *rent*", "what's the new *price*"
    r"\bwhat (?:is|was|are|were|will be|would be|s) the (?:\w+ )?(?:rent|price|fee|fees|"
    r"salary|wage|wages|cost|costs|bill)\b|"
    # "what would the deal be *worth* each year"
    r"\bwhat (?:\w+ ){0,6}(?:be|is|was|s) worth\b|"
    # "how much is a *ticket*": what is bought has a price
    r"\bhow much (?:is|are|was|were|will|would|does|do) (?:a|an|the|one)? ?(?:\w+ )?"
    r"(?:ticket|tickets|fare|fares|admission|entry|pass|season ticket|membership|share|shares)\b|"
    r"\bhow much\b.*\b(?:cost|costs|costing|pay|paid|paying|spend|spent|spending|worth|price|"
    r"charge|charged|fee|fees|money|funding|budget|save|saving|savings|lose|lost|raise|raised|"
    r"rent|rents|earn|earns|earning|income|salary|salaries|wage|wages|compensation|sell|sold|"
    r"selling|rates)\b|"
    # "how much are the business rates *in pounds*"
    r"\bin (?:pounds|sterling)\b"
)


# Keywords: "*cost of* the extra ambulances", "walk-in chiller *cost*" (not "what will it
# cost": asked some other way, it may be a cost in jobs or lives).
_PRICE_WORDS = frozenset("cost costs price prices".split())
_ASKING_WORDS = frozenset("what how who which when where why will would does did is are".split())


# "How much *water* is lost…", "how much *land*…": an amount of something other than money,
# unless its price is asked ("how much water can I buy for £1").
_HOW_MUCH_OF = LazyPattern(r"\bhow much (?P<noun>[a-z]+)\b")
_MONEY_NOUNS = frozenset(
    "money cash funding funds rent income profit revenue compensation tax interest debt".split()
)
_PRICE_ASKED = LazyPattern(r"\b(?:cost|costs|pay|paid|spend|spent|price|charge|charged|pounds)\b")


def money_asked(normalised_question: str) -> bool:
    """Whether a question asks how much money ("how much did it cost", "chiller cost")."""
    amount = _HOW_MUCH_OF.search(normalised_question)
    if (
        amount is not None
        and is_content_word(amount.group("noun"))
        and amount.group("noun") not in _MONEY_NOUNS
        and not _PRICE_ASKED.search(normalised_question)
    ):
        return False
    if _MONEY_ASKED.search(normalised_question) is not None:
        return True
    words = normalised_question.split()
    if not words or not _ASKING_WORDS.isdisjoint(words):
        return False
    return words[-1] in _PRICE_WORDS or (words[0] in _PRICE_WORDS and words[1:2] == ["of"])


# "How much … *per hour*", "*a week*", "*annual*": the unit of time a rate is asked in, and
# the words a text gives such a rate in ("£32 a week", "every weekday"; not "two years").
_RATE_ASKED = LazyPattern(
    r"\b(?:per|an?|each|every) (?P<unit>hour|day|week|month|year|night)\b|"
    r"\b(?P<adverb>hourly|daily|weekly|monthly|yearly|nightly|annual|annually)\b"
)
_RATE_GIVEN = LazyPattern(
    r"\b(?:a|an|per|each|every|the) (?:week)?(?P<unit>hour|day|week|month|year|night)\b|"
    r"\b(?P<adverb>hourly|daily|weekly|monthly|yearly|nightly|annual|annually|per annum)\b"
)
_RATE_ADVERBS = {"daily": "day", "annual": "year", "annually": "year", "per annum": "year"}
_RATE_UNITS = ("hour", "day", "dai", "week", "month", "year", "night", "annual")


def _rate_unit(found: re.Match[str]) -> str:
    """The unit of time of a rate found: "hour" of "per hour" and of "hourly"."""
    adverb = found.group("adverb")
    if adverb is None:
        return found.group("unit")
    return _RATE_ADVERBS.get(adverb, adverb.removesuffix("ly"))


def rate_asked(normalised_question: str) -> str | None:
    """The unit of time a question asks a rate in ("how much per *hour*"), if it asks one."""
    if not any(unit in normalised_question for unit in _RATE_UNITS):
        return None
    found = _RATE_ASKED.search(normalised_question)
    return _rate_unit(found) if found is not None else None


def gives_rate(unit: str, text: str) -> bool:
    """Whether a text gives something per `unit` of time ("£32 a week", "hourly"; not "for
    the first two years")."""
    return any(_rate_unit(found) == unit for found in _RATE_GIVEN.finditer(text.lower()))


_HEDGE = (
    r"(?:more than|over|about|around|nearly|almost|roughly|approximately|some|up to|at least|"
    r"under|fewer than|less than|(?:an )?estimated)"
)
# (What follows a figure is read ahead, not taken: "four turbines despite *more than* 300".)
_FIGURE = LazyPattern(
    rf"(?:\b(?P<hedge>{_HEDGE}) )?£?\b(?P<figure>{_NUMBER_WORD})\b(?=((?: [a-z-]+){{0,3}}))"
)


def only_rough_figures(text: str, words: Collection[str]) -> bool:
    """Whether every figure a text gives of what the question mentions (`words`, stemmed) is
    a rough one ("more than 300 objections"): no answer to "exactly how many"."""
    figures = [
        (found.group("hedge") is not None, {stem(w) for w in found.group(3).split()})
        for found in _FIGURE.finditer(text.lower())
    ]
    relevant = [hedged for hedged, after in figures if not after.isdisjoint(words)]
    return bool(relevant) and all(relevant)


def speaker_asked(normalised_question: str) -> list[str]:
    """Whose words a question asks for: "what did *G4S* say…", "what has *the council* said"."""
    found = _SAID_ASKED.search(normalised_question)
    return (found.group("speaker") or found.group("speaker2")).split() if found else []
