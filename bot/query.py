"""From one question to a query: its words after spelling, its terms, the kind of fact asked.

This is the stage where a question is understood; the matcher only scores what it is given.
"""

from collections.abc import Callable, Collection
from typing import NamedTuple

from bot import figures, kinds, text, timewords, which_one
from bot.lazyre import LazyPattern
from bot.spelling import Correction, Speller, english, expand_text_speak, rarity


class Query(NamedTuple):
    """A question broken into weighted terms."""

    words: tuple[str, ...]  # content words after spelling
    phrase: str  # every word after spelling, for fuzzy comparison
    terms: tuple[str, ...]  # canonical terms of known words, intents included
    unknown: tuple[str, ...]  # content words the knowledge has never seen
    corrections: tuple[Correction, ...]
    # Terms that stand for one word: its shared term and those of articles' own synonyms. An
    # entry has at most one of them, and together they weigh as one word.
    alternatives: tuple[tuple[str, ...], ...] = ()
    # Those of an article's own terms whose group the word heads ("article" in [article, story,
    # piece]): the author's main word, as strong as the word itself.
    heads: tuple[str, ...] = ()
    # What "how many …" asks a count of, as terms ("how many *beds*").
    counted: tuple[str, ...] = ()
    # What an entry must mention to answer: the proper names the question mentions ("Surrey",
    # "LOCOG") and whoever it asks what they said ("what did *G4S* say"), each as its terms.
    names: tuple[tuple[str, ...], ...] = ()
    # How much each unknown word counts against a match (bot.spelling.rarity), in order.
    unknown_weights: tuple[float, ...] = ()
    focus: tuple[str, ...] = ()  # the known terms the question turns on ("which *forces*…")
    light: tuple[str, ...] = ()  # terms that count for little ("petition signatures *number*")
    answer_type: tuple[str, ...] = ()  # "which *forces*…": the terms an answer must name
    focus_unknown: bool = False  # a word the question turns on is unknown ("who *chairs*…")
    # Names the knowledge has never seen ("the capital of *Japan*"): the question is about
    # something else.
    unknown_names: tuple[str, ...] = ()
    # Years and units the knowledge never mentions ("the bill in *2022*", "noise limit in
    # *decibels*"): what is asked is not there.
    unknown_specifics: tuple[str, ...] = ()
    # "How many of the *143* signatures…", "how much does the crossing cost *on its own*": a
    # part of a figure, which an entry giving only the whole does not answer.
    part_of: str | None = None
    # "*Exactly* how many objections…": a figure given only roughly ("more than 300") is no
    # answer.
    exact: bool = False
    # "How much does it cost *per hour*…": the unit of a rate, which a sum without it does not
    # give ("£2.35 million").
    rate: str | None = None
    # "When does the share offer *close*?": the end of a period asked ("start" or "end"), which
    # a text giving only the other end does not answer.
    period_end: str | None = None
    # "When was the school *founded*?": when something began, which another date of it does not
    # say.
    origin: bool = False
    # "How long has she *been* an inspector?": how long something has been so, which the
    # length of an event ("a six-day inquiry") does not say.
    tenure: bool = False
    # "The names of *the other two* galleries": the rest of a list, which a text naming only
    # some ("including Wool and Water") does not give.
    others: bool = False
    # "What will the building be *used for* after it closes?": what becomes of a place, which
    # a text saying only that it closes does not say.
    fate: bool = False
    # "Why did she *vote* against it?", "why does the campaign *think*…": a person's view is
    # asked, whose reasons are given in their words.
    asks_view: bool = False
    # "How much has been raised *so far*?": progress, which a target does not give.
    so_far: bool = False
    # "How many did they *actually manage to* provide?": what was achieved, which a figure
    # required or aimed at ("10,400 staff, as required") does not say.
    achieved: bool = False
    # "How many signatures do they *need*?": what is aimed at, which a count reached does not
    # say.
    aimed: bool = False
    money: bool = False  # asks how much money ("what was the rent", "how much did it cost")
    # "What's the name of the *spokesperson*", "who was the *farmer*…": the role (its stem)
    # whose holder is asked, which a text must name someone beside.
    role: str | None = None
    # "How much did it lose *last year*": the relative time asked, which a text must speak of.
    when: str | None = None
    # "What time does the meeting *on April 9* start?": days it names ("9 apr"), which a text
    # must name too.
    days: frozenset[str] = frozenset()
    # "Category *three*", "Band *A*": members of a series it names, which a text about another
    # member does not answer.
    series: frozenset[str] = frozenset()
    # "…*in December*": months it names, of which a text naming only others says nothing.
    months: frozenset[str] = frozenset()
    # "…for *rural* areas": one of a pair of opposites, which a text giving only the other
    # ("for urban areas") does not answer.
    opposites: frozenset[str] = frozenset()
    # "How many leaks were fixed *in 2023*?": years it names, which a text must give a fact for.
    years: frozenset[str] = frozenset()
    since: bool = False  # it names a year by "since" ("who has run it since 2016")
    # "What's the *minimum* fine?": the bound of a figure asked ("least" or "most"), which a
    # text giving only the other ("up to £1,000") does not answer.
    bound: str | None = None
    # "…in the *winter* months": seasons it names, of which a text naming only others ("9,000
    # visitors a week in summer") says nothing.
    seasons: frozenset[str] = frozenset()
    # "…raised *by Friday*": days of the week it names, of which a text naming only others ("by
    # Wednesday evening") says nothing.
    weekdays: frozenset[str] = frozenset()
    # "How many members did it have *when it started*?": a figure of the time something began,
    # which today's does not give.
    at_origin: bool = False
    total: bool = False  # "how many beds *in total*": a whole, which an increment is not
    # "the price of a *child* ticket": kinds of ticket it asks the price of.
    tickets: frozenset[str] = frozenset()
    # The stems of every word as spelled, and of the content words: what a text's figures and
    # names are compared with (bot.decision).
    stems: frozenset[str] = frozenset()
    content_stems: frozenset[str] = frozenset()
    # "Which *council*…": asks for one a text names ("Thorpeley Town Council"), as
    # which_one.named_things reads them; an entry naming none does not answer it.
    names_a_kind: bool = False
    wants_list: bool = False  # "which *forces*…", "the three constabularies": several names
    kind: str | None = None  # the kind of fact asked (bot.kinds), None when unclear
    text: str = ""  # the question as it was found in the message

    @property
    def is_bare(self) -> bool:
        """One or two words and no question ("G4S", "meeting"): a keyword, not a question."""
        return (
            len(self.words) + len(self.unknown) <= 2
            and self.kind is None
            and not any(
                word in text.QUESTION_WORDS or word in _AUXILIARIES for word in self.phrase.split()
            )
        )


