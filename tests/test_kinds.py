"""The kind of fact asked for, and what an entry's answer gives."""

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


def test_what_a_text_counts_and_what_how_many_asks() -> None:
    counted = kinds.counted_words("over 4,000 signatures, 26 beds and four high-dependency beds")
    assert {"signatures", "beds", "dependency"} <= counted
    assert kinds.counted_asked("how many police officers does it have") == [
        "police",
        "officers",
        "does",
    ]
    assert kinds.counted_asked("when did they meet") == []


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


def test_a_vote_tally_counts_those_who_voted() -> None:
    assert {"members", "votes"} <= kinds.counted_words("The cabinet voted five to two.")
    assert "members" in kinds.counted_words("It passed by 7-2 on Tuesday.")
    assert "members" not in kinds.counted_words("Five to two hundred people came.")


def test_numbers_of_something_and_uses_are_counts_too() -> None:
    # "visitor numbers have fallen … to 174,000" counts visitors; a count of journeys or
    # visits answers how many people use something.
    assert "visitor" in kinds.counted_words("Visitor numbers fell to 174,000.")
    assert "pupils" in kinds.counted_words("The number of pupils rose to 1,200.")
    assert "visitor" not in kinds.counted_words("Visitor numbers fell sharply.")  # no number
    assert "users" in kinds.counted_words("There were 9,400 journeys last year.")
    assert "users" not in kinds.counted_words("It has 26 beds.")


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


def test_how_much_money_is_asked() -> None:
    assert kinds.money_asked("how much will the glass panels cost")
    assert kinds.money_asked("how much is the contract worth")
    assert not kinds.money_asked("how much of the site will be flooded")
    assert not kinds.money_asked("what will it cost")  # no "how much": asked some other way
    assert "money" in kinds.counted_words("It will cost £74,000 a year.")


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


def test_how_many_people_in_general_is_answered_by_a_count_of_any_people() -> None:
    assert "people" in kinds.counted_asked("how many kids will the school hold")
    assert "people" not in kinds.counted_asked("how many pupils took part")  # pupils, then
    assert "people" in kinds.counted_words("raising pupil numbers from 315 to 420")


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


def test_complaints_and_objections_are_counts_of_people() -> None:
    assert "people" in kinds.counted_words("The council has received 187 written objections.")
    assert "people" in kinds.counted_words("It had 214 complaints in six weeks.")


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


def test_a_rate_asked_needs_a_text_giving_that_rate() -> None:
    phrase = " ".join(text.words("How much does it cost per hour to park?"))
    assert kinds.rate_asked(phrase) == "hour"
    assert kinds.rate_asked("what is the annual fee") == "year"
    assert kinds.rate_asked("how much did it cost") is None
    assert kinds.gives_rate("week", "Frozen at £32 a week for a standard stall.")
    assert kinds.gives_rate("year", "£84,000 annually")
    assert not kinds.gives_rate("hour", "£2.35 million, to a developer.")
    assert not kinds.gives_rate("year", "the council pays the insurance for the first two years")
    assert kinds.gives_rate("day", "2,300 passengers pass through every weekday")
    engine = Engine.load(EVAL / "car-park")
    assert engine.index.analyse("how much is it to park per hour").rate == "hour"
    assert not engine.ask("how much is it to park per hour at mill lane").answered


def test_only_rough_figures_of_what_was_asked() -> None:
    objections = {text.stem("objections")}
    rough = "approved four turbines despite more than 300 objections"
    assert kinds.only_rough_figures(rough, objections)
    assert not kinds.only_rough_figures("approved four turbines despite 312 objections", objections)
    # A rough figure of something else does not count against an exact one of what was asked.
    mixed = "about 40 people came; 312 objections were sent"
    assert not kinds.only_rough_figures(mixed, objections)
    # A text without any figure of what was asked is for the other checks to judge.
    assert not kinds.only_rough_figures("more than 300 people came", objections)


