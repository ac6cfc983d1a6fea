"""The built-in everyday synonyms: each word means one thing."""

from __future__ import annotations

from bot import text, thesaurus


def test_no_word_is_in_two_groups() -> None:
    # The first group naming a stem wins (matcher.Analyzer), so a word repeated in a later
    # group would silently not join it: only a line's first word may name an earlier group.
    seen: dict[str, int] = {}
    for number, group in enumerate(thesaurus.GROUPS):
        stems = [text.stem(w) for w in group]
        for stem in stems[1:]:
            assert seen.get(stem, number) == number, (
                f"{stem!r} of {' '.join(group)!r} is in an earlier group too"
            )
        for stem in stems:
            seen.setdefault(stem, number)


def test_lines_that_continue_a_group_join_it() -> None:
    from bot.matcher import Analyzer

    words = Analyzer(thesaurus.GROUPS)
    # A campaign in a local story is its petition ("how many back the campaign").
    assert words.term("campaigners") == words.term("signatures")
    assert words.term("funding") == words.term("cost") == words.term("contributions")
    assert words.term("visitors") == words.term("passengers")


def test_everyday_idioms_read_as_the_plain_word() -> None:
    def plain(question: str) -> list[str]:
        return text.plain_idioms(text.words(question))

    assert plain("Why keep the firm at arm's length?")[-1] == "distance"
    assert "fortnightly" in plain("Which homes keep the old two-weekly service?")
    assert "fortnightly" in plain("is it still every other week")
    assert "request" in plain("Who can ask for a bigger bin?")
    assert "gap" in plain("How big is the hole in the council's finances?")


def test_comparatives_and_everyday_nouns_share_a_meaning() -> None:
    from bot.matcher import Analyzer

    words = Analyzer(thesaurus.GROUPS)
    assert words.term("bigger") == words.term("larger") == words.term("big")
    assert words.term("pickups") == words.term("collections")
    assert words.term("fiasco") == words.term("shambles")


def test_approval_and_trouble_idioms() -> None:
    assert "approved" in text.plain_idioms(text.words("when do they start if it gets the go-ahead"))
    assert "approved" in text.plain_idioms(text.words("once it's given the green light"))
    assert "problem" in text.plain_idioms(text.words("what went wrong with the round"))


def test_old_people_and_putting_in_money() -> None:
    assert "elderly" in text.plain_idioms(text.words("a new ward for old people"))
    assert "contribute" in text.plain_idioms(text.words("how much is the council putting in"))
    assert "contribute" not in text.plain_idioms(text.words("rules put in place last year"))
    assert "contribute" in text.plain_idioms(
        text.words("how much is the government putting towards it")
    )


def test_people_on_foot_are_pedestrians() -> None:
    assert "pedestrians" in text.plain_idioms(text.words("where can people on foot cross"))


def test_what_an_inspection_uncovered_is_what_it_found() -> None:
    assert text.stem("uncover") in thesaurus_group_of("findings")
    # "founded" shares "found"'s stem: "who founded G4S?" asks nothing about findings.
    assert text.stem("founded") not in thesaurus_group_of("findings")


def thesaurus_group_of(word: str) -> set[str]:
    from bot.thesaurus import GROUPS

    stem = text.stem(word)
    return {
        text.stem(w) for group in GROUPS if stem in {text.stem(g) for g in group} for w in group
    }


def test_walking_away_from_a_deal_is_scrapping_it() -> None:
    assert "scrap" in text.plain_idioms(text.words("why would the forces walk away from G4S"))


def test_going_past_is_passing() -> None:
    assert "pass" in text.plain_idioms(text.words("how many people go past the station"))


def test_picking_up_gathering_and_power() -> None:
    from bot.matcher import Analyzer

    assert "get" in text.plain_idioms(text.words("where can I pick up a paper form"))
    words = Analyzer(thesaurus.GROUPS)
    assert words.term("collecting") == words.term("gathered")
    assert words.term("electricity") == words.term("power")
    assert words.term("supply") == words.term("provides")
    assert words.term("reduction") == words.term("discount")


def test_keep_before_a_verb_in_ing_is_the_storys_verb() -> None:
    assert text.plain_idioms(text.words("I keep hearing about it")) == [
        "i",
        "hearing",
        "about",
        "it",
    ]
    assert "keep" in text.plain_idioms(text.words("will they keep the pool open"))


def test_by_post_and_putting_prices_up() -> None:
    assert (
        text.plain_idioms(text.words("can I respond by post")) == "can i respond in writing".split()
    )
    assert "raise prices" in " ".join(text.plain_idioms(text.words("why put prices up")))


def test_everyday_phrases_for_restoring_investing_and_the_least() -> None:
    def plain(question: str) -> str:
        return " ".join(text.plain_idioms(text.words(question)))

    assert (
        plain("the price tag for bringing the old pool back") == "the cost for restore the old pool"
    )
    assert plain("the smallest amount I can put into it") == "the minimum i can invest in it"
    assert plain("how much is the council chucking in") == "how much is the council contribute"
