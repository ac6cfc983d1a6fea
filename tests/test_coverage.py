"""`qa-bot coverage`: the article sentences that no entry quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coverage import article_coverage
from bot.knowledge import article_sentences, load_knowledge
from tests.support.cli import call

ARTICLE = """\
The council met on Monday. It approved a new park near the river.

Work starts in May and ends in “late autumn”, the mayor said. Residents welcomed it.
"""

KNOWLEDGE = """\
article:
  id: park
  title: "A new park"
  origin: "test"
  file: park.txt
entries:
  - id: meeting
    questions: ["When did the council meet?"]
    answer: "On Monday."
    quote: "The council met on Monday."
  - id: park
    questions: ["What did the council approve?"]
    answer: "A park."
    quote: "a new park"
  - id: schedule
    questions: ["When does work start?"]
    answer: "In May."
    quote: "ends in \\"late autumn\\", the mayor said. Residents"
"""


@pytest.fixture
def park(tmp_path: Path) -> Path:
    (tmp_path / "park.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "park.yaml").write_text(KNOWLEDGE, encoding="utf-8")
    return tmp_path


def test_the_bundled_knowledge_quotes_every_sentence() -> None:
    knowledge = load_knowledge()
    total = sum(len(article_sentences(a.text)) for a in knowledge.articles.values())
    code, out, _ = call(["coverage"])
    assert code == 0
    assert out.strip().endswith(f"All {total} sentences are covered.") and total > 10
    assert f"{len(knowledge.entries)} entries cite it" in out


def test_an_uncovered_sentence_is_listed(park: Path) -> None:
    code, out, _ = call(["--knowledge", str(park), "coverage"])
    assert code == 0
    assert out.splitlines() == [
        "park: 3 entries cite it; 3 of 4 sentences covered.",
        "  Not quoted by any entry:",
        "  - Residents welcomed it.",
        "  Entries with fewer than 4 question wordings (add the ways people would ask; "
        "`qa-bot check --propose` suggests some):",
        "  - meeting: 1 wording",
        "  - park: 1 wording",
        "  - schedule: 1 wording",
        "  Question wordings per entry: meeting 1, park 1, schedule 1",
        "3 of 4 sentences are covered; 1 is not: write entries whose quote is one of them.",
        "3 entries have fewer than 4 question wordings.",
    ]


def test_what_counts_as_covered(park: Path) -> None:
    (result,) = article_coverage(load_knowledge(park))
    assert result.sentences == (
        "The council met on Monday.",
        "It approved a new park near the river.",  # the quote is part of it
        'Work starts in May and ends in "late autumn", the mayor said.',  # over half is quoted
        "Residents welcomed it.",  # a quote spills into it, but covers less than half
    )
    assert result.uncovered == (result.sentences[3],)
    assert result.entries == 3
