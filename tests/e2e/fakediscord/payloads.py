"""Builders for the JSON objects Discord sends: users, guilds, messages and interactions.

Every builder returns what Discord's gateway or REST API would, with just the fields discord.py
reads plus the ones it needs (`attachment_size_limit` on interactions since discord.py 2.6).
"""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000
_increment = itertools.count(1)

# Permission bits (https://discord.com/developers/docs/topics/permissions)
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_GUILD = 1 << 5
ADMINISTRATOR = 1 << 3
MEMBER_PERMISSIONS = (
    VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS
)
MODERATOR_PERMISSIONS = MEMBER_PERMISSIONS | MANAGE_GUILD

# Interaction types
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
# Application command option types
OPTION_SUB_COMMAND, OPTION_SUB_COMMAND_GROUP = 1, 2


def snowflake() -> int:
    """A fresh snowflake for now, unique within the process."""
    now_ms = int(datetime.now(UTC).timestamp() * 1000)
    return ((now_ms - DISCORD_EPOCH_MS) << 22) | (next(_increment) % 4096)


def iso_now() -> str:
    """The current time as Discord writes it."""
    return datetime.now(UTC).isoformat()


def user(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    """A user object."""
    return {
        "id": str(user_id),
        "username": name,
        "global_name": None if bot else name,
        "discriminator": "0" if not bot else "0001",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
        "primary_guild": None,
    }


@dataclass
class FakeUser:
    """A person (or the bot) on the fake Discord."""

    name: str
    id: int = field(default_factory=snowflake)
    bot: bool = False

    def payload(self) -> dict[str, Any]:
        return user(self.id, self.name, bot=self.bot)


@dataclass
class FakeChannel:
    """A guild text channel."""

    name: str = "general"
    id: int = field(default_factory=snowflake)

    def payload(self, guild_id: int) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "type": 0,
            "guild_id": str(guild_id),
            "name": self.name,
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }


@dataclass
class FakeGuild:
    """A guild the bot is in, with one text channel by default."""

    name: str = "Somos fans"
    id: int = field(default_factory=snowflake)
    owner_id: int = field(default_factory=snowflake)
    channels: list[FakeChannel] = field(default_factory=lambda: [FakeChannel()])

    @property
    def channel(self) -> FakeChannel:
        """The first text channel, where scenarios talk by default."""
        return self.channels[0]

    def everyone_role(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": "@everyone",
            "permissions": str(MEMBER_PERMISSIONS),
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }

    def create_payload(self, bot_user: FakeUser) -> dict[str, Any]:
        """The GUILD_CREATE payload, with the bot as its only cached member."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [self.everyone_role()],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "joined_at": iso_now(),
            "large": False,
            "unavailable": False,
            "member_count": 2,
            "voice_states": [],
            "members": [member(bot_user.payload(), MEMBER_PERMISSIONS)],
            "channels": [channel.payload(self.id) for channel in self.channels],
            "threads": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }


def member(user_payload: dict[str, Any], permissions: int | None = None) -> dict[str, Any]:
    """A guild member; `permissions` is set as in an interaction (computed for the channel)."""
    data: dict[str, Any] = {
        "user": user_payload,
        "roles": [],
        "nick": None,
        "avatar": None,
        "joined_at": iso_now(),
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


def message(
    *,
    channel_id: int,
    author: dict[str, Any],
    body: dict[str, Any],
    guild_id: int | None = None,
    message_id: int | None = None,
    message_type: int = 0,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A message object as REST returns it, built from the request `body` that created it."""
    data: dict[str, Any] = {
        "id": str(message_id or snowflake()),
        "channel_id": str(channel_id),
        "author": author,
        "content": body.get("content") or "",
        "timestamp": iso_now(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [{"type": "rich", **embed} for embed in body.get("embeds") or []],
        "components": numbered_components(body.get("components") or []),
        "pinned": False,
        "type": message_type,
        "flags": int(body.get("flags") or 0),
    }
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
    if body.get("message_reference"):
        reference = body["message_reference"]
        data["message_reference"] = {
            "type": 0,
            "channel_id": str(channel_id),
            **{k: str(v) for k, v in reference.items() if k.endswith("_id") and v is not None},
        }
    data.update(extra or {})
    return data


def numbered_components(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Components as Discord returns them: each with a numeric `id` (depth first, from 1) unless
    the bot chose one, and without null emoji ids."""
    counter = itertools.count(1)

    def number(component: dict[str, Any]) -> dict[str, Any]:
        out = {**component, "id": component.get("id") or next(counter)}
        if isinstance(out.get("emoji"), dict):
            out["emoji"] = {k: v for k, v in out["emoji"].items() if v is not None}
        if isinstance(out.get("components"), list):
            out["components"] = [number(child) for child in out["components"]]
        return out

    return [number(component) for component in components]


def interaction(
    *,
    interaction_type: int,
    data: dict[str, Any] | None,
    application_id: int,
    guild: FakeGuild,
    invoker: FakeUser,
    permissions: int = MEMBER_PERMISSIONS,
    channel: FakeChannel | None = None,
    locale: str = "en-US",
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An INTERACTION_CREATE payload from a member of `guild` with `permissions` in the channel."""
    where = channel or guild.channel
    payload: dict[str, Any] = {
        "id": str(snowflake()),
        "application_id": str(application_id),
        "type": interaction_type,
        "token": "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48),
        "version": 1,
        "guild_id": str(guild.id),
        "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
        "channel_id": str(where.id),
        "channel": {**where.payload(guild.id), "permissions": str(permissions)},
        "member": member(invoker.payload(), permissions),
        "app_permissions": str(MEMBER_PERMISSIONS),
        "locale": locale,
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild.id)},
        "context": 0,
        "attachment_size_limit": 10_485_760,
    }
    if data is not None:
        payload["data"] = data
    payload.update(extra or {})
    return payload


