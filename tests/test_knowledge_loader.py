"""The knowledge loader: every problem is located (file:line:column), names its entry and
says how to fix it; all problems are collected and sorted before the load fails.

Each test writes a small, valid knowledge folder into tmp_path (a copy of the bundled
article and one good entry) and injects one defect into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.knowledge import KnowledgeError, Problem, load_knowledge
from tests.support.knowledge import BUNDLED_ARTICLE, ROOT, write_article_knowledge

ARTICLE_TEXT = BUNDLED_ARTICLE.read_text(encoding="utf-8")

ARTICLE = """\
article:
  id: g4s
  title: "Police forces reconsider G4S deal"
  origin: "a copy of the bundled article"
  file: article.txt
"""

GOOD_ENTRY = """\
  - id: deal-value
    questions:
      - "How much is the deal worth?"
    answer: "Up to £77m a year."
    quote: "worth up to £77m per year"
"""


@dataclass(frozen=True)
class KB:
    """A knowledge folder written for one test."""

    folder: Path
    file: Path
    text: str

    def at(self, needle: str, occurrence: int = 1) -> tuple[int, int]:
        """The 1-based line and column where `needle` starts in the YAML file."""
        seen = 0
        for number, line in enumerate(self.text.split("\n"), 1):
            start = line.find(needle)
            while start != -1:
                seen += 1
                if seen == occurrence:
                    return number, start + 1
                start = line.find(needle, start + 1)
        raise AssertionError(f"{needle!r} not in the YAML file")


def write_kb(
    tmp_path: Path,
    entries: str = "",
    *,
    article: str = ARTICLE,
    synonyms: str = "",
    raw: str | None = None,
    name: str = "knowledge.yaml",
) -> KB:
    """A knowledge folder with the article, GOOD_ENTRY and `entries` after it (or `raw`)."""
    text = raw if raw is not None else f"{article}{synonyms}entries:\n{GOOD_ENTRY}{entries}"
    file = write_article_knowledge(tmp_path / "kb", text, name=name)
    return KB(file.parent, file, text)


def problems_of(kb: KB | Path) -> list[Problem]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(kb.folder if isinstance(kb, KB) else kb)
    assert info.value.problems, "a KnowledgeError must carry its problems"
    return info.value.problems


def only_problem(kb: KB | Path) -> Problem:
    problems = problems_of(kb)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def assert_problem(
    problem: Problem,
    kb: KB,
    where: tuple[int, int],
    entry_id: str | None,
    *phrases: str,
) -> None:
    assert problem.path == kb.file
    assert (problem.line, problem.column) == where, str(problem)
    assert problem.entry_id == entry_id, str(problem)
    for phrase in phrases:
        assert phrase in problem.message, f"{phrase!r} not in {problem.message!r}"
    # The printed form is `file:line:column: [entry-id] message`.
    prefix = f"{kb.file}:{where[0]}:{where[1]}:"
    assert str(problem).startswith(prefix + (f" [{entry_id}] " if entry_id else " "))


# -- the helper itself, and a valid knowledge base -------------------------------------------


def test_minimal_knowledge_folder_loads(tmp_path: Path) -> None:
    kb = write_kb(tmp_path)
    knowledge = load_knowledge(kb.folder)
    assert list(knowledge.entries) == ["deal-value"]
    entry = knowledge.entries["deal-value"]
    assert entry.article_id == "g4s"
    assert entry.questions == ("How much is the deal worth?",)
    assert entry.source_file == kb.file
    assert entry.line == kb.at("id: deal-value")[0]
    assert knowledge.articles["g4s"].text == ARTICLE_TEXT
    assert knowledge.files == (kb.file,)


def test_a_single_yaml_file_can_be_given_instead_of_a_folder(tmp_path: Path) -> None:
    kb = write_kb(tmp_path)
    assert list(load_knowledge(kb.file).entries) == ["deal-value"]


def test_the_bundled_knowledge_is_valid() -> None:
    knowledge = load_knowledge(ROOT / "knowledge")
    assert len(knowledge.entries) >= 10
    assert all(e.article_id in knowledge.articles for e in knowledge.entries.values())


# -- YAML syntax -------------------------------------------------------------------------------


def test_unquoted_colon_in_a_question_is_read_as_a_mapping(tmp_path: Path) -> None:
    # `- What is the deal worth: £77m?` is valid YAML: a one-pair mapping inside the list.
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions:
      - What is the deal worth: £77m?
    answer: "Up to £77m a year."
    quote: "worth up to £77m per year"
""",
    )
    assert_problem(
        only_problem(kb),
        kb,
        kb.at("What is the deal worth:"),
        "worth",
        "`questions item` must be text",
        "found a mapping",
        "double quotes",
    )


