"""Quotes must be verbatim: only typographic quotes and whitespace are forgiven.

The bundled article mixes straight quotes (`added: "The joint...`) with typographic ones
(`said: “The chief constables...`) and contains apostrophes (`company's`), which is what
these tests lean on.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import (
    KnowledgeError,
    article_sentences,
    check_quote,
    closest_passage,
    load_knowledge,
    normalise_for_quote,
)
from bot.model import Article
from tests.support.knowledge import BUNDLED_ARTICLE as ARTICLE_PATH
from tests.support.knowledge import ROOT, write_article_knowledge

ARTICLE_TEXT = ARTICLE_PATH.read_text(encoding="utf-8")
ARTICLE = Article("g4s", "G4S", "test", ARTICLE_TEXT, ARTICLE_PATH)


def load_with_quote(tmp_path: Path, quote_yaml: str) -> None:
    """Load a knowledge folder whose only entry has the given `quote:` value (YAML text)."""
    write_article_knowledge(
        tmp_path,
        'article:\n  id: g4s\n  title: "G4S"\n  origin: "test"\n  file: article.txt\n'
        "entries:\n"
        '  - id: q\n    questions: ["q?"]\n    answer: "a"\n'
        f"    quote: {quote_yaml}\n",
        name="k.yaml",
    )
    load_knowledge(tmp_path)


def yaml_text(text: str) -> str:
    """A YAML double-quoted scalar for any text (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


# -- accepted ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        # verbatim
        "worth up to £77m per year",
        # the article has typographic quotes here; the quote uses straight ones
        'A Hertfordshire Constabulary spokesman said: "The chief constables of Bedfordshire',
        # the article has straight quotes here; the quote uses typographic ones
        "The spokesman added: \u201cThe joint collaboration working group",
        # typographic apostrophe for the article's straight one
        "identifying the company\u2019s Olympic failure",
        # extra spaces, a tab, newlines
        "worth  up to   £77m\tper year",
        "The three forces had been planning on using the company\nto provide support in HR,\n"
        "finance, ICT",
        # a quote spanning two paragraphs of the article
        "at a meeting on Monday.\n\nThe spokesman added:",
        # surrounding whitespace
        "  worth up to £77m per year \n",
    ],
)
def test_tolerated_differences(tmp_path: Path, quote: str) -> None:
    assert check_quote(quote, ARTICLE) is None
    load_with_quote(tmp_path, yaml_text(quote))


def test_multiline_block_scalar_quote_is_accepted(tmp_path: Path) -> None:
    load_with_quote(
        tmp_path,
        "|\n      However, the pressure is mounting on forces\n"
        "      to distance themselves from the security giant\n",
    )


# -- rejected ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "worth up to £77m a year",  # a word changed
        "worth up to £77 m per year",  # a space inside a token
        "worth up to 77m per year",  # a character dropped
        "Worth up to £77m per year",  # case changed
        "worth up to £77m, per year",  # punctuation added
        "Hertfordshire Constabulary is keeping tight\u2013lipped",  # dash changed
        "the 10400 staff required by LOCOG",  # digit grouping changed
        "The three forces had been planning on using the company to provide support in HR, "
        "finance, ICT, procurement, corporate communications, estates",  # items skipped
        "privatisation plan",  # the article's spelling is "privitisation"
    ],
)
def test_any_other_change_is_rejected(tmp_path: Path, quote: str) -> None:
    problem = check_quote(quote, ARTICLE)
    assert problem is not None
    assert problem.startswith("quote not found verbatim in article `g4s`")
    with pytest.raises(KnowledgeError) as info:
        load_with_quote(tmp_path, yaml_text(quote))
    [only] = info.value.problems
    assert only.entry_id == "q"
    assert (only.line, only.column) == (10, 12)  # the quote's value
    assert "closest passage" in only.message


def test_normalise_for_quote() -> None:
    typographic = "  \u201cA\u201d \u2018b\u2019\n\n c\u201e\u201a "
    assert normalise_for_quote(typographic) == "\"A\" 'b' c\"'"
    assert normalise_for_quote("tight\u2013lipped") == "tight\u2013lipped"


# -- the closest passage ----------------------------------------------------------------------


def test_article_sentences_split_at_sentence_ends_and_closing_quotes() -> None:
    sentences = article_sentences(ARTICLE_TEXT)
    assert sentences[0].startswith("Hertfordshire Constabulary is keeping tight-lipped")
    assert sentences[0].endswith("Olympics security shambles.")
    # A sentence ending in a closing quote is split after the quote.
    assert (
        '"At this time, and until the police authorities have decided how they wish to '
        'proceed, it would be inappropriate to comment further."' in sentences
    )
    assert all(s == s.strip() and "\n" not in s for s in sentences)
    assert len(sentences) >= 12


@pytest.mark.parametrize(
    "article_text",
    [
        ARTICLE_TEXT,
        'One. Two! "Three?" Four.\u201d \u201cFive. six. 7. Eight',
        'A?. B.. C.\u201d"D. E.\u201d x. \n\n  \n Then.\u00a0New.\u2003"Quote."  Z',
        "No end mark at all\n\nand another paragraph.",
        ". Starts with a mark. End.",
    ],
)
def test_article_sentences_split_where_the_look_behind_pattern_splits(article_text: str) -> None:
    # article_sentences matches from the end mark on for speed; the splits must stay those of
    # the plainer pattern it replaced, on each normalised paragraph.
    plain = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d]))\s+(?=["\u201cA-Z])')
    expected = [
        sentence
        for paragraph in re.split(r"\n\s*\n", article_text)
        for sentence in plain.split(normalise_for_quote(paragraph))
        if sentence
    ]
    assert article_sentences(article_text) == expected


@pytest.mark.parametrize(
    ("quote", "expected_start"),
    [
        ("worth up to £77 million per year", "The chief constables of Hertfordshire, Bedfordshire"),
        ("the 10400 staff required by LOCOG", "However, the pressure is mounting"),
        ("at this time, and until", '"At this time, and until'),
        (
            "Surrey Police Authority recently decided to suspend their own privatisation plan",
            "Surrey Police Authority recently decided",
        ),
    ],
)
def test_closest_passage_finds_the_sentence_a_fragment_comes_from(
    quote: str, expected_start: str
) -> None:
    passage, similarity = closest_passage(quote, ARTICLE_TEXT)
    assert passage.startswith(expected_start)
    assert 75 <= similarity < 100


def test_closest_passage_of_unrelated_text_is_not_similar() -> None:
    _, similarity = closest_passage("Zebras graze quietly on the savannah at dawn", ARTICLE_TEXT)
    assert 0 <= similarity < 60


# -- the bundled knowledge ----------------------------------------------------------------------


def test_every_bundled_quote_is_in_its_article_and_answers_show_it() -> None:
    engine = Engine.load(ROOT / "knowledge")
    for entry in engine.knowledge.entries.values():
        article = engine.knowledge.article_of(entry)
        assert check_quote(entry.quote, article) is None, entry.id
        result = engine.answer_entry(entry.id)
        assert result.entry is entry and result.article is article
