"""The client: intents, endpoints, sharding, start-up sync, error handling, run/sync exit codes."""

from __future__ import annotations

import asyncio
import logging
import sys
import types
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import discord
import pytest
import yarl
from discord import app_commands

from bot.adapters.discord import runner
from bot.adapters.discord.client import (
    ShardedSomosBot,
    SomosBot,
    create_bot,
    make_intents,
    set_endpoints,
)
from bot.core.live import LiveKnowledge
from bot.storage import Storage
from tests.support.discord_capture import capture_http
from tests.support.discord_harness import Harness, make_settings, start_bot
from tests.support.discord_payloads import GUILD_ID, slash
from tests.support.discord_spec import assert_valid_callback


def test_minimal_intents(tmp_path: Path, knowledge_dir: Path) -> None:
    intents = make_intents(make_settings(tmp_path, knowledge_dir))
    assert intents.guilds and intents.guild_messages and intents.dm_messages
    assert not intents.message_content and not intents.members and not intents.presences
    assert make_intents(
        make_settings(tmp_path, knowledge_dir, message_content=True)
    ).message_content


def test_endpoints_move_together_and_restore() -> None:
    before = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    restore = set_endpoints("http://127.0.0.1:9/api/v10/", "ws://127.0.0.1:9/gateway")
    try:
        assert discord.http.Route.BASE == "http://127.0.0.1:9/api/v10"
        assert (
            yarl.URL("ws://127.0.0.1:9/gateway") == discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        )
    finally:
        restore()
    assert before == (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)


def test_sharded_variant_when_shards_are_configured(tmp_path: Path, knowledge_dir: Path) -> None:
    knowledge = LiveKnowledge(knowledge_dir)
    storage = Storage(tmp_path / "db.sqlite3")
    plain = create_bot(make_settings(tmp_path, knowledge_dir), knowledge, storage)
    sharded = create_bot(
        make_settings(tmp_path, knowledge_dir, shard_count=4, shard_ids=[0, 1]), knowledge, storage
    )
    assert type(plain) is SomosBot
    assert isinstance(sharded, ShardedSomosBot) and isinstance(sharded, discord.AutoShardedClient)
    assert sharded.shard_count == 4 and sharded.shard_ids == [0, 1]
    assert plain.allowed_mentions is not None and plain.allowed_mentions.to_dict() == {"parse": []}


async def test_start_up_syncs_only_to_the_dev_guild(tmp_path: Path, knowledge_dir: Path) -> None:
    settings = make_settings(
        tmp_path, knowledge_dir, dev_guild_id=int(GUILD_ID), reload_interval=60
    )
    bot = create_bot(settings, LiveKnowledge(knowledge_dir), Storage(settings.database_path))
    http = capture_http(bot)
    try:
        await start_bot(bot)
    finally:
        await bot.close()
    (put,) = [s for s in http.sent if s.method == "PUT"]
    assert put.path == "/applications/{application_id}/guilds/{guild_id}/commands"


async def test_start_up_never_syncs_globally(tmp_path: Path, knowledge_dir: Path) -> None:
    settings = make_settings(tmp_path, knowledge_dir, reload_interval=60)
    bot = create_bot(settings, LiveKnowledge(knowledge_dir), Storage(settings.database_path))
    http = capture_http(bot)
    try:
        await start_bot(bot)
        assert bot._watcher is not None and not bot._watcher.done()
    finally:
        await bot.close()
    assert not [s for s in http.sent if s.method == "PUT"]
    assert bot._watcher.cancelled()


async def test_unexpected_error_is_a_private_message_and_a_traceback(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(harness.knowledge.engine, "command", broken)
    with caplog.at_level(logging.ERROR):
        (sent,) = await harness.interact(slash("about"))
    assert_valid_callback(sent.payload)  # type: ignore[arg-type]
    assert sent.data["flags"] == 64 and "Something went wrong" in sent.data["content"]
    assert any("engine exploded" in (r.exc_text or str(r.exc_info)) for r in caplog.records)


async def test_error_after_responding_uses_a_followup(harness: Harness) -> None:
    @harness.bot.tree.command(name="explode", description="test")
    async def explode(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("partial")
        raise app_commands.AppCommandError("late failure")

    sent = await harness.interact(slash("explode"))
    assert [s.method for s in sent] == ["POST", "POST"]
    assert sent[1].path == "/webhooks/{webhook_id}/{webhook_token}"
    assert sent[1].payload["flags"] == 64  # type: ignore[index]


def test_run_reports_a_bad_token(
    tmp_path: Path,
    knowledge_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def refuse(self: object, token: str) -> None:
        raise discord.LoginFailure("Improper token has been passed.")

    monkeypatch.setattr(discord.http.HTTPClient, "static_login", refuse)
    monkeypatch.setattr(discord.utils, "setup_logging", lambda **kwargs: None)
    settings = make_settings(tmp_path, knowledge_dir, discord_token="bad")  # noqa: S106
    with caplog.at_level(logging.ERROR):
        assert runner.run(settings) == 1
        assert runner.sync(settings, None) == 1
    assert "refused the token" in caplog.text


def test_run_reports_a_refused_privileged_intent(
    tmp_path: Path,
    knowledge_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def refuse(self: SomosBot, token: str) -> None:
        raise discord.PrivilegedIntentsRequired(None)

    monkeypatch.setattr(SomosBot, "start", refuse)
    monkeypatch.setattr(discord.utils, "setup_logging", lambda **kwargs: None)
    settings = make_settings(tmp_path, knowledge_dir, discord_token="t", message_content=True)  # noqa: S106
    with caplog.at_level(logging.ERROR):
        assert runner.run(settings) == 1
    assert "message-content intent" in caplog.text


def test_run_without_token_or_with_invalid_knowledge(
    tmp_path: Path, knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discord.utils, "setup_logging", lambda **kwargs: None)
    assert runner.run(make_settings(tmp_path, knowledge_dir)) == 2
    (knowledge_dir / "cast.yaml").write_text("cast: [oops\n", encoding="utf-8")
    assert runner.run(make_settings(tmp_path, knowledge_dir, discord_token="t")) == 1  # noqa: S106


async def test_an_unparseable_event_is_dropped_not_fatal(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    parse = harness.bot._connection.parsers["INTERACTION_CREATE"]
    with caplog.at_level(logging.ERROR):
        parse({"id": "1", "type": 2, "version": 1})  # no token: discord.py raises KeyError
    assert "could not be parsed" in caplog.text
    (sent,) = await harness.interact(slash("about"))  # still answering
    assert sent.payload["type"] == 4  # type: ignore[index]


def test_the_bot_runs_on_uvloop_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []

    def uvloop_run(coro: Coroutine[Any, Any, None]) -> None:
        ran.append("uvloop")
        coro.close()

    monkeypatch.setitem(sys.modules, "uvloop", types.SimpleNamespace(run=uvloop_run))
    runner.event_loop_runner()(asyncio.sleep(0))
    assert ran == ["uvloop"]
    monkeypatch.setitem(sys.modules, "uvloop", None)  # not installed: import fails
    assert runner.event_loop_runner() is asyncio.run
