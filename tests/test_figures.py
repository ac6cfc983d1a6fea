"""What a question asks of a figure, and whether a text gives it (bot.figures)."""

from __future__ import annotations

from bot import figures, text
from bot.engine import Engine
from tests.support.knowledge import EVAL


def test_what_a_text_counts_and_what_how_many_asks() -> None:
    counted = figures.counted_words("over 4,000 signatures, 26 beds and four high-dependency beds")
    assert {"signatures", "beds", "dependency"} <= counted
    assert figures.counted_asked("how many police officers does it have") == [
        "police",
        "officers",
        "does",
    ]
    assert figures.counted_asked("when did they meet") == []


def test_a_vote_tally_counts_those_who_voted() -> None:
    assert {"members", "votes"} <= figures.counted_words("The cabinet voted five to two.")
    assert "members" in figures.counted_words("It passed by 7-2 on Tuesday.")
    assert "members" not in figures.counted_words("Five to two hundred people came.")


def test_numbers_of_something_and_uses_are_counts_too() -> None:
    # "visitor numbers have fallen … to 174,000" counts visitors; a count of journeys or
    # visits answers how many people use something.
    assert "visitor" in figures.counted_words("Visitor numbers fell to 174,000.")
    assert "pupils" in figures.counted_words("The number of pupils rose to 1,200.")
    assert "visitor" not in figures.counted_words("Visitor numbers fell sharply.")  # no number
    assert "users" in figures.counted_words("There were 9,400 journeys last year.")
    assert "users" not in figures.counted_words("It has 26 beds.")


def test_how_much_money_is_asked() -> None:
    assert figures.money_asked("how much will the glass panels cost")
    assert figures.money_asked("how much is the contract worth")
    assert not figures.money_asked("how much of the site will be flooded")
    assert not figures.money_asked("what will it cost")  # no "how much": asked some other way
    assert "money" in figures.counted_words("It will cost £74,000 a year.")


def test_how_many_people_in_general_is_answered_by_a_count_of_any_people() -> None:
    assert "people" in figures.counted_asked("how many kids will the school hold")
    assert "people" not in figures.counted_asked("how many pupils took part")  # pupils, then
    assert "people" in figures.counted_words("raising pupil numbers from 315 to 420")


def test_complaints_and_objections_are_counts_of_people() -> None:
    assert "people" in figures.counted_words("The council has received 187 written objections.")
    assert "people" in figures.counted_words("It had 214 complaints in six weeks.")


def test_a_rate_asked_needs_a_text_giving_that_rate() -> None:
    phrase = " ".join(text.words("How much does it cost per hour to park?"))
    assert figures.rate_asked(phrase) == "hour"
    assert figures.rate_asked("what is the annual fee") == "year"
    assert figures.rate_asked("how much did it cost") is None
    assert figures.gives_rate("week", "Frozen at £32 a week for a standard stall.")
    assert figures.gives_rate("year", "£84,000 annually")
    assert not figures.gives_rate("hour", "£2.35 million, to a developer.")
    assert not figures.gives_rate("year", "the council pays the insurance for the first two years")
    assert figures.gives_rate("day", "2,300 passengers pass through every weekday")
    engine = Engine.load(EVAL / "car-park")
    assert engine.index.analyse("how much is it to park per hour").rate == "hour"
    assert not engine.ask("how much is it to park per hour at mill lane").answered


def test_only_rough_figures_of_what_was_asked() -> None:
    objections = {text.stem("objections")}
    rough = "approved four turbines despite more than 300 objections"
    assert figures.only_rough_figures(rough, objections)
    assert not figures.only_rough_figures(
        "approved four turbines despite 312 objections", objections
    )
    # A rough figure of something else does not count against an exact one of what was asked.
    mixed = "about 40 people came; 312 objections were sent"
    assert not figures.only_rough_figures(mixed, objections)
    # A text without any figure of what was asked is for the other checks to judge.
    assert not figures.only_rough_figures("more than 300 people came", objections)


def test_a_target_does_not_say_how_much_came_in_so_far() -> None:
    assert figures.gives_only_target("It opens on 1 July with a target of £50,000.")
    assert not figures.gives_only_target("It has raised £12,000 of its £50,000 target so far.")
    assert not figures.gives_only_target("The petition has 4,860 signatures.")


def test_a_price_is_asked_of_what_is_bought_and_in_keywords() -> None:
    assert figures.money_asked("how much is a ticket at the lyric")
    assert figures.money_asked("how much are the fares now")
    assert figures.money_asked("cost of the new lifts")
    assert figures.money_asked("replacement boiler cost")
    assert not figures.money_asked("how much land is left")
    assert not figures.money_asked("what will it cost")


