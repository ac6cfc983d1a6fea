"""The `qa-bot` command line, in-process via main(), and as people run it (a subprocess) where
a process matters: the installed script, `python -m bot`, what gets imported.

Every run is in tmp_path (so no stray .env is read) with QA_KNOWLEDGE removed from the
environment unless a test sets it. The synthetic knowledge in tests/data/knowledge_library
keeps outcomes independent of the tuning of the bundled knowledge.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.evaluate import load_eval_file
from tests.support.cli import call, clean_env, qa_bot, run_in_process, run_process
from tests.support.knowledge import (
    BUNDLED,
    BUNDLED_TITLE,
    LIBRARY,
    LIBRARY_TITLE,
    copy_knowledge,
    edit,
    library_with_variant,
)


def qa_bot_script() -> str:
    script = Path(sys.executable).with_name("qa-bot")
    found = str(script) if script.exists() else shutil.which("qa-bot")
    if not found:
        pytest.skip("the qa-bot script is not installed next to this Python")
    return found


def run(
    *args: str,
    cwd: Path,
    stdin: str = "",
    env: dict[str, str] | None = None,
    script: bool = False,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """`qa-bot ARGS` in `cwd`, without $QA_KNOWLEDGE: main() in-process, or `python -m bot` of
    the checkout with `process` (the installed `qa-bot` script, on the checkout, with `script`)."""
    environ = clean_env(**(env or {}))
    if script:
        return run_process([qa_bot_script(), *args], cwd=cwd, stdin=stdin, env=environ)
    if process:
        return qa_bot(*args, cwd=cwd, stdin=stdin, env=environ)
    return run_in_process(list(args), cwd, stdin, environ)


# In-process runs read ./.env and $QA_KNOWLEDGE: keep both out of the tests.
pytestmark = pytest.mark.usefixtures("in_tmp_path")


def broken_knowledge(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the synthetic knowledge with a YAML syntax error; (folder, yaml file)."""
    folder = copy_knowledge(tmp_path / "broken", LIBRARY)
    yaml_file = folder / "library.yaml"
    edit(yaml_file, 'answer: "£240,000 a year."', "answer: It costs: £240,000 a year.")
    return folder, yaml_file


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


# -- ask ---------------------------------------------------------------------------------------