def test_unquoted_colon_in_an_answer_is_a_syntax_error(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["How much?"]
    answer: The deal is worth: £77m
    quote: "worth up to £77m per year"
""",
    )
    # YAML reports the second ': ' on the line; the file cannot be read, so no entry id.
    assert_problem(
        only_problem(kb),
        kb,
        kb.at(": £77m"),
        None,
        "YAML syntax error",
        "mapping values are not allowed",
        "double quotes",
    )


def test_unclosed_bracket(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["How much?"]
    answer: "Up to £77m a year."
    quote: "worth up to £77m per year"
    keywords: ["deal", "value"
  - id: next
""",
    )
    problem = only_problem(kb)
    # YAML notices the missing ']' at the next token: the `-` of the following entry.
    assert_problem(
        problem,
        kb,
        kb.at("- id: next"),
        None,
        "YAML syntax error",
        "expected ',' or ']'",
        "check the brackets and quotes",
    )


def test_unclosed_quote_points_at_the_opening_quote(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["How much?"]
    quote: "worth up to £77m per year"
    answer: "Up to £77m a year.
""",
    )
    # PyYAML finds the end of the file; the mistake is the quote that opens on the last line.
    assert_problem(
        only_problem(kb),
        kb,
        kb.at('"Up to £77m a year.', 2),
        None,
        "YAML syntax error",
        "never closed",
    )


def test_tab_indentation(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
\tquestions: ["How much?"]
""",
    )
    line, _ = kb.at("\tquestions")
    assert_problem(
        only_problem(kb),
        kb,
        (line, 1),
        None,
        "YAML syntax error",
        "'\\t'",
        "indent with spaces, not tabs",
    )


def test_not_utf8(tmp_path: Path) -> None:
    kb = write_kb(tmp_path)
    kb.file.write_bytes(kb.text.replace("£", "").encode("utf-8") + b"  # caf\xe9\n")
    assert_problem(only_problem(kb), kb, (1, 1), None, "not UTF-8", "save it as UTF-8")


# -- YAML surprises in flow lists -------------------------------------------------------------


def test_flow_list_with_a_thousands_comma_becomes_two_numbers(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: staff
    questions: ["How many staff?"]
    answer: "10,400"
    quote: "their failure to supply the 10,400 staff required by LOCOG"
    keywords: [10,400, LOCOG]
""",
    )
    # One mistake, one message, at the first half.
    assert_problem(
        only_problem(kb),
        kb,
        kb.at("10,400, LOCOG"),
        "staff",
        "`keywords item` must be text",
        "found int 10",
        "splits `10,400` into 2 items",
        'double quotes, e.g. "10,400"',
    )


def test_flow_list_of_questions_with_question_marks_is_a_syntax_error(tmp_path: Path) -> None:
    # PyYAML follows YAML 1.1: inside [ ] a '?' ends plain text, so the list does not parse.
    kb = write_kb(
        tmp_path,
        """\
  - id: what
    questions: [What is it?, Who?]
    answer: "G4S."
    quote: "a plan to outsource back office functions to G4S"
""",
    )
    line, column = kb.at("What is it?")
    assert_problem(
        only_problem(kb),
        kb,
        (line, column + len("What is it")),  # the first '?'
        None,
        "YAML syntax error",
        "double quotes",
    )


def test_flow_list_of_plain_questions_without_special_characters_loads(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: what
    questions: [What is it, Who is it]
    answer: "G4S."
    quote: "a plan to outsource back office functions to G4S"
""",
    )
    assert load_knowledge(kb.folder).entries["what"].questions == ("What is it", "Who is it")