def in_direct_message(payload: dict[str, Any], user_id: int) -> dict[str, Any]:
    """`payload` as if sent from the member's DM with the bot: `user` instead of `member`, no
    guild, a DM channel, and the BOT_DM context."""
    invoker = payload["member"]["user"]
    dm_channel = {
        "id": str(snowflake()),
        "type": 1,
        "recipients": [invoker],
        "last_message_id": None,
        "flags": 0,
    }
    moved = {k: v for k, v in payload.items() if k not in ("member", "guild_id", "guild")}
    return {
        **moved,
        "user": invoker,
        "channel_id": dm_channel["id"],
        "channel": dm_channel,
        "context": 1,
        "authorizing_integration_owners": {"0": str(user_id)},
    }


def command_options(
    definition: dict[str, Any] | None, values: dict[str, Any], focused: str | None = None
) -> list[dict[str, Any]]:
    """Interaction options for `values`, typed from the synced option `definition`s.

    Without a definition (a command the double has not seen synced) strings are sent as type 3.
    """
    declared = {opt["name"]: opt for opt in (definition or {}).get("options") or []}
    options = []
    for name, value in values.items():
        option_type = declared.get(name, {}).get("type", 3)
        option: dict[str, Any] = {"name": name, "type": option_type, "value": value}
        if name == focused:
            option["focused"] = True
        options.append(option)
    return options


def modal_submit_components(modal: dict[str, Any], values: dict[str, str]) -> list[dict[str, Any]]:
    """What Discord sends back for `modal` (the type 9 callback data) filled in with `values`.

    Mirrors the modal's layout: action rows of text inputs, or labels wrapping one input each.
    Inputs not named in `values` come back empty.
    """
    submitted: list[dict[str, Any]] = []
    for row in modal.get("components", []):
        if row.get("type") == 1:  # action row
            submitted.append(
                {
                    "type": 1,
                    "components": [
                        {
                            "type": 4,
                            "custom_id": item["custom_id"],
                            "value": values.get(item["custom_id"], ""),
                        }
                        for item in row.get("components", [])
                        if item.get("type") == 4
                    ],
                }
            )
        elif row.get("type") == 18:  # label
            inner = row.get("component", {})
            if inner.get("type") == 4:
                submitted.append(
                    {
                        "type": 18,
                        "id": row.get("id", 0),
                        "component": {
                            "type": 4,
                            "id": inner.get("id", 0),
                            "custom_id": inner["custom_id"],
                            "value": values.get(inner["custom_id"], ""),
                        },
                    }
                )
    return submitted


def find_button(message_body: dict[str, Any], label_or_id: str) -> dict[str, Any] | None:
    """The button in a message body whose label or custom_id is `label_or_id`."""
    stack: list[dict[str, Any]] = list(message_body.get("components") or [])
    while stack:
        component = stack.pop(0)
        if component.get("type") == 2 and label_or_id in (
            component.get("label"),
            component.get("custom_id"),
        ):
            return component
        stack.extend(component.get("components") or [])
        if isinstance(component.get("accessory"), dict):
            stack.append(component["accessory"])
    return None
