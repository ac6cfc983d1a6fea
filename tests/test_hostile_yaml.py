"""Hostile YAML: alias bombs and deep nesting are refused with a located message, by `check`
and by the live reload, quickly and without a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot import yamlnodes
from bot.live import LiveEngine
from bot.yamlnodes import MAX_DEPTH
from tests.support.cli import clean_env, qa_bot


def alias_bomb(levels: int = 9) -> str:
    """The "billion laughs": 9**levels strings from a few hundred bytes."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def deep_flow(depth: int = 3000) -> str:
    return "entries: " + "[" * depth + "]" * depth + "\n"


def deep_block(depth: int = 3000) -> str:
    return "".join(" " * n + f"k{n}:\n" for n in range(depth)) + " " * depth + "x: 1\n"


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (alias_bomb(), ":1:5: ", "anchors (&name) are not allowed"),
        ("a: [x]\nb: *a\n", ":2:4: ", "aliases (*name) are not allowed"),
        (deep_flow(), f":1:{10 + MAX_DEPTH - 1}: ", f"nested more than {MAX_DEPTH} levels"),
        (
            deep_block(),
            f":{MAX_DEPTH + 1}:{MAX_DEPTH + 1}: ",
            f"nested more than {MAX_DEPTH} levels",
        ),
    ],
    ids=["alias-bomb", "alias", "3000-deep-flow", "3000-deep-block"],
)
@pytest.mark.slow
def test_check_refuses_hostile_yaml_with_a_located_message(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(text, encoding="utf-8")
    done = qa_bot("--knowledge", str(hostile), "check", env=clean_env(), cwd=tmp_path)
    assert done.returncode == 1
    assert f"{hostile}{where}" in done.stdout + done.stderr
    assert message in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize("text", [alias_bomb(), deep_flow(), deep_block()])
def test_a_live_reload_refuses_hostile_yaml_and_keeps_serving(
    library: Path, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    live = LiveEngine(library)
    before = live.engine
    (library / "library.yaml").write_text(text, encoding="utf-8")
    result = live.reload_if_changed()
    assert result is not None and not result.ok
    assert "library.yaml:" in result.problems[0]
    assert live.engine is before
    assert all(r.exc_info is None for r in caplog.records)


@pytest.mark.slow
def test_a_file_with_too_many_values_for_its_size_is_refused(tmp_path: Path) -> None:
    dense = tmp_path / "dense.yaml"
    dense.write_text("entries: [" + ", ".join(["[a]"] * 100_000) + "]\n", encoding="utf-8")
    done = qa_bot("--knowledge", str(dense), "check", env=clean_env(), cwd=tmp_path)
    assert done.returncode == 1
    assert f"{dense}:1:" in done.stdout + done.stderr
    assert "more than 100,000 values in one file" in done.stdout + done.stderr


@pytest.mark.parametrize(
    "path",
    [
        Path(__file__).parent.parent / "knowledge" / "g4s-police-outsourcing.yaml",
        Path(__file__).parent / "data" / "knowledge_library" / "library.yaml",
    ],
)
@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])
def test_values_built_from_events_equal_those_of_the_node_tree(path: Path, loader: str) -> None:
    if not hasattr(yaml, loader):
        pytest.skip("PyYAML without libyaml")
    text = path.read_text(encoding="utf-8")
    node = yaml.compose(text, Loader=getattr(yaml, loader))
    assert node is not None
    from_nodes = yamlnodes._convert(node)
    from_events = yamlnodes._build(yaml.parse(text, Loader=getattr(yaml, loader)), 10**6)
    assert from_events == from_nodes


@pytest.mark.parametrize(
    "text",
    ["", "# nothing\n", "---\n", "a: 1\nb: [yes, ~, 1.5, '7', !!str 8]\n", "- {a: b}\n- c\n"],
)
def test_small_documents_are_built_as_the_node_tree(text: str) -> None:
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    expected = None if node is None else yamlnodes._convert(node)
    assert yamlnodes._build(yaml.parse(text, Loader=yaml.SafeLoader), 100) == expected


@pytest.mark.slow
def test_a_second_document_is_a_located_syntax_error(tmp_path: Path) -> None:
    two = tmp_path / "two.yaml"
    two.write_text("a: 1\n---\nb: 2\n", encoding="utf-8")
    done = qa_bot("--knowledge", str(two), "check", env=clean_env(), cwd=tmp_path)
    assert done.returncode == 1 and f"{two}:2:1: " in done.stdout + done.stderr
    assert "single document" in done.stdout + done.stderr
