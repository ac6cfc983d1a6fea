"""The Telegram texts (bot/telegram/texts.py, HTML) and keyboards, and where they share
wording with the terminal's: from Results built here (not from the matcher's tuning), the named
question, near misses, keyword menus, several questions in one message, wording for one
article or several, votes, escaping and Telegram's length limits, and the admin replies."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from telegram import InlineKeyboardMarkup

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.live import ReloadResult
from bot.model import Article, Entry, Outcome, Result, Suggestion
from bot.render_text import render_text
from bot.smalltalk import SmallTalk
from bot.stats import Cluster, Stats
from bot.telegram import keyboards
from bot.telegram.texts import (
    MESSAGE_LIMIT,
    clip,
    keyword_html,
    knowledge_topics_pages,
    near_miss_html,
    no_match_html,
    reload_html,
    render_html,
    smalltalk_html,
    source_html,
    stats_html,
    topics_pages,
    unsure_html,
    utf16_len,
)
from bot.wording import named_question, not_said
from tests.support.knowledge import BUNDLED, LIBRARY, copy_knowledge, edit

ARTICLE = Article("a", "Council <news> & views", "a test", "text", Path("a.txt"))
DEAL = Entry(
    "deal-value",
    "a",
    ("How much is the deal worth?", "deal value"),
    "Up to £77m a year.",
    "The deal is worth up to £77m per year.",
)
LENGTH = Entry(
    "length", "a", ("When was the review?",), "Last week.", "The review took place last week."
)


def answered(question: str, entry: Entry = DEAL) -> Result:
    return Result(question, Outcome.ANSWERED, 0.9, entry=entry, article=ARTICLE)


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled article and the library article in one knowledge folder."""
    return copy_knowledge(tmp_path_factory.mktemp("two"), BUNDLED, LIBRARY)


# -- the named question --------------------------------------------------------------------------


def test_an_answer_in_other_words_names_its_question() -> None:
    result = answered("what's it worth")
    assert named_question(result) == "How much is the deal worth?"
    assert render_html(result).startswith("<b>How much is the deal worth?</b>\n\nUp to £77m")
    assert render_text(result).splitlines()[:3] == ["How much is the deal worth?", "", DEAL.answer]


@pytest.mark.parametrize("question", ["How much is the deal worth?", "how much is the deal WORTH"])
def test_an_answer_asked_as_written_does_not_repeat_the_question(question: str) -> None:
    result = answered(question)
    assert named_question(result) is None
    assert render_html(result).startswith("Up to £77m a year.")
    assert render_text(result).startswith("Up to £77m a year.")


def test_the_named_question_is_escaped_and_fits_the_limit() -> None:
    entry = Entry("x", "a", ("Is <b> & more?",), "Yes " * 3000, "Quote " * 3000)
    html = render_html(answered("something else", entry))
    assert html.startswith("<b>Is &lt;b&gt; &amp; more?</b>")
    assert utf16_len(html) <= MESSAGE_LIMIT


# -- near misses, keyword menus, several questions -----------------------------------------------


def near_miss(kind: str | None) -> Result:
    return Result(
        "how long did the review last", Outcome.NO_MATCH, 0.3, closest=LENGTH, asked_kind=kind
    )


def test_a_near_miss_says_what_the_article_does_not_say_and_quotes_the_closest_passage() -> None:
    html = near_miss_html(near_miss("duration"), {"a": ARTICLE})
    assert html.startswith("<b>The article doesn't say how long.</b>")
    assert "does not answer your question" in html
    assert f"<blockquote>{LENGTH.quote}</blockquote>" in html
    assert "Source: <i>Council &lt;news&gt; &amp; views</i>" in html
    assert LENGTH.answer not in html  # the closest entry's answer is never given as an answer
    text = render_text(near_miss("reason"), articles={"a": ARTICLE})
    assert text.startswith("The article doesn't say why.")
    assert "not an answer" in text and LENGTH.quote in text and LENGTH.answer not in text


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("person", "who"),
        ("when", "when"),
        ("number", "how many or how much"),
        ("name", "the name"),
        ("yesno", "that"),
        ("place", "where"),
        ("abbreviation", "what that stands for"),
        (None, "that"),
        ("something new", "that"),
    ],
)
def test_each_kind_of_fact_has_its_words(kind: str | None, words: str) -> None:
    assert not_said(near_miss(kind)) == f"The article doesn't say {words}."
    assert not_said(near_miss(kind), 2) == f"The articles don't say {words}."


