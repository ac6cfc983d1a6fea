"""A fake Telegram Bot API server for the test-suite.

It serves ``POST /bot<TOKEN>/<method>`` on 127.0.0.1 so that a real python-telegram-bot
``Bot`` / ``Application`` can run against it, and it checks what the bot sends the way
Telegram does: HTML is parsed like TDLib's ``parse_html``, text length is counted in UTF-16
code units after parsing, inline keyboards, callback query ids and inline results are
validated, ``getUpdates`` long-polls and confirms updates by offset.

Typical use (see ``tests/conftest.py`` for the ``fake_api`` fixture)::

    app = ApplicationBuilder().token(api.token).base_url(api.base_url).build()
    ...
    api.send_text("hello", user_id=42)
    [call] = await api.wait_for_call("sendMessage")

Where it deliberately differs from Telegram, see the :class:`FakeBotApi` docstring.
Run it by hand with ``python -m tests.fakebotapi --port 8081 --token T``; lines typed on
stdin are delivered to the bot as private text messages.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import copy
import email.parser
import email.policy
import itertools
import json
import logging
import re
import select
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Protocol, TypeVar
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "DEFAULT_TOKEN",
    "DEFAULT_USER_ID",
    "ApiError",
    "Call",
    "ErrorRecord",
    "FakeBotApi",
    "HtmlParseError",
    "MessageLike",
    "MessageRef",
    "UploadedFile",
    "check_link",
    "detect_entities",
    "parse_html",
    "utf16_len",
]

JSONDict = dict[str, Any]
T = TypeVar("T")


class MessageLike(Protocol):
    """Anything with ``chat_id`` and ``message_id``, e.g. a ``telegram.Message``."""

    @property
    def chat_id(self) -> int: ...

    @property
    def message_id(self) -> int: ...


# A message given as dict (as the fake returns them), (chat_id, message_id) or PTB Message.
MessageRef = Mapping[str, Any] | tuple[int, int] | MessageLike

log = logging.getLogger(__name__)

DEFAULT_TOKEN = "7000000001:AAF4keT0kenF0rTheTestSuite-0123456789"
DEFAULT_USER_ID = 1001
MAX_MESSAGE_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_RESULTS = 50
MAX_CALLBACK_ANSWER_LENGTH = 200

_QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_NGINX_PAGE = (
    "<html>\r\n<head><title>{code} {phrase}</title></head>\r\n<body>\r\n"
    "<center><h1>{code} {phrase}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n"
)
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected error",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

# How the Bot API reads form fields: these hold JSON, numbers or booleans, the rest is text.
_JSON_FIELDS = frozenset(
    (
        "allowed_updates button caption_entities commands entities explanation_entities "
        "input_message_content link_preview_options media menu_button message_ids options "
        "reaction reply_markup reply_parameters results rights scope"
    ).split()
)
_INT_FIELDS = frozenset(
    (
        "cache_time limit max_connections message_id message_thread_id offset reply_to_message_id "
        "timeout user_id"
    ).split()
)
_CHAT_ID_FIELDS = frozenset({"chat_id", "from_chat_id"})
_BOOL_FIELDS = frozenset(
    (
        "allow_paid_broadcast allow_sending_without_reply disable_notification "
        "disable_web_page_preview drop_pending_updates is_personal protect_content show_alert"
    ).split()
)
_JSON_FIELD_ERRORS = {
    "reply_markup": "can't parse reply keyboard markup JSON object",
    "entities": "can't parse entities JSON object",
}

_CHAT_ACTIONS = frozenset(
    (
        "typing upload_photo record_video upload_video record_voice upload_voice upload_document "
        "choose_sticker find_location record_video_note upload_video_note"
    ).split()
)
# Telegram uses the first of these that a button has (docs: exactly one must be set).
_BUTTON_ACTIONS = (
    "url",
    "login_url",
    "callback_data",
    "web_app",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_INLINE_RESULT_TYPES = frozenset(
    (
        "article audio contact document game gif location mpeg4_gif photo sticker venue video voice"
    ).split()
)
_USER_ENTITY_TYPES = frozenset(
    (
        "blockquote bold code custom_emoji expandable_blockquote italic pre spoiler strikethrough "
        "text_link text_mention underline"
    ).split()
)
# Sent entities of these types are dropped: Telegram finds them in the text itself.
_DETECTED_ENTITY_TYPES = frozenset(
    {"bot_command", "cashtag", "email", "hashtag", "mention", "phone_number", "url"}
)
_OPAQUE_ENTITY_TYPES = frozenset({"code", "pre", "text_link", "text_mention", "custom_emoji"})
# TDLib's MessageEntity::get_type_priority, used to order entities sharing a range.
_ENTITY_PRIORITY = {
    "blockquote": 0,
    "expandable_blockquote": 1,
    "pre": 11,
    "code": 20,
    "text_link": 49,
    "text_mention": 49,
    "bold": 90,
    "italic": 91,
    "underline": 92,
    "strikethrough": 93,
    "spoiler": 94,
    "custom_emoji": 99,
}
_TRIM_CHARS = " \t\n\r\v\f"


class ApiError(Exception):
    """An error answer of the Bot API: HTTP status and Telegram's description."""

    def __init__(self, status: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


class HtmlParseError(ValueError):
    """Raised by :func:`parse_html` with the text Telegram puts after "can't parse entities: "."""


class _ClientGone(Exception):
    """The client closed the connection while its long poll was waiting."""


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart/form-data request."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Call:
    """One request the server received; ``status`` stays None while it is being handled."""

    method: str
    params: JSONDict
    raw: dict[str, Any]
    content_type: str
    at: float
    status: int | None = None
    response: JSONDict | None = None

    @property
    def done(self) -> bool:
        """Whether the server has answered (or dropped) the request."""
        return self.status is not None

    @property
    def result(self) -> Any:
        """The ``result`` of a successful answer, else None."""
        return None if self.response is None else self.response.get("result")


@dataclass(frozen=True)
class ErrorRecord:
    """A 4xx/5xx answer the server gave; ``injected`` if it came from :meth:`fail_next`."""

    method: str
    status: int
    description: str
    params: JSONDict
    at: float
    injected: bool


@dataclass
class _Fault:
    status: int
    description: str
    retry_after: int | None
    html: bool
    delay: float
    disconnect: bool
    remaining: int


@dataclass(frozen=True)
class _Outcome:
    status: int
    body: bytes
    content_type: str
    delay: float = 0.0
    disconnect: bool = False


@dataclass(frozen=True)
class _Ctx:
    peer_closed: Callable[[], bool]


# --------------------------------------------------------------------------- text helpers


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit of Telegram offsets and limits."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _entity(kind: str, offset: int, length: int, **extra: Any) -> JSONDict:
    return {"type": kind, "offset": offset, "length": length, **extra}


def _sort_entities(entities: list[JSONDict]) -> list[JSONDict]:
    return sorted(
        entities,
        key=lambda e: (e["offset"], -e["length"], _ENTITY_PRIORITY.get(e["type"], 50)),
    )


_LINK_USER_RE = re.compile(r"tg:(?://)?user\?id=(\d+)", re.IGNORECASE)
_SCHEME_RE = re.compile(r"([a-z][a-z0-9+.-]*):(?!\d)")
_HOST_LABEL_RE = re.compile(r"(?!-)[\w-]{1,63}(?<!-)")


def _link_user_id(url: str) -> int | None:
    match = _LINK_USER_RE.fullmatch(url.strip())
    return int(match.group(1)) if match and int(match.group(1)) > 0 else None


def check_link(url: str) -> str:
    """Return Telegram's normalised form of a link, or raise ValueError with its reason.

    An approximation of TDLib's ``LinkManager::check_link``: http(s) with a dotted host
    (``example.com`` becomes ``http://example.com/``), ``tg:`` and ``ton:`` links.
    """
    link = url.strip()
    lower = link.lower()
    if not link:
        raise ValueError("URL host is empty")
    if lower.startswith(("tg:", "ton:", "tonsite:")):
        if len(link.split(":", 1)[1].lstrip("/")) == 0:
            raise ValueError("Wrong URL")
        return link
    if "://" in link:
        scheme, rest = link.split("://", 1)
        if scheme.lower() not in ("http", "https"):
            raise ValueError("Unsupported URL protocol")
        scheme = scheme.lower()
    elif _SCHEME_RE.match(lower):
        raise ValueError("Unsupported URL protocol")
    else:
        scheme, rest = "http", link
    cut = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    authority, tail = rest[:cut], rest[cut:]
    host = authority.rsplit("@", 1)[-1]
    host_only, _, port = host.partition(":")
    if not host_only:
        raise ValueError("URL host is empty")
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        raise ValueError("Wrong port number specified in the URL")
    labels = host_only.rstrip(".").split(".")
    is_ipv4 = len(labels) == 4 and all(p.isdigit() and int(p) < 256 for p in labels)
    tld = labels[-1]
    if not is_ipv4 and (
        len(labels) < 2
        or not all(_HOST_LABEL_RE.fullmatch(label) for label in labels)
        or not (tld.isalpha() or tld.lower().startswith("xn--"))
        or len(tld) < 2
    ):
        raise ValueError("Wrong HTTP URL")
    if any(ch.isspace() for ch in link):
        raise ValueError("Wrong HTTP URL")
    if not tail.startswith("/"):
        tail = "/" + tail
    return f"{scheme}://{authority}{tail}"


_MENTION_RE = re.compile(r"(?<!\w)@([A-Za-z0-9_]++)(?!\w)")
_COMMAND_RE = re.compile(r"(?<![\w/<>])/([A-Za-z0-9_]++)(?:@([A-Za-z0-9_]++))?(?![\w/<>@])")
_HASHTAG_RE = re.compile(r"(?<![\w\u200c])#([\w\u200c]++)(?!#)")
_URL_RE = re.compile(r"(?<![\w@/.])https?://[^\s<>\"]+", re.IGNORECASE)


def detect_entities(text: str) -> list[JSONDict]:
    """Entities Telegram finds in plain text by itself: mentions, bot commands, hashtags, URLs.

    Covers what a Q&A bot meets (``@user``, ``/cmd@bot``, ``#tag``, ``http(s)://...``);
    bare domains, e-mails, cashtags and phone numbers are not detected.
    """
    found: list[tuple[int, int, str]] = []
    for match in _MENTION_RE.finditer(text):
        if 2 <= len(match.group(1)) <= 32:
            found.append((match.start(), match.end(), "mention"))
    for match in _COMMAND_RE.finditer(text):
        mention = match.group(2)
        if len(match.group(1)) <= 64 and (mention is None or 3 <= len(mention) <= 32):
            found.append((match.start(), match.end(), "bot_command"))
    for match in _HASHTAG_RE.finditer(text):
        tag = match.group(1)
        if any(ch.isalpha() for ch in tag):
            found.append((match.start(), match.start() + 1 + min(len(tag), 256), "hashtag"))
    for match in _URL_RE.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in ".,;:!?'\")]}":
            end -= 1
        if end - match.start() > len("https://"):
            found.append((match.start(), end, "url"))
    return [
        _entity(kind, utf16_len(text[:start]), utf16_len(text[start:end]))
        for start, end, kind in sorted(found)
    ]


def _with_detected(text: str, entities: list[JSONDict]) -> list[JSONDict]:
    opaque = [
        (e["offset"], e["offset"] + e["length"])
        for e in entities
        if e["type"] in _OPAQUE_ENTITY_TYPES
    ]
    detected = [
        d
        for d in detect_entities(text)
        if not any(d["offset"] < end and start < d["offset"] + d["length"] for start, end in opaque)
    ]
    return _sort_entities(entities + detected)


def _trim(text: str, entities: list[JSONDict]) -> tuple[str, list[JSONDict]]:
    """Strip surrounding whitespace like Telegram, moving and clipping entities."""
    stripped = text.strip(_TRIM_CHARS)
    if not stripped:
        return "", []
    shift = utf16_len(text[: len(text) - len(text.lstrip(_TRIM_CHARS))])
    total = utf16_len(stripped)
    result = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, total)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result