# -- fields -----------------------------------------------------------------------------------


def test_unknown_field_and_the_missing_field_it_was_meant_to_be(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["How much?"]
    anwser: "Up to £77m a year."
    quote: "worth up to £77m per year"
""",
    )
    missing, unknown = problems_of(kb)
    assert_problem(missing, kb, kb.at("id: worth"), "worth", "missing required field `answer`")
    assert_problem(
        unknown,
        kb,
        kb.at("anwser"),
        "worth",
        "unknown field `anwser`",
        "expected one of:",
        "answer",
    )


@pytest.mark.parametrize("field", ["questions", "answer", "quote"])
def test_missing_required_field(tmp_path: Path, field: str) -> None:
    lines = {
        "questions": '    questions: ["How much?"]\n',
        "answer": '    answer: "Up to £77m a year."\n',
        "quote": '    quote: "worth up to £77m per year"\n',
    }
    del lines[field]
    kb = write_kb(tmp_path, "  - id: worth\n" + "".join(lines.values()))
    assert_problem(
        only_problem(kb), kb, kb.at("id: worth"), "worth", f"missing required field `{field}`"
    )


def test_entry_without_id(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - questions: ["How much?"]
    answer: "Up to £77m a year."
    quote: "worth up to £77m per year"
""",
    )
    assert_problem(
        only_problem(kb), kb, kb.at('questions: ["How much?"]'), None, "missing required field `id`"
    )


def test_field_given_twice(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["How much?"]
    answer: "Up to £77m a year."
    answer: "£77m."
    quote: "worth up to £77m per year"
""",
    )
    assert_problem(
        only_problem(kb), kb, kb.at('answer: "£77m."'), "worth", "field `answer` appears twice"
    )


def test_wrong_types_are_each_reported(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: "How much is it worth?"
    answer: ["Up to £77m", "a year"]
    quote: yes
""",
    )
    questions, answer, quote = problems_of(kb)
    assert_problem(
        questions,
        kb,
        kb.at('"How much is it worth?"'),
        "worth",
        "`questions` must be a list of texts",
        "found a single text",
        '- "..."',
    )
    assert_problem(
        answer,
        kb,
        kb.at('["Up to £77m"'),
        "worth",
        "`answer` must be text",
        "found a list",
        "double quotes",
    )
    assert_problem(
        quote,
        kb,
        kb.at("yes"),
        "worth",
        "`quote` must be text",
        "bool True",
        "yes/no/true/false",
        "double quotes",
    )


def test_a_number_where_text_is_expected(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["How much?"]
    answer: 77
    quote: "worth up to £77m per year"
""",
    )
    line, column = kb.at("answer: 77")
    assert_problem(
        only_problem(kb),
        kb,
        (line, column + len("answer: ")),
        "worth",
        "`answer` must be text",
        "found int 77",
        "double quotes",
    )


def test_empty_texts(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["", "How much?"]
    answer: "   "
    quote: "worth up to £77m per year"
    topic: ""
""",
    )
    question, answer, topic = problems_of(kb)
    assert_problem(question, kb, kb.at('""'), "worth", "`questions item` is empty")
    assert_problem(answer, kb, kb.at('"   "'), "worth", "`answer` is empty")
    line, column = kb.at('topic: ""')
    assert_problem(topic, kb, (line, column + len("topic: ")), "worth", "`topic` is empty")


