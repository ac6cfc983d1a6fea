"""From scored candidates to a decision: answer, near miss, keyword menu, suggestions, or none.

The thresholds are documented in the README. Each rule reads the query (what was asked) and
the candidates (what the knowledge has); nothing here scores.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from bot import figures, kinds, timewords, which_one
from bot.lazyre import LazyPattern
from bot.model import Candidate, Outcome
from bot.query import ONE_ITEM, SOME_OF, Query

if TYPE_CHECKING:
    from bot.passages import Found, Passage

# On the confidence of the best entry.
ANSWER_THRESHOLD = 0.45
SUGGEST_THRESHOLD = 0.30
# The best entry must explain at least this share of the question's weight to be answered.
MIN_OVERLAP = 0.65
# An entry this far ahead of the next needs to explain only this share of the question.
CLEAR_LEAD = 0.3
MIN_OVERLAP_WITH_LEAD = 0.5
# An entry with few wordings (a new author's modest file) has few chances to be close to how a
# question is phrased, so its closeness and fuzzy signals run lower: it is answered on a little
# less, when it is ahead of every other passage.
THIN_WORDINGS = 5
THIN_ANSWER_THRESHOLD = 0.5
THIN_MIN_OVERLAP = 0.55
THIN_LEAD = 0.05
# A question asking which ones, and the only entry naming several: see _the_only_list.
LIST_ANSWER_THRESHOLD = 0.5
LIST_MIN_OVERLAP = 0.4
MAX_SUGGESTIONS = 3
# Suggestions must explain at least this share of the question: below it they are unrelated
# ("How tall is Mount Everest?" shares nothing worth offering).
MIN_SUGGEST_OVERLAP = 0.4
# A bare keyword fitting several entries within this much of the best gives a menu of them.
KEYWORD_MARGIN = 0.12
MAX_KEYWORD_SUGGESTIONS = 4
# An entry that answers what was asked (the kind of fact, the names, what is counted) may be
# answered instead of a better-scoring one that does not, when it scores within this much.
KIND_MARGIN = 0.12
# Asked why or who, of a best entry giving no reason or person at all, one that does may be
# further behind ("why are they bringing it in?" of the day the ban begins).
SOFT_KIND_MARGIN = 0.2
# Asked a precise kind of fact, the only close entry giving it is answered on this much.
ONLY_GIVER_THRESHOLD = 0.35
# (Not "when", "where" or "how many": nearly every entry gives a day, a place or a number, so
# the only one giving it is no evidence; on the sets in eval/ those cost more than they won.)
ONLY_GIVER_KINDS = frozenset(
    {
        kinds.AGE,
        kinds.DURATION,
        kinds.TIME,
        kinds.DATE,
        kinds.YEAR,
        kinds.FREQUENCY,
        kinds.NAME,
        kinds.CONTACT,
        kinds.PHONE,
        kinds.ABBREVIATION,
        kinds.PARTY,
    }
)
# An entry of another article within this much of the best one makes the question ambiguous.
ARTICLE_MARGIN = 0.05
# A question turning on a word the knowledge never uses ("Who *chairs* the group?") asks what
# the article does not say, unless an entry matches it almost word for word.
SURE_DESPITE_FOCUS = 0.8


# An article sentence no entry quotes (bot.passages) answers only when it holds this share of
# the question's weight, at least this many of its words, every name it mentions, what it
# counts, the kind of fact it asks, and no other sentence holds nearly as much.
PASSAGE_MIN_SHARE = 0.6
PASSAGE_MIN_WORDS = 2
PASSAGE_LEAD = 0.1
# Unknown words count against it as against entries, and one that weighs more than this (not
# chatter, not a word in passing: bot.query) rules it out.
PASSAGE_MAX_UNKNOWN = 0.5
# An entry answered on less than MIN_OVERLAP (ahead of every other, but explaining only part of
# the question) gives way to a sentence that explains this much more of it.
PASSAGE_OVER_ENTRY = 0.3
# An entry's own question wording, asked as written (case and punctuation aside): its author
# chose the answer for it, and no check of the detail asked overrules that.
VERBATIM = 0.99


class Decision(NamedTuple):
    """What to do with one question."""

    outcome: Outcome
    chosen: tuple[Candidate, ...] = ()  # the answer, or the suggestions
    closest: Candidate | None = None  # a near miss: the entry closest to what was asked
    keyword: bool = False  # the suggestions are a menu for a bare keyword
    why: str = ""

    @property
    def answer(self) -> Candidate | None:
        return self.chosen[0] if self.outcome is Outcome.ANSWERED else None


def answerable(candidate: Candidate, runner_up: Candidate | None = None) -> bool:
    """Confident enough, and explaining enough of the question; a little less is enough for
    an entry far ahead of every other."""
    if candidate.confidence < ANSWER_THRESHOLD:
        return False
    if candidate.overlap >= MIN_OVERLAP:
        return True
    margin = candidate.confidence - (runner_up.confidence if runner_up else 0.0)
    if margin >= CLEAR_LEAD and candidate.overlap >= MIN_OVERLAP_WITH_LEAD:
        return True
    return (
        0 < candidate.wordings <= THIN_WORDINGS
        and candidate.confidence >= THIN_ANSWER_THRESHOLD
        and candidate.overlap >= THIN_MIN_OVERLAP
        and margin >= THIN_LEAD
    )


def decide(query: Query, candidates: list[Candidate]) -> Decision:
    """The decision for one question and its candidates, best first."""
    if not candidates or candidates[0].confidence < SUGGEST_THRESHOLD:
        return Decision(Outcome.NO_MATCH, why="nothing in the knowledge is close")
    top = candidates[0]
    if query.is_bare:
        menu = _keyword_menu(candidates)
        if menu:
            return Decision(Outcome.UNSURE, menu, keyword=True, why="a keyword several entries fit")
    if answerable(top, _runner_up(candidates)) or _the_only_list(query, candidates):
        if query.focus_unknown and top.confidence < SURE_DESPITE_FOCUS:
            return Decision(
                Outcome.NO_MATCH, closest=top, why="asks about a word the knowledge never uses"
            )
        against = objection(query, top)
        if against is None:
            other_article = _other_article_rivals(candidates)
            if other_article:
                return Decision(
                    Outcome.UNSURE, (top, *other_article), why="fits two articles as well"
                )
            named = _names_what_was_asked(query, candidates)
            if named is not None:
                return Decision(
                    Outcome.ANSWERED, (named,), why="the closest that names what was asked"
                )
            soft = _gives_soft_kind(query, candidates)
            if soft is not None:
                return Decision(
                    Outcome.ANSWERED, (soft,), why=f"the closest that gives the {query.kind}"
                )
            return Decision(Outcome.ANSWERED, (top,), why="answered")
        # The best entry does not answer what was asked: a close one that does may be meant;
        # otherwise the article does not say.
        other = _close_behind(query, candidates)
        if other is not None:
            return Decision(Outcome.ANSWERED, (other,), why=f"the closest that does not: {against}")
        giver = _the_only_giver_behind(query, candidates)
        if giver is not None:
            return Decision(
                Outcome.ANSWERED, (giver,), why=f"the only close entry giving the {query.kind}"
            )
        return Decision(Outcome.NO_MATCH, closest=top, why=against)
    related = _related(top, candidates)
    if kinds.is_strict(query.kind) and related:
        giving = [c for c in related if kinds.gives(query.kind, c.gives)]
        if not giving:
            return Decision(
                Outcome.NO_MATCH, closest=top, why=f"asks for {query.kind}; no entry gives it"
            )
        if len(giving) == 1 and _only_giver_answers(query, giving[0]):
            return Decision(
                Outcome.ANSWERED, (giving[0],), why=f"the only close entry giving the {query.kind}"
            )
        related = giving
    if not related:
        return Decision(Outcome.NO_MATCH, why="the closest entries are unrelated")
    if query.unknown_names:
        return Decision(Outcome.NO_MATCH, why="names something the knowledge never mentions")
    return Decision(Outcome.UNSURE, tuple(related), why="not sure")


def _names_what_was_asked(query: Query, candidates: list[Candidate]) -> Candidate | None:
    """Asked "which council…", an entry close behind the best that names one, when the best
    names none: "Which council is behind the plan?" is answered by the entry naming
    Northbrook District Council, not by one about why the council wants it."""
    if not query.answer_type or candidates[0].names_asked:
        return None
    return _close_behind(query, candidates, lambda c: c.names_asked)


def _gives_soft_kind(query: Query, candidates: list[Candidate]) -> Candidate | None:
    """Asked why or who, an entry close behind the best that gives a reason or a person, when
    the best gives none ("why did Surrey pull out?": its reason, not that it paused)."""
    if query.kind not in (kinds.REASON, kinds.PERSON) or query.kind in candidates[0].gives:
        return None
    return _close_behind(query, candidates, lambda c: query.kind in c.gives, SOFT_KIND_MARGIN)


def _close_behind(
    query: Query,
    candidates: list[Candidate],
    also: Callable[[Candidate], bool] = lambda c: True,
    margin: float = KIND_MARGIN,
) -> Candidate | None:
    """The first entry within `margin` of the best that would be answered and answers what
    was asked (and passes `also`), if any."""
    top = candidates[0]
    for other in candidates[1:]:
        if top.confidence - other.confidence > margin:
            break
        if also(other) and answerable(other) and objection(query, other) is None:
            return other
    return None


def _the_only_giver_behind(query: Query, candidates: list[Candidate]) -> Candidate | None:
    """Asked a precise kind of fact the best entry does not give ("consultation length" of
    what happens after it), the one entry behind it that gives it and explains as much of the
    question, if there is exactly one."""
    if query.kind not in ONLY_GIVER_KINDS or kinds.gives(query.kind, candidates[0].gives):
        return None
    giving = [
        c
        for c in candidates[1:]
        if kinds.gives(query.kind, c.gives) and c.overlap >= candidates[0].overlap
    ]
    if len(giving) == 1 and _only_giver_answers(query, giving[0]):
        return giving[0]
    return None


def _only_giver_answers(query: Query, giver: Candidate) -> bool:
    """Asked a precise kind of fact ("how old is…"), the one close entry that gives it, when
    nothing else in the question counts against it."""
    return (
        query.kind in ONLY_GIVER_KINDS
        and giver.confidence >= ONLY_GIVER_THRESHOLD
        and giver.overlap >= MIN_SUGGEST_OVERLAP
        and objection(query, giver) is None
        and not query.unknown_names
        # ("how many days in a *leap* year": a word that counts, which no entry has)
        and not any(weight >= 1.0 for weight in query.unknown_weights)
    )


def _the_only_list(query: Query, candidates: list[Candidate]) -> bool:
    """A question asking which ones ("which police forces…") and one entry, ahead, that names
    several: answered on less overlap than other questions need."""
    top = candidates[0]
    return (
        query.wants_list
        and top.lists
        and top.confidence >= LIST_ANSWER_THRESHOLD
        and top.overlap >= LIST_MIN_OVERLAP
        and not any(
            c.lists and top.confidence - c.confidence <= KIND_MARGIN for c in candidates[1:]
        )
    )


def objection(query: Query, candidate: Candidate) -> str | None:
    """Why an entry that matches well still does not answer the question, if it does not."""
    if candidate.fuzzy >= VERBATIM and candidate.overlap >= VERBATIM:
        return None
    if not candidate.counts_asked:
        # "How many pupils took part?" of an entry that counts pounds, not pupils.
        return "asks how many of what the entry does not count"
    if query.names_a_kind and not candidate.names_asked:
        # "Which county council receives the fees?" of an entry saying "the county council".
        return "asks which one; the entry names none"
    if query.part_of is not None and not _gives_part(query.part_of, candidate):
        # "How many of the 48 pitches are booked?" of "room for 48 stalls".
        return "asks for a part of a figure the entry gives whole"
    detail = _detail_objection(query, candidate.quote, candidate.best_variant)
    if detail is not None:
        return detail
    if query.unknown_specifics:
        # "What was the bill in 2022?" of an article that gives 2021's and this year's.
        return "names a year or a unit the article never mentions"
    if candidate.missing_names:
        # "How much does Lincolnshire Police pay?" of an entry that never names it.
        return "names something the entry does not"
    if not kinds.gives(query.kind, candidate.gives):
        # "How many years…?" of "Up to £77m a year."
        return f"asks for {query.kind}; the entry does not give it"
    return None


def _figure_objection(query: Query, quote: str) -> str | None:
    """Why a text's figures do not answer how much was asked, if they do not."""
    if query.exact and figures.only_rough_figures(quote, query.stems):
        # "Exactly how many objections?" of "despite more than 300 objections".
        return "asks for an exact figure; the text gives a rough one"
    if query.rate is not None and not figures.gives_rate(query.rate, quote):
        # "How much does it cost per hour to park?" of "£2.35 million, to a developer".
        return f"asks how much per {query.rate}; the text gives no such rate"
    if query.money and figures.one_of_several(quote, query.content_stems):
        # "How much will resurfacing the car park cost?" of one sum for that and two more.
        return "asks for the cost of one of several things the text gives one sum for"
    if query.money and figures.only_help_towards(quote, query.stems):
        # "How much would the heat pump cost?" of "a heat pump helped by a £65,000 grant".
        return "asks what it costs; the text gives only a sum towards it"
    if query.aimed and figures.gives_no_aim(quote):
        # "How many signatures do they need?" of "the petition has 1,200 signatures".
        return "asks what is needed or aimed at; the text gives only what there is"
    if query.achieved and figures.gives_only_aim(quote):
        # "How many staff did G4S actually manage to provide?" of "10,400, as required".
        return "asks what was achieved; the text gives only what was aimed at"
    if query.so_far and figures.gives_only_target(quote):
        # "How much has the group raised so far?" of "a target of £50,000".
        return "asks how much so far; the text gives only a target"
    if query.bound is not None and figures.gives_other_bound(query.bound, quote):
        # "What's the minimum fine?" of "Up to £1,000".
        return f"asks the {query.bound}; the text gives the other bound"
    if query.kind in (kinds.NUMBER, None) and figures.only_in_a_total(
        quote, query.content_stems, query.kind == kinds.NUMBER
    ):
        # "Sponsored walk amount raised" of "£310,000, including a 26-mile sponsored walk".
        return "asks a figure of one thing a total includes; the text gives only the total"
    if query.kind == kinds.NUMBER and figures.one_of_places_counted(quote, query.content_stems):
        # "How many engines came from Tarnside?" of "six engines from Millbeck, Tarnside and
        # Carlow".
        return "asks a figure for one of several places the text counts together"
    if query.total and query.money and figures.only_parts_of_a_sum(quote):
        # "What was the total price tag?" of "£1.85m from the Lottery and £900,000 from the
        # council".
        return "asks for a total; the text gives only sums that make it up"
    if query.total and figures.only_increments(quote, query.content_stems):
        # "How many ambulances does the trust have in total?" of "10 extra ambulances".
        return "asks for a total; the text gives only a number added"
    return None


