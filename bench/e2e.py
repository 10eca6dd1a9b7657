"""End to end through the local Discord double: interactions a second and p50/p99 from
INTERACTION_CREATE to the callback, with 1, 10 and 100 interactions in flight.

The fake Discord (`tests/e2e/fakediscord`, imported, not copied) runs in this process without
its OpenAPI checks; the bot runs as its own `somos-bot` process, configured only through the
environment as an operator runs it. Latency is measured by the fake: from the moment it sends
INTERACTION_CREATE on the gateway to the moment the callback request reaches its REST API.

    python -m bench.e2e            # 1, 10 and 100 in flight (about a minute)
    python -m bench.e2e --smoke    # a few interactions: CI
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import summarize, table, write_results

REPO = Path(__file__).resolve().parent.parent
NAMES = ["Doña Chayo", "Mercedes Hernández", "Jero Medina", "Benjamín",
         "chayo", "mercedes hernandes"]  # fmt: skip
EPISODES = ["1", "3", "the lazy herd", "last"]
PARTIALS = ["m", "me", "mer", "doña", "cha", "jer", "ben", ""]


def import_fake() -> Any:
    """The `fakediscord` package of the end-to-end suite, or None with the reason printed."""
    sys.path.insert(0, str(REPO / "tests" / "e2e"))
    try:
        import fakediscord
    except ImportError as exc:
        print(f"skipped: the local Discord double cannot be imported ({exc})")
        return None
    return fakediscord


@dataclass
class BotProcess:
    """A `somos-bot` process connected to the fake Discord."""

    process: asyncio.subprocess.Process
    started: float
    identified_s: float
    ready_s: float

    def cpu_s(self) -> float:
        """CPU seconds the bot process has used so far (user + system)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1000
        return 0.0


def operator_env(fake: Any, workdir: Path, knowledge: Path | None = None) -> dict[str, str]:
    """The environment an operator sets, pointed at the fake Discord."""
    from bot.settings import shipped_knowledge_dir

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD"))}
    env.update(
        DISCORD_TOKEN=fake.token,
        DISCORD_API_BASE=fake.api_base,
        DISCORD_GATEWAY_URL=fake.gateway_url,
        KNOWLEDGE_DIR=str(knowledge or shipped_knowledge_dir()),
        DATABASE_PATH=str(workdir / "somos.sqlite3"),
        DEV_GUILD_ID=str(fake.guild.id),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


@contextlib.asynccontextmanager
async def bot_process(
    fake: Any, workdir: Path, profile: Path | None = None
) -> AsyncIterator[BotProcess]:
    """Start `somos-bot`; yield once it has identified and synced its commands to the guild.

    With `profile`, the bot runs under cProfile and writes its profile there when it stops.
    """
    started = time.monotonic()
    profiler = ["-m", "cProfile", "-o", str(profile)] if profile else []
    process = await asyncio.create_subprocess_exec(
        sys.executable, *profiler, "-m", "bot", "run", env=operator_env(fake, workdir),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        await fake.wait_until(lambda: fake.gateway.identify_count, 30.0, "IDENTIFY")
        identified = time.monotonic() - started
        await fake.wait_until(
            lambda: fake.gateway.live and fake.commands.get(fake.guild.id), 30.0, "commands synced"
        )
        yield BotProcess(process, started, identified, time.monotonic() - started)
    finally:
        if process.returncode is None:
            process.terminate()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), 10.0)
        if process.returncode is None:
            process.kill()
            await process.wait()


class Acks:
    """Resolve a future per interaction when its callback arrives (one check per request)."""

    def __init__(self, fake: Any) -> None:
        self.pending: dict[int, tuple[Any, asyncio.Future[float]]] = {}
        original = fake.notify

        def notify() -> None:
            original()
            for key, (state, future) in list(self.pending.items()):
                if state.acked_at is not None:
                    del self.pending[key]
                    future.set_result(state.acked_at - state.sent_at)

        fake.notify = notify

    def expect(self, handle: Any) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        if handle.state.acked_at is not None:
            future.set_result(handle.state.acked_at - handle.state.sent_at)
        else:
            self.pending[handle.id] = (handle.state, future)
        return future


