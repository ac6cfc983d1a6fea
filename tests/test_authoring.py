"""Authoring: answers checked against their quotes, `draft`, proposed wordings, and the fixes
from a new author's walk-through (messages in the author's own words, at the right place)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.answercheck import answer_problems, lower_case_words, missing_claims
from bot.checks import ambiguous_variants
from bot.coverage import article_coverage, render_coverage
from bot.engine import Engine
from bot.headline import split_headline
from bot.knowledge import KnowledgeError, Problem, load_knowledge
from bot.proposals import propose
from bot.report import KnownWords, Report, new_entry_id, render_yaml
from bot.stats import Cluster
from tests.support.cli import call
from tests.support.knowledge import BUNDLED_ARTICLE as BUNDLED_TEXT

LIBRARY_TEXT = """\
Council to close Riverside library

The council voted by 9 votes to 6 after a three-hour meeting on Tuesday to close the library.

The library had 310,000 visits last year, the council said. \
“It is a sad day,” said Councillor Jane Porter.
"""

HEAD = """\
article:
  id: library
  title: "Council to close Riverside library"
  origin: "test"
  file: library.txt
entries:
"""


def library(tmp_path: Path, entries: str, head: str = HEAD) -> Path:
    (tmp_path / "library.txt").write_text(LIBRARY_TEXT, encoding="utf-8")
    path = tmp_path / "library.yaml"
    path.write_text(head + entries, encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def problems(path: Path) -> list[Problem]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(path)
    return caught.value.problems


VOTE = """\
  - id: vote
    questions: ["How did the council vote?"]
    answer: "{answer}"
    quote: "The council voted by 9 votes to 6 after a three-hour meeting on Tuesday"
