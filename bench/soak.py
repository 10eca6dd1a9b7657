"""Soak: mixed traffic through the local Discord for as long as asked; memory over time.

The driver is the hardening suite's (`tests/hardening/soak.py`, imported): the real bot logged
in to the local Discord (`tests/e2e/fakediscord`) takes fan commands with hostile text,
autocomplete, mentions, report forms opened and abandoned or sent, `/kb status`, and one member
flooding. Every answer must arrive. After a warm-up, `tracemalloc` traces what stays alive;
resident memory is sampled too. CI runs a few seconds of it (`tests/hardening/test_soak.py`).

    python -m bench.soak                 # 10 minutes
    python -m bench.soak --minutes 60    # an hour
    python -m bench.soak --smoke         # a few rounds
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import rss_mb, table, write_results

REPO = Path(__file__).resolve().parent.parent


async def soak(
    minutes: float | None, rounds: int | None, warm_up: int, members: int
) -> dict[str, Any]:
    sys.path.insert(0, str(REPO))
    from tests.hardening.fake import local_discord, running_somos, settings_for
    from tests.hardening.soak import SoakResult, run_soak

    samples: list[dict[str, float]] = []

    def sample(result: SoakResult) -> None:
        if result.rounds % 10 == 0 or result.rounds == warm_up:
            traced = result.memory[-1] / 1e6 if result.memory else 0.0
            samples.append(
                {"round": result.rounds, "seconds": round(result.seconds, 1),
                 "rss_mb": round(rss_mb(), 1), "traced_mb": round(traced, 2)}
            )  # fmt: skip

    with tempfile.TemporaryDirectory() as workdir:
        async with (
            local_discord() as fake,
            running_somos(fake, settings_for(fake, Path(workdir))) as somos,
        ):
            result = await run_soak(
                fake, somos, rounds=rounds, seconds=minutes * 60 if minutes else None,
                trace_from=warm_up, on_round=sample, members=members,
            )  # fmt: skip
    return {
        "rounds": result.rounds,
        "seconds": round(result.seconds, 1),
        "interactions": result.interactions,
        "mentions": result.mentions,
        "kinds": dict(result.kinds),
        "lost": result.lost,
        "traced_growth_mb": round(result.growth() / 1e6, 3) if len(result.memory) >= 3 else None,
        "samples": samples,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--warm-up", type=int, default=20, help="rounds before tracing memory")
    parser.add_argument("--members", type=int, default=1000, help="members taking turns")
    parser.add_argument("--smoke", action="store_true", help="a few rounds, for CI")
    parser.add_argument("--out", type=Path, help="JSON file (default bench/results/soak.json)")
    args = parser.parse_args(argv)
    if args.smoke:
        data = asyncio.run(soak(None, rounds=6, warm_up=2, members=args.members))
    else:
        data = asyncio.run(soak(args.minutes, None, args.warm_up, args.members))
    rows = [[s["round"], s["seconds"], s["rss_mb"], s["traced_mb"]] for s in data["samples"]]
    print(table(["round", "seconds", "RSS MB", "traced MB (since warm-up)"], rows))
    print(f"{data['interactions']} interactions, {data['mentions']} mentions, "
          f"{len(data['lost'])} lost; answers by kind: {data['kinds']}")  # fmt: skip
    write_results("soak", {"smoke": args.smoke, **data}, args.out)
    return 1 if data["lost"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
