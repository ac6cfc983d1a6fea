"""Tests of the fake Telegram Bot API server, mostly through a real python-telegram-bot Bot."""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
import importlib
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    ApplicationBuilder,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.fakebotapi import DEFAULT_USER_ID, FakeBotApi, UploadedFile, parse_html

CHAT = 4242
PARSE_PREFIX = "Bad Request: can't parse entities: "


@pytest.fixture
async def bot(fake_api: FakeBotApi) -> AsyncIterator[Bot]:
    """A real PTB Bot talking to the fake server."""
    async with Bot(fake_api.token, base_url=fake_api.base_url) as real_bot:
        yield real_bot


def keyboard(*buttons: InlineKeyboardButton) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([list(buttons)])


def test_both_import_paths_give_the_same_class(fake_api: FakeBotApi) -> None:
    assert importlib.import_module("fakebotapi").FakeBotApi is FakeBotApi
    assert fake_api.base_url == f"http://127.0.0.1:{fake_api.port}/bot"
    assert fake_api.base_file_url == f"http://127.0.0.1:{fake_api.port}/file/bot"


async def test_get_me_returns_the_bot_user(bot: Bot, fake_api: FakeBotApi) -> None:
    me = await bot.get_me()

    assert me.id == fake_api.bot_id == int(fake_api.token.split(":")[0])
    assert me.is_bot is True
    assert me.username == "g4s_qa_bot"
    assert me.can_join_groups is True
    assert me.can_read_all_group_messages is False
    assert me.supports_inline_queries is True


async def test_send_message_with_html_and_keyboard_round_trips(
    bot: Bot, fake_api: FakeBotApi
) -> None:
    markup = keyboard(
        InlineKeyboardButton("Source", url="https://example.com/news"),
        InlineKeyboardButton("More", callback_data="more:1"),
    )
    sent = await bot.send_message(
        CHAT, "<b>Answer</b>: 2 &lt; 3 &amp; done", parse_mode=ParseMode.HTML, reply_markup=markup
    )

    assert sent.text == "Answer: 2 < 3 & done"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [("bold", 0, 6)]
    assert sent.from_user is not None and sent.from_user.id == fake_api.bot_id
    assert sent.chat.id == CHAT and sent.chat.type == "private"
    assert sent.reply_markup == markup
    [stored] = fake_api.messages_in(CHAT)
    assert stored["message_id"] == sent.message_id
    assert stored["reply_markup"]["inline_keyboard"][0][1] == {
        "text": "More",
        "callback_data": "more:1",
    }
    # What PTB 22 puts on the wire: a urlencoded form, JSON-encoded complex fields.
    [call] = fake_api.calls_to("sendMessage")
    assert call.content_type == "application/x-www-form-urlencoded"
    assert call.raw["chat_id"] == str(CHAT)
    assert call.raw["reply_markup"].startswith('{"inline_keyboard": [[{')
    assert call.params["chat_id"] == CHAT
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://example.com/news"
    fake_api.assert_no_errors()


def test_parse_html_matches_telegram_text_and_utf16_offsets() -> None:
    text, entities = parse_html(
        "\N{GRINNING FACE} <b>bold</b> <a href='example.com'>x</a> "
        '<pre><code class="language-python">1</code></pre> '
        "<blockquote expandable>q</blockquote> <tg-spoiler>s</tg-spoiler> "
        "&lt;&#65;&#x42;&quot; <a href='tg://user?id=7'>u</a> <u><i>ui</i></u>"
    )

    assert text == '\N{GRINNING FACE} bold x 1 q s <AB" u ui'
    assert entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "text_link", "offset": 8, "length": 1, "url": "http://example.com/"},
        {"type": "pre", "offset": 10, "length": 1, "language": "python"},
        {"type": "expandable_blockquote", "offset": 12, "length": 1},
        {"type": "spoiler", "offset": 14, "length": 1},
        {
            "type": "text_mention",
            "offset": 21,
            "length": 1,
            "user": {"id": 7, "is_bot": False, "first_name": "User"},
        },
        {"type": "italic", "offset": 23, "length": 2},
        {"type": "underline", "offset": 23, "length": 2},
    ]


