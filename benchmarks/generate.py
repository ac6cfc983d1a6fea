"""Deterministic synthetic knowledge bases and question sets for the benchmarks.

A knowledge base of N entries is written as real knowledge files, loadable by
``bot.knowledge.load_knowledge``: one article per 200 entries (``article-0001.yaml`` and
``article-0001.txt``), whose text is made of the entries' quotes (plus some sentences nobody
quotes), so every quote is verbatim in its article.

The words come from a fixed vocabulary of pseudo-English words (about 4,000, built from
syllables and English suffixes, so Snowball stems something) drawn with a Zipf-Mandelbrot
distribution, mixed with real English function words; each article adds its own proper nouns
(names, places), so the vocabulary grows with the knowledge like a real one. Each entry has
3 to 7 question variants (about 5) built from the distinctive words of its quote, a shorter
answer, a topic, keywords and related entries; each file has synonym groups.

The question set of a knowledge base holds paraphrase-like questions derived from the variants
(a word dropped, a typo, words reordered, a synonym swapped, chat filler) with the entry they
should find, and off-topic questions (``expect`` is null).

Generated data is cached under ``benchmarks/.cache/`` (git-ignored) keyed by size, seed and
generator version; the 1k knowledge base is the first five articles of the 10k one, and so on.

    python benchmarks/generate.py --sizes 1000,10000,100000      # generate (or reuse)
    python benchmarks/generate.py --sizes 1000 --force --out /tmp/kb

Other scripts use ``ensure_kb(size, seed)``.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GENERATOR_VERSION = 1
ENTRIES_PER_ARTICLE = 200
VOCABULARY_SIZE = 4000
PROPER_NOUNS_PER_ARTICLE = 25
SYNONYM_GROUPS = 400
QUESTIONS_PER_KB = 1000
OFF_TOPIC_SHARE = 0.2
CACHE_DIR = Path(__file__).resolve().parent / ".cache"

# Real English function words with rough relative frequencies; all of them are stop words of
# bot.text, so they shape the sentences without adding terms.
_FUNCTION_WORDS: dict[str, int] = {
    word: int(weight)
    for word, weight in (
        item.split(":")
        for item in """
        the:60 of:30 to:28 and:26 a:22 in:20 that:10 is:9 was:9 for:9 on:7 with:7 by:6 as:6 at:5
        from:5 has:4 had:4 have:4 be:4 been:3 will:4 would:3 its:3 their:3 it:4 they:3 after:2
        over:2 more:2 than:2 but:3 not:3 about:2 this:3 were:2 into:1 could:1 any:1 all:1 also:2
        """.split()
    )
}
# Syllable parts, repeated to weigh them: simple consonants and vowels dominate, as in English.
_ONSETS = (
    "b b c c d d f g h k l l m m n n p p r r s s s t t t v w y "
    "bl br ch cl cr dr fl gr pl pr sh sp st str th tr"
).split()
_NUCLEI = "a a a a e e e e i i i o o o u u ai ea ee oo ou".split()
_CODAS = ["", "", "", "", "", "", "n", "n", "r", "r", "s", "t", "l", "m", "nd", "nt", "st", "ck"]
_SUFFIXES = [""] * 12 + "s s ed ing er ers tion ment ly al ity ness".split()

# Off-topic questions: real English words that the synthetic knowledge never uses.
_OFF_TOPIC_TEMPLATES = (
    "What is the weather like in {city} tomorrow?",
    "Who won the {sport} final last night?",
    "How do I cook {food}?",
    "What is the capital of {country}?",
    "Can you recommend a good {thing}?",
    "how old is the president of {country}",
    "sing me a song about {food}",
    "what time does the {thing} shop open",
    "is {food} healthy",
    "thanks",
    "hello",
    "!!!",
    "{foreign}",
    "{foreign} {foreign}?",
    "what is the {foreign} of the {common}",
    "Who is the {foreign} of {proper}?",
    "tell me about {foreign} {common}",
)
_OFF_TOPIC_WORDS = {
    "city": "Paris Madrid Tokyo Lagos Lima Oslo Cairo Denver Sydney Toronto".split(),
    "sport": "football cricket tennis rugby basketball hockey snooker golf".split(),
    "food": "pasta risotto pancakes sushi lasagne curry bread dumplings".split(),
    "country": "France Peru Japan Kenya Canada Norway Brazil Egypt".split(),
    "thing": "film book podcast laptop bicycle camera restaurant guitar".split(),
}
_FILLERS = ("hey bot, ", "please ", "quick question: ", "so ", "hi, ", "", "", "", "", "")

# Variant templates: {a}..{d} are distinct key words of the entry, in order of distinctiveness.
_VARIANT_TEMPLATES = (
    "What {verb} the {a} {b}?",
    "what {verb} {a} {b} {c}",
    "How much {verb} the {a} {b}?",
    "how many {a} {verb} {b}",
    "Why {verb} the {a} {b} {c}?",
    "Who {verb} the {a} {b}?",
    "When {verb} the {a} {b}?",
    "where {verb} the {a}",
    "{a} {b}?",
    "{a} {b} {c}",
    "tell me about the {a} {b}",
    "what happened to the {a} {b} {c}?",
    "Is the {a} {b} {c}?",
    "{a} {b} {c} {d}",
    "can you explain the {a} of the {b}",
    "what's the story with {a} and {b}",
    "Did the {a} {b} the {c}?",
)
_VERBS = ("is", "was", "did", "does", "were", "will", "has", "had")


@dataclass(frozen=True)
class KbPaths:
    """Where a generated knowledge base and its question set live."""

    size: int
    seed: int
    root: Path

    @property
    def knowledge(self) -> Path:
        return self.root / "knowledge"

    @property
    def questions(self) -> Path:
        return self.root / "questions.json"

    @property
    def manifest(self) -> Path:
        return self.root / "manifest.json"


# -- vocabulary ----------------------------------------------------------------------------------


def _pseudo_word(rng: random.Random, syllables: int) -> str:
    parts = [
        rng.choice(_ONSETS) + rng.choice(_NUCLEI) + rng.choice(_CODAS) for _ in range(syllables)
    ]
    return "".join(parts) + rng.choice(_SUFFIXES)


def _reserved_words() -> frozenset[str]:
    """Words the generator must not invent: bot.text's stop words and question words."""
    try:
        from bot import text
    except ImportError:  # pragma: no cover - the package is installed in the venv
        return frozenset(_FUNCTION_WORDS)
    return text.STOP_WORDS | text.QUESTION_WORDS | frozenset(_FUNCTION_WORDS)


