"""The Discord client: intents, endpoints, start-up, and the `run`/`sync` entry points of the CLI.

Start-up never syncs commands globally (Discord rate-limits command creation); it syncs to
DEV_GUILD_ID only when that is set, for development. `somos-bot sync` does the real sync on demand.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
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


async def serve_until_signal(bot: SomosBot, token: str) -> None:
    """Run `bot` until it stops or SIGINT/SIGTERM arrives, then close it cleanly."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows
            loop.add_signal_handler(sig, stop.set)
    async with bot:
        runner = asyncio.create_task(bot.start(token))
        stopper = asyncio.create_task(stop.wait())
        await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if not runner.done():
            log.info("Shutting down")
            await bot.close()
        await runner


def _setup_logging(settings: Settings) -> None:
    """discord.py's coloured logging, unless the CLI already set up logging.

    Two root handlers would print every line twice.
    """
    if not logging.getLogger().handlers:
        discord.utils.setup_logging(level=logging.getLevelName(settings.log_level))


def _load(settings: Settings) -> tuple[str, KnowledgeLike] | int:
    """The token and the loaded knowledge, or the exit code after saying what is wrong."""
    from bot.core.knowledge import LoadFailed
    from bot.core.live import LiveKnowledge

    if settings.discord_token is None:
        log.error("DISCORD_TOKEN is not set")
        return 2
    try:
        knowledge = LiveKnowledge(settings.knowledge_dir)
    except LoadFailed as failure:
        log.error("The knowledge in %s is invalid:\n%s", settings.knowledge_dir, failure)
        return 1
    return settings.discord_token.get_secret_value(), knowledge


def run(settings: Settings) -> int:
    """`somos-bot` with a token: answer on Discord until stopped; returns the exit code."""
    _setup_logging(settings)
    loaded = _load(settings)
    if isinstance(loaded, int):
        return loaded
    token, knowledge = loaded
    restore = set_endpoints(settings.discord_api_base, settings.discord_gateway_url)
    bot = create_bot(settings, knowledge, Storage(settings.database_path))
    try:
        asyncio.run(serve_until_signal(bot, token))
    except discord.LoginFailure:
        log.error("Discord refused the token: check DISCORD_TOKEN (Bot page → Reset Token).")
        return 1
    except discord.PrivilegedIntentsRequired:
        log.error(
            "Discord refused the message-content intent: enable it on the Bot page of the "
            "developer portal, or unset MESSAGE_CONTENT (mention answers work without it)."
        )
        return 1
    finally:
        restore()
    return 0


def sync(settings: Settings, guild_id: int | None) -> int:
    """`somos-bot sync [--guild ID]`: publish the slash commands globally or to one guild."""
    _setup_logging(settings)
    loaded = _load(settings)
    if isinstance(loaded, int):
        return loaded
    token, knowledge = loaded
    restore = set_endpoints(settings.discord_api_base, settings.discord_gateway_url)
    bot = create_bot(settings, knowledge, Storage(settings.database_path), serve=False)
    try:
        count = asyncio.run(_sync(bot, token, guild_id))
    except discord.LoginFailure:
        log.error("Discord refused the token: check DISCORD_TOKEN.")
        return 1
    except discord.HTTPException as error:
        log.error("Syncing failed: %s", error)
        return 1
    finally:
        restore()
    where = f"guild {guild_id}" if guild_id else "all guilds (may take up to an hour to appear)"
    log.info("Synced %d commands to %s", count, where)
    return 0


async def _sync(bot: SomosBot, token: str, guild_id: int | None) -> int:
    async with bot:
        await bot.login(token)  # REST only: syncing needs no gateway connection
        guild = discord.Object(guild_id) if guild_id else None
        if guild is not None:
            bot.tree.copy_global_to(guild=guild)
        return len(await bot.tree.sync(guild=guild))