def _detail_objection(query: Query, quote: str, wording: str = "") -> str | None:
    """Why a text does not give the detail asked, when its kind of fact is right; `wording` is
    the entry's question wording that matched, whose years its author vouches for ("what
    happened at London 2012")."""
    found = (
        _figure_objection(query, quote)
        or _time_objection(query, quote, wording)
        or _which_one_objection(query, quote)
    )
    if found is not None:
        return found
    # (what a question counts is not what it is about: "how many *seats* does the Riverside
    # have" of "the 450-seat Corn Exchange; smaller shows go to the Riverside")
    subject = query.content_stems - set(query.counted)
    if kinds.fact_apart(query.kind, quote, subject, query.money):
        # "What time do the drop-in sessions start?" of the consultation's closing time, in
        # the sentence before the one about the sessions.
        return f"asks for {query.kind}; the text gives it only for something else"
    return None


def _time_objection(query: Query, quote: str, wording: str = "") -> str | None:
    """Why a text speaks of another time than the one asked, if it does."""
    if query.period_end is not None and timewords.gives_other_end(query.period_end, quote):
        # "When does the share offer close?" of "It opens on 1 July".
        return f"asks for the {query.period_end} of a period; the text gives the other end"
    if (
        query.kind == kinds.AGE
        and not timewords.states_age(quote)
        and (not timewords.age_by_year(quote) or which_one.names_person(quote, query.content_stems))
    ):
        # "Tom Ackroyd age?" of "who first went to the Regal in 1962"; "how old is Gareth
        # Pryce?" of "who has run it since 2016" (a person's age is no year something began).
        return "asks how old; the text gives no age and no year it began"
    if query.tenure and not timewords.gives_tenure(quote):
        # "How long has Gillian Trask been an inspector?" of "held a six-day inquiry".
        return "asks how long it has been so; the text gives no time since"
    if query.origin and not timewords.age_by_year(quote):
        # "When was Larkfield House built?" of the day it closes.
        return "asks when it began; the text gives no year it began"
    years = timewords.years_named(quote, since=query.since) | timewords.years_named(wording)
    if query.years and not query.years <= years:
        # "How many leaks did they fix in 2023?" of "in the past 12 months"; "How much rain fell
        # in 1976?" of "the driest spring since 1976".
        return "names a year the text gives no fact for"
    if query.months and timewords.other_months(query.months, quote):
        # "What was the response time in December?" of January's.
        return "names a month the text does not"
    if query.weekdays and timewords.other_weekdays(query.weekdays, quote):
        # "How much had the appeal raised by Friday?" of "by Wednesday evening".
        return "names a day of the week the text does not"
    if query.at_origin and not timewords.gives_origin(quote):
        # "How many members did the club have when it started?" of "has 148 members".
        return "asks a figure of when it began; the text gives today's"
    if query.seasons and timewords.other_seasons(query.seasons, quote):
        # "How many visitors does the pier get in winter?" of "9,000 a week in summer".
        return "names a season the text does not"
    if query.days and not query.days <= timewords.days_named(quote):
        # "What time does the council meeting on April 9 start?" of the public meeting's time,
        # on April 3.
        return "names a day the text does not"
    if query.when is not None and not timewords.speaks_of_time(query.when, quote):
        # "Will mooring fees go up again next year?" of this year's rise.
        return f"asks about {query.when}; the text speaks of no such time"
    return None


