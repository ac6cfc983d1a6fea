"""Loading and validating the knowledge: articles, curated entries and synonyms.

Every problem is reported with its file, line and column, and the loader collects all of
them before failing, so an author fixes a file in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz

from bot import kinds
from bot.errors import UserError
from bot.gcpause import paused_gc
from bot.lazyre import LazyPattern
from bot.model import Article, Entry

if TYPE_CHECKING:
    # The YAML stack is imported only when files are read: a start from the knowledge cache
    # (bot.cache) never needs it.
    from bot.yamlnodes import Located, YamlSyntaxError

# Drafted entries (`qa-bot draft`) carry this marker where the author still has to write.
TODO_MARKER = "TODO"

_ID_RE = LazyPattern(r"^[a-z0-9][a-z0-9_-]*$")
_TOP_FIELDS = {"article", "synonyms", "entries"}
_ARTICLE_FIELDS = {"id": True, "title": True, "origin": True, "file": True}
_ENTRY_FIELDS = {
    "id": True,
    "questions": True,
    "answer": True,
    "quote": True,
    "topic": False,
    "keywords": False,
    "related": False,
    "article": False,
    "answers": False,
}


class Problem(NamedTuple):
    """One error or warning about the knowledge, located in a file."""

    path: Path
    line: int
    column: int
    message: str
    entry_id: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        # Line 0: the problem is the path itself (missing, unreadable), not a place in it.
        where = f"{self.path}:{self.line}:{self.column}" if self.line else f"{self.path}"
        who = f" [{self.entry_id}]" if self.entry_id else ""
        label = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}:{who} {label}{self.message}"


class KnowledgeError(UserError):
    """The knowledge is invalid; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - count
        also = f" (and {warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the knowledge{also}")

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(f"{self}; fix them and run `qa-bot check` again.")
        return "\n".join(lines)

    def for_command(self, command: str) -> str:
        return self.report()


class EntryPlaces(NamedTuple):
    """Where an entry's parts sit in its file (line, column), so checks can point at them."""

    answer: tuple[int, int]
    quote: tuple[int, int]
    questions: tuple[tuple[int, int], ...]


class Knowledge:
    """A validated knowledge base: articles, entries in file order, synonym groups."""

    # A plain class, not a record: a reload checks through a weak reference that the old
    # knowledge is freed, and two knowledges are equal on their content alone.
    __slots__ = (
        "__weakref__",
        "article_synonyms",
        "articles",
        "entries",
        "files",
        "places",
        "synonyms",
        "warnings",
    )

    def __init__(
        self,
        articles: dict[str, Article],
        entries: Mapping[str, Entry],
        synonyms: tuple[tuple[str, ...], ...],
        files: tuple[Path, ...],
        warnings: tuple[Problem, ...] = (),
        places: Mapping[str, EntryPlaces] | None = None,
        article_synonyms: Mapping[str, tuple[tuple[str, ...], ...]] | None = None,
    ) -> None:
        self.articles = articles
        # A dict, or from the knowledge cache a bot.compact.Entries (made as looked at).
        self.entries = entries
        self.synonyms = synonyms  # every group, wherever it was written
        self.files = files
        self.warnings = warnings
        self.places: Mapping[str, EntryPlaces] = places or {}
        # The groups written in an article's own file, which apply to its entries only (the
        # others, from a file without an `article:` section, apply to every article).
        self.article_synonyms: Mapping[str, tuple[tuple[str, ...], ...]] = article_synonyms or {}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Knowledge):
            return NotImplemented
        return (self.articles, self.synonyms, self.files) == (
            other.articles,
            other.synonyms,
            other.files,
        ) and self.entries == other.entries

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Knowledge({len(self.articles)} articles, {len(self.entries)} entries)"

    def with_entries(self, entries: Mapping[str, Entry]) -> Knowledge:
        """The same knowledge with other entries (an evaluation leaving a wording out)."""
        return Knowledge(
            self.articles,
            entries,
            self.synonyms,
            self.files,
            self.warnings,
            self.places,
            self.article_synonyms,
        )

    @property
    def shared_synonyms(self) -> tuple[tuple[str, ...], ...]:
        """The knowledge-wide groups: from files without an `article:` section."""
        scoped = {group for groups in self.article_synonyms.values() for group in groups}
        return tuple(group for group in self.synonyms if group not in scoped)

    def article_of(self, entry: Entry) -> Article:
        return self.articles[entry.article_id]

    def topics(self) -> dict[str, list[Entry]]:
        """Entries grouped by topic, in order of first appearance."""
        groups: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            groups.setdefault(entry.topic or "Other", []).append(entry)
        return groups