def test_empty_questions_list(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: []
    answer: "Up to £77m a year."
    quote: "worth up to £77m per year"
""",
    )
    assert_problem(
        only_problem(kb), kb, kb.at("[]"), "worth", "`questions` is empty", "at least one wording"
    )


def test_id_must_be_lowercase_letters_digits_and_dashes(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: Deal Value
    questions: ["How much?"]
    answer: "Up to £77m a year."
    quote: "worth up to £77m per year"
""",
    )
    assert_problem(
        only_problem(kb), kb, kb.at("Deal Value"), None, "'Deal Value'", "lowercase letters, digits"
    )


def test_duplicate_id_names_the_first_place(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: deal-value
    questions: ["How much?"]
    answer: "£77m."
    quote: "worth up to £77m per year"
""",
    )
    first_line = kb.at("id: deal-value", 1)[0]
    assert_problem(
        only_problem(kb),
        kb,
        kb.at("deal-value", 2),
        "deal-value",
        "duplicate id `deal-value`",
        f"already used at {kb.file}:{first_line}",
    )


def test_duplicate_id_across_files_names_the_other_file(tmp_path: Path) -> None:
    kb = write_kb(tmp_path)
    other = kb.folder / "more.yaml"
    other.write_text(
        'entries:\n  - id: deal-value\n    article: g4s\n    questions: ["How much?"]\n'
        '    answer: "£77m."\n    quote: "worth up to £77m per year"\n',
        encoding="utf-8",
    )
    problem = only_problem(kb)
    assert (problem.path, problem.line, problem.column) == (other, 2, 9)
    assert f"already used at {kb.file}:{kb.at('id: deal-value')[0]}" in problem.message


def test_entry_that_is_not_a_mapping(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, '  - "How much is the deal worth?"\n')
    assert_problem(
        only_problem(kb),
        kb,
        kb.at('"How much is the deal worth?"', 2),
        None,
        "each entry must be a mapping",
        "found str",
    )


def test_entries_that_are_not_a_list(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, raw=ARTICLE + "entries:\n  id: deal-value\n")
    assert_problem(
        only_problem(kb),
        kb,
        kb.at("id: deal-value"),
        None,
        "`entries` must be a list of entries",
        "found a mapping",
    )


def test_unknown_top_level_field(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, raw=ARTICLE + "entires:\n" + GOOD_ENTRY)
    problem = only_problem(kb)
    assert_problem(problem, kb, kb.at("entires"), None, "unknown field `entires`", "entries")


def test_top_level_list(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, raw="- deal-value\n- staff\n")
    assert_problem(only_problem(kb), kb, (1, 1), None, "expected a mapping", "found a list")


def test_entry_without_any_article(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, raw="entries:\n" + GOOD_ENTRY)
    assert_problem(
        only_problem(kb),
        kb,
        kb.at("id: deal-value"),
        "deal-value",
        "names no `article`",
        "no `article:` section",
    )


# -- cross-references ---------------------------------------------------------------------------


def test_reference_to_an_unknown_article(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    article: g4s-olympics
    questions: ["How much?"]
    answer: "£77m."
    quote: "worth up to £77m per year"
""",
    )
    assert_problem(
        only_problem(kb),
        kb,
        kb.at("g4s-olympics"),
        "worth",
        "unknown article `g4s-olympics`",
        "known: g4s",
    )


def test_unknown_and_self_related_entries(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["How much?"]
    answer: "£77m."
    quote: "worth up to £77m per year"
    related: [deal-value, deal-valeu, worth]
""",
    )
    unknown, itself = problems_of(kb)
    assert_problem(
        unknown, kb, kb.at("deal-valeu"), "worth", "related entry `deal-valeu` does not exist"
    )
    assert_problem(itself, kb, kb.at("worth]"), "worth", "cannot be related to itself")


def test_related_entry_defined_later_or_in_another_file_is_fine(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["How much?"]
    answer: "£77m."
    quote: "worth up to £77m per year"
    related: [staff]
""",
    )
    (kb.folder / "z-more.yaml").write_text(
        'entries:\n  - id: staff\n    article: g4s\n    questions: ["How many staff?"]\n'
        '    answer: "10,400."\n    quote: "the 10,400 staff required by LOCOG"\n'
        "    related: [deal-value]\n",
        encoding="utf-8",
    )
    knowledge = load_knowledge(kb.folder)
    assert knowledge.entries["worth"].related == ("staff",)
    assert knowledge.entries["staff"].related == ("deal-value",)


