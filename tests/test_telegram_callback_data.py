"""Button data (bot/telegram/callback_data.py): versioned, round-tripping, carrying the record
id, and within Telegram's 64 bytes."""

from __future__ import annotations

import pytest

from bot.telegram.callback_data import (
    MAX_BYTES,
    Action,
    Press,
    decode,
    encode,
    entry_ref,
    resolve_entry,
)

RECORD = "0123456789abcdef"


def test_callback_data_round_trips_and_is_versioned() -> None:
    assert encode(Action.ANSWER_IN_PLACE, "deal-value") == "1:a:deal-value"
    assert encode(Action.NONE_OF_THESE) == "1:n"
    assert decode("1:a:deal-value") == Press(Action.ANSWER_IN_PLACE, "deal-value")
    assert decode("1:q:overview") == Press(Action.ANSWER_NEW, "overview")
    assert decode("1:n") == Press(Action.NONE_OF_THESE)
    assert decode("1:t:2") == Press(Action.TOPICS_PAGE, "2")
    for old_or_bad in [
        "",
        None,
        "a:deal-value",
        "0:a:x",
        "2:a:x",
        "1:z:x",
        "1:a",
        "1:n:x",
        "1:t:x",
    ]:
        assert decode(old_or_bad) is None


def test_long_entry_ids_are_hashed_to_fit_64_bytes() -> None:
    long_id = "an-entry-id-" + "x" * 80
    ref = entry_ref(long_id)
    assert ref.startswith("#")
    data = encode(Action.ANSWER_NEW, ref)
    assert len(data.encode()) <= MAX_BYTES
    assert resolve_entry(ref, ["other", long_id]) == long_id
    assert resolve_entry("deal-value", ["deal-value"]) == "deal-value"
    assert resolve_entry("gone", ["deal-value"]) is None
    with pytest.raises(ValueError):
        encode(Action.ANSWER_NEW, "x" * 70)


def test_buttons_carry_the_record_and_old_buttons_still_decode() -> None:
    assert encode(Action.ANSWER_IN_PLACE, "closure", RECORD) == f"1:a:closure:{RECORD}"
    assert decode(f"1:a:closure:{RECORD}") == Press(Action.ANSWER_IN_PLACE, "closure", RECORD)
    assert decode("1:a:closure") == Press(Action.ANSWER_IN_PLACE, "closure")  # sent before
    assert decode(f"1:u:{RECORD}") == Press(Action.VOTE_UP, record=RECORD)
    assert decode(f"1:d:{RECORD}") == Press(Action.VOTE_DOWN, record=RECORD)
    for bad in (
        "1:u",
        "1:u:not-hex!",
        f"1:u:{RECORD}:x",
        f"1:q:closure:{RECORD}",  # only in-place answers carry a record
        "1:a:closure:NOTHEX",
        f"1:a:closure:{RECORD}:more",
        f"1:a::{RECORD}",
        "1:t:1:2",
    ):
        assert decode(bad) is None, bad


def test_the_longest_button_data_still_fits_64_bytes() -> None:
    for length in range(1, 120):
        entry_id = "e" * length
        data = encode(Action.ANSWER_IN_PLACE, entry_ref(entry_id), RECORD)
        assert len(data.encode()) <= MAX_BYTES
        assert decode(data) == Press(Action.ANSWER_IN_PLACE, entry_ref(entry_id), RECORD)
