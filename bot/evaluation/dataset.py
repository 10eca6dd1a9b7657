"""The evaluation set: questions as fans type them, with what a right answer must do.

Each question either expects a topic and facts the answer must contain, or expects the bot to
decline (out of scope: other shows, facts the articles never give, chit-chat, gibberish). The
file is YAML, validated strictly so a typo in the set cannot silently change the figures:
unknown fields, keys written twice, a question without `must_contain` or `decline`, and a
repeated id or question are all errors that name the question and its line.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal, Self

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from bot.core.answering.answer import Language, Topic
from bot.core.text import fold

_PACKAGE = Path(__file__).resolve().parents[1]
_EVAL_DIR = (
    _PACKAGE / "_eval" if (_PACKAGE / "_eval").is_dir() else _PACKAGE.parent / "eval"
)  # inside the package when installed from a wheel; the repository's `eval/` in a checkout

DEFAULT_FILE = _EVAL_DIR / "questions.yaml"
"""The shipped tuning set, `eval/questions.yaml`."""

HELDOUT_FILE = DEFAULT_FILE.with_name("heldout.yaml")
"""The shipped held-out set, `eval/heldout.yaml`: written blind and frozen; never tuned on."""

OUT_OF_SCOPE = "out of scope"
"""The pseudo-topic under which declined questions are reported."""


class Split(StrEnum):
    """Rules are tuned on `tune` only; `heldout` measures how well that tuning generalises."""

    TUNE = "tune"
    HELDOUT = "heldout"


SHIPPED_FILES = {Split.TUNE: DEFAULT_FILE, Split.HELDOUT: HELDOUT_FILE}
"""Where each split of the shipped set lives: one file a split."""


class Category(StrEnum):
    """Why an out-of-scope question cannot be answered from the knowledge."""

    OTHER_SHOW = "other-show"
    NOT_IN_KNOWLEDGE = "not-in-knowledge"
    CHIT_CHAT = "chit-chat"
    GIBBERISH = "gibberish"


AnswerTopic = Literal["cast", "episode", "creators", "season2", "show", "sources", "help"]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Question(BaseModel):
    """One question and the answer it deserves."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    split: Split
    language: Language = Field(description="The fan's language: the reply must be in it.")
    question: NonEmpty
    topic: AnswerTopic | list[AnswerTopic] | None = Field(
        default=None, description="The expected topic; a list when several are fair."
    )
    must_contain: list[NonEmpty] = Field(
        default_factory=list, description="Facts the reply text must contain, compared folded."
    )
    decline: bool = False
    category: Category | None = Field(default=None, description="Out-of-scope questions only.")
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _enums_from_text(cls, data: Any) -> Any:
        """YAML gives text; strict mode would refuse it for the enum fields, so convert here."""
        if isinstance(data, dict):
            data = dict(data)
            for name, kind in (("split", Split), ("language", Language), ("category", Category)):
                value = data.get(name)
                if isinstance(value, str) and value in {m.value for m in kind}:
                    data[name] = kind(value)
        return data

    @model_validator(mode="after")
    def _answer_or_decline(self) -> Self:
        if self.decline:
            if self.topic is not None or self.must_contain:
                raise ValueError("a declined question has no `topic` or `must_contain`")
            if self.category is None:
                raise ValueError(
                    "a declined question needs a `category`: "
                    + ", ".join(c.value for c in Category)
                )
        else:
            if self.topic is None or not self.must_contain:
                raise ValueError(
                    "give `topic` and `must_contain` (the facts a right answer has), "
                    "or `decline: true` for an out-of-scope question"
                )
            if self.category is not None:
                raise ValueError("only declined questions have a `category`")
            if any(not fold(fact) for fact in self.must_contain):
                raise ValueError("a `must_contain` fact has no letters or digits")
        return self

    @property
    def topics(self) -> tuple[Topic, ...]:
        """The acceptable topics, `unknown` alone for a question to decline."""
        if self.topic is None:
            return (Topic.UNKNOWN,)
        names = [self.topic] if isinstance(self.topic, str) else self.topic
        return tuple(Topic(name) for name in names)

    @property
    def group(self) -> str:
        """The topic figures are reported under: the first expected topic, or out of scope."""
        return OUT_OF_SCOPE if self.decline else self.topics[0].value


