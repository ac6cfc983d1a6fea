"""Who said a quote, from the words beside it in the article."""

from __future__ import annotations

from bot.attribution import attribution
from bot.knowledge import normalise_for_quote
from tests.support.knowledge import EVAL

ARTICLE = normalise_for_quote(
    "The cabinet voted five to two.\n\n"
    'Councillor Janet Ormerod, cabinet member for communities, said: "Nobody wants to close a '
    'pool, but we cannot keep pouring money into it."\n\n'
    '"We are proud of the 47," said Daniel Okafor, operations manager at Harrowden Coaches.\n\n'
    '"The numbers no longer add up," he said.\n\n'
    "Under the proposals, swimmers would go to Hadley.\n\n"
    "The council says the building needs repairs."
)


def test_the_speaker_named_before_the_quote() -> None:
    quote = "Nobody wants to close a pool, but we cannot keep pouring money into it."
    assert attribution(quote, ARTICLE) == (
        "Councillor Janet Ormerod, cabinet member for communities, said"
    )


def test_the_speaker_named_after_the_quote() -> None:
    assert attribution("We are proud of the 47", ARTICLE) == (
        "said Daniel Okafor, operations manager at Harrowden Coaches"
    )


def test_no_speaker_from_a_pronoun_another_sentence_or_no_quote() -> None:
    assert attribution("The numbers no longer add up", ARTICLE) == ""  # "he said"
    # The next sentence's "The council says" is about that sentence, not this one.
    assert attribution("Under the proposals, swimmers would go to Hadley.", ARTICLE) == ""
    assert attribution("The cabinet voted five to two.", ARTICLE) == ""
    assert attribution("Not in the article at all", ARTICLE) == ""


def test_an_entry_quoting_only_the_spoken_words_knows_who_spoke() -> None:

    from bot.engine import Engine

    engine = Engine.load(EVAL / "leisure-centre")
    result = engine.ask("What did the cabinet member say to justify closing the pool?")
    assert result.answered and result.entry is not None
    assert result.entry.id == "lc-council-view"