def test_parse_html_lenient_mode_keeps_a_bare_ampersand_like_telegram() -> None:
    assert parse_html("Tom & Jerry &amp <i>x</i>", strict=False) == (
        "Tom & Jerry & x",
        [{"type": "italic", "offset": 14, "length": 1}],
    )


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("<b>unclosed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<blink>hi</blink>", 'Unsupported start tag "blink" at byte offset 0'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("ends with <", "Unclosed start tag at byte offset 10"),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("<b>x</b></b>", "Unexpected end tag at byte offset 8"),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a href>x</a>", 'Expected equal sign in declaration of an attribute of the tag "a"'),
        ("Tom & Jerry", 'Character "&" at byte offset 4 does not start an HTML entity'),
        ("caf\N{LATIN SMALL LETTER E WITH ACUTE} &nbsp;", 'Character "&" at byte offset 6'),
        ("&amp no semicolon", 'HTML entity at byte offset 0 is not terminated by ";"'),
    ],
)
async def test_invalid_html_is_rejected_like_telegram(
    bot: Bot, fake_api: FakeBotApi, text: str, description: str
) -> None:
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(CHAT, text, parse_mode=ParseMode.HTML)

    [error] = fake_api.errors_returned
    assert error.status == 400
    assert error.method == "sendMessage"
    assert error.description.startswith(PARSE_PREFIX + description)
    assert fake_api.messages_in(CHAT) == []


async def test_message_length_is_counted_in_utf16_after_parsing(
    bot: Bot, fake_api: FakeBotApi
) -> None:
    emoji = "\N{GRINNING FACE}"
    await bot.send_message(CHAT, "x" * 4096)
    await bot.send_message(CHAT, emoji * 2048)
    await bot.send_message(CHAT, "<b>" + "&amp;" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    for too_long in ("x" * 4097, emoji * 2049):
        with pytest.raises(BadRequest, match="Message is too long"):
            await bot.send_message(CHAT, too_long)

    assert [len(m["text"]) for m in fake_api.messages_in(CHAT)] == [4096, 2048, 4096]
    assert [e.description for e in fake_api.errors_returned] == [
        "Bad Request: message is too long"
    ] * 2


async def test_empty_texts_are_rejected(bot: Bot, fake_api: FakeBotApi) -> None:
    for text, parse_mode in (("", None), ("  \n ", None), ("<b></b> ", ParseMode.HTML)):
        with pytest.raises(BadRequest):
            await bot.send_message(CHAT, text, parse_mode=parse_mode)

    assert [e.description for e in fake_api.errors_returned] == [
        "Bad Request: message text is empty",
        "Bad Request: text must be non-empty",
        "Bad Request: text must be non-empty",
    ]


async def test_surrounding_whitespace_is_trimmed_and_entities_follow(bot: Bot) -> None:
    sent = await bot.send_message(CHAT, "\n  <i>hi</i> /help  ", parse_mode=ParseMode.HTML)

    assert sent.text == "hi /help"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("italic", 0, 2),
        ("bot_command", 3, 5),
    ]


@pytest.mark.parametrize(
    ("button", "description"),
    [
        (InlineKeyboardButton("x", callback_data="d" * 65), "BUTTON_DATA_INVALID"),
        (InlineKeyboardButton("x", callback_data="\N{EURO SIGN}" * 22), "BUTTON_DATA_INVALID"),
        (
            InlineKeyboardButton("x"),
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        ),
        (InlineKeyboardButton("x", callback_data=""), "can't parse inline keyboard button: Text"),
        (
            InlineKeyboardButton("x", url="https://a.example", callback_data="d"),
            "can't parse inline keyboard button: exactly one of the optional fields",
        ),
        (InlineKeyboardButton(" ", callback_data="d"), "BUTTON_TEXT_INVALID"),
        (
            InlineKeyboardButton("x", url="not-a-url"),
            "inline keyboard button URL 'not-a-url' is invalid: Wrong HTTP URL",
        ),
        (
            InlineKeyboardButton("x", url="ftp://example.com"),
            "inline keyboard button URL 'ftp://example.com' is invalid: Unsupported URL protocol",
        ),
    ],
)
async def test_invalid_inline_keyboards_are_rejected(
    bot: Bot, fake_api: FakeBotApi, button: InlineKeyboardButton, description: str
) -> None:
    with pytest.raises(BadRequest):
        await bot.send_message(CHAT, "pick", reply_markup=keyboard(button))

    assert fake_api.errors_returned[0].description.startswith(f"Bad Request: {description}")


