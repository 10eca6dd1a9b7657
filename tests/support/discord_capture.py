"""Capture what discord.py would send to Discord, with no network.

`CapturingAdapter` replaces the webhook adapter that every interaction response and followup goes
through (`discord.webhook.async_.async_context`); `capture_http` replaces `bot.http.request` for
the REST calls a bot makes itself (replies to messages, command sync). Both answer like Discord.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import discord
from discord.webhook.async_ import AsyncWebhookAdapter

_ids = itertools.count(1_300_000_000_000_000_000)


def snowflake() -> str:
    """A fresh, unique id."""
    return str(next(_ids))


@dataclass
class Sent:
    """One request the library made."""

    method: str
    path: str
    url: str
    payload: dict[str, Any] | list[Any] | None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def data(self) -> dict[str, Any]:
        """The message data of an interaction callback, or the body of a webhook message."""
        assert isinstance(self.payload, dict)
        return (self.payload.get("data") or {}) if "type" in self.payload else self.payload


def message_payload(channel_id: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    """A message object as Discord returns it after creating one from `body`."""
    body = body or {}
    return {
        "id": snowflake(),
        "channel_id": channel_id,
        "type": 0,
        "content": body.get("content") or "",
        "author": {"id": "1", "username": "somos", "discriminator": "0", "avatar": None},
        "attachments": [],
        "embeds": body.get("embeds") or [],
        "components": body.get("components") or [],
        "mentions": [],
        "mention_roles": [],
        "mention_everyone": False,
        "pinned": False,
        "tts": False,
        "timestamp": "2026-01-01T00:00:00+00:00",
        "edited_timestamp": None,
        "flags": body.get("flags") or 0,
    }


class CapturingAdapter(AsyncWebhookAdapter):
    """Records every interaction/webhook request and returns what Discord would."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[Sent] = []

    async def request(self, route: Any, session: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        payload = kwargs.get("payload")
        self.sent.append(
            Sent(route.method, route.path, route.url, payload, dict(kwargs.get("params") or {}))
        )
        if route.path.endswith("/callback"):
            kind = (payload or {}).get("type", 4)
            return {"interaction": {"id": str(route.webhook_id), "type": kind}}
        if route.method in {"POST", "PATCH", "GET"}:
            return message_payload("0", payload)
        return None

    def callbacks(self) -> list[dict[str, Any]]:
        """The bodies of interaction callbacks, in order."""
        return [s.payload for s in self.sent if s.path.endswith("/callback")]  # type: ignore[misc]


class CapturingHTTP:
    """Stands in for `bot.http.request`: records REST calls, answers like Discord."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []

    async def __call__(self, route: discord.http.Route, **kwargs: Any) -> Any:
        payload = kwargs.get("json")
        self.sent.append(
            Sent(route.method, route.path, route.url, payload, kwargs.get("params") or {})
        )
        if route.path.endswith("/commands") and route.method == "PUT":
            return [
                {**command, "id": snowflake(), "application_id": "1", "version": "1", "type": 1}
                for command in payload or []
            ]
        if route.path == "/channels/{channel_id}/messages":
            return message_payload(str(route.channel_id), payload)
        return {}


def capture_http(bot: discord.Client) -> CapturingHTTP:
    """Make `bot` send its REST calls to a `CapturingHTTP` and return it."""
    capture = CapturingHTTP()
    bot.http.request = capture  # type: ignore[method-assign]
    return capture
