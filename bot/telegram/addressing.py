"""Group policy: which messages are meant for the bot, and the question they carry.

In a private chat every message is for the bot. In a group the bot answers only a message
that mentions it (@username, stripped from the question) or replies to one of its own
messages; /ask works everywhere and is handled as a command. Other chatter is ignored, and
so are channels.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from telegram import Chat, Message

# What Telegram marks as a bot command at the start of a message: /name or /name@bot.
_COMMAND_RE = re.compile(r"/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?=\s|$)")


def mentions(text: str, username: str) -> bool:
    """True when `text` contains @username (case-insensitive, as Telegram treats usernames)."""
    return bool(username) and _mention_re(username).search(text) is not None


def strip_mention(text: str, username: str) -> str:
    """`text` without @username, whitespace tidied."""
    if username:
        text = _mention_re(username).sub(" ", text)
    return " ".join(text.split())


def _mention_re(username: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w@])@{re.escape(username)}(?!\w)", re.IGNORECASE)


def is_reply_to_bot(message: Message, bot_id: int) -> bool:
    """True when the message replies to one of the bot's own messages."""
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == bot_id)


def for_the_bot(message: Message, bot_username: str, bot_id: int) -> bool:
    """True when the bot should respond to this message at all."""
    chat_type = message.chat.type
    if chat_type == Chat.PRIVATE:
        return True
    if chat_type not in (Chat.GROUP, Chat.SUPERGROUP):
        return False
    text = message.text or message.caption or ""
    return mentions(text, bot_username) or is_reply_to_bot(message, bot_id)


def addressed_question(message: Message, bot_username: str, bot_id: int) -> str | None:
    """The question in a text message meant for the bot, or None to stay silent."""
    if message.text is None or not for_the_bot(message, bot_username, bot_id):
        return None
    return strip_mention(message.text, bot_username)


def command_target(text: str) -> tuple[str, str | None] | None:
    """For a message starting with /command or /command@bot: the command name (lower case)
    and the @username it is addressed to (None when none is given); else None."""
    match = _COMMAND_RE.match(text)
    return (match.group(1).lower(), match.group(2)) if match else None


def meant_for_the_bot(
    message: Message, bot_username: str, bot_id: int, commands: Collection[str]
) -> bool:
    """True when the bot responds to this message: anything in a private chat but commands for
    another bot; in groups, its `commands` (/name@other_bot excepted), mentions and replies."""
    target = command_target(message.text or "")
    if target is None:
        return for_the_bot(message, bot_username, bot_id)
    name, username = target
    if username is not None:
        return username.lower() == bot_username.lower()
    return message.chat.type == Chat.PRIVATE or (
        message.chat.type in (Chat.GROUP, Chat.SUPERGROUP) and name in commands
    )