async def test_callback_data_of_64_bytes_is_accepted(bot: Bot) -> None:
    sent = await bot.send_message(
        CHAT, "pick", reply_markup=keyboard(InlineKeyboardButton("x", callback_data="d" * 64))
    )
    assert sent.reply_markup is not None
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "d" * 64


async def test_get_updates_confirms_by_offset(bot: Bot, fake_api: FakeBotApi) -> None:
    first, second, third = (fake_api.send_text(t) for t in ("one", "two", "three"))

    updates = await bot.get_updates()
    assert [u.message.text for u in updates if u.message] == ["one", "two", "three"]
    ids = [u.update_id for u in updates]
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert len(await bot.get_updates()) == 3  # not confirmed without an offset

    updates = await bot.get_updates(offset=ids[1], limit=1)
    assert [u.update_id for u in updates] == [ids[1]]
    assert [u["message"]["text"] for u in fake_api.pending_updates] == ["two", "three"]

    assert await bot.get_updates(offset=ids[2] + 1) == ()
    assert fake_api.pending_updates == []
    assert await bot.get_updates(offset=ids[0]) == ()  # confirmed updates never come back

    fake_api.send_text("four")
    fake_api.send_text("five")
    updates = await bot.get_updates(offset=-1)
    assert [u.message.text for u in updates if u.message] == ["five"]
    assert [u["message"]["text"] for u in fake_api.pending_updates] == ["five"]
    assert first["text"] == "one" and second["chat"]["id"] == third["from"]["id"] == DEFAULT_USER_ID


@pytest.mark.slow
async def test_get_updates_long_polls_until_an_update_or_the_timeout(
    bot: Bot, fake_api: FakeBotApi
) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.3)
    assert not poll.done()
    fake_api.send_text("late")
    updates = await asyncio.wait_for(poll, timeout=2)
    assert [u.message.text for u in updates if u.message] == ["late"]
    assert time.monotonic() - started < 1.5

    started = time.monotonic()
    assert await bot.get_updates(offset=updates[-1].update_id + 1, timeout=1) == ()
    assert 0.9 <= time.monotonic() - started < 2.5


async def test_a_second_poller_terminates_the_first_with_conflict(
    bot: Bot, fake_api: FakeBotApi
) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    async with Bot(fake_api.token, base_url=fake_api.base_url) as other:
        assert await other.get_updates(timeout=0) == ()

    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await asyncio.wait_for(first, timeout=2)


