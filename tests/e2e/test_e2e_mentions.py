"""Questions asked by @mentioning the bot in a channel (MESSAGE_CREATE → a reply)."""

from __future__ import annotations

import pytest
from fakediscord import FakeDiscord, FakeUser
from somos import RunningSomos

pytestmark = pytest.mark.e2e


async def test_a_mention_is_answered_with_a_reply_that_pings_nobody(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    question = await fake_discord.mention("who plays Doña Chayo? @everyone")
    reply = await fake_discord.channel_reply(question)
    assert reply["message_reference"]["message_id"] == question["id"]
    assert "Chayo" in reply["embeds"][0]["title"]
    [request] = fake_discord.requests_to("POST", "/channels/{channel_id}/messages")
    assert request.body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert request.path == f"/channels/{fake_discord.guild.channel.id}/messages"
    somos.assert_alive()


async def test_bots_and_messages_without_a_mention_are_ignored(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    other_bot = FakeUser("another bot", bot=True)
    await fake_discord.mention("who plays Chayo?", author=other_bot)
    await fake_discord.mention("who plays Chayo?", mention_bot=False)
    last = await fake_discord.mention("who plays Chayo?")
    await fake_discord.channel_reply(last)
    assert len(fake_discord.channel_messages) == 1, "only the fan's mention gets an answer"
    somos.assert_alive()


async def test_an_empty_mention_is_answered(fake_discord: FakeDiscord, somos: RunningSomos) -> None:
    reply = await fake_discord.channel_reply(await fake_discord.mention(""))
    assert reply["embeds"]