def test_a_sum_counts_pounds_not_what_it_is_spent_on() -> None:
    counted = figures.counted_words("The trust spent £1.4 million on agency nurses.")
    assert "money" in counted and "nurses" not in counted
    assert "nurses" in figures.counted_words("It hired 1,400 agency nurses.")
    assert "homes" in figures.counted_words("Sixteen of the homes would be affordable.")
    admissions = "Admissions at the cinema, which opened in 1938, had dropped from around 1,900."
    assert "users" in figures.counted_words(admissions)
    # going there is using it; working there is not
    assert "users" in figures.counted_asked("how many people go there a week")
    assert "users" not in figures.counted_asked("how many people work there")


def test_a_grant_towards_something_is_not_what_it_costs() -> None:
    def stems(question: str) -> set[str]:
        return {text.stem(w) for w in text.words(question)}

    helped = "They will fit solar panels, helped by a £40,000 grant from the trust."
    assert figures.only_help_towards(helped, stems("how much will the solar panels cost"))
    assert not figures.only_help_towards(helped, stems("how big is the grant for the panels"))
    costed = "The panels will cost £90,000, helped by a £40,000 grant."
    assert not figures.only_help_towards(costed, stems("how much will the solar panels cost"))


def test_what_was_achieved_is_not_given_by_what_was_required() -> None:
    assert figures.achieved_asked("how many nurses did the agency actually manage to send".split())
    assert figures.achieved_asked("how many nurses did they eventually send".split())
    assert figures.achieved_asked("how many beds are there right now".split())
    # what was required is asked; "actually" in a question about a plan is emphasis
    assert not figures.achieved_asked("how many nurses were they supposed to send".split())
    assert not figures.achieved_asked("how many rooms are they actually adding".split())
    assert figures.gives_only_aim("400 nurses, as required by the trust.")
    assert not figures.gives_only_aim("It sent 250 of the 400 nurses required.")
    assert not figures.gives_only_aim("A room for children with special needs.")
    # and what is needed is not given by what there is
    assert figures.aim_asked("how many signatures do they need".split())
    assert figures.gives_no_aim("The petition has 1,200 signatures.")
    assert not figures.gives_no_aim("It needs 10,000 signatures to be debated.")


def test_by_how_much_a_cost_rose_may_be_a_share() -> None:
    assert "money" not in figures.counted_asked("by how much have fuel costs gone up")
    assert "money" not in figures.counted_asked("how much have business rates gone up")
    assert "money" in figures.counted_asked("how much are the business rates in pounds")
    assert "money" in figures.counted_asked("how much will the new flats sell for")
    assert "money" in figures.counted_asked("how much do the fuel costs come to")


def test_a_number_added_is_no_total() -> None:
    beds = {text.stem("beds")}
    assert figures.total_asked("total beds at the hospital")
    assert figures.total_asked("how many beds are there in total")
    assert figures.only_increments("It has opened 22 extra beds since November.", beds)
    assert not figures.only_increments("26 beds, including four new high-dependency beds.", beds)
    assert not figures.only_increments("Two new wards, bringing the total to seven.", {"ward"})
    # a part is no total either
    assert figures.only_increments("The storm cracked three of its columns.", {"column"})
    # a part is no total either
    assert figures.only_increments("The storm cracked three of its columns.", {"column"})


def test_a_kind_of_ticket_asked_is_not_another_priced() -> None:
    fares = "An adult single costs £4.20; a weekly season ticket £31.50."
    assert figures.ticket_kinds("what is the price of a child ticket") == {"child"}
    assert figures.other_tickets({"child"}, fares)
    assert figures.other_tickets({"return"}, fares)
    assert not figures.other_tickets({"adult"}, fares)
    # a text pricing no kind of ticket may price them all; a sum with no ticket in sight
    # prices something else
    assert not figures.other_tickets({"child"}, "Tickets cost £10 per person.")
    # a sum with no ticket, fare or pass in sight prices something else
    assert figures.other_tickets({"monthly"}, "The scheme will cost £6.8m.")
    assert figures.other_tickets({"monthly"}, "The scheme will cost £6.8m.")


def test_one_sum_for_several_things_does_not_price_one_of_them() -> None:
    def stems(question: str) -> set[str]:
        return {text.stem(w) for w in text.words(question) if text.is_content_word(w)}

    together = "£86,000 for new canopies, better lighting and a zebra crossing."
    assert figures.one_of_several(together, stems("how much will the zebra crossing cost"))
    # All of them, or none named: the sum answers.
    assert not figures.one_of_several(together, stems("how much for canopies and lighting"))
    assert not figures.one_of_several(together, stems("what is the budget"))
    # Sums of their own: each is given.
    apart = "£30,000 for the refit, £12,000 for stock and the rest for the lease and rent."
    assert not figures.one_of_several(apart, stems("how much for the refit"))


