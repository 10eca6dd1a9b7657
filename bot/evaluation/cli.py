"""`somos-bot eval [FILE] [--split tune|heldout|all] [--json]`: the bot and both baselines.

Without FILE the set is the shipped pair, `eval/questions.yaml` (tune) and `eval/heldout.yaml`
(held-out, once it exists); a FILE holds questions of either split. `--split` keeps one split:
tune with `--split tune`, which never reads the held-out file.

Exit status: 0 when the run is at or above the recorded figures, 1 when it has regressed (or
the set or the knowledge has errors), so a script or CI can gate on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.core.answering.engine import Engine
from bot.core.knowledge.loader import LoadFailed, load_knowledge
from bot.evaluation.baselines import Answerer, all_answerers
from bot.evaluation.dataset import (
    DEFAULT_FILE,
    SHIPPED_FILES,
    DatasetError,
    EvalSet,
    Split,
    load_eval_set,
    load_shipped_set,
)
from bot.evaluation.report import Recorded, Report, Run
from bot.evaluation.scoring import score
from bot.settings import Settings

EXIT_OK, EXIT_FAILED = 0, 1

RECORD_NAME = "baseline.json"
"""The record of accepted figures lives beside the set it was measured on."""

SPLITS: dict[str, tuple[Split, ...]] = {
    "tune": (Split.TUNE,),
    "heldout": (Split.HELDOUT,),
    "all": tuple(Split),
}
"""The values of `--split` and the splits each keeps."""


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


def evaluate_file(
    knowledge_dir: Path, path: Path | None = None, splits: Sequence[Split] = tuple(Split)
) -> Report:
    """Load the knowledge and the set (`path`, or the shipped pair), and evaluate every answerer.

    Raises `DatasetError` when the set has errors or no question of `splits`.
    """
    if path is None:
        eval_set: EvalSet | None = load_shipped_set(splits)
        shipped = [p for s, p in SHIPPED_FILES.items() if s in splits and p.is_file()]
        file = " + ".join(_display(p) for p in shipped)
        record = DEFAULT_FILE.with_name(RECORD_NAME)
    else:
        eval_set = load_eval_set(path).only(splits)
        file, record = _display(path), path.with_name(RECORD_NAME)
    if eval_set is None:
        names = " or ".join(s.value for s in splits)
        raise DatasetError(path or DEFAULT_FILE, [f"0: has no {names} questions"])
    engine = Engine(load_knowledge(knowledge_dir))
    return evaluate(eval_set, all_answerers(engine), file=file, recorded=Recorded.read(record))


def run_eval(settings: Settings, args: argparse.Namespace) -> int:
    """The `eval` subcommand."""
    path = Path(args.file) if args.file else None
    try:
        report = evaluate_file(settings.knowledge_dir, path, SPLITS[args.split])
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