def test_the_end_of_a_period_asked_needs_a_text_giving_that_end() -> None:
    assert kinds.end_asked("when does the share offer close") == "end"
    assert kinds.end_asked("consultation start date") == "start"
    assert kinds.end_asked("when does it open and close") is None
    assert kinds.gives_other_end("end", "It opens on 1 July with a target of £50,000.")
    assert not kinds.gives_other_end("end", "It closes at 5pm on Friday, 14 February.")
    # A range gives both ends; a text naming neither is for the other checks.
    assert not kinds.gives_other_end("end", "It will run from 3 March to 14 April.")
    assert not kinds.gives_other_end("start", "At the village hall on Thursday 12 June.")
    # Reopening is a start, whatever else closed before.
    reopening = "The museum will reopen on Saturday 14 June, two years after it closed."
    assert not kinds.gives_other_end("start", reopening)
    assert kinds.end_asked("when does the museum reopen") == "start"
    # a meeting "at 7pm" starts then
    meeting = "At the church hall on Thursday 20 March at 7pm."
    assert kinds.gives_other_end("end", meeting)
    assert not kinds.gives_other_end("start", meeting)
    assert not kinds.gives_other_end("end", "The meeting runs from 7pm to 9pm.")


def test_a_target_does_not_say_how_much_came_in_so_far() -> None:
    assert kinds.gives_only_target("It opens on 1 July with a target of £50,000.")
    assert not kinds.gives_only_target("It has raised £12,000 of its £50,000 target so far.")
    assert not kinds.gives_only_target("The petition has 4,860 signatures.")


def test_a_name_asked_needs_a_text_naming_more_than_the_question() -> None:
    assert asked("wats margaret pellows dads name") == kinds.NAME
    question = {text.stem(w) for w in text.words("what is margaret pellows dads name")}
    assert not kinds.names_beyond("Margaret Pellow, 67, took over from her father.", question)
    assert kinds.names_beyond("Margaret Pellow took over from her father, Arthur Pellow.", question)


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("whats the name of the harbour masters assistant", "assist"),
        ("name of the chapel on station road", "chapel"),
        ("ferry operator name", "oper"),
        ("who was the builder that restored it", "builder"),
        ("who is the current head teacher at the school", "teacher"),
        ("names of the other two new wards", "ward"),
        ("which developer would build the flats", "develop"),
        ("what film is showing on the last night", "film"),
        ("which councillors voted against it", "councillor"),
        ("which two cabinet members voted against it", "member"),
        ("what about business support", None),
        ("who chairs the licensing committee", "chair"),
        ("who was council leader before her", "leader"),
        ("who is running the campaign", None),
        ("who is rumoured to have decided", None),
        # not a role: whose name is asked in general, or who does something
        ("what is your full name", None),
        ("who are the residents objecting to", None),
        ("who are the people against the plan", None),
        # (a name, "who is claire benson", is told apart in bot.query: it knows the names)
        ("when does the market open", None),
    ],
)
def test_the_role_whose_holder_is_asked(question: str, role: str | None) -> None:
    assert kinds.role_asked(question) == role


def test_a_role_asked_needs_a_name_beside_it_in_the_text() -> None:
    stems = {text.stem(w) for w in text.words("whats the name of the brightplate spokesperson")}
    role = "spokesperson"
    assert not kinds.names_role("A Brightplate spokesperson said it was disappointed.", role, stems)
    # a name far from the role is someone else's
    assert not kinds.names_role(
        "Anne Holt, who chairs the group, said it was a shame and the spokesperson agreed.",
        role,
        stems,
    )
    assert kinds.names_role("Brightplate spokesperson Ian Reed said it was sad.", role, stems)
    assert kinds.names_role("Ian Reed, a spokesperson for Brightplate, said so.", role, stems)
    # days and months are no names; a text without the role may name its holder any way
    assert not kinds.names_role("On Monday in June a spokesperson said so.", role, stems)
    assert kinds.names_role("The plan was to hand the work to G4S.", "compani", set())


