"""Turn scored outcomes into the figures `somos-bot eval` prints, the goals, and the record.

The record (`eval/baseline.json`) holds the last accepted figures of the bot and the held-out
half's fingerprint. A run that falls below a recorded accuracy has regressed; the test suite and
the exit status of `somos-bot eval` both say so, so a change cannot quietly make the bot dumber.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.core.answering.answer import Language
from bot.evaluation.dataset import OUT_OF_SCOPE, Category, EvalSet, Question, Split
from bot.evaluation.scoring import Outcome

GOAL_ACCURACY = 0.97
"""The held-out accuracy the bot must reach."""

GOAL_TOPIC_ACCURACY = 0.95
"""No answerable topic may fall under this on the held-out half."""

_CELL = 13
"""Width of one figure column in the text report: `100.0% (22)` and a gap."""

TOPIC_ORDER = ["cast", "episode", "creators", "season2", "show", "sources", "help", OUT_OF_SCOPE]


@dataclass(frozen=True)
class Figures:
    """Counts for one answerer over a selection of questions, and the rates they give."""

    questions: int
    correct: int
    confidently_wrong: int
    out_of_scope: int
    declined_out_of_scope: int
    confidently_wrong_out_of_scope: int
    language_ok: int

    @classmethod
    def of(cls, outcomes: Sequence[Outcome]) -> Figures:
        oos = [o for o in outcomes if o.question.decline]
        return cls(
            questions=len(outcomes),
            correct=sum(o.correct for o in outcomes),
            confidently_wrong=sum(o.confidently_wrong for o in outcomes),
            out_of_scope=len(oos),
            declined_out_of_scope=sum(o.declined for o in oos),
            confidently_wrong_out_of_scope=sum(o.confidently_wrong for o in oos),
            language_ok=sum(o.language_ok for o in outcomes),
        )

    @property
    def accuracy(self) -> float:
        return _rate(self.correct, self.questions)

    @property
    def confidently_wrong_rate(self) -> float:
        return _rate(self.confidently_wrong, self.questions)

    @property
    def decline_rate(self) -> float:
        return _rate(self.declined_out_of_scope, self.out_of_scope)

    @property
    def language_rate(self) -> float:
        return _rate(self.language_ok, self.questions)

    def to_json(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
            "confidently_wrong": self.confidently_wrong,
            "confidently_wrong_rate": round(self.confidently_wrong_rate, 4),
            "out_of_scope": self.out_of_scope,
            "out_of_scope_declined": self.declined_out_of_scope,
            "out_of_scope_decline_rate": round(self.decline_rate, 4),
            "out_of_scope_confidently_wrong": self.confidently_wrong_out_of_scope,
            "reply_language_ok": self.language_ok,
            "reply_language_rate": round(self.language_rate, 4),
        }


@dataclass(frozen=True)
class Run:
    """Every outcome of one answerer on the set."""

    answerer: str
    outcomes: list[Outcome]

    def figures(
        self, split: Split | None = None, *, keep: Callable[[Outcome], bool] | None = None
    ) -> Figures:
        return Figures.of(
            [
                o
                for o in self.outcomes
                if (split is None or o.question.split is split) and (keep is None or keep(o))
            ]
        )

    def by_group(self, split: Split | None = None) -> dict[str, Figures]:
        groups = _ordered({o.question.group for o in self.outcomes}, TOPIC_ORDER)
        return {g: self.figures(split, keep=_in_group(g)) for g in groups}

    def by_language(self, split: Split | None = None) -> dict[str, Figures]:
        return {lang.value: self.figures(split, keep=_in_language(lang)) for lang in Language}

    def by_category(self, split: Split | None = None) -> dict[str, Figures]:
        return {c.value: self.figures(split, keep=_in_category(c)) for c in Category}

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]


@dataclass(frozen=True)
class Goal:
    """One pass/fail line under the figures."""

    name: str
    met: bool
    detail: str


@dataclass(frozen=True)
class Recorded:
    """The last accepted figures, from `eval/baseline.json`.

    `heldout_fingerprint` is None while no held-out set has been recorded. `accuracy` and
    `by_topic` have an entry for each split that has been recorded.
    """

    heldout_fingerprint: str | None
    accuracy: dict[str, float]
    by_topic: dict[str, dict[str, float]]
    raw: dict[str, Any]

    @classmethod
    def read(cls, path: Path) -> Recorded | None:
        if not path.is_file():
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
        bot = raw["bot"]
        return cls(
            raw.get("heldout_fingerprint"),
            dict(bot["accuracy"]),
            {split: dict(topics) for split, topics in bot.get("by_topic", {}).items()},
            raw,
        )


@dataclass(frozen=True)
class Report:
    """The bot's run and the baselines' runs on one set, with goals and the record."""

    file: str
    eval_set: EvalSet
    runs: list[Run]
    recorded: Recorded | None

    @property
    def bot(self) -> Run:
        return self.runs[0]

    @property
    def splits(self) -> list[Split]:
        """The splits this run has questions of."""
        return [s for s in Split if self.eval_set.split(s)]

    def goals(self) -> list[Goal]:
        everything = self.bot.figures()
        goals = []
        if Split.HELDOUT in self.splits:
            heldout = self.bot.figures(Split.HELDOUT)
            weak = {
                group: figures.accuracy
                for group, figures in self.topic_figures(Split.HELDOUT).items()
                if group != OUT_OF_SCOPE and figures.accuracy < GOAL_TOPIC_ACCURACY
            }
            goals += [
                Goal(
                    f"held-out accuracy ≥ {GOAL_ACCURACY:.0%}",
                    heldout.accuracy >= GOAL_ACCURACY,
                    # The count too: 289 of 298 prints as 97.0 % and misses the goal.
                    f"{_pct(heldout.accuracy)} ({heldout.correct} of {heldout.questions})",
                ),
                Goal(
                    f"every held-out topic ≥ {GOAL_TOPIC_ACCURACY:.0%}",
                    not weak,
                    ", ".join(f"{g} {_pct(a)}" for g, a in weak.items()) or "all met",
                ),
            ]
        goals.append(
            Goal(
                "no confidently wrong answer to an out-of-scope question",
                everything.confidently_wrong_out_of_scope == 0,
                f"{everything.confidently_wrong_out_of_scope} of {everything.out_of_scope}",
            )
        )
        goals.extend(self.regressions())
        return goals

    def new_wording(self, shared: Sequence[Question] | None = None) -> Figures | None:
        """The bot's held-out figures on the questions that repeat no tuning question.

        Fans ask the common questions in the same words, so a blind set repeats some tuning
        questions (once folded); on the rest, the figure says how far the tuning reaches words
        it never saw. None when no held-out question repeats one. `shared` is
        `eval_set.shared_with_tune()`, when the caller has it already.
        """
        ids = {q.id for q in (self.eval_set.shared_with_tune() if shared is None else shared)}
        if not ids:
            return None
        return self.bot.figures(Split.HELDOUT, keep=lambda o: o.question.id not in ids)

    def topic_figures(self, split: Split) -> dict[str, Figures]:
        """The bot's figures by topic on one split, for the topics that split has."""
        return {g: f for g, f in self.bot.by_group(split).items() if f.questions}

    def record_applies(self) -> bool:
        """The record is for this set: same held-out questions, or none in this run."""
        if self.recorded is None:
            return False
        return Split.HELDOUT not in self.splits or (
            self.recorded.heldout_fingerprint == self.eval_set.fingerprint(Split.HELDOUT)
        )

    def regressions(self) -> list[Goal]:
        """One goal a split of this run: not below the recorded accuracy (when the record applies).

        The held-out figure is compared only with a record of the same held-out questions; a
        run of the tuning set alone (`--split tune`) is compared with the tuning record.
        """
        if self.recorded is None:
            return [Goal("not below the recorded figures", True, "no record yet")]
        if not self.record_applies():
            return [Goal("not below the recorded figures", True, "record is for another set")]
        return [
            Goal(
                f"{split.value} accuracy not below the recorded figure",
                self.bot.figures(split).accuracy + 1e-9 >= self.recorded.accuracy[split.value],
                f"{_pct(self.bot.figures(split).accuracy)} vs recorded "
                f"{_pct(self.recorded.accuracy[split.value])}",
            )
            for split in self.splits
            if split.value in self.recorded.accuracy
        ]

    def regressed(self) -> bool:
        return any(not goal.met for goal in self.regressions())

    def record(self) -> dict[str, Any]:
        """The figures to write to `eval/baseline.json` when a change is accepted.

        Only the splits of this run are (re)recorded; the record of a split the run left out
        (`--split tune`) is kept as it was, so tuning never rewrites the held-out record.
        """
        previous = self.recorded.raw if self.recorded is not None else {}
        bot = previous.get("bot", {})
        accuracy = dict(bot.get("accuracy", {}))
        by_topic = dict(bot.get("by_topic", {}))
        baselines = {name: dict(figures) for name, figures in previous.get("baselines", {}).items()}
        fingerprint = previous.get("heldout_fingerprint")
        if Split.HELDOUT in self.splits:
            fingerprint = self.eval_set.fingerprint(Split.HELDOUT)
        for split in self.splits:
            accuracy[split.value] = _floor(self.bot.figures(split).accuracy)
            by_topic[split.value] = {
                g: _floor(f.accuracy) for g, f in self.topic_figures(split).items()
            }
            for run in self.runs[1:]:
                baselines.setdefault(run.answerer, {})[split.value] = round(
                    run.figures(split).accuracy, 4
                )
        return {
            "note": "Last accepted figures of `somos-bot eval`; a run below them has regressed. "
            "Rewrite with `python -m bot.evaluation record` only after a deliberate improvement; "
            "the held-out figures only after the one run on a new held-out set.",
            "heldout_fingerprint": fingerprint,
            "bot": {"accuracy": accuracy, "by_topic": by_topic},
            "baselines": baselines,
        }

    def to_json(self) -> dict[str, Any]:
        splits: dict[str, Split | None] = {
            "tune": Split.TUNE,
            "heldout": Split.HELDOUT,
            "all": None,
        }
        shared = self.eval_set.shared_with_tune()
        new = self.new_wording(shared)
        return {
            "file": self.file,
            "questions": len(self.eval_set.questions),
            "heldout_shared_with_tune": [q.id for q in shared],
            "heldout_new_wording": new.to_json() if new is not None else None,
            "answerers": {run.answerer: _run_json(run, splits) for run in self.runs},
            "goals": [{"goal": g.name, "met": g.met, "detail": g.detail} for g in self.goals()],
            "failures": [_failure_json(o) for o in self.bot.failures()],
        }

    def to_text(self) -> str:
        questions = self.eval_set.questions
        oos = sum(q.decline for q in questions)
        tune, held = (len(self.eval_set.split(s)) for s in Split)
        lines = [
            f"somos-bot eval: {self.file}",
            f"{len(questions)} questions (tune {tune}, held-out {held}); "
            f"{oos} out of scope ({oos / len(questions):.0%})",
        ]
        shared = self.eval_set.shared_with_tune()
        if (new := self.new_wording(shared)) is not None:
            lines.append(
                f"{len(shared)} held-out questions are also tuning questions; on the other "
                f"{new.questions} the bot scores {_pct(new.accuracy)} "
                f"({new.correct} of {new.questions})"
            )
        lines.append("")
        columns = [(run, split) for run in self.runs for split in Split]
        header = "".join(f"{run.answerer:>{2 * _CELL}}" for run in self.runs)
        sub = "".join(f"{'tune':>{_CELL}}{'held-out':>{_CELL}}" for _ in self.runs)
        lines += [f"{'':28}{header}", f"{'':28}{sub}"]
        rows: list[tuple[str, Callable[[Figures], str]]] = [
            ("accuracy", lambda f: _pct(f.accuracy)),
            ("confidently wrong", lambda f: _pct(f.confidently_wrong_rate)),
            ("out of scope declined", lambda f: _pct(f.decline_rate)),
            ("out of scope conf. wrong", lambda f: str(f.confidently_wrong_out_of_scope)),
            ("reply in fan's language", lambda f: _pct(f.language_rate)),
        ]
        for label, show in rows:
            cells = [run.figures(split) for run, split in columns]
            lines.append(
                f"{label:28}"
                + "".join(f"{show(f) if f.questions else '-':>{_CELL}}" for f in cells)
            )
        for title, table in (
            ("accuracy by topic", Run.by_group),
            ("accuracy by language", Run.by_language),
            ("out of scope declined, by kind", Run.by_category),
        ):
            lines += ["", title]
            tables = {(run.answerer, s): table(run, s) for run, s in columns}
            for key in table(self.bot, None):
                texts = []
                for run, split in columns:
                    figures = tables[(run.answerer, split)][key]
                    value = figures.decline_rate if "declined" in title else figures.accuracy
                    texts.append(
                        f"{_pct(value)} ({figures.questions})" if figures.questions else "-"
                    )
                lines.append(f"  {key:26}" + "".join(f"{c:>{_CELL}}" for c in texts))
        lines += ["", "goals (the bot)"]
        lines += [f"  [{'ok' if g.met else 'FAIL'}] {g.name}: {g.detail}" for g in self.goals()]
        failures = self.bot.failures()
        lines += ["", f"questions the bot got wrong ({len(failures)})"]
        lines += [f"  {_failure_text(o)}" for o in failures] or ["  none"]
        return "\n".join(lines)


