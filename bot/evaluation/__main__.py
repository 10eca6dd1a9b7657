"""`python -m bot.evaluation record`: accept the current figures as the new floor.

Run it only after a deliberate improvement; it rewrites `eval/baseline.json`, which the tests
and `somos-bot eval` compare every later run with.
"""

from __future__ import annotations

import json
import sys

from bot.evaluation.cli import RECORD_NAME, evaluate_file
from bot.evaluation.dataset import DEFAULT_FILE
from bot.settings import Settings


def main(argv: list[str]) -> int:
    """Write the record, or explain the one command there is."""
    if argv != ["record"]:
        print("usage: python -m bot.evaluation record", file=sys.stderr)
        return 2
    report = evaluate_file(Settings().knowledge_dir, DEFAULT_FILE)
    path = DEFAULT_FILE.with_name(RECORD_NAME)
    path.write_text(json.dumps(report.record(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"recorded: {json.dumps(report.record()['bot']['accuracy'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