def test_a_relative_time_asked_needs_a_text_speaking_of_it() -> None:
    assert kinds.time_asked("how much did the pool lose last year") == "last year"
    assert kinds.time_asked("will the fees rise again next year") == "next year"
    assert kinds.time_asked("what did it make the year before last") == "year before last"
    assert kinds.time_asked("what did it make in the winter before last") == "winter before last"
    assert kinds.time_asked("how much does it cost") is None
    assert kinds.speaks_of_time("last year", "It lost £410,000 in the last financial year.")
    assert kinds.speaks_of_time("last year", "Visits over the past year fell by a third.")
    assert kinds.speaks_of_time(
        "last year", "It spent £1.4m on agency staff in the past 12 months."
    )
    # a year by number may be last year: the article's date is not known
    assert kinds.speaks_of_time("last year", "It lost £410,000 in 2024.")
    assert not kinds.speaks_of_time("last year", "Its annual maintenance budget is £650,000.")
    assert not kinds.speaks_of_time("next year", "Fees rise by 20 per cent from April.")
    assert kinds.speaks_of_time("next year", "Fees rise again in the coming year.")
    # this year is what a text speaks of, unless it speaks of another year alone
    assert kinds.time_asked("how much will the groups get this year") == "this year"
    assert kinds.speaks_of_time("this year", "Grants range from £250 to £3,500.")
    assert not kinds.speaks_of_time("this year", "Last year, 31 groups got grants.")


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


def test_a_price_is_asked_of_what_is_bought_and_in_keywords() -> None:
    assert kinds.money_asked("how much is a ticket at the lyric")
    assert kinds.money_asked("how much are the fares now")
    assert kinds.money_asked("cost of the new lifts")
    assert kinds.money_asked("replacement boiler cost")
    assert not kinds.money_asked("how much land is left")
    assert not kinds.money_asked("what will it cost")


def test_a_sum_counts_pounds_not_what_it_is_spent_on() -> None:
    counted = kinds.counted_words("The trust spent £1.4 million on agency nurses.")
    assert "money" in counted and "nurses" not in counted
    assert "nurses" in kinds.counted_words("It hired 1,400 agency nurses.")
    assert "homes" in kinds.counted_words("Sixteen of the homes would be affordable.")
    admissions = "Admissions at the cinema, which opened in 1938, had dropped from around 1,900."
    assert "users" in kinds.counted_words(admissions)
    # going there is using it; working there is not
    assert "users" in kinds.counted_asked("how many people go there a week")
    assert "users" not in kinds.counted_asked("how many people work there")


def test_a_day_the_question_names_must_be_the_texts() -> None:
    assert kinds.days_named("what time does the meeting on april 9 start") == {"9 apr"}
    assert kinds.days_named("On Thursday, April 3, at 7pm; then the 9th of April.") == {
        "3 apr",
        "9 apr",
    }
    assert kinds.days_named("the meeting in april") == frozenset()


def test_a_persons_role_needs_a_persons_name() -> None:
    stems = {text.stem(w) for w in text.words("margaret pryce husband name")}
    husband = text.stem("husband")
    assert kinds.role_asked("margaret pryce husband name") == husband
    # a place beside the role is no husband
    assert not kinds.names_role(
        "She met her late husband in the Regal's queue in 1966.", husband, stems
    )
    assert kinds.names_role("She met her husband, Frank Pryce, in 1966.", husband, stems)
    assert kinds.names_role("She married Mr Pryce, her husband of 50 years.", husband, stems)
    # a run naming an organisation is no person
    assert not kinds.names_role("Her husband worked at Brantwick Methodist Hall.", husband, stems)


def test_an_age_is_given_by_the_year_something_began_not_by_any_year() -> None:
    assert kinds.age_by_year("The pool, which opened in 1976, needs a new roof.")
    assert kinds.age_by_year("The bridge was completed in 1794 to a design by John Parrock.")
    assert not kinds.age_by_year("Tom Hale, who first went to the Lyric in 1962, said so.")


