"""Several articles in one knowledge: synonyms stay with their article, ambiguous questions
offer both articles, and each article still answers its own questions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.model import Outcome
from tests.support.knowledge import BUNDLED, ROOT

LEISURE = ROOT / "eval" / "leisure-centre"


def two_articles(folder: Path) -> Path:
    folder.mkdir()
    for source in (BUNDLED, LEISURE):
        for path in source.iterdir():
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.load(two_articles(tmp_path_factory.mktemp("kb") / "both"))


def test_each_article_answers_its_own_questions(engine: Engine) -> None:
    deal = engine.ask("What is the G4S deal worth each year?")
    assert deal.answered and deal.article is not None
    assert deal.article.id == "g4s-police-outsourcing"
    repairs = engine.ask("How much would the repairs to the pool building cost?")
    assert repairs.answered and repairs.article is not None
    assert repairs.article.id == "leisure-centre"


def test_a_question_both_articles_answer_offers_both(engine: Engine) -> None:
    result = engine.ask("what is this article about")
    assert result.outcome is Outcome.UNSURE
    articles = {engine.knowledge.entries[s.entry_id].article_id for s in result.suggestions}
    assert articles == {"g4s-police-outsourcing", "leisure-centre"}


def add_group(path: Path, group: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert "\nsynonyms:\n" in text
    path.write_text(
        text.replace("\nsynonyms:\n", f"\nsynonyms:\n  - {group}\n", 1), encoding="utf-8"
    )


def test_an_articles_synonyms_apply_to_its_own_entries_only(tmp_path: Path) -> None:
    folder = two_articles(tmp_path / "kb")
    # The leisure centre's file makes "blorp" mean "olympics": for its own entries only.
    add_group(folder / "leisure-centre.yaml", "[olympics, blorp]")
    knowledge = load_knowledge(folder)
    assert ("olympics", "blorp") in knowledge.article_synonyms["leisure-centre"]
    assert ("olympics", "blorp") not in knowledge.shared_synonyms
    result = Engine(knowledge).ask("what happened at the blorp")
    assert not result.answered
    # The same group in G4S's own file does link the word for G4S's entries.
    add_group(folder / "g4s-police-outsourcing.yaml", "[olympics, blorp]")
    result = Engine.load(folder).ask("what happened at the blorp")
    assert result.answered and result.entry is not None and "10,400" in result.entry.quote


def test_a_shared_synonyms_file_applies_to_every_article(tmp_path: Path) -> None:
    folder = two_articles(tmp_path / "kb")
    (folder / "synonyms.yaml").write_text("synonyms:\n  - [olympics, blorp]\n", encoding="utf-8")
    knowledge = load_knowledge(folder)
    assert ("olympics", "blorp") in knowledge.shared_synonyms
    result = Engine(knowledge).ask("what happened at the blorp")
    assert result.answered and result.entry is not None and "10,400" in result.entry.quote


def test_a_word_another_article_uses_as_it_is_means_that_first(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    for source in (BUNDLED, ROOT / "eval" / "childrens-ward"):
        for path in source.iterdir():
            shutil.copy(path, folder / path.name)
    engine = Engine.load(folder)
    # G4S's own synonyms make "beds" Bedfordshire; the hospital story means beds.
    beds = engine.ask("how many beds?")
    assert beds.answered and beds.article is not None
    assert beds.article.id == "childrens-ward-move"
    herts = engine.ask("is beds police involved")
    assert herts.answered and herts.entry is not None and "Bedfordshire" in herts.entry.answer
