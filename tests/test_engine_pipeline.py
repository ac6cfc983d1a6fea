"""The engine's stages end to end: message -> question(s) -> query -> candidates -> decision.

Questions here are written for these tests (none from shared/eval); they assert on facts in
answers and quotes, and on the shape of declines.
"""

from __future__ import annotations

import json

import pytest

from bot.engine import Engine
from bot.model import Outcome
from bot.render_text import render_explanation
from tests.support.knowledge import BUNDLED, EVAL


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load(BUNDLED)


def test_chatty_message_is_answered_from_its_question(engine: Engine) -> None:
    result = engine.ask(
        "Good afternoon! I'm a retired sergeant from Hitchin and I follow this closely. "
        "How much is the G4S contract worth every year?"
    )
    assert result.answered and result.entry is not None
    assert "77m" in result.entry.answer


def test_typos_and_text_speak_are_read(engine: Engine) -> None:
    result = engine.ask("hw much wud the g4s contarct b worth")
    assert result.answered and result.entry is not None
    assert "77m" in result.entry.answer


def test_near_miss_is_declined_with_the_closest_passage(engine: Engine) -> None:
    result = engine.ask("For how many years would the G4S deal run?")
    assert result.outcome is Outcome.NO_MATCH
    assert result.asked_kind == "duration"
    assert result.closest is not None and "77m" in result.closest.quote
    data = result.to_json()
    assert data["answered"] is False and data["id"] is None
    assert data["closest"] == {"id": result.closest.id, "quote": result.closest.quote}


def test_asking_what_someone_said_needs_their_words(engine: Engine) -> None:
    # The review's findings are no one's words: the article doesn't say what G4S said.
    declined = engine.ask("What did the G4S bosses say about the review?")
    assert declined.outcome is Outcome.NO_MATCH and declined.asked_kind == "said"
    quoted = engine.ask("what did the police authority spokesman say about the plans")
    assert quoted.answered and quoted.entry is not None
    assert "spokesman said" in quoted.entry.quote


def test_closest_is_null_when_answered(engine: Engine) -> None:
    data = engine.ask("How much was the G4S deal worth?").to_json()
    assert data["answered"] is True and data["closest"] is None


def test_a_bare_keyword_fitting_several_entries_gives_a_menu(engine: Engine) -> None:
    result = engine.ask("G4S")
    assert result.outcome is Outcome.UNSURE
    assert result.keyword == "g4s"
    assert 2 <= len(result.suggestions) <= 4


def test_a_keyword_belonging_to_one_entry_is_answered(engine: Engine) -> None:
    result = engine.ask("LOCOG")
    assert result.answered and result.entry is not None
    assert "LOCOG" in result.entry.quote


@pytest.mark.parametrize(
    "question",
    ["how tall is mount everest", "Recommend a good curry house", "what's 12 times 7"],
)
def test_unrelated_questions_get_no_suggestions(engine: Engine, question: str) -> None:
    result = engine.ask(question)
    assert result.outcome is Outcome.NO_MATCH
    assert result.suggestions == ()


def test_two_questions_in_one_message_are_both_answered(engine: Engine) -> None:
    result = engine.ask("What was the deal worth, and why did Surrey drop its plan?")
    assert result.answered and result.entry is not None
    assert "77m" in result.entry.answer  # the first question asked comes first
    assert len(result.others) == 1
    [other] = result.others
    assert other.answered and other.entry is not None
    assert "olympic" in other.entry.answer.lower()
    assert json.loads(json.dumps(result.to_json()))["others"][0]["id"] == other.entry.id


def test_explain_shows_every_stage(engine: Engine) -> None:
    result = engine.ask("Hello! hw long wud the contarct last?", explain=True)
    assert result.explanation is not None
    shown = render_explanation(result.explanation)
    assert "questions:   hw long wud the contarct last?" in shown
    assert "hw -> how (text-speak)" in shown
    assert "contarct -> contract (knowledge)" in shown
    assert "asks for:    duration" in shown
    assert "gives " in shown and "decision:" in shown