class EvalSet(BaseModel):
    """The whole set, as loaded from one file."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    questions: list[Question] = Field(min_length=1)

    def split(self, split: Split) -> list[Question]:
        return [q for q in self.questions if q.split is split]

    def only(self, splits: Collection[Split]) -> EvalSet | None:
        """The questions of `splits` alone (`somos-bot eval --split tune`), or None if none."""
        kept = [q for q in self.questions if q.split in splits]
        return EvalSet(questions=kept) if kept else None

    def shared_with_tune(self) -> list[Question]:
        """Held-out questions that are, once folded, also tuning questions."""
        tune = {fold(q.question) for q in self.split(Split.TUNE)}
        return [q for q in self.split(Split.HELDOUT) if fold(q.question) in tune]

    def fingerprint(self, split: Split) -> str | None:
        """A hash of one split, so a silent edit of the frozen held-out set is noticed.

        None when the set has no question of that split.
        """
        rows = [q.model_dump(mode="json") for q in self.split(split)]
        if not rows:
            return None
        return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:16]


class DatasetError(Exception):
    """The evaluation file has errors; every one is a sentence naming a question and line."""

    def __init__(self, path: Path, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(f"{path.name}:{p}" for p in self.problems))


class _Loader(yaml.SafeLoader):
    """Safe loader where only true/false are booleans and keys may not repeat."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            key = str(key_node.value)
            if key in seen:
                line = key_node.start_mark.line + 1
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key {key!r} is written twice (line {line})",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load_shipped_set(splits: Collection[Split] = tuple(Split)) -> EvalSet:
    """The shipped set: `eval/questions.yaml` (tune) and `eval/heldout.yaml` (held-out).

    The held-out file is read only when `splits` asks for it, and is left out of the default
    (every split) while it does not exist yet; asked for alone, its absence is an error.
    """
    files = [
        (path, split)
        for split, path in SHIPPED_FILES.items()
        if split in splits and (path.is_file() or set(splits) == {split})
    ]
    return load_eval_sets(files)


def load_eval_sets(files: Sequence[tuple[Path, Split | None]]) -> EvalSet:
    """Several files as one set, each holding one split (or, with `None`, any).

    Ids and questions must be unique within a file; across files they may repeat (a report
    names each question's split). A held-out question that is also a tuning question is
    counted by `EvalSet.shared_with_tune` and shown by the report, not refused: the held-out
    set is frozen, and its figure is read knowing the overlap.
    """
    return EvalSet(questions=[q for path, split in files for q in _load(path, split)[0].questions])


def load_eval_set(path: Path | str = DEFAULT_FILE, split: Split | None = None) -> EvalSet:
    """Read and validate one file; raise `DatasetError` listing every problem at once.

    With `split`, the file holds that split alone: a question may leave `split:` out, and one
    that names another split is an error.
    """
    return _load(Path(path), split)[0]


def _load(path: Path, split: Split | None) -> tuple[EvalSet, list[int]]:
    """The validated set of one file and the line each question starts on."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(path, ["0: no such file"]) from None
    except UnicodeDecodeError:
        raise DatasetError(path, ["0: is not UTF-8 text"]) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise DatasetError(path, [f"{line}: YAML error: {exc.problem or exc.context}"]) from None
    if not isinstance(data, dict) or "questions" not in data:
        raise DatasetError(path, ["1: the file must be a mapping with a `questions:` list"])
    lines = _question_lines(node)
    problems: list[str] = []
    if split is not None and isinstance(data["questions"], list):
        data["questions"] = [
            {"split": split.value, **raw} if isinstance(raw, dict) else raw
            for raw in data["questions"]
        ]
    try:
        eval_set = EvalSet.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = error["loc"]
            index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
            line = lines[index] if index is not None and index < len(lines) else 1
            raw = data["questions"][index] if index is not None else None
            name = (
                raw.get("id", f"#{index + 1}")
                if isinstance(raw, dict) and index is not None
                else ""
            )
            field = ".".join(str(part) for part in loc[2:]) or "question"
            message = str(error["msg"]).removeprefix("Value error, ")
            problems.append(f"{line}: {name}: {field}: {message}" if name else f"{line}: {message}")
        raise DatasetError(path, problems) from None
    problems += _duplicates(eval_set.questions, lines)
    if split is not None:
        problems += [
            f"{lines[n] if n < len(lines) else 0}: {q.id}: split: must be {split.value!r} "
            f"in this file, which holds the {split.value} set"
            for n, q in enumerate(eval_set.questions)
            if q.split is not split
        ]
    if problems:
        raise DatasetError(path, problems)
    return eval_set, lines


def _question_lines(node: yaml.Node | None) -> list[int]:
    """The line each question starts on, for error messages."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "questions" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _duplicates(questions: Sequence[Question], lines: Sequence[int]) -> list[str]:
    """A repeated id, or the same question twice (folded), would count one mistake twice."""
    problems = []
    ids: dict[str, int] = {}
    texts: dict[str, str] = {}
    for number, question in enumerate(questions):
        line = lines[number] if number < len(lines) else 0
        if question.id in ids:
            problems.append(f"{line}: {question.id}: id already used at line {ids[question.id]}")
        ids.setdefault(question.id, line)
        folded = fold(question.question) or question.question
        if folded in texts:
            problems.append(f"{line}: {question.id}: same question as {texts[folded]}")
        texts.setdefault(folded, question.id)
    return problems
