"""Checks of a loaded knowledge base that need the matcher: variants that point elsewhere."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bot import decision
from bot.engine import Engine
from bot.knowledge import Problem
from bot.model import Entry


def ambiguous_variants(engine: Engine, entries: Iterable[Entry] | None = None) -> list[Problem]:
    """Warnings for question variants that match another entry at least as well as their own,
    or that match nothing at all (of `entries`, by default all)."""
    warnings = []
    places = engine.knowledge.places
    for entry in engine.knowledge.entries.values() if entries is None else entries:
        variant_places = places[entry.id].questions if entry.id in places else ()
        for number, variant in enumerate(entry.questions):
            # The variant's own line when known (so an editor jumps to it), else the entry's.
            line, column = (
                variant_places[number] if number < len(variant_places) else (entry.line, 1)
            )
            query = engine.index.analyse(variant)
            candidates = engine.matcher.candidates(query)
            own = next((c for c in candidates if c.entry_id == entry.id), None)
            # A rival that does not answer what the variant asks (the kind of fact, a name)
            # is never chosen over its own entry.
            rival = next(
                (
                    c
                    for c in candidates
                    if c.entry_id != entry.id and decision.objection(query, c) is None
                ),
                None,
            )
            if not candidates:
                warnings.append(
                    Problem(
                        entry.source_file or Path("?"),
                        line,
                        column,
                        f"variant {variant!r} matches no entry, not even its own: it has no "
                        "word the matcher can use (question words and filler are ignored); "
                        "add a word about the subject",
                        entry.id,
                        severity="warning",
                    )
                )
                continue
            if rival is None:
                continue
            if own is None or rival.confidence >= own.confidence:
                own_score = f"{own.confidence:.2f}" if own else "0"
                warnings.append(
                    Problem(
                        entry.source_file or Path("?"),
                        line,
                        column,
                        f"variant {variant!r} matches entry `{rival.entry_id}` "
                        f"({rival.confidence:.2f}) at least as well as its own ({own_score}); "
                        "reword it or move it",
                        entry.id,
                        severity="warning",
                    )
                )
    return warnings
