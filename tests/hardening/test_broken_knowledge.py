"""A corpus of the mistakes moderators make in the knowledge files, and what the bot does.

Each entry is a small function that breaks a private copy of the shipped knowledge the way a
real edit would, and says which file, line and words the error must name. Big or hostile inputs
(an alias bomb, a 2 MiB file, deep nesting) are generated here at test time, never committed.

For every entry: `load_knowledge` raises `LoadFailed` (never another exception) whose errors read
`file:line: path: reason`; `somos-bot kb check` prints them and exits 1; and a running bot that
reloads the broken files keeps serving the last good knowledge, then takes the fixed files.
"""

from __future__ import annotations

import ast
import importlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.core.knowledge import LoadFailed, load_knowledge
from bot.core.knowledge.loader import MAX_DEPTH, MAX_FILE_BYTES, KnowledgeError
from bot.core.live import LiveKnowledge
from bot.settings import shipped_knowledge_dir
from tests.support.knowledge_edits import replace_outside_comments

BOT_SOURCES = Path(__file__).resolve().parents[2] / "bot"


@dataclass(frozen=True)
class Expect:
    """The error a bad edit must produce: in `file`, at `line` (None: the whole file)."""

    file: str
    line: int | None
    says: str


BadEdit = Callable[[Path], Expect]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line and not line.lstrip().startswith("#"):
            return number
    raise AssertionError(f"{needle!r} is not in {path.name}")


# ----------------------------------------------------------------------------------- the corpus


def syntax_error(kb: Path) -> Expect:
    line = replace_outside_comments(
        kb / "cast.yaml", "    actor: Jero Medina", "    actor: Jero: Medina"
    )
    return Expect("cast.yaml", line, "YAML syntax error")


def unclosed_bracket(kb: Path) -> Expect:
    line = replace_outside_comments(
        kb / "season2.yaml",
        "sources: [season2-release-cast-plot, season2-latest-updates]",
        "sources: [season2-release-cast-plot, season2-latest-updates",
    )
    return Expect("season2.yaml", line + 1, "YAML syntax error")


def tab_indentation(kb: Path) -> Expect:
    line = replace_outside_comments(
        kb / "cast.yaml", "    actor: Jero Medina", "\tactor: Jero Medina"
    )
    return Expect("cast.yaml", line, "tabs")


def duplicate_key(kb: Path) -> Expect:
    """PyYAML keeps the last of two equal keys; a moderator's first value would be lost."""
    path = kb / "cast.yaml"
    first = line_of(path, "    actor: Jero Medina")
    replace_outside_comments(
        path, "    character: Benjamín\n", "    character: Benjamín\n    actor: Jero M.\n"
    )
    return Expect(
        "cast.yaml", first + 2, f"written twice in the same place; the first is at line {first}"
    )


def section_in_two_files(kb: Path) -> Expect:
    """`season2:` pasted into people.yaml too: the later file in name order is the one named."""
    with (kb / "people.yaml").open("a", encoding="utf-8") as file:
        file.write("season2:\n  claims: []\n")
    line = line_of(kb / "season2.yaml", "season2:")
    return Expect("season2.yaml", line, "section is already defined in")