# --------------------------------------------------------------------------- HTML parsing

_HTML_TAGS = frozenset(
    ("a b blockquote code del em i ins pre s span strike strong tg-emoji tg-spoiler u").split()
)
_HTML_SPACE = frozenset(b" \t\r\n\v\f\0")
_NAMED_HTML_ENTITIES = {b"lt": ord("<"), b"gt": ord(">"), b"amp": ord("&"), b"quot": ord('"')}
_LT, _GT, _AMP, _SLASH, _EQ, _SEMI, _HASH = b"<>&/=;#"
_INT64_MAX = 2**63 - 1


def _is_ascii_alnum(byte: int) -> bool:
    return 0x30 <= byte <= 0x39 or 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A


def _decode_html_entity(data: bytes, pos: int) -> tuple[int, int]:
    """TDLib's ``decode_html_entity`` at ``data[pos] == '&'``: (code point, end) or (0, pos)."""
    end = pos + 1
    code = 0
    if data[end] == _HASH:
        end += 1
        if data[end] == ord("x"):
            end += 1
            while chr(data[end]) in "0123456789abcdefABCDEF":
                code = code * 16 + int(chr(data[end]), 16)
                end += 1
        else:
            while 0x30 <= data[end] <= 0x39:
                code = code * 10 + data[end] - 0x30
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while 0x41 <= data[end] <= 0x5A or 0x61 <= data[end] <= 0x7A:
            end += 1
        code = _NAMED_HTML_ENTITIES.get(data[pos + 1 : end], 0)
        if not code:
            return 0, pos
    if data[end] == _SEMI:
        end += 1
    return code, end


@dataclass
class _OpenTag:
    name: str
    argument: str
    offset: int
    out_pos: int


def parse_html(
    text: str, *, strict: bool = True, users: Mapping[int, JSONDict] | None = None
) -> tuple[str, list[JSONDict]]:
    """Parse Bot API HTML into (plain text, entities) exactly like TDLib's ``parse_html``.

    Raises :class:`HtmlParseError` with Telegram's message and byte offsets. With ``strict``
    an ``&`` in the text (not in attribute values) that is not a complete ``&lt;``/``&gt;``/
    ``&amp;``/``&quot;``/``&#..;`` reference is an error too; Telegram shows it literally.
    """
    data = text.encode("utf-8", "surrogatepass") + b"\0"
    size = len(data) - 1
    out = bytearray()
    u16 = 0
    entities: list[JSONDict] = []
    stack: list[_OpenTag] = []
    i = 0
    while i < size:
        byte = data[i]
        if byte == _AMP:
            code, end = _decode_html_entity(data, i)
            if code and (not strict or data[end - 1] == _SEMI):
                out += chr(code).encode("utf-8", "surrogatepass")
                u16 += 2 if code > 0xFFFF else 1
                i = end
                continue
            if strict and code:
                raise HtmlParseError(
                    f'HTML entity at byte offset {i} is not terminated by ";" '
                    "(rejected by the fake's strict mode)"
                )
            if strict:
                raise HtmlParseError(
                    f'Character "&" at byte offset {i} does not start an HTML entity; '
                    'escape it as "&amp;" (rejected by the fake\'s strict mode, '
                    "Telegram would show it literally)"
                )
        if byte != _LT:
            if byte & 0xC0 != 0x80:
                u16 += 2 if byte >= 0xF0 else 1
            out.append(byte)
            i += 1
            continue

        begin = i
        i += 1
        if data[i] != _SLASH:
            while data[i] not in _HTML_SPACE and data[i] != _GT:
                i += 1
            if data[i] == 0:
                raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
            name = data[begin + 1 : i].lower().decode("utf-8", "replace")
            if name not in _HTML_TAGS:
                raise HtmlParseError(f'Unsupported start tag "{name}" at byte offset {begin}')
            argument = ""
            while data[i] != _GT:
                while data[i] != 0 and data[i] in _HTML_SPACE:
                    i += 1
                if data[i] == _GT:
                    break
                attr_begin = i
                while data[i] not in _HTML_SPACE and data[i] not in (_EQ, _GT):
                    i += 1
                attr = data[attr_begin:i]
                if not attr:
                    raise HtmlParseError(
                        f'Empty attribute name in the tag "{name}" at byte offset {begin}'
                    )
                while data[i] != 0 and data[i] in _HTML_SPACE:
                    i += 1
                if data[i] != _EQ:
                    if name == "blockquote" and attr == b"expandable":
                        argument = "expandable"
                        continue
                    raise HtmlParseError(
                        "Expected equal sign in declaration of an attribute of the tag "
                        f'"{name}" at byte offset {begin}'
                    )
                i += 1
                while data[i] != 0 and data[i] in _HTML_SPACE:
                    i += 1
                if data[i] == 0:
                    raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {begin}')
                if data[i] not in b"'\"":
                    token_begin = i
                    while _is_ascii_alnum(data[i]) or data[i] in b".-":
                        i += 1
                    value = data[token_begin:i].lower().decode("ascii")
                    if data[i] not in _HTML_SPACE and data[i] != _GT:
                        raise HtmlParseError(
                            f"Unexpected end of name token at byte offset {token_begin}"
                        )
                else:
                    quote = data[i]
                    i += 1
                    buffer = bytearray()
                    while data[i] != quote and data[i] != 0:
                        if data[i] == _AMP:
                            code, end = _decode_html_entity(data, i)
                            if code:
                                buffer += chr(code).encode("utf-8", "surrogatepass")
                                i = end
                                continue
                        buffer.append(data[i])
                        i += 1
                    if data[i] == quote:
                        i += 1
                    value = buffer.decode("utf-8", "replace")
                if data[i] == 0:
                    raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
                if name == "a" and attr == b"href":
                    argument = value
                elif name == "code" and attr == b"class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif name == "span" and attr == b"class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif name == "tg-emoji" and attr == b"emoji-id":
                    argument = value
            if name == "span" and argument != "spoiler":
                raise HtmlParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {begin}'
                )
            stack.append(_OpenTag(name, argument, u16, len(out)))
            i += 1
            continue

        if not stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {begin}")
        while data[i] not in _HTML_SPACE and data[i] != _GT:
            i += 1
        end_name = data[begin + 2 : i].lower().decode("utf-8", "replace")
        while data[i] != 0 and data[i] in _HTML_SPACE:
            i += 1
        if data[i] != _GT:
            raise HtmlParseError(f"Unclosed end tag at byte offset {begin}")
        top = stack[-1]
        if end_name and end_name != top.name:
            raise HtmlParseError(
                f'Unmatched end tag at byte offset {begin}, expected "</{top.name}>", '
                f'found "</{end_name}>"'
            )
        if u16 > top.offset:
            _close_html_entity(top, u16 - top.offset, out, entities, users or {})
        stack.pop()
        i += 1

    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)
    try:
        plain = out.decode("utf-8")
    except UnicodeDecodeError:
        raise HtmlParseError(
            "Text contains invalid Unicode characters after decoding HTML entities, "
            "check for unmatched surrogate code units"
        ) from None
    return plain, _sort_entities(entities)