def test_names_of_details_are_read_from_the_article() -> None:
    from bot import text

    article = (
        "Surrey Police Authority met. The deal with G4S was signed in Lincolnshire. "
        "G4S staff were late, and police were angry. On Monday G4S spoke."
    )
    names = text.names_in(article)
    assert {"lincolnshire", "g4s"} <= names
    assert "police" not in names  # also written in lower case
    assert "surrey" not in names  # only ever at a sentence's start
    assert text.names_in(article, most_sentences=1) >= {"lincolnshire"}
    assert "g4s" not in text.names_in(article, most_sentences=1)  # named all through


def test_a_name_the_entry_never_mentions_is_a_near_miss(engine: Engine) -> None:
    from bot import decision
    from bot.model import Candidate
    from bot.query import Query

    plain = Query(
        words=("a", "b", "c"), phrase="a b c", terms=("a", "b", "c"), unknown=(), corrections=()
    )
    unnamed = Candidate("deal", 0.9, 1.0, 0.9, "v", missing_names=1, quote="q1")
    made = decision.decide(plain, [unnamed])
    assert made.outcome is Outcome.NO_MATCH and made.closest == unnamed
    # A close entry that does name it is answered instead.
    naming = Candidate("contract", 0.85, 1.0, 0.9, "v", quote="q2")
    assert decision.decide(plain, [unnamed, naming]).answer == naming
    # End to end: the deal's value is not what Lincolnshire pays.
    result = engine.ask("how much money does lincolnshire hand over to g4s annually")
    assert not result.answered


def test_how_many_of_what_the_entry_does_not_count_is_a_near_miss() -> None:
    from bot import decision
    from bot.model import Candidate
    from bot.query import Query

    asked = Query(
        words=("a", "b", "c"), phrase="a b c", terms=("a", "b", "c"), unknown=(), corrections=()
    )
    pounds = Candidate("raised", 0.9, 1.0, 0.9, "v", counts_asked=False, quote="q1")
    made = decision.decide(asked, [pounds])
    assert made.outcome is Outcome.NO_MATCH and made.closest == pounds
    pupils = Candidate("pupils", 0.85, 1.0, 0.9, "v", quote="q2")
    assert decision.decide(asked, [pounds, pupils]).answer == pupils


def test_asked_why_a_close_entry_giving_a_reason_is_meant() -> None:
    from bot import decision, kinds
    from bot.model import Candidate
    from bot.query import Query

    why = Query(
        words=("forces", "walk", "away"),
        phrase="what is the argument for the forces walking away",
        terms=("forces", "walk", "away"),
        unknown=(),
        corrections=(),
        kind=kinds.REASON,
    )
    status = Candidate("status", 0.81, 1.0, 0.7, "has a decision been made", quote="q1")
    reason = Candidate(
        "reason", 0.74, 1.0, 0.7, "why reconsider", quote="q2", gives=frozenset({kinds.REASON})
    )
    assert decision.decide(why, [status, reason]).answer == reason
    # Too far behind, the best one stands.
    far = reason._replace(confidence=0.6)
    assert decision.decide(why, [status, far]).answer == status


def test_how_many_finds_the_entry_that_counts_it(engine: Engine) -> None:
    result = engine.ask("how many security guards was G4S meant to supply")
    assert result.answered and result.entry is not None and "10,400" in result.entry.quote


@pytest.mark.parametrize(
    "question", ["Ought they to drop G4S, in your view?", "what do you think of the deal"]
)
def test_the_bots_opinion_is_not_an_answer(engine: Engine, question: str) -> None:
    from bot.smalltalk import SmallTalk, classify

    assert classify(question) is SmallTalk.ABOUT_BOT
    assert engine.ask(question).outcome is Outcome.NO_MATCH


def test_a_question_whether_something_exists_turns_on_that_thing() -> None:
    from tests.support.knowledge import LIBRARY

    library = Engine.load(LIBRARY)
    query = library.index.analyse("Is there a cafe in the library?")
    assert query.focus_unknown  # the library's story never mentions a cafe
    assert not library.ask("Is there a cafe in the library?").answered
    assert not library.index.analyse("Do the staff have to pay to park?").focus_unknown
    # the thing is its head noun: a known word before it does not make it known
    assert library.index.analyse("Does the library have a staff hammock?").focus_unknown


