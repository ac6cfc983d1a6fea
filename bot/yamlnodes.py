"""YAML parsing that keeps line and column numbers, so every problem can point at its place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import yaml


class Located(NamedTuple):
    """A YAML value with the 1-based position where it starts.

    (A named tuple: a knowledge file has hundreds of thousands of them, and a tuple is built
    in a fraction of the time of a frozen dataclass.)
    """

    value: Any
    line: int
    column: int
    kind: str  # "mapping", "sequence", "str", "int", "float", "bool", "null", ...

    @property
    def pairs(self) -> list[tuple[Located, Located]]:
        """(key, value) pairs of a mapping, in file order, duplicate keys included."""
        assert self.kind == "mapping"
        return list(self.value)

    @property
    def elements(self) -> list[Located]:
        assert self.kind == "sequence"
        return list(self.value)


class YamlSyntaxError(Exception):
    """A file that is not valid YAML, with the position and a hint."""

    def __init__(self, path: Path, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column
        self.message = message


# Knowledge files nest four levels (the file, entries, an entry, its questions); this leaves
# room for any sensible layout, and keeps the recursive steps far from Python's limit.
MAX_DEPTH = 20
ALIAS_MESSAGE = (
    "YAML aliases (*name) are not allowed in knowledge files: write the value out in full"
)
ANCHOR_MESSAGE = (
    "YAML anchors (&name) are not allowed in knowledge files: remove the &name and write the "
    "value out wherever it is needed"
)
# Values a file may hold: knowledge files use 20 bytes or more per value, a file made to
# exhaust the machine far fewer ("[a,a,a,..."); such a file stops here, early.
MIN_VALUES_LIMIT = 100_000
BYTES_PER_VALUE = 12
# Larger files are read by libyaml even when they are not in the plain subset: the
# pure-Python parser takes 5 seconds a megabyte (see _compose).
LARGE_TEXT = 256 * 1024
DEPTH_MESSAGE = (
    f"nested more than {MAX_DEPTH} levels deep; a knowledge file needs four (entries, an entry, "
    "its questions): check the indentation and the brackets"
)


class _Refused(Exception):
    """YAML that parses, but that no knowledge file needs and that could exhaust the machine."""

    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.line = mark.line + 1 if mark is not None else 1
        self.column = mark.column + 1 if mark is not None else 1
        self.message = message


_SCALAR_KINDS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
}


def parse_file(path: Path) -> Located | None:
    """Parse one YAML file into Located nodes; None for an empty file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(
            path, 1, 1, f"not UTF-8 text ({exc.reason}); save it as UTF-8"
        ) from exc
    return parse_text(text, path)


# libyaml's parser (when PyYAML was built with it) is about ten times faster than the
# pure-Python one, but the two disagree on some unusual YAML: libyaml accepts `[What is it?]`,
# tabs inside text and more that the pure-Python parser rejects (with the messages and
# positions the hints below are written for), and counts columns differently after a BOM or
# a NEL. So libyaml only reads files written entirely in the plain subset that knowledge files
# use, where both are the same algorithm on the same characters: every line is blank, a
# comment, or `- ` items and/or a `key:` with a one-line value (plain words, a "double-quoted"
# text with only \" \\ \uXXXX escapes, a 'single-quoted' text, or a one-line [list] of those).
# Everything else, syntax errors included, goes to the pure-Python parser as before.
_FAST_LOADER: type[Any] | None = getattr(yaml, "CSafeLoader", None)
_PLAIN = r"[A-Za-z0-9_][A-Za-z0-9_.-]*(?: [A-Za-z0-9_][A-Za-z0-9_.-]*)*"
# \" \\ and \uXXXX for U+00A0 to U+CFFF (no control characters, surrogates or BOM)
_ESCAPE = (
    r"\\(?:[\"\\]"
    r"|u(?:00[a-fA-F][0-9a-fA-F]|0[1-9a-fA-F][0-9a-fA-F]{2}|[1-9a-cA-C][0-9a-fA-F]{3}))"
)
_DOUBLE_QUOTED = rf'"[^"\\\n]*(?:{_ESCAPE}[^"\\\n]*)*"'
_SINGLE_QUOTED = r"'[^'\n]*(?:''[^'\n]*)*'"
_SCALAR = f"(?:{_DOUBLE_QUOTED}|{_PLAIN}|{_SINGLE_QUOTED})"
_FLOW_LIST = rf"\[ *(?:{_SCALAR}(?: *, *{_SCALAR})* *)?\]"
_VALUE = f"(?:{_SCALAR}|{_FLOW_LIST})"
_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
# Indented at most 80 spaces, with at most MAX_DEPTH "- ": deeper nesting goes to the
# pure-Python parser, which refuses it; what libyaml reads stays far from the recursion limit.
_ITEMS = rf"(?:- +){{0,{MAX_DEPTH}}}"
_LINE = rf" {{0,80}}(?:#.*|{_ITEMS}(?:{_KEY}:(?: +{_VALUE})?|{_VALUE})?(?: +#.*)? *)"
# One line at a time, never revisited (atomic groups): linear time even on texts that fail.
_PLAIN_SUBSET = re.compile(rf"(?>{_LINE}\n)*(?>{_LINE}\Z)")
# Characters the two parsers treat differently (tab, CR, NEL, line/paragraph separators,
# BOM) or reject with different messages (other control characters, surrogates, non-characters):
# everything but a newline, printable ASCII, \xa0-\ud7ff, \ue000-\ufffd except the BOM, and
# the astral planes. (Written as the characters it finds, which compiles much faster.)
_UNUSUAL_CHAR = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")