def _run_json(run: Run, splits: dict[str, Split | None]) -> dict[str, Any]:
    return {
        "overall": {name: run.figures(s).to_json() for name, s in splits.items()},
        "by_topic": {
            name: {k: v.to_json() for k, v in run.by_group(s).items()} for name, s in splits.items()
        },
        "by_language": {
            name: {k: v.to_json() for k, v in run.by_language(s).items()}
            for name, s in splits.items()
        },
        "out_of_scope_by_category": {
            name: {k: v.to_json() for k, v in run.by_category(s).items()}
            for name, s in splits.items()
        },
    }


def _in_group(group: str) -> Callable[[Outcome], bool]:
    return lambda outcome: outcome.question.group == group


def _in_language(language: Language) -> Callable[[Outcome], bool]:
    return lambda outcome: outcome.question.language is language


def _in_category(category: Category) -> Callable[[Outcome], bool]:
    return lambda outcome: outcome.question.category is category


def _failure_json(outcome: Outcome) -> dict[str, Any]:
    q = outcome.question
    return {
        "id": q.id,
        "split": q.split.value,
        "language": q.language.value,
        "question": q.question,
        "expected": "decline" if q.decline else [t.value for t in q.topics],
        "must_contain": list(q.must_contain),
        "got_topic": outcome.topic.value,
        "got_confidence": outcome.confidence.value,
        "got_title": outcome.title,
        "missing": list(outcome.missing),
        "confidently_wrong": outcome.confidently_wrong,
    }


def _failure_text(outcome: Outcome) -> str:
    q = outcome.question
    expected = "decline" if q.decline else "/".join(t.value for t in q.topics)
    missing = f"; missing {', '.join(outcome.missing)}" if outcome.missing else ""
    flag = " CONFIDENTLY WRONG" if outcome.confidently_wrong else ""
    return (
        f"{q.id} [{q.split.value}, {q.language.value}] {q.question!r}: expected {expected}, "
        f"got {outcome.topic.value}/{outcome.confidence.value} {outcome.title!r}{missing}{flag}"
    )


def _ordered(items: Iterable[str], order: Sequence[str]) -> list[str]:
    return sorted(
        items, key=lambda item: (order.index(item) if item in order else len(order), item)
    )


def _floor(value: float) -> float:
    """Round down, so a recorded figure is never above the run it was recorded from."""
    return math.floor(value * 10_000) / 10_000


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _pct(value: float) -> str:
    return f"{value:.1%}"