def test_an_amount_of_pounds_is_money_though_the_entry_never_says_so() -> None:
    from tests.support.knowledge import LIBRARY

    library = Engine.load(LIBRARY)  # "£240,000 a year"; no entry says "money"
    result = library.ask("what money goes on the library")
    assert result.answered and result.entry is not None and result.entry.id == "running-cost"


def test_a_verb_form_the_knowledge_lacks_counts_less_than_a_thing_it_lacks() -> None:
    from bot.query import VERB_FORM_WEIGHT
    from tests.support.knowledge import LIBRARY

    library = Engine.load(LIBRARY)
    verb = library.index.analyse("why was the riverside library mothballed")
    thing = library.index.analyse("why was the riverside library gazebo")
    assert verb.unknown == ("mothballed",) and thing.unknown == ("gazebo",)
    assert verb.unknown_weights[0] == VERB_FORM_WEIGHT * thing.unknown_weights[0]
    assert library.index.analyse("why was the riverside library quietly").unknown_weights[0] < 1
    # "speed" is no verb form, "supply" no adverb; a word the question turns on counts in full.
    assert library.index.analyse("why was the riverside library supply").unknown_weights[0] == 1
    assert library.index.analyse("why was the riverside library speed").unknown_weights[0] == 1.0
    assert library.index.analyse("who mothballed the library").unknown_weights[0] == 1.0


def test_a_name_the_knowledge_never_mentions_gets_no_suggestions() -> None:
    from tests.support.knowledge import LIBRARY

    library = Engine.load(LIBRARY)
    query = library.index.analyse("How much does the library in Japan cost?")
    assert query.unknown_names == ("japan",)
    assert library.index.analyse("how much does the library in japan cost").unknown_names == ()
    result = library.ask("What is the cost of living in Japan?")
    assert result.outcome is Outcome.NO_MATCH and not result.suggestions