async def test_injected_faults(
    bot: Bot, fake_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    fake_api.fail_next("sendMessage", status=429, retry_after=3)
    with pytest.raises(RetryAfter) as flood:
        await bot.send_message(CHAT, "hi")
    assert flood.value.retry_after == dtm.timedelta(seconds=3)
    assert (await bot.send_message(CHAT, "hi")).text == "hi"
    assert fake_api.calls_to("sendMessage")[0].response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 3",
        "parameters": {"retry_after": 3},
    }

    fake_api.fail_next("getMe", status=502, count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.get_me()
    assert (await bot.get_me()).username == "g4s_qa_bot"

    fake_api.fail_next("*", status=502, html=False)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.get_webhook_info()

    fake_api.fail_next("getWebhookInfo", disconnect=True)
    with pytest.raises(NetworkError):
        await bot.get_webhook_info()
    fake_api.fail_next("getWebhookInfo", status=504, delay=0.5)
    with pytest.raises(TimedOut):
        await bot.get_webhook_info(read_timeout=0.1)

    assert [(e.method, e.status, e.injected) for e in fake_api.errors_returned] == [
        ("sendMessage", 429, True),
        ("getMe", 502, True),
        ("getMe", 502, True),
        ("getWebhookInfo", 502, True),
        ("getWebhookInfo", 0, True),
        ("getWebhookInfo", 504, True),
    ]
    fake_api.assert_no_errors()


async def test_tokens_methods_and_body_encodings(fake_api: FakeBotApi) -> None:
    async with httpx.AsyncClient(base_url=fake_api.url) as client:
        wrong = await client.post("/bot123:WRONG/getMe")
        assert (wrong.status_code, wrong.json()) == (
            401,
            {"ok": False, "error_code": 401, "description": "Unauthorized"},
        )
        unknown = await client.post(f"/bot{fake_api.token}/noSuchMethod")
        assert (unknown.status_code, unknown.json()) == (
            404,
            {"ok": False, "error_code": 404, "description": "Not Found"},
        )
        assert (await client.get(f"/bot{fake_api.token}/GETME")).json()["result"]["is_bot"]

        as_json = await client.post(
            f"/bot{fake_api.token}/sendMessage",
            json={
                "chat_id": CHAT,
                "text": "<i>json</i>",
                "parse_mode": "html",
                "reply_markup": {"inline_keyboard": [[{"text": "a", "callback_data": "b"}]]},
            },
        )
        assert as_json.json()["result"]["entities"] == [
            {"type": "italic", "offset": 0, "length": 4}
        ]
        multipart = await client.post(
            f"/bot{fake_api.token}/sendMessage",
            data={"chat_id": str(CHAT), "text": "h\N{LATIN SMALL LETTER E WITH ACUTE}llo"},
            files={"document": ("a.txt", b"payload", "text/plain")},
        )
        assert multipart.json()["result"]["text"] == "h\N{LATIN SMALL LETTER E WITH ACUTE}llo"

    assert [c.method for c in fake_api.calls] == ["getMe", "noSuchMethod", "getMe"] + [
        "sendMessage"
    ] * 2
    json_call, multipart_call = fake_api.calls_to("sendmessage")
    assert json_call.content_type == "application/json"
    assert json_call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "b"
    assert multipart_call.content_type == "multipart/form-data"
    assert multipart_call.params["document"] == UploadedFile("a.txt", "text/plain", b"payload")
    assert [e.status for e in fake_api.errors_returned] == [401, 404]


async def test_edit_message_text_rules(bot: Bot, fake_api: FakeBotApi) -> None:
    markup = keyboard(InlineKeyboardButton("Again", callback_data="again"))
    sent = await bot.send_message(CHAT, "<b>v1</b>", parse_mode="HTML", reply_markup=markup)

    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(
            "<b>v1</b>", CHAT, sent.message_id, parse_mode="HTML", reply_markup=markup
        )
    edited = await bot.edit_message_text("v1", CHAT, sent.message_id)  # bold dropped
    assert isinstance(edited, Message)
    assert edited.text == "v1" and edited.entities == () and edited.edit_date is not None
    assert edited.reply_markup is None  # an edit without reply_markup removes the keyboard
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("v2", CHAT, sent.message_id + 100)
    user_message = fake_api.send_text("mine", user_id=CHAT)
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await bot.edit_message_text("v2", CHAT, user_message["message_id"])

    with_keyboard = await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=markup)
    assert isinstance(with_keyboard, Message)
    assert with_keyboard.reply_markup == markup
    [current] = fake_api.messages_in(CHAT)
    assert (current["text"], current["reply_markup"]) == ("v1", markup.to_dict())
    assert len(fake_api.history(CHAT)) == 2


async def test_callback_queries(bot: Bot, fake_api: FakeBotApi) -> None:
    markup = keyboard(InlineKeyboardButton("Yes", callback_data="yes"))
    sent = await bot.send_message(CHAT, "Sure?", reply_markup=markup)
    query_id = fake_api.press_button(sent, "yes")  # pressed by the private chat's user

    [update] = await bot.get_updates()
    query = update.callback_query
    assert query is not None and query.id == query_id and query.data == "yes"
    assert query.from_user.id == CHAT
    assert query.message is not None and query.message.message_id == sent.message_id
    assert await bot.answer_callback_query(query_id, text="Noted")
    assert fake_api.answered_callbacks[query_id]["text"] == "Noted"
    for stale in (query_id, "12345"):
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_callback_query(stale)

    with pytest.raises(ValueError, match="no button with callback_data 'no'"):
        fake_api.press_button((CHAT, sent.message_id), "no")
    await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=None)
    with pytest.raises(ValueError, match="offers \\[\\]"):
        fake_api.press_button((CHAT, sent.message_id), "yes")