def test_a_grant_towards_something_is_not_what_it_costs() -> None:
    def stems(question: str) -> set[str]:
        return {text.stem(w) for w in text.words(question)}

    helped = "They will fit solar panels, helped by a £40,000 grant from the trust."
    assert kinds.only_help_towards(helped, stems("how much will the solar panels cost"))
    assert not kinds.only_help_towards(helped, stems("how big is the grant for the panels"))
    costed = "The panels will cost £90,000, helped by a £40,000 grant."
    assert not kinds.only_help_towards(costed, stems("how much will the solar panels cost"))


def test_what_was_achieved_is_not_given_by_what_was_required() -> None:
    assert kinds.achieved_asked("how many nurses did the agency actually manage to send".split())
    assert kinds.achieved_asked("how many nurses did they eventually send".split())
    assert kinds.achieved_asked("how many beds are there right now".split())
    # what was required is asked; "actually" in a question about a plan is emphasis
    assert not kinds.achieved_asked("how many nurses were they supposed to send".split())
    assert not kinds.achieved_asked("how many rooms are they actually adding".split())
    assert kinds.gives_only_aim("400 nurses, as required by the trust.")
    assert not kinds.gives_only_aim("It sent 250 of the 400 nurses required.")
    assert not kinds.gives_only_aim("A room for children with special needs.")
    # and what is needed is not given by what there is
    assert kinds.aim_asked("how many signatures do they need".split())
    assert kinds.gives_no_aim("The petition has 1,200 signatures.")
    assert not kinds.gives_no_aim("It needs 10,000 signatures to be debated.")


def test_by_how_much_a_cost_rose_may_be_a_share() -> None:
    assert "money" not in kinds.counted_asked("by how much have fuel costs gone up")
    assert "money" not in kinds.counted_asked("how much have business rates gone up")
    assert "money" in kinds.counted_asked("how much are the business rates in pounds")
    assert "money" in kinds.counted_asked("how much will the new flats sell for")
    assert "money" in kinds.counted_asked("how much do the fuel costs come to")


def test_one_of_a_series_is_not_another() -> None:
    assert kinds.series_named("what is the target for category three calls", question=True) == {
        "category 3"
    }
    assert kinds.series_named("band a increase", question=True) == {"band a"}
    assert kinds.series_named("Two new zones, F and G, are planned.") == {"zone f", "zone g"}
    # a lower-case letter in a text is no member: "level a year"
    assert kinds.series_named("costs stayed at a higher level a year ago") == frozenset()
    assert kinds.other_of_series({"category 3"}, "Category two calls wait 47 minutes.")
    assert not kinds.other_of_series({"category 2"}, "Category two calls wait 47 minutes.")
    assert not kinds.other_of_series({"band a"}, "The rise is 8.5 per cent.")


def test_a_month_asked_is_not_another_months() -> None:
    assert kinds.months_asked("what was the wait in december") == {"dec"}
    # "may" and "march" are verbs and protests too
    assert kinds.months_asked("may i ask when the march is") == frozenset()
    assert kinds.months_asked("what happens in may") == {"may"}
    assert kinds.other_months({"dec"}, "9 minutes 48 seconds in January.")
    assert not kinds.other_months({"jan"}, "9 minutes 48 seconds in January.")
    assert not kinds.other_months({"dec"}, "9 minutes 48 seconds, against a target of seven.")


def test_a_number_added_is_no_total() -> None:
    beds = {text.stem("beds")}
    assert kinds.total_asked("total beds at the hospital")
    assert kinds.total_asked("how many beds are there in total")
    assert kinds.only_increments("It has opened 22 extra beds since November.", beds)
    assert not kinds.only_increments("26 beds, including four new high-dependency beds.", beds)
    assert not kinds.only_increments("Two new wards, bringing the total to seven.", {"ward"})
    # a part is no total either
    assert kinds.only_increments("The storm cracked three of its columns.", {"column"})
    # a part is no total either
    assert kinds.only_increments("The storm cracked three of its columns.", {"column"})


