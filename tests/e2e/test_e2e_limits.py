"""Discord's limits on the wire, with knowledge large enough to break them.

The scenarios answer about a cast of 40 (more than 25 autocomplete choices) including a name of
300 characters (longer than an embed title and a choice name). Every body is validated by the
fake Discord, so a renderer that stopped respecting `limits.py` fails these scenarios by name.
The `*_is_caught` tests prove it: they break one limit and expect the wire check to object.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import discord
import pytest
import yaml
from fakediscord import FakeDiscord
from somos import RunningSomos, running_somos, settings_for

from bot.adapters.discord import limits

pytestmark = pytest.mark.e2e

LONG_NAME = "Doña " + " ".join(["Chayo"] * 59)  # 5 + 59 * 6 - 1 = 358 characters
EXTRA_CAST = 40


def enlarge_cast(knowledge_dir: Path) -> None:
    """Add 40 actors (one with a 358-character name) to the temporary knowledge copy."""
    path = knowledge_dir / "cast.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    source = data["cast"][0]["claims"][0]["sources"][0]
    for number in range(EXTRA_CAST):
        actor = LONG_NAME if number == 0 else f"Actriz Número {number}"
        data["cast"].append(
            {
                "id": f"extra-{number}",
                "actor": actor,
                "character": f"Personaje {number}",
                "claims": [{"text": f"{actor} plays Personaje {number}.", "sources": [source]}],
            }
        )
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture
async def big_somos(fake_discord: FakeDiscord, tmp_path: Path) -> AsyncIterator[RunningSomos]:
    """somos-bot serving a cast of 49."""
    settings = settings_for(fake_discord, tmp_path)
    enlarge_cast(settings.knowledge_dir)
    async with running_somos(fake_discord, settings) as running:
        yield running


async def autocomplete_everyone(fake: FakeDiscord) -> dict[str, Any]:
    """A fan types "a" into /cast name: nearly everyone matches."""
    handle = await fake.autocomplete("cast", "name", "a")
    return await handle.response()


async def ask_about_the_long_name(fake: FakeDiscord) -> dict[str, Any]:
    """A fan asks /cast about the actor with the 358-character name."""
    handle = await fake.command("cast", {"name": LONG_NAME})
    return await handle.reply()


async def test_autocomplete_over_a_large_cast_keeps_to_25_choices(
    fake_discord: FakeDiscord, big_somos: RunningSomos
) -> None:
    choices = (await autocomplete_everyone(fake_discord))["data"]["choices"]
    assert len(choices) == 25
    assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    big_somos.assert_alive()


async def test_an_answer_about_a_very_long_name_fits_the_embed(
    fake_discord: FakeDiscord, big_somos: RunningSomos
) -> None:
    embed = (await ask_about_the_long_name(fake_discord))["embeds"][0]
    assert len(embed["title"]) <= 256 and embed["title"].endswith("…")
    big_somos.assert_alive()


async def test_breaking_the_choice_limit_is_caught(
    fake_discord: FakeDiscord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "AUTOCOMPLETE_CHOICES", 30)
    settings = settings_for(fake_discord, tmp_path)
    enlarge_cast(settings.knowledge_dir)
    async with running_somos(fake_discord, settings):
        await fake_discord.autocomplete("cast", "name", "a")
        await fake_discord.wait_for_violation()
    [violation] = fake_discord.take_violations()
    assert violation.path.endswith("/callback")
    assert "$.data.choices: 30 items, more than 25" in violation.reason
    fake_discord.interactions.clear()  # Discord refused the answer, so none was acknowledged


async def test_breaking_the_title_limit_is_caught(
    fake_discord: FakeDiscord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "EMBED_TITLE", 300)
    settings = settings_for(fake_discord, tmp_path)
    enlarge_cast(settings.knowledge_dir)
    async with running_somos(fake_discord, settings):
        await fake_discord.command("cast", {"name": LONG_NAME})
        await fake_discord.wait_for_violation()
    violations = fake_discord.take_violations()
    assert any(
        re.search(r"\$\.data\.embeds\[0\]\.title: \d+ characters, more than 256", v.reason)
        for v in violations
    ), violations


async def test_breaking_the_embed_total_is_caught(
    fake_discord: FakeDiscord, somos: RunningSomos
) -> None:
    """The 6000-character total is not in the spec: the double checks it by hand."""
    channel = somos.bot.get_channel(fake_discord.guild.channel.id)
    assert isinstance(channel, discord.TextChannel)
    embeds = [discord.Embed(title="t", description="d" * 4000) for _ in range(2)]
    with pytest.raises(discord.HTTPException) as refused:
        await channel.send(embeds=embeds)
    assert refused.value.status == 400
    [violation] = fake_discord.take_violations()
    assert "8002 characters of text, more than Discord's 6000" in violation.reason