async def test_inline_queries(bot: Bot, fake_api: FakeBotApi) -> None:
    query_id = fake_api.inline_query("brexit", user_id=77)
    [update] = await bot.get_updates()
    assert update.inline_query is not None
    assert (update.inline_query.id, update.inline_query.query) == (query_id, "brexit")

    def article(result_id: str, text: str = "<b>yes</b>") -> InlineQueryResultArticle:
        return InlineQueryResultArticle(
            result_id, "Title", InputTextMessageContent(text, parse_mode=ParseMode.HTML)
        )

    bad_answers = [
        ([article(str(i)) for i in range(51)], "Bad Request: RESULTS_TOO_MUCH"),
        ([article("1"), article("1")], "Bad Request: RESULT_ID_DUPLICATE"),
        ([article("1", "a <b")], PARSE_PREFIX + "Unclosed start tag at byte offset 2"),
    ]
    for results, _ in bad_answers:
        with pytest.raises(BadRequest):
            await bot.answer_inline_query(query_id, results)
    assert [e.description for e in fake_api.errors_returned] == [d for _, d in bad_answers]

    assert await bot.answer_inline_query(query_id, [article("a"), article("b")], cache_time=0)
    answer = fake_api.inline_answers[query_id]
    assert [r["id"] for r in answer["results"]] == ["a", "b"]
    assert answer["results"][0]["input_message_content"]["message_text"] == "<b>yes</b>"
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query(query_id, [article("c")])


async def test_bot_commands_and_descriptions(bot: Bot, fake_api: FakeBotApi) -> None:
    commands = [BotCommand("start", "Start over"), BotCommand("ask", "Ask about the article")]
    assert await bot.set_my_commands(commands)
    assert await bot.get_my_commands() == tuple(commands)
    assert fake_api.commands == [c.to_dict() for c in commands]
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Start", "capital letters are not allowed")])
    assert await bot.delete_my_commands()
    assert fake_api.commands == []

    assert await bot.set_my_description("Answers questions about one article.")
    assert await bot.set_my_short_description("Article Q&A")
    assert fake_api.bot_text("description") == "Answers questions about one article."
    assert (await bot.get_my_short_description()).short_description == "Article Q&A"


async def test_injected_updates_deserialise_in_ptb(bot: Bot, fake_api: FakeBotApi) -> None:
    fake_api.send_command("/start", username="ann")
    fake_api.send_sticker()
    fake_api.send_photo("look at #this")
    fake_api.send_location(latitude=1.5, longitude=2.5)
    fake_api.send_voice(duration=7)
    fake_api.send_document(file_name="a.pdf")
    asked = fake_api.send_text(
        "\N{GRINNING FACE} @g4s_qa_bot what happened?", chat_type="supergroup", title="News"
    )
    fake_api.edit_text(asked, "@g4s_qa_bot what happened exactly?")

    updates = await bot.get_updates()
    messages = [u.effective_message for u in updates]
    assert all(m is not None for m in messages)
    command, sticker, photo, location, voice, document, mention, edited = messages
    assert command is not None and command.text == "/start"
    assert [(e.type, e.offset, e.length) for e in command.entities] == [("bot_command", 0, 6)]
    assert command.from_user is not None and command.from_user.username == "ann"
    assert sticker is not None and sticker.sticker is not None
    assert photo is not None and photo.caption == "look at #this"
    assert [e.type for e in photo.caption_entities] == ["hashtag"]
    assert photo.photo[-1].width == 1280
    assert location is not None and location.location is not None
    assert location.location.latitude == 1.5
    assert voice is not None and voice.voice is not None and voice.voice.duration == 7
    assert document is not None and document.document is not None
    assert document.document.file_name == "a.pdf"
    assert mention is not None and mention.chat.type == "supergroup"
    assert mention.chat.title == "News"
    assert [(e.type, e.offset, e.length) for e in mention.entities] == [("mention", 3, 11)]
    assert updates[-1].edited_message is not None and edited is not None
    assert edited.message_id == mention.message_id and edited.edit_date is not None


