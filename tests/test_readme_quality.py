"""The README's quality figures are what the checkout measures, and its commands need only
the checkout (no ../shared/)."""

from __future__ import annotations

import re

import pytest

from bot.quality import EVAL_SETS, README, ROOT, Measured, current_block, measure, render

REGENERATE = "python -m bot.quality --update-readme"


@pytest.fixture(scope="module")
def measured() -> Measured:
    """Every eval set asked once (about a second), shared by this module's tests."""
    return measure()


def test_readme_figures_match_what_the_checkout_measures(measured: Measured) -> None:
    shown = current_block(README.read_text(encoding="utf-8"))
    assert shown is not None, f"the quality figures' markers are missing from {README}"
    assert shown == render(measured), f"the README's quality figures are stale: run `{REGENERATE}`"


def test_every_eval_command_in_the_readme_names_a_file_in_the_checkout() -> None:
    readme = README.read_text(encoding="utf-8")
    files = re.findall(r"qa-bot (?:--knowledge ([\w./-]+) )?eval ([\w./-]+\.ya?ml)", readme)
    assert {(knowledge or None, name) for knowledge, name in files} >= set(EVAL_SETS)
    for knowledge, name in files:
        assert (ROOT / name).is_file(), f"the README runs `qa-bot eval {name}`: no such file"
        if knowledge:
            assert (ROOT / knowledge).is_dir(), f"the README uses `--knowledge {knowledge}`"
    assert "../shared" not in readme and "shared/eval" not in readme
    assert REGENERATE in readme


def test_the_table_shows_the_engine_and_the_sets(measured: Measured) -> None:
    text = render(measured)
    for knowledge, name in EVAL_SETS:
        option = f"--knowledge {knowledge} " if knowledge else ""
        assert f"`qa-bot {option}eval {name}`" in text
    assert re.search(r"\| this engine \| \*\*\d+/\d+ = [\d.]+%\*\* \|", text)