def test_quote_not_in_the_article_shows_the_closest_passage(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["How much?"]
    answer: "£77m."
    quote: "worth up to £77 million per year"
""",
    )
    problem = only_problem(kb)
    assert_problem(
        problem,
        kb,
        kb.at('"worth up to £77 million'),
        "worth",
        "quote not found verbatim in article `g4s`",
        "closest passage",
        "copy the text exactly",
    )
    # The closest passage is the article's sentence with the deal's value, not some other one.
    assert "met yesterday to consider scrapping the deal, worth up to £77m per year" in (
        problem.message
    )
    similarity = int(re.search(r"\((\d+)% similar\)", problem.message).group(1))  # type: ignore[union-attr]
    assert 75 <= similarity < 100


def test_quote_far_from_anything_still_gets_a_low_similarity(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: worth
    questions: ["How much?"]
    answer: "£77m."
    quote: "Zebras graze quietly on the savannah at dawn"
""",
    )
    match = re.search(r"\((\d+)% similar\)", only_problem(kb).message)
    assert match and int(match.group(1)) < 60


# -- files and folders ---------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, raw="")
    assert_problem(only_problem(kb), kb, (1, 1), None, "the file is empty", "`article:`")


def test_file_with_only_comments_is_empty_too(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, raw="# nothing here yet\n")
    assert_problem(only_problem(kb), kb, (1, 1), None, "the file is empty")


def test_missing_article_file_is_one_problem(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, article=ARTICLE.replace("article.txt", "artcle.txt"))
    # One problem: the entries citing the broken article get no second, misleading one.
    assert_problem(
        only_problem(kb),
        kb,
        kb.at("artcle.txt"),
        None,
        "article file 'artcle.txt' not found",
        str(kb.folder / "artcle.txt"),
    )


def test_empty_article_file(tmp_path: Path) -> None:
    kb = write_kb(tmp_path)
    (kb.folder / "article.txt").write_text("  \n\n", encoding="utf-8")
    assert_problem(
        only_problem(kb), kb, kb.at("article.txt"), None, "article file 'article.txt' is empty"
    )


def test_article_missing_a_field(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path, article=ARTICLE.replace('  origin: "a copy of the bundled article"\n', "")
    )
    assert_problem(only_problem(kb), kb, kb.at("id: g4s"), None, "missing required field `origin`")


