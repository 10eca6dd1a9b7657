"""The `somos-bot` command as its own process, configured only through the environment, exactly
as an operator runs it: it logs in, syncs to DEV_GUILD_ID, answers, and stops on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fakediscord import FakeDiscord

from bot.settings import shipped_knowledge_dir
from bot.storage import Storage

pytestmark = pytest.mark.e2e

WRONG_TOKEN = "not-the-token"  # noqa: S105 - a token the fake Discord refuses


def somos_bot_command() -> str:
    """The installed `somos-bot` script: beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name("somos-bot")
    found = str(beside) if beside.is_file() else shutil.which("somos-bot")
    if found is None:
        pytest.skip("the somos-bot command is not installed: pip install -e '.[test]'")
    return found


@dataclass
class BotProcess:
    """A running `somos-bot` and everything it printed."""

    process: asyncio.subprocess.Process
    lines: list[str] = field(default_factory=list)
    reader: asyncio.Task[None] | None = None

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    async def read(self) -> None:
        assert self.process.stdout is not None
        async for line in self.process.stdout:
            self.lines.append(line.decode(errors="replace").rstrip())

    async def stop(self, timeout: float = 10.0) -> int:
        """SIGTERM, as systemd or `docker stop` sends it; returns the exit code."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(self.process.wait(), timeout)
        if self.reader is not None:
            await asyncio.wait_for(self.reader, timeout)
        return code


def operator_env(fake: FakeDiscord, workdir: Path, **extra: str) -> dict[str, str]:
    """The environment an operator would set, pointed at the fake Discord."""
    knowledge = workdir / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), knowledge)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD"))}
    env.update(
        DISCORD_TOKEN=fake.token,
        DISCORD_API_BASE=fake.api_base,
        DISCORD_GATEWAY_URL=fake.gateway_url,
        KNOWLEDGE_DIR=str(knowledge),
        DATABASE_PATH=str(workdir / "somos.sqlite3"),
        DEV_GUILD_ID=str(fake.guild.id),
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


@pytest.fixture
async def start_bot(tmp_path: Path) -> AsyncIterator[object]:
    """A factory starting `somos-bot` in `tmp_path` (so no `.env` is read); kills leftovers."""
    started: list[BotProcess] = []

    async def start(env: dict[str, str], *args: str) -> BotProcess:
        process = await asyncio.create_subprocess_exec(
            somos_bot_command(),
            *args,
            env=env,
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        bot = BotProcess(process)
        bot.reader = asyncio.create_task(bot.read())
        started.append(bot)
        return bot

    yield start
    for bot in started:
        if bot.process.returncode is None:
            bot.process.kill()
            await bot.process.wait()
        if bot.reader is not None:
            await asyncio.wait_for(bot.reader, 5)


async def ready_bot(fake_discord: FakeDiscord, tmp_path: Path, start_bot: object) -> BotProcess:
    """`somos-bot` started as an operator would, once it has logged in, synced and connected
    (or has exited, which the caller's assertions then report with its output)."""
    bot: BotProcess = await start_bot(operator_env(fake_discord, tmp_path))  # type: ignore[operator]
    await fake_discord.wait_until(
        lambda: (
            bot.process.returncode is not None
            or (fake_discord.gateway.live and fake_discord.commands.get(fake_discord.guild.id))
        ),
        20,
        "somos-bot to log in, sync and connect",
    )
    return bot


async def test_somos_bot_command_logs_in_syncs_answers_and_stops_on_sigterm(
    fake_discord: FakeDiscord, tmp_path: Path, start_bot: object
) -> None:
    bot = await ready_bot(fake_discord, tmp_path, start_bot)
    assert bot.process.returncode is None, bot.output

    reply = await (await fake_discord.command("cast", {"name": "Doña Chayo"})).reply()
    assert "Doña Chayo" in reply["embeds"][0]["title"]
    question = await fake_discord.mention("what is the name of the dog?")
    assert (await fake_discord.channel_reply(question))["embeds"]
    database = Storage(tmp_path / "somos.sqlite3")  # DATABASE_PATH: unanswered questions go there
    [gap] = await fake_discord.wait_until(database.top_gaps, 5, "the gap to be recorded")
    assert "dog" in gap.example

    assert await bot.stop() == 0, bot.output
    assert "Traceback" not in bot.output, bot.output
    assert f"to dev guild {fake_discord.guild.id}" in bot.output, "the sync is logged"
    assert "Shutting down" in bot.output, "SIGTERM is a clean, logged shutdown"
    # A close frame, not a dropped connection. discord.py sends 4000, not 1000, when it closes
    # while reading (Rapptz/discord.py#6134), so the bot shows online until Discord times out.
    assert fake_discord.gateway.connections[-1].close_code in (1000, 4000)
    assert None not in fake_discord.commands, "start-up never syncs globally"


async def test_somos_bot_command_survives_an_unparseable_event(
    fake_discord: FakeDiscord, tmp_path: Path, start_bot: object
) -> None:
    bot = await ready_bot(fake_discord, tmp_path, start_bot)
    await fake_discord.dispatch("INTERACTION_CREATE", {"id": "1", "type": 2, "version": 1})
    probe = await fake_discord.command("about")
    await fake_discord.wait_until(
        lambda: bot.process.returncode is not None or probe.state.callback,
        10,
        "an answer or the process to exit",
    )
    if bot.process.returncode is not None:
        probe.state.expect_ack = False
    assert bot.process.returncode is None, f"somos-bot exited:\n{bot.output[-3000:]}"
    assert await bot.stop() == 0


async def test_refused_message_content_intent_exits_with_advice(
    fake_discord: FakeDiscord, tmp_path: Path, start_bot: object
) -> None:
    fake_discord.gateway.allowed_privileged_intents = 0
    env = operator_env(fake_discord, tmp_path, MESSAGE_CONTENT="true")
    bot: BotProcess = await start_bot(env)  # type: ignore[operator]
    code = await asyncio.wait_for(bot.process.wait(), 20)
    await asyncio.wait_for(bot.reader, 5)  # type: ignore[arg-type]
    assert code == 1, bot.output
    assert "message-content intent" in bot.output
    assert "Traceback" not in bot.output, bot.output


async def test_a_wrong_token_exits_with_one_line_of_advice(
    fake_discord: FakeDiscord, tmp_path: Path, start_bot: object
) -> None:
    env = operator_env(fake_discord, tmp_path, DISCORD_TOKEN=WRONG_TOKEN)
    bot: BotProcess = await start_bot(env)  # type: ignore[operator]
    code = await asyncio.wait_for(bot.process.wait(), 20)
    await asyncio.wait_for(bot.reader, 5)  # type: ignore[arg-type]
    assert code == 1, bot.output
    refused = [line for line in bot.lines if "Discord refused the token" in line]
    assert len(refused) == 1, bot.output  # once: not repeated by a second log handler
    assert "DISCORD_TOKEN" in refused[0] and "Traceback" not in bot.output
    assert not fake_discord.gateway.connections, "no gateway connection with a refused token"


async def test_sharding_required_exits_with_advice(
    fake_discord: FakeDiscord, tmp_path: Path, start_bot: object
) -> None:
    """Past 2,500 guilds Discord closes an unsharded IDENTIFY with 4011: say to set SHARD_COUNT."""
    fake_discord.gateway.refuse_next("identify", 4011)
    bot: BotProcess = await start_bot(operator_env(fake_discord, tmp_path))  # type: ignore[operator]
    code = await asyncio.wait_for(bot.process.wait(), 20)
    await asyncio.wait_for(bot.reader, 5)  # type: ignore[arg-type]
    assert code == 1, bot.output
    assert "SHARD_COUNT" in bot.output, bot.output
    assert "Traceback" not in bot.output, bot.output


@pytest.mark.parametrize("guild", [False, True], ids=["global", "guild"])
async def test_somos_bot_sync_publishes_the_commands(
    fake_discord: FakeDiscord, tmp_path: Path, start_bot: object, guild: bool
) -> None:
    """`somos-bot sync [--guild ID]`: REST only, no gateway; a 429 on the way is waited out."""
    fake_discord.faults.rate_limit("sync_guild" if guild else "sync_global", retry_after=0.2)
    env = operator_env(fake_discord, tmp_path)
    args = ["sync", "--guild", str(fake_discord.guild.id)] if guild else ["sync"]
    bot: BotProcess = await start_bot(env, *args)  # type: ignore[operator]
    assert await asyncio.wait_for(bot.process.wait(), 20) == 0, bot.output
    scope = fake_discord.guild.id if guild else None
    assert {c["name"] for c in fake_discord.commands[scope]} >= {"cast", "ask", "kb"}
    assert [r.status for r in fake_discord.requests if r.method == "PUT"] == [429, 200]
    assert not fake_discord.gateway.connections, "syncing needs no gateway connection"
