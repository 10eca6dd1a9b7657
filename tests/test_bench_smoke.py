"""Every benchmark runs at its smallest size and writes well-formed JSON, so none of them rots.

No timing is asserted: the figures belong in docs/benchmarks.md, not in a pass or a fail.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent


def run_bench(module: str, out: Path, *extra: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", "--smoke", "--out", str(out), *extra],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert data["smoke"] is True
    assert data["machine"]["cores"] >= 1
    return data


def assert_percentiles(summary: dict[str, Any]) -> None:
    assert summary["n"] > 0
    assert 0 <= summary["p50_ms"] <= summary["p99_ms"] <= summary["max_ms"]


def needs_local_discord() -> None:
    if importlib.util.find_spec("aiohttp") is None:
        pytest.skip("aiohttp is not installed: the local Discord double needs it")
    if not (REPO / "tests" / "e2e" / "fakediscord" / "__init__.py").is_file():
        pytest.skip("the local Discord double (tests/e2e/fakediscord) is not in this checkout")


def test_engine_bench(tmp_path: Path) -> None:
    data = run_bench("engine", tmp_path / "engine.json")
    assert {"answer (all)", "autocomplete (all)", "answer cast"} <= set(data["results"])
    for summary in data["results"].values():
        assert_percentiles(summary)
        assert_percentiles(summary["cpu"])


def test_scale_bench(tmp_path: Path) -> None:
    data = run_bench("scale", tmp_path / "scale.json", "--workdir", str(tmp_path / "kb"))
    (size,) = data["sizes"]
    assert size["entities"] == 1000
    assert set(size["load"]) == {"parse_s", "build_s", "validate_s", "index_s", "total_s"}
    assert size["memory"]["loaded_mb"] > 0
    for summary in (size["answer"], size["autocomplete"], *size["baseline"].values()):
        assert_percentiles(summary)


def test_synthetic_knowledge_is_valid(tmp_path: Path) -> None:
    from bench.synth import write_knowledge
    from bot.core.knowledge.loader import load_knowledge

    size = write_knowledge(300, tmp_path)
    knowledge = load_knowledge(tmp_path)
    assert len(knowledge.cast) == size.cast and len(knowledge.people) == size.people
    assert any("ñ" in member.actor or "á" in member.actor for member in knowledge.cast)


def test_startup_bench(tmp_path: Path) -> None:
    needs_local_discord()
    data = run_bench("startup", tmp_path / "startup.json")
    assert data["console_ready_s"]["n"] == 1 and data["console_idle_rss_mb"]["median"] > 0
    assert data["bot_ready_s"]["n"] == 1


def test_e2e_bench(tmp_path: Path) -> None:
    needs_local_discord()
    data = run_bench("e2e", tmp_path / "e2e.json")
    assert [level["in_flight"] for level in data["levels"]] == [1, 2]
    for level in data["levels"]:
        assert level["per_second"] > 0
        assert_percentiles(level["latency"])


def test_all_benchmarks_in_one_run(tmp_path: Path) -> None:
    """`python -m bench.all` runs each step in its own process and records the run."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.all", "--smoke", "--only", "engine", "scale",
         "--out-dir", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert [(s["step"], s["returncode"]) for s in run["steps"]] == [("engine", 0), ("scale", 0)]
    assert json.loads((tmp_path / "scale.json").read_text(encoding="utf-8"))["smoke"] is True
    assert (tmp_path / "engine.json").is_file()