async def one_interaction(fake: Any, acks: Acks, n: int, rng: random.Random) -> float:
    """A fan's /cast, /episode or autocomplete; the seconds until its callback."""
    user = fake.new_member(f"fan{n}")
    kind = n % 4
    if kind in (0, 1):
        handle = await fake.command("cast", {"name": rng.choice(NAMES)}, user=user)
    elif kind == 2:
        handle = await fake.command("episode", {"which": rng.choice(EPISODES)}, user=user)
    else:
        handle = await fake.autocomplete("cast", "name", rng.choice(PARTIALS), user=user)
    return await asyncio.wait_for(acks.expect(handle), 30.0)


async def load(
    fake: Any, acks: Acks, in_flight: int, total: int, bot: BotProcess
) -> dict[str, Any]:
    """`total` interactions, `in_flight` at a time; throughput, latency and who used the CPU."""
    rng = random.Random(in_flight)
    latencies: list[int] = []
    counter = iter(range(total))

    async def worker() -> None:
        for n in counter:
            latencies.append(int(await one_interaction(fake, acks, n, rng) * 1e9))

    start, bot_cpu, fake_cpu = time.perf_counter(), bot.cpu_s(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(in_flight)))
    elapsed = time.perf_counter() - start
    bot_cpu, fake_cpu = bot.cpu_s() - bot_cpu, time.process_time() - fake_cpu
    fake.interactions.clear()
    fake.requests.clear()
    return {"in_flight": in_flight, "interactions": total,
            "per_second": round(total / elapsed, 1), "latency": summarize(latencies),
            "bot_cpu_ms_each": round(bot_cpu / total * 1000, 3),
            "fake_cpu_ms_each": round(fake_cpu / total * 1000, 3)}  # fmt: skip


async def run(levels: list[int], total: int, profile: Path | None = None) -> dict[str, Any] | None:
    fakediscord = import_fake()
    if fakediscord is None:
        return None
    workdir = Path(tempfile.mkdtemp(prefix="somos-e2e-bench-"))
    try:
        async with (
            fakediscord.FakeDiscord(spec=None, heartbeat_interval_ms=10_000) as fake,
            bot_process(fake, workdir, profile) as bot,
        ):
            acks = Acks(fake)
            await load(fake, acks, 1, 20, bot)  # warm
            results = [await load(fake, acks, c, max(total, c * 4), bot) for c in levels]
            return {"bot_rss_mb": round(bot.rss_mb(), 1), "ready_s": round(bot.ready_s, 3),
                    "levels": results}  # fmt: skip
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--in-flight", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--interactions", type=int, default=2000, help="per level")
    parser.add_argument("--smoke", action="store_true", help="a few interactions: CI")
    parser.add_argument("--out", type=Path, default=None, help="JSON file to write")
    parser.add_argument(
        "--profile", type=Path, default=None, help="run the bot under cProfile, writing here"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.in_flight, args.interactions = [1, 2], 6
    data = asyncio.run(run(args.in_flight, args.interactions, args.profile))
    if data is None:
        return 0
    print(table(
        ["in flight", "interactions", "per second", "p50 ms", "p99 ms", "max ms",
         "bot CPU ms each", "fake CPU ms each"],
        [[r["in_flight"], r["interactions"], r["per_second"], r["latency"]["p50_ms"],
          r["latency"]["p99_ms"], r["latency"]["max_ms"], r["bot_cpu_ms_each"],
          r["fake_cpu_ms_each"]] for r in data["levels"]],
    ))  # fmt: skip
    print(f"bot process resident after the load: {data['bot_rss_mb']} MB")
    path = write_results("e2e", {"smoke": args.smoke, **data}, args.out)
    print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