def bundled_knowledge_path() -> Path:
    """The knowledge shipped with the project: the checkout's folder, else the wheel's copy."""
    package_dir = Path(__file__).resolve().parent
    checkout = package_dir.parent / "knowledge"
    if checkout.is_dir():
        return checkout
    return package_dir / "_knowledge"


def resolve_knowledge_path(explicit: str | Path | None = None) -> Path:
    """The given path (bot.config picks --knowledge or $QA_KNOWLEDGE), else the bundled one."""
    if explicit:
        return Path(explicit)
    return bundled_knowledge_path()


def knowledge_files(path: Path) -> list[Path]:
    """The YAML files a knowledge path stands for (a folder's, sorted, or the file itself)."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def load_knowledge(path: str | Path | None = None) -> Knowledge:
    """Load and validate; raise KnowledgeError with every problem found."""
    root = resolve_knowledge_path(path)
    if not root.exists():
        raise KnowledgeError(
            [
                Problem(
                    root,
                    0,
                    0,
                    "no such file or folder; pass an existing knowledge "
                    "folder or YAML file (--knowledge PATH or $QA_KNOWLEDGE)",
                )
            ]
        )
    files = knowledge_files(root)
    if not files:
        raise KnowledgeError(
            [Problem(root, 0, 0, "no .yaml files in this folder; put the knowledge files here")]
        )
    with paused_gc():
        return _build(files)


def _build(files: list[Path]) -> Knowledge:
    # A function of its own, so that the builder and its YAML nodes are freed before the
    # pause ends, instead of being promoted with the knowledge to the oldest generation.
    builder = _Builder()
    for file in files:
        builder.read_file(file)
    return builder.finish(tuple(files))


class _Builder:
    """Collects articles, entries and problems across files, then cross-checks them."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.articles: dict[str, Article] = {}
        self.article_places: dict[str, tuple[Path, int, int]] = {}
        self.entries: dict[str, Entry] = {}
        self.synonyms: list[tuple[str, ...]] = []
        self.article_synonyms: dict[str, list[tuple[str, ...]]] = {}
        # (entry, node of each related id, node of the quote) for checks after all files are read
        self.pending: list[tuple[Entry, list[Located], Located, Path]] = []
        self.article_nodes: dict[str, Located] = {}
        # Articles declared with an error already reported: entries citing them get no second one.
        self.broken_articles: set[str] = set()
        self.places: dict[str, EntryPlaces] = {}
        # Files whose lack of an `article:` section has been reported (once per file).
        self.articleless_files: set[Path] = set()
        self._lines: dict[Path, list[str]] = {}

    def error(
        self,
        path: Path,
        node: Located | None,
        message: str,
        entry_id: str | None = None,
        severity: str = "error",
    ) -> None:
        line, column = (node.line, node.column) if node else (1, 1)
        self.problems.append(Problem(path, line, column, message, entry_id, severity))

    def read_file(self, path: Path) -> None:
        from bot.yamlnodes import YamlSyntaxError, parse_file

        try:
            root = parse_file(path)
        except YamlSyntaxError as exc:
            self.problems.append(_syntax_problem(path, exc))
            return
        except OSError as exc:
            self.problems.append(Problem(path, 0, 0, f"cannot read the file: {exc.strerror}"))
            return
        if root is None:
            self.error(path, None, "the file is empty; add `article:` and `entries:`")
            return
        if root.kind != "mapping":
            self.error(
                path,
                root,
                f"expected a mapping with `article`, `synonyms`, `entries` at "
                f"the top, found {_describe(root)}",
            )
            return
        fields = self._fields(path, root, _TOP_FIELDS, {}, None)
        article_id: str | None = None
        if "article" in fields:
            article_id = self._read_article(path, fields["article"])
        if "synonyms" in fields:
            self._read_synonyms(path, fields["synonyms"], article_id)
        if "entries" in fields:
            node = fields["entries"]
            if node.kind != "sequence":
                self.error(
                    path, node, f"`entries` must be a list of entries, found {_describe(node)}"
                )
            else:
                for item in node.elements:
                    self._read_entry(path, item, article_id)

    def _fields(
        self,
        path: Path,
        node: Located,
        allowed: Iterable[str],
        required: dict[str, bool],
        entry_id: str | None,
    ) -> dict[str, Located]:
        allowed = set(allowed)
        fields: dict[str, Located] = {}
        for key, value in node.pairs:
            name = str(key.value)
            if key.kind != "str":
                self.error(
                    path, key, f"a field name must be text, found {_describe(key)}", entry_id
                )
            elif name not in allowed:
                self.error(
                    path,
                    key,
                    f"unknown field `{name}`;{_did_you_mean(name, allowed)} expected one of: "
                    f"{', '.join(sorted(allowed))}",
                    entry_id,
                )
            elif name in fields:
                self.error(path, key, f"field `{name}` appears twice; keep one", entry_id)
            else:
                fields[name] = value
        for name, is_required in required.items():
            if is_required and name not in fields:
                self.error(path, node, f"missing required field `{name}`", entry_id)
        return fields

    def _raw(self, path: Path, node: Located) -> str:
        """The scalar as the author wrote it (up to a comma, bracket or comment)."""
        if path not in self._lines:
            try:
                self._lines[path] = path.read_text(encoding="utf-8").split("\n")
            except (OSError, UnicodeDecodeError):
                self._lines[path] = []
        lines = self._lines[path]
        if not 0 < node.line <= len(lines):
            return str(node.value)
        rest = lines[node.line - 1][node.column - 1 :]
        raw = re.split(r"[,\]}#]", rest, maxsplit=1)[0].strip()
        return raw or str(node.value)

    def _text(
        self,
        path: Path,
        node: Located,
        what: str,
        entry_id: str | None,
        written: str | None = None,
    ) -> str | None:
        if node.kind != "str":
            hint = _quote_hint(node, written or self._raw(path, node), written is not None)
            self.error(
                path, node, f"`{what}` must be text, found {_describe(node)}{hint}", entry_id
            )
            return None
        text = str(node.value).strip()
        if not text:
            self.error(path, node, f"`{what}` is empty", entry_id)
            return None
        return text

    def _texts(self, path: Path, node: Located, what: str, entry_id: str | None) -> list[str]:
        if node.kind == "str":
            self.error(
                path,
                node,
                f'`{what}` must be a list of texts (one `- "..."` per line), found a single text',
                entry_id,
            )
            return []
        if node.kind != "sequence":
            self.error(
                path, node, f"`{what}` must be a list of texts, found {_describe(node)}", entry_id
            )
            return []
        values = []
        items = node.elements
        index = 0
        while index < len(items):
            item, index = items[index], index + 1
            written = None
            if item.kind in ("int", "float"):
                # `[10,400, x]` reads as 10 and 400: one mistake, so one message for it.
                raw = self._raw(path, item)
                parts = [raw]
                while index < len(items) and self._continues_number(path, items, index, raw):
                    raw = self._raw(path, items[index])
                    parts.append(raw)
                    index += 1
                if len(parts) > 1:
                    written = ",".join(parts)
            text = self._text(path, item, f"{what} item", entry_id, written)
            if text is not None:
                values.append(text)
        return values

    def _continues_number(
        self, path: Path, items: list[Located], index: int, previous_raw: str
    ) -> bool:
        """Whether items[index] is the digits after a thousands comma of the item before."""
        before, item = items[index - 1], items[index]
        return (
            item.kind in ("int", "float")
            and item.line == before.line
            and item.column == before.column + len(previous_raw) + 1
            and re.fullmatch(r"\d{3}(?:\.\d+)?", self._raw(path, item)) is not None
        )

    def _id(self, path: Path, node: Located, what: str) -> str | None:
        text = self._text(path, node, what, None)
        if text is not None and not _ID_RE.match(text):
            self.error(
                path, node, f"`{what}` {text!r} must be lowercase letters, digits, '-' or '_'"
            )
            return None
        return text

    def _read_article(self, path: Path, node: Located) -> str | None:
        if node.kind != "mapping":
            self.error(
                path,
                node,
                f"`article` must be a mapping with id, title, origin, file; "
                f"found {_describe(node)}",
            )
            return None
        fields = self._fields(path, node, _ARTICLE_FIELDS, _ARTICLE_FIELDS, None)
        article_id = self._id(path, fields["id"], "id") if "id" in fields else None
        title = self._text(path, fields["title"], "title", None) if "title" in fields else None
        origin = self._text(path, fields["origin"], "origin", None) if "origin" in fields else None
        file = self._text(path, fields["file"], "file", None) if "file" in fields else None
        for name, value in (("title", title), ("origin", origin)):
            if value is not None and value.startswith(TODO_MARKER):
                self.error(
                    path,
                    fields[name],
                    f"the article's `{name}` is not written yet: replace {value!r}",
                    severity="warning",
                )
        if article_id is None or title is None or origin is None or file is None:
            if article_id is not None:
                self.broken_articles.add(article_id)
            return article_id
        if article_id in self.articles:
            first = self.article_places[article_id]
            self.error(
                path,
                fields["id"],
                f"article id `{article_id}` is already used at {first[0]}:{first[1]}:{first[2]}",
            )
            return article_id
        text_path = (path.parent / file).resolve()
        try:
            text = text_path.read_text(encoding="utf-8")
        except OSError:
            self.error(
                path,
                fields["file"],
                f"article file {file!r} not found next to {path.name} (looked for {text_path})",
            )
            self.broken_articles.add(article_id)
            return article_id
        except UnicodeDecodeError:
            self.error(path, fields["file"], f"article file {file!r} is not UTF-8 text")
            self.broken_articles.add(article_id)
            return article_id
        if not text.strip():
            self.error(path, fields["file"], f"article file {file!r} is empty")
            self.broken_articles.add(article_id)
            return article_id
        self.articles[article_id] = Article(article_id, title, origin, text, text_path)
        self.article_places[article_id] = (path, node.line, node.column)
        return article_id

    def _read_synonyms(self, path: Path, node: Located, article_id: str | None) -> None:
        if node.kind != "sequence":
            self.error(
                path,
                node,
                "`synonyms` must be a list of word groups, e.g. `- [deal, contract, agreement]`",
            )
            return
        for group in node.elements:
            words = self._texts(path, group, "synonyms group", None)
            cleaned = tuple(w.lower() for w in words)
            if len(cleaned) < 2 and group.kind == "sequence":
                self.error(path, group, "a synonyms group needs at least two words")
            elif any(" " in w for w in cleaned):
                self.error(path, group, "synonyms are single words; drop multi-word items")
            elif cleaned:
                self.synonyms.append(cleaned)
                if article_id is not None:
                    self.article_synonyms.setdefault(article_id, []).append(cleaned)

    def _read_entry(self, path: Path, node: Located, file_article: str | None) -> None:
        if node.kind != "mapping":
            self.error(
                path,
                node,
                f"each entry must be a mapping with id, questions, answer, "
                f"quote; found {_describe(node)}",
            )
            return
        id_node = next((v for k, v in node.pairs if k.value == "id"), None)
        entry_id = None
        if id_node is not None:
            entry_id = self._id(path, id_node, "id")
        fields = self._fields(path, node, _ENTRY_FIELDS, _ENTRY_FIELDS, entry_id)
        if entry_id is None:
            return
        if entry_id in self.entries:
            first = self.entries[entry_id]
            self.error(
                path,
                id_node,
                f"duplicate id `{entry_id}`: already used at {first.source_file}:{first.line}",
                entry_id,
            )
            return
        questions = (
            self._texts(path, fields["questions"], "questions", entry_id)
            if "questions" in fields
            else []
        )
        if (
            "questions" in fields
            and fields["questions"].kind == "sequence"
            and not questions
            and not fields["questions"].elements
        ):
            self.error(
                path,
                fields["questions"],
                "`questions` is empty; give at least one wording",
                entry_id,
            )
        answer = (
            self._text(path, fields["answer"], "answer", entry_id) if "answer" in fields else None
        )
        quote = self._text(path, fields["quote"], "quote", entry_id) if "quote" in fields else None
        topic = self._text(path, fields["topic"], "topic", entry_id) if "topic" in fields else ""
        keywords = (
            self._texts(path, fields["keywords"], "keywords", entry_id)
            if "keywords" in fields
            else []
        )
        related_nodes = (
            fields["related"].elements
            if "related" in fields and fields["related"].kind == "sequence"
            else []
        )
        related = (
            self._texts(path, fields["related"], "related", entry_id) if "related" in fields else []
        )
        answers = (
            self._answer_kinds(path, fields["answers"], entry_id) if "answers" in fields else []
        )
        article_id = file_article
        if "article" in fields:
            article_id = self._text(path, fields["article"], "article", entry_id)
        elif file_article is None and path not in self.articleless_files:
            self.articleless_files.add(path)
            self.error(
                path,
                node,
                "the entry names no `article` and the file has no `article:` section: add "
                "`article:` (id, title, origin, file) at the top of the file (said once for "
                "all its entries)",
                entry_id,
            )
        unfinished = _unfinished_parts(questions, answer)
        if unfinished:
            self.error(
                path,
                node,
                f"unfinished entry: write its {' and '.join(unfinished)} in place of "
                f"{TODO_MARKER!r} (the entry is left out until then)",
                entry_id,
                severity="warning",
            )
            return
        if not questions or answer is None or quote is None or article_id is None:
            return
        entry = Entry(
            id=entry_id,
            article_id=article_id,
            questions=tuple(questions),
            answer=answer,
            quote=quote,
            keywords=tuple(keywords),
            related=tuple(related),
            topic=topic or "",
            answers=tuple(answers),
            source_file=path,
            line=node.line,
        )
        self.entries[entry_id] = entry
        question_nodes = (
            fields["questions"].elements if fields["questions"].kind == "sequence" else []
        )
        self.places[entry_id] = EntryPlaces(
            answer=(fields["answer"].line, fields["answer"].column),
            quote=(fields["quote"].line, fields["quote"].column),
            questions=tuple(
                (q.line, q.column)
                for q in question_nodes
                if q.kind == "str" and str(q.value).strip()
            ),
        )
        # Only where they are is kept for the checks after all files are read, not the nodes
        # themselves: the entry's node holds its whole parsed tree, which can go now.
        article_node = fields.get("article", node)._replace(value=None)
        spots = [related._replace(value=None) for related in related_nodes]
        self.pending.append((entry, spots, fields["quote"]._replace(value=None), path))
        self.article_nodes[entry_id] = article_node

    def _answer_kinds(self, path: Path, node: Located, entry_id: str | None) -> list[str]:
        """`answers: [date, place]`: the kinds of fact an entry gives, from bot.kinds."""
        declared = self._texts(path, node, "answers", entry_id)
        known = []
        for kind in declared:
            if kind in kinds.KINDS:
                known.append(kind)
            else:
                self.error(
                    path,
                    node,
                    f"`answers` lists `{kind}`, which is not a kind of fact; use any of: "
                    + ", ".join(kinds.KINDS),
                    entry_id,
                )
        return known

    def finish(self, files: tuple[Path, ...]) -> Knowledge:
        # Each article is normalised once, not once per entry quoting it: with hundreds of
        # entries per article that repeated work dominated loading.
        normalised: dict[str, str] = {}
        for entry, related_nodes, quote_node, path in self.pending:
            article = self.articles.get(entry.article_id)
            if article is None and entry.article_id in self.broken_articles:
                pass  # the article's own error is reported; the quote cannot be checked
            elif article is None:
                self.error(
                    path,
                    self.article_nodes[entry.id],
                    f"unknown article `{entry.article_id}`; known: "
                    f"{', '.join(sorted(self.articles)) or 'none'}",
                    entry.id,
                )
            else:
                if article.id not in normalised:
                    normalised[article.id] = normalise_for_quote(article.text)
                problem = check_quote(entry.quote, article, normalised[article.id])
                if problem:
                    self.error(path, quote_node, problem, entry.id)
            for related_id, related_node in zip(entry.related, related_nodes, strict=False):
                if related_id not in self.entries:
                    self.error(
                        path,
                        related_node,
                        f"related entry `{related_id}` does not exist;"
                        f"{_did_you_mean(related_id, self.entries)} related ids name other "
                        "entries",
                        entry.id,
                    )
                elif related_id == entry.id:
                    self.error(path, related_node, "an entry cannot be related to itself", entry.id)
        errors = [p for p in self.problems if p.severity == "error"]
        unfinished = sum(1 for p in self.problems if p.message.startswith("unfinished entry"))
        if not self.entries and not errors and unfinished:
            self.error(
                files[0],
                None,
                f"no finished entry yet ({unfinished} drafted entr"
                f"{'y' if unfinished == 1 else 'ies'} still say {TODO_MARKER!r}): write the "
                "questions and answer of at least one",
            )
        elif not self.entries and not errors:
            self.error(files[0], None, "no entries found; add an `entries:` list")
        errors = [p for p in self.problems if p.severity == "error"]
        if errors:
            # The warnings too: an author fixes everything in one pass.
            raise KnowledgeError(sorted(self.problems, key=_problem_order))
        return Knowledge(
            articles=dict(self.articles),
            entries=dict(self.entries),
            synonyms=tuple(self.synonyms),
            article_synonyms={a: tuple(groups) for a, groups in self.article_synonyms.items()},
            files=files,
            warnings=tuple(
                sorted((p for p in self.problems if p.severity != "error"), key=_problem_order)
            ),
            places=dict(self.places),
        )