def test_a_kind_of_ticket_asked_is_not_another_priced() -> None:
    fares = "An adult single costs £4.20; a weekly season ticket £31.50."
    assert kinds.ticket_kinds("what is the price of a child ticket") == {"child"}
    assert kinds.other_tickets({"child"}, fares)
    assert kinds.other_tickets({"return"}, fares)
    assert not kinds.other_tickets({"adult"}, fares)
    # a text pricing no kind of ticket may price them all; a sum with no ticket in sight
    # prices something else
    assert not kinds.other_tickets({"child"}, "Tickets cost £10 per person.")
    # a sum with no ticket, fare or pass in sight prices something else
    assert kinds.other_tickets({"monthly"}, "The scheme will cost £6.8m.")
    assert kinds.other_tickets({"monthly"}, "The scheme will cost £6.8m.")


def test_one_sum_for_several_things_does_not_price_one_of_them() -> None:
    def stems(question: str) -> set[str]:
        return {text.stem(w) for w in text.words(question) if text.is_content_word(w)}

    together = "£86,000 for new canopies, better lighting and a zebra crossing."
    assert kinds.one_of_several(together, stems("how much will the zebra crossing cost"))
    # All of them, or none named: the sum answers.
    assert not kinds.one_of_several(together, stems("how much for canopies and lighting"))
    assert not kinds.one_of_several(together, stems("what is the budget"))
    # Sums of their own: each is given.
    apart = "£30,000 for the refit, £12,000 for stock and the rest for the lease and rent."
    assert not kinds.one_of_several(apart, stems("how much for the refit"))


def test_what_a_text_counts_reads_hyphenated_words_and_what_changed() -> None:
    assert "posts" in kinds.counted_words("the loss of 17.5 full-time equivalent posts")
    changed = "visits to Harrowdale libraries fell from 1.9 million to 1.3 million"
    assert "visits" in kinds.counted_words(changed)
    doubled = "objections from traders had more than doubled in three years, from 40 to 95"
    assert "objections" in kinds.counted_words(doubled)
    # what a number counts, named before it
    assert "boxes" in kinds.counted_words("Of those boxes, 310 went to schools.")
    # each response is someone's: a count of people
    assert "people" in kinds.counted_words("The survey received 1,204 responses.")


def test_a_deadline_month_is_the_date_by_which_and_how_large_a_sum_is_an_amount() -> None:
    assert kinds.DATE in kinds.given_by_text("It must save £14.2 million by March 2027.")
    assert kinds.DATE not in kinds.given_by_text("It opened in 2019.")
    assert asked("How large a grant will each group be given?") == kinds.NUMBER
    assert asked("how big is the pool") is None


def test_how_many_of_the_things_counts_the_things() -> None:
    assert "homes" in kinds.counted_asked("how many of the new homes would be for social rent")
    assert "plots" in kinds.counted_words("only 31 of the affected plots are currently let")
    allotments = Engine.load(EVAL / "allotments")
    analysed = allotments.index.queries.analyse("how many of the doomed plots are empty")
    assert not analysed.focus_unknown  # the question turns on plots, not on "doomed"


def test_new_or_extra_things_are_counted_as_the_things() -> None:
    assert "trams" in kinds.counted_asked("how many new trams will be bought")
    assert "new" not in kinds.counted_asked("how many new trams will be bought")
    assert "lorries" in kinds.counted_words("seven new food waste lorries, based at the depot")


def test_what_the_rent_was_asks_money() -> None:
    assert kinds.money_asked("what was the rent at brook street")
    assert kinds.money_asked("what s the new price of a permit")
    assert not kinds.money_asked("what was the reason")


