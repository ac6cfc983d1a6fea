"""The checkout's paths and the tests' synthetic knowledge (tests/data), with the variations
tests derive from it.

Two small made-up knowledge folders, so that tuning the bundled knowledge or the matcher does
not break the tests that use them:

- `LIBRARY` (tests/data/knowledge_library): Millbrook closes Riverside Library; four entries,
  a keyword and a synonym group. The engine's, the command line's and the question log's tests.
- `OLD_MILL` (tests/data/knowledge_old_mill): Riverside Council closes the Old Mill library;
  seven entries with topics and related questions, and a title with "<" and "&" to escape.
  The Telegram bot's and the live reloads' tests (`write_library` copies it).

Tests that need a variation copy one of these and edit the copy (`copy_knowledge`, `edit`,
`library_with_variant`, `remove_entry`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "knowledge"
BUNDLED_ARTICLE = BUNDLED / "g4s-police-outsourcing.txt"
BUNDLED_TITLE = "Police forces reconsider G4S outsourcing deal after Olympics failure"
DATA = ROOT / "tests" / "data"
LIBRARY = DATA / "knowledge_library"
# The articles of eval/ (eval/README.md), each a folder with its text and knowledge.
EVAL = ROOT / "eval"
LIBRARY_TITLE = "Millbrook votes to close Riverside Library"
OLD_MILL = DATA / "knowledge_old_mill"
OLD_MILL_TITLE = "Old Mill library to close <for good> & its books move to town"


def copy_knowledge(folder: Path, *sources: Path) -> Path:
    """`folder` holding the knowledge files (.yaml, .txt) of every source folder, side by side:
    one knowledge of several articles when given several."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        for file in source.iterdir():
            if file.suffix in (".yaml", ".txt"):
                shutil.copy(file, folder / file.name)
    return folder


def write_library(folder: Path) -> Path:
    """The Telegram tests' knowledge (OLD_MILL: library.yaml and library.txt) in `folder`."""
    return copy_knowledge(folder, OLD_MILL)


def edit(file: Path, old: str, new: str) -> str:
    """Replace `old` (which must be there) by `new` in a knowledge file; the old text."""
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    file.write_text(text.replace(old, new), encoding="utf-8")
    return text


def library_with_variant(tmp_path: Path, variant: str) -> Path:
    """A copy of LIBRARY with one more variant for the protest entry."""
    folder = copy_knowledge(tmp_path / "kb", LIBRARY)
    anchor = '      - "When will campaigners protest?"\n'
    edit(folder / "library.yaml", anchor, f'{anchor}      - "{variant}"\n')
    return folder


def remove_entry(yaml_file: Path, entry_id: str) -> None:
    """Delete an entry from a knowledge file, and every `related` reference to it."""
    data = yaml.safe_load(yaml_file.read_text(encoding="utf-8"))
    data["entries"] = [e for e in data["entries"] if e["id"] != entry_id]
    for entry in data["entries"]:
        entry["related"] = [r for r in entry.get("related", []) if r != entry_id]
    yaml_file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def write_many_topics(folder: Path, count: int) -> Path:
    """A knowledge folder with `count` entries, each in its own topic (for /topics paging)."""
    folder.mkdir(parents=True, exist_ok=True)
    sentences = [
        f"Fact number {n} is that box {n} holds {n * 3} red marbles." for n in range(count)
    ]
    (folder / "facts.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
    entries = "".join(
        f"""
  - id: fact-{n}
    topic: "Box {n}"
    questions:
      - "How many marbles are in box {n}?"
    answer: "{n * 3} red marbles."
    quote: "{sentence}"
"""
        for n, sentence in enumerate(sentences)
    )
    (folder / "facts.yaml").write_text(
        "article:\n  id: facts\n  title: Marble facts\n  origin: A generated test article.\n"
        f"  file: facts.txt\n\nentries:{entries}",
        encoding="utf-8",
    )
    return folder


def write_article_knowledge(folder: Path, yaml_text: str, *, name: str = "knowledge.yaml") -> Path:
    """A knowledge folder of the bundled article (as article.txt) and `yaml_text`; the YAML file."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(BUNDLED_ARTICLE, folder / "article.txt")
    file = folder / name
    file.write_text(yaml_text, encoding="utf-8")
    return file