def test_folder_without_yaml(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not knowledge", encoding="utf-8")
    problem = only_problem(tmp_path)
    assert (problem.path, problem.line, problem.column) == (tmp_path, 0, 0)
    assert "no .yaml files in this folder" in problem.message
    assert str(problem).startswith(f"{tmp_path}: no .yaml files")


def test_path_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    problem = only_problem(missing)
    assert problem.path == missing
    assert "no such file or folder" in problem.message
    assert "--knowledge" in problem.message
    # The path itself is the problem: no line and column after it.
    assert str(problem).startswith(f"{missing}: no such file or folder")


def test_yml_extension_is_read_and_other_files_ignored(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, name="knowledge.yml")
    (kb.folder / "README.md").write_text("# notes: [unclosed\n", encoding="utf-8")
    assert list(load_knowledge(kb.folder).entries) == ["deal-value"]


# -- many problems at once -----------------------------------------------------------------------


def test_all_problems_are_reported_sorted_by_line(tmp_path: Path) -> None:
    kb = write_kb(
        tmp_path,
        """\
  - id: first
    questions: ["How much?"]
    answer: "£77m."
    quote: "worth up to £77 million per year"
    related: [nowhere]
  - id: second
    questions: "Who?"
    answer: "G4S."
    quote: "a plan to outsource back office functions to G4S"
  - id: third
    questions: ["Who?"]
    anwser: "G4S."
    quote: "a plan to outsource back office functions to G4S"
""",
    )
    problems = problems_of(kb)
    # The quote and related checks run after all files are read, yet come out in line order.
    assert [(p.line, p.column) for p in problems] == [
        kb.at('"worth up to £77 million'),
        kb.at("nowhere"),
        kb.at('"Who?"'),
        kb.at("id: third"),
        kb.at("anwser"),
    ]
    assert [p.entry_id for p in problems] == ["first", "first", "second", "third", "third"]
    report = KnowledgeError(problems).report()
    assert report.splitlines()[:-1] == [str(p) for p in problems]
    assert report.splitlines()[-1].startswith("5 problems in the knowledge")


def test_problems_in_several_files_are_all_reported(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, '  - id: worth\n    questions: ["How much?"]\n')
    broken = kb.folder / "a-broken.yaml"
    broken.write_text("entries: [\n", encoding="utf-8")
    problems = problems_of(kb)
    assert [p.path for p in problems] == [broken, kb.file, kb.file]
    assert "YAML syntax error" in problems[0].message
    assert {p.message for p in problems[1:]} == {
        "missing required field `answer`",
        "missing required field `quote`",
    }


# -- synonyms ------------------------------------------------------------------------------------


def test_synonym_groups_are_loaded_lowercase(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, synonyms="synonyms:\n  - [Deal, contract, agreement]\n")
    assert load_knowledge(kb.folder).synonyms == (("deal", "contract", "agreement"),)


@pytest.mark.parametrize(
    ("group", "needle", "phrase"),
    [
        ("[deal]", "[deal]", "at least two words"),
        ('"deal, contract"', '"deal, contract"', "found a single text"),
        ("[big deal, contract]", "[big deal", "single words"),
        ("[deal, 10]", "10]", "found int 10"),
    ],
)
def test_bad_synonym_groups(tmp_path: Path, group: str, needle: str, phrase: str) -> None:
    kb = write_kb(tmp_path, synonyms=f"synonyms:\n  - {group}\n")
    problems = problems_of(kb)
    assert any((p.line, p.column) == kb.at(needle) and phrase in p.message for p in problems), [
        str(p) for p in problems
    ]


def test_synonyms_must_be_a_list(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, synonyms="synonyms: deal contract\n")
    assert_problem(
        only_problem(kb),
        kb,
        kb.at("deal contract"),
        None,
        "`synonyms` must be a list of word groups",
    )


# -- a second article ------------------------------------------------------------------------


def test_second_article_in_its_own_file(tmp_path: Path) -> None:
    kb = write_kb(tmp_path)
    library = ROOT / "tests" / "data" / "knowledge_library"
    for name in ("library.yaml", "library.txt"):
        (kb.folder / name).write_text(
            (library / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    knowledge = load_knowledge(kb.folder)
    assert set(knowledge.articles) == {"g4s", "library"}
    assert knowledge.entries["deal-value"].article_id == "g4s"
    assert knowledge.entries["running-cost"].article_id == "library"
    assert knowledge.article_of(knowledge.entries["running-cost"]).title == (
        "Millbrook votes to close Riverside Library"
    )


def test_same_article_id_twice(tmp_path: Path) -> None:
    kb = write_kb(tmp_path)
    other = kb.folder / "z-copy.yaml"
    other.write_text(ARTICLE + "entries: []\n", encoding="utf-8")
    problem = only_problem(kb)
    assert (problem.path, problem.line, problem.column) == (other, 2, 7)
    assert f"article id `g4s` is already used at {kb.file}:2:3" in problem.message
