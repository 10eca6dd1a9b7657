"""What every benchmark shares: the machine, timing, percentiles, memory, tables and JSON."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict[str, Any]:
    """The machine and library versions a result was measured on (no paths, no host names)."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for name in ("rapidfuzz", "pydantic", "pydantic-core", "PyYAML", "discord.py", "aiohttp"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    try:
        import yaml

        versions["libyaml"] = bool(getattr(yaml, "__with_libyaml__", False))
    except ImportError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.machine()}",
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "libraries": versions,
    }


def rss_mb() -> float:
    """Resident memory of this process now, in MB (10^6 bytes)."""
    return _status_kb("VmRSS") / 1000


def peak_rss_mb() -> float:
    """The most resident memory this process has used, in MB."""
    return _status_kb("VmHWM") / 1000


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def summarize(samples_ns: Sequence[int]) -> dict[str, float]:
    """p50, p99, mean and max in milliseconds, and the count."""
    ordered = sorted(samples_ns)
    if not ordered:
        return {"n": 0, "p50_ms": 0.0, "p99_ms": 0.0, "mean_ms": 0.0, "max_ms": 0.0}

    def pct(p: float) -> float:
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[index] / 1e6

    return {
        "n": len(ordered),
        "p50_ms": round(pct(50), 4),
        "p99_ms": round(pct(99), 4),
        "mean_ms": round(statistics.fmean(ordered) / 1e6, 4),
        "max_ms": round(ordered[-1] / 1e6, 4),
    }


def time_each(
    call: Callable[[Any], object], inputs: Iterable[Any], *, rounds: int = 1
) -> list[int]:
    """Call `call(x)` for every input, `rounds` times over; the duration of each call in ns."""
    items = list(inputs)
    samples: list[int] = []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        for item in items:
            start = clock()
            call(item)
            samples.append(clock() - start)
    return samples


def profile(
    call: Callable[[Any], object], inputs: Iterable[Any], *, rounds: int = 1
) -> dict[str, Any]:
    """Wall-clock and CPU-time percentiles of `call(x)` over the inputs.

    Wall clock is what a user waits; CPU time (this thread's) leaves out the time the process
    was not running, which on a busy shared machine is what decides the p99.
    """
    items = list(inputs)
    wall: list[int] = []
    cpu: list[int] = []
    clock, cpu_clock = time.perf_counter_ns, time.thread_time_ns
    for _ in range(rounds):
        for item in items:
            start, start_cpu = clock(), cpu_clock()
            call(item)
            cpu.append(cpu_clock() - start_cpu)
            wall.append(clock() - start)
    return {**summarize(wall), "cpu": summarize(cpu)}


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    """Run `call()` once; its result and the seconds it took."""
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain-text table, numbers right-aligned."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [
        max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(
            c.rjust(w) if _numeric(c) else c.ljust(w) for c, w in zip(row, widths, strict=True)
        ))  # fmt: skip
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return "—" if value is None else str(value)


def _numeric(text: str) -> bool:
    return text.replace(",", "").replace(".", "").replace("-", "").isdigit()


def write_results(name: str, data: dict[str, Any], out: Path | None = None) -> Path:
    """Write `data` with the machine description to `bench/results/<name>.json` (or `out`)."""
    path = out or RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"benchmark": name, "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
               "machine": machine(), **data}  # fmt: skip
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