def _problem_order(problem: Problem) -> tuple[str, int, int]:
    return (str(problem.path), problem.line, problem.column)


# -- quotes ------------------------------------------------------------------------------------

# Typographic quotes (left/right double, low double, left/right single, low single) and their
# plain forms; str.replace is much faster than str.translate on a long article.
_QUOTE_REPLACEMENTS = (
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201a", "'"),
)
# A sentence ends at . ! or ?, perhaps followed by a closing quote, before a capital or an
# opening quote; the space after it is dropped. Matched from the end mark on (the same splits
# as re.split(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d]))\s+(?=["\u201cA-Z])') of a normalised
# paragraph, whose whitespace is single spaces): the regex engine skips to the marks instead
# of trying two look-behinds at every position, ~4x faster on a long article, whose passages
# (bot.passages) are found when a question first looks at it.
_SENTENCE_END = LazyPattern(r'[.!?]["\u201d]?\s(?=["\u201cA-Z])')


def normalise_for_quote(text: str) -> str:
    """Only whitespace and typographic quotes are forgiven when matching a quote."""
    if not text.isascii():  # the typographic quotes are not ASCII
        for typographic, plain in _QUOTE_REPLACEMENTS:
            text = text.replace(typographic, plain)
    # Whitespace runs become one space, as re.sub(r"\s+", " ", text).strip() would do (both
    # go by str.isspace), several times faster.
    return " ".join(text.split())


