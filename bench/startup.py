"""Start-up: from process start to a ready console and to a ready bot, and memory at idle.

Ready console: its banner is printed (the knowledge is loaded and it reads questions). Ready
bot: it has identified on the local Discord's gateway and synced its commands to the guild.

    python -m bench.startup            # 7 console starts, 5 bot starts
    python -m bench.startup --smoke    # one of each: CI
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import table, write_results
from bench.e2e import bot_process, import_fake


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1000
    return 0.0


def interpreter_s() -> float:
    """How long a bare `python -c pass` takes here: the floor under every start."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


def console_start() -> tuple[float, float]:
    """(seconds to the banner, resident MB once idle) for one `somos-bot console`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
    env["PYTHONUNBUFFERED"] = "1"
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "console"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, env=env, text=True,
    )  # fmt: skip
    if process.stdout is None or process.stdin is None:
        raise RuntimeError("no pipes to the console")
    process.stdout.readline()
    ready = time.perf_counter() - start
    time.sleep(0.5)
    rss = _rss_mb(process.pid)
    process.stdin.write("/quit\n")
    process.stdin.close()
    process.wait(10)
    return ready, rss


async def bot_starts(count: int) -> list[dict[str, float]] | None:
    fakediscord = import_fake()
    if fakediscord is None:
        return None
    runs = []
    for _ in range(count):
        workdir = Path(tempfile.mkdtemp(prefix="somos-start-bench-"))
        try:
            async with (
                fakediscord.FakeDiscord(spec=None, heartbeat_interval_ms=10_000) as fake,
                bot_process(fake, workdir) as bot,
            ):
                await asyncio.sleep(1.0)
                runs.append({"identified_s": bot.identified_s, "ready_s": bot.ready_s,
                             "idle_rss_mb": bot.rss_mb()})  # fmt: skip
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    return runs


def _stats(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
            "max": round(max(values), 3), "n": len(values)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--console-runs", type=int, default=7)
    parser.add_argument("--bot-runs", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="one start of each: CI")
    parser.add_argument("--out", type=Path, default=None, help="JSON file to write")
    args = parser.parse_args(argv)
    if args.smoke:
        args.console_runs, args.bot_runs = 1, 1
    bare = [interpreter_s() for _ in range(3)]
    console = [console_start() for _ in range(args.console_runs)]
    bot = asyncio.run(bot_starts(args.bot_runs))
    result: dict[str, Any] = {
        "interpreter_s": _stats(bare),
        "console_ready_s": _stats([c[0] for c in console]),
        "console_idle_rss_mb": _stats([c[1] for c in console]),
        "bot_identified_s": _stats([b["identified_s"] for b in bot]) if bot else None,
        "bot_ready_s": _stats([b["ready_s"] for b in bot]) if bot else None,
        "bot_idle_rss_mb": _stats([b["idle_rss_mb"] for b in bot]) if bot else None,
    }
    rows = [[name, s["median"], s["min"], s["max"], s["n"]]
            for name, s in result.items() if s is not None]  # fmt: skip
    print(table(["measure", "median", "min", "max", "runs"], rows))
    path = write_results("startup", {"smoke": args.smoke, **result}, args.out)
    print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
