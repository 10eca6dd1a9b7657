"""A real `SomosBot` driven in-process: raw payloads in, captured Discord requests out.

No login and no sockets: `bot.__aenter__()` and `setup_hook()` load the cogs, interaction
responses go through a capturing webhook adapter, and the bot's own REST calls through
`capture_http`. Knowledge is a temporary copy of the shipped `knowledge/`, so tests may edit it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
from discord.webhook.async_ import async_context

from bot.adapters.discord.client import SomosBot
from bot.core.live import LiveKnowledge
from bot.settings import Settings
from bot.storage import Storage
from tests.support.discord_capture import CapturingAdapter, CapturingHTTP, Sent
from tests.support.discord_payloads import APPLICATION_ID, BOT_USER_ID, message_create

_OURS = ("CommandTree", "discord-ui", "discord.py")


@dataclass
class Harness:
    """The bot plus everything it sent, and helpers to feed it events."""

    bot: SomosBot
    adapter: CapturingAdapter
    http: CapturingHTTP
    storage: Storage
    knowledge: LiveKnowledge
    knowledge_dir: Path

    async def interact(self, payload: dict[str, Any]) -> list[Sent]:
        """Dispatch an INTERACTION_CREATE and return the requests answering it (by token)."""
        async_context.set(self.adapter)
        self.bot._connection.parse_interaction_create(payload)  # type: ignore[arg-type]
        await self.drain()
        return [sent for sent in self.adapter.sent if f"/{payload['token']}" in sent.url]

    async def message(self, payload: dict[str, Any]) -> list[Sent]:
        """Dispatch a MESSAGE_CREATE and return the REST calls it caused."""
        before = len(self.http.sent)
        self.bot._connection.parse_message_create(payload)  # type: ignore[arg-type]
        await self.drain()
        return self.http.sent[before:]

    async def mention_reply(self, content: str) -> dict[str, Any]:
        """@mention the bot with `content`; return its one reply to that message, checked
        against the spec and pinging no one."""
        from tests.support.discord_spec import (
            assert_valid,
            request_validator,
            snowflakes_as_strings,
        )

        question = message_create(content, mentions=[BOT_USER_ID])
        (sent,) = await self.message(question)
        assert sent.method == "POST" and sent.path == "/channels/{channel_id}/messages"
        body = sent.payload
        assert isinstance(body, dict)
        assert_valid(
            request_validator("/channels/{channel_id}/messages", "POST"),
            snowflakes_as_strings(body),
        )
        assert body["allowed_mentions"] == {"parse": [], "replied_user": False}
        assert str(body["message_reference"]["message_id"]) == question["id"], "a reply to it"
        return body

    async def drain(self) -> None:
        """Wait until the tasks the library started for the event (and their threads) finish."""
        current = asyncio.current_task()
        while pending := [
            task
            for task in asyncio.all_tasks()
            if task is not current and not task.done() and task.get_name().startswith(_OURS)
        ]:
            await asyncio.wait(pending, timeout=10)


def make_settings(tmp_path: Path, knowledge_dir: Path, **overrides: Any) -> Settings:
    """Settings that ignore the environment and `.env` of the machine running the tests."""
    values: dict[str, Any] = {
        "knowledge_dir": knowledge_dir,
        "database_path": tmp_path / "somos.sqlite3",
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


async def start_bot(bot: SomosBot) -> None:
    """What login would do, minus the network: setup hook, application id, the bot's user."""
    await bot.__aenter__()
    bot._connection.application_id = int(APPLICATION_ID)
    bot._connection.user = discord.ClientUser(
        state=bot._connection,
        data={
            "id": BOT_USER_ID,
            "username": "somos",
            "discriminator": "0",
            "avatar": None,
            "bot": True,
        },
    )
    await bot.setup_hook()
