"""The compact index layout (bot.compact): what it makes when asked equals what a full build
has, whatever it keeps, and its columns survive the knowledge cache unchanged."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot import cache, cachecodec, compact
from bot import postings as postings_module
from bot.engine import Engine
from bot.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "knowledge"
QUESTIONS = (
    "How much was the G4S deal worth?",
    "who chairs the police authority",
    "when did the forces meet?",
    "What did G4S say?",
    "how many officers were deployed",
    "wat is the contarct about",
)


def _warm(path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Engine:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    cache.load_engine(path)
    return cache.load_engine(path)


@pytest.mark.slow  # every wording of the bundled knowledge, on two engines
def test_objects_let_go_over_the_budget_are_made_again_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(compact, "KEEP_ENTRIES", 2)
    monkeypatch.setattr(postings_module, "KEEP_CODE_MAPS", 1)  # every code map made again
    full = Engine(load_knowledge(BUNDLED))
    warm = _warm(BUNDLED, monkeypatch, tmp_path)
    assert isinstance(warm.knowledge.entries, compact.Entries)
    questions = [q for e in full.knowledge.entries.values() for q in e.questions]
    for question in [*QUESTIONS, *questions, *QUESTIONS]:
        expected, got = full.ask(question, explain=True), warm.ask(question, explain=True)
        assert got == expected, question
        assert got.explanation == expected.explanation, question


def test_postings_sizes_and_largest_weights_read_from_the_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    index = _warm(BUNDLED, monkeypatch, tmp_path).index
    assert len(index.postings) == index.postings.count > 0
    for term in index.postings:
        having = index.postings[term]
        assert index.postings.size(term) == len(having)
        assert index.max_field_weight[term] == max(having.values(), default=0.0)
        assert list(having) == sorted(having)  # entries in order
    assert "no such term" not in index.postings
    with pytest.raises(KeyError):
        index.postings["no such term"]


@pytest.mark.parametrize("code_map_share", [0, 1_000_000_000])  # never a code map, or always
def test_postings_read_in_place_say_what_their_dicts_say(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code_map_share: int
) -> None:
    """bot.shortlist reads the runs in place, by bisection for a few entries, one pass over the
    run for many, or a long run's code map: each way what the term's whole dict says."""
    monkeypatch.setattr(postings_module, "CODE_MAP_SHARE", code_map_share)
    postings = _warm(BUNDLED, monkeypatch, tmp_path).index.postings
    rng = random.Random(5)
    for term in postings:
        having = postings[term]
        assert postings.scaled(term, 0.7) == {e: 0.7 * w for e, w in having.items()}
        assert list(postings.scaled(term, 0.7)) == list(having)
        assert postings.field_weights(term) == set(having.values())
        for field_weight in postings.field_weights(term):
            assert list(postings.with_field_weight(term, field_weight)) == [
                e for e, w in having.items() if w == field_weight
            ]
        for count in (1, 3, postings.entries):  # bisection, and one pass over the run
            asked = dict.fromkeys(rng.sample(range(postings.entries), count)).keys()
            assert postings.having(term, asked) == asked & having.keys()
            assert postings.weights_in(term, asked) == {e: having[e] for e in asked & having.keys()}
        assert all(postings.has(term, e) == (e in having) for e in range(postings.entries))


def test_a_posting_run_out_of_order_fails_when_read_not_answers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Bisection needs a run's entries strictly increasing: a run that is not raises."""
    postings = _warm(BUNDLED, monkeypatch, tmp_path).index.postings
    term = next(t for t in postings if postings.size(t) >= 2)
    start = postings.runs.offsets[postings.terms.number[term]]
    values = postings.runs.values
    values[start + 1] = values[start]
    with pytest.raises(ValueError):
        postings.has(term, 0)


def test_entries_are_made_as_looked_at_and_equal_the_loaded_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    loaded = load_knowledge(BUNDLED).entries
    entries = _warm(BUNDLED, monkeypatch, tmp_path).knowledge.entries
    assert isinstance(entries, compact.Entries)
    assert list(entries) == list(loaded)
    assert dict(entries) == loaded
    assert entries.in_order[-1] == list(loaded.values())[-1]
    assert entries.in_order[1:3] == list(loaded.values())[1:3]
    assert list(entries.wordings) == [len(e.questions) for e in loaded.values()]
    with pytest.raises(IndexError):
        entries.in_order[len(loaded)]