# An inflected verb or an adverb the knowledge lacks ("why was the bus *stopped*", "*roughly*
# how much") is how the asker tells what happened, in their own words, more than what they ask
# about: it counts this much of an unknown word against a match. (On the sets in eval/: +1 to
# +2 right answers per article, no near miss answered.)
VERB_FORM_WEIGHT = 0.3


_COMMON_BASE = 70  # ten million uses: "rough", "current"; not "supp"


def _is_verb_form(word: str) -> bool:
    """A past tense or participle by its ending ("stopped", "agreed", "weighing"; not "speed"),
    or an adverb ("roughly")."""
    return (
        len(word) > 4
        and (
            (word.endswith("ed") and not word.endswith("eed"))
            # "agreed", "guaranteed" (of "agree"), not "speed"
            or (word.endswith("eed") and english().get(word[:-1], 0) >= _COMMON_BASE)
            or word.endswith("ing")
            # an adverb of a word ("roughly", "openly"), not a noun ("family", "supply")
            or (word.endswith("ly") and english().get(word[:-2], 0) >= _COMMON_BASE)
        )
    )


# From this many meaningful words on, a common English word the knowledge lacks is more likely
# chatter than the point of the question, and counts less against a match (bot.spelling.rarity).
LONG_QUESTION = 4