def test_a_keyword_menu_says_so() -> None:
    suggestions = tuple(Suggestion(f"e{n}", f"Question {n}?", 0.4) for n in range(4))
    result = Result("G4S", Outcome.UNSURE, 0.4, suggestions=suggestions, keyword="G4S")
    assert keyword_html("G4S & co") == "About <b>G4S &amp; co</b> I can tell you:"
    text = render_text(result)
    assert text.splitlines()[0] == "About G4S I can tell you:"
    assert "  4. Question 3?" in text
    typed = result._replace(question="g4s?")  # as typed, punctuation aside
    assert render_text(typed).splitlines()[0] == "About g4s I can tell you:"
    normalised = result._replace(question="G4S!", keyword="g4s")
    assert render_text(normalised).splitlines()[0] == "About G4S I can tell you:"
    markup = keyboards.suggestions(suggestions, "ab12cd34ef56ab78", most=keyboards.MAX_MENU)
    labels = [row[0].text for row in markup.inline_keyboard]
    assert labels == ["Question 0?", "Question 1?", "Question 2?", "Question 3?", "None of these"]


def test_several_questions_in_one_message_are_each_answered() -> None:
    second = answered("and when was the review", LENGTH)
    result = Result(
        "what's it worth, and when was the review",
        Outcome.ANSWERED,
        0.9,
        entry=DEAL,
        article=ARTICLE,
        others=(second,),
    )
    text = render_text(result)
    assert text.index(DEAL.answer) < text.index("When was the review?") < text.index(LENGTH.quote)


# -- one article or several ----------------------------------------------------------------------


def test_wording_fits_one_or_several_articles() -> None:
    one, two = [ARTICLE], [ARTICLE, ARTICLE]
    assert "in the article." in no_match_html(one) and "in the articles." in no_match_html(two)
    assert "about the article" in smalltalk_html(SmallTalk.THANKS, one)
    assert "about the articles" in smalltalk_html(SmallTalk.THANKS, two)
    result = Result("x", Outcome.NO_MATCH, 0.0)
    assert "the article I have read" in render_text(result, articles={"a": ARTICLE})
    assert "the articles I have read" in render_text(result, articles={"a": ARTICLE, "b": ARTICLE})


def test_topics_are_grouped_under_each_articles_title(two_articles: Path) -> None:
    knowledge = load_knowledge(two_articles)
    pages = knowledge_topics_pages(knowledge)
    text = "\n".join(pages)
    titles = [a.title for a in knowledge.articles.values()]
    assert len(titles) == 2
    positions = [text.index(f"<u><b>{title}</b></u>") for title in titles]
    for entry in knowledge.entries.values():
        article = titles.index(knowledge.article_of(entry).title)
        at = text.index(entry.question.replace("'", "'"))
        assert at > positions[article]
        assert article == 1 or at < positions[1]  # the first article's questions come first
    small = knowledge_topics_pages(knowledge, per_page=2)
    assert len(small) > 2
    for page in small:  # every page says which article it lists
        assert "<u><b>" in page
        assert utf16_len(page) <= MESSAGE_LIMIT
    assert "<u>" not in "\n".join(knowledge_topics_pages(load_knowledge(LIBRARY)))


def test_source_counts_the_questions_of_each_article(two_articles: Path) -> None:
    knowledge = load_knowledge(two_articles)
    counts = Counter(e.article_id for e in knowledge.entries.values())
    html = source_html(list(knowledge.articles.values()), counts)
    assert "4 questions I can answer from it." in html
    assert f"{counts['g4s-police-outsourcing']} questions I can answer from it." in html
    assert "these 2 articles" in html


def test_examples_come_from_every_article_in_turn(two_articles: Path) -> None:
    engine = Engine.load(two_articles)
    examples = engine.examples(4)
    assert [e.article_id for e in examples[:2]] == list(engine.knowledge.articles)
    assert len({e.article_id for e in examples}) == 2
    assert len({e.topic for e in examples}) == 4  # different topics first
    assert len(engine.examples(100)) == len(engine.knowledge.entries)


def test_examples_never_show_the_same_wording_twice(tmp_path: Path) -> None:
    copy_knowledge(tmp_path, BUNDLED, LIBRARY)
    # Both articles now open with an entry asked "What is this article about?".
    edit(tmp_path / "library.yaml", '"Which library is closing?"', '"What is this article about?"')
    engine = Engine.load(tmp_path)
    wordings = [e.question for e in engine.examples(5)]
    assert wordings.count("What is this article about?") == 1
    assert len(wordings) == 5


# -- votes ---------------------------------------------------------------------------------------


