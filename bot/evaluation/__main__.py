"""`python -m bot.evaluation record [--split tune|heldout|all]`: accept the current figures.

Run it only after a deliberate improvement; it rewrites `eval/baseline.json`, which the tests
and `somos-bot eval` compare every later run with. With `--split tune` (what tuning needs) the
held-out file is not read and its record is kept as it was; the held-out figures are recorded
once, by the single run on a new held-out set.
"""

from __future__ import annotations

import argparse
import json
import sys

from bot.evaluation.cli import RECORD_NAME, SPLITS, evaluate_file
from bot.evaluation.dataset import DEFAULT_FILE, DatasetError
from bot.settings import Settings


def main(argv: list[str]) -> int:
    """Write the record, or explain the one command there is."""
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation")
    parser.add_argument("command", choices=["record"])
    parser.add_argument("--split", choices=list(SPLITS), default="all")
    args = parser.parse_args(argv)
    try:
        report = evaluate_file(Settings().knowledge_dir, None, SPLITS[args.split])
    except DatasetError as error:
        print(f"the evaluation set has errors:\n{error}", file=sys.stderr)
        return 1
    path = DEFAULT_FILE.with_name(RECORD_NAME)
    record = report.record()
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"recorded: {json.dumps(record['bot']['accuracy'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
