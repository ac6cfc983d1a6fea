"""YAML parsing that keeps line and column numbers, so every problem can point at its place."""

from __future__ import annotations

import re
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


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without anchors and aliases (a 500-byte "billion laughs" file would expand to
    gigabytes), and without nesting deeper than MAX_DEPTH (the recursive steps would hit
    Python's recursion limit)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, ALIAS_MESSAGE)
        if getattr(event, "anchor", None) is not None:
            raise _Refused(event.start_mark, ANCHOR_MESSAGE)
        if self._depth >= MAX_DEPTH:
            raise _Refused(event.start_mark, DEPTH_MESSAGE)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


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
    node = _compose(text, path)
    if node is None:
        return None
    return _convert(node)


def _compose(text: str, path: Path) -> yaml.Node | None:
    """The document's root node, as the pure-Python parser builds it (faster when it can)."""
    if _FAST_LOADER is not None and _in_plain_subset(text):
        try:
            node: yaml.Node | None = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass  # parse again below for the pure-Python parser's message and position
        else:
            return node
    try:
        return yaml.compose(text, Loader=_StrictLoader)
    except _Refused as exc:
        raise YamlSyntaxError(path, exc.line, exc.column, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if _unclosed_quote(exc) and exc.context_mark:
            # The problem is found at the end of the file; the mistake is the opening quote.
            mark = exc.context_mark
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        problem = exc.problem or "invalid YAML"
        if exc.context:
            problem = f"{exc.context}, {problem}"
        raise YamlSyntaxError(
            path, line, column, f"YAML syntax error: {problem}{_hint(problem)}"
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(path, 1, 1, f"YAML error: {exc}") from exc


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
