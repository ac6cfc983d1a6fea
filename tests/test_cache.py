"""The compiled knowledge cache: the same answers as a full load, never stale, never trusted
blindly."""

from __future__ import annotations

import base64
import json
import logging
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot import cache, cachecodec, text
from bot.engine import Engine
from bot.evaluate import load_eval_file
from bot.knowledge import Knowledge, KnowledgeError, load_knowledge
from bot.matcher import Index
from bot.quality import EVAL_SETS
from tests.support.cli import python
from tests.support.knowledge import BUNDLED, ROOT

LOGGER = "bot.cache"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    yield folder


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """A copy of the bundled knowledge that a test may edit."""
    return Path(shutil.copytree(BUNDLED, tmp_path / "kb"))


def _no_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object = None) -> None:
        raise AssertionError("loaded in full although the cache is current")

    monkeypatch.setattr(cache, "load_knowledge", refuse)


def _warm(path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """An engine from the cache (written first by a full load if need be)."""
    cache.load_engine(path)
    with monkeypatch.context() as patch:
        _no_full_load(patch)
        return cache.load_engine(path)


def _cache_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


def _questions(engine: Engine, knowledge_dir: str | None) -> list[str]:
    """Every question variant of the knowledge, and every eval question asked of it."""
    questions = [q for e in engine.knowledge.entries.values() for q in e.questions]
    for knowledge, relative in EVAL_SETS:
        if knowledge == knowledge_dir:
            in_scope, out_of_scope = load_eval_file(ROOT / relative)
            questions += [item.question for item in in_scope] + out_of_scope
    return questions


@pytest.mark.slow  # every question of every eval set, asked twice
@pytest.mark.parametrize("knowledge_dir", sorted({k for k, _ in EVAL_SETS}, key=str))
def test_answers_are_identical_with_and_without_the_cache(
    knowledge_dir: str | None, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ROOT / (knowledge_dir or "knowledge")
    full = Engine(load_knowledge(path))
    cached = _warm(path, monkeypatch)
    questions = _questions(full, knowledge_dir)
    assert len(questions) > 50
    for question in questions:
        expected, got = full.ask(question, explain=True), cached.ask(question, explain=True)
        assert got == expected, question
        assert got.to_json() == expected.to_json(), question
        assert got.explanation == expected.explanation, question
    assert cached.knowledge == full.knowledge
    assert cached.knowledge.warnings == full.knowledge.warnings
    assert cached.knowledge.places == full.knowledge.places
    assert cached.knowledge.article_synonyms == full.knowledge.article_synonyms


def test_the_cached_index_equals_the_built_one(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ROOT / "eval" / "leisure-centre"
    built = Engine(load_knowledge(path)).index
    cached = _warm(path, monkeypatch).index
    for name in cachecodec.STORED + cachecodec.REBUILT:
        if name == "analyzer":
            assert cached.analyzer.synonym_of == built.analyzer.synonym_of
        else:
            assert getattr(cached, name) == getattr(built, name), name
    for name in ("postings", "max_field_weight", "idf", "unknown_weight", "position"):
        assert getattr(cached, name) == getattr(built, name), name
    assert list(cached.postings) == list(built.postings)  # the same order, too
    # The query stage too: every attribute but the functions it was given.
    assert vars(cached.queries).keys() == vars(built.queries).keys()
    for name, value in vars(built.queries).items():
        if name not in ("term", "scoped", "speller"):
            assert getattr(cached.queries, name) == value, name
    assert vars(cached.queries.speller) == vars(built.queries.speller)


def test_every_index_attribute_is_stored_or_derived(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new Index attribute must be added to the cache (stored, rebuilt or derived by
    Index._derive): otherwise warm starts would silently lack it."""
    built = Index(load_knowledge(BUNDLED))
    cached = _warm(BUNDLED, monkeypatch).index
    known = set(cachecodec.STORED) | set(cachecodec.REBUILT) | set(cachecodec.DERIVED)
    assert set(vars(built)) == known, "declare the new Index attribute in bot.cachecodec"
    assert set(vars(cached)) == set(vars(built))


def test_a_warm_start_is_logged_by_nothing_and_a_cold_one_once(
    cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    cache.load_engine(BUNDLED)
    assert len(_cache_lines(caplog)) == 1 and "no knowledge cache" in _cache_lines(caplog)[0]
    assert caplog.records[-1].levelno == logging.DEBUG  # a first start is nothing to report
    assert len(list(cache_dir.iterdir())) == 1
    caplog.clear()
    cache.load_engine(BUNDLED)
    assert _cache_lines(caplog) == []


def test_editing_a_knowledge_file_invalidates_the_cache(
    kb: Path, cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    question = "How much was the G4S deal worth?"
    assert cache.load_engine(kb).ask(question).entry.answer == "Up to £77m a year."  # type: ignore[union-attr]
    file = kb / "g4s-police-outsourcing.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("Up to £77m a year.", "Up to £78m a year."),
        encoding="utf-8",
    )
    caplog.set_level(logging.INFO, logger=LOGGER)
    answer = cache.load_engine(kb).ask(question)
    assert answer.entry is not None and answer.entry.answer == "Up to £78m a year."
    assert len(_cache_lines(caplog)) == 1 and "stale" in _cache_lines(caplog)[0]
    caplog.clear()
    assert cache.load_engine(kb).ask(question).entry.answer == "Up to £78m a year."  # type: ignore[union-attr]
    assert _cache_lines(caplog) == []  # the new cache is current


def test_editing_an_article_text_invalidates_the_cache(
    kb: Path, cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = cache.load_engine(kb)
    text = kb / "g4s-police-outsourcing.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nA new closing line.\n", "utf-8")
    caplog.set_level(logging.INFO, logger=LOGGER)
    again = cache.load_engine(kb)
    assert "A new closing line." in next(iter(again.knowledge.articles.values())).text
    assert again.knowledge.articles != engine.knowledge.articles
    lines = _cache_lines(caplog)
    assert len(lines) == 1 and "stale" in lines[0]


def test_an_invalid_edit_is_never_served_from_an_older_cache(kb: Path, cache_dir: Path) -> None:
    cache.load_engine(kb)
    file = kb / "g4s-police-outsourcing.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "\n  - id: [broken\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        cache.load_engine(kb)


def _cache_file(cache_dir: Path) -> Path:
    (found,) = cache_dir.iterdir()
    return found


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"\x00" * len(data), id="zeros"),
        pytest.param(lambda data: b"import os; os.system('echo pwned')\n", id="foreign"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(
            lambda data: data[:-999] + bytes([data[-999] ^ 1]) + data[-998:], id="bit-flip"
        ),
    ],
)
def test_a_damaged_or_foreign_cache_is_ignored_with_one_log_line(
    damage: object, kb: Path, cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    expected = Engine(load_knowledge(kb)).ask("How much was the G4S deal worth?")
    cache.load_engine(kb)
    target = _cache_file(cache_dir)
    target.write_bytes(damage(target.read_bytes()))  # type: ignore[operator]
    caplog.set_level(logging.INFO, logger=LOGGER)
    assert cache.load_engine(kb).ask("How much was the G4S deal worth?") == expected
    lines = _cache_lines(caplog)
    assert len(lines) == 1, lines
    assert str(target) in lines[0] and "loading in full" in lines[0]
    caplog.clear()
    cache.load_engine(kb)  # written again, whole
    assert _cache_lines(caplog) == []


def test_a_well_formed_body_of_the_wrong_shape_is_refused(
    kb: Path, cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The checksum matches, the JSON parses, but the records are not what they should be."""
    import zlib

    cache.load_engine(kb)
    target = _cache_file(cache_dir)
    head, *sections, _trailer = target.read_bytes().splitlines(keepends=True)
    parsed = [json.loads(line) for line in sections]
    terms = next(s for s in parsed if s["section"] == "terms")
    terms["terms"] = terms["terms"][:3]  # term numbers out of range
    sections = [json.dumps(s).encode() + b"\n" for s in parsed]
    checksum = 0
    for line in sections:
        checksum = zlib.crc32(line, checksum)
    trailer = json.dumps({"crc32": checksum}).encode() + b"\n"
    target.write_bytes(head + b"".join(sections) + trailer)
    caplog.set_level(logging.INFO, logger=LOGGER)
    cache.load_engine(kb)
    lines = _cache_lines(caplog)
    assert len(lines) == 1 and "damaged" in lines[0]


def _rewrite_sections(target: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """The cache file with `change` made to its parsed sections, and the checksum that fits."""
    import zlib

    head, *sections, _trailer = target.read_bytes().splitlines(keepends=True)
    parsed = [json.loads(line) for line in sections]
    for section in parsed:
        change(section)
    lines = [json.dumps(s).encode() + b"\n" for s in parsed if s]
    checksum = 0
    for line in lines:
        checksum = zlib.crc32(line, checksum)
    trailer = json.dumps({"crc32": checksum}).encode() + b"\n"
    target.write_bytes(head + b"".join(lines) + trailer)


def _damage_stems(how: str) -> Callable[[dict[str, Any]], None]:
    def change(section: dict[str, Any]) -> None:
        if section.get("section") != "stems":
            return
        drops = base64.b64decode(section["stem_drops"])
        if how == "short":
            section["stem_drops"] = base64.b64encode(drops[:-1]).decode()
        elif how == "not-base64":
            section["stem_drops"] = "not base64!"
        elif how == "other-not-a-string":
            section["other_stems"] = {**section["other_stems"], "happy": 7}
        elif how == "other-too-many":
            section["other_stems"] = {**section["other_stems"], "zzzz": "zz"}
        elif how == "missing":
            section.clear()
        elif how == "extra-part":
            section["stems"] = []

    return change


STEM_SENTENCE_QUESTION = "Where can I see the plans?"


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    """A knowledge whose article has sentences no entry quotes (tests/test_passages.py)."""
    from tests.test_passages import write_harbour

    return write_harbour(tmp_path / "harbour")


@pytest.mark.parametrize(
    "how",
    ["short", "not-base64", "other-not-a-string", "other-too-many", "missing", "extra-part"],
)
def test_a_damaged_stems_section_is_refused(
    how: str,
    harbour: Path,
    cache_dir: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The vocabulary's stems are checked like every other section: a cache whose stems
    section is not what this code writes is ignored, with one log line."""
    monkeypatch.setattr(text, "_known_stem", None)  # (put back after the test)
    expected = Engine(load_knowledge(harbour)).ask(STEM_SENTENCE_QUESTION)
    assert expected.entry is not None and expected.entry.from_article
    cache.load_engine(harbour)
    _rewrite_sections(_cache_file(cache_dir), _damage_stems(how))
    text.remember_stems(None)
    caplog.set_level(logging.INFO, logger=LOGGER)
    assert cache.load_engine(harbour).ask(STEM_SENTENCE_QUESTION) == expected
    lines = _cache_lines(caplog)
    assert len(lines) == 1 and "damaged" in lines[0], lines
    assert text._known_stem is None  # nothing of the refused file is used
    caplog.clear()
    cache.load_engine(harbour)  # written again, whole
    assert _cache_lines(caplog) == []
    assert text._known_stem is not None


def test_a_cached_process_does_not_stem_the_articles_words(
    harbour: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article's sentences looked at for the first time by a process that read the
    knowledge from the cache: their words' stems are the cache's (a full load stemmed them
    while indexing; stemming them again costs tens of µs a word)."""
    monkeypatch.setattr(text, "_known_stem", None)  # (put back after the test)
    real = text._STEMMER
    stemmed: list[str] = []

    class Recording:
        def stemWord(self, word: str) -> str:  # snowballstemmer's name
            stemmed.append(word)
            return real.stemWord(word)

    def ask_afresh(engine: Engine) -> set[str]:
        """The words stemmed while the engine answers from an article's sentence."""
        text.stem.cache_clear()
        text.is_content_word.cache_clear()
        stemmed.clear()
        result = engine.ask(STEM_SENTENCE_QUESTION)
        assert result.answered and result.entry is not None and result.entry.from_article
        assert "Sailing Club" in result.entry.quote
        return set(stemmed)

    asked = set(text.words(STEM_SENTENCE_QUESTION))
    monkeypatch.setattr(text, "_STEMMER", Recording())
    cached = _warm(harbour, monkeypatch)
    assert text._known_stem is not None
    stemmed_now = ask_afresh(cached)
    # The content words of the sentences no entry quotes, but for the question's own (which
    # the question stage stems, as in any process) and numbers (never stemmed).
    unquoted = {w for p in cached.passages().of_article("harbour") for w in text.words(p.text)}
    content = {w for w in unquoted - asked if text.is_content_word(w) and not w.isdigit()}
    assert len(content) > 20  # the sentences were read, and have words
    assert stemmed_now & content == set()
    # The same question, the stems not at hand: the sentences' words are stemmed then.
    fresh = cache.load_engine(harbour)
    text.remember_stems(None)
    assert content <= ask_afresh(fresh)


def test_a_cache_from_another_version_is_not_used(
    kb: Path, cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache.load_engine(kb)
    target = _cache_file(cache_dir)
    head, body = target.read_bytes().split(b"\n", 1)
    header = {**json.loads(head), "code": "0" * 64}
    target.write_bytes(json.dumps(header).encode() + b"\n" + body)
    # (the rest of the file is whole: only the header says it is from other code)
    caplog.set_level(logging.INFO, logger=LOGGER)
    cache.load_engine(kb)
    lines = _cache_lines(caplog)
    assert len(lines) == 1 and "another version" in lines[0]


def test_an_empty_qa_cache_dir_turns_the_cache_off(
    kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() is None
    cache.load_engine(kb)
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_the_default_is_the_users_cache_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "qa-bot"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "qa-bot"


def test_an_unwritable_cache_directory_only_costs_a_log_line(
    kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    caplog.set_level(logging.INFO, logger=LOGGER)
    engine = cache.load_engine(kb)
    assert engine.ask("How much was the G4S deal worth?").answered
    assert any("could not write" in line for line in _cache_lines(caplog))


def _run(*args: str, cache_dir: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        f"rc = main({list(args)!r})\n"
        "print('YAML' if 'yaml' in sys.modules else 'NO-YAML', rc)\n"
    )
    return python(
        "-c",
        code,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", cache.CACHE_ENV: str(cache_dir)},
        timeout=120,
    )


@pytest.mark.slow
def test_a_warm_ask_skips_the_yaml_stack(cache_dir: Path) -> None:
    cold = _run("ask", "--json", "How much was the G4S deal worth?", cache_dir=cache_dir)
    warm = _run("ask", "--json", "How much was the G4S deal worth?", cache_dir=cache_dir)
    assert cold.stdout.splitlines()[-1] == "YAML 0", cold.stderr
    assert warm.stdout.splitlines()[-1] == "NO-YAML 0", warm.stderr
    assert cold.stdout.splitlines()[0] == warm.stdout.splitlines()[0]
    assert '"answered": true' in warm.stdout


@pytest.mark.slow
def test_check_reuses_the_cache_and_reports_the_same(cache_dir: Path) -> None:
    cold = _run("check", str(BUNDLED), cache_dir=cache_dir)
    warm = _run("check", str(BUNDLED), cache_dir=cache_dir)
    assert cold.stdout.splitlines()[-1] == "YAML 0", cold.stderr
    assert warm.stdout.splitlines()[-1] == "NO-YAML 0", warm.stderr
    assert cold.stdout.splitlines()[0].startswith("OK: ")
    assert cold.stdout.splitlines()[:-1] == warm.stdout.splitlines()[:-1]
    assert cold.stderr == warm.stderr


def test_the_running_bots_reload_reuses_the_cache(
    kb: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.live import LiveEngine

    live = LiveEngine(kb)
    with monkeypatch.context() as patch:
        _no_full_load(patch)
        assert live.reload().ok  # the files did not change: from the cache
    file = kb / "g4s-police-outsourcing.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("Up to £77m a year.", "Up to £78m a year."),
        encoding="utf-8",
    )
    assert live.reload().ok
    answer = live.engine.ask("How much was the G4S deal worth?")
    assert answer.entry is not None and answer.entry.answer == "Up to £78m a year."


def test_check_keeps_its_variant_warnings_for_unchanged_files(
    kb: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot import checkcache
    from bot.checks import ambiguous_variants

    key = checkcache.knowledge_key(kb)
    engine = cache.load_engine(kb)
    expected = ambiguous_variants(engine)
    assert checkcache.cached_ambiguities(engine, kb, key) == expected
    with monkeypatch.context() as patch:
        patch.setattr(checkcache, "ambiguities", lambda engine: pytest.fail("ran again"))
        assert checkcache.cached_ambiguities(engine, kb, key) == expected
    file = kb / "g4s-police-outsourcing.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    ran = []

    def counted(engine: Engine) -> list[object]:
        ran.append(1)
        return []

    monkeypatch.setattr(checkcache, "ambiguities", counted)
    # Changed after the engine was loaded: the pass runs, and its result is not kept.
    assert checkcache.cached_ambiguities(engine, kb, key) == []
    assert checkcache.cached_ambiguities(engine, kb, key) == []
    assert ran == [1, 1]
    # Loaded after the change: the pass runs once more, then its result is kept.
    new_key = checkcache.knowledge_key(kb)
    assert checkcache.cached_ambiguities(engine, kb, new_key) == []
    assert checkcache.cached_ambiguities(engine, kb, new_key) == []
    assert ran == [1, 1, 1]


def test_the_split_ambiguity_pass_finds_what_the_plain_one_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot import checkcache
    from bot.checks import ambiguous_variants

    knowledge = load_knowledge(BUNDLED)
    # Every entry also asked with the next entry's first wording: a warning each.
    entries = list(knowledge.entries.values())
    borrowed = {
        entry.id: entry._replace(
            questions=(*entry.questions, entries[(i + 1) % len(entries)].question)
        )
        for i, entry in enumerate(entries)
    }
    engine = Engine(Knowledge(knowledge.articles, borrowed, knowledge.synonyms, knowledge.files))
    monkeypatch.setattr(checkcache, "PARALLEL_FROM", 1)
    split = checkcache.ambiguities(engine)
    assert split == ambiguous_variants(engine)
    assert len(split) >= len(entries) // 2  # so that the comparison says something


@pytest.mark.slow
def test_a_large_knowledges_reload_is_built_in_a_child_process(
    kb: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.live
    from bot.live import LiveEngine

    live = LiveEngine(kb)
    monkeypatch.setattr(bot.live, "CHILD_BUILD_FROM", 1)  # the bundled knowledge counts as large
    file = kb / "g4s-police-outsourcing.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("Up to £77m a year.", "Up to £78m a year."),
        encoding="utf-8",
    )
    with monkeypatch.context() as patch:
        _no_full_load(patch)  # in this process: the child parsed, validated and indexed
        assert live.reload().ok
    answer = live.engine.ask("How much was the G4S deal worth?")
    assert answer.entry is not None and answer.entry.answer == "Up to £78m a year."
    # An invalid edit: the child fails, this process loads in full and reports the problems.
    file.write_text(file.read_text(encoding="utf-8") + "\n  - id: [broken\n", encoding="utf-8")
    result = live.reload()
    assert not result.ok and result.problems
    assert live.engine.ask("How much was the G4S deal worth?").entry.answer == "Up to £78m a year."  # type: ignore[union-attr]


def test_a_load_off_the_main_thread_leaves_the_collector_running() -> None:
    import gc
    import threading

    from bot.gcpause import paused_gc

    seen: list[tuple[bool, int]] = []

    def load() -> None:
        with paused_gc():
            seen.append((gc.isenabled(), gc.get_freeze_count()))

    assert gc.isenabled()
    worker = threading.Thread(target=load)
    worker.start()
    worker.join()
    ((enabled, frozen),) = seen
    assert enabled and frozen > 0  # running, with the older objects set aside
    assert gc.get_freeze_count() == 0 and gc.isenabled()  # and back after
    with paused_gc():
        assert not gc.isenabled()  # the main thread (a start) still pauses it
