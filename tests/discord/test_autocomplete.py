"""Autocomplete for /cast and /episode: within Discord's limits whatever the fan types."""

from __future__ import annotations

from typing import Any

import pytest

from bot.adapters.discord import limits
from bot.core.answering.answer import Match, Topic
from tests.support.discord_harness import Harness
from tests.support.discord_payloads import slash
from tests.support.discord_spec import assert_valid_callback

TYPED = [
    "",
    "do",
    "Doña Chayo",
    "DONA CHAYO!!",
    "3",
    "ñ" * 200,
    "💥🎬",
    "\u200b",
    "'; DROP TABLE",
    "x" * 99,
]


def choices_of(sent: list[Any]) -> list[dict[str, Any]]:
    (request,) = sent
    body = request.payload
    assert body["type"] == 8
    assert_valid_callback(body)
    return body["data"]["choices"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("command,option", [("cast", "name"), ("episode", "which")])
async def test_choices_fit_discord(harness: Harness, command: str, option: str) -> None:
    for typed in TYPED:
        choices = choices_of(
            await harness.interact(slash(command, {option: typed}, focused=option))
        )
        assert len(choices) <= limits.AUTOCOMPLETE_CHOICES, typed
        for choice in choices:
            assert limits.CHOICE_NAME_MIN <= len(choice["name"]) <= limits.CHOICE_NAME_MAX
            assert len(choice["value"]) <= limits.CHOICE_VALUE_MAX


async def test_empty_input_offers_defaults(harness: Harness) -> None:
    for command, option in (("cast", "name"), ("episode", "which")):
        choices = choices_of(await harness.interact(slash(command, {option: ""}, focused=option)))
        assert choices, f"/{command} offers nothing before the fan types"


async def test_cast_choices_rank_the_typed_name_first(harness: Harness) -> None:
    choices = choices_of(
        await harness.interact(slash("cast", {"name": "dona chayo"}, focused="name"))
    )
    assert "Chayo" in choices[0]["name"] or "Mercedes" in choices[0]["name"]


class _Exploding:
    def complete(self, topic: Topic, partial: str, limit: int = 25) -> list[Match]:
        raise RuntimeError("boom")


class _Flooding:
    def complete(self, topic: Topic, partial: str, limit: int = 25) -> list[Match]:
        return [
            Match(id=f"m{i}", name=f"{'Long name ' * 30}{i}", kind="cast", score=50)
            for i in range(80)
        ]


async def test_engine_failure_gives_no_choices_not_an_error(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(harness.knowledge, "engine", _Exploding())
    assert choices_of(await harness.interact(slash("cast", {"name": "x"}, focused="name"))) == []


async def test_too_many_and_too_long_candidates_are_capped(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(harness.knowledge, "engine", _Flooding())
    choices = choices_of(await harness.interact(slash("cast", {"name": "x"}, focused="name")))
    assert len(choices) == limits.AUTOCOMPLETE_CHOICES
    assert all(choice["name"].endswith(limits.ELLIPSIS) for choice in choices)