class QueryAnalyser:
    """Reads questions against one knowledge's vocabulary."""

    def __init__(
        self,
        term: Callable[[str], str],
        known_terms: Collection[str],
        vocabulary: Collection[str],
        scoped: Callable[[str], tuple[str, ...] | None] = lambda stem: None,
    ) -> None:
        self.term = term  # word -> canonical term (stem through the shared synonym groups)
        # stem -> the terms articles' own synonym groups give it, if any
        self.scoped = scoped
        self.known_terms = known_terms
        self.speller = Speller(vocabulary, text.STOP_WORDS | text.QUESTION_WORDS)
        # The terms of the articles' proper names (Surrey, LOCOG, Monday): see text.names_in.
        self.names: frozenset[str] = frozenset()

    def analyse(self, question: str) -> Query:
        """Spelling, terms, unknown words and the kind of fact asked, for one question."""
        raw_words, corrections = expand_text_speak(text.words(question))
        spelled: list[str] = []
        for word in raw_words:
            if self._needs_spelling(word):
                fix = self.speller.correct(word)
                if fix is not None:
                    corrections.append(fix)
                    word = fix.fixed
            spelled.append(word)
        # Only questions: the knowledge's own wordings keep their idioms ("have they pulled the
        # plug?"), and reading every text of the knowledge so took a fifth of indexing.
        spelled = text.plain_idioms(spelled)
        kind, kind_words = kinds.asked_with_words(" ".join(spelled))
        speakers = set(kinds.speaker_asked(" ".join(spelled)))
        # "What *reasons* did she give?": the word asks why, and asks nothing the knowledge
        # lacks. ("Which *company*…" does: an entry must name one.)
        asking_words = kind_words if kind == kinds.REASON else frozenset()
        if not kinds.is_strict(kind):
            kind_words = frozenset()  # not checked, so they still count for the ranking
        # A keyword string's "number" or "total" ("petition signatures number") says how it
        # asks; it still counts for the entry whose wordings have it, but for little.
        light_words = kind_words & _FIGURE_NOUNS if kind == kinds.NUMBER else frozenset()
        kind_words -= light_words
        words: list[str] = []
        terms: list[str] = []
        unknown: list[str] = []
        alternatives: list[tuple[str, ...]] = []
        heads: list[str] = []
        names: list[tuple[str, ...]] = []
        referents = _referents(spelled)
        for word in spelled:
            if not text.is_content_word(word) or word in kind_words:
                continue
            meanings = [t for t in self.terms_of(word) if t in self.known_terms]
            if not meanings and word not in _GENERIC and word not in referents:
                compound = self.speller.compound(word)
                if compound is not None:
                    corrections.append(compound)
                    meanings = [t for t in self.terms_of(compound.fixed) if t in self.known_terms]
            if meanings:
                words.append(word)
                terms.extend(meanings)
                if word in speakers or not self.names.isdisjoint(meanings):
                    names.append(tuple(meanings))
                if len(meanings) > 1:
                    alternatives.append(tuple(meanings))
                    stem = text.stem(word)
                    heads.extend(t for t in meanings if t.startswith(stem + "@"))
            elif word not in _GENERIC and word not in referents and word not in asking_words:
                unknown.append(word)
        phrase = " ".join(spelled)
        # A string of keywords ("interest rate on the council loan") has no chatter: each of
        # its words is the point of it, however common.
        fragment = text.QUESTION_WORDS.isdisjoint(spelled) and _AUXILIARIES.isdisjoint(spelled)
        # ("How far would she have to *travel*…" asks a distance: the verb is how it is asked.)
        obliged = (
            _obliged_verbs(spelled, unknown)
            if kind in (None, kinds.YESNO) and spelled[:1] != ["how"]
            else set()
        )
        main_verbs = _main_verbs(spelled, unknown) | obliged
        terms.extend(text.word_intents(spelled))
        unknown = list(dict.fromkeys(unknown))
        # ("*Why* has the number of pupils dropped?" asks a reason, not a count.)
        money = figures.money_asked(phrase)
        counted_words = figures.counted_asked(phrase, money) if kind in (None, kinds.NUMBER) else []
        counted = tuple(
            t
            for w in counted_words
            if w in words or w in figures.IMPLIED_COUNTS
            for t in self.terms_of(w)
        )
        if kind == kinds.NUMBER and not counted and any(w in unknown for w in counted_words):
            # "How many *storeys*…" of a knowledge that never mentions storeys: no entry
            # counts them, however well it matches the rest.
            counted = (UNCOUNTED,)
        focus = _focus(spelled)
        existing = _existence_focus(spelled)
        focus_terms = tuple(dict.fromkeys(t for w in focus if w in words for t in self.terms_of(w)))
        asked_for = answer_type(spelled)
        wanted = tuple(dict.fromkeys(t for w in asked_for if w in words for t in self.terms_of(w)))
        return Query(
            words=tuple(words),
            phrase=phrase,
            terms=tuple(dict.fromkeys(terms)),
            alternatives=tuple(dict.fromkeys(alternatives)),
            heads=tuple(dict.fromkeys(heads)),
            counted=counted,
            names=tuple(dict.fromkeys(names)),
            unknown=tuple(unknown),
            corrections=tuple(corrections),
            # The word the question turns on ("who *chairs*…") counts in full, however common.
            # In a short question every word counts in full: "What is X's *budget*?"; so does
            # its verb ("would the forces *save*").
            unknown_weights=tuple(
                1.0
                if word in focus or word in main_verbs
                else (
                    1.0 if len(words) + len(unknown) < LONG_QUESTION or fragment else rarity(word)
                )
                * (VERB_FORM_WEIGHT if _is_verb_form(word) else 1.0)
                for word in unknown
            ),
            focus=focus_terms,
            light=tuple(t for w in light_words if w in words for t in self.terms_of(w)),
            answer_type=wanted,
            names_a_kind=any(_singular(w) in which_one.NAMED_KINDS for w in _after_which(spelled)),
            wants_list=_wants_list(spelled),
            focus_unknown=bool(obliged)
            or (bool(focus) and all(word in unknown for word in focus))
            or _head_unknown(spelled, unknown)
            # "does the new centre have a birthing *pool*": the thing asked of is its head noun
            or (bool(existing) and existing[-1] in unknown),
            unknown_names=tuple(w for w in unknown if w in _capitalised(question)),
            unknown_specifics=tuple(w for w in unknown if _YEAR.fullmatch(w) or w in _UNITS),
            part_of=_part_of(phrase) if kind == kinds.NUMBER or "cost" in spelled else None,
            exact=not _EXACT.isdisjoint(spelled)
            and (kind == kinds.NUMBER or not _FIGURE_WORDS.isdisjoint(spelled)),
            rate=figures.rate_asked(phrase) if kind == kinds.NUMBER or fragment else None,
            period_end=timewords.end_asked(phrase) if kind in _TIME_KINDS else None,
            origin=kind in _TIME_KINDS and timewords.origin_asked(phrase),
            tenure=kind == kinds.DURATION and timewords.tenure_asked(phrase),
            others=which_one.others_asked(phrase),
            fate=which_one.fate_asked(phrase),
            asks_view=not _VIEW_VERBS.isdisjoint(spelled),
            money=money,
            role=_role(phrase, names),
            when=timewords.time_asked(phrase),
            days=timewords.days_named(phrase),
            series=which_one.series_named(phrase, question=True),
            opposites=which_one.opposites_named(phrase),
            months=timewords.months_asked(phrase),
            years=timewords.years_named(phrase),
            since=bool(_SINCE.search(phrase)),
            bound=figures.bound_asked(phrase),
            seasons=timewords.seasons_named(phrase),
            weekdays=timewords.weekdays_named(phrase),
            at_origin=kind == kinds.NUMBER and timewords.at_origin_asked(phrase),
            total=(kind == kinds.NUMBER or fragment or money) and figures.total_asked(phrase),
            tickets=figures.ticket_kinds(phrase) if money else frozenset(),
            stems=frozenset(text.stem(word) for word in spelled),
            content_stems=frozenset(text.stem(word) for word in words),
            so_far=kind == kinds.NUMBER
            and not _SO_FAR_WORDS.isdisjoint(spelled)
            and _SO_FAR.search(phrase) is not None,
            achieved=kind == kinds.NUMBER and figures.achieved_asked(spelled),
            aimed=kind == kinds.NUMBER and figures.aim_asked(spelled),
            kind=kind,
            text=question,
        )

    def terms_of(self, word: str) -> tuple[str, ...]:
        """The terms a word may stand for: its shared one, and those articles' own synonym
        groups give it (each applies to that article's entries only)."""
        term = self.term(word)
        scoped = self.scoped(text.stem(word))
        return (term, *scoped) if scoped else (term,)

    def _needs_spelling(self, word: str) -> bool:
        """Not a word the knowledge knows, nor a small word: maybe a typo."""
        if word in text.STOP_WORDS or word in text.QUESTION_WORDS:
            return False
        if not text.is_content_word(word):
            return True
        return not any(t in self.known_terms for t in self.terms_of(word))