def _which_one_objection(query: Query, quote: str) -> str | None:
    """Why a text speaks of another one than the one asked (of a series, a kind of ticket, a
    role's holder), if it does."""
    if query.series and which_one.other_of_series(query.series, quote):
        # "What is the target for category three calls?" of category two's.
        return "names one of a series; the text gives another"
    if query.fate and not which_one.gives_fate(quote):
        # "What will the Castle Street building be turned into?" of "…is to be sold".
        return "asks what becomes of a place; the text says only what happens to it now"
    if query.others and which_one.names_only_some(quote):
        # "What are the other three new stops?" of "five new stops including Mill Lane and
        # Orchard Park".
        return "asks for the rest of a list; the text names only some"
    if (
        query.opposites
        and query.kind != kinds.YESNO
        and which_one.names_only_opposites(query.opposites, quote)
    ):
        # "What's the response target for rural areas?" of "15 minutes for urban areas" (asked
        # "is it open on weekends?", "on weekdays" answers no).
        return "names one of a pair; the text gives the other"
    if query.tickets and figures.other_tickets(query.tickets, quote):
        # "What's the price of a child ticket?" of "an adult single costs £4.20".
        return "asks the price of a kind of ticket the text does not price"
    if query.role is not None and not which_one.names_role(quote, query.role, query.stems):
        # "What's the name of the Brightplate spokesperson?" of "a Brightplate spokesperson
        # said…".
        return "asks who the role is; the text names nobody in it"
    if query.kind == kinds.PLACE and not which_one.places_beyond(quote, query.stems):
        # "Where will the 42 stop instead of Bridge Street?" of "stop calling at Bridge Street".
        return "asks where; the text names only places the question does"
    if query.kind == kinds.NAME and not which_one.names_beyond(quote, query.stems):
        # "What's Margaret Pellow's dad's name?" of a quote naming her alone.
        return "asks for a name; the text names only what the question does"
    return None