def _close_html_entity(
    tag: _OpenTag,
    length: int,
    out: bytearray,
    entities: list[JSONDict],
    users: Mapping[int, JSONDict],
) -> None:
    simple = {
        "b": "bold",
        "strong": "bold",
        "i": "italic",
        "em": "italic",
        "u": "underline",
        "ins": "underline",
        "s": "strikethrough",
        "strike": "strikethrough",
        "del": "strikethrough",
        "tg-spoiler": "spoiler",
        "span": "spoiler",
    }
    offset = tag.offset
    last = entities[-1] if entities else None
    same_range = last is not None and last["offset"] == offset and last["length"] == length
    if tag.name in simple:
        entities.append(_entity(simple[tag.name], offset, length))
    elif tag.name == "tg-emoji":
        if not re.fullmatch(r"-?\d{1,19}", tag.argument) or not (
            0 < abs(int(tag.argument)) <= _INT64_MAX
        ):
            raise HtmlParseError("Invalid custom emoji identifier specified")
        entities.append(_entity("custom_emoji", offset, length, custom_emoji_id=tag.argument))
    elif tag.name == "a":
        url = tag.argument or out[tag.out_pos :].decode("utf-8", "replace")
        user_id = _link_user_id(url)
        if user_id is not None:
            user = users.get(user_id, {"id": user_id, "is_bot": False, "first_name": "User"})
            entities.append(_entity("text_mention", offset, length, user=dict(user)))
        else:
            with contextlib.suppress(ValueError):  # Telegram drops links it cannot use
                entities.append(_entity("text_link", offset, length, url=check_link(url)))
    elif tag.name == "pre":
        if last is not None and same_range and last["type"] == "code" and last.get("language"):
            last["type"] = "pre"
        else:
            entities.append(_entity("pre", offset, length))
    elif tag.name == "code":
        if last is not None and same_range and last["type"] == "pre" and tag.argument:
            last["language"] = tag.argument
        else:
            entities.append(_entity("code", offset, length, language=tag.argument))
    elif tag.name == "blockquote":
        kind = "expandable_blockquote" if tag.argument == "expandable" else "blockquote"
        entities.append(_entity(kind, offset, length))


# --------------------------------------------------------------------------- request decoding


def _to_int(value: Any) -> int:
    if isinstance(value, bool | int):
        return int(value)
    if isinstance(value, float):
        return int(value)
    try:
        return int(str(value).strip())
    except ValueError:
        try:
            return int(float(str(value)))
        except ValueError:
            return 0  # the Bot API reads garbage numbers as 0


def _to_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1")
    return bool(value)


def _coerce_params(raw: Mapping[str, Any]) -> JSONDict:
    """Decode form fields the way the Bot API does: JSON fields, numbers, booleans."""
    params: JSONDict = {}
    for key, value in raw.items():
        if isinstance(value, UploadedFile) or value is None:
            params[key] = value
        elif key in _JSON_FIELDS and isinstance(value, str):
            try:
                params[key] = json.loads(value)
            except ValueError:
                raise _bad(_JSON_FIELD_ERRORS.get(key, f"can't parse {key} JSON object")) from None
        elif key in _CHAT_ID_FIELDS:
            text = str(value).strip()
            params[key] = int(text) if re.fullmatch(r"-?\d+", text) else value
        elif key in _INT_FIELDS:
            params[key] = _to_int(value)
        elif key in _BOOL_FIELDS:
            params[key] = _to_bool(value)
        else:
            params[key] = value
    return params


def _parse_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise ValueError("malformed multipart body")
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        if not isinstance(part, Message):
            continue
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is not None:
            fields[name] = UploadedFile(filename, part.get_content_type(), data)
        else:
            fields[name] = data.decode(part.get_content_charset() or "utf-8")
    return fields


def _parse_request(query: str, content_type: str, body: bytes) -> dict[str, Any]:
    """Fields of a request from its query string and form, multipart or JSON body."""
    fields: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    kind = content_type.split(";", 1)[0].strip().lower()
    if not body.strip():
        return fields
    if kind == "application/json":
        decoded = json.loads(body)
        if not isinstance(decoded, dict):
            raise ValueError("a JSON object is expected")
        fields.update(decoded)
    elif kind == "multipart/form-data":
        fields.update(_parse_multipart(content_type, body))
    else:
        fields.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=True))
    return fields


def _error_body(status: int, description: str, parameters: JSONDict | None = None) -> JSONDict:
    body: JSONDict = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body


def _peer_closed(sock: socket.socket) -> bool:
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        return bool(readable) and sock.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True


# --------------------------------------------------------------------------- the fake API