def test_a_question_pointing_back_is_read_with_the_background_that_answers_it(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot import engine as engine_module
    from bot.decision import Decision
    from bot.model import Candidate

    alone_answer = Candidate("deal-value", 0.9, 1.0, 0.9, "v")
    leaning_answer = Candidate("staff-number", 0.6, 1.0, 0.6, "v")

    def judge(question: str, context: bool = False) -> object:
        """The question alone answers better than with its background."""
        alone = question in ("What happens to them?", "What happens to the deal?")
        chosen = alone_answer if alone else leaning_answer
        query = engine.index.analyse(question)
        decision = Decision(Outcome.ANSWERED, (chosen,))
        return engine_module._Judged(question, query, decision, chosen.confidence, [chosen])

    monkeypatch.setattr(engine, "_judge", judge)
    background = ("My son works for Bedfordshire police.",)  # words the knowledge knows
    pointing = engine._judge_in("What happens to them?", background)
    assert pointing.decision.answer == leaning_answer
    plain = engine._judge_in("What happens to the deal?", background)
    assert plain.decision.answer == alone_answer


def test_asked_which_council_an_entry_naming_one_is_preferred() -> None:
    from bot import decision, which_one
    from bot.model import Candidate
    from bot.query import Query

    assert which_one.named_things("Members of Northbrook District Council's cabinet voted.") == [
        "council",
        "organisation",
    ]
    assert which_one.named_things("The Council said so. It went to Riverside Pool.") == ["pool"]
    assert which_one.named_things("Janet Ormerod said it.") == []
    assert which_one.named_things("Then the River Wenlow burst its banks.") == ["river"]
    # A council and an agency are organisations ("which organisations are behind it?").
    assert which_one.named_things(
        "It was unveiled by Thorpeley Town Council and the Environment Agency."
    ) == [
        "council",
        "organisation",
        "agency",
        "organisation",
    ]
    which = Query(
        words=("council", "plan"),
        phrase="which council plan",
        terms=("council", "plan"),
        unknown=(),
        corrections=(),
        answer_type=("council",),
    )
    why = Candidate("why", 0.67, 0.7, 0.7, "v", quote="q1", wordings=4)
    vote = Candidate("vote", 0.62, 0.62, 0.6, "v", quote="q2", wordings=4, names_asked=True)
    assert decision.decide(which, [why, vote]).answer == vote
    # Too far behind, or named by the best itself: the best is answered.
    far = Candidate("vote", 0.50, 0.62, 0.6, "v", quote="q2", wordings=4, names_asked=True)
    assert decision.decide(which, [why, far]).answer == why
    plain = Query(
        words=("council", "plan"),
        phrase="why does the council plan it",
        terms=("council", "plan", "_why"),
        unknown=(),
        corrections=(),
    )
    assert decision.decide(plain, [why, vote]).answer == why


def test_a_question_turning_on_what_must_be_done_with_an_unknown_verb_is_a_near_miss(
    engine: Engine,
) -> None:
    # "book" is in no entry: whether booking is needed is not something the article says.
    analysed = engine.index.queries.analyse("Do I need to book a seat for the Monday meeting?")
    assert analysed.focus_unknown and analysed.unknown_weights[0] == 1.0
    assert not engine.ask("Do I need to book a seat for the Monday meeting?").answered
    # So is what someone unnamed did: "did anyone *resign*".
    assert engine.index.queries.analyse("Did anyone resign over the G4S deal?").focus_unknown
    assert not engine.ask("Did anyone resign over the G4S deal?").answered
    # A known verb after "need to" is matched as usual.
    assert not engine.index.queries.analyse("Do they need to decide by Monday?").focus_unknown


def test_a_verb_after_have_to_is_how_a_distance_is_asked_not_what() -> None:
    shop = Engine.load(EVAL / "post-office")
    question = "how far do people have to travel to the nearest post office"
    assert not shop.index.queries.analyse(question).focus_unknown
    assert shop.ask(question).answered
    # Whether one must travel at all is a yes/no question turning on travelling.
    assert shop.index.queries.analyse("do I have to travel to the meeting").focus_unknown


def test_how_someone_described_something_asks_their_words() -> None:
    shop = Engine.load(EVAL / "post-office")
    analysed = shop.index.queries.analyse("how did the chair describe the shop")
    assert analysed.kind == "said" and "describe" not in analysed.unknown
    assert shop.ask("how did the chair describe the shop").answered


def test_a_keyword_strings_number_counts_for_little() -> None:
    library = Engine.load(EVAL / "library")
    analysed = library.index.queries.analyse("petition signatures number")
    assert analysed.kind == "number" and analysed.light and "number" in analysed.words
    result = library.ask("petition signatures number")
    assert result.answered and result.entry is not None and result.entry.id == "petition"
    # "number of X" asks a count of X: of a word no entry counts, nothing.
    assert library.index.queries.analyse("number of swimming lanes").counted


def test_the_only_entry_giving_a_kind_is_no_answer_to_a_word_no_entry_has() -> None:
    foodbank = Engine.load(EVAL / "foodbank")
    # Only one entry gives a number of days ("three-day parcels"), but "leap" is in none.
    assert not foodbank.ask("how many days are there in a leap year").answered


def test_which_x_y_turns_on_its_head_noun() -> None:
    flood = Engine.load(EVAL / "flood-defences")
    # The article names no firm: "which construction *firm*" asks for what it does not say.
    assert flood.index.queries.analyse("which construction firm is building the wall").focus_unknown
    assert not flood.ask("which construction firm is building the wall").answered
    assert flood.ask("how long is the flood wall").answered
    # "apart" is no head noun; a fund may be asked for in the asker's words ("which pot").
    assert not flood.index.queries.analyse("which government pot pays for it").focus_unknown
    assert flood.index.queries.analyse("which construction companies bid").focus_unknown
    ward = Engine.load(EVAL / "childrens-ward")
    assert not ward.index.queries.analyse("what facilities apart from beds are there").focus_unknown


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("which company runs it", ["company"]),
        ("which other company runs it", ["company"]),  # "other" names no kind of thing
        ("which two cabinet members voted against", ["cabinet", "members"]),
        ("which of the forces met", []),  # (not read past "of the")
        ("what would g4s do", []),
    ],
)
def test_what_a_which_question_wants_named(question: str, wanted: list[str]) -> None:
    from bot.query import answer_type

    assert answer_type(question.split()) == wanted


