"""The local Discord of the end-to-end suite (`tests/e2e/fakediscord`), for the hardening tests.

The e2e package is imported the way its own tests import it (`fakediscord`, `somos`, with
`tests/e2e` on the path), so both suites share one copy of each module.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import AsyncIterator
from functools import cache
from pathlib import Path

import discord
import pytest

E2E = Path(__file__).resolve().parents[1] / "e2e"
if str(E2E) not in sys.path:
    sys.path.insert(0, str(E2E))

from fakediscord import FAKE_TOKEN, FakeDiscord, FakeUser, OpenAPISpec, spec_path  # noqa: E402
from somos import RunningSomos, running_somos, settings_for  # noqa: E402

__all__ = [
    "FakeDiscord",
    "FakeUser",
    "RunningSomos",
    "local_discord",
    "running_somos",
    "settings_for",
]


@cache
def _spec() -> OpenAPISpec | None:
    path = spec_path()
    return OpenAPISpec.load(path) if path.is_file() else None


def load_spec() -> OpenAPISpec:
    """Discord's OpenAPI spec, or skip: the local Discord validates every request against it."""
    spec = _spec()
    if spec is None:
        pytest.skip(
            f"Discord's OpenAPI spec is not at {spec_path()} (shared/discord-api/ beside the "
            "repository); the local Discord validates every request body against it"
        )
    return spec


@contextlib.asynccontextmanager
async def local_discord(token: str = FAKE_TOKEN) -> AsyncIterator[FakeDiscord]:
    """A started local Discord accepting only `token`; discord.py's endpoints restored after.

    Leaves it failing the test if the bot broke one of Discord's rules on the wire.
    """
    base = discord.http.Route.BASE
    gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = FakeDiscord(spec=load_spec(), token=token)
    await fake.start()
    try:
        yield fake
    finally:
        discord.http.Route.BASE = base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
        await fake.stop()
    violations = fake.take_violations()
    assert not violations, "\n".join(map(str, violations))
