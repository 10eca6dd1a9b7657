"""Faults a real Discord produces, and what the bot must do: resume, re-identify, retry, log, and
above all keep running."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from fakediscord import FakeDiscord
from somos import RunningSomos, running_somos, settings_for

pytestmark = pytest.mark.e2e

CALLBACK = ("POST", "/interactions/{interaction_id}/{interaction_token}/callback")
CHANNEL_MESSAGE = ("POST", "/channels/{channel_id}/messages")


async def assert_answers(fake: FakeDiscord, somos: RunningSomos) -> None:
    """The bot is alive and answers a fresh interaction."""
    somos.assert_alive()
    reply = await (await fake.command("cast", {"name": "Chayo"}, user=fake.new_member())).reply()
    assert "Chayo" in reply["embeds"][0]["title"]


def statuses(fake: FakeDiscord, route: tuple[str, str]) -> list[int]:
    return [r.status for r in fake.requests_to(*route)]


# Gateway ------------------------------------------------------------------------------------


async def test_dropped_connection_1006_resumes_and_answers(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    await fake_discord.gateway.drop()
    await fake_discord.wait_for_session(resumes=1)
    await assert_answers(fake_discord, somos)
    assert fake_discord.gateway.identify_count == 1, "a dropped connection is resumed"


async def test_reconnect_opcode_resumes_and_answers(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    await fake_discord.gateway.reconnect()
    await fake_discord.wait_for_session(resumes=1)
    await assert_answers(fake_discord, somos)
    assert fake_discord.gateway.identify_count == 1


async def test_interaction_sent_while_disconnected_is_replayed_on_resume(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    await fake_discord.gateway.close(4000, "unknown error")
    missed = await fake_discord.command("about")
    await fake_discord.wait_for_session(resumes=1)
    assert (await missed.reply())["embeds"]
    somos.assert_alive()


async def test_resumable_invalid_session_resumes(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    await fake_discord.gateway.invalidate_session(resumable=True)
    await fake_discord.wait_for_session(resumes=1)
    await assert_answers(fake_discord, somos)


async def test_invalid_session_re_identifies_and_answers(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    """discord.py waits 5 s before a new IDENTIFY (its `before_identify_hook`): the slow test."""
    await fake_discord.gateway.invalidate_session(resumable=False)
    await fake_discord.wait_for_session(identifies=2, timeout=15)
    await assert_answers(fake_discord, somos)
    # The new session is as robust as the first one.
    await fake_discord.dispatch("INTERACTION_CREATE", {"id": "1", "type": 2})
    await assert_answers(fake_discord, somos)


# REST ---------------------------------------------------------------------------------------


async def test_rate_limited_callback_is_retried_and_delivered(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    fake_discord.faults.rate_limit("callback", retry_after=0.3)
    reply = await (await fake_discord.command("cast", {"name": "Chayo"})).reply()
    assert "Chayo" in reply["embeds"][0]["title"]
    assert statuses(fake_discord, CALLBACK) == [429, 200]
    somos.assert_alive()


async def test_rate_limited_mention_reply_is_retried_and_delivered(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    fake_discord.faults.rate_limit("channel_message", retry_after=0.3)
    reply = await fake_discord.channel_reply(await fake_discord.mention("who plays Chayo?"))
    assert reply["embeds"]
    assert statuses(fake_discord, CHANNEL_MESSAGE) == [429, 200]
    somos.assert_alive()


async def test_rate_limited_followup_is_retried_and_delivered(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    fake_discord.faults.rate_limit("followup", retry_after=0.3)
    reply = await (await fake_discord.command("kb reload", moderator=True)).reply()
    assert reply["content"].startswith("Knowledge reloaded")
    assert statuses(fake_discord, ("POST", "/webhooks/{webhook_id}/{webhook_token}")) == [429, 200]
    somos.assert_alive()


async def test_a_mention_in_a_channel_the_bot_cannot_write_to_is_logged(
    fake_discord: FakeDiscord, somos: RunningSomos, caplog: pytest.LogCaptureFixture
) -> None:
    fake_discord.faults.add(
        "channel_message", 403, {"message": "Missing Permissions", "code": 50013}
    )
    await fake_discord.mention("who plays Chayo?")
    await fake_discord.wait_until(
        lambda: any("Could not answer a mention" in r.getMessage() for r in caplog.records),
        5,
        "the refusal to be logged",
    )
    reply = await fake_discord.channel_reply(await fake_discord.mention("who plays Chayo?"))
    assert reply["embeds"], "the next mention is answered"
    somos.assert_alive()


async def test_rate_limited_start_up_sync_is_retried(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    fake_discord.faults.rate_limit("sync_guild", retry_after=0.2)
    async with running_somos(fake_discord, settings_for(fake_discord, tmp_path)) as running:
        assert fake_discord.commands[fake_discord.guild.id]
        route = ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands")
        assert statuses(fake_discord, route) == [429, 200]
        await assert_answers(fake_discord, running)


async def test_server_error_on_callback_is_retried_and_delivered(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    fake_discord.faults.server_error("callback")
    reply = await (await fake_discord.command("about")).reply()
    assert reply["embeds"]
    assert statuses(fake_discord, CALLBACK) == [500, 200]
    somos.assert_alive()


async def test_server_errors_past_the_deadline_are_logged_and_the_bot_lives(
    fake_discord: FakeDiscord, somos: RunningSomos, caplog: pytest.LogCaptureFixture
) -> None:
    """Two 500s: discord.py retries after 1 s and 3 s, by then Discord has forgotten the
    interaction (10062). The failure must be logged, and the bot must go on."""
    fake_discord.faults.server_error("callback", times=2)
    handle = await fake_discord.command("about")
    await fake_discord.wait_until(
        lambda: any(r.status == 404 for r in fake_discord.requests_to(*CALLBACK)),
        10,
        "the late retry",
        violations_expected=True,
    )
    [late] = fake_discord.take_violations("acknowledged")
    assert "3s" in late.reason
    await fake_discord.wait_until(lambda: errors_logged(caplog), 5, "the failure to be logged")
    assert handle.state.callback is None
    await assert_answers(fake_discord, somos)


async def test_expired_interaction_10062_is_logged_and_the_bot_lives(
    fake_discord: FakeDiscord, somos: RunningSomos, caplog: pytest.LogCaptureFixture
) -> None:
    await fake_discord.command("cast", {"name": "Chayo"}, expired=True)
    await fake_discord.wait_until(lambda: errors_logged(caplog), 5, "the 10062 to be logged")
    assert any("10062" in text for text in errors_logged(caplog))
    await assert_answers(fake_discord, somos)


def errors_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Error records with their exception text, from the bot or discord.py."""
    found = []
    for record in caplog.records:
        if record.levelno >= logging.ERROR:
            exc = record.exc_info[1] if record.exc_info else None
            found.append(f"{record.getMessage()} {exc!r}")
    return found