def test_a_word_naming_the_kind_of_fact_is_no_word_to_match() -> None:
    from tests.support.knowledge import LIBRARY

    library = Engine.load(LIBRARY)
    # "number" only says a number is wanted: the knowledge never uses it, and it costs nothing.
    assert library.index.analyse("number of library gazebos").unknown == ("gazebos",)
    assert library.index.analyse("the library figures").unknown == ()


def test_funding_and_contributions_are_what_is_paid() -> None:
    from tests.support.knowledge import LIBRARY

    library = Engine.load(LIBRARY)  # "The library costs the council £240,000 a year to run"
    assert library.index.analyse("library funding").unknown == ()
    assert library.index.analyse("who contributes to the library").unknown == ()


def test_right_after_who_the_verb_is_what_is_asked(engine: Engine) -> None:
    # "owns" is in no entry: who owns something is not in the article, however well the
    # rest of the question ("Colworth Farm", "the Lincolnshire Police contract") matches.
    owns = engine.index.analyse("who owns the lincolnshire police contract")
    assert owns.focus_unknown
    assert not engine.ask("who owns the lincolnshire police contract").answered
    runs = engine.index.analyse("who runs the working group")
    assert not runs.focus_unknown and runs.focus == ("run",)


def test_in_a_string_of_keywords_every_unknown_word_counts_in_full() -> None:
    from tests.support.knowledge import LIBRARY

    library = Engine.load(LIBRARY)
    # "interest rate on the library budget": no chatter in it, whatever "rate" is in English.
    fragment = library.index.analyse("interest rate on the riverside library budget")
    asked = library.index.analyse("how was the riverside library budget hit by the interest rate")
    assert "interest" in fragment.unknown and "interest" in asked.unknown
    assert min(fragment.unknown_weights) == 1.0
    assert min(asked.unknown_weights) < 1.0


def test_who_is_against_it_asks_about_opposition() -> None:
    from tests.support.knowledge import ROOT

    harbour = Engine.load(ROOT / "eval" / "harbour")  # "a petition against the increase"
    against = harbour.index.analyse("who is against the increase")
    assert "against" in against.words  # not a stop word: opposition is what is asked about
    assert harbour.index.analyse("who opposes the increase").terms == against.terms


def test_the_person_s_own_story_around_a_question_does_not_count_against_it() -> None:
    from tests.support.knowledge import ROOT

    flood = Engine.load(ROOT / "eval" / "flood-defences")
    message = (
        "Hi, my husband and I farm out past Colworth and someone at the pub said they wanted "
        "to flood land out our way. Is that true? What happened with that idea?"
    )
    # "What happened with that idea?" says nothing alone; of its background only "Colworth",
    # "flood", "land" are the article's words ("husband", "pub" are the person's own story).
    result = flood.ask(message)
    assert result.answered and result.entry is not None
    assert result.entry.id == "reservoir-rejected"


def test_that_thing_in_a_question_points_back_to_the_message_before_it() -> None:

    engine = Engine.load(EVAL / "street-lights")
    # "meeting" is not the article's word, but "that meeting" is the cabinet's decision the
    # person has just named: it asks nothing the article lacks.
    result = engine.ask(
        "Morning. I want to be there when the cabinet makes the final decision on this. "
        "Where is that meeting?"
    )
    assert result.answered and result.entry is not None
    assert "County Hall" in result.entry.quote
    # Alone it names nothing the article has.
    assert not engine.ask("Where is that meeting?").answered


def test_a_story_word_alone_gives_no_suggestions_for_an_unrelated_question() -> None:

    engine = Engine.load(EVAL / "street-lights")
    # "keeps" is the campaign's word ("Keep Kelsford Lit"); the question is about a vet.
    result = engine.ask("Hi, my dog keeps barking at night. Should I take him to a vet?")
    assert result.outcome is Outcome.NO_MATCH and not result.suggestions
    # A question with a verb ("should I…") is no bare keyword either.
    assert not engine.index.analyse("keeps should I see a vet").is_bare