def test_the_vote_that_counts_is_ticked_and_a_second_press_changes_it() -> None:
    record = "0123456789abcdef"
    markup = keyboards.answer(DEAL, load_knowledge(LIBRARY), record)
    assert isinstance(markup, InlineKeyboardMarkup)
    assert keyboards.shown_vote(markup, record) == 0
    up = keyboards.with_vote(markup, record, 1)
    assert [b.text for b in up.inline_keyboard[-1]] == ["\U0001f44d \u2713", "\U0001f44e"]
    assert keyboards.shown_vote(up, record) == 1
    down = keyboards.with_vote(up, record, -1)
    assert [b.text for b in down.inline_keyboard[-1]] == ["\U0001f44d", "\U0001f44e \u2713"]
    assert keyboards.shown_vote(down, record) == -1
    assert keyboards.shown_vote(down, "fedcba9876543210") == 0  # another answer's votes


# -- escaping and limits ------------------------------------------------------------------------


def test_render_html_escapes_and_fits_one_message() -> None:
    engine = Engine.load()
    result = engine.answer_entry(next(iter(engine.knowledge.entries)))
    assert result.entry is not None and result.article is not None
    huge = Result(
        question="q",
        outcome=Outcome.ANSWERED,
        confidence=1.0,
        entry=result.entry._replace(answer="<b>&" * 900, quote="😀 & <i>" * 900),
        article=result.article,
    )
    text = render_html(huge)
    assert utf16_len(text) <= MESSAGE_LIMIT
    assert "<b>&" not in text and "&lt;b&gt;&amp;" in text
    assert text.count("<blockquote>") == 1 and text.endswith("</i>")
    assert render_text(result)  # the terminal rendering still works


def test_unsure_html_escapes_the_question() -> None:
    text = unsure_html("<script>&amp;" + "x" * 500)
    assert "<script>" not in text and "&lt;script&gt;&amp;amp;" in text
    assert len(text) < 250
    assert clip("a  b\n c", 10) == "a b c"


def test_topics_are_paginated_within_limits() -> None:
    engine = Engine.load()
    pages = topics_pages(engine.knowledge.topics())
    assert len(pages) == 1
    for question in (e.question for e in engine.knowledge.entries.values()):
        assert question.replace("'", "'") in pages[0].replace("&#x27;", "'")
    many = {f"Topic {n}": list(engine.knowledge.entries.values()) for n in range(20)}
    pages = topics_pages(many)
    assert len(pages) >= 3
    assert all(utf16_len(p) <= MESSAGE_LIMIT for p in pages)
    assert all(p.count("<b>Topic ") <= 8 for p in pages)
    assert pages[0].startswith("<b>Everything I can answer</b> (page 1/")


def test_texts_about_many_long_articles_still_fit_one_message(tmp_path: Path) -> None:
    from bot.model import Article
    from bot.telegram.texts import no_match_html, source_html, start_html

    articles = [
        Article(f"a{n}", "<Title> & " * 40, "origin & <x> " * 80, "text", tmp_path)
        for n in range(60)
    ]
    counts = {a.id: 3 for a in articles}
    for text in (source_html(articles, counts), no_match_html(articles), start_html(articles)):
        assert utf16_len(text) <= MESSAGE_LIMIT
        assert "<Title>" not in text and "&lt;Title&gt; &amp;" in text
    assert "more" in source_html(articles, counts)


# -- admin replies ------------------------------------------------------------------------------


def test_stats_html_shows_counts_votes_and_escaped_questions() -> None:
    stats = Stats(
        today={"answered": 2, "suggested": 1, "no_match": 3},
        last_7_days={"answered": 20, "suggested": 5, "no_match": 9},
        top_unanswered=(Cluster("Is <b>it</b> & that?", 4), Cluster("x" * 5000, 2)),
        votes_up_7_days=6,
        votes_down_7_days=1,
    )
    text = stats_html(stats)
    assert "Today: <b>6</b> (2 answered, 1 suggestions offered, 3 not answered)" in text
    assert "Last 7 days: <b>34</b> (20 answered, 5 suggestions offered, 9 not answered)" in text
    assert "\U0001f44d 6 \u00b7 \U0001f44e 1" in text
    assert "1. Is &lt;b&gt;it&lt;/b&gt; &amp; that? \u00d74" in text
    assert utf16_len(text) <= MESSAGE_LIMIT


def test_reload_html_escapes_problems_and_fits_one_message() -> None:
    ok = reload_html(ReloadResult(True, 7, 1))
    assert ok.startswith("Reloaded: <b>7</b> entries from 1 article(s).")
    problems = tuple(
        f"k/library.yaml:{n}:3: [e{n}] quote <{'&' * 300}> not found" for n in range(50)
    )
    failed = reload_html(ReloadResult(False, 7, 1, problems))
    assert failed.startswith("<b>Reload failed</b>; still answering from the previous knowledge")
    assert "<{" not in failed and "&lt;&amp;&amp;" in failed
    assert utf16_len(failed) <= MESSAGE_LIMIT
    assert "more (run qa-bot check)." in failed
