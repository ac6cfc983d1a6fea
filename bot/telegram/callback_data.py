"""Button payloads (callback_data): compact, versioned, never over Telegram's 64 bytes.

Version 1 reads "1:<action>[:<argument>[:<record>]]":

    1:a:<entry>[:<record>]  answer the entry in place: the "Did you mean…" message becomes the
                            answer; <record> is the unsure question's id in the question log
    1:q:<entry>             answer the entry in a new message: an example or a follow-up
    1:n                     none of the suggestions fit: the message becomes a friendly fallback
    1:t:<page>              show that page of /topics, in place
    1:u:<record>            👍 on the answer to that question
    1:d:<record>            👎 on it

<entry> is the entry id, or "#" and a hash of it when the id would not fit; <record> is a
question log id (hex). Entry ids never contain ":". The record part and the u/d actions were
added later: "1:a:<entry>" buttons sent before still work (nothing is noted in the log).
Data of another version or shape comes from an old button: it is answered politely and
never acted on.
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

VERSION = "1"
MAX_BYTES = 64
RECORD_CHARS = 16  # the question log's ids: 8 random bytes in hex
_HASH_PREFIX = "#"
_RECORD_RE = re.compile(r"[0-9a-f]{8,32}")
# Room for the longest shape, "1:a:<entry>:<record>".
_ENTRY_ROOM = MAX_BYTES - len(f"{VERSION}:a::") - RECORD_CHARS


class Action(enum.StrEnum):
    """What pressing a button does."""

    ANSWER_IN_PLACE = "a"
    ANSWER_NEW = "q"
    NONE_OF_THESE = "n"
    TOPICS_PAGE = "t"
    VOTE_UP = "u"
    VOTE_DOWN = "d"


VOTES = {Action.VOTE_UP: 1, Action.VOTE_DOWN: -1}


@dataclass(frozen=True)
class Press:
    """A decoded button press."""

    action: Action
    argument: str = ""
    record: str = ""  # the question log id the press is about, if any


def encode(action: Action, argument: str = "", record: str = "") -> str:
    """The callback_data of a button; raises ValueError if it would exceed 64 bytes."""
    data = f"{VERSION}:{action.value}" + "".join(f":{part}" for part in (argument, record) if part)
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def entry_ref(entry_id: str) -> str:
    """How a button names an entry: its id, or a short hash of a long id."""
    if len(entry_id.encode()) <= _ENTRY_ROOM:
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
    if action is Action.NONE_OF_THESE:
        return None if argument else Press(action)
    if action in VOTES:
        return Press(action, record=argument) if _RECORD_RE.fullmatch(argument) else None
    argument, _, record = argument.partition(":")
    if not argument or ":" in record:
        return None
    if record and (action is not Action.ANSWER_IN_PLACE or not _RECORD_RE.fullmatch(record)):
        return None
    # ASCII digits only: "²".isdigit() is true, and int("²") raises.
    if action is Action.TOPICS_PAGE and not (argument.isascii() and argument.isdigit()):
        return None
    return Press(action, argument, record)
