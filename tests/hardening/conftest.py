"""Fixtures of the hardening suite: a started bot over a private copy of the knowledge.

The bot, the capture of what it sends and the payload builders are the Discord engineer's
(`tests.support`); this only wires them together for the hardening tests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.discord.client import create_bot
from bot.core.live import LiveKnowledge
from bot.storage import Storage
from tests.hardening.helpers import CANARY
from tests.support.discord_capture import CapturingAdapter, capture_http
from tests.support.discord_harness import Harness, make_settings, start_bot


@pytest.fixture
def storage_timeout() -> float:
    """How long the bot's database calls wait for a lock; tests of a locked database shorten it."""
    return 2.0


@pytest.fixture
async def harness(
    tmp_path: Path, knowledge_dir: Path, storage_timeout: float
) -> AsyncIterator[Harness]:
    """A started bot (no network) with the canary as its token and a fresh database."""
    settings = make_settings(tmp_path, knowledge_dir, discord_token=CANARY)
    knowledge = LiveKnowledge(knowledge_dir)
    storage = Storage(settings.database_path, timeout=storage_timeout)
    bot = create_bot(settings, knowledge, storage, serve=False)
    http = capture_http(bot)
    await start_bot(bot)
    try:
        yield Harness(bot, CapturingAdapter(), http, storage, knowledge, knowledge_dir)
    finally:
        await bot.close()
