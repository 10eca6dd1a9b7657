"""Any text into the core engine: never an exception, and long input is cut before any work.

Every front end (console, JSON, Discord) goes through `Engine.ask`, `Engine.command` and
`Engine.complete`, so these properties hold for all of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.json_output import render_json
from bot.adapters.text import render_text
from bot.core.answering import engine as engine_module
from bot.core.answering import reading as reading_module
from bot.core.answering.answer import Answer, Language, Topic
from bot.core.answering.engine import MAX_QUERY_CHARS, Engine
from tests.hardening.strategies import fan_input, huge_text

ENGINE_FUZZ = settings(max_examples=150, deadline=None)
LANGUAGES = st.sampled_from([None, *Language])
QUERY_ROOM = MAX_QUERY_CHARS + max(len(f"/{topic.value} ") for topic in Topic)
"""A command's query is `/topic argument`: the argument is cut, the command name is added."""


def check_answer(answer: Answer) -> None:
    """An answer every front end can render: plain JSON and text, a title, a caveat."""
    assert isinstance(answer, Answer)
    assert answer.title.strip()
    assert answer.caveat.strip()
    assert json.loads(render_json(answer))["query"] == answer.query
    assert render_text(answer)
    assert len(answer.query) <= QUERY_ROOM


@ENGINE_FUZZ
@given(text=fan_input(surrogates=True), language=LANGUAGES)
def test_any_question_gets_an_answer(engine: Engine, text: str, language: Language | None) -> None:
    check_answer(engine.ask(text, language))


@ENGINE_FUZZ
@given(topic=st.sampled_from(list(Topic)), argument=st.none() | fan_input(surrogates=True))
def test_any_command_argument_gets_an_answer(
    engine: Engine, topic: Topic, argument: str | None
) -> None:
    check_answer(engine.command(topic, argument, Language.EN))


@ENGINE_FUZZ
@given(topic=st.sampled_from(list(Topic)), partial=fan_input(surrogates=True))
def test_any_partial_text_completes_within_limits(
    engine: Engine, topic: Topic, partial: str
) -> None:
    matches = engine.complete(topic, partial, limit=25)
    assert len(matches) <= 25
    assert all(match.name.strip() and match.id for match in matches)


@settings(max_examples=60, deadline=None)
@given(
    text=huge_text(surrogates=True), prefix=st.sampled_from(["", "/ask ", "/ASK /ask ", "/cast "])
)
def test_long_input_is_cut_with_a_notice(engine: Engine, text: str, prefix: str) -> None:
    answer = engine.ask(prefix + text)
    assert answer.notice is not None
    assert str(MAX_QUERY_CHARS) in answer.notice
    assert len(answer.query) <= MAX_QUERY_CHARS


@pytest.mark.parametrize("topic", list(Topic))
def test_long_command_argument_is_cut_with_a_notice(engine: Engine, topic: Topic) -> None:
    answer = engine.command(topic, "Doña Chayo " * 10_000)
    assert answer.notice is not None
    assert len(answer.query) <= QUERY_ROOM


@pytest.fixture
def longest_seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], int]]:
    """Wrap the engine's text-processing entry points and report the longest text they saw."""
    seen = [0]

    def spy(real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(text: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(text, str):
                seen[0] = max(seen[0], len(text))
            return real(text, *args, **kwargs)

        return wrapper

    steps = {
        engine_module: ("fold", "parse_episode_reference", "_echo"),
        reading_module: ("fold", "detect_language", "parse_episode_reference", "topic_cues"),
    }
    for module, names in steps.items():
        for name in names:
            monkeypatch.setattr(module, name, spy(getattr(module, name)))
    yield lambda: seen[0]


@pytest.mark.parametrize(
    "text",
    [
        "a" * 100_000,
        "é\u0301" * 50_000,
        "\x00" * 100_000,
        "/ask " * 20_000,
        "/cast " + "x" * 99_990,
    ],
    ids=["ascii", "zalgo", "nul", "nested-ask", "command"],
)
def test_huge_input_is_never_processed_at_full_cost(
    engine: Engine, longest_seen: Callable[[], int], text: str
) -> None:
    engine.ask(text)
    engine.command(Topic.CAST, text)
    engine.complete(Topic.EPISODE, text)
    # Steps see the cut text, or text derived from it (padded, prefixed): never the input.
    assert 0 < longest_seen() <= 2 * MAX_QUERY_CHARS < len(text)
