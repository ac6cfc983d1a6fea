"""Hostile YAML: alias bombs and deep nesting are refused with a located message, by `check`
and by the live reload, quickly and without a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.live import LiveEngine
from bot.yamlnodes import MAX_DEPTH
from tests.telegram_fixtures import clean_env, qa_bot


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
        (deep_block(), f":{MAX_DEPTH}:{MAX_DEPTH}: ", f"nested more than {MAX_DEPTH} levels"),
    ],
    ids=["alias-bomb", "alias", "3000-deep-flow", "3000-deep-block"],
)
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
