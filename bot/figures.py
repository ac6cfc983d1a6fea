"""What a question asks of a figure, and whether a text's figures give it.

"How much *per week*", "how many *in total*", "how much *so far*", "the *minimum* fine", "a
*child* ticket": a text may give a figure of the right kind (bot.kinds: a number) and still not
the one asked ("£32 a month", "22 extra beds", "a target of £50,000", "up to £1,000", "an adult
single costs £4.20"). bot.query reads what a question asks with these; bot.decision objects,
with them, to a text whose figures say something else.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.lazyre import LazyPattern
from bot.text import is_content_word, stem
from bot.textscan import A_SUM, DIGIT, WORDS

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
        before = {stem(w) for w in WORDS.findall(lowered[: found.start()])}
        if not DIGIT.search(lowered[: found.start()]) or not before.isdisjoint(subject_stems):
            continue
        for item in _ITEM_SPLIT.split(found.group(1)):
            words = WORDS.findall(item)
            named = {stem(w) for w in words if not w.isdigit()}
            if not named.isdisjoint(subject_stems):
                return not A_SUM.search(item) and not _OWN_FIGURE.search(item)
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
            {stem(w) for w in WORDS.findall(item) if is_content_word(w) and not w.isdigit()}
            for item in _ITEM_SPLIT.split(found.group(1))
        ]
        items = [item for item in items if item]
        if len(items) >= 3:
            touched = [item for item in items if not item.isdisjoint(question_stems)]
            return len(touched) == 1
    return False


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
    words = WORDS.findall(lowered)
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
    words = WORDS.findall(text.lower())
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
        return _TICKET_WORDS.isdisjoint(WORDS.findall(text.lower()))
    return given.isdisjoint(asked)


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
    return not aims.isdisjoint(WORDS.findall(lowered)) and not reached.search(lowered)


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
    return _AIM_GIVEN.isdisjoint(WORDS.findall(text.lower()))


def gives_only_aim(text: str) -> bool:
    """Whether a text gives what was required or aimed at and nothing of what was reached
    ("10,400 staff, as required by LOCOG")."""
    return _aims_without_reaching(text, _AIMED_WORDS, _REACHED)


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
    if DIGIT.search(lowered):
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