# "13 of them", "Sixteen of the homes", "Of 46 staff, 31…", "40% of the bill".
_A_SHARE = LazyPattern(
    r"\bof (?:the|those|these|its|their|them|which|whom|\d)|\bout of\b|%|\bper ?cent\b"
)


def _gives_part(whole: str, candidate: Candidate) -> bool:
    """Whether an entry's quote says how much of a whole ("12 of the 48"), or what one item
    costs alone."""
    quote = candidate.quote.lower()
    if whole == ONE_ITEM:
        return any(word in quote for word in ("on its own", "alone", "by itself", "each"))
    if whole == SOME_OF:
        return _A_SHARE.search(quote) is not None
    return f"of the {whole}" in quote or f"of {whole}" in quote or f"out of {whole}" in quote


def _other_article_rivals(candidates: list[Candidate]) -> tuple[Candidate, ...]:
    """The best entries of other articles that answer about as well as the best one: "How
    much does it cost?" with two articles about costs is for the person to choose."""
    top = candidates[0]
    rivals: dict[str, Candidate] = {}
    for c in candidates[1:]:
        if top.confidence - c.confidence > ARTICLE_MARGIN:
            break
        if c.article != top.article and c.article not in rivals and answerable(c):
            rivals[c.article] = c
    return tuple(rivals.values())[: MAX_SUGGESTIONS - 1]


