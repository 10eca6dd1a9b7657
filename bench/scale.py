"""How cost grows with the size of the knowledge: 1k, 10k, 100k and 1M synthetic entities.

For each size, in a fresh process: YAML read (to plain data), validation and index times;
resident memory; answer and autocomplete p50/p99; and, on the same queries, a naive
full scan (rapidfuzz `process.extract` with WRatio over every name) and difflib.

    python -m bench.scale                      # 1k, 10k, 100k (a few minutes)
    python -m bench.scale --sizes 1000000      # 1M entities (tens of minutes, several GB)
    python -m bench.scale --smoke              # smallest size, few queries: CI
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import peak_rss_mb, profile, rss_mb, summarize, table, time_each, write_results
from bench.synth import sample_names, write_knowledge

DEFAULT_SIZES = [1_000, 10_000, 100_000]
ALL_SIZES = [1_000, 10_000, 100_000, 1_000_000]


def _typo(name: str, rng: random.Random) -> str:
    """One realistic slip: a dropped, doubled or swapped letter, or a lost accent."""
    if len(name) < 4:
        return name
    i = rng.randrange(1, len(name) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return name[:i] + name[i + 1 :]
    if kind == 1:
        return name[:i] + name[i] + name[i:]
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def queries(directory: Path, count: int, seed: int = 11) -> tuple[list[str], list[str], list[str]]:
    """(questions for `Engine.ask`, the names they look up, autocomplete partials)."""
    rng = random.Random(seed)
    names = sample_names(directory, count)
    asks: list[str] = []
    looked_up: list[str] = []
    partials: list[str] = []
    forms = ["/cast {}", "who plays {}", "quién es {}", "/creators {}", "/cast {}", "{}"]
    for n, name in enumerate(names):
        typed = _typo(name, rng) if n % 3 == 2 else name
        asks.append(forms[n % len(forms)].format(typed))
        looked_up.append(typed)
        cut = rng.randint(1, len(name))
        partials.append(_typo(name[:cut], rng) if n % 5 == 4 else name[:cut])
    return asks, looked_up, partials


def measure(entities: int, workdir: Path, count: int, baseline_budget_s: float) -> dict[str, Any]:
    """Everything for one size, in this process (run it in a fresh one for honest memory)."""
    from rapidfuzz import fuzz, process

    from bot.core.answering.answer import Topic
    from bot.core.answering.engine import Engine
    from bot.core.knowledge import loader
    from bot.core.knowledge.models import KnowledgeBase
    from bot.core.text import fold

    directory = workdir / f"kb-{entities}"
    start = time.perf_counter()
    if not (directory / "episodes.yaml").exists():
        write_knowledge(entities, directory)
    generate_s = time.perf_counter() - start
    # The shipped limits (2 MB a file) refuse knowledge this large; the benchmark lifts them.
    loader.MAX_FILE_BYTES = 1 << 40
    gc.collect()
    base_rss = rss_mb()

    # Load exactly as `load_knowledge` does, timing each phase: read every file (YAML to plain
    # data in one pass), then validate the whole. "parse" is that read; "build" (nodes turned
    # into data with a line map) is 0 unless a file needs the full read, which valid knowledge
    # never does: the line map is built only for a moderator's error.
    t0, c0 = time.perf_counter(), time.process_time()
    with loader.collector_paused():
        documents, errors = loader._read_directory(directory)
    read_s, read_cpu = time.perf_counter() - t0, time.process_time() - c0
    if errors:
        raise SystemExit("\n".join(map(str, errors)))
    merged: dict[str, Any] = {}
    for document in documents:
        merged.update(document.data)
    t0, c0 = time.perf_counter(), time.process_time()
    with loader.collector_paused():
        knowledge = KnowledgeBase.model_validate(merged)
    validate_s, validate_cpu = time.perf_counter() - t0, time.process_time() - c0
    del merged, documents  # load_knowledge keeps the files' bytes until validation is done
    t0, c0 = time.perf_counter(), time.process_time()
    engine = Engine(knowledge)
    index_s, index_cpu = time.perf_counter() - t0, time.process_time() - c0
    gc.collect()
    loaded_rss = rss_mb()

    asks, looked_up, partials = queries(directory, count)
    for question in asks[:20]:
        engine.ask(question)  # warm
    answers = profile(engine.ask, asks, rounds=2)
    complete = profile(lambda p: engine.complete(Topic.CAST, p), partials, rounds=2)

    names = [fold(n) for entry in engine.index.entries for n in [entry.name]]
    names += (
        [k for k in engine.index.all_keys() if k not in set(names)] if entities <= 10_000 else []
    )
    every_name = sorted(set(names))
    folded_lookups = [fold(q) for q in looked_up]
    folded_partials = [fold(p) for p in partials]

    def budgeted(call: Any, inputs: list[str]) -> dict[str, float]:
        samples: list[int] = []
        deadline = time.perf_counter() + baseline_budget_s
        for item in inputs:
            samples += time_each(call, [item])
            if time.perf_counter() > deadline and len(samples) >= 3:
                break
        return summarize(samples)

    naive_answer = budgeted(
        lambda q: process.extract(q, every_name, scorer=fuzz.WRatio, processor=None, limit=5),
        folded_lookups,
    )
    naive_complete = budgeted(
        lambda q: process.extract(q, every_name, scorer=fuzz.WRatio, processor=None, limit=25),
        folded_partials,
    )
    difflib_answer = budgeted(
        lambda q: difflib.get_close_matches(q, every_name, n=5, cutoff=0.6), folded_lookups
    )
    return {
        "entities": entities,
        "summary": knowledge.summary(),
        "names": len(every_name),
        "index_keys": len(engine.index.all_keys()),
        "generate_s": round(generate_s, 3),
        "load": {
            "parse_s": round(read_s, 3),
            "build_s": 0.0,
            "validate_s": round(validate_s, 3),
            "index_s": round(index_s, 3),
            "total_s": round(read_s + validate_s + index_s, 3),
        },
        "load_cpu": {
            "parse_s": round(read_cpu, 3),
            "build_s": 0.0,
            "validate_s": round(validate_cpu, 3),
            "index_s": round(index_cpu, 3),
            "total_s": round(read_cpu + validate_cpu + index_cpu, 3),
        },
        "memory": {
            "before_mb": round(base_rss, 1),
            "loaded_mb": round(loaded_rss, 1),
            "knowledge_mb": round(loaded_rss - base_rss, 1),
            "peak_mb": round(peak_rss_mb(), 1),
        },
        "answer": answers,
        "autocomplete": complete,
        "baseline": {
            "naive_wratio_answer": naive_answer,
            "naive_wratio_autocomplete": naive_complete,
            "difflib_answer": difflib_answer,
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=None)
    parser.add_argument("--queries", type=int, default=300, help="queries per size")
    parser.add_argument("--baseline-budget", type=float, default=20.0,
                        help="seconds each baseline may take per size")  # fmt: skip
    parser.add_argument("--workdir", type=Path, default=None, help="where to keep the knowledge")
    parser.add_argument("--smoke", action="store_true", help="smallest size, few queries")
    parser.add_argument("--out", type=Path, default=None, help="JSON file to write")
    parser.add_argument("--worker", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.queries, args.baseline_budget = [1_000], 10, 0.5
    workdir = args.workdir or Path(tempfile.gettempdir()) / "somos-bench"
    if args.worker is not None:
        print(json.dumps(measure(args.worker, workdir, args.queries, args.baseline_budget)))
        return 0
    sizes = args.sizes or DEFAULT_SIZES
    results = []
    for entities in sizes:
        command = [sys.executable, "-m", "bench.scale", "--worker", str(entities),
                   "--queries", str(args.queries), "--baseline-budget", str(args.baseline_budget),
                   "--workdir", str(workdir)]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        result = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(result)
        print(f"{entities:>9,} entities measured", file=sys.stderr)
        write_results("scale", {"smoke": args.smoke, "sizes": results}, args.out)  # so far
    rows = [
        [r["entities"], r["load"]["parse_s"], r["load"]["validate_s"],
         r["load"]["index_s"], r["load"]["total_s"], r["memory"]["loaded_mb"],
         r["answer"]["p50_ms"], r["answer"]["p99_ms"], r["autocomplete"]["p50_ms"],
         r["autocomplete"]["p99_ms"], r["baseline"]["naive_wratio_answer"]["p50_ms"],
         r["baseline"]["naive_wratio_autocomplete"]["p99_ms"],
         r["baseline"]["difflib_answer"]["p50_ms"]]
        for r in results
    ]  # fmt: skip
    print(table(
        ["entities", "parse s", "validate s", "index s", "load s", "RSS MB",
         "ask p50", "ask p99", "ac p50", "ac p99", "WRatio p50", "WRatio p99", "difflib p50"],
        rows,
    ))  # fmt: skip
    print("(times in ms unless marked s; WRatio/difflib: naive full scans over every name)")
    path = write_results("scale", {"smoke": args.smoke, "sizes": results}, args.out)
    print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
