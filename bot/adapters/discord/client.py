"""The Discord client: intents, endpoints, the bot class and what it does at start-up.

Start-up never syncs commands globally (Discord rate-limits command creation); it syncs to
DEV_GUILD_ID only when that is set, for development. `somos-bot sync` does the real sync on demand
(see `runner.py`, which also runs the bot as a process).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

import discord
import yarl
from discord.ext import commands

from bot.adapters.discord import limits
from bot.adapters.discord.ports import KnowledgeLike
from bot.adapters.discord.translator import SomosTranslator
from bot.adapters.discord.tree import SomosTree
from bot.settings import Settings
from bot.storage import Storage

log = logging.getLogger(__name__)

EXTENSIONS = ("bot.adapters.discord.cogs.fans", "bot.adapters.discord.cogs.moderators")


def set_endpoints(api_base: str, gateway_url: str | None) -> Callable[[], None]:
    """Point discord.py's REST and gateway at `api_base`/`gateway_url` (proxies, test servers).

    Both must move together, or the token would go to the real gateway. Returns a function that
    restores the previous endpoints.
    """
    previous = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = api_base.rstrip("/")
    if gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)

    def restore() -> None:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = previous

    return restore


def make_intents(settings: Settings) -> discord.Intents:
    """Only what the bot uses: guilds for slash commands, messages for answering @mentions.

    Discord delivers the content of messages that mention the bot even without the privileged
    message-content intent, so it is requested only when MESSAGE_CONTENT is set.
    """
    intents = discord.Intents.none()
    intents.guilds = True
    intents.messages = True
    intents.message_content = settings.message_content
    return intents


class SomosBot(commands.Bot):
    """The bot: slash-command cogs over the live knowledge, plus the knowledge watcher."""

    def __init__(
        self,
        settings: Settings,
        knowledge: KnowledgeLike,
        storage: Storage,
        *,
        serve: bool = True,
        **options: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=make_intents(settings),
            allowed_mentions=limits.no_mentions(),
            tree_cls=SomosTree,
            **options,
        )
        _survive_unparseable_events(self._connection.parsers)
        self.settings = settings
        self.knowledge = knowledge
        self.storage = storage
        self.serve = serve
        self._watcher: asyncio.Task[None] | None = None

    async def setup_hook(self) -> None:
        """Load the cogs; when serving, watch the knowledge and sync to the dev guild if set."""
        await self.tree.set_translator(SomosTranslator())
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if not self.serve:
            return
        self._watcher = asyncio.create_task(
            self.knowledge.watch(self.settings.reload_interval), name="somos-knowledge-watcher"
        )
        self._watcher.add_done_callback(_log_watcher_end)
        if self.settings.dev_guild_id is not None:
            guild = discord.Object(self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("Synced %d commands to dev guild %s", len(synced), guild.id)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: mentions are answered by the fans cog's listener instead."""

    async def close(self) -> None:
        """Stop the watcher before closing the connection."""
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
        await super().close()


class ShardedSomosBot(SomosBot, commands.AutoShardedBot):
    """The same bot run as several shards, for SHARD_COUNT/SHARD_IDS (2,500+ guilds)."""


def create_bot(
    settings: Settings, knowledge: KnowledgeLike, storage: Storage, *, serve: bool = True
) -> SomosBot:
    """A `SomosBot`, auto-sharded when SHARD_COUNT or SHARD_IDS is set."""
    if settings.shard_count is None and settings.shard_ids is None:
        return SomosBot(settings, knowledge, storage, serve=serve)
    return ShardedSomosBot(
        settings,
        knowledge,
        storage,
        serve=serve,
        shard_count=settings.shard_count,
        shard_ids=settings.shard_ids,
    )


def _survive_unparseable_events(parsers: dict[str, Callable[[Any], None]]) -> None:
    """Log and drop a gateway event discord.py cannot parse instead of letting it end `start()`.

    discord.py lets a parser's exception escape the gateway loop, so one malformed event (a
    Discord change, a proxy bug) would stop the bot for every server.
    """
    for event, parse in parsers.items():

        def guarded(data: Any, _event: str = event, _parse: Callable[[Any], None] = parse) -> None:
            try:
                _parse(data)
            except Exception:
                log.exception("Dropped a %s event that could not be parsed", _event)

        parsers[event] = guarded


def _log_watcher_end(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("The knowledge watcher stopped", exc_info=task.exception())
