"""Raw gateway payloads (INTERACTION_CREATE, MESSAGE_CREATE) as Discord sends them.

Fed to `bot._connection.parse_interaction_create(...)` / `parse_message_create(...)`, they drive
the real discord.py parsing, command tree, views and modals.
"""

from __future__ import annotations

from typing import Any

import discord

from tests.support.discord_capture import snowflake

APPLICATION_ID = "1100000000000000001"
GUILD_ID = "1200000000000000001"
CHANNEL_ID = "1200000000000000002"
BOT_USER_ID = APPLICATION_ID

EVERYONE = discord.Permissions(send_messages=True, view_channel=True, use_application_commands=True)
MANAGER = EVERYONE | discord.Permissions(manage_guild=True)


def user(user_id: str | None = None, name: str = "fan") -> dict[str, Any]:
    """A user object."""
    return {
        "id": user_id or snowflake(),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
    }


def _interaction(
    kind: int,
    data: dict[str, Any],
    *,
    locale: str = "en-US",
    permissions: discord.Permissions = EVERYONE,
    user_id: str | None = None,
    in_guild: bool = True,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": snowflake(),
        "application_id": APPLICATION_ID,
        "type": kind,
        "data": data,
        "token": "tok-" + snowflake(),
        "version": 1,
        "locale": locale,
        "attachment_size_limit": 10 * 1024 * 1024,
        "app_permissions": str(EVERYONE.value),
        "entitlements": [],
        "authorizing_integration_owners": {"0": GUILD_ID} if in_guild else {},
        "context": 0 if in_guild else 1,
        "channel_id": CHANNEL_ID,
        "channel": {
            "id": CHANNEL_ID,
            "type": 0 if in_guild else 1,
            "name": "general",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "rate_limit_per_user": 0,
            "last_message_id": None,
            "flags": 0,
        },
    }
    member_user = user(user_id)
    if in_guild:
        payload["guild_id"] = GUILD_ID
        payload["guild_locale"] = "en-US"
        payload["channel"]["guild_id"] = GUILD_ID
        payload["member"] = {
            "user": member_user,
            "roles": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": str(permissions.value),
        }
    else:
        payload["user"] = member_user
    if message is not None:
        payload["message"] = message
    return payload


def slash(
    name: str,
    options: dict[str, Any] | None = None,
    *,
    subcommand: str | None = None,
    focused: str | None = None,
    **context: Any,
) -> dict[str, Any]:
    """A chat-input command (type 2), or its autocomplete (type 4) if `focused` names an option."""
    opts = [
        {"name": key, "type": 3, "value": value, **({"focused": True} if key == focused else {})}
        for key, value in (options or {}).items()
    ]
    if subcommand is not None:
        opts = [{"name": subcommand, "type": 1, "options": opts}]
    data = {"id": snowflake(), "name": name, "type": 1, "options": opts}
    if context.get("in_guild", True):
        data["guild_id"] = GUILD_ID
    return _interaction(4 if focused else 2, data, **context)


def button_click(custom_id: str, message: dict[str, Any], **context: Any) -> dict[str, Any]:
    """A click (type 3) on the button `custom_id` under `message`."""
    data = {"custom_id": custom_id, "component_type": 2}
    return _interaction(3, data, message=message, **context)


def modal_submit(
    custom_id: str, values: dict[str, str], *, user_id: str, **context: Any
) -> dict[str, Any]:
    """A modal submission (type 5) with text inputs wrapped in labels, as Discord sends them."""
    components = [
        {"type": 18, "id": i + 1, "component": {"type": 4, "custom_id": key, "value": value}}
        for i, (key, value) in enumerate(values.items())
    ]
    data = {"custom_id": custom_id, "components": components}
    return _interaction(5, data, user_id=user_id, **context)


def message_create(
    content: str, *, mentions: list[str], author_bot: bool = False
) -> dict[str, Any]:
    """A MESSAGE_CREATE in the test guild's channel."""
    return {
        "id": snowflake(),
        "channel_id": CHANNEL_ID,
        "guild_id": GUILD_ID,
        "type": 0,
        "content": content,
        "author": {**user(), "bot": author_bot},
        "member": {
            "roles": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
        },
        "attachments": [],
        "embeds": [],
        "mentions": [user(m, "somos") for m in mentions],
        "mention_roles": [],
        "mention_everyone": "@everyone" in content,
        "pinned": False,
        "tts": False,
        "timestamp": "2026-01-01T00:00:00+00:00",
        "edited_timestamp": None,
        "flags": 0,
        "components": [],
    }
