"""Inline keyboards: suggestions, example and follow-up questions, the /topics pager."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.knowledge import Knowledge
from bot.model import Entry, Suggestion
from bot.render import clip
from bot.telegram.callback_data import Action, encode, entry_ref

LABEL_CHARS = 60  # longer button labels are cut by Telegram clients anyway
NONE_OF_THESE_LABEL = "None of these"
MAX_FOLLOW_UPS = 3


def _button(label: str, action: Action, argument: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(clip(label, LABEL_CHARS), callback_data=encode(action, argument))


def suggestions(items: Sequence[Suggestion]) -> InlineKeyboardMarkup:
    """One button per suggestion (answered in place), then "None of these"."""
    rows = [[_button(s.question, Action.ANSWER_IN_PLACE, entry_ref(s.entry_id))] for s in items[:3]]
    rows.append([_button(NONE_OF_THESE_LABEL, Action.NONE_OF_THESE)])
    return InlineKeyboardMarkup(rows)


def questions(entries: Sequence[Entry]) -> InlineKeyboardMarkup | None:
    """One button per entry, each answered in a new message (examples, follow-ups)."""
    rows = [[_button(e.question, Action.ANSWER_NEW, entry_ref(e.id))] for e in entries]
    return InlineKeyboardMarkup(rows) if rows else None


def follow_ups(entry: Entry, knowledge: Knowledge) -> InlineKeyboardMarkup | None:
    """Buttons for an answered entry's related entries that the knowledge still has."""
    related = [knowledge.entries[i] for i in entry.related if i in knowledge.entries]
    return questions(related[:MAX_FOLLOW_UPS])


def topics_pager(page: int, total: int) -> InlineKeyboardMarkup | None:
    """Previous/next buttons for page `page` (0-based) of `total` /topics pages."""
    row = []
    if page > 0:
        row.append(_button("\u2039 Previous", Action.TOPICS_PAGE, str(page - 1)))
    if page + 1 < total:
        row.append(_button("Next \u203a", Action.TOPICS_PAGE, str(page + 1)))
    return InlineKeyboardMarkup([row]) if row else None
