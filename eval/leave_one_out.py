"""Leave-one-variant-out: each wording of each entry, taken out of the knowledge, asked back.

A wording the knowledge no longer holds is a question in the author's style that the engine
has not seen: the share answered by its own entry measures how well the rest of an entry's
wordings, its answer and quote generalise. The share whose best-scoring candidate is its own
entry, answered or not, is printed too: that is the measure issue 8 quoted ("83% today", with
the engine of c8c4f30: 284/342). Run from the checkout:

    python eval/leave_one_out.py [KNOWLEDGE_FOLDER]
"""

from __future__ import annotations

import sys

from bot.engine import Engine
from bot.knowledge import load_knowledge


def main(argv: list[str]) -> int:
    knowledge = load_knowledge(argv[0] if argv else None)
    asked = answered_right = ranked_first = 0
    for entry_id, entry in knowledge.entries.items():
        if len(entry.questions) < 2:
            continue  # an entry keeps at least one wording
        for position, wording in enumerate(entry.questions):
            kept = entry.questions[:position] + entry.questions[position + 1 :]
            entries = dict(knowledge.entries)
            entries[entry_id] = entry._replace(questions=kept)
            engine = Engine(knowledge.with_entries(entries))
            result = engine.ask(wording, explain=True)
            asked += 1
            if result.answered and result.entry is not None and result.entry.id == entry_id:
                answered_right += 1
            candidates = result.explanation.candidates if result.explanation else ()
            if candidates and candidates[0].entry_id == entry_id:
                ranked_first += 1
    print(f"leave-one-variant-out: {answered_right}/{asked} = {answered_right / asked:.1%}")
    print(f"  its own entry ranked first: {ranked_first}/{asked} = {ranked_first / asked:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