def build_vocabulary(seed: int, size: int = VOCABULARY_SIZE, tag: str = "vocab") -> list[str]:
    """`size` distinct pseudo-English content words, most frequent first (rank order)."""
    rng = random.Random(f"{seed}-{tag}")
    reserved = _reserved_words()
    seen: set[str] = set()
    words: list[str] = []
    while len(words) < size:
        # Frequent words are short: the first ranks get one syllable more often.
        rank_share = len(words) / size
        syllables = rng.choices((1, 2, 3), weights=(5 - 3 * rank_share, 4, 1 + 2 * rank_share))[0]
        word = _pseudo_word(rng, syllables)
        if 3 <= len(word) <= 14 and word not in reserved and word not in seen:
            seen.add(word)
            words.append(word)
    return words


class ZipfSampler:
    """Draws words with a Zipf-Mandelbrot rank distribution p(r) ~ 1 / (r + q)^s."""

    def __init__(self, words: Sequence[str], s: float = 1.0, q: float = 2.7) -> None:
        self.words = list(words)
        self.rank = {w: i for i, w in enumerate(self.words)}
        weights = [1.0 / (r + 1 + q) ** s for r in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> str:
        index = bisect.bisect_left(self.cumulative, rng.random() * self.total)
        return self.words[min(index, len(self.words) - 1)]


def build_synonym_groups(seed: int, vocabulary: Sequence[str]) -> list[tuple[str, ...]]:
    """Disjoint groups of 2 to 4 vocabulary words that mean the same."""
    rng = random.Random(f"{seed}-synonyms")
    # Synonyms are mostly mid-frequency words (not the very top, not the rare tail).
    pool = list(vocabulary[20:1500])
    rng.shuffle(pool)
    groups: list[tuple[str, ...]] = []
    position = 0
    while len(groups) < SYNONYM_GROUPS and position + 4 <= len(pool):
        size = rng.choice((2, 2, 3, 3, 4))
        groups.append(tuple(pool[position : position + size]))
        position += size
    return groups


# -- articles and entries ------------------------------------------------------------------------


@dataclass
class _Entry:
    id: str
    topic: str
    questions: list[str]
    answer: str
    quote: str
    keywords: list[str]
    related: list[str]
    key_words: list[str]


@dataclass
class _Article:
    id: str
    title: str
    text: str
    entries: list[_Entry]
    synonyms: list[tuple[str, ...]]
    proper_nouns: list[str]


class _World:
    """Everything shared by the articles of one seed."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.vocabulary = build_vocabulary(seed)
        self.sampler = ZipfSampler(self.vocabulary)
        self.synonym_groups = build_synonym_groups(seed, self.vocabulary)
        self.group_of = {w: g for g in self.synonym_groups for w in g}
        self.function_words = list(_FUNCTION_WORDS)
        self.function_cumulative = list(itertools.accumulate(_FUNCTION_WORDS.values()))
        self.foreign = build_vocabulary(seed, 500, tag="foreign")

    def function_word(self, rng: random.Random) -> str:
        return rng.choices(self.function_words, cum_weights=self.function_cumulative)[0]


def _number(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return f"{rng.randrange(1, 99)},{rng.randrange(0, 999):03d}"
    if kind == 1:
        return f"£{rng.randrange(2, 400)}m"
    if kind == 2:
        return str(rng.randrange(1990, 2025))
    if kind == 3:
        return f"{rng.randrange(2, 95)} per cent"
    if kind == 4:
        return f"£{rng.randrange(1, 9)}.{rng.randrange(1, 9)}bn"
    return str(rng.randrange(2, 500))


def _sentence(world: _World, rng: random.Random, proper: Sequence[str]) -> tuple[str, list[str]]:
    """One news-like sentence and its content words (in order, duplicates kept)."""
    length = max(8, min(45, round(rng.gauss(23, 7))))
    tokens: list[str] = []
    content: list[str] = []
    function_run = 0
    for position in range(length):
        roll = rng.random()
        # At most two function words in a row, and the sentence ends on a content word.
        if roll < 0.45 and function_run < 2 and position < length - 1:
            tokens.append(world.function_word(rng))
            function_run += 1
            continue
        function_run = 0
        if roll < 0.49:
            name = rng.choice(proper)
            tokens.append(name)
            content.append(name.lower())
        elif roll < 0.515:
            tokens.append(_number(rng))
        else:
            word = world.sampler.draw(rng)
            tokens.append(word)
            content.append(word)
        if rng.random() < 0.06 and position < length - 1:
            tokens[-1] += ","
    if not content:
        word = world.sampler.draw(rng)
        tokens.append(word)
        content.append(word)
    tokens[0] = tokens[0][0].upper() + tokens[0][1:]
    return " ".join(tokens) + ".", content


def _key_words(world: _World, rng: random.Random, content: Sequence[str]) -> list[str]:
    """The words a person would use to ask about a sentence: its more distinctive ones."""
    distinct = list(dict.fromkeys(content))
    rank = world.sampler.rank
    # Rarer words (higher rank) are more likely to be picked; an article's proper nouns recur
    # in many of its sentences, so they count as mid-frequency words.
    weights = [(rank.get(w, 800) + 50) ** 0.6 for w in distinct]
    chosen: list[str] = []
    pool = list(zip(distinct, weights, strict=True))
    while pool and len(chosen) < 6:
        index = rng.choices(range(len(pool)), weights=[w for _, w in pool])[0]
        chosen.append(pool.pop(index)[0])
    return chosen


def _synonym(world: _World, rng: random.Random, word: str) -> str:
    group = world.group_of.get(word)
    if group is None:
        return word
    return rng.choice(group)


def _variants(world: _World, rng: random.Random, key: Sequence[str]) -> list[str]:
    count = rng.choice((3, 4, 4, 5, 5, 5, 6, 6, 7))
    variants: list[str] = []
    attempts = 0
    while len(variants) < count and attempts < 50:
        attempts += 1
        template = rng.choice(_VARIANT_TEMPLATES)
        words = list(key)
        rng.shuffle(words)
        # The most distinctive word leads more often than not.
        if key and rng.random() < 0.6:
            words.remove(key[0])
            words.insert(0, key[0])
        while len(words) < 4:
            words.append(world.sampler.draw(rng))
        slots = {
            name: (_synonym(world, rng, w) if rng.random() < 0.25 else w)
            for name, w in zip("abcd", words, strict=False)
        }
        variant = template.format(verb=rng.choice(_VERBS), **slots)
        if rng.random() < 0.3:
            variant = variant.lower()
        if variant not in variants:
            variants.append(variant)
    return variants


def _answer(rng: random.Random, quote: str) -> str:
    tokens = quote.rstrip(".").split()
    length = min(len(tokens), rng.randrange(6, 17))
    start = rng.randrange(0, len(tokens) - length + 1)
    part = " ".join(tokens[start : start + length]).strip(",")
    prefix = rng.choice(("", "", "", "Yes: ", "No: ", "In short, "))
    text = prefix + part
    return text[0].upper() + text[1:] + "."


def _proper_nouns(rng: random.Random, count: int) -> list[str]:
    names = []
    for _ in range(count):
        word = _pseudo_word(rng, rng.choice((2, 2, 3))).rstrip("s")
        names.append(word[0].upper() + word[1:])
    return names


def _article(world: _World, number: int, entries: int, first_entry: int) -> _Article:
    """Article `number` (1-based) with `entries` entries; independent of the KB size."""
    rng = random.Random(f"{world.seed}-article-{number}")
    article_id = f"article-{number:04d}"
    proper = _proper_nouns(rng, PROPER_NOUNS_PER_ARTICLE)
    topics = [
        " ".join(w.capitalize() for w in (world.sampler.draw(rng), rng.choice(proper)))
        for _ in range(max(1, entries // 20))
    ]
    made: list[_Entry] = []
    paragraphs: list[list[str]] = [[]]
    for n in range(entries):
        quote, content = _sentence(world, rng, proper)
        # Some sentences of an article nobody asks about.
        while rng.random() < 0.2:
            filler, _ = _sentence(world, rng, proper)
            paragraphs[-1].append(filler)
        paragraphs[-1].append(quote)
        if rng.random() < 0.45:
            paragraphs.append([])
        key = _key_words(world, rng, content)
        keywords = [w for w in key[: rng.randrange(0, 5)] if rng.random() < 0.7]
        made.append(
            _Entry(
                id=f"a{number:04d}-e{first_entry + n:06d}",
                topic=topics[min(len(topics) - 1, n * len(topics) // entries)],
                questions=_variants(world, rng, key),
                answer=_answer(rng, quote),
                quote=quote,
                keywords=keywords,
                related=[],
                key_words=key,
            )
        )
    for entry in made:
        others = rng.sample(made, k=min(len(made), rng.choice((0, 1, 2, 3))))
        entry.related = [o.id for o in others if o.id != entry.id]
    text = "\n\n".join(" ".join(p) for p in paragraphs if p) + "\n"
    used = {w for e in made for w in e.key_words}
    synonyms = [g for g in world.synonym_groups if any(w in used for w in g)][:30]
    title = f"{rng.choice(proper)} {world.sampler.draw(rng)} {world.sampler.draw(rng)}".title()
    return _Article(article_id, title, text, made, synonyms, proper)


# -- writing -------------------------------------------------------------------------------------


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(_q(i) for i in items) + "]"


def _article_yaml(article: _Article) -> str:
    lines = [
        f"# Synthetic knowledge generated by benchmarks/generate.py (v{GENERATOR_VERSION}).",
        "article:",
        f"  id: {article.id}",
        f"  title: {_q(article.title)}",
        f"  origin: {_q('Synthetic article for benchmarks')}",
        f"  file: {article.id}.txt",
        "",
        "synonyms:",
    ]
    lines += [f"  - {_flow(group)}" for group in article.synonyms]
    lines += ["", "entries:"]
    for entry in article.entries:
        lines.append(f"  - id: {entry.id}")
        lines.append(f"    topic: {_q(entry.topic)}")
        lines.append("    questions:")
        lines += [f"      - {_q(q)}" for q in entry.questions]
        lines.append(f"    answer: {_q(entry.answer)}")
        lines.append(f"    quote: {_q(entry.quote)}")
        if entry.keywords:
            lines.append(f"    keywords: {_flow(entry.keywords)}")
        if entry.related:
            lines.append(f"    related: [{', '.join(entry.related)}]")
        lines.append("")
    return "\n".join(lines)


# -- questions -----------------------------------------------------------------------------------


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:  # transposition
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:  # deletion
        return word[:i] + word[i + 1 :]
    if kind == 2:  # insertion
        return word[:i] + rng.choice("aeiourstnl") + word[i:]
    return word[:i] + rng.choice("aeiourstnl") + word[i + 1 :]  # substitution


def paraphrase(world: _World, rng: random.Random, variant: str) -> tuple[str, list[str]]:
    """A variant as somebody might type it, and the changes made."""
    words = variant.rstrip("?").split()
    changes: list[str] = []
    operations = ["drop", "typo", "reorder", "synonym", "filler"]
    rng.shuffle(operations)
    for operation in operations[: rng.choice((1, 1, 2, 2, 3))]:
        if operation == "drop" and len(words) >= 3:
            words.pop(rng.randrange(len(words)))
        elif operation == "typo":
            candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
            if not candidates:
                continue
            i = rng.choice(candidates)
            words[i] = _typo(rng, words[i])
        elif operation == "reorder" and len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
        elif operation == "synonym":
            candidates = [i for i, w in enumerate(words) if w.lower() in world.group_of]
            if not candidates:
                continue
            i = rng.choice(candidates)
            words[i] = _synonym(world, rng, words[i].lower())
        elif operation == "filler":
            words.insert(0, rng.choice(_FILLERS).strip())
        else:
            continue
        changes.append(operation)
    question = " ".join(w for w in words if w)
    if rng.random() < 0.5:
        question += "?"
    if rng.random() < 0.4:
        question = question.lower()
    return question or variant, changes


def _off_topic(world: _World, rng: random.Random, proper: Sequence[str]) -> str:
    template = rng.choice(_OFF_TOPIC_TEMPLATES)
    values = {key: rng.choice(options) for key, options in _OFF_TOPIC_WORDS.items()}
    question = template
    while "{foreign}" in question:
        question = question.replace("{foreign}", rng.choice(world.foreign), 1)
    return question.format(common=world.sampler.draw(rng), proper=rng.choice(proper), **values)


def build_questions(
    world: _World, articles: Sequence[_Article], size: int, count: int
) -> list[dict[str, Any]]:
    rng = random.Random(f"{world.seed}-{size}-questions")
    questions: list[dict[str, Any]] = []
    for _ in range(count):
        article = rng.choice(articles)
        if rng.random() < OFF_TOPIC_SHARE:
            text = _off_topic(world, rng, article.proper_nouns)
            questions.append({"q": text, "expect": None, "changes": ["off-topic"]})
            continue
        entry = rng.choice(article.entries)
        text, changes = paraphrase(world, rng, rng.choice(entry.questions))
        questions.append({"q": text, "expect": entry.id, "changes": changes})
    return questions


# -- cache ---------------------------------------------------------------------------------------


def kb_paths(size: int, seed: int, cache_dir: Path = CACHE_DIR) -> KbPaths:
    return KbPaths(size, seed, cache_dir / f"kb-{size}-seed{seed}-v{GENERATOR_VERSION}")


def generate(size: int, seed: int, root: Path, questions: int = QUESTIONS_PER_KB) -> KbPaths:
    """Write a knowledge base of `size` entries and its question set under `root`."""
    if size < 1:
        raise ValueError("size must be at least 1")
    paths = KbPaths(size, seed, root)
    if root.exists():
        shutil.rmtree(root)
    paths.knowledge.mkdir(parents=True)
    world = _World(seed)
    articles: list[_Article] = []
    for number, first in enumerate(range(0, size, ENTRIES_PER_ARTICLE), start=1):
        count = min(ENTRIES_PER_ARTICLE, size - first)
        article = _article(world, number, count, first)
        (paths.knowledge / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
        (paths.knowledge / f"{article.id}.yaml").write_text(
            _article_yaml(article), encoding="utf-8"
        )
        articles.append(article)
    question_set = build_questions(world, articles, size, questions)
    paths.questions.write_text(json.dumps(question_set, indent=0), encoding="utf-8")
    variants = sum(len(e.questions) for a in articles for e in a.entries)
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "size": size,
        "seed": seed,
        "articles": len(articles),
        "variants": variants,
        "questions": len(question_set),
        "yaml_bytes": sum(p.stat().st_size for p in paths.knowledge.glob("*.yaml")),
    }
    # Written last: its presence marks a complete knowledge base.
    paths.manifest.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return paths


def ensure_kb(size: int, seed: int = 0, cache_dir: Path = CACHE_DIR) -> KbPaths:
    """The cached knowledge base of `size` entries, generated on first use."""
    paths = kb_paths(size, seed, cache_dir)
    if not paths.manifest.exists():
        generate(size, seed, paths.root)
    return paths


def load_questions(paths: KbPaths) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(paths.questions.read_text(encoding="utf-8"))
    return data


def parse_sizes(text: str) -> list[int]:
    """'1k,10k,100000' -> [1000, 10000, 100000]."""
    sizes = []
    for part in text.split(","):
        part = part.strip().lower()
        if not part:
            continue
        factor = 1000 if part.endswith("k") else 1
        sizes.append(int(float(part.rstrip("k")) * factor))
    return sizes


def parse_label(size: int) -> str:
    """1000 -> '1k', 100000 -> '100k', 1500 -> '1500'."""
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate (or reuse from benchmarks/.cache/) synthetic knowledge bases "
        "and question sets."
    )
    parser.add_argument(
        "--sizes", default="1k,10k,100k", help="entries per KB (default: %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="regenerate even if cached")
    parser.add_argument(
        "--out", type=Path, help="write here instead of the cache (one sub-folder per size)"
    )
    parser.add_argument(
        "--questions",
        type=int,
        default=QUESTIONS_PER_KB,
        help="questions per KB, with --out (the cache always holds %(default)s)",
    )
    args = parser.parse_args(argv)
    for size in parse_sizes(args.sizes):
        start = time.perf_counter()
        if args.out:
            paths = generate(size, args.seed, args.out / f"kb-{size}", args.questions)
        elif args.force:
            paths = generate(size, args.seed, kb_paths(size, args.seed).root)
        else:
            paths = ensure_kb(size, args.seed)
        manifest = json.loads(paths.manifest.read_text(encoding="utf-8"))
        print(
            f"{size:>7} entries: {manifest['articles']} articles, {manifest['variants']} "
            f"variants, {manifest['questions']} questions, "
            f"{manifest['yaml_bytes'] / 1e6:.1f} MB YAML -> {paths.root} "
            f"({time.perf_counter() - start:.1f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
