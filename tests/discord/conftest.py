"""Fixtures: a started `SomosBot` over a private copy of the shipped knowledge (see
`tests.support.discord_harness`)."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.discord.client import create_bot
from bot.core.live import LiveKnowledge
from bot.settings import shipped_knowledge_dir
from bot.storage import Storage
from tests.support.discord_capture import CapturingAdapter, capture_http
from tests.support.discord_harness import Harness, make_settings, start_bot


@pytest.fixture(scope="session")
def shared_knowledge(tmp_path_factory: pytest.TempPathFactory) -> LiveKnowledge:
    """Knowledge loaded once for the tests that do not edit it (loading takes a moment)."""
    target = tmp_path_factory.mktemp("shared") / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), target)
    return LiveKnowledge(target)


async def _harness(tmp_path: Path, knowledge: LiveKnowledge) -> AsyncIterator[Harness]:
    settings = make_settings(tmp_path, knowledge.directory)
    storage = Storage(settings.database_path)
    bot = create_bot(settings, knowledge, storage, serve=False)
    http = capture_http(bot)
    await start_bot(bot)
    try:
        yield Harness(bot, CapturingAdapter(), http, storage, knowledge, knowledge.directory)
    finally:
        await bot.close()


@pytest.fixture
async def harness(tmp_path: Path, shared_knowledge: LiveKnowledge) -> AsyncIterator[Harness]:
    """A started bot with a fresh database, over knowledge the test must not edit."""
    async for started in _harness(tmp_path, shared_knowledge):
        yield started


@pytest.fixture
async def editable_harness(tmp_path: Path, knowledge_dir: Path) -> AsyncIterator[Harness]:
    """A started bot over a private copy of the knowledge that the test may edit."""
    async for started in _harness(tmp_path, LiveKnowledge(knowledge_dir)):
        yield started