def _runner_up(candidates: list[Candidate]) -> Candidate | None:
    """The best candidate quoting another passage than the best one: entries that quote the
    same sentence answer from the same evidence, so they are not rivals."""
    top = candidates[0]
    return next((c for c in candidates[1:] if not c.quote or c.quote != top.quote), None)


def _related(top: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates worth suggesting: close to the best, and sharing enough of the question."""
    floor = max(SUGGEST_THRESHOLD * 0.8, top.confidence - 0.2)
    return [
        c
        for c in candidates[:MAX_SUGGESTIONS]
        if c.confidence >= floor and c.overlap >= MIN_SUGGEST_OVERLAP
    ]


def _keyword_menu(candidates: list[Candidate]) -> tuple[Candidate, ...]:
    """Entries a bare keyword fits about equally well; empty when one entry clearly fits."""
    top = candidates[0]
    close = tuple(
        c
        for c in candidates[:MAX_KEYWORD_SUGGESTIONS]
        if top.confidence - c.confidence <= KEYWORD_MARGIN and c.overlap >= MIN_SUGGEST_OVERLAP
    )
    return close if len(close) > 1 else ()


def passage_may_answer(query: Query) -> bool:
    """Whether any article sentence could answer the question (else none is looked at)."""
    return (
        bool(query.words)
        and not query.focus_unknown
        and not query.unknown_names
        and not query.unknown_specifics
        # a word that counts, which the article never uses
        and not any(weight > PASSAGE_MAX_UNKNOWN for weight in query.unknown_weights)
    )


def from_passage(query: Query, found: list[Found]) -> Found | None:
    """The article sentence that answers a question no entry answers, if one clearly does
    (for a question that needs_passage let through)."""
    if not found:
        return None
    top = found[0]
    details = top.details
    if details is None:
        return None
    # One word is enough when the question asks a precise kind of fact and the sentence gives
    # it ("Where can I see the *plans*?"); otherwise a sentence must hold two.
    least = 1 if kinds.is_strict(query.kind) else PASSAGE_MIN_WORDS
    if top.share < PASSAGE_MIN_SHARE or top.matched < least:
        return None
    if query.is_bare and top.matched < len(query.words):
        return None  # a bare keyword: only a sentence holding all of it
    # (A sentence quoted with the one before it, which points back, holds the same words: it
    # is no rival.)
    rival = next((f for f in found[1:] if not _overlapping(f.passage, top.passage)), None)
    if rival is not None and top.share - rival.share < PASSAGE_LEAD:
        return None
    if not kinds.gives(query.kind, top.gives):
        return None  # given where the question's words are, not in someone's words on another
    if query.kind == kinds.REASON and kinds.REASON not in top.gives and not query.asks_view:
        # A sentence no author chose gives a reason in words that say so ("What caused the
        # fire?" of "it survived a fire in 1923"), or in the words of someone whose view is
        # asked ("why does she think…").
        return None
    if query.kind in (kinds.PERSON, kinds.NAME) and not (
        kinds.NAME in details.gives or details.named
    ):
        return None  # "who said…" of a sentence naming nobody ("…," she said)
    if query.counted and details.counted.isdisjoint(query.counted):
        return None
    if _detail_objection(query, top.passage.text) is not None:
        return None
    if any(top.passage.terms.isdisjoint(name) for name in query.names):
        return None
    if query.answer_type and details.named.isdisjoint(query.answer_type):
        return None
    return top


def _overlapping(one: Passage, other: Passage) -> bool:
    """Whether two passages share a sentence (one is the other quoted with the one before)."""
    return one.article_id == other.article_id and (one.text in other.text or other.text in one.text)


def needs_passage(query: Query, decision: Decision) -> bool:
    """Whether the article's uncovered sentences are worth looking at: nothing is answered, or
    the answer explains only part of the question, and a sentence could answer it."""
    answer = decision.answer
    return (answer is None or answer.overlap < MIN_OVERLAP) and passage_may_answer(query)


def passage_wins(decision: Decision, found: Found) -> bool:
    """Whether an answering sentence (from_passage) beats the entries' decision."""
    answer = decision.answer
    return answer is None or found.share - answer.overlap >= PASSAGE_OVER_ENTRY