def test_the_rest_going_towards_several_things_prices_none_of_them() -> None:
    quote = "The rent is covered by a £25,000 grant, with the rest going towards shelving, a van "
    quote += "and a walk-in chiller."
    chiller = {text.stem(w) for w in ("walk", "in", "chiller", "cost")}
    assert kinds.one_of_several(quote, chiller)


def test_when_something_began_is_asked_and_given_by_a_year_it_began() -> None:
    assert kinds.origin_asked("when was the old bridge built")
    assert kinds.origin_asked("what year did the market first open")
    assert kinds.origin_asked("which year was the ferry company founded")
    assert not kinds.origin_asked("when will construction of the new station start")
    assert not kinds.origin_asked("when does the bridge open again")
    assert kinds.age_by_year("The pier opened in 1887 and is 340 metres long.")
    assert not kinds.age_by_year("The home will close on 31 March next year.")


def test_a_person_named_is_told_from_a_place_named() -> None:
    stems = {text.stem(w) for w in ("gareth", "pryce", "old")}
    assert kinds.names_person("landlord Gareth Pryce, who has run it since 2016", stems)
    assert not kinds.names_person("The Red Lion, which has stood since 1820", stems)
    farmer = text.stem("farmer")
    assert not kinds.names_role("A torc found by a farmer at Cragg Edge in 1987.", farmer, set())
    assert kinds.names_role("A torc found by farmer Jim Hale in 1987.", farmer, set())


def test_the_rest_of_a_list_is_not_given_by_a_text_naming_some_of_it() -> None:
    assert kinds.others_asked("what are the names of the other two new galleries")
    assert kinds.others_asked("which other villages will lose their bus")
    assert not kinds.others_asked("what are the names of the new galleries")
    assert kinds.names_only_some("Three new galleries, including Wool and Water.")
    assert not kinds.names_only_some("Two new galleries: Wool and Water, and The Mills.")


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


def test_where_is_answered_only_by_a_place_the_question_does_not_name() -> None:
    stems = {text.stem(w) for w in "where will the 42 stop instead of bridge street".split()}
    assert not kinds.places_beyond("The 42 will stop calling at Bridge Street.", stems)
    assert kinds.places_beyond("The 42 will stop at Tanner Street instead.", stems)
    assert kinds.places_beyond("It sends its waste to landfill at Greyfield.", stems)
    assert kinds.places_beyond("A footbridge will be installed 40 metres downstream.", stems)
    assert kinds.places_beyond("Stalls will move to the car park by the station.", stems)


@pytest.mark.parametrize(
    ("question", "role", "text_", "names"),
    [
        # members asked by name need a person's name, not a council's
        (
            "which two cabinet members voted against the plan",
            "member",
            "Northbrook District Council's cabinet voted five to two on Tuesday.",
            False,
        ),
        (
            "which two cabinet members voted against the plan",
            "member",
            "Cabinet members Ann Lee and Tom Hart voted against.",
            True,
        ),
        ("who voted against it", "member", "Nine votes to three, in the Guildhall.", False),
        # a thing's name stands right by it, and not after "in"
        (
            "what film will be the very last one shown",
            "film",
            "The Regal Picture House in Brantwick will show its last film on Sunday.",
            False,
        ),
        (
            "what film will be the very last one shown",
            "film",
            "Its last film will be Casablanca, on Sunday.",
            True,
        ),
        (
            "what are the names of the four pubs",
            "pub",
            "We have lost four pubs in Ashcombe since 2010.",
            False,
        ),
        (
            "what are the names of the four pubs",
            "pub",
            "We have lost four pubs, the Red Lion among them.",
            True,
        ),
    ],
)
def test_a_role_or_thing_asked_by_name_needs_a_name_beside_it(
    question: str, role: str, text_: str, names: bool
) -> None:
    assert kinds.role_asked(question) == text.stem(role)
    stems = {text.stem(w) for w in question.split()}
    assert kinds.names_role(text_, text.stem(role), stems) is names


