"""The fast paths must give exactly what the straightforward ones give.

* The matcher's shortlist: found from the rare words' postings (max-score) or with one common
  word's entries read group by group, it must hold the same entries, with the same overlaps,
  as scoring every entry that shares a word with the question.
* YAML: libyaml reads only files in the plain subset of YAML, and must build the same nodes,
  values and positions there as the pure-Python parser.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from bot import shortlist, yamlnodes
from bot.engine import Engine
from bot.knowledge import Knowledge
from bot.model import Article, Entry
from tests.support.knowledge import ROOT

COMMON = ["alpha", "bravo", "charlie"]  # in most entries
MIDDLE = [f"middle{i}" for i in range(12)]
RARE = [f"rare{i}" for i in range(300)]
OPENERS = ["", "how much ", "who ", "when and where ", "why ", "what time "]


def _synthetic_engine() -> Engine:
    rng = random.Random(7)
    entries: dict[str, Entry] = {}
    for number in range(1500):

        def sentence() -> str:
            words = [w for w in COMMON if rng.random() < 0.6]
            words += rng.sample(MIDDLE, 2) + rng.sample(RARE, 2)
            rng.shuffle(words)
            return " ".join(words)

        questions = tuple(rng.choice(OPENERS) + sentence() for _ in range(3))
        entries[f"e{number}"] = Entry(
            id=f"e{number}",
            article_id="a",
            questions=questions,
            answer=sentence(),
            quote=sentence(),
            keywords=(rng.choice(RARE),),
            topic=rng.choice(["topic one", "topic two", "alpha topic"]),
        )
    article = Article("a", "A", "test", " ".join(COMMON + MIDDLE + RARE), Path("a.txt"))
    return Engine(Knowledge({"a": article}, entries, (), ()))


def _questions() -> list[str]:
    rng = random.Random(11)
    questions = []
    for _ in range(400):
        pools = [rng.choice([COMMON, COMMON, MIDDLE, RARE]) for _ in range(rng.randint(1, 4))]
        questions.append(rng.choice(OPENERS) + " ".join(rng.choice(pool) for pool in pools))
    return questions


@pytest.mark.slow  # 400 questions, each shortlisted three ways
def test_fast_shortlists_equal_the_full_one(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = _synthetic_engine()
    monkeypatch.setattr(shortlist, "PRUNE_MIN_POSTINGS", 0)  # small index: take the fast paths
    taken = {"max-score": 0, "one common word": 0}
    index = engine.index
    postings = index.postings
    for question in _questions():
        query = index.analyse(question)
        known = [t for t in query.terms if t in index.idf]
        words = [t for t in known if not t.startswith("_")]
        intents = [t for t in known if t.startswith("_")]
        if not words:
            continue
        weight_of = {t: index.idf[t] for t in known}
        full = shortlist.overlaps(postings, words, intents, weight_of)
        expected = shortlist.top(full, shortlist.SHORTLIST)
        for name, path in (
            ("max-score", shortlist._pruned_shortlist),
            ("one common word", shortlist._shortlist_with_one_common_word),
        ):
            result = path(postings, words, intents, weight_of)
            if result is None:
                continue
            taken[name] += 1
            found, overlap = result
            assert sorted(found) == sorted(expected), (name, question)
            assert {e: overlap[e] for e in found} == {e: full[e] for e in expected}
        # The one entry point gives the plain path's entries too.
        found, overlap = shortlist.find(postings, words, intents, weight_of)
        assert sorted(found) == sorted(expected), question
        assert {e: overlap[e] for e in found} == {e: full[e] for e in expected}
    assert all(count >= 20 for count in taken.values()), taken


def _tree(text: str, loader: type) -> yamlnodes.Located | None:
    node = yaml.compose(text, Loader=loader)
    return None if node is None else yamlnodes._convert(node)


@pytest.mark.parametrize(
    "path",
    [
        ROOT / "knowledge" / "g4s-police-outsourcing.yaml",
        ROOT / "tests" / "data" / "knowledge_library" / "library.yaml",
    ],
)
def test_libyaml_reads_knowledge_files_as_the_python_parser_does(path: Path) -> None:
    if yamlnodes._FAST_LOADER is None:
        pytest.skip("PyYAML without libyaml")
    text = path.read_text(encoding="utf-8")
    assert yamlnodes._in_plain_subset(text)
    assert _tree(text, yamlnodes._FAST_LOADER) == _tree(text, yaml.SafeLoader)


@pytest.mark.parametrize(
    "text",
    [
        "questions: [What is it?, Who?]\n",  # libyaml reads it; the Python parser does not
        "answer:\tG4S\n",
        "\ufeffanswer: G4S\n",
        "answer: G4S\r\n",
        "answer: |\n  G4S\n",
        'answer: "multi\n  line"\n',
        "answer: &a G4S\nquote: *a\n",
        "answer: !!str 77\n",
        'answer: "tab\\tescape"\n',
        "- {a: b}\n",
    ],
)
def test_anything_unusual_goes_to_the_python_parser(text: str) -> None:
    assert not yamlnodes._in_plain_subset(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        'article:\n  id: x  # comment\n  title: "A \\"quoted\\" \\u00a3 title"\n',
        "synonyms:\n  - [a, b, 'c d', \"e\"]\n  - []\nentries:\n  - id: x\n    questions:\n"
        '      - "What?"\n    answer: plain words 77m\n',
    ],
)
def test_plain_files_are_read_by_libyaml(text: str) -> None:
    assert yamlnodes._in_plain_subset(text)
    if yamlnodes._FAST_LOADER is not None:
        assert _tree(text, yamlnodes._FAST_LOADER) == _tree(text, yaml.SafeLoader)
