"""The English word list is parsed once into the cache folder, and read from there after."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import spelling, wordlist


@pytest.fixture
def fresh_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """english() forgotten, the cache folder empty; forgotten again after the test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("QA_CACHE_DIR", str(folder))
    spelling.english.cache_clear()
    yield folder
    spelling.english.cache_clear()


def test_the_parsed_list_is_kept_and_read_back_unchanged(
    fresh_english: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = spelling.english()
    [kept] = fresh_english.glob("words-*.json")
    spelling.english.cache_clear()

    def no_parsing(source: Path) -> dict[str, int]:
        raise AssertionError("parsed again")

    monkeypatch.setattr(spelling, "parse_frequencies", no_parsing)
    again = spelling.english()
    assert again == parsed and list(again) == list(parsed)  # same words, levels and order
    assert again["the"] > again["contract"] >= spelling.MIN_ENGLISH_LEVEL
    assert kept.exists()


@pytest.mark.parametrize(
    "damage",
    [
        b"not json at all",
        b'{"format": 1, "words": "the of", "levels": "x"}',  # lengths differ
        b'{"format": 99, "words": "the", "levels": "h"}',
        b"[1, 2, 3]",
    ],
)
def test_a_damaged_or_foreign_file_is_parsed_again_and_rewritten(
    fresh_english: Path, damage: bytes
) -> None:
    parsed = spelling.english()
    [kept] = fresh_english.glob("words-*.json")
    kept.write_bytes(damage)
    spelling.english.cache_clear()
    assert spelling.english() == parsed
    assert wordlist._read(kept) == parsed  # rewritten whole


def test_no_file_when_the_cache_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    spelling.english.cache_clear()
    try:
        assert "contract" in spelling.english()
    finally:
        spelling.english.cache_clear()
    assert list(tmp_path.rglob("words-*.json")) == []
