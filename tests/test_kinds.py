"""The kind of fact asked for, and what an entry's answer gives (bot.kinds)."""

from __future__ import annotations

import pytest

from bot import kinds, text
from bot.engine import Engine
from bot.knowledge import load_knowledge
from tests.support.knowledge import BUNDLED, EVAL


def asked(question: str) -> str | None:
    return kinds.asked(" ".join(text.words(question)))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many years would the contract last?", kinds.DURATION),
        ("How long is the consultation?", kinds.DURATION),
        ("Over what period will the town pay back its loan?", kinds.DURATION),
        ("On what date did Surrey suspend its plan?", kinds.DATE),
        ("When did the chiefs meet?", kinds.WHEN),
        ("what day did the councillors vote", kinds.WHEN),
        ("What time does the meeting start?", kinds.TIME),
        ("In which year did it happen?", kinds.YEAR),
        ("How much was the deal worth?", kinds.NUMBER),
        ("Where will the meeting be held?", kinds.PLACE),
        ("Why did Surrey drop it?", kinds.REASON),
        ("What reasons did the organiser give?", kinds.REASON),
        ("What's the argument for keeping it open?", kinds.REASON),
        ("What is the contract worth?", kinds.NUMBER),
        ("pool opening year", kinds.YEAR),
        ("car park year opened", kinds.YEAR),
        ("how much a year", kinds.NUMBER),
        ("How long will the trial run?", kinds.DURATION),
        ("Who decides?", kinds.PERSON),
        ("Who is the chief constable of Surrey?", kinds.NAME),
        ("What is the name of the spokesman?", kinds.NAME),
        ("Who is going to be the paid manager?", kinds.NAME),
        ("What does LOCOG stand for?", kinds.ABBREVIATION),
        ("Is Bedfordshire involved?", kinds.YESNO),
        ("What did G4S say in response?", kinds.SAID),
        ("what has the council told residents", kinds.SAID),
        ("What do you think about the deal?", None),  # asks the bot
        ("surrey plan", None),
    ],
)
def test_kind_asked(question: str, kind: str | None) -> None:
    assert asked(question) == kind


def test_kinds_given_by_an_answer() -> None:
    assert {kinds.NUMBER} <= kinds.given_by_text("Up to £77m a year.")
    assert kinds.DURATION not in kinds.given_by_text("Up to £77m a year.")
    assert kinds.WHEN in kinds.given_by_text("Early next week, at a meeting.")
    assert kinds.DATE in kinds.given_by_text("The protest is on 14 June.")
    assert kinds.NAME in kinds.given_by_text("It was said by Councillor Jane Ormerod.")
    assert kinds.NAME not in kinds.given_by_text("It was said by Surrey Police Authority.")
    assert kinds.PLACE not in kinds.given_by_text("They meet on Monday.")


def test_gives() -> None:
    assert kinds.gives(kinds.WHEN, {kinds.DATE})  # a date says when
    assert not kinds.gives(kinds.DATE, {kinds.WHEN})  # "Monday" is not a date
    assert not kinds.gives(kinds.DURATION, {kinds.NUMBER})
    assert kinds.gives(kinds.YESNO, set())  # any fact answers a yes/no question
    assert kinds.gives(None, set())


def test_whose_words_a_question_asks_for() -> None:
    assert kinds.speaker_asked("what did g4s say in response") == ["g4s"]
    assert kinds.speaker_asked("what has the council said about it") == ["the", "council"]
    assert kinds.speaker_asked("what did the review find") == []


def test_only_the_verb_asks_for_someones_words() -> None:
    question = " ".join(text.words("What did the Home Secretary say about G4S?"))
    assert kinds.asked_with_words(question) == (kinds.SAID, frozenset({"say"}))


def test_someones_words_are_a_verb_of_speech_or_a_quotation() -> None:
    assert kinds.gives(kinds.SAID, kinds.given_by_text("A spokesman said it was early days."))
    assert kinds.gives(kinds.SAID, kinds.given_by_text("It was \u201cpainful but necessary\u201d."))
    assert not kinds.gives(kinds.SAID, kinds.given_by_text("The findings of the review."))


