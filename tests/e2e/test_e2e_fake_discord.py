"""The fake Discord itself, proved against a plain discord.py `commands.Bot` (no somos-bot code):
login, READY and GUILD_CREATE, an app command round trip, resume, and its rule checks."""

from __future__ import annotations

import asyncio
import math
import socket

import discord
import pytest
from discord import app_commands
from discord.ext import commands
from fakediscord import FakeDiscord
from fakediscord.clients import running

pytestmark = pytest.mark.e2e


def plain_bot(choices: int = 3, title: str = "Answer") -> commands.Bot:
    """A minimal bot with one slash command and one autocomplete, for testing the double."""
    bot = commands.Bot(
        command_prefix="!", intents=discord.Intents.default(), guild_ready_timeout=0.05
    )

    @bot.tree.command(name="echo", description="Say it back")
    async def echo(interaction: discord.Interaction, text: str) -> None:
        await interaction.response.send_message(embed=discord.Embed(title=title, description=text))

    @echo.autocomplete("text")
    async def echo_complete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=f"{current}{i}", value=str(i)) for i in range(choices)]

    @bot.tree.command(name="slow", description="Defer, then answer")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.edit_original_response(content="done")
        await interaction.followup.send("and one more", ephemeral=True)

    return bot


async def sync_to_guild(bot: commands.Bot, fake: FakeDiscord) -> list[app_commands.AppCommand]:
    guild = discord.Object(fake.guild.id)
    bot.tree.copy_global_to(guild=guild)
    return await bot.tree.sync(guild=guild)


async def test_login_ready_guild_create_and_sync(fake_discord: FakeDiscord) -> None:
    bot = plain_bot()
    ready = asyncio.Event()

    async def on_ready() -> None:
        ready.set()

    bot.add_listener(on_ready)
    with fake_discord.patch_client():
        async with running(bot, fake_discord) as task:
            await asyncio.wait_for(ready.wait(), 5)
            assert bot.user is not None and bot.user.id == fake_discord.bot_user.id
            assert [g.id for g in bot.guilds] == [fake_discord.guild.id]
            assert bot.get_channel(fake_discord.guild.channel.id) is not None
            synced = await sync_to_guild(bot, fake_discord)
            await fake_discord.wait_until(
                lambda: sum(f.op == 11 for f in fake_discord.gateway.frames) >= 3, 5, "3 ACKs"
            )
            assert math.isfinite(bot.latency), "latency is measured from heartbeat to ACK"
            assert {c.name for c in synced} == {"echo", "slow"}
            assert not task.done()
    paths = [(r.method, r.path) for r in fake_discord.requests]
    assert paths[:2] == [("GET", "/users/@me"), ("GET", "/oauth2/applications/@me")]
    heartbeats = [f for f in fake_discord.gateway.frames if f.direction == "recv" and f.op == 1]
    assert len(heartbeats) >= 3
    assert fake_discord.gateway.connections[0].compression == "zlib-stream"
    assert fake_discord.gateway.split_messages, "READY and GUILD_CREATE come in two frames"


async def test_wrong_token_is_refused(fake_discord: FakeDiscord) -> None:
    bot = plain_bot()
    with fake_discord.patch_client(), pytest.raises(discord.LoginFailure):
        async with bot:
            await bot.login("not-the-token")


async def test_command_round_trip_and_deferral(fake_discord: FakeDiscord) -> None:
    bot = plain_bot()
    with fake_discord.patch_client():
        async with running(bot, fake_discord) as task:
            await sync_to_guild(bot, fake_discord)
            echo = await fake_discord.command("echo", {"text": "¿Quién es Chayo? 🌵"})
            reply = await echo.reply()
            assert reply["embeds"][0]["description"] == "¿Quién es Chayo? 🌵"

            complete = await fake_discord.autocomplete("echo", "text", "Ch")
            choices = (await complete.response())["data"]["choices"]
            assert [c["name"] for c in choices] == ["Ch0", "Ch1", "Ch2"]

            slow = await fake_discord.command("slow")
            assert (await slow.response())["type"] == 5
            assert (await slow.reply())["content"] == "done"
            assert (await slow.followup())["flags"] == 64
            assert not task.done()


async def test_reconnect_and_drop_resume_the_session(fake_discord: FakeDiscord) -> None:
    bot = plain_bot()
    with fake_discord.patch_client():
        async with running(bot, fake_discord) as task:
            await fake_discord.gateway.reconnect()
            await fake_discord.wait_for_session(resumes=1)
            await fake_discord.gateway.drop()
            await fake_discord.wait_for_session(resumes=2)
            reply = await (await fake_discord.command("echo", {"text": "still here"})).reply()
            assert reply["embeds"][0]["description"] == "still here"
            assert fake_discord.gateway.identify_count == 1
            assert not task.done()


