"""Shortening helpers: never over the limit, cut on words, marked with an ellipsis."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.adapters.discord import limits


@given(st.text(max_size=500), st.integers(0, 300))
def test_shorten_never_exceeds_the_limit(text: str, limit: int) -> None:
    out = limits.shorten(text, limit)
    assert len(out) <= limit
    assert out == text or out.endswith(limits.ELLIPSIS) or limit < len(limits.ELLIPSIS)


def test_shorten_cuts_on_a_word_boundary() -> None:
    assert limits.shorten("Mercedes Hernández plays Doña Chayo", 22) == "Mercedes Hernández…"


@given(st.lists(st.text(max_size=80), max_size=40), st.integers(1, 1024))
def test_shorten_lines_never_exceeds_the_limit(lines: list[str], limit: int) -> None:
    assert len(limits.shorten_lines(lines, limit)) <= limit


def test_command_names() -> None:
    assert limits.is_valid_command_name("season2")
    assert limits.is_valid_command_name("canción")
    assert not limits.is_valid_command_name("Season2")
    assert not limits.is_valid_command_name("two words")
    assert not limits.is_valid_command_name("x" * 33)


def test_the_one_mentions_policy() -> None:
    assert limits.no_mentions().to_dict() == {"parse": []}