def test_words_that_only_point_at_what_is_asked_count_against_nothing() -> None:
    engine = Engine.load(EVAL / "windfarm")
    # Neither "result" nor "roughly" nor "somewhere" is the article's; none says what is asked.
    assert engine.index.analyse("what was the result of the committee vote").unknown == ()
    assert engine.index.analyse("roughly where can I see it somewhere").unknown == ()
    assert engine.ask("What was the result of the committee vote?").answered


def test_the_holder_of_a_role_needs_a_name_beside_it() -> None:
    """Asked who holds a role, a text mentioning the role with nobody named beside it does
    not say; one naming its holder does."""
    meals = Engine.load(EVAL / "meals")
    result = meals.ask("Brightplate spokesperson name")
    assert not result.answered
    assert result.closest is not None and result.closest.id == "brightplate-response"
    carehome = Engine.load(EVAL / "carehome")
    result = carehome.ask("who is the unison regional organiser")
    assert result.answered and result.entry is not None
    assert "Dave Whitcombe" in result.entry.quote


def test_a_time_the_text_does_not_speak_of_is_a_near_miss() -> None:
    """Asked about last year, a text giving a yearly budget does not say what was spent."""
    carehome = Engine.load(EVAL / "carehome")
    result = carehome.ask("what did the council pay for Larkfield House repairs last year")
    assert not result.answered
    result = carehome.ask("what would the repairs at Larkfield House cost")
    assert result.answered and result.entry is not None
    assert "2.4 million" in result.entry.answer


def test_a_common_word_sharing_a_names_stem_is_not_that_name() -> None:
    """'caterer' is not the 'Catering' of 'Brightplate Catering': a question about what the
    caterer does is not a question naming something no entry mentions."""
    meals = Engine.load(EVAL / "meals")
    assert "cater" not in meals.index.queries.names
    assert "unison" in meals.index.queries.names  # never written in lower case


def test_why_a_number_fell_asks_a_reason_not_a_count() -> None:
    from tests.support.knowledge import LIBRARY

    library = Engine.load(LIBRARY)
    assert library.index.analyse("Why has the number of visitors dropped?").counted == ()
    assert library.index.analyse("How many visitors does it get?").counted != ()


def test_the_only_entry_behind_the_best_giving_the_kind_asked_is_answered() -> None:
    from bot import decision, kinds
    from bot.model import Candidate
    from bot.query import Query

    length = Query(
        words=("consultation",),
        phrase="consultation length",
        terms=("consultation",),
        unknown=(),
        corrections=(),
        kind=kinds.DURATION,
    )
    after = Candidate(
        "after", 0.92, 1.0, 0.6, "v", quote="q1", wordings=5, gives=frozenset({"when"})
    )
    runs = Candidate(
        "runs", 0.75, 1.0, 0.7, "v", quote="q2", wordings=5, gives=frozenset({"duration"})
    )
    assert decision.decide(length, [after, runs]).answer == runs
    # two entries behind it give a length: no telling which
    also = Candidate(
        "also", 0.74, 1.0, 0.7, "v", quote="q3", wordings=5, gives=frozenset({"duration"})
    )
    assert decision.decide(length, [after, runs, also]).answer is None


def test_whose_name_the_question_gives_is_no_role_and_a_passive_verb_is_the_point() -> None:
    carehome = Engine.load(EVAL / "carehome")
    assert carehome.index.analyse("who is claire benson").role is None
    assert carehome.index.analyse("who was home manager before claire benson").role is not None
    # a yes/no question turns on what is to be done: an unknown verb the knowledge never uses
    assert carehome.index.analyse("will larkfield house be demolished").focus_unknown
    assert not carehome.index.analyse("will larkfield house close").focus_unknown


def test_the_share_of_a_question_an_entry_explains_is_at_most_all_of_it() -> None:
    """A word an entry has in two of its meanings (an article's synonym group and everyday
    English) counts once."""
    railway = Engine.load(EVAL / "railway")
    result = railway.ask("Which company will operate the trains?", explain=True)
    assert result.explanation is not None and result.explanation.candidates
    assert all(c.overlap <= 1.0 for c in result.explanation.candidates)


