"""Spelling that knows English: real words are left alone, typos go to the likeliest word."""

from __future__ import annotations

import pytest

from bot import text
from bot.spelling import Speller, english, expand_text_speak, rarity
from tests.support.knowledge import EVAL

VOCABULARY = {"staff", "contract", "court", "surrey", "lincolnshire", "olympics", "herts"}


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(VOCABULARY, text.STOP_WORDS | text.QUESTION_WORDS)


@pytest.mark.parametrize("word", ["count", "hire", "bandied", "council", "herts", "where"])
def test_real_words_are_never_rewritten(speller: Speller, word: str) -> None:
    assert speller.correct(word) is None


@pytest.mark.parametrize(
    ("typo", "meant", "source"),
    [
        ("staf", "staff", "knowledge"),  # a doubled letter left out
        ("contarct", "contract", "knowledge"),  # two letters swapped
        ("surry", "surrey", "knowledge"),  # the knowledge's word beats "sorry"
        ("lincolnshre", "lincolnshire", "knowledge"),
        ("wher", "where", "english"),  # a letter left out beats a far key ("when")
        ("mutch", "much", "english"),
        ("wich", "which", "english"),
        ("goin", "going", "english"),
        ("decisons", "decisions", "english"),
    ],
)
def test_typos_go_to_the_likeliest_word(
    speller: Speller, typo: str, meant: str, source: str
) -> None:
    fix = speller.correct(typo)
    assert fix is not None
    assert (fix.fixed, fix.source) == (meant, source)


def test_rare_english_words_are_not_targets(speller: Speller) -> None:
    fix = speller.correct("wer")  # "weer" is in the list, but far too rare to be meant
    assert fix is None or fix.fixed != "weer"


def test_text_speak_is_written_out() -> None:
    words, fixes = expand_text_speak("hw much wud it b a yr".split())
    assert words == "how much would it be a year".split()
    assert {(f.word, f.fixed, f.source) for f in fixes} >= {("wud", "would", "text-speak")}
    assert expand_text_speak(["whereabouts", "is", "it"])[0] == ["where", "is", "it"]
    assert expand_text_speak("open till when".split())[0] == ["open", "until", "when"]


def test_local_news_shorthand_is_written_out_and_hr_is_left_alone() -> None:
    words, _fixes = expand_text_speak("wat did the cllr say abt opening hrs".split())
    assert words == "what did the councillor say about opening hours".split()
    # "HR" is the department far more often than an hour in questions about an employer.
    assert expand_text_speak(["hr"])[0] == ["hr"]


def test_chat_asides_are_no_content() -> None:
    assert not any(text.is_content_word(w) for w in ("tbh", "imo", "fyi", "lol", "btw"))
    # "according to the spokesman": who said it is in the words after it
    assert not text.is_content_word("according")


def test_the_english_list_is_the_real_one() -> None:
    words = english()
    assert len(words) > 70_000
    assert words["the"] > words["council"] > words["constabulary"]


def test_common_words_say_less_than_rare_ones() -> None:
    assert rarity("use") < rarity("budget") < rarity("everest") == 1.0
    assert rarity("zorblax") == 1.0  # not English at all: a name, say


def test_a_shortened_word_is_the_knowledge_word_it_starts() -> None:
    speller = Speller({"collaboration", "constables", "constabulary"}, text.STOP_WORDS)
    fix = speller.correct("collab")
    assert fix is not None and (fix.fixed, fix.source) == ("collaboration", "knowledge")
    assert speller.correct("constab") is None  # two different words start so: no guess


def test_a_rare_word_a_slip_from_the_knowledge_is_corrected() -> None:
    speller = Speller({"parking"}, text.STOP_WORDS)
    fix = speller.correct("parkin")  # a cake, in the list, but here surely "parking"
    assert fix is not None and fix.fixed == "parking"
    assert Speller({"parking"}, text.STOP_WORDS).correct("parks") is None  # common: a word


def test_the_plural_of_a_common_word_is_a_word_however_rare() -> None:
    # "storeys" is rarer than "parkin", but a storey is common: no slip for "stores".
    assert Speller({"stores"}, text.STOP_WORDS).correct("storeys") is None
    assert Speller({"stores"}, text.STOP_WORDS).correct("storys") is not None


