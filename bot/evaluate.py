"""Measuring answer quality on a question file in the format of shared/eval/dev.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.engine import Engine
from bot.errors import UserError
from bot.model import Result


class EvalFileError(UserError):
    """The question file cannot be read or has the wrong shape."""


@dataclass(frozen=True)
class InScopeItem:
    question: str
    expect: tuple[tuple[str, ...], ...]


@dataclass
class Report:
    in_scope_total: int = 0
    in_scope_correct: int = 0
    out_of_scope_total: int = 0
    out_of_scope_declined: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def in_scope_accuracy(self) -> float:
        return self.in_scope_correct / self.in_scope_total if self.in_scope_total else 1.0

    @property
    def out_of_scope_rejection(self) -> float:
        return (
            self.out_of_scope_declined / self.out_of_scope_total if self.out_of_scope_total else 1.0
        )


def load_eval_file(path: Path) -> tuple[list[InScopeItem], list[str]]:
    """The in-scope items (question and expected facts) and the out-of-scope questions."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalFileError(f"{path}: cannot read the file: {exc.strerror}") from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise EvalFileError(f"{where}: YAML syntax error: {exc.problem}") from exc
    if not isinstance(data, dict):
        raise EvalFileError(f"{path}: expected a mapping with `in_scope` and `out_of_scope`")
    in_scope = []
    for item in data.get("in_scope") or []:
        if not isinstance(item, dict) or "q" not in item or not item.get("expect"):
            raise EvalFileError(f"{path}: every in_scope item needs `q` and `expect`: {item!r}")
        in_scope.append(InScopeItem(str(item["q"]), _expect_groups(item.get("expect"))))
    out_of_scope = []
    for item in data.get("out_of_scope") or []:
        if not isinstance(item, dict) or "q" not in item:
            raise EvalFileError(f"{path}: every out_of_scope item needs `q`: {item!r}")
        out_of_scope.append(str(item["q"]))
    return in_scope, out_of_scope


def _expect_groups(expect: object) -> tuple[tuple[str, ...], ...]:
    """`[[a, b], [c]]` means (a or b) and c; a bare text is one group of one alternative.

    Without this, `expect: [77m]` or `expect: 77m` would be read letter by letter, and an
    answer containing "7" or "m" would count as correct.
    """
    if expect is None:
        return ()
    if not isinstance(expect, list):
        expect = [expect]
    return tuple(
        tuple(str(alt) for alt in group) if isinstance(group, list) else (str(group),)
        for group in expect
    )


def is_correct(result: Result, expect: tuple[tuple[str, ...], ...]) -> bool:
    """Answered, and answer + quote contain one alternative of every expected group."""
    if not result.answered or result.entry is None:
        return False
    haystack = f"{result.entry.answer}\n{result.entry.quote}".lower()
    return all(any(alt.lower() in haystack for alt in group) for group in expect)


def describe(result: Result) -> str:
    if result.answered and result.entry:
        return f"answered {result.entry.id} ({result.confidence:.2f}): {result.entry.answer!r}"
    if result.suggestions:
        ids = ", ".join(s.entry_id for s in result.suggestions)
        return f"unsure ({result.confidence:.2f}), suggested {ids}"
    return f"no match ({result.confidence:.2f})"


def evaluate(engine: Engine, in_scope: list[InScopeItem], out_of_scope: list[str]) -> Report:
    report = Report()
    for item in in_scope:
        result = engine.ask(item.question)
        report.in_scope_total += 1
        if is_correct(result, item.expect):
            report.in_scope_correct += 1
        else:
            report.failures.append(f"in-scope     {item.question!r}: {describe(result)}")
    for question in out_of_scope:
        result = engine.ask(question)
        report.out_of_scope_total += 1
        if result.answered:
            report.failures.append(f"out-of-scope {question!r}: {describe(result)}")
        else:
            report.out_of_scope_declined += 1
    return report
