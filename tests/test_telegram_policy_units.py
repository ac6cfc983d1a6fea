"""Unit tests of the authoring loop's pure parts: settings, button data with record ids,
who may use the bot, which messages are meant for it, and the admin replies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from telegram import Chat, Message, User

from bot.config import ConfigError, Settings
from bot.live import ReloadResult
from bot.stats import Cluster, Stats
from bot.telegram.access import Access
from bot.telegram.addressing import command_target, meant_for_the_bot
from bot.telegram.callback_data import MAX_BYTES, Action, Press, decode, encode, entry_ref
from bot.telegram.texts import MESSAGE_LIMIT, reload_html, stats_html, utf16_len

RECORD = "0123456789abcdef"
BOT, BOT_ID = "g4s_qa_bot", 7000000001
COMMANDS = {"start", "help", "ask", "stats"}


# -- settings ------------------------------------------------------------------------------------


def test_the_new_settings_have_defaults(tmp_path: Path) -> None:
    settings = Settings.from_env(environ={}, dotenv=tmp_path / "x")
    assert settings.reload_interval == 3.0
    assert settings.admin_ids == frozenset()
    assert settings.allowed_chat_ids is None
    assert (settings.flood_max, settings.flood_window) == (8, 10.0)
    assert settings.hash_key is None
    assert settings.store.path.name == "questions.sqlite3" and settings.store.retention_days == 90


def test_the_new_settings_are_read_and_the_hash_key_kept_secret(tmp_path: Path) -> None:
    key = "k" * 32
    env = {
        "QA_RELOAD_INTERVAL": "0",
        "QA_ADMIN_IDS": "42, 43",
        "QA_ALLOWED_CHAT_IDS": "-1001234567890,42",
        "QA_FLOOD_MAX": "0",
        "QA_FLOOD_WINDOW": "2.5",
        "QA_DB_PATH": str(tmp_path / "q.sqlite3"),
        "QA_RETENTION_DAYS": "7",
        "QA_HASH_KEY": key,
    }
    settings = Settings.from_env(environ=env, dotenv=tmp_path / "x")
    assert settings.reload_interval == 0
    assert settings.admin_ids == {42, 43}
    assert settings.allowed_chat_ids == {-1001234567890, 42}
    assert (settings.flood_max, settings.flood_window) == (0, 2.5)
    assert settings.store.path == tmp_path / "q.sqlite3" and settings.store.retention_days == 7
    assert key in settings.secrets() and key not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value", "hint"),
    [
        ("QA_ADMIN_IDS", "42,ann", "'ann' is not a Telegram id"),
        ("QA_ALLOWED_CHAT_IDS", "1.5", "QA_ALLOWED_CHAT_IDS"),
        ("QA_RELOAD_INTERVAL", "-1", "QA_RELOAD_INTERVAL"),
        ("QA_FLOOD_MAX", "many", "QA_FLOOD_MAX"),
        ("QA_FLOOD_WINDOW", "0", "QA_FLOOD_WINDOW"),
        ("QA_RETENTION_DAYS", "a week", "QA_RETENTION_DAYS"),
        ("QA_HASH_KEY", "short", "too short"),
    ],
)
def test_malformed_new_settings_say_what_to_fix(
    tmp_path: Path, name: str, value: str, hint: str
) -> None:
    with pytest.raises(ConfigError, match=hint):
        Settings.from_env(environ={name: value}, dotenv=tmp_path / "x")


# -- callback data -------------------------------------------------------------------------------


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


# -- access --------------------------------------------------------------------------------------


def test_the_allowlist_admins_and_inline_mode() -> None:
    everyone = Access(admins=frozenset({1}))
    assert everyone.allows_chat(-100, "group", 5) and everyone.allows_inline(5)
    listed = Access(admins=frozenset({1}), allowed_chats=frozenset({-100, 2}))
    assert listed.allows_chat(-100, "supergroup", 5)
    assert listed.allows_chat(2, "private", 2)
    assert not listed.allows_chat(3, "private", 3)
    assert listed.allows_chat(1, "private", 1)  # an admin, in private
    assert not listed.allows_chat(-200, "group", 1)  # but not in any group
    assert listed.allows_inline(2) and listed.allows_inline(1)
    assert not listed.allows_inline(3) and not listed.allows_inline(None)
    assert listed.is_admin(1) and not listed.is_admin(2) and not listed.is_admin(None)


# -- addressing ----------------------------------------------------------------------------------


def _message(text: str, chat_type: str = Chat.PRIVATE) -> Message:
    chat = Chat(-100 if chat_type != Chat.PRIVATE else 5, chat_type)
    return Message(1, dt.datetime.now(dt.UTC), chat, from_user=User(5, "Ann", False), text=text)


def test_commands_and_who_they_are_for() -> None:
    assert command_target("/Stats") == ("stats", None)
    assert command_target("/ask@G4S_qa_bot how?") == ("ask", "G4S_qa_bot")
    assert command_target("/ hi") is None and command_target("hi /stats") is None

    def meant(text: str, chat_type: str = Chat.PRIVATE) -> bool:
        return meant_for_the_bot(_message(text, chat_type), BOT, BOT_ID, COMMANDS)

    assert meant("/weather") and meant("/help") and meant("how much?")
    assert not meant("/help@other_bot")
    group = Chat.SUPERGROUP
    assert meant("/help", group) and meant("/stats@g4s_qa_bot", group)
    assert not meant("/weather", group) and not meant("/help@other_bot", group)
    assert meant("@g4s_qa_bot how much?", group) and not meant("how much?", group)
    assert not meant("/help", Chat.CHANNEL)


# -- admin replies -------------------------------------------------------------------------------


def test_stats_html_shows_counts_votes_and_escaped_questions() -> None:
    stats = Stats(
        today={"answered": 2, "suggested": 1, "no_match": 3},
        last_7_days={"answered": 20, "suggested": 5, "no_match": 9},
        top_unanswered=(Cluster("Is <b>it</b> & that?", 4), Cluster("x" * 5000, 2)),
        votes_up_7_days=6,
        votes_down_7_days=1,
    )
    text = stats_html(stats)
    assert "Today: <b>6</b> (2 answered, 1 suggestions offered, 3 not answered)" in text
    assert "Last 7 days: <b>34</b> (20 answered, 5 suggestions offered, 9 not answered)" in text
    assert "\U0001f44d 6 \u00b7 \U0001f44e 1" in text
    assert "1. Is &lt;b&gt;it&lt;/b&gt; &amp; that? \u00d74" in text
    assert utf16_len(text) <= MESSAGE_LIMIT


def test_reload_html_escapes_problems_and_fits_one_message() -> None:
    ok = reload_html(ReloadResult(True, 7, 1))
    assert ok.startswith("Reloaded: <b>7</b> entries from 1 article(s).")
    problems = tuple(
        f"k/library.yaml:{n}:3: [e{n}] quote <{'&' * 300}> not found" for n in range(50)
    )
    failed = reload_html(ReloadResult(False, 7, 1, problems))
    assert failed.startswith("<b>Reload failed</b>; still answering from the previous knowledge")
    assert "<{" not in failed and "&lt;&amp;&amp;" in failed
    assert utf16_len(failed) <= MESSAGE_LIMIT
    assert "more (run qa-bot check)." in failed


def test_env_example_documents_every_setting() -> None:
    example = (Path(__file__).parent.parent / ".env.example").read_text(encoding="utf-8")
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_API_BASE_URL",
        "QA_POLL_TIMEOUT",
        "QA_KNOWLEDGE",
        "QA_RELOAD_INTERVAL",
        "QA_ADMIN_IDS",
        "QA_ALLOWED_CHAT_IDS",
        "QA_FLOOD_MAX",
        "QA_FLOOD_WINDOW",
        "QA_LOG_LEVEL",
        "QA_DB_PATH",
        "QA_HASH_KEY",
        "QA_RETENTION_DAYS",
    ):
        assert f"\n{name}=" in example or f"\n# {name}=" in example, name