def test_a_season_asked_is_not_answered_by_another_seasons_figure() -> None:
    assert kinds.seasons_named("how many visitors in the winter months") == {"winter"}
    summer = "The pier draws 9,000 visitors a week in the summer season."
    assert kinds.other_seasons({"winter"}, summer)
    assert not kinds.other_seasons({"summer"}, summer)
    assert not kinds.other_seasons({"winter"}, "The pier draws 9,000 visitors a week.")


def test_a_year_asked_needs_a_fact_for_that_year() -> None:
    assert kinds.years_named("how much rain fell in spring 1976") == {"1976"}
    driest = "Rainfall was 41 per cent of the average, the driest spring since 1976."
    assert "1976" not in kinds.years_named(driest, since=False)
    assert "1976" in kinds.years_named(driest)
    assert kinds.years_named("Leaks fixed in 2023: 14,500.", since=False) == {"2023"}


def test_one_bound_of_a_figure_is_not_the_other() -> None:
    assert kinds.bound_asked("what s the minimum fine for breaking the ban") == "least"
    assert kinds.bound_asked("max fine") == "most"
    assert kinds.bound_asked("how much is the fine") is None
    assert kinds.gives_other_bound("least", "Up to £1,000.")
    assert not kinds.gives_other_bound("most", "Up to £1,000.")
    assert not kinds.gives_other_bound("least", "At least £100 and up to £1,000.")


def test_who_will_chair_asks_a_person_beside_the_office() -> None:
    assert kinds.role_asked("who will chair the public meeting") == text.stem("chair")
    hall = "At Amberton Town Hall on Tuesday 15 July at 7pm."
    assert not kinds.names_role(hall, text.stem("chair"), {text.stem("meeting")})


def test_an_amount_of_something_else_is_not_money() -> None:
    assert not kinds.money_asked("how much water is lost through leaking pipes each day")
    assert not kinds.money_asked("how much decking got lost")
    assert kinds.money_asked("how much money was lost")
    assert kinds.money_asked("how much did the club lose")
    assert kinds.money_asked("how much water will it cost to fill the pool")


def test_a_name_may_begin_a_sentence() -> None:
    company = text.stem("company")
    stems = {text.stem(w) for w in "hosepipe ban water company name".split()}
    assert kinds.names_role("Downland Water announced the ban yesterday.", company, stems)
    assert not kinds.names_role("The company announced the ban yesterday.", company, stems)
    bank = text.stem("bank")
    tom = {text.stem(w) for w in "which bank was tom fairweather a manager at".split()}
    assert not kinds.names_role("Chair Tom Fairweather, a retired bank manager.", bank, tom)


def test_one_thing_a_total_includes_has_no_figure_of_its_own() -> None:
    walk = {text.stem(w) for w in "sponsored walk amount raised".split()}
    raised = "The group raised £310,000, including a 26-mile sponsored walk around the town."
    assert kinds.only_in_a_total(raised, walk, counting=False)
    distance = {text.stem(w) for w in "sponsored walk distance".split()}
    assert not kinds.only_in_a_total(raised, distance, counting=False)
    refit = {text.stem("refit")}
    needs = "It needs £85,000, including £30,000 to refit the shop, with the rest covering rent."
    assert not kinds.only_in_a_total(needs, refit, counting=True)
    rent = {text.stem("rent")}
    assert kinds.only_in_a_total(needs, rent, counting=True)


def test_how_long_someone_has_been_so_needs_a_time_since() -> None:
    assert kinds.tenure_asked("how long has gillian trask been a planning inspector")
    assert kinds.tenure_asked("how long has he worked for harwood")
    assert not kinds.tenure_asked("how long will the inquiry last")
    assert not kinds.gives_tenure("Gillian Trask, who held a six-day public inquiry.")
    assert kinds.gives_tenure("Gillian Trask, an inspector since 2004.")
    assert kinds.gives_tenure("He has run the shop for 26 years.")


