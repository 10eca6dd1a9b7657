"""Load the knowledge directory: YAML files → one validated `KnowledgeBase`, or every error at once.

Each `*.yaml` file holds top-level sections (`sources`, `show`, `cast`, `episodes`, `people`,
`season2`); which file holds which section is the moderators' choice. The YAML is composed into
nodes with PyYAML's safe loader and turned into plain data here, so that:

* every value keeps the line it came from, and each error reads `file:line: path: reason`;
* only `true`/`false` are booleans and dates stay text (`No` stays the word "No");
* a key written twice is an error instead of silently keeping the last one;
* anchors and aliases are refused, so an alias bomb cannot expand.

Cost: with libyaml, a file is first read in one pass over libyaml's parser events straight into
plain data, without nodes or a line map (`_plain_data`). That pass accepts only what the full
path above would accept unchanged, and gives up on anything else (an anchor, an explicit tag, a
key written twice, nesting past `MAX_DEPTH`, a YAML error...), which the full path then reads
and reports. The line map is built, by reading the same text the full way, only when a
moderator's error needs a line.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bot.core.knowledge.models import KnowledgeBase, _dotted, reference_problems

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A knowledge file larger than this is refused: the shipped ones are a few kilobytes."""

MAX_FILES = 200

MAX_DEPTH = 20
"""Lists and mappings nested deeper than this are refused before the YAML is composed: the
shipped files nest 7 deep, and PyYAML composes recursively (libyaml's composer would crash the
whole process on a few thousand `[`)."""

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class KnowledgeError:
    """One problem a moderator must fix, at a file and line."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class LoadFailed(Exception):
    """The knowledge directory has errors; `errors` lists every one."""

    def __init__(self, errors: list[KnowledgeError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass
class _Document:
    """Plain data from one file, with the line of every path in it."""

    file: str
    data: dict[str, Any] = field(default_factory=dict)
    raw: bytes = b""
    """The file's bytes as read (valid UTF-8), kept to build `lines` when an error needs them."""
    _lines: dict[Loc, int] | None = None

    @property
    def lines(self) -> dict[Loc, int]:
        """The line of every path, from the text read, built the first time it is asked for."""
        if self._lines is None:
            self._lines = {}
            # `_plain_data` read this text without error, so the full read succeeds too.
            with contextlib.suppress(_FileProblem):
                _read_in_full(self.raw.decode("utf-8-sig"), self)
        return self._lines


def load_knowledge(directory: Path | str) -> KnowledgeBase:
    """Load and validate every `*.yaml` file in `directory`.

    Raises `LoadFailed` with all the errors found; never a traceback for a moderator's mistake.
    """
    root = Path(directory)
    with collector_paused():
        documents, errors = _read_directory(root)
    merged: dict[str, Any] = {}
    owner: dict[str, _Document] = {}
    for document in documents:
        for section, value in document.data.items():
            if section in owner:
                errors.append(
                    KnowledgeError(
                        document.file,
                        document.lines.get((section,), 0),
                        section,
                        f"section is already defined in {owner[section].file}",
                    )
                )
                continue
            owner[section] = document
            merged[section] = value
    try:
        with collector_paused():  # some 250,000 models at 100,000 entities: none is garbage
            knowledge = KnowledgeBase.model_validate(merged)
    except ValidationError as exc:
        # With a file unreadable, its sections are missing for a reason already reported.
        errors += [
            _explain(error, owner, documents, root)
            for error in exc.errors()
            if not (errors and error["type"] == "missing" and len(error["loc"]) == 1)
        ]
        if not any(error["type"] == "knowledge_reference" for error in exc.errors()):
            # Pydantic checks ids and references only once the structure is valid: check them
            # now too, so a moderator sees every error in one round.
            for loc, message in reference_problems(merged):
                problem = {"loc": loc, "type": "knowledge_reference", "msg": message}
                errors.append(_explain(problem, owner, documents, root))
    if errors:
        raise LoadFailed(errors)
    return knowledge


