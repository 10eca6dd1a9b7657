"""Plot cost against knowledge size from `bench/results/scale*.json` (needs the `bench` extra).

    python -m bench.plot                       # writes docs/benchmarks.png
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.common import RESULTS

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=Path, nargs="+", default=None,
                        help="scale results (default: every bench/results/scale*.json)")
    parser.add_argument("--out", type=Path, default=DOCS / "benchmarks.png")
    args = parser.parse_args(argv)
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is missing: pip install -e '.[bench]'", file=sys.stderr)
        return 1
    # A size measured again in a newer file replaces the older figures.
    files = args.scale or sorted(RESULTS.glob("scale*.json"), key=lambda f: f.stat().st_mtime)
    by_size = {}
    for file in files:
        for size in json.loads(file.read_text(encoding="utf-8"))["sizes"]:
            by_size[size["entities"]] = size
    sizes = [by_size[n] for n in sorted(by_size)]
    n = [s["entities"] for s in sizes]

    def series(*path: str) -> list[float]:
        values = []
        for s in sizes:
            value = s
            for key in path:
                value = value[key]
            values.append(float(value))
        return values

    fig, (lat, load, mem) = plt.subplots(1, 3, figsize=(15, 4.6), constrained_layout=True)
    for label, path, style in [
        ("answer p99 (bot)", ("answer", "p99_ms"), "o-"),
        ("autocomplete p99 (bot)", ("autocomplete", "p99_ms"), "s-"),
        ("answer p99, CPU time", ("answer", "cpu", "p99_ms"), "o:"),
        ("naive WRatio full scan p99", ("baseline", "naive_wratio_autocomplete", "p99_ms"), "^--"),
        ("difflib p50", ("baseline", "difflib_answer", "p50_ms"), "v--"),
    ]:
        lat.plot(n, series(*path), style, label=label)
    lat.axhline(10, color="grey", lw=0.8, ls=":")
    lat.set(xscale="log", yscale="log", xlabel="entities", ylabel="ms per query",
            title="Query latency")  # fmt: skip
    lat.legend(fontsize=8)
    for label, key, style in [("total", "total_s", "o-"), ("YAML parse", "parse_s", "^--"),
                              ("build + line map", "build_s", "v--"),
                              ("validation", "validate_s", "s--"),
                              ("index + engine", "index_s", "d--")]:  # fmt: skip
        if any(series("load", key)):  # the line map is built only when an edit has errors
            load.plot(n, series("load", key), style, label=label)
    load.axhline(5, color="grey", lw=0.8, ls=":")
    load.set(xscale="log", yscale="log", xlabel="entities", ylabel="seconds",
             title="Load, validate, index")  # fmt: skip
    load.legend(fontsize=8)
    mem.plot(n, series("memory", "loaded_mb"), "o-", label="resident after load")
    mem.plot(n, series("memory", "peak_mb"), "s--", label="peak while loading")
    mem.set(xscale="log", yscale="log", xlabel="entities", ylabel="MB", title="Memory")
    mem.legend(fontsize=8)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.out, dpi=110)
    print(f"wrote {args.out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