# Payloads discord.py cannot parse -----------------------------------------------------------


def unparseable(fake: FakeDiscord) -> dict[str, tuple[str, Any]]:
    """Events the gateway could (wrongly) send, which make discord.py's parsers raise."""
    return {
        "interaction without token": (
            "INTERACTION_CREATE",
            {"id": "1", "application_id": str(fake.application_id), "type": 2, "version": 1},
        ),
        "interaction with a non-numeric id": (
            "INTERACTION_CREATE",
            {
                "id": "not-a-snowflake",
                "application_id": "x",
                "type": 2,
                "token": "t",
                "version": 1,
                "attachment_size_limit": 1,
            },
        ),
        "message without author": (
            "MESSAGE_CREATE",
            {"id": "2", "channel_id": str(fake.guild.channel.id), "content": "hi"},
        ),
        "guild_create that is a list": ("GUILD_CREATE", []),
    }


@pytest.mark.parametrize(
    "case",
    [
        "interaction without token",
        "interaction with a non-numeric id",
        "message without author",
        "guild_create that is a list",
    ],
)
async def test_an_unparseable_event_does_not_kill_the_bot(
    fake_discord: FakeDiscord, somos: RunningSomos, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    event, data = unparseable(fake_discord)[case]
    await fake_discord.dispatch(event, data)
    probe = await fake_discord.command("about")
    await fake_discord.wait_until(
        lambda: somos.task.done() or probe.state.callback, 5, "the bot to answer or to die"
    )
    somos.assert_alive()
    assert (await probe.reply())["embeds"]
    assert any(event in text for text in errors_logged(caplog)), "the dropped event is logged"
