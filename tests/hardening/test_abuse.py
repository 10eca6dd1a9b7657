"""One member flooding the bot is throttled, cheaply, while everyone else is answered as usual."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from bot.adapters.discord.cogs.fans import COOLDOWN_RATE
from tests.support.discord_capture import message_payload, snowflake
from tests.support.discord_harness import Harness
from tests.support.discord_payloads import (
    BOT_USER_ID,
    CHANNEL_ID,
    button_click,
    message_create,
    slash,
)

FLOOD = 40


def count_calls(monkeypatch: pytest.MonkeyPatch, target: Any, *names: str) -> Counter[str]:
    """Count the calls of `target`'s methods `names` (still calling them)."""
    calls: Counter[str] = Counter()
    for name in names:
        real = getattr(target, name)

        def spy(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(target, name, spy)
    return calls


def kind_of(body: dict[str, Any]) -> str:
    """`answer` (an embed), `throttled` (the private cooldown line) or `other`."""
    data = body.get("data") or {}
    if body["type"] == 4 and data.get("embeds"):
        return "answer"
    if body["type"] == 4 and data.get("flags") == 64 and "Try again in" in data.get("content", ""):
        return "throttled"
    return "other"


async def test_a_command_flood_is_throttled_without_touching_others(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_calls(monkeypatch, harness.knowledge.engine, "ask", "command")
    flooder = snowflake()
    flood: list[str] = []
    others: list[str] = []
    for n in range(FLOOD):
        question = f"who plays Doña Chayo? {n}"
        (sent,) = await harness.interact(slash("ask", {"question": question}, user_id=flooder))
        flood.append(kind_of(sent.payload))  # type: ignore[arg-type]
        (sent,) = await harness.interact(slash("cast", {"name": "Chayo"}, user_id=snowflake()))
        others.append(kind_of(sent.payload))  # type: ignore[arg-type]

    assert flood == ["answer"] * COOLDOWN_RATE + ["throttled"] * (FLOOD - COOLDOWN_RATE)
    assert others == ["answer"] * FLOOD
    # A throttled request costs no answering work: the engine ran only for real answers.
    assert sum(calls.values()) == COOLDOWN_RATE + FLOOD


@pytest.mark.parametrize(("command", "option"), [("cast", "name"), ("episode", "which")])
async def test_an_autocomplete_flood_is_throttled_without_touching_others(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, command: str, option: str
) -> None:
    """Autocomplete fires on every keystroke; a script can fire it thousands of times a second."""
    calls = count_calls(monkeypatch, harness.knowledge.engine, "complete")
    flooder = snowflake()
    flood: list[int] = []
    others: list[int] = []
    for n in range(FLOOD * 5):
        typed = "do" + "ñ" * (n % 7)
        (sent,) = await harness.interact(
            slash(command, {option: typed}, focused=option, user_id=flooder)
        )
        flood.append(len(sent.payload["data"]["choices"]))  # type: ignore[index]
        if n % 5 == 0:
            (sent,) = await harness.interact(
                slash(command, {option: ""}, focused=option, user_id=snowflake())
            )
            others.append(len(sent.payload["data"]["choices"]))  # type: ignore[index]

    assert all(others), "other members' autocomplete must keep working"
    assert flood[-1] == 0, "the flooding member must end up with no suggestions"
    assert calls["complete"] < FLOOD * 5, "a throttled keystroke must cost no matching work"


async def test_a_mention_flood_is_throttled_without_touching_others(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_calls(monkeypatch, harness.knowledge.engine, "ask")
    flooder = message_create("", mentions=[BOT_USER_ID])["author"]
    replies_to_flooder = 0
    replies_to_others = 0
    for n in range(FLOOD):
        message = message_create(f"<@{BOT_USER_ID}> who is Chayo? {n}", mentions=[BOT_USER_ID])
        message["author"] = flooder
        replies_to_flooder += len(await harness.message(message))
        other = message_create(f"<@{BOT_USER_ID}> who is Chayo?", mentions=[BOT_USER_ID])
        replies_to_others += len(await harness.message(other))

    assert replies_to_others == FLOOD
    assert replies_to_flooder < FLOOD, "the flooding member must be throttled"
    assert calls["ask"] == replies_to_flooder + replies_to_others


async def test_abandoned_report_forms_do_not_pile_up(harness: Harness) -> None:
    """Each click on "Report a mistake" opens a form that discord.py keeps until it is submitted
    or times out; fans close most forms unsent, and a script can click without end."""
    from bot.adapters.discord import report

    (sent,) = await harness.interact(slash("ask", {"question": "who plays Doña Chayo?"}))
    message = message_payload(CHANNEL_ID, sent.data)
    custom_id = message["components"][0]["components"][0]["custom_id"]
    for _ in range(report.MAX_OPEN_FORMS + 50):
        (form,) = await harness.interact(button_click(custom_id, message, user_id=snowflake()))
        assert form.payload["type"] == 9  # type: ignore[index]

    forms = harness.bot._connection._view_store._modals
    assert len(forms) <= report.MAX_OPEN_FORMS
    assert all(form.timeout is not None for form in forms.values())
