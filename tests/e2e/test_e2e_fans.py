"""Every fan command and autocomplete as a real INTERACTION_CREATE through the gateway, with
ordinary, empty, very long, unicode, mention-laden and malformed options.

Each body the bot sends is validated on the wire (spec, 6000-character embed total, the
3-second acknowledgement); these tests add what a fan must see.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from fakediscord import FakeDiscord
from somos import RunningSomos

pytestmark = pytest.mark.e2e

EPHEMERAL = 1 << 6
MENTIONS = "@everyone @here <@123456789012345678> <@&123456789012345678> <#123456789012345678>"

TEXT_VALUES = {
    "ordinary": None,  # per command, below
    "empty": "",
    "very long": "¿quién interpreta a Doña Chayo? " * 190,  # ~6000 characters, Discord's maximum
    "unicode": "Doña Chayo 🌵 — ¿quién es? 名前 \u200b\u202e",
    "mention-laden": f"{MENTIONS} who plays Chayo?",
    "markdown": "**bold** `code` ||spoiler|| [link](https://example.invalid) > quote",
}
ORDINARY = {"cast": "Doña Chayo", "episode": "1", "ask": "who plays Doña Chayo?"}
OPTION = {"cast": "name", "episode": "which", "ask": "question"}


def assert_answer(reply: dict[str, Any]) -> dict[str, Any]:
    """An answer: one embed with a title, the report button, and no pings; returns the embed."""
    assert reply.get("allowed_mentions") == {"parse": []}, "answers must never ping anyone"
    [embed] = reply["embeds"]
    assert isinstance(embed, dict) and embed["title"] and embed.get("description")
    buttons = [c for row in reply["components"] for c in row["components"]]
    assert [b["custom_id"].startswith("somos:report:") for b in buttons] == [True]
    raw = json.dumps(embed, ensure_ascii=False)
    for ping in ("@everyone", "@here", "<@123456789012345678>", "<@&123456789012345678>"):
        assert ping not in raw, f"{ping} echoed unescaped"
    return embed


async def test_commands_without_options(fake_discord: FakeDiscord, somos: RunningSomos) -> None:
    for command in ("creators", "season2", "about", "sources", "help"):
        reply = await (await fake_discord.command(command)).reply()
        assert_answer(reply)
    somos.assert_alive()


@pytest.mark.parametrize("command", ["cast", "episode", "ask"])
async def test_commands_with_every_kind_of_text(
    fake_discord: FakeDiscord, somos: RunningSomos, command: str
) -> None:
    for kind, value in TEXT_VALUES.items():
        value = value if value is not None else ORDINARY[command]
        handle = await fake_discord.command(
            command, {OPTION[command]: value}, user=fake_discord.new_member()
        )
        assert (await handle.response())["type"] == 4, kind
        embed = assert_answer(await handle.reply())
        if kind == "ordinary" and command != "episode":
            assert "Chayo" in embed["title"] + embed["description"]
    somos.assert_alive()


async def test_cast_without_a_name_lists_the_cast(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    embed = assert_answer(await (await fake_discord.command("cast")).reply())
    assert "Mercedes Hernández" in json.dumps(embed, ensure_ascii=False)


async def test_spanish_client_gets_spanish(fake_discord: FakeDiscord, somos: RunningSomos) -> None:
    english = assert_answer(await (await fake_discord.command("cast", {"name": "Chayo"})).reply())
    spanish = assert_answer(
        await (await fake_discord.command("cast", {"name": "Chayo"}, locale="es-ES")).reply()
    )
    assert "interpreta" in spanish["description"] and "plays" in english["description"]


def malformed(option: str) -> dict[str, list[dict[str, Any]]]:
    """Options Discord itself would never send for `option`, a string option."""
    return {
        "wrong option type": [{"name": option, "type": 4, "value": 42}],
        "unknown option": [{"name": "nombre", "type": 3, "value": "Chayo"}],
        "null value": [{"name": option, "type": 3, "value": None}],
        "nested garbage": [{"name": option, "type": 3, "value": {"$ne": 1}}],
        "duplicated": [{"name": option, "type": 3, "value": "a"}] * 2,
        "a subcommand where none is": [{"name": option, "type": 1, "options": []}],
    }


@pytest.mark.parametrize("command", ["cast", "episode", "ask"])
async def test_malformed_options_are_still_acknowledged(
    fake_discord: FakeDiscord, somos: RunningSomos, command: str
) -> None:
    for kind, options in malformed(OPTION[command]).items():
        handle = await fake_discord.command(
            command, options=options, user=fake_discord.new_member()
        )
        assert (await handle.response())["type"] == 4, kind
    somos.assert_alive()
    assert_answer(await (await fake_discord.command("about")).reply())


async def test_ask_without_its_required_question_is_answered_privately(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    reply = await (await fake_discord.command("ask", options=[])).reply()
    assert reply["flags"] & EPHEMERAL and reply["content"]
    somos.assert_alive()


TYPED = ["cha", "", "Doña", "dona", "x" * 6000, MENTIONS, "🌵🌵", "1", "\u0000\ufffd", "   "]


@pytest.mark.parametrize(("command", "option"), [("cast", "name"), ("episode", "which")])
async def test_autocomplete(
    fake_discord: FakeDiscord, somos: RunningSomos, command: str, option: str
) -> None:
    for typed in TYPED:
        handle = await fake_discord.autocomplete(command, option, typed)
        callback = await handle.response()
        assert callback["type"] == 8, typed
        choices = callback["data"]["choices"]
        assert len({c["value"] for c in choices}) == len(choices), f"duplicates for {typed!r}"
        if typed in ("cha", "Doña", "dona") and command == "cast":
            assert "Mercedes Hernández" in [c["name"] for c in choices]
        if typed == "":
            assert choices, "an empty box should offer something to pick"
    somos.assert_alive()


async def test_a_fan_over_the_cooldown_is_told_privately(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    fan = fake_discord.new_member()
    replies = [await (await fake_discord.command("about", user=fan)).reply() for _ in range(6)]
    assert all(reply["embeds"] for reply in replies[:5])
    assert replies[5]["flags"] & EPHEMERAL and "Try again" in replies[5]["content"]
    other = await (await fake_discord.command("about", user=fake_discord.new_member())).reply()
    assert other["embeds"], "the cooldown is per member"
    somos.assert_alive()


def random_texts(seed: int, count: int) -> list[str]:
    """Strings from every corner of Unicode a fan's keyboard (or a troll) can produce."""
    rng = random.Random(seed)
    alphabet = (
        "abcñáéíóúü¿¡ ABC0123456789 *_~`|>#-[]()<@&!:"
        "\u200b\u200d\u202e\u0301\u0000\t\n"
        "名前한국어العربيةעברית🌵👩‍👩‍👧🇲🇽\U0001d54a\ufffd"
    )
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.choice([1, 5, 40, 300, 2100])))
        for _ in range(count)
    ]


@pytest.mark.parametrize("command", ["ask", "cast"])
async def test_random_text_is_always_answered_within_limits(
    fake_discord: FakeDiscord, somos: RunningSomos, command: str
) -> None:
    """Seeded fuzzing through the wire: every body is spec-checked by the fake Discord."""
    for text in random_texts(seed=len(command), count=20):
        handle = await fake_discord.command(
            command, {OPTION[command]: text}, user=fake_discord.new_member()
        )
        assert_answer(await handle.reply())
        complete = await fake_discord.autocomplete("cast", "name", text)
        assert (await complete.response())["type"] == 8
    somos.assert_alive()


async def test_commands_in_a_direct_message(fake_discord: FakeDiscord, somos: RunningSomos) -> None:
    """Fan commands work in a DM with the bot; /kb is for servers only and says so privately."""
    answer = await fake_discord.command("cast", {"name": "Chayo"}, direct_message=True)
    assert "Chayo" in assert_answer(await answer.reply())["title"]
    refused = await (await fake_discord.command("kb status", direct_message=True)).reply()
    assert refused["flags"] & EPHEMERAL and "server" in refused["content"].lower()
    assert not refused.get("embeds"), "no status leaks into a DM"
    somos.assert_alive()
