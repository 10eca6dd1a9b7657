"""Running the bot as a process: `somos-bot` with a token, and `somos-bot sync`.

Both log in with discord.py's own logging, stop cleanly on SIGINT/SIGTERM, and turn the usual
operator mistakes (a bad token, a refused privileged intent, invalid knowledge) into one clear
log line and a non-zero exit code instead of a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import signal
from collections.abc import Callable, Coroutine
from typing import Any

import discord

from bot.adapters.discord.client import SomosBot, create_bot, set_endpoints
from bot.adapters.discord.ports import KnowledgeLike
from bot.core.knowledge import LoadFailed
from bot.core.live import LiveKnowledge
from bot.settings import Settings
from bot.storage import Storage

log = logging.getLogger(__name__)


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


def event_loop_runner() -> Callable[[Coroutine[Any, Any, None]], None]:
    """The event loop's runner: uvloop's when installed (`pip install 'somos-bot[speed]'`).

    Otherwise asyncio's. With the rest of the speed extra it brought the bot's CPU for each
    interaction under load from 1.4-1.5 ms to 1.15-1.26 ms (docs/benchmarks.md).
    """
    try:
        uvloop = importlib.import_module("uvloop")
    except ImportError:
        return asyncio.run
    run: Callable[[Coroutine[Any, Any, None]], None] = uvloop.run
    return run


def _setup_logging(settings: Settings) -> None:
    """discord.py's coloured logging, unless the CLI already set up logging.

    Two root handlers would print every line twice.
    """
    if not logging.getLogger().handlers:
        discord.utils.setup_logging(level=logging.getLevelName(settings.log_level))


def _load(
    settings: Settings, knowledge: KnowledgeLike | None = None
) -> tuple[str, KnowledgeLike] | int:
    """The token and the knowledge (loaded here unless given), or an exit code.

    Whatever is wrong is logged first, in words an operator can act on.
    """
    if settings.discord_token is None:
        log.error("DISCORD_TOKEN is not set")
        return 2
    if knowledge is None:
        try:
            knowledge = LiveKnowledge(settings.knowledge_dir)
        except LoadFailed as failure:
            log.error("The knowledge in %s is invalid:\n%s", settings.knowledge_dir, failure)
            return 1
    return settings.discord_token.get_secret_value(), knowledge


def run(settings: Settings, knowledge: KnowledgeLike | None = None) -> int:
    """`somos-bot` with a token: answer on Discord until stopped; returns the exit code.

    `knowledge` is the CLI's already-loaded knowledge, so it is not read twice.
    """
    _setup_logging(settings)
    loaded = _load(settings, knowledge)
    if isinstance(loaded, int):
        return loaded
    token, knowledge = loaded
    restore = set_endpoints(settings.discord_api_base, settings.discord_gateway_url)
    bot = create_bot(settings, knowledge, Storage(settings.database_path))
    try:
        event_loop_runner()(serve_until_signal(bot, token))
    except discord.LoginFailure:
        log.error("Discord refused the token: check DISCORD_TOKEN (Bot page → Reset Token).")
        return 1
    except discord.PrivilegedIntentsRequired:
        log.error(
            "Discord refused the message-content intent: enable it on the Bot page of the "
            "developer portal, or unset MESSAGE_CONTENT (mention answers work without it)."
        )
        return 1
    except discord.ConnectionClosed as closed:
        # Codes Discord will not let a client resume from: retrying cannot help.
        log.error("Discord closed the connection for good: %s", _close_advice(closed))
        return 1
    finally:
        restore()
    return 0


_CLOSE_ADVICE = {
    4004: "the token was refused; check DISCORD_TOKEN",
    4010: "an invalid shard was sent; check SHARD_IDS against SHARD_COUNT",
    4011: "Discord requires sharding for this many servers; set SHARD_COUNT",
    4012: "an invalid API version; upgrade somos-bot",
    4013: "an invalid intent was requested; report this as a bug",
    4014: "an intent is not enabled in the developer portal; unset MESSAGE_CONTENT or enable it",
}


def _close_advice(closed: discord.ConnectionClosed) -> str:
    advice = _CLOSE_ADVICE.get(closed.code, closed.reason or "no reason given")
    return f"code {closed.code}: {advice}"


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