# A capitalised word that starts no sentence: a name ("the capital of Japan").
_MID_SENTENCE_CAPITAL = LazyPattern(r"(?<![.!?]\s)(?<!^)(?<![.!?\"“])\b[A-Z][a-z]+\b")


def _capitalised(question: str) -> frozenset[str]:
    """The words written with a capital inside a sentence, in lower case."""
    return frozenset(found.lower() for found in _MID_SENTENCE_CAPITAL.findall(question))


_UNITS = frozenset(
    "decibels db metres meters feet foot miles km kilometres kilometers hectares acres tonnes tons "
    "kg kilograms kilos litres liters megawatts mw kilowatts kw kwh mph "
    # an ordinal ("the *third* car's permit" of an article pricing the first and second)
    "third fourth fifth sixth seventh eighth ninth tenth".split()
)
_YEAR = LazyPattern(r"(?:1[89]|20)\d\d")
# The term of a count the knowledge never mentions: no entry counts it.
UNCOUNTED = "_uncounted"

# Nouns that only stand in for what is asked ("what *option* were they weighing up?"): when the
# knowledge does not use them, they neither count against a match nor are its focus.
_GENERIC = frozenset(
    "option options thing things stuff kind kinds sort sorts type types aspect aspects way ways "
    "place places "
    # hedges on a figure ("*roughly* what is it worth")
    "roughly approximately approx precisely "
    # what is asked about, of it ("the *final* decision", "the *result* of the vote")
    "final result results "
    # keeping something as it is ("how will they *keep* the water warm"): what it is kept
    # as is the point
    "keep keeps kept keeping "
    # where, vaguely ("can I respond *somewhere*")
    "somewhere anywhere elsewhere "
    # when, told again ("*back* in 2019")
    "back "
    "bit bits "
    # the kind of fact asked, named ("when is the *deadline*", "what is the *capacity* of the
    # unit"): what the question is about is in its other words
    "deadline deadlines date dates timing timings venue location address length duration "
    "figure figures number numbers amount total capacity size sizes title titles "
    # light verbs, whose object carries the meaning ("who *gave* the statement")
    "give gives gave given giving make makes made making "
    # what is asked of someone named ("Helen Ashworth *role*"): the name is the point
    "role roles background "
    # what one can do ("will I be *able* to cross")
    "able".split()
)