def alias_bomb(kb: Path) -> Expect:
    """A "billion laughs": nine references a level, nine levels; expanded it would be 387M items."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    (kb / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Expect("bomb.yaml", 1, "lol1[0]: anchors and aliases")  # at the anchored value


def merge_key(kb: Path) -> Expect:
    path = kb / "cast.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "base: &base {actor: X}\n"
        + text.replace("cast:\n", "cast:\n  - <<: *base\n    id: x\n", 1),
        encoding="utf-8",
    )
    return Expect("cast.yaml", line_of(path, "<<: *base"), "")


def huge_file(kb: Path) -> Expect:
    (kb / "notes.yaml").write_text("# x\n" * (MAX_FILE_BYTES // 4 + 1), encoding="utf-8")
    return Expect("notes.yaml", None, "the limit is 2,097,152")


def binary_file(kb: Path) -> Expect:
    (kb / "logo.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return Expect("logo.yaml", 3, "is binary")  # the line of the first NUL byte


def latin1_file(kb: Path) -> Expect:
    path = kb / "cast.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1"))
    first = next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())
    return Expect("cast.yaml", first, "is not UTF-8")


def utf16_file(kb: Path) -> Expect:
    path = kb / "episodes.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    return Expect("episodes.yaml", 1, "UTF-16")


def link_outside(kb: Path) -> Expect:
    outside = kb.parent / "elsewhere.yaml"
    outside.write_text("extra:\n  secret: from outside\n", encoding="utf-8")
    (kb / "extra.yaml").symlink_to(outside)
    return Expect("extra.yaml", None, "link to a file outside the knowledge directory")


def missing_source(kb: Path) -> Expect:
    path = kb / "cast.yaml"
    replace_outside_comments(path, "        sources: [season2-release-cast-plot]\n", "")
    return Expect(
        "cast.yaml",
        line_of(path, "- text: Jero Medina plays Benjamín."),
        "sources: this field is required",
    )


def dangling_source(kb: Path) -> Expect:
    line = replace_outside_comments(kb / "season2.yaml", "season2-latest-updates]", "fan-site]")
    return Expect("season2.yaml", line, "unknown source 'fan-site'")


def renamed_source_id(kb: Path) -> Expect:
    """The id is renamed in sources.yaml but every claim still cites the old one."""
    replace_outside_comments(
        kb / "sources.yaml", "id: season2-latest-updates", "id: latest-updates"
    )
    return Expect(
        "season2.yaml",
        line_of(kb / "season2.yaml", "season2-latest-updates"),
        "unknown source 'season2-latest-updates'",
    )


def duplicated_id(kb: Path) -> Expect:
    path = kb / "cast.yaml"
    second = re.findall(r"^  - id: (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE)[1]
    line = replace_outside_comments(path, f"  - id: {second}", "  - id: jero-medina")
    return Expect("cast.yaml", line, "is used twice")


def empty_file(kb: Path) -> Expect:
    (kb / "cast.yaml").write_text("", encoding="utf-8")
    return Expect("cast.yaml", 1, "is empty")


def empty_directory(kb: Path) -> Expect:
    for path in kb.iterdir():
        path.unlink()
    return Expect("", None, "holds no .yaml files")


def python_tag(kb: Path) -> Expect:
    marker = kb.parent / "pwned"
    path = kb / "show.yaml"
    path.write_text(f"show: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    return Expect(
        "show.yaml", 1, "the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed"
    )


def deep_nesting(kb: Path) -> Expect:
    """Thousands of `[`: PyYAML composes recursively, libyaml's composer would crash the process."""
    (kb / "deep.yaml").write_text("deep: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    return Expect("deep.yaml", 1, f"more than {MAX_DEPTH} levels deep")


def huge_number(kb: Path) -> Expect:
    line = replace_outside_comments(
        kb / "episodes.yaml", "    number: 3\n", f"    number: {'9' * 5000}\n"
    )
    return Expect("episodes.yaml", line, "cannot read this value")


def top_level_list(kb: Path) -> Expect:
    (kb / "show.yaml").write_text("- show\n- cast\n", encoding="utf-8")
    return Expect("show.yaml", 1, "must be a mapping of sections")


def wrong_type(kb: Path) -> Expect:
    line = replace_outside_comments(kb / "episodes.yaml", "    number: 3\n", "    number: three\n")
    return Expect("episodes.yaml", line, "must be a whole number")


def misspelt_field(kb: Path) -> Expect:
    line = replace_outside_comments(
        kb / "cast.yaml", "    character: Benjamín", "    charcter: Benjamín"
    )
    return Expect("cast.yaml", line, "unknown field")


def text_too_long(kb: Path) -> Expect:
    line = replace_outside_comments(
        kb / "cast.yaml",
        "Jero Medina plays Benjamín.",
        "Jero Medina plays Benjamín." + " and more" * 300,
    )
    return Expect("cast.yaml", line, "is too long")


def two_documents(kb: Path) -> Expect:
    path = kb / "cast.yaml"
    lines = path.read_text(encoding="utf-8").count("\n")
    with path.open("a", encoding="utf-8") as file:
        file.write("---\ncast: []\n")
    return Expect("cast.yaml", lines + 1, "another document")


def control_character(kb: Path) -> Expect:
    """An invisible character pasted from elsewhere: YAML forbids most control characters."""
    line = replace_outside_comments(
        kb / "cast.yaml", "    actor: Jero Medina", "    actor: Jero\x1b Medina"
    )
    return Expect("cast.yaml", line, "control character U+001B")


def directory_named_yaml(kb: Path) -> Expect:
    (kb / "drafts.yaml").mkdir()
    return Expect("drafts.yaml", None, "is not a regular file")


CORPUS: list[BadEdit] = [
    syntax_error, unclosed_bracket, tab_indentation, duplicate_key, section_in_two_files,
    alias_bomb, merge_key, huge_file, binary_file, latin1_file, utf16_file, link_outside,
    missing_source, dangling_source, renamed_source_id, duplicated_id, empty_file,
    empty_directory, python_tag, deep_nesting, huge_number, top_level_list, wrong_type,
    misspelt_field, text_too_long, two_documents, control_character, directory_named_yaml,
]  # fmt: skip

ERROR_FORMAT = re.compile(r"^(?P<file>[^:\n]+?)(?::(?P<line>\d+))?: (?P<rest>.+)$")


def errors_of(directory: Path) -> list[KnowledgeError]:
    with pytest.raises(LoadFailed) as failure:
        load_knowledge(directory)
    assert failure.value.errors
    return failure.value.errors


def assert_reported(errors: list[KnowledgeError], kb: Path, expect: Expect) -> None:
    """Some error names the expected file and line and says the expected words."""
    for error in errors:
        match = ERROR_FORMAT.match(str(error))
        assert match, f"not `file:line: reason`: {error}"
        assert error.file and os.path.abspath(error.file).startswith(os.path.abspath(kb))
    wanted = os.path.abspath(kb / expect.file)
    found = [
        e
        for e in errors
        if os.path.abspath(e.file) == wanted
        and (e.line == expect.line if expect.line is not None else True)
        and expect.says in str(e)
    ]
    assert found, f"no error in {expect.file}:{expect.line} saying {expect.says!r}:\n" + "\n".join(
        map(str, errors)
    )


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), target)
    return target