def test_a_persons_age_and_when_a_place_began_need_their_own_facts() -> None:
    carehome = Engine.load(EVAL / "carehome")
    # the manager's years in the job are no age
    assert not carehome.ask("what age is the manager claire benson").answered
    # the day the home closes is not when it was built
    assert not carehome.ask("what year was larkfield house built?").answered
    cinema = Engine.load(EVAL / "cinema")
    opened = cinema.ask("In which year was the Regal opened?")
    assert opened.answered and opened.entry is not None and "1938" in opened.entry.answer


def test_a_share_of_a_count_needs_a_text_that_counts_a_share() -> None:
    allotments = Engine.load(EVAL / "allotments")
    homes = allotments.ask("how many of the planned homes will be affordable")
    assert homes.entry is not None and "13" in homes.entry.answer
    market = Engine.load(EVAL / "market")
    # the petition's signatures are counted whole, not by who signed
    assert not market.ask("how many of the signatures on the petition came from traders").answered


def test_what_a_question_counts_is_not_what_it_is_about() -> None:
    from bot import decision, kinds
    from bot.model import Candidate
    from bot.query import Query

    seats = Query(
        words=("seats", "riverside", "arts", "centre"),
        phrase="how many seats does the riverside arts centre have",
        terms=("seat", "riversid", "art", "centr"),
        unknown=(),
        corrections=(),
        counted=("seat",),
        content_stems=frozenset({"seat", "riversid", "art", "centr"}),
        kind=kinds.NUMBER,
    )
    quote = "Shows will move to the 450-seat Corn Exchange, while smaller productions will be "
    quote += "staged at the Riverside Arts Centre."
    venues = Candidate("venues", 0.7, 0.9, 0.6, "v", quote=quote, gives=frozenset({"number"}))
    assert decision.objection(seats, venues) is not None
    exchange = seats._replace(
        words=("seats", "corn", "exchange"),
        content_stems=frozenset({"seat", "corn", "exchang"}),
    )
    assert decision.objection(exchange, venues) is None


def test_an_article_sentence_gives_a_reason_in_words_that_say_so_or_in_the_askers_view() -> None:
    bridge = Engine.load(EVAL / "bridge")
    # "traders fear a repeat of 2016, when the bridge closed" gives no cause
    assert not bridge.ask("what was the cause of the bridge closing in 2016").answered
    incinerator = Engine.load(EVAL / "incinerator")
    why = incinerator.ask("why did sarah pennington vote against the plant")
    assert why.answered and why.entry is not None and "Pennington" in why.entry.quote


def test_asked_why_an_entry_giving_a_reason_further_behind_beats_one_giving_none() -> None:
    from bot import decision, kinds
    from bot.model import Candidate
    from bot.query import Query

    why = Query(
        words=("ban",), phrase="why is there a ban", terms=("ban",), unknown=(), corrections=()
    )._replace(kind=kinds.REASON)
    start = Candidate("start", 0.8, 1.0, 0.6, "v", quote="q1", gives=frozenset({"when"}))
    reason = Candidate("reason", 0.63, 1.0, 0.6, "v", quote="q2", gives=frozenset({"reason"}))
    assert decision.decide(why, [start, reason]).answer == reason
    far = reason._replace(confidence=0.55)
    assert decision.decide(why, [start, far]).answer == start


def test_asked_is_it_open_on_weekends_on_weekdays_answers_it() -> None:
    from bot import decision, kinds
    from bot.model import Candidate
    from bot.query import Query

    quote = "The counter is open from 10am to 4pm on weekdays."
    hours = Candidate("hours", 0.8, 1.0, 0.7, "v", quote=quote, gives=frozenset({"time"}))
    weekends = Query(
        words=("counter", "open", "weekends"),
        phrase="is the counter open on weekends",
        terms=("counter", "open", "weekend"),
        unknown=(),
        corrections=(),
        opposites=frozenset({"weekends"}),
        kind=kinds.YESNO,
    )
    assert decision.objection(weekends, hours) is None
    when = weekends._replace(phrase="counter opening hours weekends", kind=kinds.TIME)
    assert decision.objection(when, hours) is not None