def _focus(words: list[str]) -> list[str]:
    """The content words right after the question word: what is asked about ("which police
    forces…", "who chairs…")."""
    return _question_focus(words)[1] or _existence_focus(words)


# "Is there *a cafe*…", "does the unit have *a gym*": a yes/no question about whether something
# exists turns on that thing, as "who chairs…" turns on chairing.
_EXISTS_AFTER = {
    "there": frozenset("is are was were be".split()),
    "have": frozenset({"does", "do", "did", "will"}),
    "has": frozenset({"does", "did"}),
}
_ARTICLES = frozenset("a an any".split())


def _existence_focus(words: list[str]) -> list[str]:
    """What a question asks exists ("is there a *cafe*"), if it asks that."""
    for position, word in enumerate(words[:-1]):
        asking = _EXISTS_AFTER.get(word)
        if asking is None or not asking.intersection(words[:position]):
            continue
        following = words[position + 1 : position + 4]
        if word != "there" and following[0] not in _ARTICLES:
            continue
        found = []
        for after in following:
            if text.is_content_word(after):
                found.append(after)
            elif found or after not in _ARTICLES:
                break
        return found[:2]
    return []


def _question_focus(words: list[str]) -> tuple[str | None, list[str]]:
    """The first question word and the content words right after it."""
    for position, word in enumerate(words):
        if word not in text.QUESTION_WORDS:
            continue
        found: list[str] = []
        # ("how many *of the* threatened plots…": a quantity's "of the" is no part of it)
        start = position + 1
        if word == "how" and words[start + 1 : start + 2] == ["of"]:
            start += 3
        for following in words[start : start + 4]:
            if following in _GENERIC:
                continue
            if text.is_content_word(following):
                found.append(following)
            elif found or following in text.QUESTION_WORDS:
                break
        if (
            word == "who"
            and found
            and position + 1 < len(words)
            and words[position + 1] == found[0]
        ):
            # "who *owns* Colworth Farm": right after "who", the verb is what is asked about.
            return word, found[:1]
        return word, found[:2]
    return None, []