def _in_plain_subset(text: str) -> bool:
    return _UNUSUAL_CHAR.search(text) is None and _PLAIN_SUBSET.fullmatch(text) is not None


def parse_text(text: str, path: Path) -> Located | None:
    """The document in `text` as Located values; None when it holds none."""
    return _compose(text, path)


def values_limit(text: str) -> int:
    """How many values (scalars, lists, mappings) a text of this size may hold."""
    return max(MIN_VALUES_LIMIT, len(text) // BYTES_PER_VALUE)


def _compose(text: str, path: Path) -> Located | None:
    """The document, as the pure-Python parser reads it (faster when it can).

    Built straight from the parser's events, without PyYAML's node tree (a dozen objects per
    value: 800 MB for a dense 2 MB file) and without recursion; anchors, aliases, deep
    nesting and too many values are refused on the way (_build).
    """
    limit = values_limit(text)
    large = len(text) > LARGE_TEXT
    if _FAST_LOADER is not None and (large or _in_plain_subset(text)):
        try:
            return _build(yaml.parse(text, Loader=_FAST_LOADER), limit)
        except _Refused as exc:
            raise YamlSyntaxError(path, exc.line, exc.column, exc.message) from None
        except yaml.YAMLError as exc:
            if large:  # libyaml's message and position: the Python parser would take long
                raise _syntax_error(path, exc) from exc
            # parse again below for the pure-Python parser's message and position
    try:
        return _build(yaml.parse(text, Loader=yaml.SafeLoader), limit)
    except _Refused as exc:
        raise YamlSyntaxError(path, exc.line, exc.column, exc.message) from None
    except yaml.YAMLError as exc:
        raise _syntax_error(path, exc) from exc


def _syntax_error(path: Path, exc: yaml.YAMLError) -> YamlSyntaxError:
    """The located problem of a parser error."""
    if not isinstance(exc, yaml.MarkedYAMLError):
        return YamlSyntaxError(path, 1, 1, f"YAML error: {exc}")
    mark = exc.problem_mark or exc.context_mark
    if _unclosed_quote(exc) and exc.context_mark:
        # The problem is found at the end of the file; the mistake is the opening quote.
        mark = exc.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    problem = exc.problem or "invalid YAML"
    if exc.context:
        problem = f"{exc.context}, {problem}"
    return YamlSyntaxError(path, line, column, f"YAML syntax error: {problem}{_hint(problem)}")


_Open = tuple[list[Any], int, int, str]  # the children so far, line, column, kind


def _build(events: Iterator[Any], limit: int) -> Located | None:
    """The single document of an event stream as Located values, as yaml.compose and
    _convert would build it; raises _Refused for anchors, aliases, nesting deeper than
    MAX_DEPTH and more than `limit` values."""
    open_: list[_Open] = []
    root: Located | None = None
    documents = 0
    first_document: Any = None
    values = 0
    for event in events:
        mark: Any = event.start_mark
        if isinstance(event, yaml.NodeEvent):
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(mark, ALIAS_MESSAGE)
            if event.anchor is not None:
                raise _Refused(mark, ANCHOR_MESSAGE)
            values += 1
            if values > limit:
                raise _Refused(mark, _too_many(limit))
            if isinstance(event, yaml.ScalarEvent):
                node = _scalar(event)
            else:
                if len(open_) >= MAX_DEPTH:
                    raise _Refused(mark, DEPTH_MESSAGE)
                kind = "mapping" if isinstance(event, yaml.MappingStartEvent) else "sequence"
                open_.append(([], mark.line + 1, mark.column + 1, kind))
                continue
        elif isinstance(event, yaml.CollectionEndEvent):
            children, line, column, kind = open_.pop()
            pairs = kind == "mapping"
            value = list(zip(children[0::2], children[1::2], strict=True)) if pairs else children
            node = Located(value, line, column, kind)
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise yaml.composer.ComposerError(
                    "expected a single document in the stream",
                    first_document,
                    "but found another document",
                    mark,
                )
            first_document = mark
            continue
        else:
            continue
        if open_:
            open_[-1][0].append(node)
        else:
            root = node
    return root


def _too_many(limit: int) -> str:
    return (
        f"more than {limit:,} values in one file; a knowledge file needs far fewer: split it "
        "into one file per article"
    )


_RESOLVER = yaml.resolver.Resolver()


def _scalar(event: Any) -> Located:  # a yaml.ScalarEvent (the stubs type marks loosely)
    """A scalar as _convert builds it from the node yaml.compose would make of it."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    mark = event.start_mark
    if tag == _STR_TAG:
        return Located(event.value, mark.line + 1, mark.column + 1, "str")
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    return _convert(node)


def _unclosed_quote(exc: yaml.MarkedYAMLError) -> bool:
    return (
        exc.context == "while scanning a quoted scalar"
        and exc.problem == "found unexpected end of stream"
    )


def _hint(problem: str) -> str:
    if "quoted scalar, found unexpected end of stream" in problem:
        return " (the quote that opens here is never closed: add the closing quote)"
    if "mapping values are not allowed" in problem:
        return (
            " (a ': ' inside unquoted text starts a mapping: put the whole text in double quotes)"
        )
    if "could not find expected ':'" in problem or "expected ',' or ']'" in problem:
        return " (check the brackets and quotes; text with ',', ':' or '#' needs double quotes)"
    if "found character '\\t'" in problem:
        return " (indent with spaces, not tabs)"
    return " (fix the YAML at this place; text with special characters needs double quotes)"


def _convert(node: yaml.Node) -> Located:
    mark = node.start_mark
    line, column = mark.line + 1, mark.column + 1
    if isinstance(node, yaml.ScalarNode):  # most nodes: tested first
        kind = _SCALAR_KINDS.get(node.tag, "other")
        value = _scalar_value(node)
        if kind == "other":
            kind = type(value).__name__
        return Located(value, line, column, kind)
    if isinstance(node, yaml.MappingNode):
        # Pairs, not a dict: duplicate keys must survive so they can be reported.
        pairs = [(_convert(key), _convert(value)) for key, value in node.value]
        return Located(pairs, line, column, "mapping")
    assert isinstance(node, yaml.SequenceNode)
    return Located([_convert(child) for child in node.value], line, column, "sequence")


_STR_TAG = "tag:yaml.org,2002:str"
# One constructor for every file: building a loader per scalar cost more than the parsing.
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar_value(node: yaml.ScalarNode) -> Any:
    """The value SafeLoader would build for a scalar."""
    if node.tag == _STR_TAG:
        return node.value  # text is the node's own value: the common case, kept cheap
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    finally:
        # The constructor remembers every node it built; forget them, so that nothing of one
        # file is kept alive by, or leaks into, the next.
        _CONSTRUCTOR.constructed_objects.clear()
        _CONSTRUCTOR.recursive_objects.clear()
