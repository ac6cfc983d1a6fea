"""`qa-bot report`: what people asked, grouped for authors, and the --yaml proposals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.model import Outcome
from bot.report import new_entry_id
from bot.stats import cluster_wordings
from bot.store import QuestionLog
from tests.support.cli import call, qa_bot
from tests.support.knowledge import LIBRARY

KEY = b"test-key-0123456789abcdef"
TRICKY = 'He said: "close it" #2 - is that true?'


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A log with gaps, picked suggestions and disliked answers, all from the last few days."""
    path = tmp_path_factory.mktemp("report") / "questions.sqlite3"
    now = datetime.now(UTC)
    with QuestionLog(path, KEY) as log:

        def ask(outcome: Outcome, text: str, user: int = 1, **kw: Any) -> str:
            kw.setdefault("at", now - timedelta(hours=1))
            return log.record(
                question=text,
                outcome=outcome,
                chat_type="private",
                user_id=user,
                chat_id=user,
                **kw,
            )

        gaps = ("Who is the mayor?", "Who is the mayor?", "who is the MAYOR", "Is there parking?")
        for text in gaps:
            ask(Outcome.NO_MATCH, text)
        ask(Outcome.NO_MATCH, TRICKY)
        ask(Outcome.NO_MATCH, "Where is the old library?", at=now - timedelta(days=40))
        ask(Outcome.UNSURE, "library opening hours", entry_id="closure")  # nothing picked
        for text in (
            "what's the library's yearly budget",
            "What's the library's yearly budget?",
            "how expensive is the library",
            "How much does the library cost to run?",  # already a variant: not proposed
        ):
            log.suggestion_picked(ask(Outcome.UNSURE, text, entry_id="closure"), "running-cost")
        disliked = ask(Outcome.ANSWERED, "when does it shut", entry_id="closure")
        log.feedback(disliked, 1, -1)
        log.feedback(disliked, 2, -1)
        liked = ask(Outcome.ANSWERED, "What did Porter say?", entry_id="councillor")
        log.feedback(liked, 1, 1)
    return path


def test_the_report_groups_gaps_and_picked_wordings(db: Path) -> None:
    code, out, err = call(["--knowledge", str(LIBRARY), "report", "--db", str(db)])
    assert code == 0 and err == ""
    assert "Questions in the last 30 days" in out and ": 12" in out
    assert "answered        2" in out
    assert "suggested       5" in out and "4 picked a suggestion" in out
    assert "no_match        5" in out
    assert "Feedback on answers: 1 up, 2 down" in out
    gaps = _section(out, "Most frequent unanswered")
    assert gaps[0] == "     3x Who is the mayor?  (also: who is the MAYOR)"
    assert {"     1x Is there parking?", "     1x library opening hours"} <= set(gaps)
    assert not any("old library" in line for line in gaps)  # asked 40 days ago
    picked = _section(out, "Suggestions people picked")
    assert picked[0] == "  running-cost (4 picks)"
    assert "what's the library's yearly budget" in picked[1] and picked[1].strip().startswith("2x")
    assert picked[2].strip() == "1x how expensive is the library"
    assert "How much does the library cost to run?" not in out
    disliked = _section(out, "Entries with the most down-votes")
    assert disliked == ["  closure: 2 down, 0 up", "       2x when does it shut"]


def _section(text: str, title: str) -> list[str]:
    block = text.split(title, 1)[1].split("\n\n", 1)[0]
    return block.splitlines()[1:]


def test_since_looks_further_back(db: Path) -> None:
    code, out, _ = call(["--knowledge", str(LIBRARY), "report", "--db", str(db), "--since", "60"])
    assert code == 0 and "1x Where is the old library?" in out


def test_yaml_proposals_parse_and_hold_the_picked_wordings(db: Path) -> None:
    code, out, _ = call(["--knowledge", str(LIBRARY), "report", "--db", str(db), "--yaml"])
    assert code == 0
    # The knowledge's own layout: list items indented under their key, texts in double quotes.
    assert "  questions:\n    - \"What's the library's yearly budget?\"\n" in out
    items = yaml.safe_load(out)
    by_id = {item["id"]: item for item in items}
    assert by_id["running-cost"] == {
        "id": "running-cost",
        "questions": ["What's the library's yearly budget?", "how expensive is the library"],
    }
    assert "# picked 4 times from the suggestions" in out
    new = [item for item in items if item["id"].startswith("new-")]
    # Only questions that share a meaningful word with the knowledge become new entries ...
    assert [item["questions"] for item in new] == [[TRICKY], ["library opening hours"]]
    assert new[1]["id"] == "new-library-opening-hours"
    # ... the others are listed, not lost.
    off_topic = out.split("# Not proposed:", 1)[1].split("\n\n", 1)[0]
    assert "#   3x Who is the mayor?" in off_topic and "#   1x Is there parking?" in off_topic
    for item in new:
        assert item["answer"] == "TODO"
        assert item["quote"] == "TODO: copy the sentence from the article"
    assert "#   closure: 2 down, 0 up" in out


@pytest.mark.slow
def test_report_runs_as_a_command(db: Path, tmp_path: Path) -> None:
    done = qa_bot(
        "--knowledge",
        str(LIBRARY),
        "report",
        "--yaml",
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "QA_DB_PATH": str(db)},
    )
    assert done.returncode == 0, done.stderr
    ids = [item["id"] for item in yaml.safe_load(done.stdout)]
    assert ids[0] == "running-cost" and "new-library-opening-hours" in ids


def test_a_missing_log_is_explained(tmp_path: Path) -> None:
    code, out, err = call(
        ["--knowledge", str(LIBRARY), "report", "--db", str(tmp_path / "none.sqlite3")]
    )
    assert code == 1 and out == ""
    assert "no question log at" in err and "QA_DB_PATH" in err
    assert not (tmp_path / "none.sqlite3").exists()


def test_an_empty_log_proposes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    QuestionLog(path, KEY).close()
    code, out, _ = call(["--knowledge", str(LIBRARY), "report", "--db", str(path), "--yaml"])
    assert code == 0 and yaml.safe_load(out) is None and "Nothing to propose" in out


def test_near_duplicates_cluster_and_count() -> None:
    clusters = cluster_wordings(
        [("How much was the deal?", 2), ("how much was the deal", 1), ("Who is G4S?", 1)]
    )
    assert [(c.wording, c.count, c.variants) for c in clusters] == [
        ("How much was the deal?", 3, ("how much was the deal",)),
        ("Who is G4S?", 1, ()),
    ]
    assert len(cluster_wordings([("deal value", 1), ("value of the deal", 1)])) == 2


def test_new_ids_are_valid_and_unique() -> None:
    taken = {"new-who-is-g4s"}
    assert new_entry_id("Who is G4S?!", taken) == "new-who-is-g4s-2"
    assert new_entry_id("???", taken) == "new-question"
    slug = new_entry_id("Ça coûte combien, le contrat ?", taken)
    assert slug == "new-ca-coute-combien-le-contrat"