def test_what_a_text_counts_reads_hyphenated_words_and_what_changed() -> None:
    assert "posts" in figures.counted_words("the loss of 17.5 full-time equivalent posts")
    changed = "visits to Harrowdale libraries fell from 1.9 million to 1.3 million"
    assert "visits" in figures.counted_words(changed)
    doubled = "objections from traders had more than doubled in three years, from 40 to 95"
    assert "objections" in figures.counted_words(doubled)
    # what a number counts, named before it
    assert "boxes" in figures.counted_words("Of those boxes, 310 went to schools.")
    # each response is someone's: a count of people
    assert "people" in figures.counted_words("The survey received 1,204 responses.")


def test_how_many_of_the_things_counts_the_things() -> None:
    assert "homes" in figures.counted_asked("how many of the new homes would be for social rent")
    assert "plots" in figures.counted_words("only 31 of the affected plots are currently let")
    allotments = Engine.load(EVAL / "allotments")
    analysed = allotments.index.queries.analyse("how many of the doomed plots are empty")
    assert not analysed.focus_unknown  # the question turns on plots, not on "doomed"


def test_new_or_extra_things_are_counted_as_the_things() -> None:
    assert "trams" in figures.counted_asked("how many new trams will be bought")
    assert "new" not in figures.counted_asked("how many new trams will be bought")
    assert "lorries" in figures.counted_words("seven new food waste lorries, based at the depot")


def test_what_the_rent_was_asks_money() -> None:
    assert figures.money_asked("what was the rent at brook street")
    assert figures.money_asked("what s the new price of a permit")
    assert not figures.money_asked("what was the reason")


def test_the_rest_going_towards_several_things_prices_none_of_them() -> None:
    quote = "The rent is covered by a £25,000 grant, with the rest going towards shelving, a van "
    quote += "and a walk-in chiller."
    chiller = {text.stem(w) for w in ("walk", "in", "chiller", "cost")}
    assert figures.one_of_several(quote, chiller)


def test_one_bound_of_a_figure_is_not_the_other() -> None:
    assert figures.bound_asked("what s the minimum fine for breaking the ban") == "least"
    assert figures.bound_asked("max fine") == "most"
    assert figures.bound_asked("how much is the fine") is None
    assert figures.gives_other_bound("least", "Up to £1,000.")
    assert not figures.gives_other_bound("most", "Up to £1,000.")
    assert not figures.gives_other_bound("least", "At least £100 and up to £1,000.")


def test_an_amount_of_something_else_is_not_money() -> None:
    assert not figures.money_asked("how much water is lost through leaking pipes each day")
    assert not figures.money_asked("how much decking got lost")
    assert figures.money_asked("how much money was lost")
    assert figures.money_asked("how much did the club lose")
    assert figures.money_asked("how much water will it cost to fill the pool")


def test_one_thing_a_total_includes_has_no_figure_of_its_own() -> None:
    walk = {text.stem(w) for w in "sponsored walk amount raised".split()}
    raised = "The group raised £310,000, including a 26-mile sponsored walk around the town."
    assert figures.only_in_a_total(raised, walk, counting=False)
    distance = {text.stem(w) for w in "sponsored walk distance".split()}
    assert not figures.only_in_a_total(raised, distance, counting=False)
    refit = {text.stem("refit")}
    needs = "It needs £85,000, including £30,000 to refit the shop, with the rest covering rent."
    assert not figures.only_in_a_total(needs, refit, counting=True)
    rent = {text.stem("rent")}
    assert figures.only_in_a_total(needs, rent, counting=True)


def test_one_figure_for_several_places_is_not_one_places() -> None:
    engines = "Six fire engines from Millbeck, Tarnside and Carlow attended the blaze."
    assert figures.one_of_places_counted(engines, {text.stem("tarnside"), text.stem("engines")})
    assert not figures.one_of_places_counted(engines, {text.stem("engines")})
    assert not figures.one_of_places_counted("Six engines from Tarnside attended.", {"tarnsid"})


def test_a_total_is_not_the_sums_that_make_it_up() -> None:
    funders = "£1.85 million came from the Lottery, while the council contributed £900,000."
    assert figures.only_parts_of_a_sum(funders)
    assert not figures.only_parts_of_a_sum("It cost £1.24m, including £410,000 for columns.")
    assert not figures.only_parts_of_a_sum("The full project cost £3.4 million, not £2.6 million.")
    assert not figures.only_parts_of_a_sum("It will cost £4.2 million.")
    assert figures.money_asked("what was the total cost of the refurbishment")