def test_one_of_a_pair_of_opposites_is_not_the_other() -> None:
    assert kinds.opposites_named("response time target 4 rural areas") == {"rural"}
    urban = "The average rose to 16 minutes, against a target of 15 minutes for urban areas."
    assert kinds.names_only_opposites({"rural"}, urban)
    assert not kinds.names_only_opposites({"urban"}, urban)
    assert not kinds.names_only_opposites({"rural"}, "Targets: 15 minutes urban, 20 rural.")
    assert kinds.is_office(text.stem("councillors"))
    assert not kinds.is_office(text.stem("benson"))


def test_a_start_or_finish_time_in_keywords_asks_a_time() -> None:
    assert asked("st anne s meeting finish time") == kinds.TIME
    assert asked("cabinet meeting start time") == kinds.TIME
    assert asked("meeting date") == kinds.WHEN


def test_days_of_the_week_and_the_time_something_began() -> None:
    assert kinds.weekdays_named("how much had the appeal raised by friday") == {"friday"}
    assert kinds.other_weekdays({"friday"}, "£38,600 by Wednesday evening.")
    assert not kinds.other_weekdays({"sunday"}, "Hourly, and two-hourly on Sundays.")
    assert kinds.at_origin_asked("how many members did the club have when it started")
    assert not kinds.at_origin_asked("how many turbines did the developer originally want")
    assert not kinds.gives_origin("The club has 148 members aged from six to 72.")
    assert kinds.gives_origin("It had 12 members when it was formed in 1962.")
    assert kinds.end_asked("when did the open air lido close") == "end"


def test_a_name_asked_where_the_text_never_says_what_is_no_place() -> None:
    club = kinds.role_asked("which club is lily brennan training with there now")
    assert club == text.stem("club")
    stems = {text.stem(w) for w in "which club is lily brennan training with".split()}
    won = "A 15-year-old who won the 200m butterfly at the championships in Dunmouth in March."
    assert not kinds.names_role(won, club, stems)
    assert kinds.role_asked("northvale leisure trust other centres names") == text.stem("centres")
    assert kinds.names_only_opposites({"national"}, "She won at the county championships.")


def test_an_age_is_not_a_length_of_time() -> None:
    assert kinds.DURATION not in kinds.given_by_text("A 125-year-old carriage was destroyed.")
    assert kinds.AGE in kinds.given_by_text("A 125-year-old carriage was destroyed.")
    assert kinds.DURATION in kinds.given_by_text("Restoring it took 14 years.")


def test_one_figure_for_several_places_is_not_one_places() -> None:
    engines = "Six fire engines from Millbeck, Tarnside and Carlow attended the blaze."
    assert kinds.one_of_places_counted(engines, {text.stem("tarnside"), text.stem("engines")})
    assert not kinds.one_of_places_counted(engines, {text.stem("engines")})
    assert not kinds.one_of_places_counted("Six engines from Tarnside attended.", {"tarnsid"})


def test_an_age_given_by_a_decade_or_a_year_it_began() -> None:
    shunter = "A brake van and a 1950s diesel shunter suffered smoke damage."
    assert kinds.age_by_year(shunter) and kinds.AGE in kinds.given_by_text(shunter)
    assert not kinds.states_age(shunter)
    assert kinds.states_age("Derek Hollins, 67, said so.")
    stems = {text.stem(w) for w in "what s the age of the museum shed".split()}
    assert kinds.places_beyond("Before that we swam in the open-air lido.", stems)


def test_a_total_is_not_the_sums_that_make_it_up() -> None:
    funders = "£1.85 million came from the Lottery, while the council contributed £900,000."
    assert kinds.only_parts_of_a_sum(funders)
    assert not kinds.only_parts_of_a_sum("It cost £1.24m, including £410,000 for columns.")
    assert not kinds.only_parts_of_a_sum("The full project cost £3.4 million, not £2.6 million.")
    assert not kinds.only_parts_of_a_sum("It will cost £4.2 million.")
    assert kinds.money_asked("what was the total cost of the refurbishment")
