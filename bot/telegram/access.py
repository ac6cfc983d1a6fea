"""Who may use the bot: the admins (QA_ADMIN_IDS) and the chat allowlist (QA_ALLOWED_CHAT_IDS).

A private chat's id is its user's id, so listing a user's id lets that user talk to the bot
in private (and use inline mode). Admins may always talk to the bot in private.
"""

from __future__ import annotations

from dataclasses import dataclass

PRIVATE = "private"


@dataclass(frozen=True)
class Access:
    """The admins, and the chats the bot answers in (None: every chat)."""

    admins: frozenset[int] = frozenset()
    allowed_chats: frozenset[int] | None = None

    def is_admin(self, user_id: int | None) -> bool:
        """True for a user listed in QA_ADMIN_IDS."""
        return user_id is not None and user_id in self.admins

    def allows_chat(self, chat_id: int, chat_type: str, user_id: int | None) -> bool:
        """True when the bot answers in this chat (for this user, in a private chat)."""
        if self.allowed_chats is None or chat_id in self.allowed_chats:
            return True
        return chat_type == PRIVATE and self.is_admin(user_id)

    def allows_inline(self, user_id: int | None) -> bool:
        """True when this user may use inline mode (which never says in which chat it is)."""
        if self.allowed_chats is None or self.is_admin(user_id):
            return True
        return user_id is not None and user_id in self.allowed_chats
