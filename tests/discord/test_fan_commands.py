"""Each fan command, sent as Discord sends it, answers with a valid embed and the report button."""

from __future__ import annotations

import pytest

from bot.adapters.discord.cogs.fans import COOLDOWN_RATE
from tests.support.discord_capture import snowflake
from tests.support.discord_harness import Harness
from tests.support.discord_payloads import slash
from tests.support.discord_spec import assert_valid_callback

COMMANDS = [
    ("cast", {}),
    ("cast", {"name": "Doña Chayo"}),
    ("episode", {}),
    ("episode", {"which": "3"}),
    ("creators", {}),
    ("season2", {}),
    ("about", {}),
    ("sources", {}),
    ("help", {}),
    ("ask", {"question": "Who directed Somos.?"}),
]


@pytest.mark.parametrize(("name", "options"), COMMANDS, ids=lambda v: str(v))
async def test_fan_command_answers_with_a_valid_embed(
    harness: Harness, name: str, options: dict[str, str]
) -> None:
    sent = await harness.interact(slash(name, options))

    assert len(sent) == 1
    body = sent[0].payload
    assert isinstance(body, dict)
    assert body["type"] == 4
    assert_valid_callback(body)
    data = body["data"]
    assert len(data["embeds"]) == 1
    assert data["embeds"][0]["title"]
    assert data["allowed_mentions"] == {"parse": []}
    button = data["components"][0]["components"][0]
    assert button["custom_id"].startswith("somos:report:")
    assert button["label"] == "Report a mistake"


async def test_spanish_locale_answers_in_spanish(harness: Harness) -> None:
    for locale in ("es-ES", "es-419"):
        (sent,) = await harness.interact(slash("cast", {"name": "Doña Chayo"}, locale=locale))
        embed = sent.data["embeds"][0]
        assert any(field["name"] == "Fuentes" for field in embed.get("fields", [])), embed
        assert sent.data["components"][0]["components"][0]["label"] == "Reportar un error"


async def test_unanswerable_question_is_recorded_as_a_gap(harness: Harness) -> None:
    question = "What is the budget of the catering truck?"
    (sent,) = await harness.interact(slash("ask", {"question": question}))
    assert_valid_callback(sent.payload)  # type: ignore[arg-type]
    (sent,) = await harness.interact(slash("ask", {"question": question.upper()}))

    gaps = harness.storage.top_gaps(5)
    assert [(g.example, g.count) for g in gaps] == [(question.upper(), 2)]


async def test_answered_question_is_not_a_gap(harness: Harness) -> None:
    await harness.interact(slash("cast", {"name": "Doña Chayo"}))
    assert harness.storage.top_gaps(5) == []


async def test_user_text_is_escaped_and_never_pings(harness: Harness) -> None:
    question = "**@everyone** <@&123456789012345678> _zzqx_"
    (sent,) = await harness.interact(slash("ask", {"question": question}))
    embed = sent.data["embeds"][0]
    assert "@everyone" not in embed["description"]  # broken by a zero-width space
    assert "\\*\\*" in embed["description"]
    assert sent.data["allowed_mentions"] == {"parse": []}


async def test_cooldown_answers_privately_with_the_wait(harness: Harness) -> None:
    user_id = snowflake()
    for _ in range(COOLDOWN_RATE):
        (sent,) = await harness.interact(slash("help", user_id=user_id))
        assert sent.payload["type"] == 4  # type: ignore[index]
    (sent,) = await harness.interact(slash("about", user_id=user_id))

    assert_valid_callback(sent.payload)  # type: ignore[arg-type]
    assert sent.data["flags"] == 64  # ephemeral
    assert "Try again in" in sent.data["content"]
    assert "embeds" not in sent.data or not sent.data["embeds"]


async def test_a_broken_database_does_not_stop_answers(harness: Harness) -> None:
    harness.storage.path.write_bytes(b"this is not a database" * 100)
    (sent,) = await harness.interact(slash("ask", {"question": "zzqx unanswerable blorp"}))
    assert sent.payload["type"] == 4  # type: ignore[index]
    assert sent.data["embeds"]
    assert harness.storage.health().startswith("unhealthy")