"""


# -- answers say no more than their quote ---------------------------------------------------------


def test_the_issue_example_names_every_changed_number() -> None:
    claims = missing_claims(
        "12 votes to 2, after a five-hour meeting", "by 9 votes to 6 after a three-hour meeting"
    )
    assert [c.text for c in claims] == ["12", "2", "five"]


def test_numbers_are_compared_by_value() -> None:
    assert missing_claims("Up to 77 million pounds a year.", "worth up to £77m per year") == []
    assert missing_claims("£77,000,000", "worth up to £77m") == []
    assert missing_claims("three forces", "the 3 forces") == []
    assert [c.kind for c in missing_claims("40%", "30 per cent")] == ["percentage"]
    assert [c.text for c in missing_claims("Up to £78m.", "worth up to £77m")] == ["£78m"]


def test_dates_days_and_names_missing_from_the_quote() -> None:
    claims = missing_claims(
        "On Friday in March 2013 Jane Porter said so.", "On Tuesday the council said so."
    )
    assert [(c.text, c.kind) for c in claims] == [
        ("2013", "date"),
        ("Friday", "day"),
        ("March", "date"),
        ("Jane", "name"),
        ("Porter", "name"),
    ]
    # Words that start a sentence are not names; forms of a quoted name are the name.
    assert missing_claims("Yes. Work starts soon.", "work starts soon") == []
    assert missing_claims("It was the Olympic failure.", "the Olympics failure") == []
    # At a sentence start, a word the article writes in lower case is no name; others are.
    article = lower_case_words("Surrey agreed. The work was hard, and work went on.")
    claims = missing_claims("Work stopped. Surrey agreed.", "it stopped", article)
    assert [(c.text, c.kind) for c in claims] == [("Surrey", "name")]


def test_a_changed_number_is_warned_at_the_answers_line(tmp_path: Path) -> None:
    path = library(tmp_path, VOTE.format(answer="By 12 votes to 6, on Tuesday."))
    (warning,) = answer_problems(load_knowledge(path))
    assert (warning.path, warning.line, warning.column) == (path, line_of(path, "answer:"), 13)
    assert warning.entry_id == "vote" and warning.severity == "warning"
    assert "`12` (a number)" in warning.message and "no more than its quote" in warning.message


def test_a_name_not_in_the_quote_is_warned(tmp_path: Path) -> None:
    path = library(tmp_path, VOTE.format(answer="Jane Porter's motion won, 9 votes to 6."))
    warnings = answer_problems(load_knowledge(path))
    assert ["`Jane`" in w.message or "`Porter's`" in w.message for w in warnings] == [True, True]


def test_check_strict_makes_warnings_errors(tmp_path: Path) -> None:
    path = library(tmp_path, VOTE.format(answer="By 12 votes to 6."))
    code, out, err = call(["check", str(path)])
    assert code == 0 and "1 warning(s)" in out and "warning: the answer says `12`" in err
    code, out, err = call(["check", "--strict", str(path)])
    assert code == 1 and out == ""
    assert f"{path}:{line_of(path, 'answer:')}:13: [vote] the answer says `12`" in err
    assert "1 warning (errors with --strict)" in err
    path.write_text(path.read_text().replace("By 12 votes", "By 9 votes"), encoding="utf-8")
    assert call(["check", "--strict", str(path)])[0] == 0


def test_the_bundled_knowledge_passes_strict() -> None:
    assert answer_problems(load_knowledge()) == []
    code, out, err = call(["check", "--strict"])
    assert (code, err) == (0, "") and "0 warning(s)" in out


# -- fixes from the walk-through ------------------------------------------------------------------


def test_a_split_number_in_brackets_is_one_message_with_the_authors_value(tmp_path: Path) -> None:
    path = library(
        tmp_path, VOTE.format(answer="By 9 votes to 6.") + "    keywords: [310,000, visits]\n"
    )
    (problem,) = problems(path)
    assert (problem.line, problem.column) == (line_of(path, "keywords"), 16)
    assert "found int 310" in problem.message
    assert 'splits `310,000` into 2 items: put the text in double quotes, e.g. "310,000"' in (
        problem.message
    )
    assert "10,400" not in problem.message


def test_a_lone_number_gets_its_own_value(tmp_path: Path) -> None:
    path = library(tmp_path, VOTE.format(answer="x").replace('answer: "x"', "answer: 2012"))
    (problem,) = problems(path)
    assert 'number: put it in double quotes, e.g. "2012"' in problem.message


def test_did_you_mean_for_related_ids_and_fields(tmp_path: Path) -> None:
    entries = VOTE.format(answer="By 9 votes to 6.") + (
        "    related: [visitz]\n"
        "  - id: visits\n"
        '    qestions: ["How many visits?"]\n'
        '    questions: ["How many visits did it have?"]\n'
        '    answer: "310,000 last year."\n'
        '    quote: "The library had 310,000 visits last year"\n'
    )
    path = library(tmp_path, entries)
    related, field = problems(path)
    assert "related entry `visitz` does not exist; did you mean `visits`?" in related.message
    assert "unknown field `qestions`; did you mean `questions`?" in field.message


def test_a_file_without_article_says_so_once(tmp_path: Path) -> None:
    entries = VOTE.format(answer="By 9 votes to 6.") + VOTE.format(answer="9 to 6.").replace(
        "id: vote", "id: vote-again"
    )
    path = library(tmp_path, entries, head="entries:\n")
    (problem,) = problems(path)
    assert "no `article:` section" in problem.message and "once for all" in problem.message


def test_variant_warnings_point_at_the_variant(tmp_path: Path) -> None:
    entries = VOTE.format(answer="By 9 votes to 6.").replace(
        'questions: ["How did the council vote?"]',
        'questions:\n      - "How did the council vote?"\n      - "what is it?"',
    )
    path = library(tmp_path, entries)
    (warning,) = ambiguous_variants(Engine(load_knowledge(path)))
    assert (warning.line, warning.column) == (line_of(path, "what is it?"), 9)
    assert warning.entry_id == "vote" and "matches no entry" in warning.message


def test_a_nul_byte_is_explained_for_authors(tmp_path: Path) -> None:
    path = library(tmp_path, VOTE.format(answer="By 9\x00 votes."))
    (problem,) = problems(path)
    assert (problem.line, problem.column) == (line_of(path, "answer:"), 18)
    assert "NUL byte" in problem.message and "UTF-8" in problem.message
    assert "unicode string" not in problem.message and "position" not in problem.message


def test_a_missing_path_is_named_without_a_line(tmp_path: Path) -> None:
    code, out, err = call(["check", str(tmp_path / "nope")])
    assert code == 1 and out == ""
    assert err.startswith(f"{tmp_path / 'nope'}: no such file or folder")


# -- headline and coverage ------------------------------------------------------------------------


def test_headline_is_recognised_only_as_a_short_first_line() -> None:
    assert split_headline(LIBRARY_TEXT)[0] == "Council to close Riverside library"
    assert split_headline(BUNDLED_TEXT.read_text(encoding="utf-8"))[0] is None
    assert split_headline("The council met. It voted.\n\nMore text.")[0] is None
    assert split_headline("Only a headline")[0] is None


def test_coverage_skips_the_headline_and_keeps_quote_marks_single(tmp_path: Path) -> None:
    path = library(tmp_path, VOTE.format(answer="By 9 votes to 6."))
    (result,) = article_coverage(load_knowledge(path))
    assert result.headline == "Council to close Riverside library"
    assert "Council to close Riverside library" not in result.sentences
    assert len(result.sentences) == 3
    text = render_coverage([result])
    assert '  - "It is a sad day," said Councillor Jane Porter.' in text
    assert '""' not in text
    assert "  - vote: 1 wording" in text and "1 entry has fewer than 4" in text


# -- report --yaml --------------------------------------------------------------------------------


def test_report_yaml_proposes_only_on_topic_questions_with_a_topic(tmp_path: Path) -> None:
    path = library(
        tmp_path,
        VOTE.format(answer="By 9 votes to 6.").replace(
            "  - id: vote\n", '  - id: vote\n    topic: "The vote"\n'
        ),
    )
    report = Report(
        since=datetime(2026, 1, 1, tzinfo=UTC),
        totals={},
        picked_total=0,
        votes_up=0,
        votes_down=0,
        unanswered=(
            Cluster("What is the capital of France?", 3),
            Cluster("Which councillors voted against closing the library branch?", 2),
        ),
        unanswered_without_text=0,
        picked=(),
        disliked=(),
    )
    out = render_yaml(report, ("vote",), KnownWords.of(load_knowledge(path)))
    proposal = out.split("# asked 2 times", 1)[1].split("# Not proposed", 1)[0]
    assert "capital" not in proposal
    assert '  topic: "The vote"' in proposal and "nearest entry, `vote`" in out
    assert "- id: new-which-councillors-voted-against\n" in proposal
    assert "#   3x What is the capital of France?" in out.split("# Not proposed", 1)[1]


def test_new_ids_end_on_a_whole_word() -> None:
    slug = new_entry_id("Which councillors voted against closing the branch?", set())
    assert slug == "new-which-councillors-voted-against"
    assert new_entry_id("Supercalifragilisticexpialidociousnessnessness?", set()).startswith(
        "new-supercalifragilistic"
    )


# -- proposed wordings ----------------------------------------------------------------------------


def test_proposals_follow_the_sentence() -> None:
    found = propose("The library had 310,000 visits last year, the council said.")
    assert "How many visits last year?" in found
    found = propose(
        "Surrey Police Authority recently decided to suspend their own privitisation plan, "
        "identifying the company's Olympic failure as the reason behind the move."
    )
    assert "Who decided to suspend their own privitisation plan?" in found
    assert (
        "Why did Surrey Police Authority recently decide to suspend their own privitisation plan?"
        in found
    )
    found = propose(
        "A Hertfordshire Police Authority spokesman said the chief constables will update the "
        "police authorities' joint collaboration working groups at a meeting on Monday."
    )
    assert any(q.startswith("When will the chief constables update") for q in found)
    assert "How much is the deal worth?" in propose("the deal, worth up to £77m per year.")


def test_proposals_leave_out_wordings_the_entry_has() -> None:
    sentence = "The library had 310,000 visits last year."
    assert "How many visits last year?" not in propose(sentence, "", ["how many visits last year"])


def test_check_propose_prints_and_changes_nothing(tmp_path: Path) -> None:
    path = library(tmp_path, VOTE.format(answer="On Tuesday, by 9 votes to 6."))
    before = path.read_bytes()
    code, out, _err = call(["check", "--propose", str(path)])
    assert code == 0 and path.read_bytes() == before
    assert "vote (1 wordings now):" in out
    assert '  - "When did the council vote by 9 votes to 6?"' in out
    assert "Why did the council vote" not in out  # the answer gives no reason
    assert load_knowledge(path).entries["vote"].questions == ("How did the council vote?",)


# -- qa-bot draft ---------------------------------------------------------------------------------


def test_draft_of_the_bundled_article_then_two_entries_filled_passes_check(
    tmp_path: Path,
) -> None:
    article = tmp_path / "g4s-police-outsourcing.txt"
    shutil.copy(BUNDLED_TEXT, article)
    code, out, _ = call(["draft", str(article), "--title", "Police and G4S", "--origin", "test"])
    draft = tmp_path / "g4s-police-outsourcing.yaml"
    assert code == 0 and f"Wrote {draft}: 13 entries" in out
    text = draft.read_text(encoding="utf-8")
    assert text.count("  - id: ") == 13 and "# proposed (uncomment to accept):" in text
    code, out, err = call(["check", str(draft)])
    unfinished = [line for line in err.splitlines() if "unfinished entry" in line]
    assert code == 1 and out == "" and len(unfinished) == 13
    assert f"{draft}:1:1: no finished entry yet (13 drafted entries still say 'TODO')" in err
    assert err.splitlines()[-1].startswith("1 problem in the knowledge (and 13 warnings)")
    assert unfinished[0].startswith(f"{draft}:17:5: [hertfordshire-constabulary-")
    # Fill two entries, as an author would.
    marker = '      - "TODO: how would people ask for this?"\n'
    for quoted, answer, question in (
        ("£77m", "Up to £77m a year.", "How much is the deal worth?"),
        ("10,400", "The 10,400 staff required by LOCOG.", "How many staff did G4S fail to supply?"),
    ):
        entry_start = _entry_quoting(text, quoted)
        head, tail = text[:entry_start], text[entry_start:]
        tail = tail.replace(marker, f'      - "{question}"\n', 1)
        tail = tail.replace(
            'answer: "TODO: a short answer, saying no more than the quote"',
            f'answer: "{answer}"',
            1,
        )
        text = head + tail
    draft.write_text(text, encoding="utf-8")
    code, out, err = call(["check", str(draft)])
    assert code == 0 and out.startswith("OK: 2 entries")
    assert len([line for line in err.splitlines() if "unfinished entry" in line]) == 11
    assert "the answer says" not in err
    code, out, _ = call(["--knowledge", str(draft), "ask", "how much is the deal worth"])
    assert code == 0 and "£77m" in out


def _entry_quoting(text: str, needle: str) -> int:
    """Where the drafted entry whose quote contains `needle` starts."""
    quote_at = text.index(needle, text.index("entries:"))
    return text.rindex("  - id: ", 0, quote_at)


def test_draft_never_overwrites_silently(tmp_path: Path) -> None:
    article = tmp_path / "library.txt"
    article.write_text(LIBRARY_TEXT, encoding="utf-8")
    target = tmp_path / "library.yaml"
    target.write_text("# my work\n", encoding="utf-8")
    code, _out, err = call(["draft", str(article)])
    assert code == 1 and "already exists and was not changed; pass --force" in err
    assert target.read_text(encoding="utf-8") == "# my work\n"
    assert call(["draft", str(article), "--force"])[0] == 0
    assert "# my work" not in target.read_text(encoding="utf-8")


def test_draft_takes_the_title_from_the_headline(tmp_path: Path) -> None:
    article = tmp_path / "Riverside Library.txt"
    article.write_text(LIBRARY_TEXT, encoding="utf-8")
    assert call(["draft", str(article)])[0] == 0
    text = (tmp_path / "Riverside Library.yaml").read_text(encoding="utf-8")
    assert "  id: riverside-library\n" in text
    assert '  title: "Council to close Riverside library"\n' in text
    assert 'quote: "Council to close' not in text  # the headline is no sentence to quote
    assert 'quote: "\\"It is a sad day,\\" said Councillor Jane Porter."' in text
    assert text.count("  - id: ") == 3
    assert text.count("    topic: ") == 3 and len(set(_topics(text))) == 2
    code, _out, err = call(["check", str(tmp_path / "Riverside Library.yaml")])
    assert code == 1 and "the article's `origin` is not written yet" in err


def _topics(text: str) -> list[str]:
    return [line.split(":", 1)[1].strip() for line in text.splitlines() if "    topic: " in line]


def test_draft_asks_for_a_title_when_there_is_no_headline(tmp_path: Path) -> None:
    article = tmp_path / "g4s.txt"
    shutil.copy(BUNDLED_TEXT, article)
    code, _out, err = call(["draft", str(article)])
    assert code == 1 and "--title" in err and not (tmp_path / "g4s.yaml").exists()
    code, out, _ = call(["draft", str(article)], stdin="G4S and the police\n")
    assert code == 0 and "Its title:" in out
    assert '  title: "G4S and the police"' in (tmp_path / "g4s.yaml").read_text(encoding="utf-8")


def test_draft_of_a_missing_article_is_explained(tmp_path: Path) -> None:
    code, out, err = call(["draft", str(tmp_path / "nope.txt")])
    assert code == 1 and out == "" and "no such file" in err and "Traceback" not in err


def test_check_propose_leaves_out_what_another_entry_answers(tmp_path: Path) -> None:
    entries = VOTE.format(answer="On Tuesday, by 9 votes to 6.") + (
        "  - id: vote-day\n"
        '    questions: ["When did the council vote by 9 votes to 6?", "vote day"]\n'
        '    answer: "On Tuesday."\n'
        '    quote: "after a three-hour meeting on Tuesday"\n'
    )
    path = library(tmp_path, entries)
    code, out, _err = call(["check", "--propose", str(path)])
    assert code == 0
    assert "When did the council vote by 9 votes to 6?" not in out
