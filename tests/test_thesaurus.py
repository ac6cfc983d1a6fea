"""The built-in everyday synonyms: each word means one thing."""

from __future__ import annotations

from bot import text, thesaurus


def test_no_word_is_in_two_groups() -> None:
    # The first group naming a stem wins (matcher.Analyzer), so a word repeated in a later
    # group would silently not join it: only a line's first word may name an earlier group.
    seen: dict[str, int] = {}
    for number, group in enumerate(thesaurus.GROUPS):
        stems = [text.stem(w) for w in group]
        for stem in stems[1:]:
            assert seen.get(stem, number) == number, (
                f"{stem!r} of {' '.join(group)!r} is in an earlier group too"
            )
        for stem in stems:
            seen.setdefault(stem, number)


def test_lines_that_continue_a_group_join_it() -> None:
    from bot.matcher import Analyzer

    words = Analyzer(thesaurus.GROUPS)
    # A campaign in a local story is its petition ("how many back the campaign").
    assert words.term("campaigners") == words.term("signatures")
    assert words.term("funding") == words.term("cost") == words.term("contributions")
    assert words.term("visitors") == words.term("passengers")
