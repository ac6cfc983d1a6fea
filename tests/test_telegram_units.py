"""Unit tests of the Telegram layer's pure parts: settings, callback data, texts, log redaction."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from bot.config import DEFAULT_API_BASE_URL, ConfigError, Secret, Settings
from bot.engine import Engine
from bot.model import Outcome, Result
from bot.render_text import render_text
from bot.smalltalk import SmallTalk, classify
from bot.telegram.callback_data import (
    MAX_BYTES,
    Action,
    Press,
    decode,
    encode,
    entry_ref,
    resolve_entry,
)
from bot.telegram.logsafe import REDACTED, RedactingFilter
from bot.telegram.texts import (
    MESSAGE_LIMIT,
    clip,
    render_html,
    topics_pages,
    unsure_html,
    utf16_len,
)

TOKEN = "123456789:AAHsecretSECRETsecret_-xyz"


# -- settings ------------------------------------------------------------------------------------


def test_settings_read_the_environment_and_hide_the_token(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:1/bot",
        "QA_KNOWLEDGE": "some/folder",
        "QA_LOG_LEVEL": "debug",
        "QA_POLL_TIMEOUT": "0.5",
    }
    settings = Settings.from_env(environ=env, dotenv=tmp_path / "absent.env")
    assert settings.token is not None and settings.token.reveal() == TOKEN
    assert settings.api_base_url == "http://127.0.0.1:1/bot"
    assert settings.knowledge == "some/folder"
    assert settings.log_level == "DEBUG"
    assert settings.poll_timeout == 0.5
    for shown in (repr(settings), str(settings), f"{settings.token}", repr(settings.token)):
        assert TOKEN not in shown
        assert "AAH" not in shown
    assert settings.secrets() == [TOKEN]


def test_settings_defaults_and_command_line_wins(tmp_path: Path) -> None:
    env = {"QA_KNOWLEDGE": "from-env", "QA_LOG_LEVEL": "ERROR"}
    settings = Settings.from_env(
        knowledge="from-flag", log_level="warning", environ=env, dotenv=tmp_path / "x"
    )
    assert settings.token is None
    assert settings.api_base_url == DEFAULT_API_BASE_URL
    assert settings.knowledge == "from-flag"
    assert settings.log_level == "WARNING"
    assert Settings.from_env(environ={}, dotenv=tmp_path / "x").log_level == "INFO"


def test_dotenv_is_read_but_the_environment_wins(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nQA_LOG_LEVEL=ERROR\n# comment\n")
    settings = Settings.from_env(environ={"QA_LOG_LEVEL": "DEBUG"}, dotenv=dotenv)
    assert settings.token == Secret(TOKEN)
    assert settings.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("name", "value", "hint"),
    [
        ("QA_LOG_LEVEL", "loud", "log level"),
        ("QA_POLL_TIMEOUT", "soon", "QA_POLL_TIMEOUT"),
        ("QA_POLL_TIMEOUT", "-1", "QA_POLL_TIMEOUT"),
        ("TELEGRAM_BOT_TOKEN", "not a token", "BotFather"),
    ],
)
def test_malformed_settings_say_what_to_fix(
    tmp_path: Path, name: str, value: str, hint: str
) -> None:
    with pytest.raises(ConfigError, match=hint) as caught:
        Settings.from_env(environ={name: value}, dotenv=tmp_path / "x")
    assert "not a token" not in str(caught.value)  # a malformed token is not echoed either


# -- callback data -------------------------------------------------------------------------------


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


# -- small talk ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hi", SmallTalk.GREETING),
        ("Hello there! 👋", SmallTalk.GREETING),
        ("good morning", SmallTalk.GREETING),
        ("thanks", SmallTalk.THANKS),
        ("Thank you very much!", SmallTalk.THANKS),
        ("ok thanks, bye", SmallTalk.GOODBYE),
        ("hi, how much was the deal worth?", None),
        ("ok", None),
        ("<b>hi</b>", None),
        ("", None),
    ],
)
def test_small_talk(text: str, kind: SmallTalk | None) -> None:
    assert classify(text) is kind


# -- texts ---------------------------------------------------------------------------------------


def test_render_html_escapes_and_fits_one_message() -> None:
    engine = Engine.load()
    result = engine.answer_entry(next(iter(engine.knowledge.entries)))
    assert result.entry is not None and result.article is not None
    huge = Result(
        question="q",
        outcome=Outcome.ANSWERED,
        confidence=1.0,
        entry=dataclasses.replace(result.entry, answer="<b>&" * 900, quote="😀 & <i>" * 900),
        article=result.article,
    )
    text = render_html(huge)
    assert utf16_len(text) <= MESSAGE_LIMIT
    assert "<b>&" not in text and "&lt;b&gt;&amp;" in text
    assert text.count("<blockquote>") == 1 and text.endswith("</i>")
    assert render_text(result)  # the terminal rendering still works


def test_unsure_html_escapes_the_question() -> None:
    text = unsure_html("<script>&amp;" + "x" * 500)
    assert "<script>" not in text and "&lt;script&gt;&amp;amp;" in text
    assert len(text) < 250
    assert clip("a  b\n c", 10) == "a b c"


def test_topics_are_paginated_within_limits() -> None:
    engine = Engine.load()
    pages = topics_pages(engine.knowledge.topics())
    assert len(pages) == 1
    for question in (e.question for e in engine.knowledge.entries.values()):
        assert question.replace("'", "'") in pages[0].replace("&#x27;", "'")
    many = {f"Topic {n}": list(engine.knowledge.entries.values()) for n in range(20)}
    pages = topics_pages(many)
    assert len(pages) >= 3
    assert all(utf16_len(p) <= MESSAGE_LIMIT for p in pages)
    assert all(p.count("<b>Topic ") <= 8 for p in pages)
    assert pages[0].startswith("<b>Everything I can answer</b> (page 1/")


# -- log redaction -------------------------------------------------------------------------------


def test_the_filter_redacts_message_args_and_exceptions() -> None:
    log_filter = RedactingFilter([TOKEN])
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/getMe failed")
    except RuntimeError as exc:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "url %s and %r", (f"/bot{TOKEN}/x", TOKEN), None
        )
        record.exc_info = (type(exc), exc, exc.__traceback__)
    encoded = TOKEN.replace(":", "%3A")
    record.stack_info = f"stack {encoded}"
    assert log_filter.filter(record)
    formatted = logging.Formatter().format(record)
    assert TOKEN not in formatted and encoded not in formatted
    assert "AAHsecret" not in formatted
    assert formatted.count(REDACTED) >= 4
    assert "getMe failed" in formatted


# -- group addressing ----------------------------------------------------------------------------


def test_mentions_of_the_bot_are_found_and_stripped() -> None:
    from bot.telegram.addressing import mentions, strip_mention

    assert mentions("@G4S_QA_BOT how much?", "g4s_qa_bot")
    assert mentions("hey @g4s_qa_bot, how much?", "g4s_qa_bot")
    assert not mentions("@g4s_qa_bot_fan how much?", "g4s_qa_bot")
    assert not mentions("mail me at me@g4s_qa_bot", "g4s_qa_bot")
    assert not mentions("how much?", "")
    assert strip_mention("@G4S_qa_bot   how much was it? @g4s_qa_bot", "g4s_qa_bot") == (
        "how much was it?"
    )


def test_texts_about_many_long_articles_still_fit_one_message(tmp_path: Path) -> None:
    from bot.model import Article
    from bot.telegram.texts import no_match_html, source_html, start_html

    articles = [
        Article(f"a{n}", "<Title> & " * 40, "origin & <x> " * 80, "text", tmp_path)
        for n in range(60)
    ]
    counts = {a.id: 3 for a in articles}
    for text in (source_html(articles, counts), no_match_html(articles), start_html(articles)):
        assert utf16_len(text) <= MESSAGE_LIMIT
        assert "<Title>" not in text and "&lt;Title&gt; &amp;" in text
    assert "more" in source_html(articles, counts)
