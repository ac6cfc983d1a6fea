"""Article sentences no entry quotes answer, in their own words, what no entry answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.render_text import render_text
from bot.telegram.texts import render_html
from bot.wording import FROM_ARTICLE
from tests.support.cli import call
from tests.support.knowledge import EVAL

ARTICLE = """\
Harbour dredging plan approved for Porthcarrow

Porthcarrow Town Council has approved a £2.1 million plan to dredge the silted harbour.

The dredging will remove about 40,000 tonnes of mud from the inner basin.

Harbour master Tom Pascoe said the channel had become too shallow for the lifeboat at low tide.

The work will start in October and take about ten weeks.

A public exhibition of the plans will be held at the Sailing Club on Quay Street.

"Every minute counts when the lifeboat launches," she said.
"""

KNOWLEDGE = """\
article:
  id: harbour
  title: "Harbour dredging plan approved for Porthcarrow"
  origin: "Test article"
  file: harbour.txt
entries:
  - id: cost
    questions:
      - "How much will the dredging cost?"
      - "What is the price of the plan?"
    answer: "£2.1 million."
    quote: "Porthcarrow Town Council has approved a £2.1 million plan to dredge the silted harbour."
  - id: start
    questions:
      - "When will the work start?"
      - "How long will the work take?"
    answer: "In October, for about ten weeks."
    quote: "The work will start in October and take about ten weeks."