async def test_events_sent_while_disconnected_are_replayed_on_resume(
    fake_discord: FakeDiscord,
) -> None:
    bot = plain_bot()
    with fake_discord.patch_client():
        async with running(bot, fake_discord):
            await fake_discord.gateway.close(4000, "unknown error")
            echo = await fake_discord.command("echo", {"text": "missed"})
            await fake_discord.wait_for_session(resumes=1)
            assert (await echo.reply())["embeds"][0]["description"] == "missed"


async def test_thirty_choices_break_the_limit(fake_discord: FakeDiscord) -> None:
    bot = plain_bot(choices=30)
    with fake_discord.patch_client():
        async with running(bot, fake_discord):
            await fake_discord.autocomplete("echo", "text", "x")
            await fake_discord.wait_for_violation()
    [violation] = fake_discord.take_violations()
    assert violation.path.endswith("/callback")
    assert "$.data.choices: 30 items, more than 25" in violation.reason
    fake_discord.interactions.clear()  # the rejected autocomplete was, rightly, never answered


async def test_long_title_breaks_the_limit(fake_discord: FakeDiscord) -> None:
    bot = plain_bot(title="T" * 300)
    with fake_discord.patch_client():
        async with running(bot, fake_discord):
            await fake_discord.command("echo", {"text": "x"})
            await fake_discord.wait_for_violation()
    [violation] = fake_discord.take_violations()
    assert "$.data.embeds[0].title: 300 characters, more than 256" in violation.reason
    fake_discord.interactions.clear()


def rule_breaking_bot() -> commands.Bot:
    """A bot whose commands break Discord's interaction rules on purpose."""
    bot = commands.Bot(command_prefix="!", intents=discord.Intents.none())

    @bot.tree.command(name="late", description="Answer after the deadline")
    async def late(interaction: discord.Interaction) -> None:
        await asyncio.sleep(0.3)
        await interaction.response.send_message("too late")

    @bot.tree.command(name="twice", description="Answer twice")
    async def twice(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("one")
        interaction.response._response_type = None  # forget, as buggy code would
        await interaction.response.send_message("two")

    @bot.tree.command(name="early", description="Follow up before answering")
    async def early(interaction: discord.Interaction) -> None:
        await interaction.followup.send("who asked?")

    return bot


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        ("late", "s after INTERACTION_CREATE, Discord allows 0.2s"),
        ("twice", "acknowledged twice (40060)"),
        ("early", "followup or edit before the interaction was acknowledged"),
    ],
)
async def test_interaction_rules_are_enforced(
    fake_discord: FakeDiscord, command: str, reason: str
) -> None:
    fake_discord.acknowledge_seconds = 0.2  # the real rule is 3 s; the check is the same
    bot = rule_breaking_bot()
    with fake_discord.patch_client():
        async with running(bot, fake_discord):
            await sync_to_guild(bot, fake_discord)
            await fake_discord.command(command, expect_ack=False)
            await fake_discord.wait_for_violation()
    [violation] = fake_discord.take_violations()
    assert reason in violation.reason


async def test_a_refused_resume_gets_invalid_session(fake_discord: FakeDiscord) -> None:
    """discord.py then waits 5 s and IDENTIFYs afresh; the somos-bot fault test covers that."""
    bot = plain_bot()
    with fake_discord.patch_client():
        async with running(bot, fake_discord) as task:
            fake_discord.gateway.refuse_next("resume")
            await fake_discord.gateway.drop()
            await fake_discord.wait_until(
                lambda: fake_discord.gateway.invalid_session_count, 5, "INVALID_SESSION"
            )
            resume = [f for f in fake_discord.gateway.frames if f.op == 6]
            assert len(resume) == 1 and resume[0].payload["d"]["seq"] >= 2
            assert not task.done()


async def test_a_refused_token_at_the_gateway_closes_4004(fake_discord: FakeDiscord) -> None:
    fake_discord.gateway.token = "another-token"  # noqa: S105 - REST accepts, the gateway not
    bot = plain_bot()
    with fake_discord.patch_client(), pytest.raises(discord.ConnectionClosed) as closed:
        async with bot:
            await asyncio.wait_for(bot.start(fake_discord.token), 10)
    assert closed.value.code == 4004


async def test_nothing_can_reach_the_real_discord() -> None:
    """The `loopback_only` guard: a client not pointed at the double fails instead of leaking."""
    assert discord.http.Route.BASE == "https://discord.com/api/v10", "restored after each test"
    with pytest.raises(OSError, match=r"only 127\.0\.0\.1"):
        socket.getaddrinfo("discord.com", 443)
    bot = plain_bot()
    with pytest.raises((OSError, discord.HTTPException)):
        async with bot:
            await bot.login("a-token-that-must-not-leave")