def test_how_long_is_answered_by_a_length_as_well_as_a_time() -> None:
    corridor = kinds.given_by_text("They wheel children along a 400-metre corridor.")
    assert kinds.gives(kinds.asked("how long is the corridor"), corridor)
    assert kinds.gives(kinds.DURATION, kinds.given_by_text("It is three miles away."))
    assert not kinds.gives(kinds.DURATION, kinds.given_by_text("It cost £5m."))


def test_how_often_is_not_how_long() -> None:
    assert kinds.asked("how many days a week does the bus run") == kinds.NUMBER
    assert kinds.asked("how many years will the contract last") == kinds.DURATION
    assert kinds.DURATION not in kinds.given_by_text("It runs six days a week.")
    assert kinds.DURATION in kinds.given_by_text("It ran for six days.")


def test_how_often_asks_for_a_frequency_that_a_count_alone_does_not_give() -> None:
    assert kinds.asked("how often does the bus run") == kinds.FREQUENCY
    assert kinds.asked("how many times a week do they meet") == kinds.FREQUENCY
    assert kinds.asked("how regularly is it cleaned") == kinds.FREQUENCY
    for given in ("three times a week", "every two hours", "a daily service", "six days a week"):
        assert kinds.gives(kinds.FREQUENCY, kinds.given_by_text(given)), given
    for not_given in ("Up to £77m a year.", "It met yesterday.", "It has 23 staff."):
        assert not kinds.gives(kinds.FREQUENCY, kinds.given_by_text(not_given)), not_given


def test_how_often_of_an_article_that_never_says_is_declined_with_the_closest() -> None:
    result = Engine(load_knowledge(BUNDLED)).ask("How often do the chief constables meet?")
    assert not result.answered
    assert result.closest is not None and result.closest.id == "chiefs-met"


def test_contact_details_are_a_kind_of_their_own() -> None:
    assert kinds.asked("whats the phone number to book the minibus") == kinds.PHONE
    assert kinds.asked("what is the councils email address") == kinds.CONTACT
    assert kinds.asked("dene road entrance postcode") == kinds.CONTACT
    assert kinds.asked("how many numbers are there") == kinds.NUMBER
    booked = kinds.given_by_text("It is booked by phone or app at least two hours ahead.")
    assert not kinds.gives(kinds.CONTACT, booked)  # says a phone is used, gives no number
    assert kinds.gives(kinds.CONTACT, kinds.given_by_text("Call 01234 567890 to book."))
    assert kinds.gives(kinds.CONTACT, kinds.given_by_text("See www.example.gov.uk."))
    # Asked for a phone number, a website is not one.
    assert not kinds.gives(kinds.PHONE, kinds.given_by_text("See www.example.gov.uk."))
    assert kinds.gives(kinds.PHONE, kinds.given_by_text("Call 01234 567890 to book."))


def test_how_much_money_of_an_entry_counting_metres_is_a_near_miss() -> None:

    from bot.engine import Engine

    engine = Engine.load(EVAL / "flood-defences")
    # The panels' entry gives "a 200-metre stretch" and "three new flood gates", no price.
    assert not engine.ask("How much will the glass panels at Mill Quay cost?").answered
    assert engine.ask("How much will the flood scheme cost?").answered


def test_a_fragment_asking_for_figures_asks_for_a_number() -> None:
    assert kinds.asked("petition numbers") == kinds.NUMBER
    assert kinds.asked("visitor figures last year") == kinds.NUMBER
    assert kinds.asked_with_words("petition numbers")[1] == {"numbers"}


def test_how_old_asks_for_an_age_that_only_an_age_or_a_year_gives() -> None:
    assert kinds.asked("how old is derek halliwell") == kinds.AGE
    assert kinds.asked("derek hollins age") == kinds.AGE
    assert kinds.asked("what age is the pensioner") == kinds.AGE
    for given in ("Arthur Bramwell, 78, of Little Brenfield", "a 67-year-old", "aged 81"):
        assert kinds.gives(kinds.AGE, kinds.given_by_text(given)), given
    # "How old is the pool?" is answered by the year it opened.
    assert kinds.gives(kinds.AGE, kinds.given_by_text("It opened in 1974."))
    for not_given in ("Derek Halliwell runs a hardware shop.", "It has 23 staff, 4 of them new."):
        assert not kinds.gives(kinds.AGE, kinds.given_by_text(not_given)), not_given


