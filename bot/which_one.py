"""Which one a question asks of, and whether a text names that one.

"The *spokesperson*'s name", "which *council*", "*category three*", "the *rural* target",
"*the other two* galleries": a text may give a name or a figure (bot.kinds) and still be about
someone or something else ("a spokesperson said", "category two", "urban areas", "including
Wool and Water"). bot.query reads what a question asks with these; bot.decision objects, with
them, to a text naming another one.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.lazyre import LazyPattern
from bot.text import CALENDAR_WORDS, is_content_word, stem
from bot.textscan import (
    ORGANISATION_WORDS,
    PLACE_WORDS,
    WORDS,
    capital_runs,
    starts_sentence,
    without_possessive,
)

# "Which *council*…", "which *road*…": a kind of thing a text names reliably (named_things), so
# an entry naming none does not answer it.
# (Not "which company", "force", "group" or "school": "Harrowden Coaches", "Herts police", "the
# joint working group" name them in words named_things does not read.)
NAMED_KINDS = frozenset(
    "council trust hospital road street lane avenue church station university ward".split()
)

# Those of the words ending an organisation's name (textscan.ORGANISATION_WORDS) that are
# bodies of people: "Thorpeley Town Council and the Environment Agency" answer "which
# organisations…".
_BODIES = frozenset(
    "Police Constabulary Council Authority Group Trust Service Office Department Committee "
    "Board Company Limited Ltd Party Association Union Club Charity Society Partnership "
    "Alliance Commission Fund Foundation Agency".split()
)
# Kinds of place named before the name: "River Wenlow", "Mount Snowdon".
_NAMED_FIRST = frozenset("River Lake Loch Mount Port Forest Isle".split())


def named_things(text: str) -> list[str]:
    """What the organisations and places a text names are ("Northbrook District Council's
    cabinet": a council; "the Riverside Pool in Hadley": a pool), in lower case."""
    found: list[str] = []
    for words in capital_runs(text):
        if len(words) < 2:
            continue
        last = without_possessive(words[-1])
        if last in ORGANISATION_WORDS:
            found.append(last.lower())
            if last in _BODIES:
                found.append("organisation")
        elif words[0] in _NAMED_FIRST:
            found.append(words[0].lower())  # "the River Wenlow": a river
    return found


def names_beyond(text: str, question_stems: Collection[str]) -> bool:
    """Whether a text names anyone or anything a question does not ("What's Margaret Pellow's
    father called?" of a text naming only Margaret Pellow gives no name)."""
    return any(
        stem(without_possessive(word).lower()) not in question_stems
        for run in capital_runs(text)
        for word in run
    )


def places_beyond(text: str, question_stems: Collection[str]) -> bool:
    """Whether a text names a place a question does not ("Where will the 42 stop instead of
    Bridge Street?" of "stop calling at Bridge Street" gives none)."""
    for found in _TEXT_WORDS.finditer(text):
        word = found.group()
        if word[0].isupper() and word != "I" and not starts_sentence(text, found.start()):
            lowered = without_possessive(word).lower()
            if lowered not in CALENDAR_WORDS and stem(lowered) not in question_stems:
                return True
    words = WORDS.findall(text.lower())
    return not _RELATIVE_PLACE.isdisjoint(words) or any(
        (word in PLACE_WORDS or word in _PLACE_NOUNS) and stem(word) not in question_stems
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
        lowered = without_possessive(word).lower()
        # capitalised as a sentence's start, unless a name's first word ("*Downland* Water
        # announced…")
        if starts_sentence(text, found[j].start()) and not (
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
    run = [without_possessive(token) for token in tokens[first : last + 1]]
    return (
        len(run) >= 2 and ORGANISATION_WORDS.isdisjoint(run) and not _at_a_place(tokens, upper, j)
    )


_PLACE_PREPOSITIONS = frozenset("at in near outside inside".split())


def _at_a_place(tokens: list[str], upper: list[bool], j: int) -> bool:
    """Whether the capitalised word at `j` is in a run after "at", "in" or "near": a place
    ("found by a farmer *at Cragg Edge*", "four pubs *in Ashcombe*")."""
    first = j
    while first > 0 and upper[first - 1]:
        first -= 1
    return first > 0 and tokens[first - 1] in _PLACE_PREPOSITIONS


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
        and stem(without_possessive(word).lower()) in question_stems
        and _in_personal_name(tokens, upper, j)
        for j, word in enumerate(tokens)
    )


# "What will the Castle Street building be *used for* after it closes?", "what will happen to
# the site": what becomes of a place, which a text saying only that it closes or is sold does
# not say.
_FATE_ASKED = LazyPattern(
    r"\bwhat (?:will|would|is going to|s going to|is gonna|s gonna) (?:happen to|become of) "
    r"(?:the |its |their )?(?P<place>(?:[a-z']+ ){0,3}[a-z]+)\b|"
    r"\b(?P<thing>[a-z]+) (?:be|being) (?:used for|turned into|converted into|replaced by)\b"
)
_FATE_GIVEN = LazyPattern(
    r"\bturn\w* [^.;]{0,60}\binto\b|\b(?:stay|remain)s? open\b|\bas an? \w+ (?:wing|centre|hub)\b|"
    r"\b(?:homes?|housing|flats|houses|apartments|convert\w*|turned into|used (?:as|for)|"
    r"becomes?|redevelop\w*|demolish\w*|demolition|knocked down|replaced|reused|re-used|"
    r"new use|offices|retail|mothballed|handed (?:back|over)|transferred|leased|let to|"
    r"taken over|kept|retained|empty)\b"
)
_FATE_OF = frozenset({"site", "building", "land", "premises", "base", "unit", "property"})


def fate_asked(normalised_question: str) -> bool:
    """Whether a question asks what becomes of a place (not of its staff or its prices)."""
    found = _FATE_ASKED.search(normalised_question)
    if found is None:
        return False
    words = (found.group("place") or found.group("thing")).split()
    return any(w in _FATE_OF or w in PLACE_WORDS or w in _PLACE_NOUNS for w in words)


def gives_fate(text: str) -> bool:
    """Whether a text says what becomes of a place ("would be sold for housing")."""
    return _FATE_GIVEN.search(text.lower()) is not None