def check_quote(quote: str, article: Article, normalised_text: str | None = None) -> str | None:
    """None when the quote is verbatim in the article, else a message with the closest passage.

    `normalised_text` is normalise_for_quote(article.text), when the caller has it already.
    """
    if normalised_text is None:
        normalised_text = normalise_for_quote(article.text)
    if normalise_for_quote(quote) in normalised_text:
        return None
    passage, similarity = closest_passage(quote, article.text)
    return (
        f"quote not found verbatim in article `{article.id}`; closest passage "
        f"({similarity:.0f}% similar): {passage!r} — copy the text exactly from the article"
    )


def article_sentences(text: str) -> list[str]:
    """The article split into sentences (paragraphs first, then sentence ends)."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = normalise_for_quote(paragraph)
        if not paragraph:
            continue
        start = 0
        for end in _SENTENCE_END.finditer(paragraph):
            sentences.append(paragraph[start : end.end() - 1])
            start = end.end()
        if start < len(paragraph):
            sentences.append(paragraph[start:])
    return sentences


def closest_passage(quote: str, text: str) -> tuple[str, float]:
    """The article sentence most like the quote, with its similarity in percent."""
    wanted = normalise_for_quote(quote)
    best, best_score = "", -1.0
    for sentence in article_sentences(text):
        # Most quotes are part of a sentence: compare them with the best-matching part.
        if len(wanted) < len(sentence):
            score = fuzz.partial_ratio(wanted, sentence)
        else:
            score = fuzz.ratio(wanted, sentence)
        if score > best_score:
            best, best_score = sentence, score
    return best, max(best_score, 0.0)


def _describe(node: Located) -> str:
    if node.kind == "mapping":
        return "a mapping"
    if node.kind == "sequence":
        return "a list"
    if node.kind == "null":
        return "nothing (an empty value)"
    return f"{node.kind} {node.value!r}"


def _quote_hint(node: Located, written: str, split: bool = False) -> str:
    if node.kind in ("int", "float"):
        if split:
            return (
                f" — YAML read this as a number; a comma inside [ ] splits `{written}` into "
                f'{written.count(",") + 1} items: put the text in double quotes, e.g. "{written}"'
            )
        return f' — YAML read this as a number: put it in double quotes, e.g. "{written}"'
    if node.kind == "mapping":
        return " — a ': ' inside unquoted text starts a mapping: put the text in double quotes"
    if node.kind == "bool":
        return (
            f" — YAML reads yes/no/true/false/on/off as booleans: put the text in double "
            f'quotes, e.g. "{written}"'
        )
    if node.kind == "sequence":
        return " — [ ] starts a list: put the text in double quotes"
    return ""


def _did_you_mean(name: str, known: Iterable[str]) -> str:
    """' did you mean `x`?' for a near miss (typo), else ''."""
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    return f" did you mean `{close[0]}`?" if close else ""


def _unfinished_parts(questions: list[str], answer: str | None) -> list[str]:
    """What a drafted entry still lacks: the parts that are still the TODO marker."""
    parts = []
    if any(q.startswith(TODO_MARKER) for q in questions):
        parts.append("questions")
    if answer is not None and answer.startswith(TODO_MARKER):
        parts.append("answer")
    return parts


def _syntax_problem(path: Path, exc: YamlSyntaxError) -> Problem:
    """The parser's problem, in an author's words when PyYAML's are not."""
    import yaml

    cause = exc.__cause__
    if isinstance(cause, yaml.reader.ReaderError):
        line, column = _line_column(path, cause.position)
        character = cause.character if isinstance(cause.character, int) else ord(cause.character)
        what = "a NUL byte" if character == 0 else f"the control character U+{character:04X}"
        return Problem(
            path,
            line,
            column,
            f"the file contains {what}, which YAML does not allow; is it a binary file, or "
            "saved in another encoding? Save it as plain UTF-8 text without that character",
        )
    return Problem(path, exc.line, exc.column, exc.message)


def _line_column(path: Path, position: int) -> tuple[int, int]:
    try:
        before = path.read_text(encoding="utf-8")[:position]
    except (OSError, UnicodeDecodeError):
        return 1, 1
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