def test_how_old_of_someone_whose_age_the_article_never_gives_is_declined() -> None:

    articles = EVAL
    car_park = Engine.load(articles / "car-park")
    # The trader is quoted with his shop, not his age: no sentence about him answers this.
    assert not car_park.ask("how old is derek halliwell").answered
    bus_route = Engine.load(articles / "bus-route")
    # The pensioner's entry is the only close one that gives an age ("Arthur Bramwell, 78"),
    # though another about his village scores as high: asked how old, it is the answer.
    result = bus_route.ask("how old is the man from little brenfield they talked to")
    assert result.answered and result.entry is not None
    assert "78" in result.entry.quote


def test_a_date_something_runs_until_says_how_long_it_has() -> None:
    assert kinds.gives(kinds.DURATION, kinds.given_by_text("It is open until 5pm on 14 November."))


def test_the_verb_of_how_long_asks_the_duration_with_it() -> None:
    assert kinds.asked_with_words("how long will the trial run")[1] == {"how", "long", "run"}


def test_what_something_is_called_asks_its_name() -> None:
    assert asked("what is the new service called") == kinds.NAME
    assert asked("what's the minibus called") == kinds.NAME
    assert asked("who called the meeting") == kinds.PERSON


def test_what_make_asks_for_a_name() -> None:
    assert asked("what make are the new lorries") == kinds.NAME
    assert asked("What does the council make of it?") != kinds.NAME


def test_a_role_in_government_is_no_persons_name() -> None:
    given = kinds.given_by_text("They will ask the Secretary of State for Local Government.")
    assert kinds.NAME not in given


def test_which_party_asks_for_a_political_party() -> None:
    assert asked("Which party is Cllr Oakes with?") == kinds.PARTY
    assert asked("helen marsh political party") == kinds.PARTY
    assert kinds.gives(kinds.PARTY, kinds.given_by_text("Cllr Ann Oakes (Liberal Democrat) said"))
    assert not kinds.gives(kinds.PARTY, kinds.given_by_text("Cllr Ann Oakes said it was wrong."))


def test_a_unit_the_article_never_mentions_is_a_near_miss() -> None:

    engine = Engine.load(EVAL / "windfarm")
    # The conditions name noise limits, in no unit.
    assert not engine.ask("what is the noise limit in decibels").answered
    assert engine.index.analyse("noise limit decibels").unknown_specifics == ("decibels",)


@pytest.mark.parametrize(
    ("article", "near_miss", "answered"),
    [
        # The homes-and-shops entry matches "new buildings at Mill Lane" well, but counts no
        # storeys.
        (
            "car-park",
            "How many storeys will the new buildings at Mill Lane be?",
            "How many homes will be built at Mill Lane?",
        ),
        # The article gives the bill in 2021 and this year, not in 2022.
        ("street-lights", "wat was the lighting bill in 2022", "wat was the lighting bill in 2021"),
        # The entry gives the new site's 48 stalls, not how many are booked.
        (
            "market",
            "How many of the 48 stalls at the new site are taken already?",
            "How many stalls will the new site have?",
        ),
        # The budget is £86,000 for canopies, lighting and a crossing together.
        ("market", "What will the crossing cost on its own?", "What is the budget for the move?"),
        # "More than 300 objections" is not an exact figure.
        ("windfarm", "precisely how many people objected", "how many people objected"),
        # The farmer's entry says turbine rent helps the farm, not how much it is.
        (
            "windfarm",
            "how much rent does the farmer get",
            "how much will the community fund get each year",
        ),
        # The entry says the fees go to "the county council", and names none.
        (
            "market",
            "Which county council gets the closure fees?",
            "Who gets the road closure fees?",
        ),
    ],
)
def test_a_detail_the_article_lacks_is_a_near_miss(
    article: str, near_miss: str, answered: str
) -> None:
    engine = Engine.load(EVAL / article)
    result = engine.ask(near_miss)
    assert not result.answered and result.closest is not None
    assert engine.ask(answered).answered