async def test_privacy_mode_hides_group_chatter(bot: Bot, fake_api: FakeBotApi) -> None:
    group: dict[str, Any] = {"chat_type": "group", "chat_id": -4001, "title": "Readers"}
    fake_api.send_text("just chatting", **group)
    fake_api.send_command("/start@other_bot", **group)
    fake_api.send_command("/ask why", at_bot=True, **group)
    fake_api.send_text("hey @G4S_QA_BOT", **group)
    bot_message = await bot.send_message(-4001, "I answer questions.")
    fake_api.send_text("thanks", reply_to_message=bot_message.message_id, **group)
    fake_api.send_sticker(**group)

    with pytest.raises(ValueError, match="negative"):
        fake_api.send_text("wrong id", chat_type="group", chat_id=4001)

    delivered = [u.message.text for u in await bot.get_updates() if u.message]
    assert delivered == ["/ask@g4s_qa_bot why", "hey @G4S_QA_BOT", "thanks"]
    assert [u["message"].get("text") for u in fake_api.filtered_updates] == [
        "just chatting",
        "/start@other_bot",
        None,
    ]


async def test_replies_deletes_actions_and_forbidden_chats(bot: Bot, fake_api: FakeBotApi) -> None:
    question = fake_api.send_text("why?", chat_id=CHAT)
    reply = await bot.send_message(CHAT, "because", reply_to_message_id=question["message_id"])
    assert reply.reply_to_message is not None and reply.reply_to_message.text == "why?"
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(CHAT, "x", reply_to_message_id=999)

    assert await bot.send_chat_action(CHAT, "typing")
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(CHAT, "dancing")
    assert await bot.delete_message(CHAT, reply.message_id)
    assert fake_api.messages_in(CHAT) == []
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(CHAT, reply.message_id)

    fake_api.block_user(55)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(55, "hi")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(0, "hi")
    with pytest.raises(BadRequest, match="Unsupported parse_mode"):
        await bot.send_message(CHAT, "hi", parse_mode="bbcode")


async def test_a_real_application_polls_replies_and_stops_cleanly(fake_api: FakeBotApi) -> None:
    handler_errors: list[BaseException] = []

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_user is not None and update.effective_message is not None
        name = html.escape(update.effective_user.first_name)
        await update.effective_message.reply_html(f"<b>Welcome</b>, {name}!")

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        text = update.effective_message.text
        await update.effective_message.reply_html(f"You said: <i>{html.escape(text)}</i>")

    async def unescaped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_html(f"Raw: {update.effective_message.text}")

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert context.error is not None
        handler_errors.append(context.error)

    builder = ApplicationBuilder().token(fake_api.token).base_url(fake_api.base_url)
    app = builder.build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("raw", unescaped))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_error_handler(on_error)

    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        fake_api.send_command("/start", first_name="Ann & Bob")
        fake_api.send_text("is 2 < 3 & 4 > 1?")
        replies = await fake_api.wait_for_messages(DEFAULT_USER_ID, count=2, timeout=5)
        fake_api.send_command("/raw 1 < 2")
        await fake_api.wait_for(lambda calls: len(handler_errors) == 1, timeout=5)
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()

    assert [m["text"] for m in replies] == ["Welcome, Ann & Bob!", "You said: is 2 < 3 & 4 > 1?"]
    assert [(e["type"], e["offset"], e["length"]) for e in replies[1]["entities"]] == [
        ("italic", 10, 17)
    ]
    # The unescaped reply is what a formatting bug looks like: Telegram rejects it.
    assert isinstance(handler_errors[0], BadRequest)
    [rejected] = fake_api.errors_returned
    assert rejected.method == "sendMessage"
    assert rejected.description == PARSE_PREFIX + 'Unsupported start tag "" at byte offset 12'
    assert rejected.params["text"] == "Raw: /raw 1 < 2"
    assert fake_api.pending_updates == []  # the final getUpdates confirmed everything
    methods = {c.method for c in fake_api.calls}
    assert {"getMe", "deleteWebhook", "getUpdates", "sendMessage"} <= methods