@pytest.mark.parametrize(
    "strings",
    [[], [""], ["a", "", "bc"], ["£77m", "“quoted”", "naïve", "", "emoji 🙂", "plain"]],
)
def test_text_columns_round_trip(strings: list[str]) -> None:
    texts = cachecodec._read_texts(cachecodec._texts(strings), len(strings), "test")
    assert list(texts) == strings
    assert [texts[i] for i in range(len(strings))] == strings
    groups = [strings, [], strings[:1]]
    runs, lengths = cachecodec._read_text_runs(cachecodec._text_runs(groups), 3, "test")
    assert [runs[i] for i in range(3)] == [tuple(g) for g in groups]
    assert list(lengths) == [len(g) for g in groups]


def test_the_stems_table_gives_what_the_stemmer_gives() -> None:
    from bot import text

    words = sorted(
        {"councils", "council", "happy", "agreed", "running", "cities", "ab", "x" * 300}
        | {"x" * 299 + "ing", "'twas", "yelling", "2024"}
    )
    stems = compact.Stems.of(words, text.stem)
    assert [stems.get(w) for w in words] == [text.stem(w) for w in words]
    assert stems.others["happy"] == "happi"  # not the word's beginning
    assert stems.drops[words.index("councils")] == 1
    assert stems.get("parliament") is None and stems.get("a") is None and stems.get("zz") is None


def test_a_text_column_of_the_wrong_length_is_refused() -> None:
    value = cachecodec._texts(["ab", "c"])
    with pytest.raises(ValueError):
        cachecodec._read_texts([value[0], "abcd"], 2, "test")
    with pytest.raises(ValueError):
        cachecodec._read_texts(value, 3, "test")


def test_a_field_weight_code_out_of_range_is_refused() -> None:
    codes = cachecodec._array([0, 1, 2], compact.CODE_TYPECODE)
    assert list(cachecodec._read_array(codes, 3, "test", compact.CODE_TYPECODE)) == [0, 1, 2]
    with pytest.raises(ValueError):
        cachecodec._read_array(codes, 2, "test", compact.CODE_TYPECODE)


def test_a_posting_out_of_range_fails_when_read_not_answers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Entry numbers in the postings are checked run by run when first read (the body's
    checksum was checked before): a wrong one raises rather than answers."""
    index = _warm(BUNDLED, monkeypatch, tmp_path).index
    term = next(iter(index.postings))
    runs = index.postings.runs
    runs.values[runs.offsets[0]] = len(index.entries)
    with pytest.raises(ValueError):
        index.postings[term]


def test_the_numbers_matching_reads_are_the_terms_the_index_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Matching reads entries' and wordings' terms as numbers, with IDF by number, and entries'
    fields from columns: each must say what the names and entries say, built or read from the
    knowledge cache."""
    for index in (
        Engine(load_knowledge(BUNDLED)).index,
        _warm(BUNDLED, monkeypatch, tmp_path).index,
    ):
        names, number = index.terms.names, index.terms.number
        assert len(index.idf_by_number) == index.postings.count
        for term, weight in index.idf.items():
            assert index.idf_by_number[number[term]] == weight
        assert sum(1 for weight in index.idf_by_number if weight) == len(index.idf)
        entries = list(index.entries)
        assert list(map(list, index.columns)) == [
            [entry.id for entry in entries],
            [entry.article_id for entry in entries],
            [entry.answer for entry in entries],
            [entry.quote for entry in entries],
            [question for entry in entries for question in entry.questions],
        ]
        for entry in range(len(index.entries)):
            terms = index.entry_terms[entry]
            assert {names[n] for n in index.entry_terms.numbers[entry]} == terms.keys()
            wordings = index.entry_variants[entry]
            assert wordings.texts == index.entries[entry].questions
            assert len(wordings.terms) == len(wordings.phrases) == index.wordings[entry]
            for wording in wordings.terms:
                assert wording and all(names[n] in terms for n in wording)


def test_a_term_number_out_of_range_fails_when_read_not_answers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Wordings' and entries' term numbers in the knowledge cache are checked as they are read
    (the body's checksum was checked before): a wrong one raises rather than answers."""
    engine = _warm(BUNDLED, monkeypatch, tmp_path)
    index = engine.index
    question = index.entries[0].questions[0]
    assert engine.ask(question).entry == index.entries[0]
    engine = cache.load_engine(BUNDLED)  # read afresh: a wording's weight is kept once made
    index = engine.index
    runs = index.entry_variants.runs
    runs.values[runs.offsets[0]] = index.postings.count
    with pytest.raises(IndexError):
        engine.ask(question)
    index = cache.load_engine(BUNDLED).index  # none of its entries looked at yet
    runs = index.entry_terms.runs
    runs.values[runs.offsets[0]] = index.postings.count
    with pytest.raises(ValueError):
        index.entry_terms.numbers[0]