def test_an_ordinal_the_knowledge_never_mentions_is_a_specific_it_lacks() -> None:
    engine = Engine.load(EVAL / "permits")
    assert engine.index.analyse("third car permit price").unknown_specifics == ("third",)
    assert not engine.ask("third car permit price").answered


def test_a_fact_given_only_for_something_else_does_not_answer() -> None:
    quote = (
        "A public consultation is open until 5pm on 14 November. Drop-in sessions will be "
        "held at the library on 28 October."
    )
    sessions = {text.stem(w) for w in ("drop", "sessions")}
    assert kinds.fact_apart(kinds.TIME, quote, sessions)
    # the sentence about the consultation gives its time
    assert not kinds.fact_apart(kinds.TIME, quote, {text.stem("consultation")})
    # one sentence, or a sentence that says both: no telling whose the fact is
    assert not kinds.fact_apart(kinds.TIME, "Sessions run until 5pm at the library.", sessions)
    assert not kinds.fact_apart(
        kinds.NUMBER, "The pool opens in May. A swim will cost £5.", {text.stem("swim")}
    )
    # a place may be given in any words: not told apart
    assert not kinds.fact_apart(kinds.PLACE, quote, sessions)


def test_a_party_is_named_with_its_capitals() -> None:
    assert kinds.PARTY in kinds.given_by_text("Cllr Ann Hale (Labour) voted against.")
    assert kinds.PARTY not in kinds.given_by_text("MP Ian Lee asked for an independent review.")
    assert kinds.PARTY not in kinds.given_by_text("Ambulances stand by for transfers in labour.")


def test_a_deadline_month_is_the_date_by_which_and_how_large_a_sum_is_an_amount() -> None:
    assert kinds.DATE in kinds.given_by_text("It must save £14.2 million by March 2027.")
    assert kinds.DATE not in kinds.given_by_text("It opened in 2019.")
    assert asked("How large a grant will each group be given?") == kinds.NUMBER
    assert asked("how big is the pool") is None


def test_a_fact_given_in_a_clause_about_something_else_is_apart() -> None:
    meeting = {text.stem(w) for w in ("public", "meeting", "thursday")}
    quote = "A meeting will be held at the hall at 7pm on Thursday, and the committee will "
    quote += "review the timetable on 12 February."
    assert kinds.fact_apart(kinds.DATE, quote, meeting)
    review = {text.stem(w) for w in ("committee", "review", "timetable")}
    assert not kinds.fact_apart(kinds.DATE, quote, review)
    comment = "Residents have until Friday, 28 March, to comment before it goes to the "
    comment += "planning committee in May."
    committee = {text.stem(w) for w in ("planning", "committee", "meeting")}
    assert kinds.fact_apart(kinds.DATE, comment, committee)
    # the clause most about the question must give it, though another mentions a word of it
    panel = {text.stem(w) for w in ("police", "crime", "panel", "meeting")}
    both = "She will answer questions at a meeting at the hall at 7pm, and the police and crime "
    both += "panel will consider the plans on 29 January."
    assert kinds.fact_apart(kinds.TIME, both, panel)
    assert not kinds.fact_apart(kinds.TIME, both, {text.stem("meeting")})


def test_a_start_or_finish_time_in_keywords_asks_a_time() -> None:
    assert asked("st anne s meeting finish time") == kinds.TIME
    assert asked("cabinet meeting start time") == kinds.TIME
    assert asked("meeting date") == kinds.WHEN


def test_an_age_is_not_a_length_of_time() -> None:
    assert kinds.DURATION not in kinds.given_by_text("A 125-year-old carriage was destroyed.")
    assert kinds.AGE in kinds.given_by_text("A 125-year-old carriage was destroyed.")
    assert kinds.DURATION in kinds.given_by_text("Restoring it took 14 years.")
