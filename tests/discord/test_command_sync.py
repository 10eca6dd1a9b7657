"""The command payload `tree.sync()` sends is valid for Discord, in English and Spanish."""

from __future__ import annotations

from typing import Any

import discord

from bot.adapters.discord import limits
from tests.support.discord_harness import Harness
from tests.support.discord_payloads import GUILD_ID
from tests.support.discord_spec import assert_valid, request_validator


async def _synced(harness: Harness, guild: bool = False) -> tuple[str, list[dict[str, Any]]]:
    target = discord.Object(int(GUILD_ID)) if guild else None
    await harness.bot.tree.sync(guild=target)
    (put,) = [s for s in harness.http.sent if s.method == "PUT"]
    assert isinstance(put.payload, list)
    return put.path, put.payload


def _walk(payload: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every command and option, nested ones included."""
    out = []
    for item in payload:
        out.append(item)
        out.extend(_walk(item.get("options") or []))
    return out


async def test_global_payload_matches_the_spec(harness: Harness) -> None:
    path, payload = await _synced(harness)
    assert path == "/applications/{application_id}/commands"
    assert_valid(request_validator("/applications/{application_id}/commands", "PUT"), payload)


async def test_names_and_descriptions_within_discord_rules(harness: Harness) -> None:
    _, payload = await _synced(harness)
    names = {command["name"] for command in payload}
    assert names == {
        "cast",
        "episode",
        "creators",
        "season2",
        "about",
        "ask",
        "sources",
        "help",
        "kb",
    }
    for item in _walk(payload):
        assert limits.is_valid_command_name(item["name"]), item["name"]
        assert limits.DESCRIPTION_MIN <= len(item["description"]) <= limits.DESCRIPTION_MAX
        for text in (item.get("description_localizations") or {}).values():
            assert limits.DESCRIPTION_MIN <= len(text) <= limits.DESCRIPTION_MAX


async def test_spanish_descriptions_for_both_spanish_locales(harness: Harness) -> None:
    _, payload = await _synced(harness)
    for item in _walk(payload):
        localized = item.get("description_localizations") or {}
        assert set(localized) == {"es-ES", "es-419"}, item["name"]
        assert localized["es-ES"] != item["description"] or item["name"] == "help"
    cast = next(c for c in payload if c["name"] == "cast")
    assert cast["description_localizations"]["es-ES"] == "Quién interpreta a quién en Somos."


async def test_kb_is_for_managers_in_servers_only(harness: Harness) -> None:
    _, payload = await _synced(harness)
    kb = next(c for c in payload if c["name"] == "kb")
    assert int(kb["default_member_permissions"]) == discord.Permissions(manage_guild=True).value
    assert kb["contexts"] == [0]  # guild only
    assert {o["name"] for o in kb["options"]} == {"reload", "status", "gaps", "reports"}


async def test_guild_sync_uses_the_guild_route(harness: Harness) -> None:
    harness.bot.tree.copy_global_to(guild=discord.Object(int(GUILD_ID)))
    path, payload = await _synced(harness, guild=True)
    assert path == "/applications/{application_id}/guilds/{guild_id}/commands"
    assert_valid(
        request_validator("/applications/{application_id}/guilds/{guild_id}/commands", "PUT"),
        payload,
    )
