"""The loader's one-pass read (`_plain_data`) gives what the full read gives, or gives up.

The full read (`_read_in_full`: depth check, composed nodes, line map) is the reference: for
every text, the one-pass read either returns None (and the full read then decides) or returns
exactly the data the full read returns, with the same types, for a text the full read accepts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.synth import write_knowledge
from bot.core.knowledge import loader

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


def _typed(value: Any) -> Any:
    """`value` with every scalar's type beside it, so that 1, 1.0, True and "1" differ."""
    if isinstance(value, dict):
        return ("dict", [(type(k).__name__, k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, value)


def _full(text: str) -> Any:
    """What the full read gives: the data, or the problem it reports (with its line)."""
    try:
        return ("data", _typed(loader._read_in_full(text, loader._Document("x", _lines={}))))
    except loader._FileProblem as problem:
        return ("problem", str(problem), problem.line, problem.path)


def _agrees(text: str) -> bool:
    """Whether the one-pass read gave up, or gave exactly what the full read gives."""
    fast = loader._plain_data(text)
    if fast is None:
        return True
    assert _full(text) == ("data", _typed(fast)), text
    return False


needs_libyaml = pytest.mark.skipif(loader._FastLoader is None, reason="PyYAML without libyaml")


@needs_libyaml
def test_the_shipped_knowledge_is_read_in_one_pass_identically() -> None:
    for path in sorted(KNOWLEDGE.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert not _agrees(text), f"{path.name} was not read in one pass"


@needs_libyaml
def test_synthetic_knowledge_is_read_in_one_pass_identically(tmp_path: Path) -> None:
    write_knowledge(300, tmp_path)
    for path in sorted(tmp_path.glob("*.yaml")):
        assert not _agrees(path.read_text(encoding="utf-8")), path.name


ACCEPTED = [
    "a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 1_000\nf: 1:30\n",
    "a: 1.5\nb: .inf\nc: -.Inf\nd: 1e3\ne: 6.8523015e+5\nf: +12\n",
    "a: true\nb: False\nc: TRUE\nd: yes\ne: no\nf: on\ng: off\nh: y\ni: n\n",
    "a: ~\nb: null\nc: Null\nd:\ne: ''\nf: \"\"\n",
    "a: 2021-10-14\nb: 2021-10-14T10:00:00Z\nc: 2021-10\n",
    "a: [1, 'x', \"y\", z, [], {}]\nb: {c: d, e: [f]}\n",
    "1: one\ntrue: yes\nnull: nothing\n~: tilde\n'<<': quoted\n<a: b\n",
    "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n",
    "? a\n: b\n",
    "# only a comment\na: b # trailing\n",
    "---\na: b\n...\n",
    "%YAML 1.1\n---\na: b\n",
    "a: 'it''s'\nb: \"tab\\there \\u00e9\"\nc: Doña Chayo\n",
    "a:\n- b: 1\n  c: [2, 3]\n- - 4\n  - 5\n",
    "\ufeffa: b\n",
    "a: 12345678901234567890123456789\n",
    "a: <b\nc: =d\n",
    "a:\tb\n",
]

REFUSED_OR_DEFERRED = [
    "",
    "# nothing\n",
    "~\n",
    "- a\n- b\n",
    "just text\n",
    "a: 1\na: 2\n",
    "a: &x 1\nb: *x\n",
    "a: &x 1\n",
    "base: &b {x: 1}\nc:\n  <<: *b\n",
    "c:\n  <<: {x: 1}\n",
    "a: !!str 1\n",
    "a: !!binary aGk=\n",
    "a: !!set {x}\n",
    "a: !foo bar\n",
    "a: ! 12\n",
    "!!map {a: b}\n",
    "a: !!omap [x: 1]\n",
    "a: =\n",
    "a: <<\n",
    "? [a, b]\n: c\n",
    "? {a: b}\n: c\n",
    "a: b\n---\nc: d\n",
    "a: [b\n",
    "a: b\n c: d\n",
    "a: \x07\n",
    "a: 1" + "0" * 5000 + "\n",
    "a: " + "[" * 25 + "]" * 25 + "\n",
    "a: " + "[" * 5000 + "\n",
    "a: *undefined\n",
    "a: {b: 1, b: 2}\n",
]


@needs_libyaml
@pytest.mark.parametrize("text", ACCEPTED)
def test_plain_yaml_is_read_in_one_pass_identically(text: str) -> None:
    assert not _agrees(text)


@needs_libyaml
@pytest.mark.parametrize("text", REFUSED_OR_DEFERRED)
def test_what_needs_a_line_or_a_rule_is_left_to_the_full_read(text: str) -> None:
    assert loader._plain_data(text) is None


@needs_libyaml
def test_nesting_at_the_limit_is_read_in_one_pass_and_past_it_is_not() -> None:
    at_limit = "a: " + "[" * (loader.MAX_DEPTH - 1) + "]" * (loader.MAX_DEPTH - 1) + "\n"
    assert not _agrees(at_limit)
    past = "a: " + "[" * loader.MAX_DEPTH + "]" * loader.MAX_DEPTH + "\n"
    assert loader._plain_data(past) is None


PIECES = [
    "a", "b", "<<", "=", "~", "null", "true", "yes", "No", "1", "0x1", "1.5", ".nan", "2021-01-01",
    "'q'", '"d"', "&x", "*x", "!!str", "!t", "[", "]", "{", "}", ",", ":", ": ", "- ", "? ", "#",
    "|", ">", "\n", "\n  ", "\n    ", "\n- ", " ", "---", "...", "\t", "é", "Doña",
]  # fmt: skip


@needs_libyaml
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30))
@example(["a", ": ", "1", "\n", "b", ": ", "[", "true", ",", "~", "]"])
def test_any_text_read_in_one_pass_reads_the_same_in_full(pieces: list[str]) -> None:
    _agrees("".join(pieces))


@needs_libyaml
def test_one_pass_never_reads_a_text_the_full_read_refuses() -> None:
    for text in REFUSED_OR_DEFERRED:
        full = _full(text)
        if full[0] == "problem":
            assert loader._plain_data(text) is None
    assert yaml.__with_libyaml__
