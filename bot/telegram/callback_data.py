"""Button payloads (callback_data): compact, versioned, never over Telegram's 64 bytes.

Version 1 reads "1:<action>[:<argument>]":

    1:a:<entry>   answer the entry in place: the "Did you mean…" message becomes the answer
    1:q:<entry>   answer the entry in a new message: an example or a follow-up question
    1:n           none of the suggestions fit: the message becomes a friendly fallback
    1:t:<page>    show that page of /topics, in place

<entry> is the entry id, or "#" and a hash of it when the id would not fit. Data of another
version or shape comes from an old button: it is answered politely and never acted on.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

VERSION = "1"
MAX_BYTES = 64
_HASH_PREFIX = "#"


class Action(enum.StrEnum):
    """What pressing a button does."""

    ANSWER_IN_PLACE = "a"
    ANSWER_NEW = "q"
    NONE_OF_THESE = "n"
    TOPICS_PAGE = "t"


@dataclass(frozen=True)
class Press:
    """A decoded button press."""

    action: Action
    argument: str = ""


def encode(action: Action, argument: str = "") -> str:
    """The callback_data of a button; raises ValueError if it would exceed 64 bytes."""
    data = f"{VERSION}:{action.value}" + (f":{argument}" if argument else "")
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def entry_ref(entry_id: str) -> str:
    """How a button names an entry: its id, or a short hash of a very long id."""
    if len(entry_id.encode()) <= MAX_BYTES - len(f"{VERSION}:a:"):
        return entry_id
    return _HASH_PREFIX + hashlib.blake2s(entry_id.encode(), digest_size=8).hexdigest()


def resolve_entry(ref: str, entry_ids: Iterable[str]) -> str | None:
    """The id of the entry a button names, if the current knowledge still has it."""
    ids = set(entry_ids)
    if not ref.startswith(_HASH_PREFIX):
        return ref if ref in ids else None
    return next((i for i in ids if entry_ref(i) == ref), None)


def decode(data: str | None) -> Press | None:
    """The press a button's data stands for; None for data this version does not know."""
    if not data:
        return None
    version, _, rest = data.partition(":")
    if version != VERSION:
        return None
    action_code, _, argument = rest.partition(":")
    try:
        action = Action(action_code)
    except ValueError:
        return None
    needs_argument = action is not Action.NONE_OF_THESE
    if needs_argument != bool(argument):
        return None
    if action is Action.TOPICS_PAGE and not argument.isdigit():
        return None
    return Press(action, argument)
