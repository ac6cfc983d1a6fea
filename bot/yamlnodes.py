"""YAML parsing that keeps line and column numbers, so every problem can point at its place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Located:
    """A YAML value with the 1-based position where it starts."""

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


def parse_text(text: str, path: Path) -> Located | None:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
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
    if node is None:
        return None
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
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        # Pairs, not a dict: duplicate keys must survive so they can be reported.
        pairs = [(_convert(key), _convert(value)) for key, value in node.value]
        return Located(pairs, line, column, "mapping")
    if isinstance(node, yaml.SequenceNode):
        return Located([_convert(child) for child in node.value], line, column, "sequence")
    assert isinstance(node, yaml.ScalarNode)
    kind = _SCALAR_KINDS.get(node.tag, "other")
    constructor = yaml.SafeLoader("")
    value = constructor.construct_object(node, deep=True)
    if kind == "other":
        kind = type(value).__name__
    return Located(value, line, column, kind)
