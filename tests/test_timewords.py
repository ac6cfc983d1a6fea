"""What a question asks of a time, and whether a text speaks of it (bot.timewords)."""

from __future__ import annotations

from bot import kinds, text, timewords, which_one


def test_the_end_of_a_period_asked_needs_a_text_giving_that_end() -> None:
    assert timewords.end_asked("when does the share offer close") == "end"
    assert timewords.end_asked("consultation start date") == "start"
    assert timewords.end_asked("when does it open and close") is None
    assert timewords.gives_other_end("end", "It opens on 1 July with a target of £50,000.")
    assert not timewords.gives_other_end("end", "It closes at 5pm on Friday, 14 February.")
    # A range gives both ends; a text naming neither is for the other checks.
    assert not timewords.gives_other_end("end", "It will run from 3 March to 14 April.")
    assert not timewords.gives_other_end("start", "At the village hall on Thursday 12 June.")
    # Reopening is a start, whatever else closed before.
    reopening = "The museum will reopen on Saturday 14 June, two years after it closed."
    assert not timewords.gives_other_end("start", reopening)
    assert timewords.end_asked("when does the museum reopen") == "start"
    # a meeting "at 7pm" starts then
    meeting = "At the church hall on Thursday 20 March at 7pm."
    assert timewords.gives_other_end("end", meeting)
    assert not timewords.gives_other_end("start", meeting)
    assert not timewords.gives_other_end("end", "The meeting runs from 7pm to 9pm.")


def test_a_relative_time_asked_needs_a_text_speaking_of_it() -> None:
    assert timewords.time_asked("how much did the pool lose last year") == "last year"
    assert timewords.time_asked("will the fees rise again next year") == "next year"
    assert timewords.time_asked("what did it make the year before last") == "year before last"
    assert (
        timewords.time_asked("what did it make in the winter before last") == "winter before last"
    )
    assert timewords.time_asked("how much does it cost") is None
    assert timewords.speaks_of_time("last year", "It lost £410,000 in the last financial year.")
    assert timewords.speaks_of_time("last year", "Visits over the past year fell by a third.")
    assert timewords.speaks_of_time(
        "last year", "It spent £1.4m on agency staff in the past 12 months."
    )
    # a year by number may be last year: the article's date is not known
    assert timewords.speaks_of_time("last year", "It lost £410,000 in 2024.")
    assert not timewords.speaks_of_time("last year", "Its annual maintenance budget is £650,000.")
    assert not timewords.speaks_of_time("next year", "Fees rise by 20 per cent from April.")
    assert timewords.speaks_of_time("next year", "Fees rise again in the coming year.")
    # this year is what a text speaks of, unless it speaks of another year alone
    assert timewords.time_asked("how much will the groups get this year") == "this year"
    assert timewords.speaks_of_time("this year", "Grants range from £250 to £3,500.")
    assert not timewords.speaks_of_time("this year", "Last year, 31 groups got grants.")


def test_a_day_the_question_names_must_be_the_texts() -> None:
    assert timewords.days_named("what time does the meeting on april 9 start") == {"9 apr"}
    assert timewords.days_named("On Thursday, April 3, at 7pm; then the 9th of April.") == {
        "3 apr",
        "9 apr",
    }
    assert timewords.days_named("the meeting in april") == frozenset()


def test_an_age_is_given_by_the_year_something_began_not_by_any_year() -> None:
    assert timewords.age_by_year("The pool, which opened in 1976, needs a new roof.")
    assert timewords.age_by_year("The bridge was completed in 1794 to a design by John Parrock.")
    assert not timewords.age_by_year("Tom Hale, who first went to the Lyric in 1962, said so.")


def test_a_month_asked_is_not_another_months() -> None:
    assert timewords.months_asked("what was the wait in december") == {"dec"}
    # "may" and "march" are verbs and protests too
    assert timewords.months_asked("may i ask when the march is") == frozenset()
    assert timewords.months_asked("what happens in may") == {"may"}
    assert timewords.other_months({"dec"}, "9 minutes 48 seconds in January.")
    assert not timewords.other_months({"jan"}, "9 minutes 48 seconds in January.")
    assert not timewords.other_months({"dec"}, "9 minutes 48 seconds, against a target of seven.")


def test_when_something_began_is_asked_and_given_by_a_year_it_began() -> None:
    assert timewords.origin_asked("when was the old bridge built")
    assert timewords.origin_asked("what year did the market first open")
    assert timewords.origin_asked("which year was the ferry company founded")
    assert not timewords.origin_asked("when will construction of the new station start")
    assert not timewords.origin_asked("when does the bridge open again")
    assert timewords.age_by_year("The pier opened in 1887 and is 340 metres long.")
    assert not timewords.age_by_year("The home will close on 31 March next year.")


def test_a_season_asked_is_not_answered_by_another_seasons_figure() -> None:
    assert timewords.seasons_named("how many visitors in the winter months") == {"winter"}
    summer = "The pier draws 9,000 visitors a week in the summer season."
    assert timewords.other_seasons({"winter"}, summer)
    assert not timewords.other_seasons({"summer"}, summer)
    assert not timewords.other_seasons({"winter"}, "The pier draws 9,000 visitors a week.")


def test_a_year_asked_needs_a_fact_for_that_year() -> None:
    assert timewords.years_named("how much rain fell in spring 1976") == {"1976"}
    driest = "Rainfall was 41 per cent of the average, the driest spring since 1976."
    assert "1976" not in timewords.years_named(driest, since=False)
    assert "1976" in timewords.years_named(driest)
    assert timewords.years_named("Leaks fixed in 2023: 14,500.", since=False) == {"2023"}


def test_how_long_someone_has_been_so_needs_a_time_since() -> None:
    assert timewords.tenure_asked("how long has gillian trask been a planning inspector")
    assert timewords.tenure_asked("how long has he worked for harwood")
    assert not timewords.tenure_asked("how long will the inquiry last")
    assert not timewords.gives_tenure("Gillian Trask, who held a six-day public inquiry.")
    assert timewords.gives_tenure("Gillian Trask, an inspector since 2004.")
    assert timewords.gives_tenure("He has run the shop for 26 years.")


def test_days_of_the_week_and_the_time_something_began() -> None:
    assert timewords.weekdays_named("how much had the appeal raised by friday") == {"friday"}
    assert timewords.other_weekdays({"friday"}, "£38,600 by Wednesday evening.")
    assert not timewords.other_weekdays({"sunday"}, "Hourly, and two-hourly on Sundays.")
    assert timewords.at_origin_asked("how many members did the club have when it started")
    assert not timewords.at_origin_asked("how many turbines did the developer originally want")
    assert not timewords.gives_origin("The club has 148 members aged from six to 72.")
    assert timewords.gives_origin("It had 12 members when it was formed in 1962.")
    assert timewords.end_asked("when did the open air lido close") == "end"


def test_an_age_given_by_a_decade_or_a_year_it_began() -> None:
    shunter = "A brake van and a 1950s diesel shunter suffered smoke damage."
    assert timewords.age_by_year(shunter) and kinds.AGE in kinds.given_by_text(shunter)
    assert not timewords.states_age(shunter)
    assert timewords.states_age("Derek Hollins, 67, said so.")
    stems = {text.stem(w) for w in "what s the age of the museum shed".split()}
    assert which_one.places_beyond("Before that we swam in the open-air lido.", stems)
