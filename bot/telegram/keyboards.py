"""Inline keyboards: suggestions, example and follow-up questions, 👍/👎, the /topics pager."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import decision
from bot.knowledge import Knowledge
from bot.model import Entry, Suggestion
from bot.telegram.callback_data import Action, encode, entry_ref
from bot.telegram.texts import clip

LABEL_CHARS = 60  # longer button labels are cut by Telegram clients anyway
NONE_OF_THESE_LABEL = "None of these"
VOTE_UP_LABEL, VOTE_DOWN_LABEL = "\U0001f44d", "\U0001f44e"
VOTED_MARK = " \u2713"  # after the label of the vote that counts: "👍 ✓"
MAX_FOLLOW_UPS = 3
# As many buttons as the engine gives suggestions; a keyword menu ("About G4S I can tell you:")
# may offer one more.
MAX_SUGGESTIONS = decision.MAX_SUGGESTIONS
MAX_MENU = decision.MAX_KEYWORD_SUGGESTIONS


def _button(
    label: str, action: Action, argument: str = "", record: str = ""
) -> InlineKeyboardButton:
    data = encode(action, argument, record)
    return InlineKeyboardButton(clip(label, LABEL_CHARS), callback_data=data)


def suggestions(
    items: Sequence[Suggestion], record: str | None, most: int = MAX_SUGGESTIONS
) -> InlineKeyboardMarkup:
    """One button per suggestion (answered in place, the pick noted on `record`), then
    "None of these"."""
    rows = [
        [_button(s.question, Action.ANSWER_IN_PLACE, entry_ref(s.entry_id), record or "")]
        for s in items[:most]
    ]
    rows.append([_button(NONE_OF_THESE_LABEL, Action.NONE_OF_THESE)])
    return InlineKeyboardMarkup(rows)


def questions(entries: Sequence[Entry]) -> InlineKeyboardMarkup | None:
    """One button per entry, each answered in a new message (examples, follow-ups)."""
    rows = [[_button(e.question, Action.ANSWER_NEW, entry_ref(e.id))] for e in entries]
    return InlineKeyboardMarkup(rows) if rows else None


def answer(entry: Entry, knowledge: Knowledge, record: str | None) -> InlineKeyboardMarkup | None:
    """Under an answer: its related entries that the knowledge still has, then 👍 and 👎 for
    the question `record` (none when the question could not be recorded)."""
    related = [knowledge.entries[i] for i in entry.related if i in knowledge.entries]
    rows = [
        [_button(e.question, Action.ANSWER_NEW, entry_ref(e.id))] for e in related[:MAX_FOLLOW_UPS]
    ]
    if record:
        rows.append(vote_row(record))
    return InlineKeyboardMarkup(rows) if rows else None


def vote_row(record: str, vote: int = 0) -> list[InlineKeyboardButton]:
    """👍 and 👎 for the question `record`; the one that counts (`vote` 1 or -1) is ticked."""
    up = VOTE_UP_LABEL + (VOTED_MARK if vote > 0 else "")
    down = VOTE_DOWN_LABEL + (VOTED_MARK if vote < 0 else "")
    return [
        _button(up, Action.VOTE_UP, record=record),
        _button(down, Action.VOTE_DOWN, record=record),
    ]


def shown_vote(markup: InlineKeyboardMarkup | None, record: str) -> int:
    """The vote an answer's buttons show as counting: 1, -1, or 0 for none."""
    for row in markup.inline_keyboard if markup else ():
        for button in row:
            if button.text.endswith(VOTED_MARK) and button.callback_data in (
                encode(Action.VOTE_UP, record=record),
                encode(Action.VOTE_DOWN, record=record),
            ):
                return 1 if button.text.startswith(VOTE_UP_LABEL) else -1
    return 0


def with_vote(markup: InlineKeyboardMarkup, record: str, vote: int) -> InlineKeyboardMarkup:
    """An answer's buttons as they were, with the 👍/👎 row showing `vote` as the one counting."""
    votes = {encode(Action.VOTE_UP, record=record), encode(Action.VOTE_DOWN, record=record)}
    rows = [
        vote_row(record, vote) if any(b.callback_data in votes for b in row) else list(row)
        for row in markup.inline_keyboard
    ]
    return InlineKeyboardMarkup(rows)


def topics_pager(page: int, total: int) -> InlineKeyboardMarkup | None:
    """Previous/next buttons for page `page` (0-based) of `total` /topics pages."""
    row = []
    if page > 0:
        row.append(_button("\u2039 Previous", Action.TOPICS_PAGE, str(page - 1)))
    if page + 1 < total:
        row.append(_button("Next \u203a", Action.TOPICS_PAGE, str(page + 1)))
    return InlineKeyboardMarkup([row]) if row else None
