"""The bot survives what Telegram throws at it: flood limits, 5xx, dropped connections."""

from __future__ import annotations

import logging

import pytest

from tests.support.telegram import RunningBot, expected_answer_text


@pytest.mark.slow  # waits out retry delays in real time
async def test_a_429_is_waited_out_and_the_answer_still_arrives(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.fail_next("sendMessage", 429, retry_after=1)
    reply = await running_bot.ask("How did the council vote?")
    assert reply["text"] == expected_answer_text(running_bot.knowledge, "vote")
    sends = api.calls_to("sendMessage")
    assert [c.status for c in sends] == [429, 200]
    assert sends[1].at - sends[0].at >= 1.0  # retry_after was respected
    assert [(e.method, e.status) for e in api.errors_returned] == [("sendMessage", 429)]


@pytest.mark.slow  # waits out retry delays in real time
async def test_a_502_while_polling_is_retried(
    running_bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    api = running_bot.api
    api.fail_next("getUpdates", 502)
    await api.wait_for(lambda _: any(e.status == 502 for e in api.errors_returned))
    reply = await running_bot.ask("How did the council vote?")
    assert reply["text"] == expected_answer_text(running_bot.knowledge, "vote")
    assert any(
        r.levelno == logging.WARNING and "Telegram request failed while polling" in r.message
        for r in caplog.records
    )


@pytest.mark.slow  # waits out retry delays in real time
async def test_two_502s_on_send_are_retried_and_the_reply_still_arrives(
    running_bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    api = running_bot.api
    api.fail_next("sendMessage", 502, count=2)
    reply = await running_bot.ask("How did the council vote?")
    assert reply["text"] == expected_answer_text(running_bot.knowledge, "vote")
    assert [c.status for c in api.calls_to("sendMessage")] == [502, 502, 200]
    retries = [r for r in caplog.records if r.name == "bot.telegram.sending"]
    assert len(retries) == 2 and all(r.exc_info is None for r in retries)  # one line each


async def test_a_dropped_connection_on_send_is_retried(running_bot: RunningBot) -> None:
    api = running_bot.api
    api.fail_next("sendMessage", 200, disconnect=True)
    reply = await running_bot.ask("What happens to the books?")
    assert reply["text"] == expected_answer_text(running_bot.knowledge, "books")
    assert [c.status for c in api.calls_to("sendMessage")] == [0, 200]


async def test_an_unexpected_error_is_logged_and_the_person_gets_an_apology(
    running_bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    api = running_bot.api
    api.fail_next("sendMessage", 400, description="Bad Request: something unexpected")
    reply = await running_bot.ask("How did the council vote?")
    assert reply["text"] == "Sorry, something went wrong on my side. Please try again in a moment."
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.exc_info is not None and "something unexpected" in str(record.exc_info[1]).lower()
    assert "How did the council vote?" not in record.getMessage()  # no message contents
    later = await running_bot.ask("How did the council vote?")
    assert later["text"] == expected_answer_text(running_bot.knowledge, "vote")


async def test_each_question_is_logged_with_outcome_entry_confidence_and_time(
    running_bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    await running_bot.ask("How did the council vote?")
    await running_bot.ask("What is the capital of Mongolia?")
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.telegram.replies"]
    assert lines[0].startswith("question via=private outcome=answered entry=vote confidence=")
    assert " ms=" in lines[0]
    assert lines[1].startswith("question via=private outcome=no_match entry=- confidence=")
    assert not any("Mongolia" in line for line in lines)
