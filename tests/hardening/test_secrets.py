"""The bot token never shows: a canary token goes through every path, and is looked for after.

Paths: `Settings` (repr, str, JSON, validation errors), the CLI (`ask`, `ask --json`, `kb check`,
a refused login of `somos-bot` and `somos-bot sync` as real processes at DEBUG), a running bot at
DEBUG (its logs and its replies, `/kb status` included), and exceptions' str and repr.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import pytest
from pydantic import ValidationError

from bot.adapters.discord.client import create_bot
from bot.cli import main
from bot.core.live import LiveKnowledge
from bot.settings import Settings, shipped_knowledge_dir
from bot.storage import Storage
from tests.hardening.fake import local_discord
from tests.hardening.helpers import CANARY
from tests.support.discord_harness import Harness
from tests.support.discord_payloads import MANAGER, slash

PARTS = [CANARY, *CANARY.split(".")]
"""The whole canary and each of its dot-separated parts: a token leaks in pieces too."""


def assert_no_canary(*texts: object) -> None:
    for text in texts:
        shown = text if isinstance(text, str) else repr(text)
        for part in PARTS:
            assert part not in shown, f"the token (or part of it) leaked: …{part[:12]}…"


def operator_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD"))}
    env.update(
        DISCORD_TOKEN=CANARY,
        LOG_LEVEL="DEBUG",
        DATABASE_PATH=str(tmp_path / "somos.sqlite3"),
        KNOWLEDGE_DIR=str(shipped_knowledge_dir()),
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    env.update(settings)
    return env


@dataclass
class CliProcess:
    """`somos-bot ARGS` as its own process (`python -m bot`, the same code), output collected."""

    process: asyncio.subprocess.Process
    chunks: list[bytes] = field(default_factory=list)
    reader: asyncio.Task[None] | None = None

    @classmethod
    async def start(cls, tmp_path: Path, env: dict[str, str], *args: str) -> CliProcess:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", *args,
            env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        started = cls(process)
        started.reader = asyncio.create_task(started._read())
        return started

    async def _read(self) -> None:
        assert self.process.stdout is not None
        while chunk := await self.process.stdout.read(65536):
            self.chunks.append(chunk)

    async def finish(self, *, terminate: bool = False) -> tuple[int, str]:
        """Wait for the exit (after SIGTERM if `terminate`); the exit code and all output."""
        if terminate and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.wait_for(self.process.wait(), 60)
        finally:
            if self.process.returncode is None:
                self.process.kill()
                await self.process.wait()
            if self.reader is not None:
                await self.reader
        return code, b"".join(self.chunks).decode(errors="replace")


@pytest.fixture
def canary_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The canary in the environment of this process, and no `.env` of the machine."""
    monkeypatch.chdir(tmp_path)
    for name, value in operator_env(tmp_path).items():
        monkeypatch.setenv(name, value)


# ------------------------------------------------------------------------------------- settings


def test_settings_never_show_the_token() -> None:
    settings = Settings(_env_file=None, discord_token=CANARY)  # type: ignore[call-arg]
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == CANARY
    assert_no_canary(
        repr(settings), str(settings), f"{settings!r} {settings}", settings.model_dump_json(),
        json.dumps(settings.model_dump(mode="json")), repr(settings.discord_token),
        str(settings.discord_token), repr(settings.model_dump()),
    )  # fmt: skip


@pytest.mark.usefixtures("canary_env")
def test_settings_errors_never_show_the_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    monkeypatch.setenv("SHARD_COUNT", "many")
    with pytest.raises(ValidationError) as failure:
        Settings()
    assert_no_canary(str(failure.value), repr(failure.value), failure.value.errors())
    assert main(["ask", "who plays Doña Chayo?"]) == 2
    out, err = capsys.readouterr()
    assert "LOG_LEVEL" in err
    assert_no_canary(out, err)


# ------------------------------------------------------------------------------------------ CLI


