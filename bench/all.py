"""Every benchmark in one run, each in a fresh process: the figures of docs/benchmarks.md.

    python -m bench.all                      # start-up, engine, e2e, scale 1k-1M, plot (~11 min)
    python -m bench.all --sizes 1000 10000   # a shorter scale run
    python -m bench.all --only engine scale  # some of them
    python -m bench.all --smoke              # each at its smallest size: CI

Start-up runs first and the 1M-entity scale last, so the largest run cannot leave the machine
warm or swapping for the others. Each step writes its JSON to `--out-dir` (bench/results by
default), and `run.json` there records when each step ran, how long it took and the machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from bench.common import RESULTS, machine

STEPS = ("startup", "engine", "e2e", "scale", "plot")
SIZES = ("1000", "10000", "100000", "1000000")


def command(step: str, out_dir: Path, sizes: list[str], smoke: bool) -> list[str]:
    """The command line of one step, writing into `out_dir`."""
    base = [sys.executable, "-m", f"bench.{step}"]
    if step == "plot":
        return [*base, "--scale", str(out_dir / "scale.json"), "--out", str(out_dir / "plot.png")]
    extra = ["--sizes", *sizes] if step == "scale" and not smoke else []
    return [*base, *extra, *(["--smoke"] if smoke else []), "--out", str(out_dir / f"{step}.json")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=STEPS, default=list(STEPS))
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), help="entities for scale")
    parser.add_argument("--out-dir", type=Path, default=RESULTS)
    parser.add_argument("--smoke", action="store_true", help="each step at its smallest size")
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    run = {"smoke": args.smoke, "machine_at_start": machine(), "steps": []}
    failed = 0
    for step in (s for s in STEPS if s in args.only):
        if step == "plot" and not (args.out_dir / "scale.json").is_file():
            continue
        print(f"--- {step}", flush=True)
        started = time.time()
        code = subprocess.run(command(step, args.out_dir, args.sizes, args.smoke), check=False)
        seconds = round(time.time() - started, 1)
        run["steps"].append({"step": step, "started": time.strftime(
            "%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)), "seconds": seconds,
            "returncode": code.returncode})  # fmt: skip
        failed += code.returncode != 0
    run["machine_at_end"] = machine()
    (args.out_dir / "run.json").write_text(json.dumps(run, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out_dir.name}/run.json; {failed} step(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
