"""Login, READY and command sync of the real somos-bot against the fake Discord."""

from __future__ import annotations

from pathlib import Path

import pytest
from discord.ext import commands
from fakediscord import FakeDiscord
from somos import RunningSomos, running_somos, settings_for

pytestmark = pytest.mark.e2e

FAN_COMMANDS = {"cast", "episode", "creators", "season2", "about", "ask", "sources", "help"}
MANAGE_GUILD = 1 << 5


async def test_logs_in_identifies_and_syncs_to_the_dev_guild(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    routes = [(r.method, r.template) for r in fake_discord.requests]
    assert routes == [
        ("GET", "/users/@me"),
        ("GET", "/oauth2/applications/@me"),
        ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
    ]
    identify = next(f for f in fake_discord.gateway.frames if f.op == 2)
    assert identify.payload["d"]["token"] == fake_discord.token
    assert somos.bot.user is not None and somos.bot.user.id == fake_discord.bot_user.id
    synced = {c["name"]: c for c in fake_discord.commands[fake_discord.guild.id]}
    assert set(synced) == FAN_COMMANDS | {"kb"}
    assert synced["kb"]["default_member_permissions"] == str(MANAGE_GUILD)
    assert {o["name"] for o in synced["kb"]["options"]} == {"reload", "status", "gaps", "reports"}
    autocompleted = {
        command["name"]
        for command in synced.values()
        for option in command["options"]
        if option.get("autocomplete")
    }
    assert autocompleted == {"cast", "episode"}
    assert None not in fake_discord.commands, "start-up must never sync globally"
    somos.assert_alive()


async def test_without_a_dev_guild_start_up_syncs_nothing(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    settings = settings_for(fake_discord, tmp_path, dev_guild=False)
    async with running_somos(fake_discord, settings) as running:
        await fake_discord.wait_for_session()
        reply = await (await fake_discord.command("about")).reply()
        assert reply["embeds"], "an unsynced bot still answers commands it knows"
        running.assert_alive()
    assert not [r for r in fake_discord.requests if r.method == "PUT"]


@pytest.mark.parametrize("shard_ids", [None, "own shard"], ids=["one shard", "shard 1 of 2"])
async def test_sharded_bot_logs_in_and_answers(
    fake_discord: FakeDiscord, tmp_path: Path, shard_ids: str | None
) -> None:
    """SHARD_COUNT/SHARD_IDS run the auto-sharded bot; each shard gets its guilds' events."""
    settings = settings_for(fake_discord, tmp_path)
    if shard_ids is None:
        settings = settings.model_copy(update={"shard_count": 1})
        expected = [0, 1]
    else:  # this process runs only the shard that owns the guild (no 5 s wait between shards)
        own = (fake_discord.guild.id >> 22) % 2
        settings = settings.model_copy(update={"shard_count": 2, "shard_ids": [own]})
        expected = [own, 2]
    async with running_somos(fake_discord, settings) as running:
        identify = next(f for f in fake_discord.gateway.frames if f.op == 2)
        assert identify.payload["d"]["shard"] == expected
        reply = await (await fake_discord.command("cast", {"name": "Chayo"})).reply()
        assert "Chayo" in reply["embeds"][0]["title"]
        assert isinstance(running.bot, commands.AutoShardedBot)
        assert running.bot.shard_count == expected[1]
        running.assert_alive()