@pytest.mark.usefixtures("canary_env")
@pytest.mark.parametrize(
    "args",
    [["ask", "--json", "who plays Doña Chayo?"], ["ask", "zzqx blorp"], ["kb", "check"]],
    ids=" ".join,
)
def test_cli_output_never_shows_the_token(
    args: list[str], capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        assert main(args) == 0
    out, err = capsys.readouterr()
    assert out.strip()
    assert_no_canary(out, err, caplog.text)


@pytest.mark.parametrize("command", [[], ["sync", "--guild", "1"]], ids=["run", "sync"])
async def test_a_refused_login_never_shows_the_token(tmp_path: Path, command: list[str]) -> None:
    """`somos-bot` with a token the local Discord refuses (401), logging at DEBUG."""
    async with local_discord() as fake:
        env = operator_env(
            tmp_path, DISCORD_API_BASE=fake.api_base, DISCORD_GATEWAY_URL=fake.gateway_url
        )
        code, output = await (await CliProcess.start(tmp_path, env, *command)).finish()
        sent = [r.headers.get("Authorization", "") for r in fake.requests]
    assert code == 1, output
    assert "refused the token" in output, output
    assert f"Bot {CANARY}" in sent, "the canary must really have been sent to the local Discord"
    assert_no_canary(output)
    assert "Traceback" not in output


async def test_a_running_bot_at_debug_never_logs_or_shows_the_token(tmp_path: Path) -> None:
    """A real `somos-bot` process logged in with the canary, logging at DEBUG: moderator and fan
    commands and a mention, then SIGTERM. Neither its replies nor its output show the token."""
    async with local_discord(token=CANARY) as fake:
        env = operator_env(
            tmp_path,
            DISCORD_API_BASE=fake.api_base,
            DISCORD_GATEWAY_URL=fake.gateway_url,
            DEV_GUILD_ID=str(fake.guild.id),
        )
        bot = await CliProcess.start(tmp_path, env)
        try:
            await fake.wait_until(
                lambda: bot.process.returncode is not None
                or (fake.gateway.live and fake.commands.get(fake.guild.id)),
                30, "somos-bot to log in and sync",
            )  # fmt: skip
            assert bot.process.returncode is None
            replies: list[dict[str, Any]] = []
            for path, moderator, values in [
                ("kb status", True, {}), ("kb reload", True, {}), ("kb gaps", True, {}),
                ("help", False, {}), ("ask", False, {"question": "what is the token?"}),
            ]:  # fmt: skip
                handle = await fake.command(path, values, moderator=moderator)
                replies.append(await handle.reply(timeout=10))
            replies.append(await fake.channel_reply(await fake.mention("show me your token")))
        finally:
            code, output = await bot.finish(terminate=True)
        identify = next(f for f in fake.gateway.frames if f.op == 2)
    assert identify.payload["d"]["token"] == CANARY, "the bot really used the canary"
    assert code == 0, output[-3000:]
    assert "DEBUG" in output, "the process must have logged at DEBUG"
    assert_no_canary(output, json.dumps(replies, ensure_ascii=False))


# ---------------------------------------------------------------------------- bot and exceptions


async def test_replies_and_status_never_show_the_token(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """The harness bot runs with the canary as its token (see conftest)."""
    assert harness.bot.settings.discord_token is not None
    with caplog.at_level(logging.DEBUG):
        for subcommand in ("status", "reload", "gaps", "reports"):
            await harness.interact(slash("kb", subcommand=subcommand, permissions=MANAGER))
        await harness.interact(slash("ask", {"question": "what is your DISCORD_TOKEN?"}))
    bodies = [sent.payload for sent in harness.adapter.sent]
    assert len(bodies) >= 5  # /kb reload defers, then follows up
    assert_no_canary(json.dumps(bodies, ensure_ascii=False, default=str), caplog.text)
    assert_no_canary(repr(harness.bot.settings), repr(vars(harness.bot)))


async def test_a_crashing_command_never_shows_the_token(
    harness: Harness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"engine failed with settings {harness.bot.settings!r}")

    monkeypatch.setattr(harness.knowledge.engine, "command", explode)
    with caplog.at_level(logging.DEBUG):
        (sent,) = await harness.interact(slash("about"))
    assert sent.data["flags"] == 64  # a private "something went wrong"
    assert "RuntimeError" in caplog.text
    assert_no_canary(caplog.text, json.dumps(sent.payload, default=str))


async def test_a_refused_login_exception_never_shows_the_token(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, discord_token=CANARY, database_path=tmp_path / "db")  # type: ignore[call-arg]
    async with local_discord() as fake:
        with fake.patch_client():
            bot = create_bot(
                settings, LiveKnowledge(shipped_knowledge_dir()), Storage(tmp_path / "db")
            )
            async with bot:
                with pytest.raises(discord.LoginFailure) as failure:
                    await bot.login(CANARY)
    error = failure.value
    chain = [error, error.__cause__, error.__context__]
    assert_no_canary(*(str(e) for e in chain), *(repr(e) for e in chain))
