"""The real somos-bot, started in-process the way `somos-bot` starts it, against the fake Discord.

Same path as `bot.adapters.discord.runner.run`: `Settings` with DISCORD_API_BASE and
DISCORD_GATEWAY_URL, `set_endpoints`, `create_bot` over `LiveKnowledge` and `Storage`, then
`bot.start(token)` inside `async with bot`. Only the signal handling of `serve_until_signal` is
left out (the subprocess scenario covers it).
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from fakediscord import FakeDiscord

from bot.adapters.discord.client import SomosBot, create_bot, set_endpoints
from bot.core.live import LiveKnowledge
from bot.settings import Settings, shipped_knowledge_dir
from bot.storage import Storage


@dataclass
class RunningSomos:
    """The bot under test and what it runs on."""

    bot: SomosBot
    task: asyncio.Task[None]
    settings: Settings
    storage: Storage
    knowledge_dir: Path

    def assert_alive(self) -> None:
        """The bot task must survive every scenario."""
        if self.task.done():
            raise AssertionError(f"the bot task ended: {self.task!r}")


def settings_for(fake: FakeDiscord, workdir: Path, *, dev_guild: bool = True) -> Settings:
    """Settings as an operator would set them, pointed at the fake Discord."""
    knowledge_dir = workdir / "knowledge"
    if not knowledge_dir.exists():
        shutil.copytree(shipped_knowledge_dir(), knowledge_dir)
    return Settings(
        _env_file=None,
        discord_token=fake.token,
        discord_api_base=fake.api_base,
        discord_gateway_url=fake.gateway_url,
        dev_guild_id=fake.guild.id if dev_guild else None,
        database_path=workdir / "somos.sqlite3",
        knowledge_dir=knowledge_dir,
        reload_interval=60.0,
    )


@contextlib.asynccontextmanager
async def running_somos(fake: FakeDiscord, settings: Settings) -> AsyncIterator[RunningSomos]:
    """Start the bot; yield once it is connected (and, with DEV_GUILD_ID, synced)."""
    restore = set_endpoints(settings.discord_api_base, settings.discord_gateway_url)
    try:
        storage = Storage(settings.database_path)
        bot = create_bot(settings, LiveKnowledge(settings.knowledge_dir), storage)
        assert settings.discord_token is not None
        async with bot:
            task = asyncio.create_task(
                bot.start(settings.discord_token.get_secret_value()), name="somos-bot"
            )
            running = RunningSomos(bot, task, settings, storage, settings.knowledge_dir)
            try:
                synced = settings.dev_guild_id is None or fake.commands.get(settings.dev_guild_id)
                await fake.wait_until(
                    lambda: (
                        task.done()
                        or (
                            fake.gateway.live
                            and (synced or fake.commands.get(settings.dev_guild_id))
                        )
                    ),
                    10.0,
                    "somos-bot to sync its commands and connect",
                )
                if task.done():
                    task.result()
                yield running
            finally:
                if not task.done():
                    await bot.close()
                    await asyncio.wait_for(task, 5.0)
                elif not task.cancelled() and task.exception() is not None:
                    # Already reported by the scenario; what it left unanswered is a consequence.
                    for state in fake.interactions.values():
                        state.expect_ack = False
    finally:
        restore()