# The verbs that open a question's own verb phrase: "how much *would* the forces save".
# (With "are", "have" and the like as well, two answerable questions more were declined.)
_ASKING_AUXILIARIES = frozenset("would will did does do could can should".split())


def _main_verbs(words: list[str], unknown: list[str]) -> set[str]:
    """Unknown words in a question's verb position, after its auxiliary and subject: "how
    much would the forces *save*" is about saving, however common the word."""
    found = set()
    for i, word in enumerate(words):
        if word not in _ASKING_AUXILIARIES:
            continue
        for j in range(i + 2, min(i + 5, len(words))):
            if words[j] in unknown and any(text.is_content_word(w) for w in words[i + 1 : j]):
                found.add(words[j])
                break
            if words[j] in text.QUESTION_WORDS:
                break
    return found


_OBLIGED = frozenset("need needs have has got able allowed".split())


def _obliged_verbs(words: list[str], unknown: list[str]) -> set[str]:
    """Unknown verbs of what must or may be done ("do I need to *book*", "will we have to
    *queue*"), or that someone unnamed did ("did anyone *die*"). The question turns on them,
    as "who *chairs*…" on chairing."""
    return {
        word
        for i, word in enumerate(words[2:], start=2)
        if word in unknown
        and (
            (words[i - 1] == "to" and words[i - 2] in _OBLIGED)
            or (words[i - 1] in _INDEFINITE_SUBJECTS and words[i - 2] in _ASKING_AUXILIARIES)
            # "will the line *be electrified*": a yes/no question turns on what is to be done
            or (words[i - 1] in _PASSIVE and words[0] in _ASKING_AUXILIARIES)
        )
    }


_PASSIVE = frozenset("be been being get".split())


def _role(phrase: str, names: list[tuple[str, ...]]) -> str | None:
    """The role whose holder is asked (which_one.role_asked), unless it is a name the question
    gives ("who is Claire Benson" asks about her, not for a Benson)."""
    role = which_one.role_asked(phrase)
    if role is None:
        return None
    if (
        any(role in name for name in names)
        and not which_one.names_the_office(phrase)
        # ("which three *councillors* voted…": an office, even where the article capitalises it)
        and not which_one.is_office(role)
    ):
        return None
    return role


# "did *anyone* die": someone unnamed does what the question asks about.
_INDEFINITE_SUBJECTS = frozenset("anyone anybody someone somebody everyone nobody".split())


_SEVERAL = frozenset("two three four five six seven eight nine ten several".split())
_NOT_THE_NOUN = _SEVERAL | {"other", "another", "both"}


_AUXILIARIES = frozenset(
    "are were have had will would could should can do did might may must".split()
)


def _singular(word: str) -> str:
    return word[:-1] if _plural(word) else word


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


def _wants_list(words: list[str]) -> bool:
    """Whether a question asks for several things by name: "which forces…", "the three
    constabularies…", "what counties…"."""
    wanted = answer_type(words)
    if wanted and _plural(wanted[0]):
        return True
    if len(wanted) == 2 and _plural(wanted[1]):
        return True  # "which police *forces*…"
    # A fragment naming a number of things asks for them; "Could it meet the three forces'
    # needs?" only refers to them.
    if kinds.asked(" ".join(words)) is not None or not text.QUESTION_WORDS.isdisjoint(words):
        return False
    return any(
        w in _SEVERAL and i + 1 < len(words) and words[i + 1].endswith("s")
        for i, w in enumerate(words)
    )


_NOUN_FOLLOWERS = _AUXILIARIES | {"is", "was", "has", "does"}
_OBJECT_STARTS = frozenset("it its the a an them this that these those their his her our".split())


_DEMONSTRATIVES = frozenset("that this these those".split())


def _referents(words: list[str]) -> frozenset[str]:
    """Words after "that"/"this" ("where is *that meeting* held?"): they point back to what
    the person said before, in their own words, so one the knowledge never uses asks nothing
    it lacks."""
    return frozenset(
        words[i + 1] for i in range(len(words) - 1) if words[i] in _DEMONSTRATIVES and i > 0
    )