"""


def write_harbour(folder: Path) -> Path:
    """The harbour article and its knowledge in a new `folder`."""
    folder.mkdir()
    (folder / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "harbour.yaml").write_text(KNOWLEDGE, encoding="utf-8")
    return folder


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    return write_harbour(tmp_path / "harbour")


def test_the_uncovered_sentences_are_the_passages(harbour: Path) -> None:
    engine = Engine.load(harbour)
    texts = sorted(p.text for p in engine.passages().of_article("harbour"))
    assert texts == sorted(
        [
            "The dredging will remove about 40,000 tonnes of mud from the inner basin.",
            "Harbour master Tom Pascoe said the channel had become too shallow for the lifeboat "
            "at low tide.",
            "A public exhibition of the plans will be held at the Sailing Club on Quay Street.",
            '"Every minute counts when the lifeboat launches," she said.',
        ]
    )
    # Every passage's text is verbatim in the article (but for whitespace).
    article = " ".join(ARTICLE.split())
    assert all(p.text in article for p in engine.passages().of_article("harbour"))


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Who is the harbour master?", "Tom Pascoe"),
        ("how much mud will they dredge out", "40,000 tonnes"),
        ("Where can I see the plans?", "Sailing Club"),
        ("exhibition venue", "Sailing Club"),
    ],
)
def test_a_question_no_entry_answers_is_answered_by_its_sentence(
    harbour: Path, question: str, quoted: str
) -> None:
    result = Engine.load(harbour).ask(question)
    assert result.answered and result.entry is not None, result
    assert result.entry.from_article and quoted in result.entry.quote
    assert result.entry.id.startswith("harbour#")


@pytest.mark.parametrize(
    "question",
    [
        "How long has Tom Pascoe been harbour master?",  # a kind the sentence does not give
        "Who said every minute counts?",  # "she said": it names nobody
        "When will the exhibition open?",  # the sentence gives no time
        "Who is the mayor of Porthcarrow?",  # a role it never names
        "How tall is the lighthouse?",  # words the article never uses
    ],
)
def test_a_near_miss_is_not_answered_by_a_sentence(harbour: Path, question: str) -> None:
    result = Engine.load(harbour).ask(question)
    assert not (result.answered and result.entry and result.entry.from_article), result


def test_entries_come_first(harbour: Path) -> None:
    result = Engine.load(harbour).ask("When will the work start?")
    assert result.answered and result.entry is not None and result.entry.id == "start"
    assert result.to_json()["from_article"] is False


def test_the_json_and_replies_say_it_is_the_article_s_own_words(harbour: Path) -> None:
    code, out, err = call(
        ["--knowledge", str(harbour), "ask", "--json", "Who is the harbour master?"]
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["answered"] and data["from_article"]
    assert data["id"].startswith("harbour#") and "Tom Pascoe" in data["quote"]
    assert data["answer"] == data["quote"]  # no prepared answer: the sentence itself
    result = Engine.load(harbour).ask("Who is the harbour master?")
    knowledge = load_knowledge(harbour)
    text = render_text(result, None, knowledge.articles)
    assert FROM_ARTICLE in text and "Tom Pascoe" in text
    assert text.count("Tom Pascoe") == 1  # the sentence is shown once, as the quote
    html = render_html(result)
    assert FROM_ARTICLE in html and html.count("Tom Pascoe") == 1


def test_a_follow_up_to_a_sentence_is_read_as_a_new_question(harbour: Path) -> None:
    engine = Engine.load(harbour)
    first = engine.ask("Who is the harbour master?")
    assert first.entry is not None and first.entry.from_article
    again = engine.ask("How much will the dredging cost?", subject=first.entry.id)
    assert again.answered and again.entry is not None and again.entry.id == "cost"


def test_only_the_most_recently_used_articles_passages_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot import passages

    monkeypatch.setattr(passages, "KEEP_ARTICLES", 2)
    folder = tmp_path / "three"
    folder.mkdir()
    for name in ("alpha", "beta", "gamma"):
        (folder / f"{name}.txt").write_text(
            ARTICLE.replace("Porthcarrow", name.title()), encoding="utf-8"
        )
        (folder / f"{name}.yaml").write_text(
            KNOWLEDGE.replace("Porthcarrow", name.title())
            .replace("id: harbour", f"id: {name}")
            .replace("harbour.txt", f"{name}.txt")
            .replace("id: cost", f"id: {name}-cost")
            .replace("id: start", f"id: {name}-start"),
            encoding="utf-8",
        )
    found = Engine.load(folder).passages()
    first = found.of_article("alpha")
    found.of_article("beta")
    assert found.of_article("alpha") is first  # kept, and now the most recently used
    found.of_article("gamma")  # beta goes
    assert list(found._of_article) == ["alpha", "gamma"]
    again = found.of_article("beta")  # found again, alpha goes
    assert len(again) == len(first) and all(p.article_id == "beta" for p in again)
    assert list(found._of_article) == ["gamma", "beta"]


def test_a_name_and_what_is_asked_of_them_is_answered_by_the_sentence_naming_them() -> None:
    from tests.support.knowledge import ROOT

    # "role" is not in the school article: it stands for what is asked, of whoever is named.
    result = Engine.load(ROOT / "eval" / "school-expansion").ask("Helen Ashworth role")
    assert result.answered and result.entry is not None and result.entry.from_article
    assert "cabinet member for children and education" in result.entry.quote


def test_a_sentence_referring_back_is_quoted_with_the_one_before_it() -> None:
    from bot.knowledge import normalise_for_quote
    from tests.support.knowledge import ROOT

    harbour = Engine.load(ROOT / "eval" / "harbour")
    result = harbour.ask("Who is the chairman of the mooring holders association?")
    assert result.answered and result.entry is not None and result.entry.from_article
    # "Its chairman, Geoff Allard, said…" names the association only through the sentence
    # before it; the two are one quote, verbatim in the article.
    assert "Geoff Allard" in result.entry.quote
    assert result.entry.quote.startswith("The Arnscombe Mooring Holders' Association")
    article = harbour.knowledge.articles["harbour"]
    assert result.entry.quote in normalise_for_quote(article.text)


def test_every_passage_of_every_eval_article_is_verbatim_in_it() -> None:
    from bot.knowledge import normalise_for_quote
    from tests.support.knowledge import ROOT

    folders = sorted(p for p in (ROOT / "eval").iterdir() if p.is_dir())
    assert len(folders) >= 9
    checked = 0
    for folder in folders:
        engine = Engine.load(folder)
        for article in engine.knowledge.articles.values():
            text = normalise_for_quote(article.text)
            passages = engine.passages().of_article(article.id)
            assert [p.id for p in passages if p.text not in text] == []
            checked += len(passages)
    assert checked > 50  # modest files leave many sentences unquoted


def test_a_sentence_quoted_with_the_next_one_is_no_rival_to_itself() -> None:

    from bot.engine import Engine

    engine = Engine.load(EVAL / "flood-defences")
    # The leader's sentence is also found with the next one ("This scheme would…" points
    # back at it): the same words, not a second sentence as good.
    result = engine.ask("Who is the leader of Thorpeley Town Council?")
    assert result.answered and result.entry is not None
    assert "Helen Marsh" in result.entry.quote
