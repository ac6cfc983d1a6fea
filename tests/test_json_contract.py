"""The JSON contract of `qa-bot ask --json`: one object per question, always the same keys.

    question, answered, id, answer, quote, source {id, title, ...}, confidence (0..1),
    suggestions [{id, question, confidence}]

Fields that do not apply are null (or [] for suggestions), never missing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.engine import Engine
from bot.model import Outcome
from tests.support.cli import call, qa_bot
from tests.support.knowledge import BUNDLED, LIBRARY

KEYS = {
    "from_article",
    "question",
    "answered",
    "id",
    "answer",
    "quote",
    "source",
    "confidence",
    "suggestions",
    # added later: never removed
    "closest",
    "asked_kind",
    "keyword",
    "others",
    "followup_of",
}
SUGGESTION_KEYS = {"id", "question", "confidence"}


# In-process runs read ./.env and $QA_KNOWLEDGE: keep both out of the tests.
pytestmark = pytest.mark.usefixtures("in_tmp_path")


def ask_json(*args: str, stdin: str = "", knowledge: Path = LIBRARY) -> list[dict[str, Any]]:
    """`qa-bot --knowledge K ask --json ARGS` in-process; one parsed object per output line."""
    code, out, err = call(["--knowledge", str(knowledge), "ask", "--json", *args], stdin)
    assert (code, err) == (0, "")
    assert out.endswith("\n")
    return [json.loads(line) for line in out.splitlines()]


def check_shape(data: dict[str, Any]) -> None:
    assert set(data) == KEYS
    assert isinstance(data["question"], str)
    assert isinstance(data["answered"], bool)
    assert isinstance(data["confidence"], (int, float))
    assert not isinstance(data["confidence"], bool)
    assert 0.0 <= data["confidence"] <= 1.0
    assert isinstance(data["suggestions"], list)
    if data["answered"]:
        assert isinstance(data["id"], str) and data["id"]
        assert isinstance(data["answer"], str) and data["answer"]
        assert isinstance(data["quote"], str) and data["quote"]
        source = data["source"]
        assert isinstance(source, dict)
        assert {"id", "title"} <= set(source)
        assert all(isinstance(source[k], str) and source[k] for k in ("id", "title"))
        assert data["suggestions"] == []
    else:
        assert data["id"] is None and data["answer"] is None
        assert data["quote"] is None and data["source"] is None
    for suggestion in data["suggestions"]:
        assert set(suggestion) == SUGGESTION_KEYS
        assert isinstance(suggestion["id"], str) and isinstance(suggestion["question"], str)
        assert 0.0 <= suggestion["confidence"] <= data["confidence"]


@pytest.mark.slow
def test_answered(tmp_path: Path) -> None:
    # Through a subprocess on the bundled knowledge: what a script calling qa-bot sees.
    result = qa_bot("ask", "--json", "how much was the contarct worth", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    [line] = result.stdout.splitlines()
    data = json.loads(line)
    check_shape(data)
    assert data["question"] == "how much was the contarct worth"
    assert data["answered"] is True
    assert "£77m" in data["answer"] + data["quote"]  # not escaped to \u00a3
    assert "\\u00a3" not in line
    assert data["source"]["id"] == "g4s-police-outsourcing"
    assert data["source"]["title"] == (
        "Police forces reconsider G4S outsourcing deal after Olympics failure"
    )
    knowledge = Engine.load(BUNDLED).knowledge
    entry = knowledge.entries[data["id"]]
    assert (data["answer"], data["quote"]) == (entry.answer, entry.quote)


def test_answered_synthetic() -> None:
    [data] = ask_json("Which library is closing?")
    check_shape(data)
    assert data["answered"] is True
    assert data["id"] == "closure"
    assert data["answer"] == "The Riverside Library, at the end of March."
    assert data["quote"] == (
        "Millbrook Town Council has voted to close the Riverside Library at the end of March"
    )
    assert data["source"] == {
        "id": "library",
        "title": "Millbrook votes to close Riverside Library",
        "origin": "synthetic test article",
    }


def test_unsure() -> None:
    [data] = ask_json("library saturday protest cost")
    check_shape(data)
    assert data["answered"] is False
    assert 1 <= len(data["suggestions"]) <= 3
    ids = [s["id"] for s in data["suggestions"]]
    assert len(set(ids)) == len(ids)
    assert data["suggestions"][0]["confidence"] == data["confidence"]
    knowledge = Engine.load(LIBRARY).knowledge
    for suggestion in data["suggestions"]:
        assert suggestion["question"] == knowledge.entries[suggestion["id"]].question


@pytest.mark.parametrize("question", ["zorblax", "?!?!", "mobile villages"])
def test_no_match(question: str) -> None:
    [data] = ask_json(question)
    check_shape(data)
    assert data == {
        "from_article": False,
        "question": question,
        "answered": False,
        "id": None,
        "answer": None,
        "quote": None,
        "source": None,
        "confidence": 0.0,
        "suggestions": [],
        "closest": None,
        "asked_kind": None,
        "keyword": None,
        "others": [],
        "followup_of": None,
    }


def test_confidence_is_rounded() -> None:
    [data] = ask_json("what is the budget")
    assert data["confidence"] == round(data["confidence"], 4)
    exact = Engine.load(LIBRARY).ask("what is the budget").confidence
    assert data["confidence"] == pytest.approx(exact, abs=5e-5)


def test_stdin_gives_one_object_per_line_in_order() -> None:
    questions = [
        "Which library is closing?",
        "library saturday protest cost",
        "zorblax",
        "what is the budget",
    ]
    stdin = "\n".join([questions[0], "", questions[1], "   ", questions[2], questions[3]])
    results = ask_json("-", stdin=stdin)  # no final newline on purpose
    assert [r["question"] for r in results] == questions  # blank lines are skipped
    for data in results:
        check_shape(data)
    assert [r["answered"] for r in results] == [True, False, False, True]


@pytest.mark.slow
def test_stdin_in_a_subprocess(tmp_path: Path) -> None:
    result = qa_bot(
        "--knowledge",
        str(LIBRARY),
        "ask",
        "--json",
        "-",
        stdin="Which library is closing?\nzorblax\nWhen will campaigners protest?\n",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    parsed = [json.loads(line) for line in lines]
    for data in parsed:
        check_shape(data)
    assert [d["id"] for d in parsed] == ["closure", None, "protest"]


def test_empty_stdin_prints_nothing() -> None:
    assert call(["--knowledge", str(LIBRARY), "ask", "--json", "-"]) == (0, "", "")


def test_explain_adds_one_key() -> None:
    [data] = ask_json("--explain", "Which library is closing?")
    assert set(data) == KEYS | {"explain"}
    assert isinstance(data["explain"], str)
    assert "candidates:" in data["explain"] and "closure" in data["explain"]


def test_result_to_json_matches_the_cli_for_every_outcome() -> None:
    engine = Engine.load(LIBRARY)
    for question, outcome in [
        ("Which library is closing?", Outcome.ANSWERED),
        ("library saturday protest cost", Outcome.UNSURE),
        ("zorblax", Outcome.NO_MATCH),
    ]:
        result = engine.ask(question)
        assert result.outcome is outcome
        [printed] = ask_json(question)
        assert printed == json.loads(json.dumps(result.to_json()))
