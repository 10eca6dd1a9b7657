"""Running a discord.py client against the fake Discord as a task, and stopping it cleanly."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import discord

from .server import FakeDiscord


@contextlib.asynccontextmanager
async def running(
    client: discord.Client, fake: FakeDiscord, *, token: str | None = None
) -> AsyncIterator[asyncio.Task[None]]:
    """`client.start()` as a task until the block ends; yields the task once it has identified.

    The task is expected to be alive at the end; if it ended, its exception is raised here.
    """
    async with client:
        task = asyncio.create_task(client.start(token or fake.token), name="client-under-test")
        try:
            await fake.wait_until(
                lambda: task.done() or (fake.gateway.identify_count and fake.gateway.live),
                10.0,
                "the client to connect and IDENTIFY",
            )
            if task.done():
                task.result()  # raises what stopped it
            yield task
        finally:
            if not task.done():
                await client.close()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, 5.0)
