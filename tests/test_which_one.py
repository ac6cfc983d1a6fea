"""Which one a question asks of, and whether a text names it (bot.which_one)."""

from __future__ import annotations

import pytest

from bot import kinds, text, which_one


def test_a_name_asked_needs_a_text_naming_more_than_the_question() -> None:
    wording = " ".join(text.words("wats margaret pellows dads name"))
    assert kinds.asked(wording) == kinds.NAME
    question = {text.stem(w) for w in text.words("what is margaret pellows dads name")}
    assert not which_one.names_beyond("Margaret Pellow, 67, took over from her father.", question)
    assert which_one.names_beyond(
        "Margaret Pellow took over from her father, Arthur Pellow.", question
    )


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
    assert which_one.role_asked(question) == role


def test_a_role_asked_needs_a_name_beside_it_in_the_text() -> None:
    stems = {text.stem(w) for w in text.words("whats the name of the brightplate spokesperson")}
    role = "spokesperson"
    assert not which_one.names_role(
        "A Brightplate spokesperson said it was disappointed.", role, stems
    )
    # a name far from the role is someone else's
    assert not which_one.names_role(
        "Anne Holt, who chairs the group, said it was a shame and the spokesperson agreed.",
        role,
        stems,
    )
    assert which_one.names_role("Brightplate spokesperson Ian Reed said it was sad.", role, stems)
    assert which_one.names_role("Ian Reed, a spokesperson for Brightplate, said so.", role, stems)
    # days and months are no names; a text without the role may name its holder any way
    assert not which_one.names_role("On Monday in June a spokesperson said so.", role, stems)
    assert which_one.names_role("The plan was to hand the work to G4S.", "compani", set())


def test_a_persons_role_needs_a_persons_name() -> None:
    stems = {text.stem(w) for w in text.words("margaret pryce husband name")}
    husband = text.stem("husband")
    assert which_one.role_asked("margaret pryce husband name") == husband
    # a place beside the role is no husband
    assert not which_one.names_role(
        "She met her late husband in the Regal's queue in 1966.", husband, stems
    )
    assert which_one.names_role("She met her husband, Frank Pryce, in 1966.", husband, stems)
    assert which_one.names_role("She married Mr Pryce, her husband of 50 years.", husband, stems)
    # a run naming an organisation is no person
    assert not which_one.names_role(
        "Her husband worked at Brantwick Methodist Hall.", husband, stems
    )


def test_one_of_a_series_is_not_another() -> None:
    assert which_one.series_named("what is the target for category three calls", question=True) == {
        "category 3"
    }
    assert which_one.series_named("band a increase", question=True) == {"band a"}
    assert which_one.series_named("Two new zones, F and G, are planned.") == {"zone f", "zone g"}
    # a lower-case letter in a text is no member: "level a year"
    assert which_one.series_named("costs stayed at a higher level a year ago") == frozenset()
    assert which_one.other_of_series({"category 3"}, "Category two calls wait 47 minutes.")
    assert not which_one.other_of_series({"category 2"}, "Category two calls wait 47 minutes.")
    assert not which_one.other_of_series({"band a"}, "The rise is 8.5 per cent.")


def test_a_person_named_is_told_from_a_place_named() -> None:
    stems = {text.stem(w) for w in ("gareth", "pryce", "old")}
    assert which_one.names_person("landlord Gareth Pryce, who has run it since 2016", stems)
    assert not which_one.names_person("The Red Lion, which has stood since 1820", stems)
    farmer = text.stem("farmer")
    assert not which_one.names_role(
        "A torc found by a farmer at Cragg Edge in 1987.", farmer, set()
    )
    assert which_one.names_role("A torc found by farmer Jim Hale in 1987.", farmer, set())


def test_the_rest_of_a_list_is_not_given_by_a_text_naming_some_of_it() -> None:
    assert which_one.others_asked("what are the names of the other two new galleries")
    assert which_one.others_asked("which other villages will lose their bus")
    assert not which_one.others_asked("what are the names of the new galleries")
    assert which_one.names_only_some("Three new galleries, including Wool and Water.")
    assert not which_one.names_only_some("Two new galleries: Wool and Water, and The Mills.")


def test_where_is_answered_only_by_a_place_the_question_does_not_name() -> None:
    stems = {text.stem(w) for w in "where will the 42 stop instead of bridge street".split()}
    assert not which_one.places_beyond("The 42 will stop calling at Bridge Street.", stems)
    assert which_one.places_beyond("The 42 will stop at Tanner Street instead.", stems)
    assert which_one.places_beyond("It sends its waste to landfill at Greyfield.", stems)
    assert which_one.places_beyond("A footbridge will be installed 40 metres downstream.", stems)
    assert which_one.places_beyond("Stalls will move to the car park by the station.", stems)


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
    assert which_one.role_asked(question) == text.stem(role)
    stems = {text.stem(w) for w in question.split()}
    assert which_one.names_role(text_, text.stem(role), stems) is names


def test_who_will_chair_asks_a_person_beside_the_office() -> None:
    assert which_one.role_asked("who will chair the public meeting") == text.stem("chair")
    hall = "At Amberton Town Hall on Tuesday 15 July at 7pm."
    assert not which_one.names_role(hall, text.stem("chair"), {text.stem("meeting")})


def test_a_name_may_begin_a_sentence() -> None:
    company = text.stem("company")
    stems = {text.stem(w) for w in "hosepipe ban water company name".split()}
    assert which_one.names_role("Downland Water announced the ban yesterday.", company, stems)
    assert not which_one.names_role("The company announced the ban yesterday.", company, stems)
    bank = text.stem("bank")
    tom = {text.stem(w) for w in "which bank was tom fairweather a manager at".split()}
    assert not which_one.names_role("Chair Tom Fairweather, a retired bank manager.", bank, tom)


def test_one_of_a_pair_of_opposites_is_not_the_other() -> None:
    assert which_one.opposites_named("response time target 4 rural areas") == {"rural"}
    urban = "The average rose to 16 minutes, against a target of 15 minutes for urban areas."
    assert which_one.names_only_opposites({"rural"}, urban)
    assert not which_one.names_only_opposites({"urban"}, urban)
    assert not which_one.names_only_opposites({"rural"}, "Targets: 15 minutes urban, 20 rural.")
    assert which_one.is_office(text.stem("councillors"))
    assert not which_one.is_office(text.stem("benson"))


def test_a_name_asked_where_the_text_never_says_what_is_no_place() -> None:
    club = which_one.role_asked("which club is lily brennan training with there now")
    assert club == text.stem("club")
    stems = {text.stem(w) for w in "which club is lily brennan training with".split()}
    won = "A 15-year-old who won the 200m butterfly at the championships in Dunmouth in March."
    assert not which_one.names_role(won, club, stems)
    assert which_one.role_asked("northvale leisure trust other centres names") == text.stem(
        "centres"
    )
    assert which_one.names_only_opposites({"national"}, "She won at the county championships.")


def test_what_becomes_of_a_place_is_not_that_it_closes() -> None:
    assert which_one.fate_asked("what will the castle street building be turned into")
    assert which_one.fate_asked("what will happen to the mill lane site after the centre closes")
    assert not which_one.fate_asked("what s going to happen to the staff if it closes")
    assert not which_one.fate_asked("what would the money be used for at the hall")
    assert not which_one.gives_fate("The building on Castle Street is to be sold.")
    assert which_one.gives_fate("The building would be sold for housing.")
    assert which_one.gives_fate("The trust voted to turn the unit into a birth centre.")
    assert which_one.gives_fate("The old building will stay open as a physiotherapy wing.")