def test_the_corpus_has_at_least_fifteen_kinds() -> None:
    assert len(CORPUS) >= 15
    assert len({edit.__name__ for edit in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("bad_edit", CORPUS, ids=lambda edit: edit.__name__)
def test_each_bad_edit_is_a_clear_file_line_error(kb: Path, bad_edit: BadEdit) -> None:
    expect = bad_edit(kb)
    assert_reported(errors_of(kb), kb, expect)
    assert not (kb.parent / "pwned").exists(), "a YAML tag ran a command"


@pytest.mark.parametrize("bad_edit", CORPUS, ids=lambda edit: edit.__name__)
def test_kb_check_prints_the_errors_and_exits_1(
    kb: Path, bad_edit: BadEdit, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(kb.parent)  # no operator's .env; errors shown relative to here
    expect = bad_edit(kb)
    assert main(["kb", "check", str(kb)]) == 1
    out, err = capsys.readouterr()
    assert f"{expect.file}" in out and expect.says in out
    assert "nothing was changed" in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize("bad_edit", CORPUS, ids=lambda edit: edit.__name__)
def test_a_running_bot_keeps_the_last_good_knowledge(kb: Path, bad_edit: BadEdit) -> None:
    live = LiveKnowledge(kb)
    question = "who plays Doña Chayo?"
    good = live.engine.ask(question)
    summary = live.summary

    expect = bad_edit(kb)
    result = live.reload()

    assert not result.ok
    assert_reported(list(result.errors), kb, expect)
    assert live.last_error == result.errors
    assert live.summary == summary
    assert live.engine.ask(question) == good

    shutil.rmtree(kb)  # the moderator fixes the files
    shutil.copytree(shipped_knowledge_dir(), kb)
    assert live.reload().ok
    assert live.last_error == []


def test_every_error_is_reported_in_one_round(kb: Path) -> None:
    """A syntax error, a misspelt field, a wrong type and a dangling source, all at once."""
    line = replace_outside_comments(kb / "people.yaml", "  - id: ", "  - id: [")
    expected = [Expect("people.yaml", line + 1, "YAML syntax error")]
    expected += [misspelt_field(kb), dangling_source(kb), wrong_type(kb)]
    errors = errors_of(kb)
    for expect in expected:
        assert_reported(errors, kb, expect)


def test_only_safe_yaml_loading_anywhere() -> None:
    """Every `yaml.load` in the bot's code names a safe loader; no unsafe loader is ever used."""
    unsafe = {"unsafe_load", "unsafe_load_all", "full_load", "full_load_all", "Loader",
              "UnsafeLoader", "FullLoader", "CLoader", "CUnsafeLoader", "CFullLoader"}  # fmt: skip
    offences: list[str] = []
    for path in sorted(BOT_SOURCES.rglob("*.py")):
        module_name = ".".join(path.relative_to(BOT_SOURCES.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.name}:{getattr(node, 'lineno', 0)}"
            if _is_yaml(node) and node.attr in unsafe:  # type: ignore[attr-defined]
                offences.append(f"{where}: yaml.{node.attr}")  # type: ignore[attr-defined]
            loads_yaml = isinstance(node, ast.Call) and _is_yaml(node.func)
            load = loads_yaml and node.func.attr in {"load", "load_all"}  # type: ignore[attr-defined]
            if load and not _safe_loader(module_name, node):  # type: ignore[arg-type]
                offences.append(f"{where}: yaml.load without a safe Loader")
    assert not offences, offences


def _is_yaml(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "yaml"
    )


def _safe_loader(module_name: str, call: ast.Call) -> bool:
    """The `Loader=` of a `yaml.load` call constructs only plain data (SafeConstructor)."""
    loader = next((k.value for k in call.keywords if k.arg == "Loader"), None)
    if loader is None and len(call.args) > 1:
        loader = call.args[1]
    if not isinstance(loader, ast.Name):
        return False
    value = getattr(importlib.import_module(module_name), loader.id, None)
    return (
        isinstance(value, type)
        and issubclass(value, yaml.constructor.SafeConstructor)
        and not issubclass(value, yaml.constructor.FullConstructor)
    )


def test_the_safe_loading_check_would_catch_an_unsafe_loader() -> None:
    call = ast.parse("yaml.load(text, Loader=FullLoader)").body[0].value  # type: ignore[attr-defined]
    assert not _safe_loader("yaml", call)
    call = ast.parse("yaml.load(text, Loader=SafeLoader)").body[0].value  # type: ignore[attr-defined]
    assert _safe_loader("yaml", call)


# ----------------------------------------------------------------------- random edits (fuzzing)

EDITS = st.sampled_from(["delete", "duplicate", "indent", "dedent", "insert", "truncate", "tab"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_random_edit_is_loaded_or_explained(tmp_path_factory: Any, data: st.DataObject) -> None:
    """Lines deleted, duplicated, re-indented, truncated or filled with any text: the knowledge
    loads, or every error is a `file:line` sentence; never another exception."""
    kb = tmp_path_factory.mktemp("knowledge")
    shutil.copytree(shipped_knowledge_dir(), kb, dirs_exist_ok=True)
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        path = kb / data.draw(st.sampled_from(sorted(p.name for p in kb.iterdir())), label="file")
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        at = data.draw(st.integers(0, max(len(lines) - 1, 0)), label="line")
        edit = data.draw(EDITS, label="edit")
        line = lines[at] if lines else ""
        if edit == "delete":
            del lines[at : at + 1]
        elif edit == "duplicate":
            lines.insert(at, line)
        elif edit == "indent":
            lines[at : at + 1] = ["  " + line]
        elif edit == "dedent":
            lines[at : at + 1] = [line.lstrip(" ")]
        elif edit == "tab":
            lines[at : at + 1] = ["\t" + line.lstrip(" ")]
        elif edit == "truncate":
            lines = lines[:at]
        else:
            lines.insert(at, data.draw(st.text(max_size=40), label="text") + "\n")
        path.write_text("".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        load_knowledge(kb)
    except LoadFailed as failure:
        for error in failure.errors:
            assert ERROR_FORMAT.match(str(error)), str(error)
            assert error.file