def _read_directory(root: Path) -> tuple[list[_Document], list[KnowledgeError]]:
    shown = _display(root)
    if not root.exists():
        return [], [KnowledgeError(shown, 0, "", "the knowledge directory does not exist")]
    if not root.is_dir():
        return [], [KnowledgeError(shown, 0, "", "is not a directory")]
    paths = sorted(p for p in root.iterdir() if p.suffix in {".yaml", ".yml"})
    if not paths:
        return [], [KnowledgeError(shown, 0, "", "holds no .yaml files")]
    if len(paths) > MAX_FILES:
        return [], [KnowledgeError(shown, 0, "", f"holds more than {MAX_FILES} .yaml files")]
    documents: list[_Document] = []
    errors: list[KnowledgeError] = []
    real_root = root.resolve()
    for path in paths:
        try:
            documents.append(_read_file(path, real_root))
        except _FileProblem as problem:
            errors.append(KnowledgeError(_display(path), problem.line, problem.path, str(problem)))
        except OSError as exc:  # e.g. removed or replaced by an editor while being read
            reason = exc.strerror or type(exc).__name__
            errors.append(KnowledgeError(_display(path), 0, "", f"cannot be read: {reason}"))
    return documents, errors


class _FileProblem(Exception):
    def __init__(self, message: str, line: int = 0, path: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.path = path


def _read_file(path: Path, real_root: Path) -> _Document:
    if path.is_symlink() and not path.resolve().is_relative_to(real_root):
        raise _FileProblem("is a link to a file outside the knowledge directory; copy it in")
    if not path.is_file():
        raise _FileProblem("is not a regular file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _FileProblem(f"is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _FileProblem("is UTF-16 text; save it as UTF-8 in your editor", 1)
    if b"\x00" in raw:
        raise _FileProblem("is binary, not text", raw[: raw.index(b"\x00")].count(b"\n") + 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _FileProblem(
            "is not UTF-8 text (save it as UTF-8 in your editor)", line
        ) from None
    document = _Document(_display(path), raw=raw)
    data = _plain_data(text)
    if data is None:
        document._lines = {}
        data = _read_in_full(text, document)
    document.data = data
    return document


def _read_in_full(text: str, document: _Document) -> dict[str, Any]:
    """Compose `text` into nodes and build its plain data, recording lines in `document`.

    Every rule of the module docstring is checked here, each error with its line.
    """
    try:
        _check_depth(text)
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise _FileProblem(f"YAML syntax error: {_yaml_reason(exc)}", line) from None
    except yaml.reader.ReaderError as exc:  # a control character, which YAML forbids
        line = text[: exc.position].count("\n") + 1
        raise _FileProblem(
            f"contains the invisible control character U+{exc.character:04X}, which YAML does "
            "not allow; delete it (it often comes from copying text)",
            line,
        ) from None
    except yaml.YAMLError as exc:
        raise _FileProblem(f"YAML syntax error: {exc}") from None
    if node is None:
        raise _FileProblem("is empty; it must hold at least one section such as `cast:`", 1)
    data = _Builder(document).build(node, ())
    if not isinstance(data, dict):
        raise _FileProblem(
            "must be a mapping of sections such as `cast:` at the top level",
            node.start_mark.line + 1,
        )
    return data


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than `MAX_DEPTH`, reading parser events (no recursion) only.

    A syntax error is left for the composer to report, with its friendlier messages. libyaml
    0.2.6 refuses 1,000 levels while scanning, before it emits the events that would show the
    depth, so on any error the text is read again with PyYAML's parser, which emits each level
    as it meets it (and is not recursive either): the pure-Python composer that reports the
    error would otherwise recurse once per level.
    """
    for parser in _EVENTS:
        depth = 0
        try:
            for event in yaml.parse(text, Loader=parser):
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        mark = event.start_mark
                        raise _FileProblem(
                            f"nests lists and mappings more than {MAX_DEPTH} levels deep",
                            mark.line + 1 if mark else 0,
                        )
                elif isinstance(event, yaml.CollectionEndEvent):
                    depth -= 1
        except yaml.YAMLError:
            continue
        return


_EVENTS: tuple[Any, ...] = tuple(
    dict.fromkeys((getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader))
)
"""The parsers `_check_depth` tries in turn: libyaml's when installed (fast), then PyYAML's."""


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2's plain scalars: only true/false are booleans."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

_FastLoader: type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CStrictLoader(yaml.CSafeLoader):
        """The same rules on libyaml's parser: about ten times faster on large files."""

    _CStrictLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers
    _FastLoader = _CStrictLoader


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml when installed, else in pure Python.

    On any YAML error the text is parsed again in pure Python, so moderators read PyYAML's
    messages (with the tab hint) whichever parser is installed.
    """
    if _FastLoader is not None:
        try:
            return yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_StrictLoader)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large tree of new objects is built.

    None of it is garbage yet, and repeated full collections made loading grow faster than
    linearly with the size of the knowledge.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_STR = "tag:yaml.org,2002:str"
_RESOLVED_FIRST = frozenset(_StrictLoader.yaml_implicit_resolvers)
"""First characters of a plain scalar that may resolve to something other than text."""


def _plain_data(text: str) -> dict[str, Any] | None:
    """The plain data of `text` in one pass over libyaml's events, or None to read it in full.

    Gives exactly what `_Builder` gives from the composed nodes, for what it accepts: one
    document whose top level is a mapping, scalar keys (no `<<`), each once per mapping, untagged
    values that resolve to text, numbers, booleans or null, no anchor or alias, at most
    `MAX_DEPTH` levels. Anything else, and any YAML or value error, returns None, and the full
    path (`_check_depth`, `_compose`, `_Builder`) reads the file and reports what it finds.
    """
    if _FastLoader is None:
        return None
    parser = _FastLoader(text)
    try:
        return _events_to_data(parser)
    except (yaml.YAMLError, ValueError, TypeError, IndexError):
        return None
    finally:
        parser.dispose()


def _events_to_data(parser: Any) -> dict[str, Any] | None:
    scalar_event = yaml.ScalarEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    resolve, first_chars = parser.resolve, _RESOLVED_FIRST
    constructor = _StrictLoader("")
    get = parser.get_event
    if type(get()) is not yaml.StreamStartEvent or type(get()) is not yaml.DocumentStartEvent:
        return None
    # The open collections, innermost last, each with the key awaiting its value (mappings).
    stack: list[tuple[Any, str | None]] = []
    container: Any = None  # the innermost open collection: a dict, a list, or None at the top
    key: str | None = None  # in a mapping, the key read and awaiting its value
    root: Any = None
    while True:
        event = get()
        kind = type(event)
        if kind is scalar_event:
            if event.anchor is not None or event.tag is not None:
                return None
            value = event.value
            if key is None and type(container) is dict:
                # A key: kept as written, like `_Builder._mapping` does.
                if value in container or (
                    event.implicit[0]
                    and value[:1] == "<"
                    and resolve(yaml.ScalarNode, value, event.implicit) != _STR
                ):
                    return None  # written twice, or a merge key: the full path says which
                key = value
                continue
            if event.implicit[0] and (not value or value[0] in first_chars):
                tag = resolve(yaml.ScalarNode, value, event.implicit)
                if tag != _STR:
                    if tag not in _SCALARS:
                        return None
                    value = constructor.construct_object(yaml.ScalarNode(tag, value), deep=True)
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag is not None:
                return None
            if key is None and type(container) is dict:
                return None  # a collection as a key
            if len(stack) >= MAX_DEPTH:
                return None
            stack.append((container, key))
            container, key = ({} if kind is mapping_start else []), None
            continue
        elif kind is mapping_end or kind is sequence_end:
            value = container
            container, key = stack.pop()
        elif kind is yaml.DocumentEndEvent:
            break
        else:  # an alias, or anything unforeseen
            return None
        if container is None:
            root = value
        elif key is None:
            container.append(value)
        else:
            container[key] = value
            key = None
    if type(get()) is not yaml.StreamEndEvent or not isinstance(root, dict):
        return None
    return root


_COLLECTIONS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SCALARS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


class _Builder:
    """Turn composed nodes into plain data, recording the line of every path."""

    def __init__(self, document: _Document) -> None:
        self.document = document
        self.seen: set[int] = set()
        self.constructor = _StrictLoader("")

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        line = node.start_mark.line + 1
        self.document.lines.setdefault(loc, line)
        if id(node) in self.seen:
            raise _FileProblem(
                "anchors and aliases (& and *) are not allowed; write the value out",
                line,
                _dotted(loc),
            )
        self.seen.add(id(node))
        if node.tag not in _SCALARS | _COLLECTIONS:
            raise _FileProblem(f"the tag {node.tag} is not allowed", line, _dotted(loc))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError) as exc:  # e.g. a number with 5,000 digits
            reason = str(exc).split(":")[0]
            raise _FileProblem(f"cannot read this value ({reason})", line, _dotted(loc)) from None

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            merge = key_node.tag == "tag:yaml.org,2002:merge"
            if not isinstance(key_node, yaml.ScalarNode) or merge:
                raise _FileProblem("keys must be plain words", key_line, _dotted(loc))
            key = str(key_node.value)
            if key in result:
                raise _FileProblem(
                    f"the key {key!r} is written twice in the same place; "
                    f"the first is at line {self.document.lines[(*loc, key)]}",
                    key_line,
                    _dotted((*loc, key)),
                )
            self.document.lines[(*loc, key)] = key_line
            result[key] = self.build(value_node, (*loc, key))
        return result


def _yaml_reason(exc: yaml.MarkedYAMLError) -> str:
    reason = exc.problem or exc.context or "not valid YAML"
    buffer = exc.problem_mark.buffer if exc.problem_mark and exc.problem_mark.buffer else ""
    if "\t" in str(buffer) and ("tab" in reason or "found character" in reason):
        return f"{reason} (indent with spaces, not tabs)"
    return reason


_REASONS = {
    "missing": "this field is required but missing",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list (lines starting with `- `)",
    "dict_type": "must be a mapping of `key: value` lines",
    "model_type": "must be a mapping of `key: value` lines",
    "model_attributes_type": "must be a mapping of `key: value` lines",
}


def _explain(
    error: Any, owner: dict[str, _Document], documents: Iterable[_Document], root: Path
) -> KnowledgeError:
    """Turn one pydantic error into a sentence a moderator understands, at its file and line."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    if not loc:
        return KnowledgeError(_display(root), 0, "", error["msg"])
    document = owner.get(str(loc[0]))
    if document is None:
        # A whole section is missing: no file holds it yet.
        if kind == "missing":
            return KnowledgeError(
                _display(root), 0, str(loc[0]),
                f"no file defines the required section `{loc[0]}:`",
            )
        return KnowledgeError(_display(root), 0, _dotted(loc), error["msg"])
    line = _nearest_line(document, loc)
    return KnowledgeError(document.file, line, _dotted(loc), _reason(kind, error, loc))


def _reason(kind: str, error: Any, loc: Loc) -> str:
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return "unknown field; check its spelling against the fields this section allows"
    if kind == "too_short":
        return "needs at least one entry" if ctx.get("min_length") == 1 else str(error["msg"])
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_pattern_mismatch":
        return "must be an id of lower-case letters, digits and single hyphens, like `dona-chayo`"
    if kind in {"greater_than_equal", "less_than_equal"}:
        return str(error["msg"]).replace("Input should be", "must be")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "knowledge_reference":
        return str(error["msg"])
    return _REASONS.get(kind, str(error["msg"]))


def _nearest_line(document: _Document, loc: Loc) -> int:
    for end in range(len(loc), 0, -1):
        line = document.lines.get(loc[:end])
        if line:
            return line
    return 1


def _display(path: Path) -> str:
    """Show a path relative to the working directory when it is below it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)