class FakeBotApi:
    """A fake Telegram Bot API on 127.0.0.1, driven and inspected by tests.

    Thread-safe: the HTTP server runs in background threads; every public method may be
    called from test code (sync or async). Use as a context manager or ``start()``/``stop()``.

    Deliberate differences from Telegram:

    * ``strict`` (default on) rejects an ``&`` in HTML text that is not a complete
      ``&lt;``/``&gt;``/``&amp;``/``&quot;``/``&#..;`` reference (Telegram shows it
      literally, which hides missing escaping), and an inline button with more than one
      action field (Telegram silently uses the first).
    * ``parse_mode`` Markdown/MarkdownV2 is rejected as not implemented instead of parsed.
    * Entity auto-detection covers mentions, bot commands, hashtags and http(s) URLs only.
    * Any numeric ``chat_id`` is accepted (a chat is made up on first use), except 0.
    * In groups with ``privacy_mode`` only commands, mentions of the bot and replies to the
      bot's messages reach ``getUpdates`` (as BotFather describes privacy mode); other
      injected group messages land in :attr:`filtered_updates`.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_username: str = "g4s_qa_bot",
        bot_first_name: str = "G4S QA",
        bot_id: int | None = None,
        strict: bool = True,
        privacy_mode: bool = True,
        first_update_id: int = 1,
    ) -> None:
        prefix = token.split(":", 1)[0]
        self.token = token
        self.host = host
        self.strict = strict
        self.privacy_mode = privacy_mode
        self.bot_id = bot_id if bot_id is not None else int(prefix) if prefix.isdigit() else 1
        self.bot_username = bot_username
        self._bot_user: JSONDict = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": not privacy_mode,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._requested_port = port
        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False

        self._calls: list[Call] = []
        self._errors: list[ErrorRecord] = []
        self._faults: dict[str, list[_Fault]] = {}
        self._updates: deque[JSONDict] = deque()
        self._filtered: list[JSONDict] = []
        self._next_update_id = first_update_id
        self._poll_generation = 0
        self._webhook_url = ""
        self._messages: dict[int, dict[int, JSONDict]] = {}
        self._last_message_id: dict[int, int] = {}
        self._chats: dict[int, JSONDict] = {}
        self._users: dict[int, JSONDict] = {}
        self._blocked: set[int] = set()
        self._issued_callbacks: set[str] = set()
        self._answered_callbacks: dict[str, JSONDict] = {}
        self._issued_inline: set[str] = set()
        self._inline_answers: dict[str, JSONDict] = {}
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self._texts: dict[tuple[str, str], str] = {}
        self._ids = itertools.count(int(time.time()) % 10**6 * 10**6 + 1)
        # Seconds added to the `date` of the messages users send (to test time-based logic).
        self.time_shift = 0.0

        handlers: list[tuple[str, Callable[[JSONDict, _Ctx], Any]]] = [
            ("getMe", self._get_me),
            ("logOut", self._accept),
            ("close", self._accept),
            ("getUpdates", self._get_updates),
            ("setWebhook", self._set_webhook),
            ("deleteWebhook", self._delete_webhook),
            ("getWebhookInfo", self._get_webhook_info),
            ("setMyCommands", self._set_my_commands),
            ("getMyCommands", self._get_my_commands),
            ("deleteMyCommands", self._delete_my_commands),
            ("setMyDescription", self._text_setter("description")),
            ("getMyDescription", self._text_getter("description")),
            ("setMyShortDescription", self._text_setter("short_description")),
            ("getMyShortDescription", self._text_getter("short_description")),
            ("setMyName", self._text_setter("name")),
            ("getMyName", self._text_getter("name")),
            ("sendMessage", self._send_message),
            ("editMessageText", self._edit_message_text),
            ("editMessageReplyMarkup", self._edit_message_reply_markup),
            ("deleteMessage", self._delete_message),
            ("sendChatAction", self._send_chat_action),
            ("answerCallbackQuery", self._answer_callback_query),
            ("answerInlineQuery", self._answer_inline_query),
        ]
        self._methods = {name.lower(): (name, handler) for name, handler in handlers}

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FakeBotApi:
        """Bind 127.0.0.1 (random port unless one was given) and serve in a thread."""
        if self._server is not None:
            return self
        self._stopping = False
        self._server = _Server((self.host, self._requested_port), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.01},
            name=f"FakeBotApi:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake pending long polls and close open connections."""
        server, self._server = self._server, None
        if server is None:
            return
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        server.shutdown()
        server.server_close()
        server.close_connections()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound TCP port."""
        if self._server is None:
            raise RuntimeError("FakeBotApi is not running")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)`` / ``Bot(base_url=...)``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url(...)`` / ``Bot(base_file_url=...)``."""
        return f"{self.url}/file/bot"

    @property
    def bot_user(self) -> JSONDict:
        """The bot's User object as ``getMe`` returns it."""
        return dict(self._bot_user)

    # ------------------------------------------------------------------ fault injection

    def fail_next(
        self,
        method: str,
        status: int = 500,
        *,
        count: int = 1,
        retry_after: int | None = None,
        description: str | None = None,
        html: bool | None = None,
        delay: float = 0.0,
        disconnect: bool = False,
    ) -> None:
        """Make the next ``count`` calls of ``method`` ("*" for any) fail.

        429 answers carry ``parameters.retry_after`` (default 1). 502/503/504 answer with
        nginx's HTML page unless ``html=False``. ``delay`` sleeps before answering;
        ``disconnect`` closes the connection without any answer.
        """
        if status == 429:
            retry_after = 1 if retry_after is None else retry_after
            default = f"Too Many Requests: retry after {retry_after}"
        else:
            default = _DEFAULT_DESCRIPTIONS.get(status, "Internal Server Error")
        fault = _Fault(
            status=status,
            description=description or default,
            retry_after=retry_after,
            html=status in (502, 503, 504) if html is None else html,
            delay=delay,
            disconnect=disconnect,
            remaining=count,
        )
        with self._lock:
            self._faults.setdefault(method.lower(), []).append(fault)

    def clear_faults(self) -> None:
        """Forget all pending injected failures."""
        with self._lock:
            self._faults.clear()

    def block_user(self, user_id: int, blocked: bool = True) -> None:
        """Make sends to a user fail with 403 "bot was blocked by the user" (or undo it)."""
        with self._lock:
            (self._blocked.add if blocked else self._blocked.discard)(user_id)

    # ------------------------------------------------------------------ injecting updates

    def push_update(self, update: Mapping[str, Any]) -> JSONDict:
        """Queue a raw update (``update_id`` is assigned if missing) and return it."""
        queued: JSONDict = copy.deepcopy(dict(update))
        with self._cond:
            if "update_id" not in queued:
                queued["update_id"] = self._next_update_id
            self._next_update_id = max(self._next_update_id, queued["update_id"] + 1)
            for key in ("message", "edited_message", "channel_post"):
                message = queued.get(key)
                if isinstance(message, dict) and "chat" in message and "message_id" in message:
                    self._store(message)
            self._updates.append(queued)
            self._updates = deque(sorted(self._updates, key=lambda u: u["update_id"]))
            self._cond.notify_all()
        return copy.deepcopy(queued)

    def send_text(
        self,
        text: str,
        *,
        chat_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
        username: str | None = None,
        first_name: str = "Ann",
        last_name: str | None = None,
        language_code: str | None = "en",
        title: str | None = None,
        reply_to_message: MessageRef | int | None = None,
        entities: list[JSONDict] | None = None,
    ) -> JSONDict:
        """A user sends a text message; entities are detected like Telegram unless given.

        In a private chat the chat id is the user id (either may be given; default
        ``DEFAULT_USER_ID``); groups default to one test group, pass a negative ``chat_id``
        and a ``title`` for more. Returns the message as delivered to the bot.
        """
        content: JSONDict = {"text": text}
        content["entities"] = detect_entities(text) if entities is None else entities
        return self._inject_message(
            content,
            chat_id=chat_id,
            user_id=user_id,
            chat_type=chat_type,
            username=username,
            first_name=first_name,
            last_name=last_name,
            language_code=language_code,
            title=title,
            reply_to_message=reply_to_message,
        )

    def send_command(self, command: str, *, at_bot: bool = False, **who: Any) -> JSONDict:
        """Send ``/command [args]`` (optionally as ``/command@bot``) with its bot_command entity.

        Takes the same keyword arguments as :meth:`send_text`.
        """
        head, _, args = command.strip().partition(" ")
        head = head if head.startswith("/") else f"/{head}"
        if at_bot and "@" not in head:
            head = f"{head}@{self.bot_username}"
        text = f"{head} {args}" if args else head
        return self.send_text(text, **who)

    def send_sticker(self, emoji: str = "\N{THUMBS UP SIGN}", **who: Any) -> JSONDict:
        """A user sends a sticker (same keyword arguments as :meth:`send_text`)."""
        file_id, unique_id = self._file_ids()
        sticker = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "set_name": "TestStickers",
            "file_size": 24_576,
        }
        return self._inject_message({"sticker": sticker}, **who)

    def send_photo(
        self,
        caption: str | None = None,
        *,
        width: int = 1280,
        height: int = 960,
        **who: Any,
    ) -> JSONDict:
        """A user sends a photo, optionally captioned (keyword arguments as :meth:`send_text`)."""
        sizes = []
        for scale in (0.0703125, 0.25, 1.0):
            file_id, unique_id = self._file_ids()
            sizes.append(
                {
                    "file_id": file_id,
                    "file_unique_id": unique_id,
                    "width": max(1, round(width * scale)),
                    "height": max(1, round(height * scale)),
                    "file_size": max(1, round(120_000 * scale * scale)),
                }
            )
        content: JSONDict = {"photo": sizes}
        if caption:
            content["caption"] = caption
            content["caption_entities"] = detect_entities(caption)
        return self._inject_message(content, **who)

    def send_location(
        self, latitude: float = 52.520008, longitude: float = 13.404954, **who: Any
    ) -> JSONDict:
        """A user shares a location (keyword arguments as :meth:`send_text`)."""
        return self._inject_message(
            {"location": {"latitude": latitude, "longitude": longitude}}, **who
        )

    def send_voice(self, duration: int = 3, **who: Any) -> JSONDict:
        """A user sends a voice note (keyword arguments as :meth:`send_text`)."""
        file_id, unique_id = self._file_ids()
        voice = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": 4_000 * duration,
        }
        return self._inject_message({"voice": voice}, **who)

    def send_document(
        self,
        file_name: str = "article.pdf",
        mime_type: str = "application/pdf",
        caption: str | None = None,
        **who: Any,
    ) -> JSONDict:
        """A user sends a file (keyword arguments as :meth:`send_text`)."""
        file_id, unique_id = self._file_ids()
        content: JSONDict = {
            "document": {
                "file_id": file_id,
                "file_unique_id": unique_id,
                "file_name": file_name,
                "mime_type": mime_type,
                "file_size": 48_213,
            }
        }
        if caption:
            content["caption"] = caption
            content["caption_entities"] = detect_entities(caption)
        return self._inject_message(content, **who)

    def edit_text(
        self,
        message: MessageRef,
        new_text: str,
        *,
        entities: list[JSONDict] | None = None,
    ) -> JSONDict:
        """The user edits one of their text messages: an ``edited_message`` update."""
        chat_id, message_id = _message_key(message)
        with self._cond:
            stored = self._messages.get(chat_id, {}).get(message_id)
            if stored is None or "text" not in stored:
                raise LookupError(f"no text message {message_id} in chat {chat_id}")
            if stored["from"]["id"] == self.bot_id:
                raise ValueError("users cannot edit the bot's messages")
            stored["text"] = new_text
            stored["entities"] = detect_entities(new_text) if entities is None else entities
            if not stored["entities"]:
                del stored["entities"]
            stored["edit_date"] = int(time.time() + self.time_shift)
            edited = copy.deepcopy(stored)
            self._deliver({"edited_message": edited}, edited)
        return copy.deepcopy(edited)

    def press_button(
        self,
        bot_message: MessageRef,
        callback_data: str,
        *,
        user_id: int | None = None,
        first_name: str = "Ann",
        username: str | None = None,
        forged: bool = False,
    ) -> str:
        """A user presses an inline button of a bot message; returns the callback query id.

        The presser defaults to the private chat's user, else ``DEFAULT_USER_ID``.

        Fails like a user would (LookupError/ValueError) if the message is gone or no
        longer shows a button with that ``callback_data``, unless ``forged`` (a modified
        client can send any data for a button of the message).
        """
        chat_id, message_id = _message_key(bot_message)
        with self._cond:
            stored = self._messages.get(chat_id, {}).get(message_id)
            if stored is None:
                raise LookupError(f"no message {message_id} in chat {chat_id}")
            rows = stored.get("reply_markup", {}).get("inline_keyboard", [])
            offered = [b.get("callback_data") for row in rows for b in row]
            if callback_data not in offered and not forged:
                raise ValueError(
                    f"message {message_id} has no button with callback_data "
                    f"{callback_data!r}; it offers {offered!r}"
                )
            if user_id is None:
                user_id = chat_id if chat_id > 0 else DEFAULT_USER_ID
            user = self._user(user_id, first_name, username, None, "en")
            query_id = str(next(self._ids))
            self._issued_callbacks.add(query_id)
            query = {
                "id": query_id,
                "from": user,
                "message": copy.deepcopy(stored),
                "chat_instance": str(7_000_000_000_000 + abs(chat_id)),
                "data": callback_data,
            }
            self._deliver({"callback_query": query}, None)
        return query_id

    def inline_query(
        self,
        query: str,
        *,
        user_id: int = DEFAULT_USER_ID,
        first_name: str = "Ann",
        username: str | None = None,
        offset: str = "",
        chat_type: str | None = "sender",
    ) -> str:
        """A user types ``@bot query``; returns the inline query id."""
        with self._cond:
            user = self._user(user_id, first_name, username, None, "en")
            query_id = str(next(self._ids))
            self._issued_inline.add(query_id)
            inline: JSONDict = {"id": query_id, "from": user, "query": query, "offset": offset}
            if chat_type is not None:
                inline["chat_type"] = chat_type
            self._deliver({"inline_query": inline}, None)
        return query_id

    # ------------------------------------------------------------------ inspecting

    @property
    def calls(self) -> list[Call]:
        """Every request received, in arrival order (in-flight ones have ``status`` None)."""
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str) -> list[Call]:
        """Requests to one method (case-insensitive), in arrival order."""
        wanted = method.lower()
        with self._lock:
            return [c for c in self._calls if c.method.lower() == wanted]

    @property
    def errors_returned(self) -> list[ErrorRecord]:
        """Every 4xx/5xx answer given, injected ones included (see ``ErrorRecord.injected``)."""
        with self._lock:
            return list(self._errors)

    def assert_no_errors(self) -> None:
        """Fail if the server rejected anything it was not told to reject."""
        real = [e for e in self.errors_returned if not e.injected]
        if real:
            lines = "\n".join(f"  {e.method} -> {e.status} {e.description}" for e in real)
            raise AssertionError(f"the fake Bot API rejected {len(real)} request(s):\n{lines}")

    def messages_in(self, chat_id: int) -> list[JSONDict]:
        """The bot's current messages in a chat (edits applied, deleted ones gone)."""
        return [m for m in self.history(chat_id) if m["from"]["id"] == self.bot_id]

    def history(self, chat_id: int) -> list[JSONDict]:
        """All current messages of a chat, users' and the bot's, by message id."""
        with self._lock:
            chat = self._messages.get(chat_id, {})
            return [copy.deepcopy(chat[key]) for key in sorted(chat)]

    def message(self, chat_id: int, message_id: int) -> JSONDict | None:
        """One stored message in its current state, or None."""
        with self._lock:
            found = self._messages.get(chat_id, {}).get(message_id)
            return copy.deepcopy(found) if found is not None else None

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Updates not yet confirmed through a ``getUpdates`` offset."""
        with self._lock:
            return copy.deepcopy(list(self._updates))

    @property
    def filtered_updates(self) -> list[JSONDict]:
        """Injected group updates the bot did not get because of privacy mode."""
        with self._lock:
            return copy.deepcopy(self._filtered)

    @property
    def commands(self) -> list[JSONDict]:
        """What ``setMyCommands`` stored for the default scope and no language."""
        return self.commands_for()

    def commands_for(
        self, scope: Mapping[str, Any] | None = None, language_code: str = ""
    ) -> list[JSONDict]:
        """What ``setMyCommands`` stored for a scope and language."""
        with self._lock:
            return copy.deepcopy(self._commands.get(_scope_key(scope, language_code), []))

    def bot_text(self, kind: str, language_code: str = "") -> str:
        """A stored "description", "short_description" or "name" of the bot."""
        with self._lock:
            return self._texts.get((kind, language_code), "")

    @property
    def answered_callbacks(self) -> dict[str, JSONDict]:
        """``answerCallbackQuery`` parameters by callback query id."""
        with self._lock:
            return copy.deepcopy(self._answered_callbacks)

    @property
    def inline_answers(self) -> dict[str, JSONDict]:
        """``answerInlineQuery`` parameters (``results`` decoded) by inline query id."""
        with self._lock:
            return copy.deepcopy(self._inline_answers)

    # ------------------------------------------------------------------ async waiting

    async def wait_for(
        self,
        predicate: Callable[[list[Call]], T | None],
        *,
        timeout: float = 5.0,
        interval: float = 0.01,
    ) -> T:
        """Poll ``predicate(calls)`` without blocking the event loop; return its truthy value."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            value = predicate(self.calls)
            if value:
                return value
            if loop.time() >= deadline:
                raise TimeoutError(self._timeout_report(f"condition not met in {timeout}s"))
            await asyncio.sleep(interval)

    async def wait_for_call(
        self,
        method: str,
        *,
        count: int = 1,
        timeout: float = 5.0,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait until at least ``count`` answered calls of ``method`` exist; return them all."""
        wanted = method.lower()

        def matching(calls: list[Call]) -> list[Call] | None:
            found = [
                c
                for c in calls
                if c.method.lower() == wanted and c.done and (where is None or where(c))
            ]
            return found if len(found) >= count else None

        try:
            return await self.wait_for(matching, timeout=timeout)
        except TimeoutError:
            raise TimeoutError(
                self._timeout_report(f"expected {count} answered {method} call(s) in {timeout}s")
            ) from None

    async def wait_for_messages(
        self, chat_id: int, *, count: int = 1, timeout: float = 5.0
    ) -> list[JSONDict]:
        """Wait until the bot has at least ``count`` messages in a chat; return them all."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            messages = self.messages_in(chat_id)
            if len(messages) >= count:
                return messages
            if loop.time() >= deadline:
                raise TimeoutError(
                    self._timeout_report(f"expected {count} bot message(s) in chat {chat_id}")
                )
            await asyncio.sleep(0.01)

    def _timeout_report(self, what: str) -> str:
        calls = self.calls[-15:]
        lines = [f"  {c.method} -> {c.status}" for c in calls]
        errors = [f"  {e.method} -> {e.status} {e.description}" for e in self.errors_returned]
        return (
            f"{what}\nlast calls:\n"
            + ("\n".join(lines) or "  (none)")
            + "\nerrors returned:\n"
            + ("\n".join(errors) or "  (none)")
        )

    # ------------------------------------------------------------------ request handling

    def _process(
        self, token: str, method: str, raw: dict[str, Any] | None, content_type: str, ctx: _Ctx
    ) -> _Outcome:
        entry = self._methods.get(method.lower())
        name = entry[0] if entry is not None else method
        call = Call(name, {}, dict(raw or {}), content_type, time.time())
        with self._lock:
            self._calls.append(call)
        decode_error: ApiError | None = None
        try:
            call.params = _coerce_params(raw) if raw is not None else {}
        except ApiError as exc:
            decode_error = exc
        if raw is None:
            decode_error = _bad("can't parse request body")

        injected = False
        delay = 0.0
        body: JSONDict
        try:
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            fault = self._take_fault(name)
            if fault is not None:
                injected, delay = True, fault.delay
                if fault.disconnect:
                    self._finish(call, 0, None, "connection dropped", injected=True)
                    return _Outcome(0, b"", "", delay=delay, disconnect=True)
                if fault.html:
                    phrase = _DEFAULT_DESCRIPTIONS.get(fault.status, "Error")
                    page = _NGINX_PAGE.format(code=fault.status, phrase=phrase)
                    self._finish(call, fault.status, None, phrase, injected=True)
                    return _Outcome(fault.status, page.encode(), "text/html", delay=delay)
                parameters = (
                    {"retry_after": fault.retry_after} if fault.retry_after is not None else None
                )
                raise ApiError(fault.status, fault.description, parameters)
            if entry is None:
                raise ApiError(404, "Not Found")
            if decode_error is not None:
                raise decode_error
            with self._lock:
                result = entry[1](call.params, ctx)
            status, body = 200, {"ok": True, "result": result}
        except ApiError as exc:
            status, body = exc.status, _error_body(exc.status, exc.description, exc.parameters)
        except _ClientGone:
            self._finish(call, 499, None, "client closed the connection", injected=False)
            return _Outcome(499, b"", "", disconnect=True)
        except Exception:
            log.exception("fake Bot API failed on %s", name)
            status, body = 500, _error_body(500, "Internal Server Error")
        description = body.get("description", "") if status >= 400 else ""
        self._finish(call, status, body, description, injected=injected)
        try:
            payload = json.dumps(body, ensure_ascii=False).encode()
        except UnicodeEncodeError:  # a lone surrogate: escaped, as Telegram's JSON has it
            payload = json.dumps(body).encode()
        return _Outcome(status, payload, "application/json", delay=delay)

    def _finish(
        self, call: Call, status: int, body: JSONDict | None, description: str, *, injected: bool
    ) -> None:
        with self._lock:
            call.response = body
            call.status = status
            if (status >= 400 and status != 499) or status == 0:
                self._errors.append(
                    ErrorRecord(call.method, status, description, call.params, call.at, injected)
                )

    def _take_fault(self, method: str) -> _Fault | None:
        with self._lock:
            for key in (method.lower(), "*"):
                queue = self._faults.get(key)
                if queue:
                    fault = queue[0]
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        queue.pop(0)
                    return fault
        return None

    # ------------------------------------------------------------------ state helpers

    def _file_ids(self) -> tuple[str, str]:
        number = next(self._ids)
        return f"AgACAgIAAxkBAAI{number:012d}", f"AQAD{number:010d}"

    def _user(
        self,
        user_id: int,
        first_name: str,
        username: str | None,
        last_name: str | None,
        language_code: str | None,
    ) -> JSONDict:
        user: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        self._users[user_id] = user
        return dict(user)

    def _chat_for_id(self, chat_id: int) -> JSONDict:
        chat = self._chats.get(chat_id)
        if chat is None:
            if chat_id > 0:
                user = self._users.get(chat_id, {})
                chat = {"id": chat_id, "type": "private", "first_name": "User"}
                chat.update({k: user[k] for k in ("first_name", "username") if k in user})
            elif str(chat_id).startswith("-100"):
                chat = {"id": chat_id, "type": "supergroup", "title": "Test supergroup"}
            else:
                chat = {"id": chat_id, "type": "group", "title": "Test group"}
            self._chats[chat_id] = chat
        return dict(chat)

    def _store(self, message: JSONDict) -> None:
        chat_id = message["chat"]["id"]
        self._messages.setdefault(chat_id, {})[message["message_id"]] = copy.deepcopy(message)
        last = self._last_message_id.get(chat_id, 0)
        self._last_message_id[chat_id] = max(last, message["message_id"])
        self._chats.setdefault(chat_id, dict(message["chat"]))

    def _new_message(self, chat: JSONDict, sender: JSONDict, content: JSONDict) -> JSONDict:
        message_id = self._last_message_id.get(chat["id"], 0) + 1
        message = {
            "message_id": message_id,
            "from": dict(sender),
            "chat": dict(chat),
            "date": int(time.time() + self.time_shift),
            **content,
        }
        if not message.get("entities", True):
            del message["entities"]
        if not message.get("caption_entities", True):
            del message["caption_entities"]
        self._store(message)
        return message

    def _inject_message(
        self,
        content: JSONDict,
        *,
        chat_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
        username: str | None = None,
        first_name: str = "Ann",
        last_name: str | None = None,
        language_code: str | None = "en",
        title: str | None = None,
        reply_to_message: MessageRef | int | None = None,
    ) -> JSONDict:
        with self._cond:
            if chat_type == "private":
                if None not in (chat_id, user_id) and chat_id != user_id:
                    raise ValueError("the id of a private chat is the id of the user")
                user_id = user_id or chat_id
            elif chat_id is not None and chat_id >= 0:
                raise ValueError("group and supergroup chat ids are negative")
            user_id = user_id or DEFAULT_USER_ID
            user = self._user(user_id, first_name, username, last_name, language_code)
            if chat_type == "private":
                chat: JSONDict = {"id": user_id, "type": "private", "first_name": first_name}
                if last_name:
                    chat["last_name"] = last_name
                if username:
                    chat["username"] = username
            elif chat_type in ("group", "supergroup"):
                default_id = -1001000000001 if chat_type == "supergroup" else -4000000001
                group_id = default_id if chat_id is None else chat_id
                chat = {
                    "id": group_id,
                    "type": chat_type,
                    "title": title or self._chats.get(group_id, {}).get("title", "Test group"),
                }
            else:
                raise ValueError(f"unsupported chat_type {chat_type!r}")
            self._chats[chat["id"]] = chat
            if reply_to_message is not None:
                reply_key = (
                    (chat["id"], reply_to_message)
                    if isinstance(reply_to_message, int)
                    else _message_key(reply_to_message)
                )
                target = self._messages.get(reply_key[0], {}).get(reply_key[1])
                if target is None:
                    raise LookupError(f"no message {reply_key[1]} in chat {reply_key[0]}")
                content = {**content, "reply_to_message": _without_reply(target)}
            message = self._new_message(chat, user, content)
            self._deliver({"message": message}, message)
            return copy.deepcopy(message)

    def _deliver(self, update: JSONDict, message: JSONDict | None) -> None:
        update = {"update_id": self._next_update_id, **copy.deepcopy(update)}
        self._next_update_id += 1
        if message is not None and not self._visible_to_bot(message):
            self._filtered.append(update)
            return
        self._updates.append(update)
        self._cond.notify_all()

    def _visible_to_bot(self, message: JSONDict) -> bool:
        """Privacy mode: what a bot that cannot read all group messages still gets."""
        if message["chat"]["type"] not in ("group", "supergroup") or not self.privacy_mode:
            return True
        text = str(message.get("text") or message.get("caption") or "")
        entities: list[JSONDict] = message.get("entities") or message.get("caption_entities") or []
        me = self.bot_username.lower()
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            return "@" not in command or command.split("@", 1)[1].lower() == me
        for entity in entities:
            if entity["type"] == "mention":
                mention = _utf16_slice(text, entity["offset"], entity["length"])
                if mention.lower() == f"@{me}":
                    return True
            if entity["type"] == "text_mention" and entity.get("user", {}).get("id") == self.bot_id:
                return True
        replied = message.get("reply_to_message")
        if replied is not None and replied.get("from", {}).get("id") == self.bot_id:
            return True
        return not any(
            k in message
            for k in ("text", "caption", "sticker", "photo", "voice", "document", "location")
        )

    def _require_chat(self, params: JSONDict) -> JSONDict:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        if isinstance(chat_id, str):
            if chat_id.startswith("@"):
                for chat in self._chats.values():
                    if str(chat.get("username", "")).lower() == chat_id[1:].lower():
                        return dict(chat)
            raise _bad("chat not found")
        if not isinstance(chat_id, int) or isinstance(chat_id, bool) or chat_id == 0:
            raise _bad("chat not found")
        if chat_id == self.bot_id:
            raise ApiError(403, "Forbidden: bots can't send messages to bots")
        if chat_id in self._blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return self._chat_for_id(chat_id)

    def _stored_bot_message(self, chat: JSONDict, params: JSONDict, missing: str) -> JSONDict:
        message_id = params.get("message_id")
        if not message_id:
            raise _bad("message identifier is not specified")
        stored = self._messages.get(chat["id"], {}).get(message_id)
        if stored is None:
            raise _bad(missing)
        return stored

    # ------------------------------------------------------------------ validation

    def _formatted_text(
        self, raw_text: Any, parse_mode: Any, raw_entities: Any
    ) -> tuple[str, list[JSONDict]]:
        if raw_text is None or raw_text == "":
            raise _bad("message text is empty")
        text = raw_text if isinstance(raw_text, str) else json.dumps(raw_text)
        mode = str(parse_mode or "").lower()
        if mode and mode != "none":
            if mode == "html":
                try:
                    text, entities = parse_html(text, strict=self.strict, users=self._users)
                except HtmlParseError as exc:
                    raise _bad(f"can't parse entities: {exc}") from None
            elif mode in ("markdown", "markdownv2"):
                raise _bad(
                    f"can't parse entities: parse_mode {parse_mode} is not implemented by the "
                    "fake Bot API, use HTML"
                )
            else:
                raise _bad("unsupported parse_mode")
        else:
            entities = self._input_entities(raw_entities, text)
        text, entities = _trim(text, entities)
        if not text:
            raise _bad("text must be non-empty")
        if utf16_len(text) > MAX_MESSAGE_LENGTH:
            raise _bad("message is too long")
        return text, _with_detected(text, entities)

    def _input_entities(self, raw: Any, text: str) -> list[JSONDict]:
        if raw is None or raw == "":
            return []
        if not isinstance(raw, list):
            raise _bad("can't parse entities JSON object")
        total = utf16_len(text)
        result: list[JSONDict] = []
        prefix = "can't parse MessageEntity: "
        for item in raw:
            if not isinstance(item, dict):
                raise _bad(prefix + "expected an Object")
            for field_name in ("type", "offset", "length"):
                if field_name not in item:
                    raise _bad(prefix + f'Can\'t find field "{field_name}"')
            kind = item["type"]
            if kind not in _USER_ENTITY_TYPES | _DETECTED_ENTITY_TYPES:
                raise _bad(prefix + "Unsupported type specified")
            offset, length = _to_int(item["offset"]), _to_int(item["length"])
            if offset < 0:
                raise _bad(f"receive an entity with incorrect offset {offset}")
            if length < 0:
                raise _bad(f"receive an entity with incorrect length {length}")
            if offset > total:
                raise _bad(f"entity begins after the end of the text at UTF-16 offset {offset}")
            if offset + length > total:
                raise _bad(
                    f"entity beginning at UTF-16 offset {offset} ends after the end of the text "
                    f"at UTF-16 offset {offset + length}"
                )
            entity = _entity(kind, offset, length)
            if kind == "text_link":
                if "url" not in item:
                    raise _bad(prefix + 'Can\'t find field "url"')
                user_id = _link_user_id(str(item["url"]))
                if user_id is not None:
                    entity = _entity("text_mention", offset, length, user=self._known_user(user_id))
                else:
                    try:
                        entity["url"] = check_link(str(item["url"]))
                    except ValueError as exc:
                        raise _bad(f"entity URL '{item['url']}' is invalid: {exc}") from None
            elif kind == "text_mention":
                user = item.get("user")
                if not isinstance(user, dict) or "id" not in user:
                    raise _bad(prefix + 'Can\'t find field "user"')
                entity["user"] = self._known_user(_to_int(user["id"]))
            elif kind == "custom_emoji":
                if "custom_emoji_id" not in item:
                    raise _bad(prefix + 'Can\'t find field "custom_emoji_id"')
                emoji_id = str(item["custom_emoji_id"])
                if not re.fullmatch(r"\d{1,19}", emoji_id) or int(emoji_id) > _INT64_MAX:
                    raise _bad(prefix + 'Field "custom_emoji_id" must be a valid Number')
                entity["custom_emoji_id"] = emoji_id
            elif kind == "pre" and item.get("language"):
                entity["language"] = str(item["language"])
            if kind not in _DETECTED_ENTITY_TYPES and length > 0:
                result.append(entity)
        return _sort_entities(result)

    def _known_user(self, user_id: int) -> JSONDict:
        user = self._users.get(user_id)
        if user is None:
            raise _bad("user not found")
        return dict(user)

    def _reply_markup(self, raw: Any, *, inline_only: bool = False) -> JSONDict | None:
        if raw is None or raw == "":
            return None
        if not isinstance(raw, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in raw:
            return {"inline_keyboard": self._inline_keyboard(raw["inline_keyboard"])}
        if inline_only:
            raise _bad("inline keyboard expected")
        if "keyboard" in raw:
            rows = raw["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
                raise _bad('field "keyboard" must be of type Array')
            for button in itertools.chain.from_iterable(rows):
                if isinstance(button, dict):
                    if "text" not in button:
                        raise _bad("can't parse keyboard button: Can't find field \"text\"")
                    button = button["text"]
                if not isinstance(button, str):
                    raise _bad('can\'t parse keyboard button: Field "text" must be of type String')
                if not button:
                    raise _bad("BUTTON_TEXT_INVALID")
            flags: tuple[str, ...] = (
                "resize_keyboard",
                "one_time_keyboard",
                "selective",
                "is_persistent",
            )
        elif "remove_keyboard" in raw:
            flags = ("remove_keyboard", "selective")
        elif "force_reply" in raw:
            flags = ("force_reply", "selective")
        else:
            raise _bad("can't parse reply keyboard markup JSON object")
        for flag in flags:
            if flag in raw and not isinstance(raw[flag], bool):
                raise _bad(f'field "{flag}" must be of type Boolean')
        return dict(raw)

    def _inline_keyboard(self, rows: Any) -> list[list[JSONDict]]:
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _bad('field "inline_keyboard" must be of type Array')
        return [[self._inline_button(button) for button in row] for row in rows]

    def _inline_button(self, button: Any) -> JSONDict:
        prefix = "can't parse inline keyboard button: "
        if not isinstance(button, dict):
            raise _bad(prefix + "InlineKeyboardButton must be an Object")
        if "text" not in button:
            raise _bad(prefix + 'Can\'t find field "text"')
        if not isinstance(button["text"], str):
            raise _bad(prefix + 'Field "text" must be of type String')
        if not button["text"].strip():
            raise _bad("BUTTON_TEXT_INVALID")
        actions = [
            key
            for key in _BUTTON_ACTIONS
            if button.get(key) is not None
            and not (button[key] == "" and not key.startswith("switch_inline_query"))
        ]
        if not actions:
            raise _bad(prefix + "Text buttons are unallowed in the inline keyboard")
        if len(actions) > 1 and self.strict:
            raise _bad(
                prefix + f"exactly one of the optional fields must be used, got {actions} "
                f"(rejected by the fake's strict mode; Telegram would use {actions[0]})"
            )
        action = actions[0]
        value = button[action]
        if action == "callback_data":
            if not isinstance(value, str):
                raise _bad(prefix + 'Field "callback_data" must be of type String')
            if len(value.encode()) > MAX_CALLBACK_DATA_BYTES:
                raise _bad("BUTTON_DATA_INVALID")
        elif action == "url":
            try:
                value = check_link(str(value))
            except ValueError as exc:
                raise _bad(f"inline keyboard button URL '{value}' is invalid: {exc}") from None
        elif action == "web_app":
            url = str(value.get("url", "")) if isinstance(value, dict) else ""
            if not url.lower().startswith("https://"):
                raise _bad(
                    f"inline keyboard button Web App URL '{url}' is invalid: "
                    "Only HTTPS links are allowed"
                )
        elif action == "copy_text":
            copied = value.get("text", "") if isinstance(value, dict) else ""
            if not isinstance(copied, str) or not 0 < len(copied) <= 256:
                raise _bad("BUTTON_COPY_TEXT_INVALID")
        elif action in ("pay", "callback_game"):
            raise _bad("BUTTON_TYPE_INVALID")
        elif action in ("switch_inline_query", "switch_inline_query_current_chat") and not (
            isinstance(value, str)
        ):
            raise _bad(prefix + f'Field "{action}" must be of type String')
        return {"text": button["text"], action: value}

    def _reply_target(self, chat: JSONDict, params: JSONDict) -> JSONDict | None:
        allow = bool(params.get("allow_sending_without_reply"))
        reply = params.get("reply_parameters")
        target_chat = chat["id"]
        if reply is not None:
            if not isinstance(reply, dict):
                raise _bad("can't parse reply parameters JSON object")
            if "message_id" not in reply:
                raise _bad('can\'t find field "message_id"')
            message_id = _to_int(reply["message_id"])
            allow = _to_bool(reply.get("allow_sending_without_reply", allow))
            if reply.get("chat_id") not in (None, ""):
                target_chat = _to_int(reply["chat_id"])
        elif params.get("reply_to_message_id"):
            message_id = params["reply_to_message_id"]
        else:
            return None
        target = self._messages.get(target_chat, {}).get(message_id)
        if target is None:
            if allow:
                return None
            raise _bad("message to be replied not found")
        return _without_reply(target)

    # ------------------------------------------------------------------ methods

    def _accept(self, params: JSONDict, ctx: _Ctx) -> bool:
        return True

    def _bot_sender(self) -> JSONDict:
        """The bot as the ``from`` of its messages: getMe's capability flags are not there."""
        return {k: self._bot_user[k] for k in ("id", "is_bot", "first_name", "username")}

    def _get_me(self, params: JSONDict, ctx: _Ctx) -> JSONDict:
        return dict(self._bot_user)

    def _get_updates(self, params: JSONDict, ctx: _Ctx) -> list[JSONDict]:
        if self._webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = _to_int(params.get("offset") or 0)
        limit = min(max(_to_int(params.get("limit") or 100), 1), 100)
        timeout = max(_to_int(params.get("timeout") or 0), 0)
        if offset > 0:
            while self._updates and self._updates[0]["update_id"] < offset:
                self._updates.popleft()
        elif offset < 0:
            while len(self._updates) > -offset:
                self._updates.popleft()
        self._poll_generation += 1
        generation = self._poll_generation
        self._cond.notify_all()
        deadline = time.monotonic() + timeout
        while True:
            if generation != self._poll_generation:
                raise ApiError(409, _DEFAULT_DESCRIPTIONS[409])
            if self._updates:
                return copy.deepcopy(list(itertools.islice(self._updates, limit)))
            remaining = deadline - time.monotonic()
            if self._stopping or remaining <= 0:
                return []
            self._cond.wait(min(remaining, 0.05))
            if ctx.peer_closed():
                raise _ClientGone

    def _set_webhook(self, params: JSONDict, ctx: _Ctx) -> bool:
        url = str(params.get("url") or "")
        if url and not url.lower().startswith("https://"):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        self._webhook_url = url
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _delete_webhook(self, params: JSONDict, ctx: _Ctx) -> bool:
        self._webhook_url = ""
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _get_webhook_info(self, params: JSONDict, ctx: _Ctx) -> JSONDict:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _set_my_commands(self, params: JSONDict, ctx: _Ctx) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad("can't parse commands JSON object")
        if len(commands) > 100:
            raise _bad("BOT_COMMANDS_TOO_MUCH")
        stored = []
        for item in commands:
            if not isinstance(item, dict) or "command" not in item or "description" not in item:
                raise _bad("can't parse BotCommand: Can't find field \"command\"")
            command, description = str(item["command"]), str(item["description"])
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command):
                raise _bad("BOT_COMMAND_INVALID")
            if not 0 < len(description) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
            stored.append({"command": command, "description": description})
        key = _scope_key(params.get("scope"), str(params.get("language_code") or ""))
        self._commands[key] = stored
        return True

    def _get_my_commands(self, params: JSONDict, ctx: _Ctx) -> list[JSONDict]:
        key = _scope_key(params.get("scope"), str(params.get("language_code") or ""))
        return copy.deepcopy(self._commands.get(key, []))

    def _delete_my_commands(self, params: JSONDict, ctx: _Ctx) -> bool:
        key = _scope_key(params.get("scope"), str(params.get("language_code") or ""))
        self._commands.pop(key, None)
        return True

    def _text_setter(self, kind: str) -> Callable[[JSONDict, _Ctx], bool]:
        limits = {"description": 512, "short_description": 120, "name": 64}

        def setter(params: JSONDict, ctx: _Ctx) -> bool:
            value = str(params.get(kind) or "")
            if len(value) > limits[kind]:
                raise _bad(f"{kind} is too long")
            self._texts[(kind, str(params.get("language_code") or ""))] = value
            return True

        return setter

    def _text_getter(self, kind: str) -> Callable[[JSONDict, _Ctx], JSONDict]:
        def getter(params: JSONDict, ctx: _Ctx) -> JSONDict:
            language = str(params.get("language_code") or "")
            return {kind: self._texts.get((kind, language), self._texts.get((kind, ""), ""))}

        return getter

    def _send_message(self, params: JSONDict, ctx: _Ctx) -> JSONDict:
        chat = self._require_chat(params)
        text, entities = self._formatted_text(
            params.get("text"), params.get("parse_mode"), params.get("entities")
        )
        markup = self._reply_markup(params.get("reply_markup"))
        reply_to = self._reply_target(chat, params)
        content: JSONDict = {"text": text, "entities": entities}
        if reply_to is not None:
            content["reply_to_message"] = reply_to
        if markup is not None and "inline_keyboard" in markup:
            content["reply_markup"] = markup
        return copy.deepcopy(self._new_message(chat, self._bot_sender(), content))

    def _edit_message_text(self, params: JSONDict, ctx: _Ctx) -> JSONDict:
        if params.get("inline_message_id"):
            raise _bad("MESSAGE_ID_INVALID")
        chat = self._require_chat(params)
        text, entities = self._formatted_text(
            params.get("text"), params.get("parse_mode"), params.get("entities")
        )
        markup = self._reply_markup(params.get("reply_markup"), inline_only=True)
        stored = self._stored_bot_message(chat, params, "message to edit not found")
        if stored["from"]["id"] != self.bot_id:
            raise _bad("message can't be edited")
        if "text" not in stored:
            raise _bad("there is no text in the message to edit")
        unchanged = (
            stored["text"] == text
            and stored.get("entities", []) == entities
            and stored.get("reply_markup") == markup
        )
        if unchanged:
            raise _bad(_NOT_MODIFIED)
        stored["text"] = text
        _set_or_drop(stored, "entities", entities)
        _set_or_drop(stored, "reply_markup", markup)  # an edit without markup removes it
        stored["edit_date"] = int(time.time())
        return copy.deepcopy(stored)

    def _edit_message_reply_markup(self, params: JSONDict, ctx: _Ctx) -> JSONDict:
        if params.get("inline_message_id"):
            raise _bad("MESSAGE_ID_INVALID")
        chat = self._require_chat(params)
        markup = self._reply_markup(params.get("reply_markup"), inline_only=True)
        stored = self._stored_bot_message(chat, params, "message to edit not found")
        if stored["from"]["id"] != self.bot_id:
            raise _bad("message can't be edited")
        if stored.get("reply_markup") == markup:
            raise _bad(_NOT_MODIFIED)
        _set_or_drop(stored, "reply_markup", markup)
        stored["edit_date"] = int(time.time())
        return copy.deepcopy(stored)

    def _delete_message(self, params: JSONDict, ctx: _Ctx) -> bool:
        chat = self._require_chat(params)
        self._stored_bot_message(chat, params, "message to delete not found")
        del self._messages[chat["id"]][params["message_id"]]
        return True

    def _send_chat_action(self, params: JSONDict, ctx: _Ctx) -> bool:
        self._require_chat(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        return True

    def _answer_callback_query(self, params: JSONDict, ctx: _Ctx) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._issued_callbacks or query_id in self._answered_callbacks:
            raise _bad(_QUERY_INVALID)
        if len(str(params.get("text") or "")) > MAX_CALLBACK_ANSWER_LENGTH:
            raise _bad("MESSAGE_TOO_LONG")
        self._answered_callbacks[query_id] = copy.deepcopy(params)
        return True

    def _answer_inline_query(self, params: JSONDict, ctx: _Ctx) -> bool:
        query_id = str(params.get("inline_query_id") or "")
        if query_id not in self._issued_inline or query_id in self._inline_answers:
            raise _bad(_QUERY_INVALID)
        results = params.get("results")
        if not isinstance(results, list):
            raise _bad("can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad("RESULTS_TOO_MUCH")
        if len(str(params.get("next_offset") or "").encode()) > 64:
            raise _bad("NEXT_OFFSET_INVALID")
        seen: set[str] = set()
        for result in results:
            self._check_inline_result(result, seen)
        self._inline_answers[query_id] = copy.deepcopy(params)
        return True

    def _check_inline_result(self, result: Any, seen: set[str]) -> None:
        prefix = "can't parse inline query result: "
        if not isinstance(result, dict):
            raise _bad(prefix + "InlineQueryResult must be an Object")
        for field_name in ("type", "id"):
            if not isinstance(result.get(field_name), str):
                raise _bad(prefix + f'Can\'t find field "{field_name}"')
        if result["type"] not in _INLINE_RESULT_TYPES:
            raise _bad(prefix + "Unsupported type specified")
        result_id = result["id"]
        if not 0 < len(result_id.encode()) <= 64:
            raise _bad("RESULT_ID_INVALID")
        if result_id in seen:
            raise _bad("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        if result["type"] == "article":
            for field_name in ("title", "input_message_content"):
                if field_name not in result:
                    raise _bad(prefix + f'Can\'t find field "{field_name}"')
        content = result.get("input_message_content")
        if content is not None:
            if not isinstance(content, dict):
                raise _bad(prefix + "InputMessageContent must be an Object")
            if "message_text" in content:
                self._formatted_text(
                    content["message_text"], content.get("parse_mode"), content.get("entities")
                )
        if "reply_markup" in result:
            self._reply_markup(result["reply_markup"], inline_only=True)


# --------------------------------------------------------------------------- small helpers


def _scope_key(scope: Any, language_code: str) -> tuple[str, str]:
    if not isinstance(scope, Mapping) or not scope:
        scope = {"type": "default"}
    return json.dumps(scope, sort_keys=True), language_code


def _message_key(message: MessageRef) -> tuple[int, int]:
    if isinstance(message, tuple):
        return int(message[0]), int(message[1])
    if isinstance(message, Mapping):
        return int(message["chat"]["id"]), int(message["message_id"])
    return int(message.chat_id), int(message.message_id)


def _without_reply(message: JSONDict) -> JSONDict:
    reply = copy.deepcopy(message)
    reply.pop("reply_to_message", None)
    return reply


def _set_or_drop(target: JSONDict, key: str, value: Any) -> None:
    if value:
        target[key] = value
    else:
        target.pop(key, None)


def _utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le", "surrogatepass")
    return units[offset * 2 : (offset + length) * 2].decode("utf-16-le", "surrogatepass")


# --------------------------------------------------------------------------- HTTP plumbing

_ROUTE = re.compile(r"/bot([^/]*)/([^/]+)/?")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # The default backlog of 5 makes the kernel drop connections when a bot opens dozens at
    # once (the throughput benchmark), which the client sees as a network error.
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], api: FakeBotApi) -> None:
        self.api = api
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def close_connections(self) -> None:
        with self.connections_lock:
            connections = list(self.connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx/1.18.0"  # what api.telegram.org answers with
    sys_version = ""
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; Nagle would stall each answer ~40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _dispatch(self) -> None:
        api = self.server.api
        target = urlsplit(self.path)
        try:
            body = self._read_body()
        except (OSError, ValueError):
            self.close_connection = True
            return
        match = _ROUTE.fullmatch(target.path)
        if match is None:
            self._write(404, json.dumps(_error_body(404, "Not Found")).encode(), "application/json")
            return
        content_type = self.headers.get("Content-Type", "")
        raw: dict[str, Any] | None
        try:
            raw = _parse_request(target.query, content_type, body)
        except (ValueError, UnicodeDecodeError):
            raw = None
        connection = self.connection
        outcome = api._process(
            match.group(1),
            match.group(2),
            raw,
            content_type.split(";", 1)[0].strip(),
            _Ctx(peer_closed=lambda: _peer_closed(connection)),
        )
        if outcome.delay:
            time.sleep(outcome.delay)
        if outcome.disconnect:
            self.close_connection = True
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            return
        self._write(outcome.status, outcome.body, outcome.content_type)

    def _write(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
        except OSError:
            self.close_connection = True


# --------------------------------------------------------------------------- manual use


def main(argv: list[str] | None = None) -> int:
    """Serve until Ctrl-C; each stdin line reaches the bot as a private text message."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--user-id", type=int, default=DEFAULT_USER_ID)
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    with FakeBotApi(args.token, host=args.host, port=args.port) as api:
        print(f"fake Bot API at {api.base_url}  token {api.token}", flush=True)
        print("type a line to send it to the bot as a user; Ctrl-D or Ctrl-C stops", flush=True)
        seen = 0
        try:
            for line in sys.stdin:
                if line.strip():
                    api.send_text(line.rstrip("\n"), user_id=args.user_id)
                time.sleep(1.0)
                for message in api.messages_in(args.user_id)[seen:]:
                    print(f"bot> {message.get('text', '')}", flush=True)
                seen = len(api.messages_in(args.user_id))
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