@pytest.mark.parametrize(
    ("typed", "meant"), [("sayin", "saying"), ("anythin", "anything"), ("togetha", "together")]
)
def test_spelling_as_spoken(speller: Speller, typed: str, meant: str) -> None:
    fix = speller.correct(typed)
    assert fix is not None and fix.fixed == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("when dose the consultation open", "when does the consultation open"),
        ("wen dose it start", "when does it start"),  # after text-speak is written out
        ("were is the leisure centre", "where is the leisure centre"),
        ("what dose is safe", "what dose is safe"),  # a real question about a medicine
        ("they were told", "they were told"),
        ("a dose of it", "a dose of it"),
        ("wat villages dose the 47 go thru", "what villages does the 47 go through"),
    ],
)
def test_a_real_word_typed_for_a_small_one_is_read_as_meant_only_where_it_must_be(
    typed: str, meant: str
) -> None:
    words, _fixes = expand_text_speak(typed.split())
    assert " ".join(words) == meant


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("can i give my views in person", "can i give my views"),
        ("is there an in-person event", "is there an event"),
        ("i would rather talk face to face", "i would rather talk"),
        ("who is the person in charge", "who is the person in charge"),
    ],
)
def test_how_one_would_take_part_is_no_word_to_match(typed: str, read: str) -> None:
    # "in person" asks how, which no article sentence says in those words: a drop-in session
    # or a library answers it.
    assert text.words(typed) == read.split()


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("why are they getting rid of it", "why are they scrap it"),
        ("who has the final say", "who has the final decision"),
        ("they pulled the plug on the deal", "they cancel the deal"),
        ("how come it shut down", "why it close"),
        ("the plug socket", "the plug socket"),  # a word of an idiom alone is itself
        ("is hr being contracted out", "is hr being outsource"),
        ("when would the changes kick in", "when would the changes start"),
        ("is there a group campaigning against the wall", "is there a group oppose the wall"),
        ("will it protect against floods", "will it protect against floods"),
        ("who is footing most of the bill", "who is pay"),
        ("what will they put up there", "what will they build there"),
        ("must we put up with it", "must we put up with it"),
        ("which school are they making bigger", "which school are they expand"),
        ("how many ppl use it", "how many users it"),  # people who use it are its users
    ],
)
def test_idioms_read_as_the_plain_word(typed: str, read: str) -> None:
    assert text.plain_idioms(text.words(typed)) == read.split()


def test_a_speller_is_the_same_whatever_order_its_vocabulary_came_in() -> None:
    # A set's order changes from run to run (PYTHONHASHSEED): an engine read from the cache
    # must equal one built in full, and a shortened word must read the same every time.
    words = ["organises", "organised", "organiser", "petition", "estimated"]
    one = Speller(words, text.STOP_WORDS)
    other = Speller(list(reversed(words)), text.STOP_WORDS)
    assert vars(one) == vars(other)
    for speller in (one, other):
        fix = speller.correct("organi")
        assert fix is not None and fix.fixed == "organised"  # the shortest, then the first


def test_a_word_the_knowledge_lacks_finds_the_one_compound_ending_in_it() -> None:
    speller = Speller({"towpath", "farmland", "footpath", "bridleway"}, text.STOP_WORDS)
    fix = speller.compound("land")
    assert fix is not None and (fix.fixed, fix.source) == ("farmland", "compound")
    assert speller.compound("path") is None  # towpath or footpath: not one, so neither
    assert speller.compound("way") is None  # too short a part to be sure of
    assert Speller({"towpath"}, text.STOP_WORDS).compound("paths") is not None


def test_a_compound_in_the_knowledge_answers_for_its_last_part() -> None:

    from bot.engine import Engine

    engine = Engine.load(EVAL / "flood-defences")
    query = engine.index.analyse("How much land would the reservoir have flooded?")
    assert "land" in query.words
    assert ("land", "farmland", "compound") in [tuple(c) for c in query.corrections]


def test_a_plural_spelled_with_ys_is_the_ies_plural() -> None:
    fix = Speller({"lorries"}, text.STOP_WORDS).correct("lorrys")
    assert fix is not None and fix.fixed == "lorries"
    assert Speller({"days"}, text.STOP_WORDS).correct("days") is None  # a vowel before: a word
    # and "lfs" for "lves"
    fix = Speller(set(), text.STOP_WORDS).correct("themselfs")
    assert fix is not None and fix.fixed == "themselves"


def test_a_compound_that_is_no_english_word_stands_for_its_last_part() -> None:
    speller = Speller({"cabins", "stand"}, text.STOP_WORDS)
    fix = speller.compound("portacabins")
    assert fix is not None and fix.fixed == "cabins"
    assert speller.compound("understand") is None  # English: no kind of stand


def test_st_after_a_name_is_a_street_and_before_one_a_saint() -> None:
    assert expand_text_speak("how busy is bridge st on market days".split())[0][4] == "street"
    assert expand_text_speak("near millfield rd".split())[0][-1] == "road"
    assert "st" in expand_text_speak("between st marys church and the hall".split())[0]


def test_digits_for_small_words_only_where_no_count_is_meant() -> None:
    words = expand_text_speak("where cn i get a form 4 the consultation".split())[0]
    assert words == "where can i get a form for the consultation".split()
    assert expand_text_speak("how 2 book it".split())[0] == ["how", "to", "book", "it"]
    assert expand_text_speak("are the 2 options costed".split())[0][2] == "2"
    assert expand_text_speak("4 turbines".split())[0] == ["4", "turbines"]


def test_a_one_s_words_plural_stems_as_the_word() -> None:
    from bot import text

    assert text.stem("buses") == text.stem("bus") == "bus"
    assert text.stem("gases") == text.stem("gas")
