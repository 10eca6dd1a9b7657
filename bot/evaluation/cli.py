"""`somos-bot eval [FILE] [--json]`: the bot and both baselines on the evaluation set.

Exit status: 0 when the run is at or above the recorded figures, 1 when it has regressed (or
the set or the knowledge has errors), so a script or CI can gate on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.core.answering.engine import Engine
from bot.core.knowledge.loader import LoadFailed, load_knowledge
from bot.evaluation.baselines import Answerer, all_answerers
from bot.evaluation.dataset import DEFAULT_FILE, DatasetError, EvalSet, load_eval_set
from bot.evaluation.report import Recorded, Report, Run
from bot.evaluation.scoring import score
from bot.settings import Settings

EXIT_OK, EXIT_FAILED = 0, 1

RECORD_NAME = "baseline.json"
"""The record of accepted figures lives beside the set it was measured on."""


def evaluate(
    eval_set: EvalSet,
    answerers: list[Answerer],
    *,
    file: str = "eval/questions.yaml",
    recorded: Recorded | None = None,
) -> Report:
    """Ask every answerer every question and score the answers by the same rule."""
    runs = [
        Run(a.name, [score(q, a.answer(q.question)) for q in eval_set.questions]) for a in answerers
    ]
    return Report(file, eval_set, runs, recorded)


def evaluate_file(knowledge_dir: Path, path: Path = DEFAULT_FILE) -> Report:
    """Load the knowledge and the set, and evaluate the bot and the baselines."""
    engine = Engine(load_knowledge(knowledge_dir))
    eval_set = load_eval_set(path)
    return evaluate(
        eval_set,
        all_answerers(engine),
        file=_display(path),
        recorded=Recorded.read(path.with_name(RECORD_NAME)),
    )


def run_eval(settings: Settings, args: argparse.Namespace) -> int:
    """The `eval` subcommand."""
    path = Path(args.file) if args.file else DEFAULT_FILE
    try:
        report = evaluate_file(settings.knowledge_dir, path)
    except DatasetError as error:
        print(f"somos-bot eval: the evaluation set has errors:\n{error}", file=sys.stderr)
        return EXIT_FAILED
    except LoadFailed as failure:
        print(f"somos-bot eval: the knowledge has errors:\n{failure}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(report.to_text())
    return EXIT_FAILED if report.regressed() else EXIT_OK


def _display(path: Path) -> str:
    """The path relative to the working directory when below it: no machine paths in output."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return path.name