_PART_OF = LazyPattern(r"\bhow (?:many|much) of (?:the|those|these|its|their) ([0-9][0-9,.]*\w*)")
# Query.part_of for one item of a total, whatever the total is.
ONE_ITEM = "own"
# "How many *of the petition signatures* came from stallholders": a share of a count the
# question does not restate, which a text counting only the whole does not give.
SOME_OF = "some"
_HOW_MANY_OF = LazyPattern(r"\bhow many of (?:the|those|these|its|their)\b")
_ON_ITS_OWN = LazyPattern(r"\bon (?:its|their|his|her) own\b")


_EXACT = frozenset("exact exactly precise precisely".split())
_TIME_KINDS = frozenset({kinds.WHEN, kinds.DATE, kinds.TIME, kinds.YEAR})
_VIEW_VERBS = frozenset(
    "say says said think thinks thought believe believes feel feels reckon reckons argue argues "
    "argued claim claims want wants need needs vote votes voted oppose opposes opposed".split()
)
_SINCE = LazyPattern(r"\bsince (?:1[89]|20)\d\d\b")
_SO_FAR_WORDS = frozenset("far date yet already".split())
_SO_FAR = LazyPattern(r"\b(?:so far|to date|yet|already)\b")
_FIGURE_NOUNS = frozenset("number numbers figure figures total count".split())
_FIGURE_WORDS = frozenset("number figure total count amount sum".split())


def _part_of(phrase: str) -> str | None:
    """The whole a question asks a part of: the figure it restates ("how many of the 48…"), or
    ONE_ITEM for one item of a total ("…cost on its own"), SOME_OF for a share of a count
    ("how many of the signatures…")."""
    found = _PART_OF.search(phrase)
    if found:
        return found.group(1)
    if _ON_ITS_OWN.search(phrase):
        return ONE_ITEM
    return SOME_OF if _HOW_MANY_OF.search(phrase) else None


def _after_which(words: list[str]) -> list[str]:
    """The (up to two) content words right after a first "which": "which *county council*…"."""
    return _nouns_after(words, words.index("which"))[1] if "which" in words else []


def _nouns_after(words: list[str], position: int) -> tuple[int, list[str]]:
    """Where the noun after the question word at `position` starts, and its (up to two)
    content words: "which *other* police force…" skips "other"."""
    start = position + 1
    while start < len(words) and words[start] in _NOT_THE_NOUN:
        start += 1  # "which *other* police force…", "which *two* members…"
    found: list[str] = []
    for following in words[start : start + 2]:
        if not text.is_content_word(following):
            break
        found.append(following)
    return start, found


def _head_unknown(words: list[str], unknown: list[str]) -> bool:
    """Whether "which X Y…" asks for a kind of organisation the knowledge never mentions: its
    head noun Y is unknown ("which construction *company*…" of a knowledge naming no company).
    (Only organisations: "which government *pot*…" may ask for a fund in the asker's words.)"""
    for position, word in enumerate(words):
        if word in text.QUESTION_WORDS:
            if word not in ("which", "what"):
                return False
            _, found = _nouns_after(words, position)
            return (
                len(found) == 2
                and found[1] in unknown
                and found[0] not in unknown
                and found[1] in which_one.ORGANISATIONS
            )
    return False


def answer_type(words: list[str]) -> list[str]:
    """What a "which/what X" question wants an X of ("which *company*…", "what *contract*…"):
    the entry whose own wordings ask for the same X is the one that names one. Only words
    right after the question word: "what would G4S do" asks for no G4S."""
    for position, word in enumerate(words):
        if word in text.QUESTION_WORDS:
            if word not in ("which", "what"):
                return []
            start, found = _nouns_after(words, position)
            if len(found) == 2:
                # "which police *forces* were…" is one thing named in two words; "which
                # organisers *required* the…" names organisers, and says what they did.
                # ("which county *forces* teamed up": a plural after a singular is the noun,
                # unless an object follows it: "which company *runs* it".)
                after = start + 2
                if (
                    after < len(words)
                    and words[after] not in _NOUN_FOLLOWERS
                    and (
                        words[after] in _OBJECT_STARTS or _plural(found[0]) or not _plural(found[1])
                    )
                ):
                    del found[1]
            return found
    return []
