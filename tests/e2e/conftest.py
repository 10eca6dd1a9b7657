"""Fixtures of the end-to-end suite: the fake Discord, a loopback-only network, and the rules
checked after every test (no spec violations, every interaction acknowledged, bot task alive)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
import pytest
from fakediscord import FakeDiscord, OpenAPISpec, spec_path

if TYPE_CHECKING:
    from somos import RunningSomos

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
HEARTBEAT_MS = 250
"""Short, so heartbeats and their ACKs happen within a scenario (Discord's is about 41 s)."""


@pytest.fixture(scope="session")
def openapi_spec() -> OpenAPISpec:
    """Discord's OpenAPI spec from the shared directory beside the repository."""
    path = spec_path()
    if not path.is_file():
        pytest.skip(
            f"Discord's OpenAPI spec is not at {path.name} in shared/discord-api/ beside the "
            "repository; the end-to-end suite validates every request body against it"
        )
    return OpenAPISpec.load(path)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Refuse to resolve any host but the loopback: nothing may reach the real Discord."""
    real = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name not in LOOPBACK:
            raise OSError(f"end-to-end tests may not resolve {name!r}: only 127.0.0.1")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
    yield


@pytest.fixture
async def fake_discord(
    openapi_spec: OpenAPISpec, request: pytest.FixtureRequest
) -> AsyncIterator[FakeDiscord]:
    """A started fake Discord; discord.py's endpoints are restored afterwards whatever the test
    (or the bot) set them to. What was broken and not yet reported fails the teardown."""
    base = discord.http.Route.BASE
    gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = FakeDiscord(spec=openapi_spec, heartbeat_interval_ms=HEARTBEAT_MS)
    await fake.start()
    try:
        yield fake
    finally:
        discord.http.Route.BASE = base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
        await fake.stop()
    problems = wire_problems(fake, final=True)
    if problems and not getattr(request.node, "e2e_call_failed", False):  # else: consequences
        pytest.fail("Discord's rules were broken during teardown:\n  " + "\n  ".join(problems))


@pytest.fixture
async def somos(fake_discord: FakeDiscord, tmp_path: Path) -> AsyncIterator[RunningSomos]:
    """The real somos-bot, connected to the fake Discord and synced to its guild."""
    from somos import running_somos, settings_for

    async with running_somos(fake_discord, settings_for(fake_discord, tmp_path)) as running:
        yield running


def wire_problems(fake: FakeDiscord, *, final: bool = False) -> list[str]:
    """Spec violations, unacknowledged interactions and gateway protocol errors, as sentences.

    `final`: the bot has stopped, so an interaction not acknowledged yet never will be.
    """
    problems = [str(v) for v in fake.take_violations()]
    for state in fake.unacknowledged(final=final):
        state.expect_ack = False  # report once
        name = (state.payload.get("data") or {}).get("name") or state.payload.get("type")
        problems.append(
            f"interaction {state.id} ({name}) was never acknowledged: "
            "the member sees 'The application did not respond'"
        )
    problems.extend(f"gateway: {error}" for error in fake.gateway.protocol_errors)
    fake.gateway.protocol_errors.clear()
    return problems


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Remember whether the test body failed, so teardown does not report the same thing twice."""
    report = yield
    if report.when == "call" and report.failed:
        item.e2e_call_failed = True  # type: ignore[attr-defined]
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail the test itself (not its teardown) when it broke a rule of the wire or the bot died."""
    result = yield
    funcargs: dict[str, Any] = getattr(item, "funcargs", {})
    fake = funcargs.get("fake_discord")
    if isinstance(fake, FakeDiscord):
        problems = wire_problems(fake)
        if problems:
            raise AssertionError("Discord's rules were broken:\n  " + "\n  ".join(problems))
    for value in funcargs.values():
        task = getattr(value, "task", None)
        if isinstance(task, asyncio.Task) and task.done():
            raise AssertionError(f"the bot task ended during the scenario: {task!r}")
    return result