def test_ask_prints_answer_quote_and_source(tmp_path: Path) -> None:
    result = run("ask", "how much was the contarct worth", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    # The question answered (asked in other words here), then the answer.
    assert lines[:3] == ["How much is the G4S deal worth?", "", lines[2]]
    assert "77m" in lines[2]
    quote = " ".join(line.strip(" >") for line in lines if line.startswith("  > "))
    assert "worth up to £77m per year" in quote
    assert re.search(rf"^Source: {re.escape(BUNDLED_TITLE)}", result.stdout, re.MULTILINE)


@pytest.mark.slow
def test_the_qa_bot_script(tmp_path: Path) -> None:
    result = run(
        "--knowledge", str(LIBRARY), "ask", "Which library is closing?", cwd=tmp_path, script=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("The Riverside Library, at the end of March.")
    assert f"Source: {LIBRARY_TITLE} (synthetic test article)" in result.stdout


def test_ask_unsure_lists_numbered_suggestions() -> None:
    code, out, err = call(["--knowledge", str(LIBRARY), "ask", "library saturday protest cost"])
    assert (code, err) == (0, "")
    assert out.startswith("I'm not sure what you mean. Did you mean:")
    numbered = re.findall(r"^  (\d)\. (.+)$", out, re.MULTILINE)
    assert [n for n, _ in numbered] == [str(i) for i in range(1, len(numbered) + 1)]
    assert 2 <= len(numbered) <= 3
    assert "When will campaigners protest?" in [q for _, q in numbered]


def test_ask_no_match_offers_examples() -> None:
    code, out, _ = call(["--knowledge", str(LIBRARY), "ask", "zorblax"])
    assert code == 0
    assert out.startswith("Sorry, I don't know that.")
    assert "  - Which library is closing?" in out
    assert "Source:" not in out


def test_ask_explain_shows_the_corrections(tmp_path: Path) -> None:
    result = run("ask", "--explain", "how much was the contarct worth", cwd=tmp_path)
    assert result.returncode == 0
    assert "77m" in result.stdout
    pattern = r"^corrected:\s+contarct -> contract \(knowledge\)$"
    assert re.search(pattern, result.stdout, re.MULTILINE)
    assert re.search(r"^candidates:\n  \d\.\d{3}  ", result.stdout, re.MULTILINE)


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question(tmp_path: Path, question: str) -> None:
    result = run("ask", question, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("qa-bot ask: the question is empty")
    no_traceback(result)


def test_stdin_questions_without_json_print_one_reply_each() -> None:
    code, out, _ = call(
        ["--knowledge", str(LIBRARY), "ask", "-"],
        stdin="Which library is closing?\nzorblax\n",
    )
    assert code == 0
    assert out.count("Source: ") == 1
    assert out.count("Sorry, I don't know that.") == 1


# -- knowledge location ---------------------------------------------------------------------------


def test_missing_knowledge_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-knowledge"
    result = run("--knowledge", str(missing), "ask", "deal value", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{missing}: no such file or folder")
    no_traceback(result)


def test_qa_knowledge_environment_variable(tmp_path: Path) -> None:
    result = run(
        "ask", "Which library is closing?", cwd=tmp_path, env={"QA_KNOWLEDGE": str(LIBRARY)}
    )
    assert result.returncode == 0
    assert f"Source: {LIBRARY_TITLE}" in result.stdout


def test_knowledge_option_overrides_the_environment(tmp_path: Path) -> None:
    broken, _ = broken_knowledge(tmp_path)
    result = run(
        "--knowledge",
        str(LIBRARY),
        "ask",
        "Which library is closing?",
        cwd=tmp_path,
        env={"QA_KNOWLEDGE": str(broken)},
    )
    assert result.returncode == 0, result.stderr
    assert f"Source: {LIBRARY_TITLE}" in result.stdout


def test_without_option_or_variable_the_bundled_knowledge_is_used(tmp_path: Path) -> None:
    result = run("ask", "Which library is closing?", cwd=tmp_path)
    assert "Riverside" not in result.stdout
    result = run("ask", "how much was the contarct worth", cwd=tmp_path)
    assert f"Source: {BUNDLED_TITLE}" in result.stdout


def test_dotenv_in_the_working_folder_sets_the_knowledge(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"QA_KNOWLEDGE={LIBRARY}\n", encoding="utf-8")
    result = run("ask", "Which library is closing?", cwd=tmp_path)
    assert f"Source: {LIBRARY_TITLE}" in result.stdout
    # A variable already set wins over .env.
    result = run(
        "ask", "how much was the contarct worth", cwd=tmp_path, env={"QA_KNOWLEDGE": str(BUNDLED)}
    )
    assert f"Source: {BUNDLED_TITLE}" in result.stdout


# -- check -----------------------------------------------------------------------------------


def test_check_on_the_bundled_knowledge(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(
        r"OK: \d+ entries, \d+ question variants, 1 article\(s\), \d+ warning\(s\)\n",
        result.stdout,
    )
    no_traceback(result)


def test_check_a_given_path(tmp_path: Path) -> None:
    result = run("check", str(LIBRARY), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "OK: 4 entries, 5 question variants, 1 article(s), 0 warning(s)\n"
    assert result.stderr == ""


def test_check_broken_yaml(tmp_path: Path) -> None:
    _, yaml_file = broken_knowledge(tmp_path)
    result = run("check", str(yaml_file.parent), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    text = yaml_file.read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(text, 1) if "It costs: " in t)
    column = text[line - 1].index(": £240") + 1
    first, summary = result.stderr.splitlines()
    assert first.startswith(f"{yaml_file}:{line}:{column}: YAML syntax error")
    assert "double quotes" in first
    assert summary == "1 problem in the knowledge; fix them and run `qa-bot check` again."
    no_traceback(result)


def test_check_prints_warnings_and_still_succeeds(tmp_path: Path) -> None:
    folder = library_with_variant(tmp_path, "when is it")
    yaml_file = folder / "library.yaml"
    result = run("check", str(folder), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.endswith("1 warning(s)\n")
    assert re.match(
        rf"{re.escape(str(yaml_file))}:\d+:9: \[protest\] warning: variant "
        r"'when is it' matches no entry",
        result.stderr,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "Which library is closing?"],
        ["ask", "--json", "-"],
        ["chat"],
        ["eval", "EVAL_FILE"],
    ],
    ids=["ask", "ask-stdin", "chat", "eval"],
)
def test_every_command_refuses_an_invalid_knowledge_base(tmp_path: Path, argv: list[str]) -> None:
    folder, _ = broken_knowledge(tmp_path)
    eval_file = tmp_path / "eval.yaml"
    eval_file.write_text(
        "in_scope:\n  - q: Which library is closing?\n    expect: [[March]]\n", encoding="utf-8"
    )
    argv = [str(eval_file) if a == "EVAL_FILE" else a for a in argv]
    check_code, _, check_err = call(["--knowledge", str(folder), "check"])
    assert check_code == 1 and check_err
    code, out, err = call(["--knowledge", str(folder), *argv], stdin="Which library?\n")
    assert code == 1
    assert out == ""
    assert err == check_err


@pytest.mark.slow
def test_an_invalid_knowledge_base_fails_the_same_way_in_a_subprocess(tmp_path: Path) -> None:
    folder, _ = broken_knowledge(tmp_path)
    checked = run("--knowledge", str(folder), "check", cwd=tmp_path, process=True)
    asked = run("--knowledge", str(folder), "chat", cwd=tmp_path, stdin="hello\n", process=True)
    assert checked.returncode == asked.returncode == 1
    assert asked.stderr == checked.stderr
    assert asked.stdout == ""
    no_traceback(asked)


# -- eval -----------------------------------------------------------------------------------

EVAL_FILE = """\
in_scope:
  - q: Which library is closing?
    expect: [[Riverside]]
  - q: how much does the library cost to run
    expect: [["240,000", "240000"]]
  - q: What did Councillor Porter say?
    expect: [[Riverside]]
out_of_scope:
  - q: zorblax
  - q: When will campaigners protest?
"""


@pytest.fixture
def eval_file(tmp_path: Path) -> Path:
    path = tmp_path / "eval.yaml"
    path.write_text(EVAL_FILE, encoding="utf-8")
    return path


def test_eval_prints_accuracy_rejection_and_failures(tmp_path: Path, eval_file: Path) -> None:
    result = run("--knowledge", str(LIBRARY), "eval", str(eval_file), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    failures = [line for line in lines if line.startswith("FAIL ")]
    assert len(failures) == 2
    assert "'What did Councillor Porter say?'" in failures[0]
    assert "answered councillor" in failures[0]
    assert failures[1].startswith("FAIL out-of-scope 'When will campaigners protest?'")
    assert "In-scope accuracy:      2/3 = 66.7%" in lines
    assert "Out-of-scope rejection: 1/2 = 50.0%" in lines


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        (["--min-in-scope", "1.0"], 1, "qa-bot eval: in-scope accuracy below 100%"),
        (["--min-in-scope", "0.6"], 0, ""),
        (["--min-in-scope", "60%"], 0, ""),
        (["--min-in-scope", "70%"], 1, "qa-bot eval: in-scope accuracy below 70%"),
        (["--min-out-of-scope", "100%"], 1, "qa-bot eval: out-of-scope rejection below 100%"),
        (
            ["--min-in-scope", "1", "--min-out-of-scope", "1"],
            1,
            "qa-bot eval: in-scope accuracy below 100%; out-of-scope rejection below 100%",
        ),
    ],
)
def test_eval_thresholds(eval_file: Path, options: list[str], code: int, message: str) -> None:
    result = call(["--knowledge", str(LIBRARY), "eval", str(eval_file), *options])
    assert result[0] == code
    assert result[2].strip() == message


def test_eval_all_correct_meets_a_full_threshold(tmp_path: Path) -> None:
    path = tmp_path / "good.yaml"
    path.write_text(
        "in_scope:\n  - q: Which library is closing?\n    expect: [[Riverside], [March]]\n"
        "out_of_scope:\n  - q: zorblax\n",
        encoding="utf-8",
    )
    code, out, err = call(
        [
            "--knowledge",
            str(LIBRARY),
            "eval",
            str(path),
            "--min-in-scope",
            "1.0",
            "--min-out-of-scope",
            "1.0",
        ]
    )
    assert (code, err) == (0, "")
    assert "FAIL" not in out


def test_eval_expect_without_nested_lists_is_not_read_letter_by_letter(tmp_path: Path) -> None:
    path = tmp_path / "flat.yaml"
    path.write_text(
        "in_scope:\n"
        "  - q: Which library is closing?\n    expect: [Serco]\n"
        "  - q: Which library is closing?\n    expect: Serco\n",
        encoding="utf-8",
    )
    in_scope, _ = load_eval_file(path)
    assert [item.expect for item in in_scope] == [(("Serco",),), (("Serco",),)]
    code, out, _ = call(["--knowledge", str(LIBRARY), "eval", str(path)])
    assert code == 0
    assert "In-scope accuracy:      0/2 = 0.0%" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read the file"),
        ("in_scope: [\n", "YAML syntax error"),
        ("- q: a\n", "expected a mapping with `in_scope` and `out_of_scope`"),
        ("in_scope:\n  - q: Which library?\n", "needs `q` and `expect`"),
        ("out_of_scope:\n  - zorblax\n", "every out_of_scope item needs `q`"),
    ],
)
def test_eval_file_problems(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "eval.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = call(["--knowledge", str(LIBRARY), "eval", str(path)])
    assert code == 1
    assert out == ""
    assert err.startswith(f"qa-bot eval: {path}")
    assert message in err


# -- chat -----------------------------------------------------------------------------------


def test_chat_question_then_suggestion_number_then_empty_line(tmp_path: Path) -> None:
    result = run(
        "--knowledge",
        str(LIBRARY),
        "chat",
        cwd=tmp_path,
        stdin="library saturday protest cost\n1\n\n",
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"Ask me about: {LIBRARY_TITLE}.")
    assert "Did you mean:" in out and "(type the number of a suggestion)" in out
    first = re.search(r"^  1\. (.+)$", out, re.MULTILINE)
    assert first
    answers = {
        "Which library is closing?": "The Riverside Library, at the end of March.",
        "How much does the library cost to run?": "£240,000 a year.",
        "What did Councillor Porter say?": "That the decision was painful but necessary.",
        "When will campaigners protest?": "On Saturday, outside the town hall.",
    }
    after_pick = out.split("(type the number of a suggestion)", 1)[1]
    assert answers[first.group(1)] in after_pick
    assert f"Source: {LIBRARY_TITLE}" in after_pick
    # Four prompts: the question, the number, the empty line (which does nothing), end of input.
    assert out.count("? ") == 4
    assert result.stderr == ""


def test_chat_number_without_suggestions_says_so(tmp_path: Path) -> None:
    result = run("--knowledge", str(LIBRARY), "chat", cwd=tmp_path, stdin="2\n")
    assert result.returncode == 0
    assert "There are no suggestions to pick from right now." in result.stdout
    assert "Sorry, I don't know that." not in result.stdout


def test_chat_ends_at_end_of_input() -> None:
    code, out, _ = call(["--knowledge", str(LIBRARY), "chat"], stdin="")
    assert code == 0
    assert out.startswith("Ask me about:")


def test_chat_answers_directly() -> None:
    code, out, _ = call(
        ["--knowledge", str(LIBRARY), "chat"], stdin="When will campaigners protest?\n\n"
    )
    assert code == 0
    assert "On Saturday, outside the town hall." in out
    assert "Did you mean" not in out


# -- help, usage, imports ----------------------------------------------------------------------


@pytest.mark.slow
def test_python_dash_m_bot_help(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path, process=True)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: qa-bot")
    for command in ("ask", "chat", "check", "eval", "run", "--knowledge"):
        assert command in result.stdout


def test_subcommand_help(tmp_path: Path) -> None:
    result = run("ask", "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "--json" in result.stdout and "--explain" in result.stdout


def test_no_command_is_a_usage_error(tmp_path: Path) -> None:
    result = run(cwd=tmp_path)
    assert result.returncode == 2
    assert "usage: qa-bot" in result.stderr
    no_traceback(result)
